import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import { numberText } from '@/ingest/sheetGrid'
import { readWorkbook, sheetToCsv, type WorkbookContents, type WorkbookTable } from '@/ingest/workbook'
import { describeSkippedSheet, describeWorkbookProblem } from '@/ingest/workbookMessages'
import { fixture } from '../../support'
import { addMonthlyReport, addSpendingSheet, workbookBytes } from './excelBooks'

const table = (contents: WorkbookContents, sheet: string): WorkbookTable => {
  const found = contents.tables.find((t) => t.sheet === sheet)
  if (!found) throw new Error(`no table ${sheet}`)
  return found
}
const cellsByRow = (t: WorkbookTable) => Object.fromEntries(t.rows.map((r) => [r.row, r.cells]))

describe('a sheet with a title row, as Excel saves a monthly report', () => {
  let report: WorkbookTable
  let rows: Record<number, string[]>
  beforeAll(async () => {
    report = table(await readWorkbook(await workbookBytes((wb) => addMonthlyReport(wb))), '11月完成值')
    rows = cellsByRow(report)
  })

  it('finds the header below the title row and recognises the kind', () => {
    expect(report.headerRow).toBe(2)
    expect(report.headers).toEqual(['指标编码', '月份', '完成值', '单位', '数据口径', '完成情况', '说明'])
    expect(report.columns).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(report.kind).toBe('actuals')
  })

  it('reads a date cell and an Excel serial in the 月份 column as the month', () => {
    expect(rows[3]?.[1]).toBe('2024-11')
    expect(rows[4]?.[1]).toBe('2024-11')
    expect(rows[5]?.[1]).toBe('2024-11')
    expect(rows[6]?.[1]).toBe('2024-11')
  })

  it('keeps a number typed as text as written and shows a percent cell with its %', () => {
    expect(rows[4]?.[2]).toBe('1,200.50')
    expect(rows[5]?.[2]).toBe('12.5%')
  })

  it('takes a formula by its cached value, without float noise', () => {
    expect(rows[6]?.[2]).toBe('45.2')
  })

  it('joins rich text', () => {
    expect(rows[3]?.[6]).toBe('签约项目16个，其中外资项目2个')
  })

  it('leaves out the wholly empty row and keeps the Excel row numbers', () => {
    expect(report.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 8, 9])
  })

  it('reports an error value and a formula without a result at their sheet, row and column', () => {
    expect(report.problems).toEqual([
      { rule: 'cell-error', sheet: '11月完成值', row: 8, column: 3, label: '完成值', value: '#DIV/0!' },
      { rule: 'formula-no-result', sheet: '11月完成值', row: 9, column: 3, label: '完成值', value: '=SUM(C3:C4)' },
    ])
    expect(report.problems.map((p) => describeWorkbookProblem(p))).toEqual([
      '工作表「11月完成值」第8行 C列（完成值） 是错误值 #DIV/0!，请先在 Excel 或 WPS 中改正公式或数据后再上传。',
      '工作表「11月完成值」第9行 C列（完成值） 的公式 =SUM(C3:C4) 没有保存计算结果（文件由程序生成、未在 Excel 中保存过），请在 Excel 或 WPS 中打开并保存后再上传。',
    ])
    expect(rows[8]?.[2]).toBe('')
  })

  it('writes the sheet as CSV with the Excel row number first', () => {
    const csv = sheetToCsv(report)
    const parsed = Papa.parse<string[]>(csv.trim()).data
    expect(parsed[0]).toEqual(['__row', '指标编码', '月份', '完成值', '单位', '数据口径', '完成情况', '说明'])
    expect(parsed[1]).toEqual(['3', 'D01', '2024-11', '16', '个', '累计', '', '签约项目16个，其中外资项目2个'])
    expect(parsed[2]).toEqual(['4', 'D06', '2024-11', '1,200.50', '万元', '当月', '', '11月为税收淡季'])
    expect(csv).toContain('\r\n4,D06,2024-11,"1,200.50",万元,当月,,11月为税收淡季\r\n')
  })
})

describe('a workbook of several sheets', () => {
  let contents: WorkbookContents
  beforeAll(async () => {
    contents = await readWorkbook(
      await workbookBytes((wb) => {
        addMonthlyReport(wb)
        wb.addWorksheet('说明', { state: 'hidden' }).getCell('A1').value = '填表说明：…'
        addSpendingSheet(wb)
        wb.addWorksheet('Sheet3')
      }),
    )
  })

  it('reads each visible sheet with content, each recognised by its own headers', () => {
    expect(contents.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ['11月完成值', 'actuals'],
      ['支出', 'spending'],
    ])
  })

  it('skips the hidden and the empty sheet and says so', () => {
    expect(contents.skipped).toEqual([
      { sheet: '说明', reason: 'hidden' },
      { sheet: 'Sheet3', reason: 'empty' },
    ])
    expect(contents.skipped.map((s) => describeSkippedSheet(s))).toEqual(['工作表「说明」是隐藏的，未读取。', '工作表「Sheet3」是空的，已跳过。'])
  })

  it('flattens a two-row merged header: 支出 over 金额 is 支出金额', () => {
    const spending = table(contents, '支出')
    expect(spending.headerRow).toBe(2)
    expect(spending.headers).toEqual(['项目编码', '月份', '支出金额', '备注'])
  })

  it('reads serials as months, full dates elsewhere as days, and numbers to 15 digits', () => {
    expect(cellsByRow(table(contents, '支出'))).toEqual({
      3: ['13020924P009874100020', '2024-10', '42.3', '2024-07-31'],
      4: ['13020924P00986710002R', '2024-10', '0.3', ''],
      5: ['13020924P00984510001C', '2024-10', '1234567.891', ''],
    })
  })
})

describe('a number as its cell shows it', () => {
  it('drops binary noise beyond 15 significant digits', () => {
    expect(numberText(265.20000000000005)).toBe('265.2')
    expect(numberText(0.1 + 0.2)).toBe('0.3')
    expect(numberText(123456789012.345)).toBe('123456789012.345')
  })

  it('never writes an exponent', () => {
    expect(numberText(1e21)).toBe('1000000000000000000000')
    expect(numberText(1.5e-7)).toBe('0.00000015')
    expect(numberText(-0)).toBe('0')
  })

  it('pads to the decimals of its format but never rounds to them', () => {
    expect(numberText(500, '0.00')).toBe('500.00')
    expect(numberText(1200.5, '#,##0.00_);[Red](#,##0.00)')).toBe('1200.50')
    expect(numberText(1.23456, '0.00')).toBe('1.23456')
    expect(numberText(42, '"¥"#,##0')).toBe('42')
  })

  it('writes a percent-formatted cell as the percentage with %', () => {
    expect(numberText(0.125, '0%')).toBe('12.5%')
    expect(numberText(0.07, '0%')).toBe('7%')
    expect(numberText(0.3, '0.00%')).toBe('30.00%')
  })
})

describe('the columns that give a number a date meaning', () => {
  it('leaves a small number in a 月份 column a number, not a day of 1900', async () => {
    const contents = await readWorkbook(
      await workbookBytes((wb) => {
        const ws = wb.addWorksheet('计划')
        ws.addRows([['项目编码', '月份', '计划支出比例'], ['13020924P009874100020', 6, 0.3], ['13020924P009874100020', 13, 0.7]])
        ws.getCell('C2').numFmt = '0%'
        ws.getCell('C3').numFmt = '0%'
      }),
    )
    expect(contents.tables[0]?.kind).toBe('spending_plan')
    expect(contents.tables[0]?.rows.map((r) => r.cells)).toEqual([
      ['13020924P009874100020', '6', '30%'],
      ['13020924P009874100020', '13', '70%'],
    ])
  })

  it('reads the 支付日期 of a ledger as a day, keeping the time when there is one', async () => {
    const contents = await readWorkbook(
      await workbookBytes((wb) => {
        const ws = wb.addWorksheet('支付明细')
        ws.addRows([['支付日期', '项目编码', '金额', '凭证号'], [45504, '13020924P009874100020', 12345.6, new Date(Date.UTC(2024, 6, 31, 10, 30))]])
        ws.getCell('D2').numFmt = 'yyyy-mm-dd hh:mm'
      }),
    )
    expect(contents.tables[0]?.kind).toBe('ledger')
    expect(contents.tables[0]?.rows[0]?.cells).toEqual(['2024-07-31', '13020924P009874100020', '12345.6', '2024-07-31 10:30:00'])
  })
})

describe('a file that is no workbook', () => {
  it('is reported as unreadable, not thrown', async () => {
    const contents = await readWorkbook(fixture('actuals_utf8_bom.csv'))
    expect(contents.tables).toEqual([])
    expect(contents.problems.map((p) => p.rule)).toEqual(['unreadable'])
    // the reader's own message (English, about zip records) stays out of the sentence
    expect(describeWorkbookProblem(contents.problems[0]!)).toBe('无法按 Excel 工作簿（.xlsx）读取该文件：文件可能已损坏或不完整。请在 Excel 或 WPS 中打开后另存为 .xlsx 再上传。')
  })

  it('with every sheet hidden has no sheet to read', async () => {
    const contents = await readWorkbook(
      await workbookBytes((wb) => {
        wb.addWorksheet('一', { state: 'hidden' }).getCell('A1').value = 'x'
        wb.addWorksheet('二').getCell('A1').value = 'x'
        wb.getWorksheet('二')!.state = 'veryHidden'
      }),
    )
    expect(contents.problems.map((p) => describeWorkbookProblem(p))).toEqual(['工作簿中没有可读取的工作表（全部是隐藏的或空的）。'])
  })
})

describe('the same workbook as another program writes it', () => {
  // tests/fixtures/README.md: the two sheets above, opened and saved again by LibreOffice Calc, which writes its own
  // styles (`yyyy\年m\月`), shared strings, and computes the formula that had no saved value.
  it('reads the LibreOffice copy to the same cells', async () => {
    const contents = await readWorkbook(fixture('monthly_report_libreoffice.xlsx'))
    expect(contents.skipped).toEqual([{ sheet: '说明', reason: 'hidden' }])
    const report = table(contents, '11月完成值')
    expect(report.headerRow).toBe(2)
    expect(cellsByRow(report)).toEqual({
      3: ['D01', '2024-11', '16', '个', '累计', '', '签约项目16个，其中外资项目2个'],
      4: ['D06', '2024-11', '1,200.50', '万元', '当月', '', '11月为税收淡季'],
      5: ['D09', '2024-11', '12.5%', '%', '', '', ''],
      6: ['P1-01', '2024-11', '45.2', '次', '累计', '', ''],
      8: ['D07', '2024-11', '', '亿元', '', '', ''],
      9: ['D05', '2024-11', '16', '亿元', '', '', ''],
    })
    expect(report.problems.map((p) => [p.rule, p.row, p.column, p.value])).toEqual([['cell-error', 8, 3, '#DIV/0!']])
    expect(table(contents, '支出').headers).toEqual(['项目编码', '月份', '支出金额', '备注'])
    expect(cellsByRow(table(contents, '支出'))[3]).toEqual(['13020924P009874100020', '2024-10', '42.3', '2024-07-31'])
  })
})
