// Workbooks built the way Excel and WPS save them, for the workbook reader's tests.
import ExcelJS from 'exceljs'

export async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

/**
 * A monthly report of actuals: a title row merged over the table, the header in row 2, 月份 as a date cell shown
 * `2024年11月` and as a bare serial, `1,200.50` typed as text, a percent cell, a formula with its cached value, an
 * error value, a formula saved without its value, rich text, and a wholly empty row.
 */
export function addMonthlyReport(wb: ExcelJS.Workbook, name = '11月完成值'): void {
  const ws = wb.addWorksheet(name)
  ws.mergeCells('A1:G1')
  ws.getCell('A1').value = '2024年11月指标完成情况'
  ws.getRow(2).values = ['指标编码', '月份', '完成值', '单位', '数据口径', '完成情况', '说明']
  const month = (row: number, value: Date | number) => {
    const cell = ws.getCell(`B${row}`)
    cell.value = value
    if (value instanceof Date) cell.numFmt = 'yyyy"年"m"月"'
  }
  ws.getRow(3).values = ['D01', null, 16, '个', '累计', null, null]
  month(3, utcDate(2024, 11, 1))
  ws.getCell('G3').value = { richText: [{ text: '签约项目16个，' }, { text: '其中外资项目2个', font: { bold: true } }] }
  ws.getRow(4).values = ['D06', 45597, '1,200.50', '万元', '当月', null, '11月为税收淡季']
  ws.getRow(5).values = ['D09', '2024-11', 0.125, '%']
  ws.getCell('C5').numFmt = '0.0%'
  ws.getRow(6).values = ['P1-01', null, { formula: 'C3*2+13.2', result: 45.199999999999996 }, '次', '累计']
  month(6, utcDate(2024, 11, 30))
  ws.getRow(8).values = ['D07', null, { error: '#DIV/0!' }, '亿元']
  month(8, utcDate(2024, 11, 1))
  ws.getRow(9).values = ['D05', null, { formula: 'SUM(C3:C4)' } as ExcelJS.CellFormulaValue, '亿元']
  month(9, utcDate(2024, 11, 1))
}

/**
 * Monthly spending under a two-row header: 项目编码 and 月份 merged down both rows, 支出 merged across 金额 and 备注.
 * 月份 are serials in a `yyyy-mm` column WPS saves as numbers; 备注 holds a full date.
 */
export function addSpendingSheet(wb: ExcelJS.Workbook, name = '支出'): void {
  const ws = wb.addWorksheet(name)
  ws.mergeCells('A1:A2')
  ws.mergeCells('B1:B2')
  ws.mergeCells('C1:D1')
  ws.getCell('A1').value = '项目编码'
  ws.getCell('B1').value = '月份'
  ws.getCell('C1').value = '支出'
  ws.getCell('C2').value = '金额'
  ws.getCell('D2').value = '备注'
  ws.getRow(3).values = ['13020924P009874100020', 45566, 42.3, utcDate(2024, 7, 31)]
  ws.getCell('D3').numFmt = 'yyyy/m/d'
  ws.getRow(4).values = ['13020924P00986710002R', 45566, 0.1 + 0.2]
  ws.getRow(5).values = ['13020924P00984510001C', 45566, 1234567.891]
}

/** A form's content keyed by the DATA.md headers, as `TargetFormContent`. */
export interface TypedForm {
  project: Record<string, string>
  indicators: Record<string, string>[]
  plan: Record<string, string>[]
}

/**
 * A 项目支出绩效目标表 typed into Excel from the department's Word document, as a clerk does it: no merged cells
 * (一级指标 written once per group, the cells below left blank), the unit line above the form instead of a 实施单位
 * label, `其中：财政    资金` with its spaces, amounts formatted `0.00`, shares typed as `30%`, 3月底 left blank.
 */
export function addTypedForm(wb: ExcelJS.Workbook, name: string, form: TypedForm): void {
  const ws = wb.addWorksheet(name)
  const p = form.project
  const amount = (text: string | undefined) => (text ? Number(text) : null)
  ws.getCell('A1').value = `${name}.${p['项目名称']}绩效目标表`
  ws.getRow(2).values = [p['实施单位'], null, null, null, null, '单位：万元']
  ws.getRow(3).values = ['项目编码', p['项目编码'], '项目名称', p['项目名称']]
  ws.getRow(4).values = ['预算规模及资金用途', '预算数', amount(p['预算数']), '其中：财政    资金', amount(p['财政资金']), '其他资金', amount(p['其他资金'])]
  for (const cell of ['C4', 'E4', 'G4']) ws.getCell(cell).numFmt = '0.00'
  ws.getRow(5).values = [null, p['资金用途']]
  ws.getRow(6).values = ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底']
  const share = (month: string) => form.plan.find((r) => r['月份'] === month)?.['计划支出比例']
  ;['3', '6', '10', '12'].forEach((month, i) => {
    const s = share(month)
    const cell = ws.getCell(7, i + 2)
    cell.value = s === undefined ? null : Number(s) / 100
    cell.numFmt = '0%'
  })
  ws.getRow(8).values = ['绩效目标', p['年度目标']]
  ws.getRow(10).values = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']
  form.indicators.forEach((r, i) => {
    const above = form.indicators[i - 1]
    const level1 = above?.['一级指标'] === r['一级指标'] ? null : r['一级指标']
    ws.getRow(11 + i).values = [level1, r['二级指标'], r['三级指标'], r['三级指标'], r['指标值'], r['指标值确定依据']]
  })
}
