// 上年同期 and 同比 (docs/rules.md "Across years"): last year's figure for the same months, and how this year
// compares — a growth rate for amounts and counts, a difference in 个百分点 for rates.
import { toHalfWidth } from './halfWidth'
import { DEPARTMENT_SCOPE } from './indicator'
import { reportedCurve, type SeriesPoint } from './monitor'
import type { Indicator, Project } from './types'
import { convertValue, normalizeUnit } from './units'

/** How this year's figure compares with 上年同期. */
export type YearOnYear =
  /** an amount or a count: change = (this year − last year) ÷ last year, as a fraction */
  | { kind: 'pct'; lastYear: number; change: number }
  /** a rate (unit %): change = this year − last year, in percentage points */
  | { kind: 'points'; lastYear: number; change: number }
  /** last year has no figure for those months: 无上年同期数据, never 0 or 100% */
  | { kind: 'no-last-year' }
  /** 上年同期为0: no percentage can be given */
  | { kind: 'last-year-zero'; lastYear: 0 }
  /** nothing this year to compare yet */
  | { kind: 'no-current'; lastYear: number | null }

export const isRateUnit = (unit: string | null) => normalizeUnit(unit) === '%'

export function yearOnYear(current: number | null, lastYear: number | null, unit: string | null): YearOnYear {
  if (lastYear === null || !Number.isFinite(lastYear)) return { kind: 'no-last-year' }
  if (current === null || !Number.isFinite(current)) return { kind: 'no-current', lastYear }
  if (isRateUnit(unit)) return { kind: 'points', lastYear, change: current - lastYear }
  if (lastYear === 0) return { kind: 'last-year-zero', lastYear: 0 }
  return { kind: 'pct', lastYear, change: (current - lastYear) / Math.abs(lastYear) }
}

/**
 * 上年同期 of an indicator as of `month`: the figure last year's matched indicator reported for the same months
 * (累计: its 1–N月 total; 时点: its value of month N), in this year's target unit. Null when last year has no figure
 * for month N or its unit does not convert.
 */
export function sameMonthLastYear(
  lastYear: Pick<Indicator, 'measureResolved' | 'target'>,
  lastYearSeries: readonly SeriesPoint[],
  month: number,
  unit: string | null,
): number | null {
  const value = reportedCurve(lastYear, lastYearSeries, month)[month - 1] ?? null
  return value === null ? null : convertValue(value, lastYear.target.unit, unit)
}

/** 上年同期 of each month 1–12 (the comparison line on a trend chart). */
export function lastYearCurve(
  lastYear: Pick<Indicator, 'measureResolved' | 'target'>,
  lastYearSeries: readonly SeriesPoint[],
  unit: string | null,
): (number | null)[] {
  return reportedCurve(lastYear, lastYearSeries, 12).map((v) => (v === null ? null : convertValue(v, lastYear.target.unit, unit)))
}

// ——— which of last year's indicators is this one ———

/** How an indicator was matched with last year's: same 指标编码, same 所属 and name, or a link a person made. */
export type LinkHow = 'code' | 'name' | 'manual'

export interface IndicatorLink {
  id: string
  lastYearId: string
  how: LinkHow
}

/** A link a person made or removed (indicator_links.csv): `lastYearId` null removes the automatic match. */
export interface ManualLink {
  id: string
  lastYearId: string | null
}

/** Text as compared across years: half-width, no spaces, no leading year (`2024年装备园区专项经费` → `装备园区专项经费`). */
export function matchText(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/^(19|20)\d{2}年(度)?/, '')
}

function scopeKey(ind: Pick<Indicator, 'scope'>, projectNames: ReadonlyMap<string, string>): string {
  if (ind.scope === DEPARTMENT_SCOPE) return DEPARTMENT_SCOPE
  return `p:${matchText(projectNames.get(ind.scope) ?? ind.scope)}`
}

/**
 * Matches this year's indicators with last year's (docs/formats.md "Across years"): a manual link wins (or removes
 * the match); else the same 指标编码; else the same 所属 (部门, or the project's name) and 三级指标 name after
 * folding. Each of last year's indicators is matched at most once.
 */
export function matchIndicators(input: {
  current: readonly Pick<Indicator, 'id' | 'scope' | 'name'>[]
  lastYear: readonly Pick<Indicator, 'id' | 'scope' | 'name'>[]
  currentProjects: readonly Pick<Project, 'code' | 'name'>[]
  lastYearProjects: readonly Pick<Project, 'code' | 'name'>[]
  manual?: readonly ManualLink[]
}): Map<string, IndicatorLink> {
  const links = new Map<string, IndicatorLink>()
  const lastIds = new Set(input.lastYear.map((i) => i.id))
  const taken = new Set<string>()
  const manual = new Map((input.manual ?? []).map((l) => [l.id, l.lastYearId]))
  for (const ind of input.current) {
    if (!manual.has(ind.id)) continue
    const lastYearId = manual.get(ind.id) ?? null
    if (lastYearId !== null && lastIds.has(lastYearId) && !taken.has(lastYearId)) {
      links.set(ind.id, { id: ind.id, lastYearId, how: 'manual' })
      taken.add(lastYearId)
    }
  }
  const pending = input.current.filter((i) => !manual.has(i.id))
  for (const ind of pending) {
    if (lastIds.has(ind.id) && !taken.has(ind.id)) {
      links.set(ind.id, { id: ind.id, lastYearId: ind.id, how: 'code' })
      taken.add(ind.id)
    }
  }
  const currentNames = new Map(input.currentProjects.map((p) => [p.code, p.name]))
  const lastNames = new Map(input.lastYearProjects.map((p) => [p.code, p.name]))
  const byName = new Map<string, string>()
  for (const ind of input.lastYear) {
    if (taken.has(ind.id)) continue
    const key = `${scopeKey(ind, lastNames)}|${matchText(ind.name)}`
    if (!byName.has(key)) byName.set(key, ind.id)
  }
  for (const ind of pending) {
    if (links.has(ind.id)) continue
    const lastYearId = byName.get(`${scopeKey(ind, currentNames)}|${matchText(ind.name)}`)
    if (lastYearId !== undefined && !taken.has(lastYearId)) {
      links.set(ind.id, { id: ind.id, lastYearId, how: 'name' })
      taken.add(lastYearId)
    }
  }
  return links
}

/** What matchIndicators reads besides a person's links. */
export type MatchInput = Omit<Parameters<typeof matchIndicators>[0], 'manual'>

/**
 * The links a person's choices need (id → last year's id, or null for none), so that matchIndicators with them gives
 * exactly the choices: a link where the automatic match is not the one chosen. Links to an indicator come first, one
 * round at a time, since taking last year's indicator may leave another without its automatic match, as chosen; an
 * indicator whose automatic match already is its choice gets no link.
 */
export function linksForChoices(input: MatchInput, chosen: ReadonlyMap<string, string | null>): ManualLink[] {
  const manual = new Map<string, string | null>()
  for (let round = 0; round <= input.current.length; round++) {
    const links = matchIndicators({ ...input, manual: [...manual].map(([id, lastYearId]) => ({ id, lastYearId })) })
    const differ = input.current.filter((i) => chosen.has(i.id) && (links.get(i.id)?.lastYearId ?? null) !== chosen.get(i.id))
    if (differ.length === 0) break
    const linking = differ.filter((i) => chosen.get(i.id) !== null)
    for (const i of linking.length ? linking : differ) manual.set(i.id, chosen.get(i.id) ?? null)
  }
  return [...manual].map(([id, lastYearId]) => ({ id, lastYearId }))
}

/** A project's counterpart last year: the same 项目编码, else the same name without its year. */
export function matchProjects(
  current: readonly Pick<Project, 'code' | 'name'>[],
  lastYear: readonly Pick<Project, 'code' | 'name'>[],
): Map<string, string> {
  const codes = new Set(lastYear.map((p) => p.code))
  const byName = new Map(lastYear.map((p) => [matchText(p.name), p.code]))
  const out = new Map<string, string>()
  const taken = new Set<string>()
  for (const p of current) {
    const code = codes.has(p.code) ? p.code : byName.get(matchText(p.name))
    if (code !== undefined && !taken.has(code)) {
      out.set(p.code, code)
      taken.add(code)
    }
  }
  return out
}

// ——— this year beside last year, for every indicator of a unit ———

/** Last year's side of a unit: its indicators, projects and series (any of them may be missing). */
export interface LastYearData {
  indicators: readonly Indicator[]
  projects: readonly Pick<Project, 'code' | 'name'>[]
  indicatorSeries: ReadonlyMap<string, readonly SeriesPoint[]>
}

/** An indicator's counterpart last year: how it was matched, and last year's indicator and series. */
export interface LastYearIndicator {
  link: IndicatorLink
  indicator: Indicator
  series: readonly SeriesPoint[]
}

/** Each indicator of this year with last year's counterpart (a person's links first, then code, then 所属 and name). */
export function lastYearIndicators(
  current: readonly Indicator[],
  currentProjects: readonly Pick<Project, 'code' | 'name'>[],
  last: LastYearData | null,
  manual: readonly ManualLink[] = [],
): Map<string, LastYearIndicator> {
  const out = new Map<string, LastYearIndicator>()
  if (!last) return out
  const byId = new Map(last.indicators.map((i) => [i.id, i]))
  const links = matchIndicators({ current, lastYear: last.indicators, currentProjects, lastYearProjects: last.projects, manual })
  for (const [id, link] of links) {
    const indicator = byId.get(link.lastYearId)
    if (indicator) out.set(id, { link, indicator, series: last.indicatorSeries.get(link.lastYearId) ?? [] })
  }
  return out
}

/** 上年同期 of a figure of `month` and how this year compares, for an indicator with its counterpart (or none). */
export interface Comparison {
  /** the month compared: the month this year's figure is from */
  month: number
  lastYear: number | null
  yoy: YearOnYear
}

export function compareWithLastYear(
  indicator: Pick<Indicator, 'target' | 'measureResolved'> & { lastYear?: number | null },
  actual: number | null,
  month: number,
  counterpart: LastYearIndicator | undefined,
): Comparison {
  let lastYear = counterpart ? sameMonthLastYear(counterpart.indicator, counterpart.series, month, indicator.target.unit) : null
  // 上年完成值 written in the 指标 file is a whole year's figure: it stands for 上年同期 only at December
  if (lastYear === null && month === 12 && typeof indicator.lastYear === 'number') lastYear = indicator.lastYear
  return { month, lastYear, yoy: yearOnYear(actual, lastYear, indicator.target.unit) }
}

/**
 * Last year's whole-year figure of an indicator (its December report, else 上年完成值 from the 指标 file): what a
 * `≥` target below it, or a `≤` target above it, is measured against (财预〔2021〕101号 历史标准).
 */
export function lastYearActual(
  indicator: Pick<Indicator, 'target'> & { lastYear?: number | null },
  counterpart: LastYearIndicator | undefined,
): number | null {
  if (counterpart) {
    const december = sameMonthLastYear(counterpart.indicator, counterpart.series, 12, indicator.target.unit)
    if (december !== null) return december
  }
  return typeof indicator.lastYear === 'number' ? indicator.lastYear : null
}

/** What a target is set against (财预〔2021〕101号 历史标准): last year's actual, else the 历史标准 of the 指标 file. */
export interface HistoricalReference {
  value: number
  source: 'last-year' | 'history'
}

export function historicalReference(
  indicator: Pick<Indicator, 'target'> & { lastYear?: number | null; history?: number | null },
  counterpart: LastYearIndicator | undefined,
): HistoricalReference | null {
  const last = lastYearActual(indicator, counterpart)
  if (last !== null) return { value: last, source: 'last-year' }
  return typeof indicator.history === 'number' ? { value: indicator.history, source: 'history' } : null
}

/** The history of each indicator that has one, by id: what the quality audit checks targets against. */
export function historicalReferences(
  indicators: readonly Indicator[],
  counterparts: ReadonlyMap<string, LastYearIndicator>,
): Map<string, HistoricalReference> {
  const out = new Map<string, HistoricalReference>()
  for (const ind of indicators) {
    const reference = historicalReference(ind, counterparts.get(ind.id))
    if (reference) out.set(ind.id, reference)
  }
  return out
}

/** Last year's side of the spending comparison: its projects, their series, and the last month it has data for. */
export interface LastYearSpending {
  projects: readonly Project[]
  spendingSeries: ReadonlyMap<string, readonly { month: number; cumulative: number }[]>
  /** months after it have no figure last year (null: any month the series holds) */
  latestMonth?: number | null
}

/** Last year's cumulative 预算执行率 of each month 1–12, per project of this year (matched) and for the department. */
export interface ExecutionCurves {
  byProject: Map<string, (number | null)[]>
  department: (number | null)[] | null
}

/**
 * Last year's 预算执行率 month by month, for each of this year's projects matched with last year's (same code, else
 * same name without its year) and for the department as a whole. A month after last year's data has no figure; a
 * project new this year has no curve.
 */
export function executionLastYearCurves(currentProjects: readonly Pick<Project, 'code' | 'name'>[], last: LastYearSpending | null): ExecutionCurves {
  const byProject = new Map<string, (number | null)[]>()
  if (!last) return { byProject, department: null }
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
  const known = (m: number) => last.latestMonth == null || m <= last.latestMonth
  const spentBy = (code: string, m: number) => last.spendingSeries.get(code)?.find((p) => p.month === m)?.cumulative ?? 0
  const budgetOf = (p: Project) => p.adjustedBudget ?? p.budget
  const lastByCode = new Map(last.projects.map((p) => [p.code, p]))
  for (const [code, lastCode] of matchProjects(currentProjects, last.projects)) {
    const p = lastByCode.get(lastCode)
    if (p && budgetOf(p) > 0) byProject.set(code, months.map((m) => (known(m) ? spentBy(lastCode, m) / budgetOf(p) : null)))
  }
  const budget = last.projects.reduce((sum, p) => sum + budgetOf(p), 0)
  const department =
    budget > 0 && last.spendingSeries.size > 0
      ? months.map((m) => (known(m) ? last.projects.reduce((sum, p) => sum + spentBy(p.code, m), 0) / budget : null))
      : null
  return { byProject, department }
}

/**
 * Last year's 预算执行率 at the same month (docs/rules.md "Across years": this year's rate at month N beside last
 * year's at month N), per project and for the department; compared in 个百分点.
 */
export function executionLastYear(
  currentProjects: readonly Pick<Project, 'code' | 'name'>[],
  last: LastYearSpending | null,
  month: number,
): { byProject: Map<string, number>; department: number | null } {
  const curves = executionLastYearCurves(currentProjects, last)
  const byProject = new Map<string, number>()
  for (const [code, curve] of curves.byProject) {
    const rate = curve[month - 1]
    if (rate !== null && rate !== undefined) byProject.set(code, rate)
  }
  return { byProject, department: curves.department?.[month - 1] ?? null }
}

/** Last year's 预算执行率 at `month` for one of this year's projects, or for the department (code DEPARTMENT_SCOPE). */
export function executionLastYearOf(curves: ExecutionCurves, code: string, month: number): number | null {
  const curve = code === DEPARTMENT_SCOPE ? curves.department : curves.byProject.get(code)
  return curve?.[month - 1] ?? null
}
