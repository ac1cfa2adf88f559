// A small training project with worked numbers, as the report tests read it.
import { buildMonitoringForm, type MonitoringJudgement } from '@/domain/monitoringForm'
import { buildAssessmentForm, type IndicatorJudgement, type ProjectJudgement } from '@/domain/selfAssessment'
import { toIndicator } from '@/domain/indicator'
import type { SeriesPoint } from '@/domain/monitor'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS } from '@/domain/settings'
import type { IndicatorRow, Project } from '@/domain/types'

export const project: Project = {
  code: 'P01', name: '职业技能培训补贴项目', department: '某区人力资源和社会保障局', unitName: '某区职业技能培训中心',
  budget: 150, adjustedBudget: null, fiscal: 150, other: null, purpose: '职业技能培训补贴', goal: '全年培训200人次，培训合格率不低于90%',
}

const indicator = (r: Pick<IndicatorRow, 'id' | 'name' | 'targetText' | 'weight'> & Partial<IndicatorRow>) =>
  toIndicator({ scope: 'P01', group: null, level1: '产出指标', level2: '数量指标', unit: null, direction: null, measure: null, basis: null, ...r })

export const indicators = [
  indicator({ id: 'A', name: '培训人次', targetText: '≥200人次', weight: 20 }),
  indicator({ id: 'B', name: '培训合格率', level2: '质量指标', targetText: '≥90%', weight: 30 }),
  indicator({ id: 'C', name: '安全事故', level2: '质量指标', targetText: '≤0起', weight: 10 }),
  indicator({ id: 'D', name: '社会效益', level1: '效益指标', level2: '社会效益指标', targetText: '就业能力明显提升', weight: 20 }),
  indicator({ id: 'E', name: '学员满意度', level1: '满意度指标', level2: '服务对象满意度指标', targetText: '≥90%', weight: 10 }),
]

export const point = (month: number, value: number | null, status: SeriesPoint['status'] = null): SeriesPoint => ({
  month, ytd: value, latestValue: value, valueMonth: value === null ? null : month, status, statusMonth: status ? month : null,
  dataMonth: month, monthValue: value, monthBasis: '累计', note: null,
})

export const REASON_A = '受疫情影响部分培训班延期，参训人数少于计划；下年提前发布培训计划，扩大宣传覆盖'
export const REASON_C = '一名学员实训时轻微划伤'
export const EXECUTION_REASON = '部分补贴资金年底集中拨付，下一步按季度拨付'

export const judged: Record<string, IndicatorJudgement> = {
  A: { band: null, score: null, reason: REASON_A },
  C: { band: null, score: null, reason: REASON_C },
  D: { band: '部分达成', score: 15.5, reason: '' },
}

/** 8.35 (125.25 of 150 万元) + 16.70 + 30 + 0 + 15.50 + 10 = 80.55, 良 */
export function trainingForm(judgements: Record<string, IndicatorJudgement> = judged, projectJudgement: ProjectJudgement | null = { executionReason: EXECUTION_REASON, goalActual: '' }) {
  return buildAssessmentForm({
    project,
    indicators,
    series: new Map(Object.entries({ A: [point(12, 167)], B: [point(12, 95)], C: [point(12, 1)], E: [point(12, 90)] })),
    spending: [{ month: 12, spent: 125.25, cumulative: 125.25, hasData: true }],
    asOf: { year: 2024, month: 12 },
    scoring: DEFAULT_SCORING_SETTINGS,
    monitor: DEFAULT_MONITOR_SETTINGS,
    judgements: new Map(Object.entries(judgements)),
    projectJudgement,
  })
}

/** Every target met and the budget spent: nothing loses points. */
export function fullMarksForm() {
  return buildAssessmentForm({
    project,
    indicators: indicators.filter((i) => i.id !== 'C' && i.id !== 'D'),
    series: new Map(Object.entries({ A: [point(12, 210)], B: [point(12, 95)], E: [point(12, 92)] })),
    spending: [{ month: 12, spent: 150, cumulative: 150, hasData: true }],
    asOf: { year: 2024, month: 12 },
    scoring: DEFAULT_SCORING_SETTINGS,
    monitor: DEFAULT_MONITOR_SETTINGS,
  })
}

export const MONITORING_EXPLANATION = '上半年培训场地改造，开班推迟；下一步在三季度集中开班'

/** 1–7月: 70 of 150 万元 spent, 培训人次 80 of 200 (behind its pace). */
export function trainingMonitoringForm(judgements: Record<string, MonitoringJudgement> = { A: { causes: ['硬件条件保障'], likelihood: '有可能', explanation: MONITORING_EXPLANATION } }) {
  return buildMonitoringForm({
    project,
    indicators: indicators.filter((i) => i.id === 'A' || i.id === 'B'),
    series: new Map(Object.entries({ A: [point(7, 80)], B: [point(7, 93)] })),
    spending: [{ month: 7, spent: 70, cumulative: 70, hasData: true }],
    year: 2024,
    month: 7,
    latestMonth: 10,
    monitor: DEFAULT_MONITOR_SETTINGS,
    judgements: new Map(Object.entries(judgements)),
  })
}
