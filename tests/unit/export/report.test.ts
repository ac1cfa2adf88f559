import { describe, expect, it } from 'vitest'
import {
  chineseNumeral,
  monitoringReport,
  monitoringReportFileName,
  reportText,
  selfAssessmentReport,
  selfAssessmentReportFileName,
  splitReason,
  type Report,
  type ReportBlock,
} from '@/export/report'
import {
  EXECUTION_REASON,
  fullMarksForm,
  MONITORING_EXPLANATION,
  REASON_A,
  REASON_C,
  trainingForm,
  trainingMonitoringForm,
} from './reportFixtures'

const ORG = '某区人力资源和社会保障局'

/** The text between a level-1 heading and the next one. */
function section(r: Report, heading: string): string {
  const blocks = r.sections.flatMap((s) => s.blocks)
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.text === heading)
  if (start < 0) throw new Error(`no section ${heading}`)
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1)
  return reportText({ title: [], subtitle: [], sections: [{ landscape: false, blocks: blocks.slice(start, end < 0 ? undefined : end) }] })
}
const tables = (r: Report) => r.sections.flatMap((s) => s.blocks).filter((b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table')
const rowTexts = (t: Extract<ReportBlock, { kind: 'table' }>) => t.rows.map((row) => row.cells.map((c) => c.text))

describe('splitReason', () => {
  it('splits a reason into its cause and its remedy at 下年', () => {
    expect(splitReason(REASON_A)).toEqual({ causes: '受疫情影响部分培训班延期，参训人数少于计划。', measures: '下年提前发布培训计划，扩大宣传覆盖。' })
  })
  it('cuts a sentence at a comma followed by 下一步', () => {
    expect(splitReason(EXECUTION_REASON)).toEqual({ causes: '部分补贴资金年底集中拨付。', measures: '下一步按季度拨付。' })
  })
  it('reads labelled parts 原因： and 改进措施：', () => {
    expect(splitReason('原因：宣传不到位。改进措施：增加宣传场次')).toEqual({ causes: '宣传不到位。', measures: '增加宣传场次。' })
  })
  it('gives no remedy for a reason that has none, rather than repeating the cause', () => {
    expect(splitReason(REASON_C)).toEqual({ causes: '一名学员实训时轻微划伤。', measures: null })
  })
})

it('counts headings in Chinese numerals', () => {
  expect([1, 9, 10, 12, 20, 35].map(chineseNumeral)).toEqual(['一', '九', '十', '十二', '二十', '三十五'])
})

describe('the 项目支出绩效自评报告', () => {
  const report = selfAssessmentReport(trainingForm(), { organisation: ORG })

  it('names the project and the organisation at the top, and has the five sections in order', () => {
    expect(report.title).toEqual(['职业技能培训补贴项目', '项目支出绩效自评报告'])
    expect(report.subtitle).toEqual([ORG, '2024年度'])
    const headings = report.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text)
    expect(headings).toEqual(['一、基本情况', '二、绩效目标完成情况', '三、偏差原因分析', '四、改进措施', '五、结果应用'])
    expect(selfAssessmentReportFileName(trainingForm())).toBe('职业技能培训补贴项目_绩效自评报告.docx')
  })

  it('gives the budget, the spending and the rate with their units in 基本情况', () => {
    const text = section(report, '一、基本情况')
    expect(text).toContain('2024年年初预算数150.00万元。全年执行125.25万元，预算执行率83.50%。')
    expect(text).toContain('全年培训200人次，培训合格率不低于90%。')
    expect(text).toContain('年度总体目标的实际完成情况尚未填写。')
  })

  it('states the total 80.55 and the grade, and puts every indicator in the table with its score to two decimals', () => {
    expect(section(report, '二、绩效目标完成情况')).toContain('自评总分80.55分，等级为“良”，其中3项绩效指标未得满分。')
    const [table] = tables(report)
    expect(table?.columns.map((c) => c.title)).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'])
    const rows = rowTexts(table!)
    expect(rows[0]).toEqual(['预算执行率', '100%', '83.50%', '10.00', '8.35', EXECUTION_REASON])
    expect(rows[1]).toEqual(['产出指标', '数量指标', '培训人次', '≥200人次', '167 人次', '20.00', '16.70', REASON_A])
    expect(rows.at(-1)).toEqual(['总分', '100.00', '80.55', '等级：良'])
  })

  it('writes 产出指标 once over the three rows it covers', () => {
    const [table] = tables(report)
    expect(table?.rows[1]?.cells[0]).toEqual({ text: '产出指标', rowSpan: 3 })
    expect(table?.rows[2]?.cells).toHaveLength(7)
  })

  it('analyses each deviation with the cause the evaluator wrote, and takes the remedies into 改进措施', () => {
    const analysis = section(report, '三、偏差原因分析')
    expect(analysis).toContain('1．预算执行率：全年预算数150.00万元，全年执行数125.25万元，执行率83.50%，得分8.35分（分值10.00分）。主要原因：部分补贴资金年底集中拨付。')
    expect(analysis).toContain('“培训人次”：年度指标值为≥200人次，实际完成值为167人次，得分16.70分（分值20.00分）。主要原因：受疫情影响部分培训班延期，参训人数少于计划。')
    expect(analysis).toContain('“社会效益”：年度指标值为“就业能力明显提升”，实际完成值为“部分达成并具有一定效果”，得分15.50分（分值20.00分）。偏差原因尚未填写。')
    const measures = section(report, '四、改进措施')
    expect(measures).toContain('1．预算执行：下一步按季度拨付。')
    expect(measures).toContain('2．“培训人次”：下年提前发布培训计划，扩大宣传覆盖。')
    expect(measures).toContain('3．“社会效益”：改进措施尚未填写。')
    expect(measures).not.toContain('划伤')
  })

  it('recommends 保障 for a 良 project in next year’s budget', () => {
    expect(section(report, '五、结果应用')).toContain('本项目自评总分80.55分，等级为“良”。根据预算安排与绩效结果挂钩的要求，建议2025年度预算对该项目予以保障。')
  })

  it('follows a budget-use mapping given to it', () => {
    const strict = selfAssessmentReport(trainingForm(), { organisation: ORG, budgetUse: { 优: '优先保障', 良: '适当压减', 中: '压缩', 差: '取消' } })
    expect(section(strict, '五、结果应用')).toContain('予以适当压减')
  })

  it('says plainly a form still awaiting a judgement is 待评价, and gives no total, grade or budget advice', () => {
    const pending = selfAssessmentReport(trainingForm({ A: { band: null, score: null, reason: REASON_A } }), { organisation: ORG })
    const text = reportText(pending)
    expect(section(pending, '二、绩效目标完成情况')).toContain('本项目尚有1项指标待评价（“社会效益”），自评总分和等级待评价完成后确定；已评部分得分合计65.05分。')
    expect(rowTexts(tables(pending)[0]!).at(-1)).toEqual(['总分', '100.00', '待评价', '等级：待评价'])
    expect(section(pending, '五、结果应用')).toContain('自评总分和等级尚未确定，结果应用意见待评价完成后提出。')
    expect(text).not.toMatch(/自评总分\d/)
    expect(text).not.toContain('预算对该项目予以')
  })

  it('says nothing lost points when every indicator has full marks', () => {
    const full = selfAssessmentReport(fullMarksForm(), { organisation: ORG })
    expect(section(full, '三、偏差原因分析')).toContain('本项目预算执行率100.00%，已评价的绩效指标均得满分，未出现需要说明的偏差。')
    expect(section(full, '四、改进措施')).toContain('本项目各项绩效指标均已完成')
  })

  it('puts the indicator table on a landscape page and the text on portrait pages', () => {
    expect(report.sections.map((s) => [s.landscape, s.blocks.some((b) => b.kind === 'table')])).toEqual([
      [false, false],
      [true, true],
      [false, false],
    ])
  })
})

describe('the 绩效运行监控报告', () => {
  const report = monitoringReport([trainingMonitoringForm()], { organisation: ORG, year: 2024, month: 7 })

  it('is titled for months 1–7 and named after the organisation', () => {
    expect(report.title).toEqual(['2024年1–7月项目支出绩效运行监控报告'])
    expect(monitoringReportFileName({ organisation: ORG, year: 2024, month: 7 })).toBe(`${ORG}_2024年1-7月绩效运行监控报告.docx`)
  })

  it('tabulates each project’s budget, 1–7月 spending, rate and year-end estimate, with a total', () => {
    expect(section(report, '二、预算执行情况')).toContain('1–7月，上述项目累计执行70.00万元，预算执行率46.67%；按1–7月支出进度推算，全年预计执行120.00万元')
    const [budget] = tables(report)
    expect(budget?.columns.map((c) => c.title)).toEqual(['项目名称', '年初预算数', '全年预算数', '1–7月执行数', '1–7月执行率', '全年预计执行数'])
    expect(rowTexts(budget!)).toEqual([
      ['职业技能培训补贴项目', '150.00', '150.00', '70.00', '46.67%', '120.00'],
      ['合计', '150.00', '150.00', '70.00', '46.67%', '120.00'],
    ])
  })

  it('gives every indicator its 1–7月 value, estimate, causes, likelihood and explanation', () => {
    const indicatorsTable = tables(report)[1]!
    expect(indicatorsTable.columns.map((c) => c.title)).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '1–7月完成情况', '全年预计完成情况', '偏差原因', '完成目标可能性', '原因说明'])
    expect(rowTexts(indicatorsTable)[0]).toEqual(['产出指标', '数量指标', '培训人次', '≥200人次', '80 人次', '137.14 人次', '硬件条件保障', '有可能', MONITORING_EXPLANATION])
  })

  it('analyses a lagging indicator with its causes and takes the remedy of its explanation into 改进措施', () => {
    const analysis = section(report, '四、偏差原因分析')
    expect(analysis).toContain('（一）职业技能培训补贴项目')
    expect(analysis).toContain('1．预算执行：1–7月执行70.00万元，执行率46.67%，按当前进度全年预计执行120.00万元，低于全年预算数150.00万元。')
    expect(analysis).toContain('2．“培训人次”：年度指标值为≥200人次，1–7月完成80人次，全年预计完成137.14人次，完成目标可能性为“有可能”。偏差原因：硬件条件保障。上半年培训场地改造，开班推迟。')
    expect(section(report, '五、改进措施')).toContain('1．“培训人次”：下一步在三季度集中开班。')
  })

  it('says a lagging indicator has no explanation yet, and asks for remedies when none is written', () => {
    const bare = monitoringReport([trainingMonitoringForm({})], { organisation: ORG, year: 2024, month: 7 })
    expect(section(bare, '四、偏差原因分析')).toContain('原因说明尚未填写。')
    expect(section(bare, '五、改进措施')).toContain('原因说明中尚未提出改进措施，请针对上述偏差补充。')
  })
})
