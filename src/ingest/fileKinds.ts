// The CSV contract of docs/formats.md: Chinese headers, English keys as aliases in any letter case.
import type { StoreTable } from '@/engine/sql/batch'

export type FileKind = 'indicators' | 'projects' | 'spending_plan' | 'actuals' | 'spending' | 'ledger' | 'links'

/** How a cell is read: text as is, a number (`1,200.50`, `12.5%`), a month (`2024-07`, `2024/7`, `2024年7月`), a date. */
export type ColumnType = 'text' | 'number' | 'month' | 'integer' | 'date'

export interface ColumnSpec {
  key: string
  zh: string
  /** Other accepted headers besides `zh` and `key`. */
  aliases?: string[]
  /** The header is required but a cell may be empty (an empty 上年指标编码 unlinks an indicator from last year's). */
  allowEmpty?: boolean
  /** Headers looked for before `zh`: 计量单位 is the unit even where 单位 also stands (then naming the 单位 of a budget unit). */
  prefer?: string[]
  type: ColumnType
  required: boolean
  /** A number that cannot be below zero: budgets, plan shares, 分值 (a month's spending may be, after a refund). */
  nonNegative?: boolean
}

export interface FileKindSpec {
  kind: FileKind
  zh: string
  en: string
  /** The file name of this kind in `data/` and in exports. */
  fileName: string
  columns: ColumnSpec[]
  /** The upsert key. */
  key: string[]
}

const col = (key: string, zh: string, type: ColumnType, required = false, aliases: string[] = []): ColumnSpec => ({
  key,
  zh,
  type,
  required,
  aliases,
})

/**
 * 年度 and 单位 (a budget unit, by name or code), which any file may carry (docs/formats.md "Many years, many units").
 * They come last so that a kind's own columns choose first: in 指标 and 完成值 files 单位 is the unit of measure
 * unless 计量单位 stands beside it.
 */
const yearAndOrg = (orgAliases: string[]): ColumnSpec[] => [
  col('year', '年度', 'integer', false, ['预算年度']),
  col('org', '预算单位', 'text', false, ['单位名称', '单位编码', '预算单位名称', '预算单位编码', ...orgAliases]),
]
const nonNegative = (c: ColumnSpec): ColumnSpec => ({ ...c, nonNegative: true })
const measureUnit = (): ColumnSpec => ({ ...col('unit', '单位', 'text', false, ['计量单位']), prefer: ['计量单位'] })

export const FILE_KINDS: Record<FileKind, FileKindSpec> = {
  indicators: {
    kind: 'indicators',
    zh: '指标',
    en: 'Indicators',
    fileName: 'indicators.csv',
    key: ['id'],
    columns: [
      col('id', '指标编码', 'text', true),
      col('scope', '所属', 'text', true),
      col('group', '分项', 'text'),
      col('level1', '一级指标', 'text'),
      col('level2', '二级指标', 'text'),
      col('name', '三级指标', 'text', true, ['指标名称']),
      col('target', '指标值', 'text', true, ['年度指标值']),
      measureUnit(),
      col('direction', '指标性质', 'text', false, ['指标方向']),
      col('measure', '口径', 'text', false, ['统计口径']),
      nonNegative(col('weight', '分值', 'number', false)),
      col('basis', '指标值确定依据', 'text', false, ['确定依据']),
      col('last_year', '上年完成值', 'number', false, ['上年实际完成值', '上年指标值完成情况']),
      col('history', '历史标准', 'number', false, ['历史值']),
      ...yearAndOrg(['单位']),
    ],
  },
  projects: {
    kind: 'projects',
    zh: '项目',
    en: 'Projects',
    fileName: 'projects.csv',
    key: ['code'],
    columns: [
      col('code', '项目编码', 'text', true),
      col('name', '项目名称', 'text', true),
      col('department', '主管部门', 'text'),
      col('unit_name', '实施单位', 'text'),
      nonNegative(col('budget', '预算数', 'number', true, ['年初预算数'])),
      nonNegative(col('adjusted_budget', '调整后预算数', 'number', false, ['全年预算数'])),
      nonNegative(col('fiscal', '财政资金', 'number')),
      nonNegative(col('other', '其他资金', 'number')),
      col('purpose', '资金用途', 'text'),
      col('goal', '年度目标', 'text', false, ['年度总体目标']),
      ...yearAndOrg(['单位']),
    ],
  },
  spending_plan: {
    kind: 'spending_plan',
    zh: '支出计划',
    en: 'Spending plan',
    fileName: 'spending_plan.csv',
    key: ['code', 'month'],
    columns: [
      col('code', '项目编码', 'text', true),
      col('month', '月份', 'integer', true),
      nonNegative(col('share', '计划支出比例', 'number', true)),
      ...yearAndOrg(['单位']),
    ],
  },
  actuals: {
    kind: 'actuals',
    zh: '完成值',
    en: 'Actuals',
    fileName: 'actuals.csv',
    key: ['id', 'period'],
    columns: [
      col('id', '指标编码', 'text', true),
      col('period', '月份', 'month', true),
      col('value', '完成值', 'number', false),
      measureUnit(),
      col('basis', '数据口径', 'text'),
      col('status', '完成情况', 'text'),
      col('note', '说明', 'text', false, ['偏差原因']),
      ...yearAndOrg(['单位']),
    ],
  },
  spending: {
    kind: 'spending',
    zh: '支出',
    en: 'Spending',
    fileName: 'spending.csv',
    key: ['code', 'period'],
    columns: [
      col('code', '项目编码', 'text', true),
      col('period', '月份', 'month', true),
      col('amount', '支出金额', 'number', true),
      ...yearAndOrg(['单位']),
    ],
  },
  ledger: {
    kind: 'ledger',
    zh: '支付明细',
    en: 'Payment ledger',
    fileName: 'ledger.csv',
    key: [],
    columns: [
      col('date', '支付日期', 'date', true),
      col('code', '项目编码', 'text', true),
      col('amount', '金额', 'number', true, ['支付金额']),
      ...yearAndOrg([]),
    ],
  },
  links: {
    kind: 'links',
    zh: '指标对应关系',
    en: 'Indicator links',
    fileName: 'indicator_links.csv',
    key: ['id'],
    columns: [
      col('id', '指标编码', 'text', true),
      { ...col('last_year_id', '上年指标编码', 'text', true), allowEmpty: true },
      ...yearAndOrg(['单位']),
    ],
  },
}

/** The store table each kind of file goes to; the ledger is aggregated into monthly spending. */
export const KIND_TABLE: Record<FileKind, StoreTable> = {
  indicators: 'indicators',
  projects: 'projects',
  spending_plan: 'spending_plan',
  actuals: 'actuals',
  spending: 'spending',
  ledger: 'spending',
  links: 'indicator_links',
}

/** The columns the workbook readers put first in the CSV they write: the Excel row number (the staging's line) and the sheet. */
export const ROW_COLUMN = '__row'
export const SHEET_COLUMN = '__sheet'

const norm = (header: string) => header.replace(/^\uFEFF/, '').trim().toLowerCase()

/** Maps each column key of `spec` to the file's header that carries it; a header carries one column at most. */
export function matchColumns(spec: FileKindSpec, headers: readonly string[]): Map<string, string> {
  const found = new Map<string, string>()
  const used = new Set<string>()
  for (const column of spec.columns) {
    const names = [...(column.prefer ?? []), column.zh, column.key, ...(column.aliases ?? [])].map(norm)
    for (const name of names) {
      const header = headers.find((h) => !used.has(h) && norm(h) === name)
      if (header === undefined) continue
      found.set(column.key, header)
      used.add(header)
      break
    }
  }
  return found
}

/**
 * Headers that say the same column twice, as pairs of positions (0-based) in `headers`: the same text in any letter
 * case (`完成值`, `完成值`), or two names of one column of `spec` (`完成值` and `value`), of which only the first would
 * be read.
 */
export function duplicateHeaders(spec: FileKindSpec | null, headers: readonly string[]): [number, number][] {
  const pairs: [number, number][] = []
  const first = new Map<string, number>()
  headers.forEach((h, i) => {
    const key = norm(h)
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, i)
    else pairs.push([earlier, i])
  })
  if (spec) {
    const matched = matchColumns(spec, headers)
    for (const column of spec.columns) {
      const taken = matched.get(column.key)
      if (taken === undefined) continue
      const names = new Set([...(column.prefer ?? []), column.zh, column.key, ...(column.aliases ?? [])].map(norm))
      const at = headers.indexOf(taken)
      headers.forEach((h, i) => {
        const carriesOther = [...matched.values()].includes(h)
        if (i !== at && !carriesOther && names.has(norm(h)) && norm(h) !== norm(taken)) pairs.push([Math.min(at, i), Math.max(at, i)])
      })
    }
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1])
}

/**
 * The kind whose required columns are all present; the ledger is told from monthly spending by 支付日期.
 * Among several, the one matching the most columns wins (an actuals file also has 指标编码 like indicators).
 */
export function detectKind(headers: readonly string[]): FileKindSpec | null {
  let best: { spec: FileKindSpec; score: number } | null = null
  for (const spec of Object.values(FILE_KINDS)) {
    const matched = matchColumns(spec, headers)
    const complete = spec.columns.every((c) => !c.required || matched.has(c.key))
    if (!complete) continue
    const score = matched.size / spec.columns.length + matched.size
    if (!best || score > best.score) best = { spec, score }
  }
  return best?.spec ?? null
}

/** The required columns that are missing, in Chinese, for the error message. */
export function missingColumns(spec: FileKindSpec, headers: readonly string[]): ColumnSpec[] {
  const matched = matchColumns(spec, headers)
  return spec.columns.filter((c) => c.required && !matched.has(c.key))
}

/**
 * For headers that are no complete kind: the kind they most look like (two or more of its columns), so that the
 * message can name the missing required columns instead of only "unrecognised".
 */
export function closestKind(headers: readonly string[]): FileKindSpec | null {
  let best: { spec: FileKindSpec; matched: number } | null = null
  for (const spec of Object.values(FILE_KINDS)) {
    const matched = matchColumns(spec, headers).size
    if (matched >= 2 && (!best || matched > best.matched)) best = { spec, matched }
  }
  return best?.spec ?? null
}
