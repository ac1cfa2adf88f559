import { encodeCsvForExcel } from '@/ingest/decode'
import { cellText, type Sheet } from './sheet'

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** RFC 4180 text of a sheet; merged cells keep their value in the first cell and are empty elsewhere. */
export function sheetToCsvText(sheet: Sheet): string {
  return sheet.rows.map((row) => row.map((c) => quote(cellText(c))).join(',')).join('\n') + '\n'
}

/** UTF-8 with BOM and CRLF: what Excel and WPS on a Chinese Windows machine open without garbling. */
export function sheetToCsv(sheet: Sheet): Uint8Array {
  return encodeCsvForExcel(sheetToCsvText(sheet))
}
