import type { NumberFormat, Sheet } from './sheet'

const FORMATS = { amount: '#,##0.00', score: '0.00', percent: '0.00%', integer: '0' } as const
// A string is written as a text cell, never a formula, so `=HYPERLINK(…)` shows as text as it is; the Text format
// keeps it text when someone edits the cell in Excel or WPS, which would otherwise turn it into a formula.
const FORMULA_LIKE = /^[=+\-@\t\r]/
/** Decimals each format shows: a cell stores its value rounded as shown (265.2, not 265.20000000000005). */
const DECIMALS: Record<NumberFormat, number> = { amount: 2, score: 2, percent: 4, integer: 0 }
export const roundAsShown = (n: number, f: NumberFormat) => Number(n.toFixed(DECIMALS[f]))
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } }

/** An .xlsx workbook, one worksheet per sheet. exceljs is loaded here only, when someone exports. */
export async function sheetsToXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '绩效看板'
  const used = new Set<string>()
  for (const sheet of sheets) {
    let name = sheet.name
    for (let k = 2; used.has(name); k++) name = `${sheet.name.slice(0, 28)}(${k})`
    used.add(name)
    const ws = wb.addWorksheet(name, {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    })
    ws.columns = sheet.widths.map((width) => ({ width }))
    const titles = new Set(sheet.titleRows)
    const headings = new Set(sheet.headingRows)
    sheet.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1)
      cells.forEach((c, i) => {
        const cell = row.getCell(i + 1)
        if (c === null) cell.value = null
        else if (typeof c === 'string') {
          cell.value = c
          if (FORMULA_LIKE.test(c)) cell.numFmt = '@'
        }
        else {
          cell.value = roundAsShown(c.n, c.f)
          cell.numFmt = FORMATS[c.f]
        }
        cell.alignment = { vertical: 'middle', horizontal: titles.has(r) ? 'center' : typeof c === 'object' && c !== null ? 'right' : 'left', wrapText: true }
        if (titles.has(r)) cell.font = { bold: true, size: 14 }
        else {
          cell.border = { top: thin, left: thin, bottom: thin, right: thin }
          if (headings.has(r)) {
            cell.font = { bold: true }
            cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } }
          }
        }
      })
    })
    for (const [r1, c1, r2, c2] of sheet.merges) ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1)
  }
  const buffer = await wb.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}
