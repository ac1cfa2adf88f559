// The official layouts as sheets: 项目支出绩效自评表 (财预〔2020〕10号), the department summary, the 绩效运行监控表
// (财预〔2019〕136号) and the indicator quality audit. Chinese only: these are the forms handed in. Their headings are
// written here; what they word from domain codes (bands, problems, notes, findings) comes from the catalogue in Chinese.
import type { AssessmentForm } from '@/domain/selfAssessment'
import type { DepartmentSummary } from '@/domain/departmentSummary'
import { DEVIATION_CAUSES, type MonitoringForm } from '@/domain/monitoringForm'
import type { Finding } from '@/domain/audit'
import type { Indicator } from '@/domain/types'
import { text } from '@/i18n/catalogue'
import { describeActual, describePeriod, describeReason } from '@/i18n/describeAssessment'
import { findingKindLabel, findingMessage, findingSuggestion, severityLabel } from '@/i18n/describeAudit'
import { formatValue } from '@/i18n/format'
import { amount, percent, score, SheetBuilder, type Cell, type Sheet } from './sheet'

const PENDING = text('zh', 'assessment.pending')
const periodLabel = (year: number, month: number) => describePeriod(year, month, 'zh')

/** Consecutive equal values of one column merged, as the form writes 一级指标 once per group. */
function mergeRuns(b: SheetBuilder, col: number, first: number, values: (string | null)[]) {
  let start = 0
  for (let i = 1; i <= values.length; i++) {
    if (i === values.length || values[i] !== values[start]) {
      b.down(col, first + start, first + i - 1)
      start = i
    }
  }
}

export function assessmentSheet(form: AssessmentForm): Sheet {
  const p = form.project
  const b = new SheetBuilder(9)
  b.row(['项目支出绩效自评表'], [[0, 8]], 'title')
  b.row([`（${periodLabel(form.asOf.year, form.asOf.month)}）`], [[0, 8]], 'title')
  b.row(['项目名称', p.name], [[1, 8]])
  b.row(['主管部门', p.department ?? '', null, null, null, '实施单位', p.unitName ?? ''], [[1, 4], [6, 8]])
  const spentLabel = form.partialYear ? `全年执行数（截至${form.asOf.month}月）` : '全年执行数'
  const fundsTop = b.row(['项目资金（万元）', null, '年初预算数', '全年预算数', spentLabel, '分值', '执行率', '得分', '偏差原因分析及改进措施'], [], 'heading')
  form.funds.forEach((f, i) => {
    const total = i === 0
    b.row([
      null,
      text('zh', `assessment.funds.${f.source}`),
      amount(f.initial),
      amount(f.annual),
      amount(f.spent),
      total ? score(form.execution.points) : '—',
      total ? percent(form.execution.rate) : '—',
      total ? score(form.execution.score) : '—',
      total ? form.execution.reason : null,
    ])
  })
  b.down(0, fundsTop, fundsTop + form.funds.length)
  b.down(8, fundsTop + 1, fundsTop + form.funds.length)

  const goalTop = b.row(['年度总体目标', '预期目标', null, null, null, '实际完成情况'], [[1, 4], [5, 8]], 'heading')
  b.row([null, form.goal.expected, null, null, null, form.goal.actual], [[1, 4], [5, 8]])
  b.down(0, goalTop, goalTop + 1)

  const indTop = b.row(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'], [], 'heading')
  for (const r of form.rows) {
    const i = r.indicator
    const actual = describeActual(r, 'zh', form.asOf.month)
    b.row([null, i.level1 ?? '', i.level2 ?? '', i.name, i.target.text, actual, score(r.points), r.score === null ? PENDING : score(r.score), describeReason(r, 'zh')])
  }
  b.down(0, indTop, indTop + form.rows.length)
  mergeRuns(b, 1, indTop + 1, form.rows.map((r) => r.indicator.level1))

  const totalPoints = form.execution.points + form.rows.reduce((s, r) => s + r.points, 0)
  b.row(['总分', null, null, null, null, null, score(totalPoints), form.total === null ? PENDING : score(form.total), `等级：${form.grade ?? PENDING}`], [[0, 5]], 'heading')
  // the form as handed in: the page's notes (what is missing, who judges what) stay on screen
  return b.build(p.name, [14, 18, 14, 24, 18, 20, 10, 10, 36])
}

export function summarySheet(summary: DepartmentSummary): Sheet {
  const b = new SheetBuilder(9)
  b.row([`部门项目支出绩效自评汇总（${periodLabel(summary.asOf.year, summary.asOf.month)}）`], [[0, 8]], 'title')
  b.row(['项目编码', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '执行率', '预算执行得分', '总分', '等级', '待评价指标'], [], 'heading')
  for (const p of summary.projects) {
    b.row([p.code, p.name, amount(p.budget), amount(p.spent), percent(p.rate), score(p.executionScore), p.total === null ? PENDING : score(p.total), p.grade ?? PENDING, { n: p.pending, f: 'integer' }])
  }
  b.row(['合计', null, amount(summary.budget), amount(summary.spent), percent(summary.rate)], [[0, 1]], 'heading')
  b.row([null])
  b.row(['部门整体绩效目标年末完成情况'], [[0, 8]], 'heading')
  b.row(['指标编码', '分项', '指标', '年度指标值', '实际完成值', '完成率', '是否达成', '数据月份'], [], 'heading')
  for (const g of summary.goals) {
    const i = g.indicator
    const actual: Cell = g.actual !== null ? formatValue(g.actual, i.target.unit) : g.status ?? '无数据'
    const met = text('zh', g.met === null ? 'assessment.unknown' : g.met ? 'assessment.met' : 'assessment.notMet')
    b.row([i.id, i.group ?? '', i.name, i.target.text, actual, percent(g.completion), met, g.dataMonth ? `${g.dataMonth}月` : ''])
  }
  return b.build('部门汇总', [24, 36, 16, 16, 12, 12, 10, 10, 10])
}

export function monitoringSheet(forms: readonly MonitoringForm[]): Sheet {
  const b = new SheetBuilder(13)
  const first = forms[0]
  const n = first?.month ?? 7
  b.row([`项目支出绩效运行监控表（${first ? `${first.year}年` : ''}1–${n}月）`], [[0, 12]], 'title')
  for (const f of forms) {
    b.row([null])
    b.row(['项目名称', f.project.name, null, null, null, null, '项目编码', f.project.code], [[1, 5], [7, 12]], 'heading')
    b.row(['年初预算数（万元）', null, '全年预算数（万元）', null, `1–${n}月执行数（万元）`, null, `1–${n}月执行率`, null, '全年预计执行数（万元）', null, '说明'], [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9], [10, 12]], 'heading')
    b.row([amount(f.initialBudget), null, amount(f.budget), null, amount(f.spent), null, percent(f.rate), null, amount(f.estimateSpent), null, f.beyondData ? `数据尚未到${n}月` : '全年预计按1–N月支出进度推算'], [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9], [10, 12]])
    const head = b.row(['一级指标', '二级指标', '三级指标', '年度指标值', `1–${n}月完成情况`, '全年预计完成情况', '偏差原因', null, null, null, null, '完成目标可能性', '原因说明'], [[6, 10]], 'heading')
    b.row([null, null, null, null, null, null, ...DEVIATION_CAUSES], [], 'heading')
    for (const c of [0, 1, 2, 3, 4, 5, 11, 12]) b.down(c, head, head + 1)
    for (const r of f.rows) {
      const unit = r.indicator.target.unit
      b.row([
        r.indicator.level1 ?? '',
        r.indicator.level2 ?? '',
        r.indicator.name,
        r.indicator.target.text,
        r.actual !== null ? formatValue(r.actual, unit) : r.status ?? '无数据',
        r.estimate !== null ? formatValue(r.estimate, unit) : r.status ?? '',
        ...DEVIATION_CAUSES.map((c) => (r.causes.includes(c) ? '√' : '')),
        r.likelihood ?? '',
        r.explanation,
      ])
    }
  }
  return b.build(`监控表1-${n}月`, [14, 16, 22, 16, 16, 16, 8, 8, 8, 10, 8, 12, 30])
}

export function auditSheet(findings: readonly Finding[], indicators: readonly Indicator[], projectNames: ReadonlyMap<string, string>): Sheet {
  const byId = new Map(indicators.map((i) => [i.id, i]))
  const b = new SheetBuilder(8)
  b.row(['绩效指标质量审核'], [[0, 7]], 'title')
  b.row(['指标编码', '所属', '三级指标', '指标值', '问题类型', '严重程度', '问题', '建议写法'], [], 'heading')
  for (const f of findings) {
    const ind = f.indicatorId ? byId.get(f.indicatorId) : undefined
    const owner = f.projectCode ? (projectNames.get(f.projectCode) ?? f.projectCode) : '部门整体目标'
    b.row([
      f.indicatorId ?? '（项目）',
      owner,
      ind?.name ?? '',
      ind?.target.text ?? '',
      findingKindLabel(f.kind, 'zh'),
      severityLabel(f.severity, 'zh'),
      findingMessage(f, 'zh'),
      findingSuggestion(f, 'zh'),
    ])
  }
  return b.build('指标质量审核', [10, 30, 22, 20, 16, 8, 50, 50])
}
