import { DEPARTMENT_SCOPE } from '@/domain/indicator'
import type { QueryEngine } from '@/engine/QueryEngine'
import { EXPORT_SQL } from '@/engine/sql/export'
import { csvFile } from '@/export/csv'
import { FILE_KINDS, type FileKind } from './fileKinds'

export type ExportKind = keyof typeof EXPORT_SQL
export const EXPORT_KINDS = Object.keys(EXPORT_SQL) as ExportKind[]

/**
 * A store table as its file (docs/formats.md, "Exports"), for the 导出 button and for a lossless round trip through
 * an upload.
 */
export async function exportCsv(engine: QueryEngine, kind: ExportKind): Promise<Uint8Array> {
  const rows = await engine.query(EXPORT_SQL[kind])
  const header = FILE_KINDS[kind].columns.map((c) => c.zh)
  return csvFile([header, ...rows.map((r) => header.map((h) => r[h] ?? null))])
}

const EXAMPLES: Record<FileKind, Record<string, string>> = {
  indicators: {
    id: 'D01', scope: DEPARTMENT_SCOPE, group: '招商引资', name: '新签约亿元以上项目', target: '20个以上', unit: '个',
    direction: '≥', measure: '累计', basis: '部门整体绩效目标',
  },
  projects: {
    code: '13020924P000000000001', name: '示例项目', department: '示例主管部门', unit_name: '示例实施单位', budget: '500.00',
    fiscal: '500.00', purpose: '资金用途说明', goal: '年度总体目标',
  },
  spending_plan: { code: '13020924P000000000001', month: '6', share: '30' },
  actuals: { id: 'D01', period: '2024-07', value: '12', unit: '个', basis: '累计', note: '偏差原因或说明' },
  spending: { code: '13020924P000000000001', period: '2024-07', amount: '42.30' },
  ledger: { date: '2024-07-15', code: '13020924P000000000001', amount: '12345.60' },
  links: { id: 'D02', last_year_id: 'ZS-02' },
}

/** A template per kind: the headers of docs/formats.md and one example row. */
export function templateCsv(kind: FileKind): Uint8Array {
  const columns = FILE_KINDS[kind].columns
  const extra = kind === 'ledger' ? ['凭证号', '收款人', '摘要'] : []
  const example = kind === 'ledger' ? ['付-202407-0001', '示例收款单位', '支付服务费'] : []
  return csvFile([
    [...columns.map((c) => c.zh), ...extra],
    [...columns.map((c) => EXAMPLES[kind][c.key] ?? null), ...example],
  ])
}
