// The department as a whole at year end: every project's 自评表, the summary table and the department goals' achievement.
import { DEPARTMENT_SCOPE, isQualitative } from './indicator'
import { indicatorProgress, type SeriesPoint, type SpendingPoint } from './monitor'
import type { Grade } from './scoring'
import { buildAssessmentForm, type AssessmentForm, type IndicatorJudgement, type ProjectJudgement } from './selfAssessment'
import type { Indicator, MonitorSettings, Project, QualitativeStatus, ScoringSettings, YearMonth } from './types'

/** A department-wide goal at year end (or at the latest month of the data). */
export interface GoalAchievement {
  indicator: Indicator
  actual: number | null
  status: QualitativeStatus | null
  completion: number | null
  /** null when it cannot be told (qualitative without a status, unreadable target, no data) */
  met: boolean | null
  dataMonth: number | null
}

export function goalAchievement(indicator: Indicator, series: readonly SeriesPoint[], asOf: YearMonth, m: MonitorSettings): GoalAchievement {
  const p = indicatorProgress(indicator, series, asOf, m)
  const t = indicator.target
  let met: boolean | null = null
  if (isQualitative(indicator)) met = p.status === null ? null : p.status === '达成'
  else if (p.actual !== null && t.value !== null) {
    met =
      t.direction === '≥' ? p.actual >= t.value : t.direction === '≤' ? p.actual <= t.value : Math.abs(p.actual - t.value) <= 1e-9 * Math.max(1, Math.abs(t.value))
  }
  return { indicator, actual: p.actual, status: p.status, completion: p.completion, met, dataMonth: p.dataMonth }
}

export interface DepartmentSummary {
  asOf: YearMonth
  projects: { code: string; name: string; budget: number; spent: number; rate: number; executionScore: number; total: number | null; scoredSoFar: number; grade: Grade | null; pending: number; problems: number }[]
  budget: number
  spent: number
  rate: number
  goals: GoalAchievement[]
}

export function departmentSummary(forms: readonly AssessmentForm[], goals: GoalAchievement[], asOf: YearMonth): DepartmentSummary {
  const budget = forms.reduce((sum, f) => sum + f.execution.budget, 0)
  const spent = forms.reduce((sum, f) => sum + f.execution.spent, 0)
  return {
    asOf,
    projects: forms.map((f) => ({
      code: f.project.code,
      name: f.project.name,
      budget: f.execution.budget,
      spent: f.execution.spent,
      rate: f.execution.rate,
      executionScore: f.execution.score,
      total: f.total,
      scoredSoFar: f.scoredSoFar,
      grade: f.grade,
      pending: f.pending.length,
      problems: f.problemCount,
    })),
    budget,
    spent,
    rate: budget > 0 ? spent / budget : 0,
    goals,
  }
}

export interface AssessmentData {
  indicators: readonly Indicator[]
  projects: readonly Project[]
  indicatorSeries: ReadonlyMap<string, readonly SeriesPoint[]>
  spendingSeries: ReadonlyMap<string, readonly SpendingPoint[]>
  year: number
  /** the latest month with data in the data year: 全年执行数 and 实际完成值 are read there */
  latestMonth: number
}

/** The evaluator's judgements by 指标编码 and 项目编码. */
export interface AssessmentJudgements {
  indicators?: ReadonlyMap<string, IndicatorJudgement>
  projects?: ReadonlyMap<string, ProjectJudgement>
}

export function assessDepartment(
  data: AssessmentData,
  scoring: ScoringSettings,
  monitor: MonitorSettings,
  judgements: AssessmentJudgements = {},
): { forms: AssessmentForm[]; summary: DepartmentSummary } {
  const asOf = { year: data.year, month: data.latestMonth }
  const forms = data.projects.map((project) =>
    buildAssessmentForm({
      project,
      indicators: data.indicators.filter((i) => i.scope === project.code),
      series: data.indicatorSeries,
      spending: data.spendingSeries.get(project.code) ?? [],
      asOf,
      scoring,
      monitor,
      judgements: judgements.indicators,
      projectJudgement: judgements.projects?.get(project.code) ?? null,
    }),
  )
  const goals = data.indicators
    .filter((i) => i.scope === DEPARTMENT_SCOPE)
    .map((i) => goalAchievement(i, data.indicatorSeries.get(i.id) ?? [], asOf, monitor))
  return { forms, summary: departmentSummary(forms, goals, asOf) }
}
