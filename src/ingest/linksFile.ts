import type { ManualLink } from '@/domain/yearOnYear'
import { csvFile } from '@/export/csv'
import type { Scope } from './apply'
import { FILE_KINDS } from './fileKinds'

/**
 * A person's links to last year's indicators as the indicator_links.csv they would upload (docs/formats.md), with
 * 年度 and 预算单位 written on every row: its rows go to that unit and year whatever year the data page has chosen.
 * An empty 上年指标编码 removes an automatic match.
 */
export function linksFile(links: readonly ManualLink[], scope: Scope): { fileName: string; bytes: Uint8Array } {
  const header = FILE_KINDS.links.columns.map((c) => c.zh)
  const byKey: Record<string, (l: ManualLink) => string | number | null> = {
    id: (l) => l.id,
    last_year_id: (l) => l.lastYearId,
    year: () => scope.year,
    org: () => scope.org,
  }
  const rows = links.map((l) => FILE_KINDS.links.columns.map((c) => byKey[c.key]?.(l) ?? null))
  return { fileName: FILE_KINDS.links.fileName, bytes: csvFile([header, ...rows]) }
}
