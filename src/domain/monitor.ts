// 双监控 as of one month: how far each indicator has come against 序时进度, and how fast each project spends.
import { DEPARTMENT_SCOPE, isQualitative } from './indicator'
import { requiredMonthlyPace, suggestLikelihood, yearEndEstimate } from './forecast'
import { executionLight, indicatorLight, worstLight } from './lights'
import { planShareAt, progressGap, timeElapsedShare } from './progress'
import type {
  Indicator,
  Light,
  Likelihood,
  MonitorSettings,
  PlanPoint,
  Project,
  QualitativeStatus,
  YearMonth,
} from './types'

/** One month of an indicator as the analysis SQL returns it, values in the target's unit. */
export interface SeriesPoint {
  month: number
  /** 1–N月累计 (sum of flows); null before the first month with data. */
  ytd: number | null
  /** The latest value at or before this month (时点 indicators). */
  latestValue: number | null
  valueMonth: number | null
  status: QualitativeStatus | null
  statusMonth: number | null
  /** The latest month at or before this one with any row. */
  dataMonth: number | null
  /** The value entered for exactly this month, as entered (累计 or 当月), converted. */
  monthValue: number | null
  monthBasis: string | null
  note: string | null
}

export interface IndicatorProgress {
  indicator: Indicator
  asOf: YearMonth
  /** 累计: year-to-date; 时点: latest value; in the target's unit. */
  actual: number | null
  status: QualitativeStatus | null
  /** actual ÷ target; null for qualitative and zero targets. */
  completion: number | null
  /** 序时进度 at the month the figure is from (at 数据截至 when there is no figure): what the figure is compared with. */
  timeShare: number
  /** 累计 `≥` only: percentage points ahead (+) of or behind (−) 序时进度. */
  gapPoints: number | null
  light: Light
  estimate: number | null
  requiredPace: number | null
  likelihood: Likelihood | null
  /** actual ≥ overAchievementMark × target: the target may have been set too low. */
  overAchieved: boolean
  /** The month the figure comes from (≤ as-of month); null when nothing was reported up to then. */
  dataMonth: number | null
  /** The reasons written up to the as-of month, latest first. */
  notes: { month: number; text: string }[]
}

const isCumulativeAtLeast = (ind: Indicator) => ind.target.direction === '≥' && ind.measureResolved === '累计'

export function indicatorProgress(
  indicator: Indicator,
  series: readonly SeriesPoint[],
  asOf: YearMonth,
  s: MonitorSettings,
): IndicatorProgress {
  const point = series.find((p) => p.month === asOf.month)
  const { target } = indicator
  const qualitative = isQualitative(indicator)
  const cumulative = indicator.measureResolved === '累计'
  const actual = qualitative ? null : cumulative ? (point?.ytd ?? null) : (point?.latestValue ?? null)
  const status = point?.status ?? null
  const dataMonth = qualitative ? (point?.statusMonth ?? null) : cumulative ? (point?.dataMonth ?? null) : (point?.valueMonth ?? null)
  // A figure not reported since an earlier month is that month's figure: it is measured against that month's 序时,
  // never against the as-of month's (docs/rules.md "序时进度").
  const month = dataMonth ?? asOf.month
  const timeShare = timeElapsedShare({ year: asOf.year, month }, s.timeShareMode)
  const t = target.value
  const completion = actual !== null && t !== null && t !== 0 ? actual / t : null
  const gapPoints = completion !== null && isCumulativeAtLeast(indicator) ? progressGap(completion, timeShare) : null
  const estimate = actual === null ? null : cumulative ? yearEndEstimate(actual, month) : actual
  const notes = series
    .filter((p) => p.month <= asOf.month && p.note)
    .map((p) => ({ month: p.month, text: p.note as string }))
    .reverse()
  return {
    indicator,
    asOf,
    actual,
    status,
    completion,
    timeShare,
    gapPoints,
    light: indicatorLight(indicator, actual, status, timeShare, s),
    estimate,
    requiredPace:
      actual !== null && t !== null && target.direction === '≥' && cumulative ? requiredMonthlyPace(t, actual, month) : null,
    likelihood: qualitative
      ? null
      : suggestLikelihood({ direction: target.direction, measure: indicator.measureResolved, target: t, actual, month }, s),
    overAchieved:
      actual !== null && t !== null && t > 0 && target.direction === '≥' && actual >= s.overAchievementMark * t,
    dataMonth,
    notes,
  }
}

/**
 * 未报送: nothing was reported for the as-of month itself, so the figure shown (if any) is an earlier month's. A
 * bureau lists these rather than reading a carried figure as this month's (docs/rules.md "many units").
 */
export const isUnreported = (p: Pick<IndicatorProgress, 'dataMonth' | 'asOf'>): boolean =>
  p.dataMonth === null || p.dataMonth < p.asOf.month

/** The figure's month when it is not 数据截至's: the month a page names beside a figure; null for a current one. */
export const staleMonth = (p: Pick<IndicatorProgress, 'dataMonth' | 'asOf'>): number | null =>
  p.dataMonth !== null && p.dataMonth < p.asOf.month ? p.dataMonth : null

/** One month of a project's spending as the analysis SQL returns it, in 万元. */
export interface SpendingPoint {
  month: number
  spent: number
  cumulative: number
  hasData: boolean
}

export interface SpendingProgress {
  code: string
  name: string
  asOf: YearMonth
  /** 全年预算数: the adjusted budget when there is one, else 年初预算数; 万元. */
  budget: number
  spent: number
  /** 预算执行率 = cumulative spending ÷ 全年预算数. */
  rate: number | null
  /** The project's own 资金支出计划 share at the month of its figure, or null without a plan. */
  planShare: number | null
  /** 序时进度 at the month of its figure (at 数据截至 when it has none): what the rate is compared with. */
  timeShare: number
  /** The last month up to 数据截至 with spending data: the month the figure is from; null when there is none. */
  dataMonth: number | null
  /** percentage points against the plan (when there is one) and against 序时进度. */
  gapVsPlan: number | null
  gapVsTime: number | null
  light: Light
  /** Cumulative execution rate for months 1–12 (null after the as-of month). */
  curve: (number | null)[]
  planCurve: number[] | null
  /** 序时进度 at the end of months 1–12, in the settings' mode. */
  timeCurve: number[]
}

export const annualBudget = (p: Pick<Project, 'budget' | 'adjustedBudget'>) => p.adjustedBudget ?? p.budget

export function spendingProgress(
  project: { code: string; name: string; budget: number; adjustedBudget: number | null },
  plan: readonly PlanPoint[] | undefined,
  series: readonly SpendingPoint[],
  asOf: YearMonth,
  s: MonitorSettings,
): SpendingProgress {
  const budget = annualBudget(project)
  // a month without spending data leaves the figure at the last month with some: measured against that month
  const dataMonth = series.filter((p) => p.month <= asOf.month && p.hasData).at(-1)?.month ?? null
  const month = dataMonth ?? asOf.month
  const timeShare = timeElapsedShare({ year: asOf.year, month }, s.timeShareMode)
  const spent = series.find((p) => p.month === asOf.month)?.cumulative ?? 0
  const rate = budget > 0 ? spent / budget : null
  const hasPlan = !!plan && plan.length > 0
  const planShare = hasPlan ? planShareAt([...plan], month) : null
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
  return {
    code: project.code,
    name: project.name,
    asOf,
    budget,
    spent,
    rate,
    planShare,
    timeShare,
    dataMonth,
    gapVsPlan: rate !== null && planShare !== null ? progressGap(rate, planShare) : null,
    gapVsTime: rate !== null ? progressGap(rate, timeShare) : null,
    // docs/rules.md: execution rate ÷ 序时进度 by default; a department may judge against each project's own plan.
    light: executionLight(rate, s.executionBaseline === 'plan' && planShare !== null ? planShare : timeShare, s),
    curve: months.map((m) =>
      m > asOf.month || budget <= 0 ? null : (series.find((p) => p.month === m)?.cumulative ?? 0) / budget,
    ),
    planCurve: hasPlan ? months.map((m) => planShareAt([...plan], m)) : null,
    timeCurve: timeShareCurve(asOf.year, s.timeShareMode),
  }
}

/** 序时进度 at the end of each month 1–12. */
export function timeShareCurve(year: number, mode: MonitorSettings['timeShareMode']): number[] {
  return Array.from({ length: 12 }, (_, i) => timeElapsedShare({ year, month: i + 1 }, mode))
}

/** The department as a whole: budgets and spending summed, the plan weighted by budget. */
export function departmentSpending(
  projects: readonly Project[],
  plans: ReadonlyMap<string, readonly PlanPoint[]>,
  series: ReadonlyMap<string, readonly SpendingPoint[]>,
): { project: { code: string; name: string; budget: number; adjustedBudget: null }; plan: PlanPoint[]; series: SpendingPoint[] } {
  const budget = projects.reduce((sum, p) => sum + annualBudget(p), 0)
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
  const total = (m: number, pick: (p: SpendingPoint) => number) =>
    projects.reduce((sum, p) => sum + pick(series.get(p.code)?.find((x) => x.month === m) ?? { month: m, spent: 0, cumulative: 0, hasData: false }), 0)
  // Weighted cumulative plan at each month, expressed back as per-period shares so planShareAt reads it as a plan.
  const withPlan = projects.filter((p) => plans.get(p.code)?.length)
  const cumulative = months.map((m) =>
    budget > 0
      ? projects.reduce(
          (sum, p) => sum + annualBudget(p) * (plans.get(p.code)?.length ? planShareAt([...(plans.get(p.code) ?? [])], m) : m / 12),
          0,
        ) / budget
      : 0,
  )
  const plan = withPlan.length
    ? months.map((m, i) => ({ month: m, share: Math.round((cumulative[i]! - (i ? cumulative[i - 1]! : 0)) * 1e8) / 1e6 }))
    : []
  return {
    project: { code: DEPARTMENT_SCOPE, name: '部门合计', budget, adjustedBudget: null },
    plan,
    series: months.map((m) => ({
      month: m,
      spent: total(m, (p) => p.spent),
      cumulative: total(m, (p) => p.cumulative),
      hasData: projects.some((p) => series.get(p.code)?.find((x) => x.month === m)?.hasData),
    })),
  }
}

/** A 分项 or a project takes the worst light among its indicators. */
export function groupLight(items: readonly { light: Light }[]): Light {
  return worstLight(items.map((i) => i.light))
}

/**
 * The figure of each month 1–12 as reported for that month: 累计 the 1–N月 total, 时点 the value reported then; null
 * after `upTo` and in months with no report, so that no page carries a figure into a month it was not reported for.
 * The indicator page, the wall screen and the report all draw from this.
 */
export function reportedCurve(
  indicator: Pick<Indicator, 'measureResolved'>,
  series: readonly SeriesPoint[],
  upTo: number,
): (number | null)[] {
  const cumulative = indicator.measureResolved === '累计'
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1
    const p = series.find((x) => x.month === month)
    if (month > upTo || !p) return null
    if (cumulative) return p.dataMonth === month ? p.ytd : null
    return p.valueMonth === month ? p.latestValue : null
  })
}

/** 完成率 (figure ÷ target) of each month as reported; null where the figure is or the target cannot be divided by. */
export function completionCurve(
  indicator: Pick<Indicator, 'measureResolved' | 'target'>,
  series: readonly SeriesPoint[],
  upTo: number,
): (number | null)[] {
  const target = indicator.target.value
  return reportedCurve(indicator, series, upTo).map((v) => (v === null || target === null || target === 0 ? null : v / target))
}

/** One month of an indicator's trend chart, in the target's unit. */
export interface TrendPoint {
  month: number
  /** the figure reported for this month (reportedCurve); null after 数据截至 or without a report */
  actual: number | null
  /** 累计 `≥`: target × 序时进度 at the end of the month (the 序时 line). */
  expected: number | null
  /** 累计: the year-end course at the current run rate, from the month of the latest figure to December. */
  forecast: number | null
}

/** The monthly actuals against the target and 序时 lines, with the forecast to December. */
export function indicatorTrend(
  indicator: Indicator,
  series: readonly SeriesPoint[],
  asOf: YearMonth,
  s: MonitorSettings,
): TrendPoint[] {
  const cumulative = indicator.measureResolved === '累计'
  const target = indicator.target.value
  const at = series.find((p) => p.month === asOf.month)
  // the course runs on from the latest figure, at its own month (a month not reported adds nothing to it)
  const from = at?.dataMonth ?? null
  const latest = cumulative && from !== null ? (at?.ytd ?? null) : null
  const runRate = latest !== null && from !== null && from > 0 ? latest / from : null
  const actuals = reportedCurve(indicator, series, asOf.month)
  const timeCurve = timeShareCurve(asOf.year, s.timeShareMode)
  return actuals.map((actual, i) => {
    const month = i + 1
    const expected = cumulative && indicator.target.direction === '≥' && target !== null ? target * (timeCurve[i] ?? 0) : null
    const forecast = runRate !== null && latest !== null && from !== null && month >= from ? latest + runRate * (month - from) : null
    return { month, actual, expected, forecast }
  })
}

const LAG_ORDER: Record<Light, number> = { red: 0, yellow: 1, green: 2, blue: 3, none: 4 }

/** 进度通报 order: lagging items first (red, then yellow), then the rest; the original order within a light. */
export function byLag<T extends { light: Light }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => LAG_ORDER[a.item.light] - LAG_ORDER[b.item.light] || a.i - b.i)
    .map((x) => x.item)
}

/** How many items show each light. */
export function countLights(items: readonly { light: Light }[]): Record<Light, number> {
  const counts: Record<Light, number> = { red: 0, yellow: 0, green: 0, blue: 0, none: 0 }
  for (const i of items) counts[i.light]++
  return counts
}

/** The overview's and the wall screen's 预警概况: every indicator's light and every project's execution light. */
export function lightSummary(
  progress: readonly { light: Light }[],
  spending: readonly { light: Light }[],
): Record<Light, number> {
  return countLights([...progress, ...spending])
}
