// The mid-year 绩效运行监控表 (财预〔2019〕136号; docs/rules.md "监控"): months 1–N of each project, with the causes,
// 完成目标可能性 and explanations a person confirmed.
import type { AssessmentData } from './departmentSummary'
import { yearEndEstimate } from './forecast'
import { annualBudget, indicatorProgress, type SeriesPoint, type SpendingPoint } from './monitor'
import { spentBy } from './selfAssessment'
import type { Indicator, Light, Likelihood, MonitorSettings, Project, QualitativeStatus } from './types'

/** 偏差原因 categories of the 监控表 (财预〔2019〕136号). */
export const DEVIATION_CAUSES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const
export type DeviationCause = (typeof DEVIATION_CAUSES)[number]
export const LIKELIHOODS: readonly Likelihood[] = ['确定能', '有可能', '完全不可能']

export interface MonitoringJudgement {
  causes: DeviationCause[]
  /** confirmed by a person; null keeps the app's suggestion */
  likelihood: Likelihood | null
  /** 原因说明 */
  explanation: string
}

export const emptyMonitoringJudgement = (): MonitoringJudgement => ({ causes: [], likelihood: null, explanation: '' })

export interface MonitoringRow {
  indicator: Indicator
  /** 1–N月完成情况 in the target's unit */
  actual: number | null
  status: QualitativeStatus | null
  /** 全年预计完成情况 */
  estimate: number | null
  suggestedLikelihood: Likelihood | null
  likelihood: Likelihood | null
  causes: DeviationCause[]
  explanation: string
  /** behind its pace (a red or yellow light): 偏差原因 and 原因说明 are expected */
  lagging: boolean
  light: Light
}

export interface MonitoringForm {
  project: Project
  month: number
  year: number
  budget: number
  initialBudget: number
  spent: number
  rate: number
  /** 全年预计执行数 at the run rate of months 1–N, capped at the budget */
  estimateSpent: number
  rows: MonitoringRow[]
  /** the data do not reach this month yet */
  beyondData: boolean
}

export interface MonitoringInput {
  project: Project
  indicators: readonly Indicator[]
  series: ReadonlyMap<string, readonly SeriesPoint[]>
  spending: readonly SpendingPoint[]
  year: number
  month: number
  latestMonth: number
  monitor: MonitorSettings
  /** by 指标编码 */
  judgements?: ReadonlyMap<string, MonitoringJudgement>
}

export function buildMonitoringForm(input: MonitoringInput): MonitoringForm {
  const asOf = { year: input.year, month: input.month }
  const budget = annualBudget(input.project)
  const spent = spentBy(input.spending, input.month)
  const runRate = yearEndEstimate(spent, input.month) ?? spent
  const rows = input.indicators.map((indicator): MonitoringRow => {
    const p = indicatorProgress(indicator, input.series.get(indicator.id) ?? [], asOf, input.monitor)
    const j = input.judgements?.get(indicator.id) ?? emptyMonitoringJudgement()
    return {
      indicator,
      actual: p.actual,
      status: p.status,
      estimate: p.estimate,
      suggestedLikelihood: p.likelihood,
      likelihood: j.likelihood ?? p.likelihood,
      causes: j.causes,
      explanation: j.explanation,
      lagging: p.light === 'red' || p.light === 'yellow',
      light: p.light,
    }
  })
  return {
    project: input.project,
    month: input.month,
    year: input.year,
    budget,
    initialBudget: input.project.budget,
    spent,
    rate: budget > 0 ? spent / budget : 0,
    estimateSpent: Math.min(runRate, budget),
    rows,
    beyondData: input.month > input.latestMonth,
  }
}

export function monitorDepartment(
  data: AssessmentData,
  month: number,
  monitor: MonitorSettings,
  judgements: ReadonlyMap<string, MonitoringJudgement> = new Map(),
): MonitoringForm[] {
  return data.projects.map((project) =>
    buildMonitoringForm({
      project,
      indicators: data.indicators.filter((i) => i.scope === project.code),
      series: data.indicatorSeries,
      spending: data.spendingSeries.get(project.code) ?? [],
      year: data.year,
      month,
      latestMonth: data.latestMonth,
      monitor,
      judgements,
    }),
  )
}

