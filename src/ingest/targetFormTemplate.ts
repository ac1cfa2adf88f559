// The downloadable 项目支出绩效目标表: the layout of the department's own document (the seed), as an .xlsx a clerk
// fills in and uploads again, bordered and merged as the paper form, printing on one A4 width.
import type { Worksheet } from 'exceljs'

/** A form's content as the three CSV files write it: rows keyed by their DATA.md headers. */
export interface TargetFormContent {
  project: Record<string, string>
  indicators: Record<string, string>[]
  plan: Record<string, string>[]
}

const CODE = '13020924P009874100020'
const ECONOMY = '招商引资、更好地为企业服务，促进经济发展'

/** The seed's first project, verbatim (the unreadable `100100%` included), as data/ holds it. */
export const SEED_TARGET_FORM: TargetFormContent = {
  project: {
    项目编码: CODE,
    项目名称: '2024年装备园区专项经费（原中小园区遗留问题经费）',
    主管部门: '曹妃甸区装备制造园区管理委员会',
    实施单位: '806001曹妃甸区装备制造园区管理委员会本级',
    预算数: '500.00',
    调整后预算数: '',
    财政资金: '500.00',
    其他资金: '',
    资金用途: '2024年园区专项预算（原中小园区遗留问题费用）',
    年度目标: '1.2024年装备园区专项经费（原中小园区遗留问题经费）',
  },
  indicators: [
    ['产出指标', '数量指标', '组织培训、会议次数（次）', '≥50次', '园区组织安全环保培训会、招商会'],
    ['产出指标', '质量指标', '会议效果良好率', '100100%', '保证会议效果良好'],
    ['产出指标', '时效指标', '任务完成及时率', '100100%', '按时完成任务'],
    ['效益指标', '经济效益指标', '对经济发展带来效果', ECONOMY, ECONOMY],
    ['效益指标', '社会效益指标', '社会效益显著', ECONOMY, ECONOMY],
    ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '争取园区企业满意度100%'],
  ].map(([一级指标, 二级指标, 三级指标, 指标值, 指标值确定依据]) => ({ 所属: CODE, 一级指标, 二级指标, 三级指标, 指标值, 指标值确定依据 }) as Record<string, string>),
  plan: [
    { 项目编码: CODE, 月份: '6', 计划支出比例: '30' },
    { 项目编码: CODE, 月份: '10', 计划支出比例: '30' },
    { 项目编码: CODE, 月份: '12', 计划支出比例: '40' },
  ],
}

// Seven columns, 95 character widths in all: one A4 portrait page width at 100 %.
const WIDTHS = [12, 13, 17, 17, 14, 11, 11]
const COLUMNS = WIDTHS.length
// The periods the department's form prints, shares left blank where the plan has none (its 3月底 is empty).
const PERIODS = [3, 6, 10, 12]
const FONT = { name: '宋体', size: 10 }
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } }

const isNumber = (text: string) => text.trim() !== '' && Number.isFinite(Number(text.replace(/,/g, '')))
const decimalsOf = (text: string) => /\.(\d+)$/.exec(text)?.[1]?.length ?? 0
/** Display width in character widths: a Chinese character takes about two. */
const displayWidth = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)

class FormSheet {
  private readonly heights = new Map<number, number>()

  constructor(private readonly ws: Worksheet) {}

  /** A value over columns `from`…`to` of a row (merged when wider than one), its row tall enough for wrapped text. */
  put(row: number, from: number, value: string | number | null, { to = from, bottom = row, bold = false, numFmt = '', center = false } = {}) {
    const cell = this.ws.getCell(row, from)
    cell.value = value === '' ? null : value
    if (numFmt) cell.numFmt = numFmt
    cell.font = { ...FONT, bold }
    cell.alignment = { vertical: 'middle', horizontal: center ? 'center' : typeof value === 'number' ? 'right' : 'left', wrapText: true }
    if (to > from || bottom > row) this.ws.mergeCells(row, from, bottom, to)
    if (typeof value === 'string' && bottom === row) {
      const width = WIDTHS.slice(from - 1, to).reduce((a, b) => a + b, 0)
      const lines = Math.ceil(displayWidth(value) / Math.max(1, width - 1))
      this.heights.set(row, Math.max(this.heights.get(row) ?? 20, lines * 13 + 7))
    }
  }

  amount(row: number, column: number, text: string) {
    if (isNumber(text)) this.put(row, column, Number(text.replace(/,/g, '')), { numFmt: decimalsOf(text) ? `0.${'0'.repeat(decimalsOf(text))}` : '0' })
    else this.put(row, column, text)
  }

  finish(firstRow: number, lastRow: number) {
    for (let r = firstRow; r <= lastRow; r++) {
      for (let c = 1; c <= COLUMNS; c++) this.ws.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin }
      this.ws.getRow(r).height = this.heights.get(r) ?? 20
    }
  }
}

/** Merged ranges over runs of equal values in a column, as the paper form writes 一级 and 二级指标 once per group. */
function runs(values: readonly string[], sameGroup: (i: number) => boolean = () => true): [number, number][] {
  const out: [number, number][] = []
  values.forEach((v, i) => {
    const last = out.at(-1)
    if (last && values[last[0]] === v && sameGroup(i)) last[1] = i
    else out.push([i, i])
  })
  return out
}

/**
 * The 项目支出绩效目标表 as .xlsx bytes, filled with `content` (by default the seed's first project as the example).
 * Reading it back with `readWorkbook` gives `content` again.
 */
export async function buildTargetFormTemplate(content: TargetFormContent = SEED_TARGET_FORM): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '绩效看板'
  const ws = wb.addWorksheet('绩效目标表', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  })
  ws.columns = WIDTHS.map((width) => ({ width }))
  const sheet = new FormSheet(ws)
  const p = (key: string) => content.project[key] ?? ''

  sheet.put(1, 1, '项目支出绩效目标表', { to: COLUMNS, bold: true, center: true })
  ws.getCell(1, 1).font = { ...FONT, size: 16, bold: true }
  ws.getRow(1).height = 30
  sheet.put(2, 6, '单位：万元', { to: COLUMNS })
  ws.getCell(2, 6).alignment = { horizontal: 'right', vertical: 'middle' }

  sheet.put(3, 1, '项目编码', { bold: true })
  sheet.put(3, 2, p('项目编码'), { to: 3 })
  sheet.put(3, 4, '项目名称', { bold: true })
  sheet.put(3, 5, p('项目名称'), { to: COLUMNS })
  sheet.put(4, 1, '主管部门', { bold: true })
  sheet.put(4, 2, p('主管部门'), { to: 3 })
  sheet.put(4, 4, '实施单位', { bold: true })
  sheet.put(4, 5, p('实施单位'), { to: COLUMNS })

  sheet.put(5, 1, '预算规模及资金用途', { bottom: 6, bold: true })
  sheet.put(5, 2, '预算数', { bold: true })
  sheet.amount(5, 3, p('预算数'))
  sheet.put(5, 4, '其中：财政资金', { bold: true })
  sheet.amount(5, 5, p('财政资金'))
  sheet.put(5, 6, '其他资金', { bold: true })
  sheet.amount(5, 7, p('其他资金'))
  sheet.put(6, 2, p('资金用途'), { to: COLUMNS })

  const shares = new Map(content.plan.map((r) => [Number(r['月份']), r['计划支出比例'] ?? '']))
  const periods = [...new Set([...PERIODS, ...shares.keys()])].sort((a, b) => a - b)
  const perRow = COLUMNS - 1
  const pairs = Math.ceil(periods.length / perRow)
  sheet.put(7, 1, '资金支出计划（%）', { bottom: 6 + 2 * pairs, bold: true })
  for (let pair = 0; pair < pairs; pair++) {
    const chunk = periods.slice(pair * perRow, (pair + 1) * perRow)
    chunk.forEach((month, i) => {
      const to = i === chunk.length - 1 ? COLUMNS : i + 2
      const share = shares.get(month) ?? ''
      sheet.put(7 + 2 * pair, i + 2, `${month}月底`, { to, bold: true, center: true })
      if (isNumber(share)) {
        const decimals = decimalsOf(share)
        sheet.put(8 + 2 * pair, i + 2, Number(share) / 100, { to, center: true, numFmt: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' })
      } else sheet.put(8 + 2 * pair, i + 2, share, { to, center: true })
    })
  }

  const goalRow = 7 + 2 * pairs
  sheet.put(goalRow, 1, '绩效目标', { bold: true })
  sheet.put(goalRow, 2, p('年度目标'), { to: COLUMNS })

  const headerRow = goalRow + 1
  ;['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值'].forEach((h, i) => sheet.put(headerRow, i + 1, h, { bold: true, center: true }))
  sheet.put(headerRow, 6, '指标值确定依据', { to: COLUMNS, bold: true, center: true })
  const rows = content.indicators
  const level1 = rows.map((r) => r['一级指标'] ?? '')
  const level2 = rows.map((r) => r['二级指标'] ?? '')
  const level1Runs = runs(level1)
  const startsGroup = new Set(level1Runs.map(([first]) => first))
  for (const [first, last] of level1Runs) sheet.put(headerRow + 1 + first, 1, level1[first] ?? '', { bottom: headerRow + 1 + last, center: true })
  for (const [first, last] of runs(level2, (i) => !startsGroup.has(i))) {
    sheet.put(headerRow + 1 + first, 2, level2[first] ?? '', { bottom: headerRow + 1 + last, center: true })
  }
  rows.forEach((r, i) => {
    const row = headerRow + 1 + i
    sheet.put(row, 3, r['三级指标'] ?? '')
    sheet.put(row, 4, r['三级指标'] ?? '')
    sheet.put(row, 5, r['指标值'] ?? '')
    sheet.put(row, 6, r['指标值确定依据'] ?? '', { to: COLUMNS })
  })

  const lastRow = headerRow + rows.length
  sheet.finish(3, lastRow)
  ws.pageSetup.printArea = `A1:G${lastRow}`
  const buffer = await wb.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}
