// The finance bureau (财政局) over many 预算单位 (docs/rules.md "The finance bureau"): each unit's execution against
// 序时进度 and against the bureau's own monthly thresholds, its lights, its headline goals, whether it reported, its
// 自评 and the bureau's 抽评, and the grade's consequence for next year's budget.
import { DEPARTMENT_SCOPE } from './indicator'
import { executionLight } from './lights'
import { annualBudget, countLights, indicatorProgress, type IndicatorProgress, type SeriesPoint, type SpendingPoint } from './monitor'
import { progressGap, timeElapsedShare } from './progress'
import { round2, type Grade } from './scoring'
import { DEFAULT_SCORING_SETTINGS } from './settings'
import type { Indicator, Light, MonitorSettings, Project, ScoringSettings } from './types'

/**
 * A bureau's rules for judging its units month by month: the cumulative 预算执行率 expected by the end of a month
 * (a unit below it is warned), and the largest gap allowed between 目标完成 and 预算执行. Months between two
 * thresholds take the earlier one; before the first there is none.
 */
export interface RuleProfile {
  id: string
  name: string
  /** expected cumulative execution (0…1) by the end of `month` */
  thresholds: { month: number; rate: number }[]
  /** warn when headline 完成率 and 预算执行率 differ by more than this many percentage points; null: no such rule */
  gapPoints: number | null
  /** where the rule comes from, to be verified before quoting it */
  source: string
}

/** The national default: execution keeps pace with the year (序时进度, month ÷ 12), no gap rule. */
export const NATIONAL_PROFILE: RuleProfile = {
  id: 'national',
  name: '全国默认（序时进度）',
  thresholds: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, rate: (i + 1) / 12 })),
  gapPoints: null,
  source: '序时进度（时间过半、任务过半），docs/rules.md',
}

/** The provincial example (四川): 25% by April, 40% by June, 60% by August, 80% by October; gap 10 points. */
export const SICHUAN_PROFILE: RuleProfile = {
  id: 'sichuan',
  name: '四川示例（川财绩〔2025〕10号）',
  thresholds: [
    { month: 4, rate: 0.25 },
    { month: 6, rate: 0.4 },
    { month: 8, rate: 0.6 },
    { month: 10, rate: 0.8 },
  ],
  gapPoints: 10,
  source: '川财绩〔2025〕10号，据公开摘要整理，引用前请核对原文',
}

export const BUILT_IN_PROFILES: readonly RuleProfile[] = [NATIONAL_PROFILE, SICHUAN_PROFILE]

/** The expected cumulative execution by the end of `month`; null before the profile's first threshold. */
export function thresholdAt(profile: Pick<RuleProfile, 'thresholds'>, month: number): number | null {
  let rate: number | null = null
  for (const t of [...profile.thresholds].sort((a, b) => a.month - b.month)) if (t.month <= month) rate = t.rate
  return rate
}

/** A profile as read from a file or storage: null unless every part is of the right shape and in range. */
export function checkProfile(x: unknown): RuleProfile | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null
  const o = x as Record<string, unknown>
  if (typeof o.id !== 'string' || !o.id.trim() || typeof o.name !== 'string' || !o.name.trim()) return null
  if (!Array.isArray(o.thresholds)) return null
  const thresholds: { month: number; rate: number }[] = []
  for (const t of o.thresholds) {
    if (typeof t !== 'object' || t === null) return null
    const { month, rate } = t as Record<string, unknown>
    if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) return null
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) return null
    if (thresholds.some((s) => s.month === month)) return null
    thresholds.push({ month, rate })
  }
  const gap = o.gapPoints
  if (gap !== null && (typeof gap !== 'number' || !Number.isFinite(gap) || gap < 0 || gap > 100)) return null
  return {
    id: o.id.trim(),
    name: o.name.trim(),
    thresholds: thresholds.sort((a, b) => a.month - b.month),
    gapPoints: gap as number | null,
    source: typeof o.source === 'string' ? o.source : '',
  }
}

/** 结果应用: the grade's consequence for next year's budget, *default* as one province words it (a setting). */
export type BudgetUse = ScoringSettings['budgetUse']
export const DEFAULT_BUDGET_USE: BudgetUse = DEFAULT_SCORING_SETTINGS.budgetUse

/** One unit's data for a year, as the store reads it. */
export interface UnitData {
  org: string
  indicators: readonly Indicator[]
  projects: readonly Project[]
  indicatorSeries: ReadonlyMap<string, readonly SeriesPoint[]>
  spendingSeries: ReadonlyMap<string, readonly SpendingPoint[]>
}

/** What a unit reported for exactly `month`: any actual, status or spending row of that month. */
export function reportedIn(unit: Pick<UnitData, 'indicatorSeries' | 'spendingSeries'>, month: number): boolean {
  for (const series of unit.indicatorSeries.values()) {
    const p = series.find((x) => x.month === month)
    if (p && (p.dataMonth === month || p.statusMonth === month)) return true
  }
  for (const series of unit.spendingSeries.values()) if (series.find((x) => x.month === month)?.hasData) return true
  return false
}

/** The latest month with any report at or before `month`; null when none. */
export function lastReported(unit: Pick<UnitData, 'indicatorSeries' | 'spendingSeries'>, month: number): number | null {
  for (let m = month; m >= 1; m--) if (reportedIn(unit, m)) return m
  return null
}

function lastOf(months: ReadonlySet<number>, month: number): number | null {
  let last: number | null = null
  for (const m of months) if (m <= month && (last === null || m > last)) last = m
  return last
}

/** A unit's execution as of `month`: every project's budget and cumulative spending. */
export function unitExecution(unit: Pick<UnitData, 'projects' | 'spendingSeries'>, month: number): { budget: number; spent: number; rate: number | null } {
  let budget = 0
  let spent = 0
  for (const p of unit.projects) {
    budget += annualBudget(p)
    spent += unit.spendingSeries.get(p.code)?.find((x) => x.month === month)?.cumulative ?? 0
  }
  return { budget, spent, rate: budget > 0 ? spent / budget : null }
}

/** Headline goals: department-wide cumulative `≥` goals with a number (新签约项目, 投资额 …). */
const isHeadline = (p: IndicatorProgress) =>
  p.indicator.scope === DEPARTMENT_SCOPE && p.indicator.target.direction === '≥' && p.indicator.measureResolved === '累计' && p.completion !== null

export interface UnitRow {
  org: string
  /** this month has a report of the unit; else 未报送, and its figures are those of `lastMonth` */
  reported: boolean
  lastMonth: number | null
  budget: number
  spent: number
  rate: number | null
  timeShare: number
  /** points against 序时进度 */
  gapVsTime: number | null
  /** the profile's threshold for the month, and the points against it */
  threshold: number | null
  gapVsThreshold: number | null
  belowThreshold: boolean
  executionLight: Light
  /** every indicator's light and the execution light of every project */
  lights: Record<Light, number>
  /** the mean 完成率 of its headline goals; null without any */
  headline: number | null
  /** headline 完成率 − 预算执行率, in points, and whether it exceeds the profile's gap rule */
  targetGap: number | null
  targetGapWarning: boolean
  /** last year's 预算执行率 at the same month, and this year's difference in points */
  lastYearRate: number | null
  yoyPoints: number | null
}

/**
 * A unit's row of the bureau's table at `month`. Its series need only hold that month, when `reportMonths` (the
 * months it reported in, for 未报送 and the last month it did) is given; else they are searched for them.
 */
export function unitRow(
  unit: UnitData,
  lastYear: Pick<UnitData, 'projects' | 'spendingSeries'> | null,
  year: number,
  month: number,
  profile: RuleProfile,
  settings: MonitorSettings,
  reportMonths?: ReadonlySet<number>,
): UnitRow {
  const asOf = { year, month }
  const reported = reportMonths ? reportMonths.has(month) : reportedIn(unit, month)
  const execution = unitExecution(unit, month)
  const timeShare = timeElapsedShare(asOf, settings.timeShareMode)
  const threshold = thresholdAt(profile, month)
  const progress = unit.indicators.map((ind) => indicatorProgress(ind, unit.indicatorSeries.get(ind.id) ?? [], asOf, settings))
  const projectLights = unit.projects.map((p) => {
    const spent = unit.spendingSeries.get(p.code)?.find((x) => x.month === month)?.cumulative ?? 0
    const budget = annualBudget(p)
    return { light: executionLight(budget > 0 ? spent / budget : null, timeShare, settings) }
  })
  const headlines = progress.filter(isHeadline)
  const headline = headlines.length ? headlines.reduce((sum, p) => sum + (p.completion ?? 0), 0) / headlines.length : null
  const targetGap = headline !== null && execution.rate !== null ? progressGap(headline, execution.rate) : null
  const last = lastYear ? unitExecution(lastYear, month) : null
  return {
    org: unit.org,
    reported,
    lastMonth: reported ? month : reportMonths ? lastOf(reportMonths, month) : lastReported(unit, month),
    budget: execution.budget,
    spent: execution.spent,
    rate: execution.rate,
    timeShare,
    gapVsTime: execution.rate === null ? null : progressGap(execution.rate, timeShare),
    threshold,
    gapVsThreshold: execution.rate === null || threshold === null ? null : progressGap(execution.rate, threshold),
    belowThreshold: execution.rate !== null && threshold !== null && round2(execution.rate * 100) < round2(threshold * 100),
    executionLight: executionLight(execution.rate, timeShare, settings),
    lights: countLights([...progress, ...projectLights]),
    headline,
    targetGap,
    targetGapWarning: targetGap !== null && profile.gapPoints !== null && Math.abs(targetGap) > profile.gapPoints,
    lastYearRate: last?.rate ?? null,
    yoyPoints: last?.rate != null && execution.rate !== null ? progressGap(execution.rate, last.rate) : null,
  }
}

/** A unit's 自评 total: its projects' totals weighted by budget, once every project is judged. */
export function unitAssessment(
  forms: readonly { total: number | null; execution: { budget: number } }[],
  gradeOf: (total: number) => Grade,
): { total: number; grade: Grade } | null {
  if (forms.length === 0 || forms.some((f) => f.total === null)) return null
  const budget = forms.reduce((sum, f) => sum + f.execution.budget, 0)
  const total =
    budget > 0
      ? forms.reduce((sum, f) => sum + (f.total as number) * f.execution.budget, 0) / budget
      : forms.reduce((sum, f) => sum + (f.total as number), 0) / forms.length
  return { total: round2(total), grade: gradeOf(total) }
}
