// The 项目支出绩效目标表 as departments fill it in Excel or WPS: labels beside their values (项目编码, 预算数 …), the
// 资金支出计划 periods over their shares, then the indicator table 一级 | 二级 | 三级指标 | 指标值 | 指标值确定依据.
// One sheet gives one project, its indicators and its plan, as rows of projects.csv, indicators.csv and
// spending_plan.csv, each value with the cell it came from.
import Papa from 'papaparse'
import { APOSTROPHES_BEFORE_FORMULA } from '@/export/csv'
import { toHalfWidth } from '@/domain/halfWidth'
import { FILE_KINDS, matchColumns, type FileKind } from './fileKinds'
import {
  cellProblem,
  cellText,
  columnCell,
  mergeAt,
  numberText,
  ownCell,
  ROW_COLUMN,
  SHEET_COLUMN,
  type MergedRange,
  type RawCell,
  type SheetGrid,
} from './sheetGrid'
import type { WorkbookProblem } from './workbookMessages'

export type FormKind = Extract<FileKind, 'projects' | 'indicators' | 'spending_plan'>

export interface SourceCell {
  row: number
  column: number
}

/** A row as its CSV file writes it (the DATA.md headers, every column present), with the cell of each value read. */
export interface FormRow {
  sheet: string
  /** The Excel row it stands for: the 项目编码 row, the indicator's own row, the plan's share row. */
  row: number
  values: Record<string, string>
  /** By header; a generated 指标编码 has none. */
  sources: Record<string, SourceCell>
}

export interface TargetForm {
  sheet: string
  projects: FormRow[]
  indicators: FormRow[]
  spendingPlan: FormRow[]
  problems: WorkbookProblem[]
}

type ProjectField = 'code' | 'name' | 'department' | 'unit_name' | 'budget' | 'adjusted_budget' | 'fiscal' | 'other' | 'purpose' | 'goal'
type FormField = ProjectField | 'plan' | 'budget_and_purpose' | 'funds'

/**
 * The labels of the form as the seed's document and the 财政部 template write them, as `formLabel` normalises them.
 * 项目资金 heads the amounts below it and is no value's label: it is listed so that its row counts as a label row.
 */
const LABELS = new Map<string, FormField>([
  ['项目编码', 'code'], ['项目代码', 'code'],
  ['项目名称', 'name'],
  ['主管部门', 'department'], ['主管部门及代码', 'department'], ['主管单位', 'department'],
  ['实施单位', 'unit_name'], ['项目实施单位', 'unit_name'],
  ['预算数', 'budget'], ['年初预算数', 'budget'], ['年度资金总额', 'budget'], ['资金总额', 'budget'],
  ['调整后预算数', 'adjusted_budget'], ['全年预算数', 'adjusted_budget'],
  ['财政资金', 'fiscal'], ['财政拨款', 'fiscal'],
  ['其他资金', 'other'],
  ['资金用途', 'purpose'], ['项目资金用途', 'purpose'],
  ['绩效目标', 'goal'], ['年度目标', 'goal'], ['年度总体目标', 'goal'], ['年度绩效目标', 'goal'], ['总体目标', 'goal'],
  ['资金支出计划', 'plan'],
  ['预算规模及资金用途', 'budget_and_purpose'],
  ['项目资金', 'funds'],
])

const PROJECT_FIELDS: readonly ProjectField[] = ['code', 'name', 'department', 'unit_name', 'budget', 'adjusted_budget', 'fiscal', 'other', 'purpose', 'goal']
const REQUIRED_FIELDS: readonly ProjectField[] = ['code', 'name', 'budget']
const AMOUNT_FIELDS: readonly ProjectField[] = ['budget', 'adjusted_budget', 'fiscal', 'other']

/** A label as written on any form: half-width, no spaces (`其中：财政    资金`), no `（万元）` or `（%）`, no `其中：`. */
export function formLabel(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').replace(/\([^)]*\)/g, '').replace(/^其中:?/, '').replace(/:$/, '')
}

const zhOf = (kind: FormKind, key: string) => FILE_KINDS[kind].columns.find((c) => c.key === key)?.zh ?? key
/** The form names no 年度 or 预算单位 (the page's selected ones apply) and no 上年完成值 or 历史标准. */
const FORM_OMITS: ReadonlySet<string> = new Set(['year', 'org', 'last_year', 'history'])
const formColumns = (kind: FormKind) => FILE_KINDS[kind].columns.filter((c) => !FORM_OMITS.has(c.key))
const emptyValues = (kind: FormKind) => Object.fromEntries(formColumns(kind).map((c) => [c.zh, '']))
const textOf = (grid: SheetGrid, raw: RawCell | undefined) => cellText(raw, null, grid.date1904).trim()

// The same reading of a number as the CSV path (`1,200.50`, `30%`): the form's values are staged as CSV afterwards.
const isNumberText = (text: string) => {
  const cleaned = text.replace(/[,，\s%％]/g, '')
  return cleaned !== '' && Number.isFinite(Number(cleaned))
}

interface LabelScan {
  /** The first cell of each label, in reading order. */
  first: Map<FormField, SourceCell>
  /** Rows holding any label: the indicator table ends at the first of them below its header. */
  rows: Set<number>
  /** The `单位：万元` note and the unit it names. */
  amountUnit: (SourceCell & { unit: string }) | null
}

function scanLabels(grid: SheetGrid): LabelScan {
  const scan: LabelScan = { first: new Map(), rows: new Set(), amountUnit: null }
  for (const [row, cells] of grid.cells) {
    for (const [column, raw] of cells) {
      if (raw.t !== 'text') continue
      const label = formLabel(raw.text)
      const field = LABELS.get(label)
      if (field) {
        scan.rows.add(row)
        if (!scan.first.has(field)) scan.first.set(field, { row, column })
      }
      const unit = /^(?:金额)?单位:(.+)$/.exec(label)?.[1]
      if (unit && !scan.amountUnit) scan.amountUnit = { row, column, unit }
    }
  }
  return scan
}

/** The header row of the indicator table: the row holding 一级指标 and 三级指标, with the column of each key. */
function findIndicatorHeader(grid: SheetGrid): { row: number; columns: Map<string, number> } | null {
  const spec = FILE_KINDS.indicators
  for (let row = 1; row <= grid.lastRow; row++) {
    const headers: string[] = []
    for (let c = 1; c <= grid.lastColumn; c++) headers.push(formLabel(textOf(grid, columnCell(grid, row, c))))
    const matched = matchColumns(spec, headers)
    if (!matched.has('level1') || !matched.has('name')) continue
    const columns = new Map<string, number>()
    for (const [key, header] of matched) columns.set(key, headers.indexOf(header) + 1)
    return { row, columns }
  }
  return null
}

/**
 * A sheet in the 项目支出绩效目标表 layout: a 项目名称 or 项目编码 label, and the indicator table or labels on
 * several rows (a projects table has all its headers on one row).
 */
export function looksLikeTargetForm(grid: SheetGrid): boolean {
  const scan = scanLabels(grid)
  if (!scan.first.has('name') && !scan.first.has('code')) return false
  if (findIndicatorHeader(grid)) return true
  return scan.rows.size >= 2 && (scan.first.has('plan') || scan.first.has('budget') || scan.first.has('budget_and_purpose'))
}

/** The cell right of a label (past the label's own merged span); nothing when that cell is another label. */
function valueRightOf(grid: SheetGrid, at: SourceCell): { raw: RawCell | undefined; cell: SourceCell } {
  const column = (mergeAt(grid, at.row, at.column)?.right ?? at.column) + 1
  const range = mergeAt(grid, at.row, column)
  const cell = range ? { row: range.top, column: range.left } : { row: at.row, column }
  const raw = ownCell(grid, cell.row, cell.column)
  if (raw?.t === 'text' && LABELS.has(formLabel(raw.text))) return { raw: undefined, cell: { row: at.row, column } }
  return { raw, cell }
}

/** Where a column's value at this row is stored: the top of a range merged down the column, else the cell. */
function columnSource(grid: SheetGrid, row: number, column: number): SourceCell {
  const range = mergeAt(grid, row, column)
  return range && range.left === column ? { row: range.top, column } : { row, column }
}

/** 3月底 → 3, 1-6月 → 6, 第三季度 → 9, 上半年 → 6, 全年 → 12; a date cell's month. */
export function periodMonth(text: string): number | null {
  const t = toHalfWidth(text).replace(/\s+/g, '')
  const valid = (m: number) => (m >= 1 && m <= 12 ? m : null)
  const months = [...t.matchAll(/(\d{1,2})月/g)]
  if (months.length) return valid(Number(months.at(-1)?.[1]))
  const date = /^\d{4}-(\d{1,2})(?:-\d{1,2})?$/.exec(t)
  if (date) return valid(Number(date[1]))
  if (/^\d{1,2}$/.test(t)) return valid(Number(t))
  const quarter = /([一二三四1-4])季度/.exec(t)?.[1]
  if (quarter) return 3 * ('一二三四'.indexOf(quarter) + 1 || Number(quarter))
  if (/上半年/.test(t)) return 6
  if (/下半年|全年|年底|年末/.test(t)) return 12
  return null
}

class FormReader {
  readonly form: TargetForm
  private readonly scan: LabelScan

  constructor(private readonly grid: SheetGrid) {
    this.form = { sheet: grid.name, projects: [], indicators: [], spendingPlan: [], problems: [] }
    this.scan = scanLabels(grid)
  }

  private problem(p: Omit<WorkbookProblem, 'sheet'>) {
    this.form.problems.push({ sheet: this.grid.name, ...p })
  }

  /** The cell's text; null for an error value or a formula without its result, reported as a problem here. */
  private read(raw: RawCell | undefined, cell: SourceCell, label: string): string | null {
    const broken = cellProblem(raw, this.grid.name, cell.row, cell.column, label)
    if (!broken) return textOf(this.grid, raw)
    this.form.problems.push(broken)
    return null
  }

  readProject(): FormRow {
    const values = emptyValues('projects')
    const sources: Record<string, SourceCell> = {}
    for (const field of PROJECT_FIELDS) {
      const label = zhOf('projects', field)
      const at = this.scan.first.get(field)
      if (!at) {
        if (REQUIRED_FIELDS.includes(field)) this.problem({ rule: 'form-label-missing', row: null, column: null, label })
        continue
      }
      const { raw, cell } = valueRightOf(this.grid, at)
      const text = this.read(raw, cell, label)
      values[label] = text ?? ''
      sources[label] = cell
      if (text === null) continue
      if (text === '' && REQUIRED_FIELDS.includes(field)) this.problem({ rule: 'form-value-missing', ...cell, label })
      if (text !== '' && AMOUNT_FIELDS.includes(field) && !isNumberText(text)) this.problem({ rule: 'form-number', ...cell, label, value: text })
    }
    this.readPurposeUnderBudget(values, sources)
    this.readUnitFromTitle(values, sources)
    const unit = this.scan.amountUnit
    if (unit && unit.unit !== '万元') this.problem({ rule: 'form-amount-unit', row: unit.row, column: unit.column, value: unit.unit })
    const anchor = this.scan.first.get('code') ?? this.scan.first.get('name')
    return { sheet: this.grid.name, row: anchor?.row ?? 1, values, sources }
  }

  /**
   * 预算规模及资金用途 over two rows (merged, or its second row left blank as the Word form shows it): the purpose is
   * the text in the row below the amounts.
   */
  private readPurposeUnderBudget(values: Record<string, string>, sources: Record<string, SourceCell>) {
    const label = zhOf('projects', 'purpose')
    const at = this.scan.first.get('budget_and_purpose')
    if (values[label] || !at) return
    const range = mergeAt(this.grid, at.row, at.column) ?? { top: at.row, left: at.column, bottom: at.row + 1, right: at.column }
    for (let row = range.top + 1; row <= range.bottom; row++) {
      if (this.scan.rows.has(row) || (!mergeAt(this.grid, row, at.column) && ownCell(this.grid, row, at.column))) continue
      for (let column = range.right + 1; column <= this.grid.lastColumn; column++) {
        const raw = ownCell(this.grid, row, column)
        const text = this.read(raw, { row, column }, label)
        if (!text) continue
        values[label] = text
        sources[label] = { row, column }
        return
      }
    }
  }

  /**
   * Without a 实施单位 label, the unit named in the title lines (`806001某某单位本级` beside `单位：万元`, as the seed
   * prints it above the form) is the 实施单位.
   */
  private readUnitFromTitle(values: Record<string, string>, sources: Record<string, SourceCell>) {
    const label = zhOf('projects', 'unit_name')
    const note = this.scan.amountUnit
    if (this.scan.first.has('unit_name') || !note) return
    for (const [column, raw] of this.grid.cells.get(note.row) ?? []) {
      const text = column === note.column ? '' : textOf(this.grid, raw)
      if (text === '' || LABELS.has(formLabel(text))) continue
      values[label] = text
      sources[label] = { row: note.row, column }
      return
    }
  }

  readIndicators(project: FormRow): void {
    const header = findIndicatorHeader(this.grid)
    if (!header) {
      this.problem({ rule: 'indicator-table-missing', row: null, column: null })
      return
    }
    if (!header.columns.has('target')) this.problem({ rule: 'form-label-missing', row: null, column: null, label: zhOf('indicators', 'target') })
    const code = project.values[zhOf('projects', 'code')] ?? ''
    const codeSource = project.sources[zhOf('projects', 'code')]
    const carried = new Map<string, { text: string; cell: SourceCell; broken?: boolean }>()
    const rows: FormRow[] = []
    for (let row = header.row + 1; row <= this.grid.lastRow && !this.scan.rows.has(row); row++) {
      const cells = new Map<string, { text: string; cell: SourceCell; broken?: boolean }>()
      for (const [key, column] of header.columns) {
        const cell = columnSource(this.grid, row, column)
        const text = this.read(columnCell(this.grid, row, column), cell, zhOf('indicators', key))
        cells.set(key, { text: text ?? '', cell, broken: text === null })
      }
      const name = cells.get('name')
      const target = cells.get('target')
      const level1 = cells.get('level1')?.text ?? ''
      // 一级 and 二级 are written once per group (or merged over it): a new 一级 starts its 二级 afresh
      if (level1 !== '' && level1 !== carried.get('level1')?.text) carried.delete('level2')
      for (const key of ['level1', 'level2']) {
        const own = cells.get(key)
        if (own?.text) carried.set(key, own)
        else if (carried.has(key)) cells.set(key, carried.get(key)!)
      }
      if (!name?.text && !target?.text) continue
      const missing = (key: string) => !cells.get(key)?.text && !cells.get(key)?.broken
      if (missing('name') && !target?.broken) {
        this.problem({ rule: 'indicator-name-missing', ...(name?.cell ?? { row, column: null }), label: zhOf('indicators', 'name'), value: target?.text })
      } else if (target && missing('target') && !name?.broken) {
        this.problem({ rule: 'indicator-target-missing', ...target.cell, label: zhOf('indicators', 'target'), value: name?.text })
      }
      for (const key of ['level1', 'level2']) {
        if (missing(key)) this.problem({ rule: 'indicator-level-missing', row, column: header.columns.get(key) ?? null, label: zhOf('indicators', key) })
      }
      const values = emptyValues('indicators')
      const sources: Record<string, SourceCell> = {}
      for (const [key, { text, cell }] of cells) {
        values[zhOf('indicators', key)] = text
        sources[zhOf('indicators', key)] = cell
      }
      values[zhOf('indicators', 'scope')] = code
      if (codeSource) sources[zhOf('indicators', 'scope')] = codeSource
      rows.push({ sheet: this.grid.name, row, values, sources })
    }
    // A form has no 指标编码: `<项目编码>-01`… in table order, the seed's `P1-01` with the 项目编码 in place of the
    // project's place in the document, which no upload knows. Unique across projects; the same form gives the same codes.
    const idLabel = zhOf('indicators', 'id')
    const digits = Math.max(2, String(rows.length).length)
    rows.forEach((r, i) => {
      if (r.values[idLabel]) return
      r.values[idLabel] = `${code}-${String(i + 1).padStart(digits, '0')}`
      delete r.sources[idLabel]
    })
    this.form.indicators = rows
  }

  readPlan(project: FormRow): void {
    const at = this.scan.first.get('plan')
    if (!at) return
    const code = project.values[zhOf('projects', 'code')] ?? ''
    const codeSource = project.sources[zhOf('projects', 'code')]
    const range: MergedRange = mergeAt(this.grid, at.row, at.column) ?? { top: at.row, left: at.column, bottom: at.row, right: at.column }
    const shareLabel = zhOf('spending_plan', 'share')
    let total = 0
    let firstShare: SourceCell | null = null
    // periods over shares; a label merged down four rows holds two such pairs
    for (let periodRow = range.top; periodRow <= Math.max(range.top, range.bottom - 1); periodRow += 2) {
      const shareRow = periodRow + 1
      this.scan.rows.add(shareRow)
      for (let column = range.right + 1; column <= this.grid.lastColumn; column++) {
        const periodText = textOf(this.grid, ownCell(this.grid, periodRow, column))
        if (periodText === '') continue
        const shareCell = columnSource(this.grid, shareRow, column)
        const shareText = this.read(columnCell(this.grid, shareRow, column), shareCell, shareLabel)
        if (!shareText) continue
        const month = periodMonth(periodText)
        if (month === null) {
          this.problem({ rule: 'plan-period', row: periodRow, column, label: zhOf('spending_plan', 'month'), value: periodText })
          continue
        }
        const share = shareText.replace(/\s*[%％]$/, '')
        if (!isNumberText(share)) {
          this.problem({ rule: 'plan-share', ...shareCell, label: shareLabel, value: shareText })
          continue
        }
        total += Number(share.replace(/[,，\s]/g, ''))
        firstShare ??= shareCell
        const values = emptyValues('spending_plan')
        values[zhOf('spending_plan', 'code')] = code
        values[zhOf('spending_plan', 'month')] = String(month)
        values[shareLabel] = share
        const sources: Record<string, SourceCell> = { [zhOf('spending_plan', 'month')]: { row: periodRow, column }, [shareLabel]: shareCell }
        if (codeSource) sources[zhOf('spending_plan', 'code')] = codeSource
        this.form.spendingPlan.push({ sheet: this.grid.name, row: shareRow, values, sources })
      }
    }
    if (firstShare && Math.abs(total - 100) > 0.005) {
      this.problem({ rule: 'plan-total', ...firstShare, label: shareLabel, value: numberText(total) })
    }
  }
}

/** Reads a sheet that `looksLikeTargetForm`: the project, its indicators and its plan, or the problems found. */
export function parseTargetForm(grid: SheetGrid): TargetForm {
  const reader = new FormReader(grid)
  const project = reader.readProject()
  reader.form.projects = [project]
  // the plan first: its share row ends the indicator table when the plan follows it
  reader.readPlan(project)
  reader.readIndicators(project)
  reader.form.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  return reader.form
}

const FORM_ROWS: Record<FormKind, (f: TargetForm) => FormRow[]> = {
  projects: (f) => f.projects,
  indicators: (f) => f.indicators,
  spending_plan: (f) => f.spendingPlan,
}

/**
 * The forms of a workbook as one CSV per kind: `__row` (the Excel row) and `__sheet` first, then the DATA.md
 * headers. The values' exact cells are in each `FormRow.sources`.
 */
export function targetFormsCsv(forms: readonly TargetForm[]): Record<FormKind, string> {
  const csv = (kind: FormKind) => {
    const headers = formColumns(kind).map((c) => c.zh)
    const rows = forms.flatMap(FORM_ROWS[kind])
    return Papa.unparse(
      { fields: [ROW_COLUMN, SHEET_COLUMN, ...headers], data: rows.map((r) => [String(r.row), r.sheet, ...headers.map((h) => r.values[h] ?? '')]) },
      { newline: '\r\n', escapeFormulae: APOSTROPHES_BEFORE_FORMULA },
    )
  }
  return { projects: csv('projects'), indicators: csv('indicators'), spending_plan: csv('spending_plan') }
}

/** An indicator's name as two spellings of it compare (DATA.md §5): half-width, no spaces. */
const nameKey = (name: string) => toHalfWidth(name).replace(/\s+/g, '')

/**
 * Gives a form's indicators the 指标编码 they already have in the store: a generated code is replaced by the stored
 * code of the indicator with the same 所属 and 三级指标 (when exactly one on each side matches), so that uploading a
 * form again keeps the 完成值 already entered. A generated code that a reused one now holds moves to the next number.
 */
export function reuseIndicatorIds(
  indicators: readonly FormRow[],
  stored: readonly { id: string; scope: string; name: string }[],
): FormRow[] {
  const [idLabel, scopeLabel, nameLabel] = (['id', 'scope', 'name'] as const).map((k) => zhOf('indicators', k)) as [string, string, string]
  const keyOf = (scope: string, name: string) => `${scope}\u0000${nameKey(name)}`
  const storedIds = new Map<string, string[]>()
  for (const s of stored) storedIds.set(keyOf(s.scope, s.name), [...(storedIds.get(keyOf(s.scope, s.name)) ?? []), s.id])
  const out = indicators.map((r) => ({ ...r, values: { ...r.values }, sources: { ...r.sources } }))
  const rowKey = (r: FormRow) => keyOf(r.values[scopeLabel] ?? '', r.values[nameLabel] ?? '')
  const inForm = new Map<string, number>()
  for (const r of out) inForm.set(rowKey(r), (inForm.get(rowKey(r)) ?? 0) + 1)
  const fresh: FormRow[] = []
  for (const r of out.filter((r) => !r.sources[idLabel])) {
    const ids = storedIds.get(rowKey(r)) ?? []
    if (ids.length === 1 && inForm.get(rowKey(r)) === 1) r.values[idLabel] = ids[0] ?? ''
    else fresh.push(r)
  }
  const used = new Set(out.filter((r) => !fresh.includes(r)).map((r) => r.values[idLabel]))
  let n = out.length
  for (const r of fresh) {
    const prefix = (r.values[idLabel] ?? '').replace(/-\d+$/, '')
    while (used.has(r.values[idLabel])) r.values[idLabel] = `${prefix}-${String(++n).padStart(2, '0')}`
    used.add(r.values[idLabel])
  }
  return out
}
