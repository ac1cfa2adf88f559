import { describe, expect, it } from 'vitest'
import { departmentSummary, goalAchievement } from '@/domain/departmentSummary'
import { buildMonitoringForm } from '@/domain/monitoringForm'
import { buildAssessmentForm, type IndicatorJudgement } from '@/domain/selfAssessment'
import { toIndicator } from '@/domain/indicator'
import type { SeriesPoint, SpendingPoint } from '@/domain/monitor'
import { grade, scoreExecution, scoreQuantitative } from '@/domain/scoring'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS, mergeSettings } from '@/domain/settings'
import type { IndicatorRow, Project, ScoringSettings } from '@/domain/types'

const row = (r: Partial<IndicatorRow> & Pick<IndicatorRow, 'id' | 'name' | 'targetText'>): IndicatorRow => ({
  scope: 'P', group: null, level1: '产出指标', level2: '数量指标', unit: null, direction: null, measure: null, weight: null, basis: null, ...r,
})
const project: Project = {
  code: 'P', name: '示范项目', department: '某局', unitName: '某局本级', budget: 150, adjustedBudget: null, fiscal: 150, other: null, purpose: null, goal: '完成年度任务',
}
const point = (month: number, value: number | null, status: SeriesPoint['status'] = null): SeriesPoint => ({
  month, ytd: value, latestValue: value, valueMonth: value === null ? null : month, status, statusMonth: status ? month : null,
  dataMonth: month, monthValue: value, monthBasis: '累计', note: null,
})
const spending = (cumulative: number, month = 12): SpendingPoint[] => [{ month, spent: cumulative, cumulative, hasData: true }]

const indicators = [
  row({ id: 'A', name: '培训次数', targetText: '≥200次', weight: 20 }),
  row({ id: 'B', name: '完成及时率', level2: '时效指标', targetText: '≥90%', weight: 30 }),
  row({ id: 'C', name: '安全事故', level2: '质量指标', targetText: '≤0起', weight: 10 }),
  row({ id: 'D', name: '社会效益', level1: '效益指标', level2: '社会效益指标', targetText: '效果明显', weight: 20 }),
  row({ id: 'E', name: '服务对象满意度', level1: '满意度指标', level2: '服务对象满意度指标', targetText: '≥90%', weight: 10 }),
].map(toIndicator)
const series = { A: [point(12, 167)], B: [point(12, 95)], C: [point(12, 1)], E: [point(12, 90)] }
const asOf = { year: 2024, month: 12 }
const form = (judgements: Record<string, IndicatorJudgement> = {}, s: ScoringSettings = DEFAULT_SCORING_SETTINGS) =>
  buildAssessmentForm({ project, indicators, series: new Map(Object.entries(series)), spending: spending(125.25), asOf, scoring: s, monitor: DEFAULT_MONITOR_SETTINGS, judgements: new Map(Object.entries(judgements)) })

describe('the worked numbers of the 自评表', () => {
  it('scores a 20-point ≥ indicator at 83.5% of its target 16.70, not the 18 a published form wrote', () => {
    expect(scoreQuantitative('≥', 200, 167, 20).score).toBe(16.7)
    expect(form().rows[0]?.score).toBe(16.7)
  })
  it('scores execution of 125.25 of 150.00 万元 8.35 of 10', () => {
    expect(scoreExecution(150, 125.25).score).toBe(8.35)
    const f = form()
    expect(f.execution.rate).toBeCloseTo(0.835, 10)
    expect(f.execution.score).toBe(8.35)
  })
  it('scores a ≤0 count with one event 0', () => {
    expect(scoreQuantitative('≤', 0, 1, 10).score).toBe(0)
    expect(form().rows[2]?.score).toBe(0)
  })
  it('grades exactly 90 优, exactly 80 良, exactly 60 中, and 59.99 差', () => {
    expect(grade(90)).toBe('优')
    expect(grade(89.99)).toBe('良')
    expect(grade(80)).toBe('良')
    expect(grade(60)).toBe('中')
    expect(grade(59.99)).toBe('差')
  })
  it('grades with a province’s 80/70/60 when the setting says so', () => {
    const s = mergeSettings(DEFAULT_SCORING_SETTINGS, { grades: { excellent: 80, good: 70, pass: 60 } })
    expect(grade(80, s)).toBe('优')
    expect(grade(70, s)).toBe('良')
  })
})

describe('buildAssessmentForm', () => {
  it('leaves the total open while a qualitative indicator awaits its band, and says so', () => {
    const f = form()
    expect(f.total).toBeNull()
    expect(f.grade).toBeNull()
    expect(f.pending).toEqual(['D'])
    expect(f.rows[3]?.judged).toBe('qualitative')
    expect(f.rows[3]?.problems).toEqual([{ kind: 'band' }])
  })
  it('refuses a score outside the chosen band with the band’s range', () => {
    const f = form({ D: { band: '部分达成', score: 18, reason: '' } })
    expect(f.rows[3]?.score).toBeNull()
    expect(f.rows[3]?.problems).toEqual([{ kind: 'out-of-band', band: '部分达成', min: 12, max: 16, points: 20, given: 18 }])
  })
  it('adds a judged score inside its band to a total of two decimals and grades it', () => {
    const f = form({ D: { band: '部分达成', score: 15.5, reason: '宣传覆盖不足，下年增加场次' } })
    // 8.35 + 16.70 + 30 + 0 + 15.5 + 10
    expect(f.total).toBe(80.55)
    expect(f.grade).toBe('良')
  })
  it('asks for a reason where points are lost, and for low execution', () => {
    const f = form()
    expect(f.rows[0]?.problems).toEqual([{ kind: 'reason', why: 'lost-points' }])
    expect(f.rows[1]?.problems).toEqual([])
    expect(f.execution.problems).toEqual([{ kind: 'reason', why: 'low-execution' }])
  })
  it('asks for a reason where an actual exceeds its target by the over-achievement mark', () => {
    const f = buildAssessmentForm({
      project, indicators, series: new Map(Object.entries({ ...series, A: [point(12, 260)] })), spending: spending(150), asOf,
      scoring: DEFAULT_SCORING_SETTINGS, monitor: DEFAULT_MONITOR_SETTINGS,
    })
    expect(f.rows[0]?.score).toBe(20)
    expect(f.rows[0]?.problems).toEqual([{ kind: 'reason', why: 'over-achieved' }])
    expect(f.execution.problems).toEqual([])
  })
  it('does not score an unreadable target such as 100100% but hands it to the evaluator', () => {
    const f = buildAssessmentForm({
      project, indicators: [toIndicator(row({ id: 'Q', name: '会议效果良好率', level2: '质量指标', targetText: '100100%' }))],
      series: new Map([['Q', [point(12, 100)]]]), spending: spending(150), asOf, scoring: DEFAULT_SCORING_SETTINGS, monitor: DEFAULT_MONITOR_SETTINGS,
    })
    expect(f.rows[0]?.judged).toBe('unreadable-target')
    expect(f.rows[0]?.score).toBeNull()
  })
  it('says 截至N月 when the data stop before December, and still computes', () => {
    const f = buildAssessmentForm({
      project, indicators: indicators.slice(0, 1), series: new Map([['A', [point(10, 150)]]]), spending: spending(100, 10),
      asOf: { year: 2024, month: 10 }, scoring: DEFAULT_SCORING_SETTINGS, monitor: DEFAULT_MONITOR_SETTINGS,
    })
    expect(f.partialYear).toBe(true)
    expect(f.execution.spent).toBe(100)
    // 150 of 200 at 10月 scores 150 / 200 × 20
    expect(f.rows[0]?.points).toBe(20)
    expect(f.rows[0]?.score).toBe(15)
  })
})

describe('department summary and monitoring form', () => {
  it('sums execution over projects and reads each department goal at the as-of month', () => {
    const goal = toIndicator(row({ id: 'D01', scope: '部门', level1: null, level2: null, name: '新签约项目', targetText: '20个以上' }))
    const g = goalAchievement(goal, [point(12, 21)], asOf, DEFAULT_MONITOR_SETTINGS)
    expect(g.met).toBe(true)
    const summary = departmentSummary([form()], [g], asOf)
    expect(summary.spent).toBe(125.25)
    expect(summary.rate).toBeCloseTo(0.835, 10)
    expect(summary.projects[0]?.total).toBeNull()
  })
  it('fills 1–7月执行数, 执行率 and a run-rate 全年预计 capped at the budget', () => {
    const m = buildMonitoringForm({
      project, indicators, series: new Map([['A', [point(7, 70)]]]), spending: spending(70, 7), year: 2024, month: 7, latestMonth: 10,
      monitor: DEFAULT_MONITOR_SETTINGS, judgements: new Map([['A', { causes: ['人员保障'], likelihood: '有可能', explanation: '' }]]),
    })
    expect(m.spent).toBe(70)
    expect(m.rate).toBeCloseTo(70 / 150, 10)
    expect(m.estimateSpent).toBe(120)
    expect(m.rows[0]?.estimate).toBe(120)
    expect(m.rows[0]?.likelihood).toBe('有可能')
    expect(m.rows[0]?.suggestedLikelihood).toBe('有可能')
  })
})
