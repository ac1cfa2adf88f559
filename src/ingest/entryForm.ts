// The 填报 page's values as the upload path takes them: a 完成值 CSV whose first column `__row` is the row the page
// numbers, so that the checks of an upload name the page's own rows.
import Papa from 'papaparse'
import { FILE_KINDS, ROW_COLUMN } from './fileKinds'

/** One indicator's line on the page, as typed. */
export interface EntryLine {
  /** The row number the page shows (序号). */
  index: number
  id: string
  value: string
  /** The unit the value is typed in: the target's. */
  unit: string | null
  status: string
  note: string
}

const header = (key: string) => FILE_KINDS.actuals.columns.find((c) => c.key === key)?.zh ?? key
const typed = (l: EntryLine) => l.value.trim() !== '' || l.status.trim() !== '' || l.note.trim() !== ''

/** The lines with anything typed, as a 完成值 CSV of one month; null when nothing was typed. */
export function entryCsv(lines: readonly EntryLine[], year: number, month: number): string | null {
  const rows = lines.filter(typed)
  if (!rows.length) return null
  const period = `${year}-${String(month).padStart(2, '0')}`
  return Papa.unparse(
    {
      fields: [ROW_COLUMN, ...['id', 'period', 'value', 'unit', 'status', 'note'].map(header)],
      data: rows.map((l) => [
        String(l.index), l.id, period, l.value.trim(), l.value.trim() === '' ? '' : (l.unit ?? ''), l.status.trim(), l.note.trim(),
      ]),
    },
    { newline: '\r\n' },
  )
}

/**
 * What a paste holds, cell by cell down a column: Excel and WPS copy a column as lines (CRLF, a last line end), a
 * block of several columns with tabs between cells (the first column is taken).
 */
export function pastedCells(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines.map((line) => (line.split('\t')[0] ?? '').trim())
}
