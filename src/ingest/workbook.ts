// An .xlsx workbook read sheet by sheet into the same text tables a CSV gives, with each row's Excel row number, so
// that the CSV path (staging, validation, preview, batch) takes them unchanged and its messages name the real row.
import Papa from 'papaparse'
import { APOSTROPHES_BEFORE_FORMULA } from '@/export/csv'
import { toHalfWidth } from '@/domain/halfWidth'
import { closestKind, detectKind, FILE_KINDS, matchColumns, type ColumnType, type FileKind, type FileKindSpec } from './fileKinds'
import {
  cellProblem,
  cellText,
  columnCell,
  loadSheetGrids,
  mergeAt,
  ownCell,
  ROW_COLUMN,
  type RawCell,
  type SheetGrid,
  type SkippedSheet,
} from './sheetGrid'
import { looksLikeTargetForm, parseTargetForm, type TargetForm } from './targetForm'
import type { WorkbookProblem } from './workbookMessages'

/** One sheet read as a table: its header row and its data rows as text cells. */
export interface WorkbookTable {
  sheet: string
  /** The kind its headers match (complete or closest), as `detectKind` / `closestKind` tell it; null when none. */
  kind: FileKind | null
  /** The Excel row number of the header (of its lower row when the header spans two rows). */
  headerRow: number
  headers: string[]
  /** The Excel column number of each header. */
  columns: number[]
  /** Data rows with their Excel row numbers; wholly empty rows are left out. */
  rows: { row: number; cells: string[] }[]
  /** Error values and formulas without a cached result inside the table. */
  problems: WorkbookProblem[]
}

export interface WorkbookContents {
  tables: WorkbookTable[]
  /** Sheets in the 项目支出绩效目标表 layout, parsed. */
  forms: TargetForm[]
  /** Hidden and empty sheets, not read. */
  skipped: SkippedSheet[]
  /** Problems with the file as a whole (it cannot be opened; no sheet to read). */
  problems: WorkbookProblem[]
}

const HEADER_SCAN_ROWS = 50

/** Header text as matched: half-width, no whitespace (a long header is often broken over two lines in its cell). */
const headerText = (raw: RawCell | undefined) => toHalfWidth(cellText(raw, null)).replace(/\s+/g, '')

const norm = (s: string) => s.trim().toLowerCase()
const KNOWN_HEADERS = new Set(
  Object.values(FILE_KINDS).flatMap((spec) => spec.columns.flatMap((c) => [c.zh, c.key, ...(c.aliases ?? [])].map(norm))),
)

/**
 * A row's cells as headers. A header merged down over two rows reaches this row through `columnCell`; a group label
 * merged across the row above joins a sub-label when the pair is a known header (支出 over 金额 → 支出金额).
 */
function headersAt(grid: SheetGrid, row: number): { headers: string[]; columns: number[] } {
  const texts: string[] = []
  for (let c = 1; c <= grid.lastColumn; c++) {
    let text = headerText(columnCell(grid, row, c))
    const group = mergeAt(grid, row - 1, c)
    if (text && group && group.bottom === row - 1 && group.right > group.left) {
      const joined = headerText(ownCell(grid, group.top, group.left)) + text
      if (KNOWN_HEADERS.has(norm(joined))) text = joined
    }
    texts.push(text)
  }
  const first = texts.findIndex((t) => t !== '')
  if (first < 0) return { headers: [], columns: [] }
  let last = texts.length - 1
  while (texts[last] === '') last--
  const columns = Array.from({ length: last - first + 1 }, (_, i) => first + i + 1)
  return { headers: texts.slice(first, last + 1), columns }
}

/** How well headers fit the best kind: all its required columns present first, then the number of columns matched. */
function headerScore(headers: readonly string[]): number {
  let best = 0
  for (const spec of Object.values(FILE_KINDS)) {
    const matched = matchColumns(spec, headers)
    const complete = spec.columns.every((c) => !c.required || matched.has(c.key))
    best = Math.max(best, (complete ? 1000 : 0) + matched.size)
  }
  return best
}

/** The first row whose cells match a kind's headers best; title rows above it are skipped. */
function findHeader(grid: SheetGrid): { row: number; headers: string[]; columns: number[]; score: number } | null {
  let best: { row: number; headers: string[]; columns: number[]; score: number } | null = null
  for (let row = 1; row <= Math.min(grid.lastRow, HEADER_SCAN_ROWS); row++) {
    const { headers, columns } = headersAt(grid, row)
    if (!headers.length) continue
    const score = headerScore(headers)
    if (!best || score > best.score) best = { row, headers, columns, score }
  }
  return best
}

function columnTypes(spec: FileKindSpec | null, headers: readonly string[]): (ColumnType | null)[] {
  if (!spec) return headers.map(() => null)
  const typeOf = new Map<string, ColumnType>()
  for (const [key, header] of matchColumns(spec, headers)) {
    const column = spec.columns.find((c) => c.key === key)
    if (column) typeOf.set(header, column.type)
  }
  return headers.map((h) => typeOf.get(h) ?? null)
}

function readTable(grid: SheetGrid, header: { row: number; headers: string[]; columns: number[] }): WorkbookTable {
  const spec = detectKind(header.headers) ?? closestKind(header.headers)
  const types = columnTypes(spec, header.headers)
  const table: WorkbookTable = {
    sheet: grid.name,
    kind: spec?.kind ?? null,
    headerRow: header.row,
    headers: header.headers,
    columns: header.columns,
    rows: [],
    problems: [],
  }
  for (let row = header.row + 1; row <= grid.lastRow; row++) {
    const cells = header.columns.map((column, i) => {
      const raw = columnCell(grid, row, column)
      const type = types[i] ?? null
      // a broken cell in a column the app does not read stops nothing
      const problem = type && cellProblem(raw, grid.name, row, column, header.headers[i])
      if (problem) table.problems.push(problem)
      return cellText(raw, type, grid.date1904)
    })
    if (cells.some((c) => c.trim() !== '')) table.rows.push({ row, cells })
  }
  return table
}

/**
 * Reads an .xlsx workbook (exceljs, loaded on first use): each visible sheet with content becomes a table (its
 * header row found below any title rows) or, in the 项目支出绩效目标表 layout, a parsed form.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookContents> {
  const contents: WorkbookContents = { tables: [], forms: [], skipped: [], problems: [] }
  let grids: SheetGrid[]
  try {
    const loaded = await loadSheetGrids(bytes)
    grids = loaded.grids
    contents.skipped = loaded.skipped
  } catch (error) {
    contents.problems.push({ rule: 'unreadable', sheet: null, row: null, column: null, value: (error as Error).message })
    return contents
  }
  for (const grid of grids) {
    const header = findHeader(grid)
    const isTable = header !== null && header.score >= 1000
    if (!isTable && looksLikeTargetForm(grid)) contents.forms.push(parseTargetForm(grid))
    else if (header) contents.tables.push(readTable(grid, header))
  }
  if (!grids.length) contents.problems.push({ rule: 'no-sheets', sheet: null, row: null, column: null })
  return contents
}

/** RFC 4180 CSV of a sheet: `__row` (the Excel row number) first, then the sheet's own header and cells. */
export function sheetToCsv(table: WorkbookTable): string {
  return Papa.unparse(
    { fields: [ROW_COLUMN, ...table.headers], data: table.rows.map((r) => [String(r.row), ...r.cells]) },
    { newline: '\r\n', escapeFormulae: APOSTROPHES_BEFORE_FORMULA },
  )
}
