// How long reading an .xlsx upload takes in Node: a 10,000-row 完成值 sheet (title row, date cells in 月份,
// percent cells, Chinese notes) through exceljs alone, through `readWorkbook`, and to CSV with `sheetToCsv`.
//   npx tsx bench/xlsx-read.ts [rows] [runs]
import ExcelJS from 'exceljs'
import { readWorkbook, sheetToCsv } from '@/ingest/workbook'

const rows = Number(process.argv[2] ?? 10_000)
const runs = Number(process.argv[3] ?? 5)

async function reportWorkbook(count: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('完成值')
  ws.mergeCells('A1:G1')
  ws.getCell('A1').value = '2024年指标完成情况'
  ws.addRow(['指标编码', '月份', '完成值', '单位', '数据口径', '完成情况', '说明'])
  for (let i = 0; i < count; i++) {
    const row = ws.addRow([`D${String(i % 500).padStart(3, '0')}`, new Date(Date.UTC(2024, i % 12, 1)), (i * 1.1) / 7, '万元', '累计', null, `第${i}行说明，偏差原因`])
    row.getCell(2).numFmt = 'yyyy"年"m"月"'
    if (i % 10 === 0) {
      row.getCell(3).value = 0.125
      row.getCell(3).numFmt = '0.0%'
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
async function time(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

const bytes = await reportWorkbook(rows)
const exceljsLoad = await time(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]))
let csvLength = 0
const read = await time(async () => {
  const contents = await readWorkbook(bytes)
  if (contents.tables[0]?.rows.length !== rows) throw new Error('row count')
})
const toCsv = await time(async () => {
  const contents = await readWorkbook(bytes)
  csvLength = sheetToCsv(contents.tables[0]!).length
})
console.log(`${rows} rows, .xlsx ${(bytes.length / 1024).toFixed(0)} KiB, median of ${runs} runs (Node ${process.version})`)
console.log(`  exceljs load only           ${exceljsLoad.toFixed(0)} ms`)
console.log(`  readWorkbook (load + table) ${read.toFixed(0)} ms`)
console.log(`  readWorkbook + sheetToCsv   ${toCsv.toFixed(0)} ms  (CSV ${(csvLength / 1024).toFixed(0)} KiB)`)
