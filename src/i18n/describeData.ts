// The data page's wording: kinds of file, preview columns, where rows go, what a batch did, files that would
// overwrite each other. Pure: the page passes what it knows of units.
import type { StoreTable } from '@/engine/sql/batch'
import type { Scope } from '@/ingest/apply'
import type { BatchPart } from '@/ingest/batches'
import type { FileKind } from '@/ingest/fileKinds'
import type { PreviewCounts } from '@/ingest/upload'
import type { Conflict } from '@/ingest/uploadSession'
import { text, type Leaf } from './catalogue'
import { LOCALE, type Lang } from './lang'
import { messages } from './messages'

export const kindName = (kind: FileKind | null, lang: Lang) => (kind ? text(lang, `data.kind.${kind}`) : text(lang, 'data.unknownKind'))

/** A kind inside a sentence: lower case in English (replaces all indicators of 2024). */
const kindInSentence = (kind: FileKind, lang: Lang) => (lang === 'en' ? kindName(kind, lang).toLowerCase() : kindName(kind, lang))

/** A store column as the preview heads it; a column the catalogue does not name is shown by its key. */
export function columnLabel(table: StoreTable, column: string, lang: Lang): string {
  const labels: Readonly<Record<string, Leaf>> = messages.data.columns[table]
  return Object.hasOwn(labels, column) ? (labels[column] as Leaf)[lang] : column
}

/** A date and time as the page shows it, 24-hour. */
export const formatTime = (iso: string, lang: Lang) => new Date(iso).toLocaleString(LOCALE[lang], { hour12: false })

/** The name of a unit other than the one on screen; null for the unit on screen (then only the year is said). */
export type OtherUnitName = (org: string) => string | null

/** Which years (and, for other units, which units) rows go to: 2024年, or 2024年 · 教育局. */
export function describeScopes(scopes: readonly Scope[], lang: Lang, otherUnit: OtherUnitName = () => null): string {
  return scopes
    .map((s) => {
      const year = text(lang, 'common.year', { year: s.year })
      const unit = otherUnit(s.org)
      return unit === null ? year : `${year} · ${unit}`
    })
    .join(text(lang, 'data.listSeparator'))
}

type ReplacingPart = Pick<BatchPart, 'kind' | 'scopes' | 'within'>

/** What a replacing part replaces: 替换2024年全部指标, or (a 绩效目标表) 替换2024年项目 P1 的指标. */
export function describeReplace(part: ReplacingPart, lang: Lang, otherUnit?: OtherUnitName): string {
  const kind = kindInSentence(part.kind, lang)
  const scopes = describeScopes(part.scopes, lang, otherUnit)
  if (!part.within) return text(lang, 'data.replacesAll', { scopes, kind })
  return text(lang, 'data.replacesWithin', { scopes, kind, codes: part.within.values.join(text(lang, 'data.listSeparator')) })
}

/** One line of the batch history per part: every count, and what a replace replaced. */
export function describeBatchPart(
  part: Pick<BatchPart, 'kind' | 'sheet' | 'mode' | 'scopes' | 'within' | 'counts'>,
  lang: Lang,
  otherUnit?: OtherUnitName,
): string {
  const c = part.counts
  let line = text(lang, 'data.batchPart', {
    kind: kindName(part.kind, lang), rows: c.rows, new: c.new, changed: c.changed, unchanged: c.unchanged, removed: c.removed,
  })
  if (part.mode === 'replace') line = text(lang, 'data.withNote', { text: line, note: describeReplace(part, lang, otherUnit) })
  if (part.kind === 'ledger') {
    line += ` · ${text(lang, 'data.ledgerRows', { n: c.sourceRows.toLocaleString(LOCALE[lang]), months: c.rows })}`
  }
  return part.sheet === null ? line : `${text(lang, 'data.sheet', { sheet: part.sheet })} · ${line}`
}

/** A preview's counts, and for a replacing file what it replaces. */
export function describeEffect(
  part: { kind: FileKind | null; replaces: boolean; scopes: Scope[]; within: BatchPart['within']; counts: PreviewCounts },
  lang: Lang,
  otherUnit?: OtherUnitName,
): string {
  const counts = text(lang, 'data.counts', { ...part.counts })
  if (!part.replaces || !part.kind) return counts
  return text(lang, 'data.withNote', {
    text: counts + text(lang, 'data.removed', { removed: part.counts.removed }),
    note: describeReplace({ kind: part.kind, scopes: part.scopes, within: part.within }, lang, otherUnit),
  })
}

/** A sentence about a row of a worksheet, the sheet named first: 工作表「11月」第5行 完成值 … */
export const inSheet = (sheet: string | null, sentence: string, lang: Lang) =>
  sheet === null ? sentence : text(lang, 'data.inSheet', { sheet, sentence })

const fileAndSheet = (file: string, sheet: string | null, lang: Lang) =>
  sheet === null ? text(lang, 'data.fileName', { file }) : text(lang, 'data.fileSheet', { file, sheet })

/** Another file not yet applied that would overwrite this one's rows. */
export function describeConflict(c: Conflict, lang: Lang, otherUnit?: OtherUnitName): string {
  const kind = kindInSentence(c.kind, lang)
  const file = fileAndSheet(c.otherFile, c.otherSheet, lang)
  const own = c.sheet === null ? '' : `${text(lang, 'data.sheet', { sheet: c.sheet })}${lang === 'zh' ? '' : ': '}`
  const sentence =
    c.reason === 'same-rows'
      ? text(lang, 'data.conflict.sameRows', { file, rows: c.rows, kind })
      : text(lang, 'data.conflict.sameScope', { file, kind, scopes: describeScopes(c.scopes, lang, otherUnit) })
  return own + sentence
}

/** Two sheets of one workbook that would overwrite each other. */
export function describeClash(c: Conflict, lang: Lang, otherUnit?: OtherUnitName): string {
  const sheet = text(lang, 'data.sheet', { sheet: c.sheet ?? '' })
  const other = text(lang, 'data.sheet', { sheet: c.otherSheet ?? '' })
  const kind = kindInSentence(c.kind, lang)
  return c.reason === 'same-rows'
    ? text(lang, 'data.clash.sameRows', { sheet, other, rows: c.rows, kind })
    : text(lang, 'data.clash.sameScope', { sheet, other, kind, scopes: describeScopes(c.scopes, lang, otherUnit) })
}
