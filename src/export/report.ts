// The 项目支出绩效自评报告 and the 绩效运行监控报告 as a document model — sections, headings, paragraphs and tables —
// written the way such reports are written in government practice and assembled from the forms, the evaluator's
// judgements and reasons. No Word here: src/export/docx.ts draws this model, so the text is testable on its own.
import { DEFAULT_BUDGET_USE, type BudgetUse } from '@/domain/bureau'
import type { MonitoringForm, MonitoringRow } from '@/domain/monitoringForm'
import type { AssessmentForm, AssessmentRow } from '@/domain/selfAssessment'
import { formatNumber, formatShare, formatValue } from '@/i18n/format'
import { bandLabel, describeActual, describeFormNotes } from '@/i18n/describeAssessment'

export type CellAlign = 'left' | 'center' | 'right'

export interface ReportCell {
  text: string
  /** columns this cell covers */
  span?: number
  /** rows this cell covers; the rows below leave the column out */
  rowSpan?: number
}

export interface ReportRow {
  cells: ReportCell[]
  /** a total line, drawn bold */
  emphasis?: boolean
}

export interface ReportColumn {
  title: string
  /** relative width */
  width: number
  align: CellAlign
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  /** a remark under a table, smaller and without indent */
  | { kind: 'note'; text: string }
  | { kind: 'table'; columns: ReportColumn[]; rows: ReportRow[] }

export interface ReportSection {
  /** wide tables go on landscape pages */
  landscape: boolean
  blocks: ReportBlock[]
}

export interface Report {
  /** the title, one line each, centred */
  title: string[]
  /** under the title, centred: who and which period */
  subtitle: string[]
  sections: ReportSection[]
}

/** What a grade means for next year's budget (预算安排与绩效结果挂钩): the scoring settings' 结果应用. */
export { DEFAULT_BUDGET_USE, type BudgetUse }

export interface SelfAssessmentReportOptions {
  /** the department that hands the report in */
  organisation: string
  budgetUse?: BudgetUse
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings count （一）（二）…). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n] ?? String(n)
  if (n >= 100) return String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`
}

const wan = (n: number | null) => (n === null ? '—' : `${formatNumber(n)}万元`)
const points = (n: number) => `${formatNumber(n)}分`
const quoted = (s: string) => `“${s}”`
/** Prose writes a value against its unit (167人次); the tables keep the app's `167 人次`. */
const inProse = (value: string) => value.replace(/(\d) (?=\D)/, '$1')
/** A sentence ends with exactly one 。 whatever the evaluator typed. */
const sentence = (s: string) => `${s.trim().replace(/[。；;，,.\s]+$/, '')}。`
const hasText = (s: string | null | undefined) => (s ?? '').trim() !== ''

/** Words that open a remedy rather than a cause in what an evaluator writes. */
const MEASURE_OPENERS = ['下年', '下一年', '下一步', '下阶段', '今后', '明年', '后续', '将', '拟', '加强', '加快', '强化', '完善', '改进', '优化', '建议', '做好', '整改', '确保']
/** Openers strong enough to start a remedy in the middle of a sentence, after a comma. */
const MID_SENTENCE_OPENERS = ['下年', '下一年', '下一步', '下阶段', '今后', '明年', '后续']
const LABEL = /^(偏差原因分析及改进措施|偏差原因分析|偏差原因|原因分析|原因说明|主要原因|原因|改进措施|整改措施|措施)[:：]\s*/
const LEAD = /^(并且|并|同时|此外|另外|因此|为此)[，,]?\s*/

const opensWith = (clause: string, openers: readonly string[]) => {
  const bare = clause.replace(LABEL, '').replace(LEAD, '')
  return openers.some((o) => bare.startsWith(o))
}

/**
 * The evaluator writes 偏差原因分析及改进措施 in one field. The report's 偏差原因分析 takes the causes and its 改进措施
 * the remedies: a clause (between 。 or ；) that opens with a remedy word such as 下一步, 今后, 加强 is a remedy, and so is
 * the rest of a sentence from a comma followed by 下年, 下一步, 今后 …. Either is null when the text has none: a
 * reason with no remedy in it is not repeated as one.
 */
export function splitReason(text: string): { causes: string | null; measures: string | null } {
  const causes: string[] = []
  const measures: string[] = []
  for (const raw of text.split(/[。；;\n]+/)) {
    const s = raw.trim()
    if (!s) continue
    if (/^(改进措施|整改措施|措施)[:：]/.test(s) || opensWith(s, MEASURE_OPENERS)) {
      measures.push(s.replace(LABEL, ''))
      continue
    }
    const parts = s.split(/[，,]/)
    const cut = parts.findIndex((p, i) => i > 0 && opensWith(p.trim(), MID_SENTENCE_OPENERS))
    if (cut > 0) {
      causes.push(parts.slice(0, cut).join('，').replace(LABEL, ''))
      measures.push(parts.slice(cut).join('，').trim())
    } else causes.push(s.replace(LABEL, ''))
  }
  return { causes: causes.length ? sentence(causes.join('；')) : null, measures: measures.length ? sentence(measures.join('；')) : null }
}

/** A numbered paragraph as reports number items inside a section: 1．… */
const item = (i: number, text: string): ReportBlock => ({ kind: 'paragraph', text: `${i + 1}．${text}` })
const paragraph = (text: string): ReportBlock => ({ kind: 'paragraph', text })
const heading = (level: 1 | 2, text: string): ReportBlock => ({ kind: 'heading', level, text })

/** Consecutive equal 一级指标 written once, over the rows they cover. */
function level1Cells(rows: readonly { indicator: { level1: string | null } }[]): (ReportCell | null)[] {
  const cells: (ReportCell | null)[] = rows.map(() => null)
  let start = 0
  for (let i = 1; i <= rows.length; i++) {
    const here = rows[start]?.indicator.level1 ?? ''
    if (i === rows.length || (rows[i]?.indicator.level1 ?? '') !== here) {
      cells[start] = i - start > 1 ? { text: here, rowSpan: i - start } : { text: here }
      start = i
    }
  }
  return cells
}

type IndicatorRow = { indicator: { level1: string | null; level2: string | null; name: string; target: { text: string } } }

/** A row per indicator: its 一级指标 (written once over equal ones), 二级指标, name and 指标值, then `rest`. */
function indicatorRows<R extends IndicatorRow>(rows: readonly R[], rest: (r: R) => ReportCell[]): ReportRow[] {
  const level1 = level1Cells(rows)
  return rows.map((r, i) => {
    const cell = level1[i]
    return {
      cells: [...(cell ? [cell] : []), { text: r.indicator.level2 ?? '' }, { text: r.indicator.name }, { text: r.indicator.target.text }, ...rest(r)],
    }
  })
}

function countByLevel1(rows: readonly { indicator: { level1: string | null } }[]): string {
  const counts = new Map<string, number>()
  for (const r of rows) {
    const k = r.indicator.level1 ?? '未分类指标'
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return [...counts].map(([k, n]) => `${k}${n}项`).join('、')
}

// ——— 项目支出绩效自评报告 ———

/**
 * 实际完成值 in the report's table: as the form writes it, but a judged band without the data's month (the note under
 * the table gives it), and with the data's status only where it differs from the evaluator's band.
 */
function actualInReport(r: AssessmentRow): string {
  if (r.judged === null || r.band === null || r.actual !== null) return describeActual(r, 'zh')
  return bandLabel(r.band, 'zh') + (r.dataStatus && r.dataStatus !== r.band ? `（数据：${r.dataStatus}）` : '')
}

const scoreText = (r: AssessmentRow) => (r.score === null ? '待评价' : formatNumber(r.score))
const lostPoints = (r: AssessmentRow) => r.score !== null && r.score < r.points - 0.005

/** What happened to one indicator, in a sentence: target, actual, score. */
function rowFacts(r: AssessmentRow): string {
  const score = r.score === null ? '尚待评价' : `得分${points(r.score)}（分值${points(r.points)}）`
  const over = r.overAchieved && !lostPoints(r) ? '，实际完成值远超年度指标值' : ''
  const target = r.indicator.target.qualitative ? quoted(r.indicator.target.text) : r.indicator.target.text
  const actual = r.judged === null ? inProse(describeActual(r, 'zh')) : quoted(actualInReport(r))
  return `${quoted(r.indicator.name)}：年度指标值为${target}，实际完成值为${actual}，${score}${over}。`
}

/** Indicators the report explains: those that lost points or far over-achieved, and any the evaluator wrote on. */
const explained = (f: AssessmentForm) => f.rows.filter((r) => r.needsReason || hasText(r.reason))
const executionExplained = (f: AssessmentForm) => f.execution.needsReason || hasText(f.execution.reason)

function spentLabel(f: AssessmentForm): string {
  return f.partialYear ? `截至${f.asOf.month}月执行数` : '全年执行数'
}

function basicSituation(f: AssessmentForm): ReportBlock[] {
  const p = f.project
  const who = [p.department ? `主管部门为${p.department}` : '', p.unitName ? `实施单位为${p.unitName}` : ''].filter(Boolean).join('，')
  const intro = `${p.name}（项目编码：${p.code}）${who ? `，${who}` : ''}。${p.purpose ? `项目资金用途：${sentence(p.purpose)}` : ''}`
  const parts = [p.fiscal !== null ? `当年财政拨款${wan(p.fiscal)}` : '', p.other ? `其他资金${wan(p.other)}` : ''].filter(Boolean)
  const adjusted = Math.abs(f.execution.budget - p.budget) > 0.005 ? `，调整后全年预算数${wan(f.execution.budget)}` : ''
  const funds =
    `${f.asOf.year}年年初预算数${wan(p.budget)}${parts.length > 1 ? `（其中${parts.join('，')}）` : ''}${adjusted}。` +
    `${f.partialYear ? `截至${f.asOf.year}年${f.asOf.month}月，` : '全年'}执行${wan(f.execution.spent)}，预算执行率${formatShare(f.execution.rate)}。`
  const goal = hasText(f.goal.expected) ? sentence(f.goal.expected) : '项目未填报年度总体目标。'
  const actual = hasText(f.goal.actual) ? `实际完成情况：${sentence(f.goal.actual)}` : '年度总体目标的实际完成情况尚未填写。'
  return [heading(1, '一、基本情况'), heading(2, '（一）项目概况'), paragraph(intro), paragraph(funds), heading(2, '（二）年度总体目标'), paragraph(goal), paragraph(actual)]
}

function goalCompletion(f: AssessmentForm): ReportBlock[] {
  const indicatorPoints = f.rows.reduce((s, r) => s + r.points, 0)
  const setUp =
    `本项目设置绩效指标${f.rows.length}项${f.rows.length ? `，其中${countByLevel1(f.rows)}` : ''}。按照《项目支出绩效评价管理办法》（财预〔2020〕10号）的评分规则，` +
    `预算执行率分值${points(f.execution.points)}，绩效指标分值合计${points(indicatorPoints)}。`
  let result: string
  if (f.total !== null && f.grade !== null) {
    const lost = f.rows.filter(lostPoints).length
    result =
      `经自评，预算执行率得分${points(f.execution.score)}，绩效指标得分${points(f.total - f.execution.score)}，自评总分${points(f.total)}，等级为${quoted(f.grade)}，` +
      (lost ? `其中${lost}项绩效指标未得满分。` : '各项绩效指标均得满分。')
  } else {
    const names = f.rows.filter((r) => r.score === null).map((r) => quoted(r.indicator.name)).join('、')
    result = `本项目尚有${f.pending.length}项指标待评价（${names}），自评总分和等级待评价完成后确定；已评部分得分合计${points(f.scoredSoFar)}。`
  }
  const rows: ReportRow[] = [
    {
      cells: [
        { text: '预算执行率', span: 3 },
        { text: '100%' },
        { text: formatShare(f.execution.rate) },
        { text: formatNumber(f.execution.points) },
        { text: formatNumber(f.execution.score) },
        { text: f.execution.reason },
      ],
    },
    ...indicatorRows(f.rows, (r) => [
      { text: actualInReport(r) },
      { text: formatNumber(r.points) },
      { text: scoreText(r) },
      { text: r.reason },
    ]),
    {
      emphasis: true,
      cells: [
        { text: '总分', span: 5 },
        { text: formatNumber(f.execution.points + indicatorPoints) },
        { text: f.total === null ? '待评价' : formatNumber(f.total) },
        { text: `等级：${f.grade ?? '待评价'}` },
      ],
    },
  ]
  const columns: ReportColumn[] = [
    { title: '一级指标', width: 9, align: 'center' },
    { title: '二级指标', width: 11, align: 'center' },
    { title: '三级指标', width: 13, align: 'left' },
    { title: '年度指标值', width: 9, align: 'left' },
    { title: '实际完成值', width: 13, align: 'left' },
    { title: '分值', width: 6, align: 'right' },
    { title: '得分', width: 6, align: 'right' },
    { title: '偏差原因分析及改进措施', width: 26, align: 'left' },
  ]
  return [
    heading(1, '二、绩效目标完成情况'),
    // one paragraph, so that the table of a project of a dozen indicators still fits on the landscape page
    paragraph(`${setUp}${result}各项指标完成情况见下表。`),
    { kind: 'table', columns, rows },
    ...describeFormNotes(f, 'zh').map((note): ReportBlock => ({ kind: 'note', text: note.text })),
  ]
}

function executionFacts(f: AssessmentForm): string {
  const e = f.execution
  return `预算执行率：全年预算数${wan(e.budget)}，${spentLabel(f)}${wan(e.spent)}，执行率${formatShare(e.rate)}，得分${points(e.score)}（分值${points(e.points)}）。`
}

/** What the evaluator wrote, split: null parts are left out, an empty field is said to be empty. */
function writtenCause(reason: string): string {
  if (!hasText(reason)) return '偏差原因尚未填写。'
  const { causes } = splitReason(reason)
  return causes ? `主要原因：${causes}` : ''
}
function writtenMeasure(reason: string): string | null {
  if (!hasText(reason)) return '改进措施尚未填写。'
  return splitReason(reason).measures
}

function deviationAnalysis(f: AssessmentForm): ReportBlock[] {
  const blocks: ReportBlock[] = [heading(1, '三、偏差原因分析')]
  const items: string[] = []
  if (executionExplained(f)) items.push(executionFacts(f) + writtenCause(f.execution.reason))
  for (const r of explained(f)) items.push(rowFacts(r) + writtenCause(r.reason))
  if (items.length === 0) {
    blocks.push(paragraph(`本项目预算执行率${formatShare(f.execution.rate)}，已评价的绩效指标均得满分，未出现需要说明的偏差。`))
  } else {
    blocks.push(paragraph('对照年度绩效目标，本项目存在以下偏差：'), ...items.map((t, i) => item(i, t)))
  }
  if (f.pending.length) blocks.push(paragraph(`另有${f.pending.length}项指标待评价，其偏差情况待评价完成后补充。`))
  return blocks
}

function improvements(f: AssessmentForm): ReportBlock[] {
  const blocks: ReportBlock[] = [heading(1, '四、改进措施')]
  const deviations = (executionExplained(f) ? 1 : 0) + explained(f).length
  const items: string[] = []
  const execution = executionExplained(f) ? writtenMeasure(f.execution.reason) : null
  if (execution) items.push(`预算执行：${execution}`)
  for (const r of explained(f)) {
    const measure = writtenMeasure(r.reason)
    if (measure) items.push(`${quoted(r.indicator.name)}：${measure}`)
  }
  if (deviations === 0) {
    blocks.push(paragraph('本项目各项绩效指标均已完成，下一步将继续加强项目管理和绩效运行监控，科学合理设置下年度绩效目标，巩固项目实施成效。'))
  } else if (items.length === 0) {
    blocks.push(paragraph('偏差原因分析中未写明改进措施，请针对上述偏差补充。'))
  } else {
    blocks.push(paragraph('针对上述偏差，拟采取以下改进措施：'), ...items.map((t, i) => item(i, t)))
  }
  return blocks
}

function resultUse(f: AssessmentForm, use: BudgetUse): ReportBlock[] {
  const blocks: ReportBlock[] = [heading(1, '五、结果应用')]
  if (f.total === null || f.grade === null) {
    blocks.push(paragraph(`本项目尚有${f.pending.length}项指标待评价，自评总分和等级尚未确定，结果应用意见待评价完成后提出。`))
  } else {
    blocks.push(
      paragraph(
        `本项目自评总分${points(f.total)}，等级为${quoted(f.grade)}。根据预算安排与绩效结果挂钩的要求，建议${f.asOf.year + 1}年度预算对该项目予以${use[f.grade]}。`,
      ),
    )
  }
  blocks.push(paragraph('自评结果将作为改进项目管理、完善绩效目标和安排以后年度预算的重要依据，并按规定予以公开。'))
  return blocks
}

export function selfAssessmentReport(f: AssessmentForm, options: SelfAssessmentReportOptions): Report {
  return {
    title: [f.project.name, '项目支出绩效自评报告'],
    subtitle: [options.organisation, f.partialYear ? `${f.asOf.year}年度（数据截至${f.asOf.month}月）` : `${f.asOf.year}年度`].filter(Boolean),
    sections: [
      { landscape: false, blocks: basicSituation(f) },
      { landscape: true, blocks: goalCompletion(f) },
      { landscape: false, blocks: [...deviationAnalysis(f), ...improvements(f), ...resultUse(f, options.budgetUse ?? DEFAULT_BUDGET_USE)] },
    ],
  }
}

export const selfAssessmentReportFileName = (f: AssessmentForm) => `${f.project.name}_绩效自评报告.docx`

// ——— 绩效运行监控报告 ———

export interface MonitoringReportOptions {
  organisation: string
  year: number
  /** the report covers months 1–N */
  month: number
}

const shownValue = (r: MonitoringRow, v: number | null) => (v !== null ? formatValue(v, r.indicator.target.unit) : (r.status ?? '无数据'))
/** A row the 偏差原因分析 speaks of: behind its pace, not sure to be met, or explained by the evaluator. */
const deviates = (r: MonitoringRow) => r.lagging || (r.likelihood !== null && r.likelihood !== '确定能') || r.causes.length > 0 || hasText(r.explanation)
const behindBudget = (f: MonitoringForm) => f.estimateSpent < f.budget - 0.005

function budgetExecution(forms: readonly MonitoringForm[], n: number): ReportBlock[] {
  const initial = forms.reduce((s, f) => s + f.initialBudget, 0)
  const budget = forms.reduce((s, f) => s + f.budget, 0)
  const spent = forms.reduce((s, f) => s + f.spent, 0)
  const estimate = forms.reduce((s, f) => s + f.estimateSpent, 0)
  const share = (a: number) => (budget > 0 ? formatShare(a / budget) : '—')
  const columns: ReportColumn[] = [
    { title: '项目名称', width: 34, align: 'left' },
    { title: '年初预算数', width: 13, align: 'right' },
    { title: '全年预算数', width: 13, align: 'right' },
    { title: `1–${n}月执行数`, width: 13, align: 'right' },
    { title: `1–${n}月执行率`, width: 12, align: 'right' },
    { title: '全年预计执行数', width: 15, align: 'right' },
  ]
  const row = (name: string, a: number, b: number, c: number, d: number, emphasis = false): ReportRow => ({
    emphasis,
    cells: [{ text: name }, { text: formatNumber(a) }, { text: formatNumber(b) }, { text: formatNumber(c) }, { text: b > 0 ? formatShare(c / b) : '—' }, { text: formatNumber(d) }],
  })
  return [
    heading(1, '二、预算执行情况'),
    paragraph(
      `1–${n}月，上述项目累计执行${wan(spent)}，预算执行率${share(spent)}；按1–${n}月支出进度推算，全年预计执行${wan(estimate)}，占全年预算数的${share(estimate)}。各项目执行情况如下表（金额单位：万元）：`,
    ),
    { kind: 'table', columns, rows: [...forms.map((f) => row(f.project.name, f.initialBudget, f.budget, f.spent, f.estimateSpent)), row('合计', initial, budget, spent, estimate, true)] },
  ]
}

function monitoringTable(f: MonitoringForm, n: number): ReportBlock {
  const columns: ReportColumn[] = [
    { title: '一级指标', width: 9, align: 'center' },
    { title: '二级指标', width: 10, align: 'center' },
    { title: '三级指标', width: 13, align: 'left' },
    { title: '年度指标值', width: 12, align: 'left' },
    { title: `1–${n}月完成情况`, width: 9, align: 'right' },
    { title: '全年预计完成情况', width: 9, align: 'right' },
    { title: '偏差原因', width: 9, align: 'left' },
    { title: '完成目标可能性', width: 8, align: 'center' },
    { title: '原因说明', width: 21, align: 'left' },
  ]
  const rows = indicatorRows(f.rows, (r) => [
    { text: shownValue(r, r.actual) },
    { text: r.estimate !== null ? formatValue(r.estimate, r.indicator.target.unit) : (r.status ?? '—') },
    { text: r.causes.join('、') },
    { text: r.likelihood ?? '' },
    { text: r.explanation },
  ])
  return { kind: 'table', columns, rows }
}

/** A value of the 监控表 in a sentence: a number with its unit, a status in quotes. */
function stated(r: MonitoringRow, v: number | null): string {
  if (v !== null) return inProse(formatValue(v, r.indicator.target.unit))
  return r.status ? quoted(r.status) : '无数据'
}

function monitoringDeviations(forms: readonly MonitoringForm[], n: number): ReportBlock[] {
  const blocks: ReportBlock[] = [heading(1, '四、偏差原因分析')]
  let k = 0
  for (const f of forms) {
    const items: string[] = []
    if (behindBudget(f)) {
      items.push(`预算执行：1–${n}月执行${wan(f.spent)}，执行率${formatShare(f.rate)}，按当前进度全年预计执行${wan(f.estimateSpent)}，低于全年预算数${wan(f.budget)}。`)
    }
    for (const r of f.rows.filter(deviates)) {
      const t = r.indicator.target
      const likely = r.likelihood ? `，完成目标可能性为${quoted(r.likelihood)}` : ''
      const facts = `${quoted(r.indicator.name)}：年度指标值为${t.qualitative ? quoted(t.text) : t.text}，1–${n}月完成${stated(r, r.actual)}，全年预计完成${stated(r, r.estimate)}${likely}。`
      const causes = r.causes.length ? `偏差原因：${r.causes.join('、')}。` : ''
      const said = hasText(r.explanation) ? (splitReason(r.explanation).causes ?? '') : r.lagging ? '原因说明尚未填写。' : ''
      items.push(facts + causes + said)
    }
    if (items.length === 0) continue
    blocks.push(heading(2, `（${chineseNumeral(++k)}）${f.project.name}`), ...items.map((t, i) => item(i, t)))
  }
  if (k === 0) blocks.push(paragraph(`1–${n}月各项目绩效目标均按序时进度推进，未发现明显偏差。`))
  return blocks
}

/** 原因说明 is written as a reason: only what reads as a remedy goes into 改进措施. */
function monitoringImprovements(forms: readonly MonitoringForm[]): ReportBlock[] {
  const blocks: ReportBlock[] = [heading(1, '五、改进措施')]
  let k = 0
  for (const f of forms) {
    const items = f.rows.flatMap((r) => {
      const measures = hasText(r.explanation) ? splitReason(r.explanation).measures : null
      return measures ? [`${quoted(r.indicator.name)}：${measures}`] : []
    })
    if (items.length === 0) continue
    if (k === 0) blocks.push(paragraph('针对上述偏差，拟采取以下措施，确保年度绩效目标如期实现：'))
    blocks.push(heading(2, `（${chineseNumeral(++k)}）${f.project.name}`), ...items.map((t, i) => item(i, t)))
  }
  if (k > 0) return blocks
  const anyDeviation = forms.some((f) => behindBudget(f) || f.rows.some(deviates))
  blocks.push(
    paragraph(
      anyDeviation
        ? '原因说明中尚未提出改进措施，请针对上述偏差补充。'
        : '下一步将继续做好绩效运行监控，按进度推进项目实施和预算执行，确保年度绩效目标如期实现。',
    ),
  )
  return blocks
}

export function monitoringReport(forms: readonly MonitoringForm[], options: MonitoringReportOptions): Report {
  const { organisation, year, month: n } = options
  const indicatorCount = forms.reduce((s, f) => s + f.rows.length, 0)
  const lagging = forms.reduce((s, f) => s + f.rows.filter((r) => r.lagging).length, 0)
  const unsure = forms.reduce((s, f) => s + f.rows.filter((r) => r.likelihood !== null && r.likelihood !== '确定能').length, 0)
  const initial = forms.reduce((s, f) => s + f.initialBudget, 0)
  const budget = forms.reduce((s, f) => s + f.budget, 0)
  const basic: ReportBlock[] = [
    heading(1, '一、基本情况'),
    paragraph(
      `按照预算绩效运行监控工作要求，${organisation || '本单位'}对${forms.length}个项目${year}年1–${n}月的预算执行情况和绩效目标实现程度开展了监控。` +
        `上述项目年初预算数合计${wan(initial)}，全年预算数合计${wan(budget)}，共设置绩效指标${indicatorCount}项。`,
    ),
  ]
  if (forms.some((f) => f.beyondData)) basic.push(paragraph(`部分数据尚未到${n}月，相关数值按截至最新月份的数据计算。`))
  const completion: ReportBlock[] = [
    heading(1, '三、绩效目标完成情况'),
    paragraph(
      `${indicatorCount}项绩效指标中，${lagging}项滞后于序时进度，${unsure}项预计全年完成目标的可能性为${quoted('有可能')}或${quoted('完全不可能')}。各项目绩效目标完成情况如下：`,
    ),
  ]
  const tables = forms.flatMap((f, i): ReportBlock[] => [heading(2, `（${chineseNumeral(i + 1)}）${f.project.name}`), monitoringTable(f, n)])
  return {
    title: [`${year}年1–${n}月项目支出绩效运行监控报告`],
    subtitle: [organisation].filter(Boolean),
    sections: [
      { landscape: false, blocks: [...basic, ...budgetExecution(forms, n), ...completion] },
      { landscape: true, blocks: tables },
      { landscape: false, blocks: [...monitoringDeviations(forms, n), ...monitoringImprovements(forms)] },
    ],
  }
}

export const monitoringReportFileName = ({ organisation, year, month }: MonitoringReportOptions) =>
  `${organisation ? `${organisation}_` : ''}${year}年1-${month}月绩效运行监控报告.docx`

/** All the text of a report, a line per paragraph or table row (cells joined by a tab): for tests and previews. */
export function reportText(r: Report): string {
  const lines = [...r.title, ...r.subtitle]
  for (const s of r.sections) {
    for (const b of s.blocks) {
      if (b.kind === 'table') {
        lines.push(b.columns.map((c) => c.title).join('\t'))
        for (const row of b.rows) lines.push(row.cells.map((c) => c.text).join('\t'))
      } else lines.push(b.text)
    }
  }
  return lines.join('\n')
}
