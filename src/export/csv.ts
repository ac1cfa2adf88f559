// The one CSV writer: every CSV the app and the command line write (全部导出, templates, the forms, `--out`).
import Papa from 'papaparse'
import { cellText, type Sheet } from './sheet'

/** A cell as the writer takes it: text, or a number or boolean (written as the shortest text that reads back exactly). */
export type CsvCell = string | number | boolean | null

/**
 * Text that Excel or WPS would run as a formula (`=HYPERLINK(…)`, `+1+1`, `@SUM(1)`, a leading tab or CR): papaparse's
 * escapeFormulae writes it with a leading `'`, and the import removes exactly one (engine/sql/ingest.ts
 * `unescapedText`). Two refinements keep that lossless and numbers numbers: text that already starts with apostrophes
 * before such a character gets one more, so that the import gives it back as it was; and a negative number written
 * as text (a form's `-5.00`, `-12.50%`) is left alone, since a spreadsheet reads it as the number it is.
 */
export const FORMULA_START = /^(?!-\d+(?:\.\d+)?%?$)'*[=+\-@\t\r]/

/**
 * For the CSV the app writes only for itself (a workbook's sheets on their way to DuckDB): no formula escaping, but
 * text that already starts with apostrophes before a formula character gets one more, so that the import's unescaping
 * gives it back as it was.
 */
export const APOSTROPHES_BEFORE_FORMULA = /^'+[=+\-@\t\r]/

const BOM = [0xef, 0xbb, 0xbf]

/** RFC 4180 text with CRLF line ends, quoted where a cell needs it, text that would run as a formula escaped. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return ''
  return Papa.unparse(rows as CsvCell[][], { newline: '\r\n', escapeFormulae: FORMULA_START }) + '\r\n'
}

/** The file's bytes: UTF-8 with BOM and CRLF, what Excel and WPS on a Chinese Windows machine open without garbling. */
export function csvFile(rows: readonly (readonly CsvCell[])[]): Uint8Array {
  const body = new TextEncoder().encode(csvText(rows))
  const out = new Uint8Array(BOM.length + body.length)
  out.set(BOM)
  out.set(body, BOM.length)
  return out
}

/** A form as CSV; merged cells keep their value in the first cell and are empty elsewhere. */
export function sheetToCsv(sheet: Sheet): Uint8Array {
  return csvFile(sheet.rows.map((row) => row.map(cellText)))
}
