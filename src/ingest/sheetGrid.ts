// A worksheet as plain data: the cells Excel or WPS stored (values, not styles), the merged ranges, and the rules
// that turn a cell into the text a CSV of the same sheet would hold. exceljs is loaded here only, when a workbook is
// dropped.
import type { Cell, CellValue, Workbook } from 'exceljs'
import type { ColumnType } from './fileKinds'
import type { WorkbookProblem } from './workbookMessages'

/** A cell's value as stored; `error` is an Excel error value (#DIV/0!), `no-result` a formula saved without its value. */
export type RawCell =
  | { t: 'text'; text: string }
  | { t: 'number'; value: number; format: string }
  | { t: 'date'; date: Date }
  | { t: 'bool'; value: boolean }
  | { t: 'error'; error: string }
  | { t: 'no-result'; formula: string }

/** A merged range, 1-based rows and columns as Excel numbers them; the value sits in (top, left). */
export interface MergedRange {
  top: number
  left: number
  bottom: number
  right: number
}

export interface SheetGrid {
  name: string
  date1904: boolean
  /** Row number → column number → cell; merged cells other than the top-left are absent. */
  cells: Map<number, Map<number, RawCell>>
  /** Every cell of a merged range (the top-left too) → the range. */
  merges: Map<number, MergedRange>
  lastRow: number
  lastColumn: number
}

export { ROW_COLUMN, SHEET_COLUMN } from './fileKinds'

/** A sheet not read: hidden, empty, or (the upload's reader decides) with headers of no kind of file. */
export type SkippedSheet = { sheet: string; reason: 'hidden' | 'empty' | 'unrecognised'; headers?: string[] }

const cellKey = (row: number, column: number) => row * 16384 + column

export function mergeAt(grid: SheetGrid, row: number, column: number): MergedRange | undefined {
  return grid.merges.get(cellKey(row, column))
}

/** The cell itself, only the top-left of a merged range holding the range's value. */
export const ownCell = (grid: SheetGrid, row: number, column: number): RawCell | undefined => grid.cells.get(row)?.get(column)

/**
 * The value a column shows at this row: a range merged down a column (一级指标 over three rows, a header over two)
 * carries its value to every row; a range merged across columns shows it in its first column only.
 */
export function columnCell(grid: SheetGrid, row: number, column: number): RawCell | undefined {
  const range = mergeAt(grid, row, column)
  if (!range) return ownCell(grid, row, column)
  return range.left === column ? ownCell(grid, range.top, range.left) : undefined
}

/** The value shown over this cell, wherever it sits in a merged range (a group label spanning columns). */
export function spanCell(grid: SheetGrid, row: number, column: number): RawCell | undefined {
  const range = mergeAt(grid, row, column)
  return range ? ownCell(grid, range.top, range.left) : ownCell(grid, row, column)
}

/** 1 → A, 27 → AA: how Excel names a column in its messages. */
export function columnLetter(column: number): string {
  let name = ''
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

// ——— reading with exceljs ———

function rawFromValue(value: CellValue, format: string): RawCell | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value === '' ? null : { t: 'text', text: value }
  if (typeof value === 'number') return { t: 'number', value, format }
  if (typeof value === 'boolean') return { t: 'bool', value }
  if (value instanceof Date) return { t: 'date', date: value }
  if ('error' in value) return { t: 'error', error: value.error }
  if ('richText' in value) return rawFromValue(value.richText.map((run) => run.text).join(''), format)
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) return { t: 'no-result', formula: value.formula ?? '' }
    return rawFromValue(value.result, format)
  }
  if ('hyperlink' in value) return rawFromValue(value.text as CellValue, format)
  return null
}

function gridOfSheet(sheet: Workbook['worksheets'][number], date1904: boolean): SheetGrid {
  const grid: SheetGrid = { name: sheet.name, date1904, cells: new Map(), merges: new Map(), lastRow: 0, lastColumn: 0 }
  const ranges = new Map<Cell, MergedRange>()
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let cells: Map<number, RawCell> | undefined
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.isMerged) {
        const master = cell.master
        const range = ranges.get(master) ?? { top: rowNumber, left: column, bottom: rowNumber, right: column }
        range.top = Math.min(range.top, rowNumber)
        range.left = Math.min(range.left, column)
        range.bottom = Math.max(range.bottom, rowNumber)
        range.right = Math.max(range.right, column)
        ranges.set(master, range)
        if (master !== cell) return
      }
      const raw = rawFromValue(cell.value, cell.numFmt ?? '')
      if (!raw) return
      if (!cells) grid.cells.set(rowNumber, (cells = new Map()))
      cells.set(column, raw)
      grid.lastRow = Math.max(grid.lastRow, rowNumber)
      grid.lastColumn = Math.max(grid.lastColumn, column)
    })
  })
  for (const range of ranges.values()) {
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) grid.merges.set(cellKey(r, c), range)
    }
  }
  return grid
}

/** Every visible sheet with content, in workbook order; hidden and empty sheets are listed as skipped. */
export async function loadSheetGrids(bytes: Uint8Array): Promise<{ grids: SheetGrid[]; skipped: SkippedSheet[] }> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  // exceljs types the argument as Node's Buffer; its zip reader takes any byte array, in the browser too
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0])
  const date1904 = workbook.properties?.date1904 === true
  const grids: SheetGrid[] = []
  const skipped: SkippedSheet[] = []
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') {
      skipped.push({ sheet: sheet.name, reason: 'hidden' })
      continue
    }
    const grid = gridOfSheet(sheet, date1904)
    if (grid.cells.size === 0) skipped.push({ sheet: sheet.name, reason: 'empty' })
    else grids.push(grid)
  }
  return { grids, skipped }
}

// ——— a cell as text ———

// Excel shows at most 15 significant digits: beyond them a stored double is binary noise (265.20000000000005).
const plainDigits = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 })

/** The first section of a number format, quoted text, escapes and [colour]/[locale] tags removed. */
function formatPattern(format: string): string {
  return (format.split(';')[0] ?? '').replace(/"[^"]*"|\\.|\[[^\]]*]|_.|\*./g, '')
}

/**
 * A number as written: never in exponent form, 15 significant digits, and zero-padded to the decimals its format
 * shows (`500` formatted `0.00` is "500.00", as the clerk sees it) but never rounded to them.
 */
export function numberText(value: number, format = ''): string {
  const pattern = formatPattern(format)
  const percent = pattern.includes('%')
  let text = plainDigits.format(percent ? value * 100 : value)
  if (text === '-0') text = '0'
  const decimals = /\.([0#?]+)/.exec(pattern)?.[1]?.replace(/[#?]/g, '').length ?? 0
  const dot = text.indexOf('.')
  const have = dot < 0 ? 0 : text.length - dot - 1
  if (have < decimals) text = (dot < 0 ? `${text}.` : text) + '0'.repeat(decimals - have)
  return percent ? `${text}%` : text
}

const pad2 = (n: number) => String(n).padStart(2, '0')
const monthText = (d: Date) => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`
const dateText = (d: Date) => `${monthText(d)}-${pad2(d.getUTCDate())}`
const timeText = (d: Date) => `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`

/** exceljs reads date cells as UTC midnight of the day Excel shows; a serial number is converted the same way. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
}

// A number in a 月份 or date column is taken for an Excel serial only when it names a day of 1950–2099: a plain
// `6` or `13` stays a number for the validator to judge, not January 1900.
const plausibleSerial = (d: Date) => d.getUTCFullYear() >= 1950 && d.getUTCFullYear() <= 2099

function dateForColumn(d: Date, type: ColumnType | null): string {
  if (type === 'month') return monthText(d)
  if (type === 'integer') return String(d.getUTCMonth() + 1)
  if (type === 'date') return dateText(d)
  if (d.getUTCFullYear() < 1900) return timeText(d)
  const hasTime = d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() > 0
  return hasTime ? `${dateText(d)} ${timeText(d)}` : dateText(d)
}

/**
 * The cell as the text a CSV of the sheet would hold, for a column of the given type (null: not a known column).
 * Errors and formulas without a result give '' here: the reader reports them as problems.
 */
export function cellText(raw: RawCell | undefined, type: ColumnType | null, date1904 = false): string {
  if (!raw) return ''
  switch (raw.t) {
    case 'text':
      return raw.text
    case 'number': {
      if (type === 'month' || type === 'date') {
        const d = serialToDate(raw.value, date1904)
        if (plausibleSerial(d)) return dateForColumn(d, type)
      }
      return numberText(raw.value, raw.format)
    }
    case 'date':
      return dateForColumn(raw.date, type)
    case 'bool':
      return raw.value ? 'TRUE' : 'FALSE'
    case 'error':
    case 'no-result':
      return ''
  }
}

/** An error value or a formula saved without its result, as a problem at its cell; null for any other cell. */
export function cellProblem(raw: RawCell | undefined, sheet: string, row: number, column: number, label?: string): WorkbookProblem | null {
  if (raw?.t === 'error') return { rule: 'cell-error', sheet, row, column, label, value: raw.error }
  if (raw?.t === 'no-result') return { rule: 'formula-no-result', sheet, row, column, label, value: `=${raw.formula}` }
  return null
}
