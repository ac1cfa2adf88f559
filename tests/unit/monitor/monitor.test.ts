import { describe, expect, it } from 'vitest'
import { toIndicator } from '../../../src/domain/indicator'
import {
  byLag,
  departmentSpending,
  groupLight,
  indicatorProgress,
  completionCurve,
  indicatorTrend,
  isUnreported,
  reportedCurve,
  spendingProgress,
  staleMonth,
  type SeriesPoint,
  type SpendingPoint,
} from '../../../src/domain/monitor'
import { DEFAULT_MONITOR_SETTINGS } from '../../../src/domain/settings'
import type { IndicatorRow, MonitorSettings, Project, QualitativeStatus } from '../../../src/domain/types'

const s: MonitorSettings = DEFAULT_MONITOR_SETTINGS
const july = { year: 2024, month: 7 }

function indicator(targetText: string, extra: Partial<IndicatorRow> = {}) {
  return toIndicator({
    id: 'X', scope: '部门', group: '测试', level1: null, level2: null, name: '测试指标', targetText,
    unit: null, direction: null, measure: null, weight: null, basis: null, ...extra,
  })
}

/**
 * A year of 累计 figures as the analysis SQL gives them: ytd[m-1] is the 1–m月 total reported for month m (null: no
 * row that month); a month without a row carries the last total and the month it is from.
 */
function cumulativeSeries(ytd: (number | null)[], notes: Record<number, string> = {}): SeriesPoint[] {
  let last: number | null = null
  let lastMonth: number | null = null
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1
    const value = ytd[i] ?? null
    if (value !== null) {
      last = value
      lastMonth = month
    }
    return {
      month, ytd: last, latestValue: value, valueMonth: value === null ? null : month, status: null, statusMonth: null,
      dataMonth: lastMonth, monthValue: value, monthBasis: '累计', note: notes[month] ?? null,
    }
  })
}

function pointSeries(values: Record<number, number>): SeriesPoint[] {
  let last: number | null = null
  let lastMonth: number | null = null
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1
    if (values[month] !== undefined) {
      last = values[month]
      lastMonth = month
    }
    return { month, ytd: null, latestValue: last, valueMonth: lastMonth, status: null, statusMonth: null, dataMonth: lastMonth,
      monthValue: values[month] ?? null, monthBasis: null, note: null }
  })
}

function statusSeries(status: Record<number, QualitativeStatus>): SeriesPoint[] {
  let last: QualitativeStatus | null = null
  let lastMonth: number | null = null
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1
    if (status[month]) {
      last = status[month]
      lastMonth = month
    }
    return { month, ytd: null, latestValue: null, valueMonth: null, status: last, statusMonth: lastMonth, dataMonth: lastMonth,
      monthValue: null, monthBasis: null, note: null }
  })
}

describe('a cumulative ≥ indicator as of July', () => {
  const ind = indicator('≥100亿元')
  const series = cumulativeSeries([5, 12, 20, 28, 36, 45, 55], { 3: '开工延迟', 6: '资金到位慢' })
  const p = indicatorProgress(ind, series, july, s)

  it('is at 55% of target and 3.33 points behind 序时 58.33%', () => {
    expect(p.actual).toBe(55)
    expect(p.completion).toBeCloseTo(0.55, 10)
    expect(p.timeShare).toBeCloseTo(0.583333, 6)
    expect(p.gapPoints).toBe(-3.33)
  })
  it('is green: 55 ÷ (100 × 58.33%) = 94.29% lies between 80% and 120%', () => {
    expect(p.light).toBe('green')
  })
  it('forecasts 94.29 亿元 at the current run rate and needs 9 亿元 a month for the five months left', () => {
    expect(p.estimate).toBeCloseTo((55 / 7) * 12, 10)
    expect(p.requiredPace).toBe(9)
    expect(p.likelihood).toBe('有可能')
  })
  it('keeps the reasons written up to July, latest first', () => {
    expect(p.notes).toEqual([{ month: 6, text: '资金到位慢' }, { month: 3, text: '开工延迟' }])
  })
  it('turns red below 60% of the expected share: 34 亿元 is 58.29% of 58.33 亿元', () => {
    expect(indicatorProgress(ind, cumulativeSeries([1, 2, 3, 4, 5, 6, 34]), july, s).light).toBe('red')
  })
  it('turns yellow between 60% and 80%: 40 亿元 is 68.57%', () => {
    expect(indicatorProgress(ind, cumulativeSeries([1, 2, 3, 4, 5, 6, 40]), july, s).light).toBe('yellow')
  })
  it('turns blue at 120% and above: 70 亿元 is exactly 120%', () => {
    expect(indicatorProgress(ind, cumulativeSeries([1, 2, 3, 4, 5, 6, 70]), july, s).light).toBe('blue')
  })
  it('measures 序时 by day when the setting says so: 213 of 366 days at the end of July 2024', () => {
    const byDay = indicatorProgress(ind, series, july, { ...s, timeShareMode: 'day' })
    expect(byDay.timeShare).toBe(213 / 366)
    expect(byDay.gapPoints).toBe(Math.round((0.55 - 213 / 366) * 10000) / 100)
  })
  it('recomputes as it stood at the end of March: 20 亿元, 20%, 5 points behind 25%', () => {
    const march = indicatorProgress(ind, series, { year: 2024, month: 3 }, s)
    expect(march.actual).toBe(20)
    expect(march.gapPoints).toBe(-5)
    expect(march.notes).toEqual([{ month: 3, text: '开工延迟' }])
  })
  it('follows changed thresholds: with red below 95% the same July figure is red', () => {
    expect(indicatorProgress(ind, series, july, { ...s, cumulative: { red: 0.95, yellow: 0.97, blue: 1.2 } }).light).toBe('red')
  })
})

describe('a cumulative goal not reported for the as-of month (120亿元以上, 55 亿元 to September, as of October)', () => {
  const ind = indicator('120亿元以上')
  const series = cumulativeSeries([5, 10, 15, 20, 25, 32, 40, 48, 55])
  const p = indicatorProgress(ind, series, { year: 2024, month: 10 }, s)

  it('shows September’s figure and says it is September’s', () => {
    expect(p.actual).toBe(55)
    expect(p.dataMonth).toBe(9)
    expect(staleMonth(p)).toBe(9)
    expect(isUnreported(p)).toBe(true)
  })
  it('compares it with September’s 序时 75%: 45.83% is 29.17 points behind', () => {
    expect(p.timeShare).toBe(0.75)
    expect(p.completion).toBeCloseTo(55 / 120, 12)
    expect(p.gapPoints).toBe(-29.17)
  })
  it('is yellow at 55 ÷ (120 × 75%) = 61.11%, not red as 55 ÷ (120 × 83.33%) = 55% would make it', () => {
    expect(p.light).toBe('yellow')
  })
  it('forecasts from September: 55 ÷ 9 × 12 = 73.33, and needs (120 − 55) ÷ 3 = 21.67 a month', () => {
    expect(p.estimate).toBeCloseTo(73.333333, 5)
    expect(p.requiredPace).toBeCloseTo(21.666667, 5)
  })
  it('runs the trend’s forecast on from September at 55 ÷ 9 a month', () => {
    const trend = indicatorTrend(ind, series, { year: 2024, month: 10 }, s)
    expect(trend[8]?.forecast).toBe(55)
    expect(trend[9]?.actual).toBeNull()
    expect(trend[11]?.forecast).toBeCloseTo(55 + (55 / 9) * 3, 10)
  })
  it('is current once October is reported', () => {
    const october = indicatorProgress(ind, cumulativeSeries([5, 10, 15, 20, 25, 32, 40, 48, 55, 62]), { year: 2024, month: 10 }, s)
    expect(isUnreported(october)).toBe(false)
    expect(staleMonth(october)).toBeNull()
    expect(october.timeShare).toBeCloseTo(10 / 12, 12)
  })
  it('counts a goal with no report at all as 未报送, compared with the as-of month’s 序时', () => {
    const never = indicatorProgress(ind, cumulativeSeries([]), { year: 2024, month: 10 }, s)
    expect(isUnreported(never)).toBe(true)
    expect(staleMonth(never)).toBeNull()
    expect(never.light).toBe('none')
    expect(never.timeShare).toBeCloseTo(10 / 12, 12)
  })
})

describe('the accident count that must stay 0', () => {
  const ind = indicator('不发生', { unit: '起', direction: '≤', measure: '累计' })
  it('is green while nothing happened', () => {
    expect(indicatorProgress(ind, cumulativeSeries([0, 0, 0, 0, 0, 0, 0]), july, s).light).toBe('green')
  })
  it('turns red at its first event and says the target is lost', () => {
    const p = indicatorProgress(ind, cumulativeSeries([0, 0, 0, 0, 1, 1, 1]), july, s)
    expect(p.light).toBe('red')
    expect(p.likelihood).toBe('完全不可能')
    expect(indicatorProgress(ind, cumulativeSeries([0, 0, 0, 0, 1]), { year: 2024, month: 4 }, s).light).toBe('green')
  })
})

describe('a point indicator (增速 10%以上)', () => {
  const ind = indicator('10%以上', { name: '工业增加值增速', measure: '时点' })
  const series = pointSeries({ 5: 9.3, 6: 9.7, 7: 10.1, 8: 8.8 })
  it('takes the latest value and is green when met', () => {
    const p = indicatorProgress(ind, series, july, s)
    expect(p.actual).toBe(10.1)
    expect(p.light).toBe('green')
    expect(p.gapPoints).toBeNull()
  })
  it('is yellow within 10% of the target (9.7 against 10)', () => {
    expect(indicatorProgress(ind, series, { year: 2024, month: 6 }, s).light).toBe('yellow')
  })
  it('is red further away (8.8 against 10)', () => {
    expect(indicatorProgress(ind, series, { year: 2024, month: 8 }, s).light).toBe('red')
  })
})

describe('a qualitative indicator', () => {
  const ind = indicator('建立长效管理机制', { direction: '定性' })
  const series = statusSeries({ 1: '部分达成', 6: '达成', 9: '未达成' })
  it('takes its light from the latest 完成情况', () => {
    expect(indicatorProgress(ind, series, { year: 2024, month: 5 }, s).light).toBe('yellow')
    expect(indicatorProgress(ind, series, july, s).light).toBe('green')
    expect(indicatorProgress(ind, series, { year: 2024, month: 9 }, s).light).toBe('red')
  })
})

describe('a 分项 or a project', () => {
  it('takes the worst light of its items', () => {
    expect(groupLight([{ light: 'green' }, { light: 'blue' }, { light: 'yellow' }])).toBe('yellow')
    expect(groupLight([{ light: 'green' }, { light: 'red' }, { light: 'yellow' }])).toBe('red')
    expect(groupLight([{ light: 'blue' }, { light: 'none' }])).toBe('blue')
  })
})

describe('the trend of a cumulative indicator', () => {
  const ind = indicator('≥120亿元')
  const trend = indicatorTrend(ind, cumulativeSeries([10, 20, 30, 40, 50, 60, 70]), july, s)
  it('shows actuals up to 数据截至 and nothing after', () => {
    expect(trend.map((p) => p.actual)).toEqual([10, 20, 30, 40, 50, 60, 70, null, null, null, null, null])
  })
  it('draws the 序时 line as target × month ÷ 12', () => {
    expect(trend.map((p) => p.expected)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120])
  })
  it('forecasts from July to December at the run rate of 10 a month', () => {
    expect(trend.map((p) => p.forecast)).toEqual([null, null, null, null, null, null, 70, 80, 90, 100, 110, 120])
  })
})

const project = (code: string, budget: number): Project => ({
  code, name: code, department: null, unitName: null, budget, adjustedBudget: null, fiscal: null, other: null, purpose: null, goal: null,
})
function spendSeries(monthly: number[]): SpendingPoint[] {
  let cumulative = 0
  return Array.from({ length: 12 }, (_, i) => {
    const spent = monthly[i] ?? 0
    cumulative += spent
    return { month: i + 1, spent, cumulative, hasData: i < monthly.length }
  })
}

describe('spending pace', () => {
  const plan = [{ month: 3, share: 0 }, { month: 6, share: 30 }, { month: 10, share: 30 }, { month: 12, share: 40 }]
  const august = { year: 2024, month: 8 }

  it('expects 45% at the end of August from a plan of 30/30/40 at 3/6/10/12月底', () => {
    const p = spendingProgress(project('A', 100), plan, spendSeries([5, 5, 5, 5, 5, 5, 5, 5]), august, s)
    expect(p.planShare).toBeCloseTo(0.45, 10)
    expect(p.rate).toBeCloseTo(0.4, 10)
    expect(p.gapVsPlan).toBe(-5)
    expect(p.gapVsTime).toBe(-26.67)
  })
  it('measures a project with no spending since June against June: 40 of 100 by June is 40% of 50%, not of August’s 66.67%', () => {
    const p = spendingProgress(project('A', 100), plan, spendSeries([5, 5, 5, 5, 10, 10]), august, s)
    expect(p.dataMonth).toBe(6)
    expect(staleMonth(p)).toBe(6)
    expect(p.rate).toBeCloseTo(0.4, 10)
    expect(p.timeShare).toBe(0.5)
    expect(p.planShare).toBeCloseTo(0.3, 10)
    expect(p.gapVsTime).toBe(-10)
    expect(p.light).toBe('green')
  })
  it('lights against 序时进度 by default: 40% ÷ 66.67% = 60% is yellow', () => {
    expect(spendingProgress(project('A', 100), plan, spendSeries([5, 5, 5, 5, 5, 5, 5, 5]), august, s).light).toBe('yellow')
  })
  it('lights against the plan when the setting says so: 40% ÷ 45% is green', () => {
    const p = spendingProgress(project('A', 100), plan, spendSeries([5, 5, 5, 5, 5, 5, 5, 5]), august, { ...s, executionBaseline: 'plan' })
    expect(p.light).toBe('green')
  })
  it('is red below 60% of 序时: 30% ÷ 66.67% = 45%', () => {
    expect(spendingProgress(project('A', 100), plan, spendSeries([3.75, 3.75, 3.75, 3.75, 3.75, 3.75, 3.75, 3.75]), august, s).light).toBe('red')
  })
  it('gives the three curves: execution to 数据截至, the plan and 序时', () => {
    const p = spendingProgress(project('A', 100), plan, spendSeries([5, 5]), { year: 2024, month: 2 }, s)
    expect(p.curve).toEqual([0.05, 0.1, null, null, null, null, null, null, null, null, null, null])
    expect(p.planCurve?.[7]).toBeCloseTo(0.45, 10)
    expect(p.timeCurve[5]).toBe(0.5)
  })
  it('adds the department up with its plan weighted by budget', () => {
    const projects = [project('A', 300), project('B', 100)]
    // reported every month to August, nothing spent after February
    const d = departmentSpending(projects, new Map([['A', plan]]), new Map([['A', spendSeries([30, 30, 0, 0, 0, 0, 0, 0])], ['B', spendSeries([10, 0, 0, 0, 0, 0, 0, 0])]]))
    const p = spendingProgress(d.project, d.plan, d.series, { year: 2024, month: 8 }, s)
    expect(p.budget).toBe(400)
    expect(p.spent).toBe(70)
    // A: 45% of 300; B without a plan follows 序时 8/12 of 100
    expect(p.planShare).toBeCloseTo((0.45 * 300 + (8 / 12) * 100) / 400, 6)
  })
})

describe('进度通报 order', () => {
  it('puts red first, then yellow, then the rest in their own order', () => {
    const items = [
      { id: 'a', light: 'green' as const }, { id: 'b', light: 'yellow' as const }, { id: 'c', light: 'red' as const },
      { id: 'd', light: 'blue' as const }, { id: 'e', light: 'red' as const }, { id: 'f', light: 'none' as const },
    ]
    expect(byLag(items).map((i) => i.id)).toEqual(['c', 'e', 'b', 'a', 'd', 'f'])
  })
})

describe('reportedCurve and completionCurve', () => {
  const invest = indicator('120亿元以上')
  const growth = indicator('10%以上', { measure: '时点' })
  it('divides the 1–N月 total by the target up to the as-of month', () => {
    const curve = completionCurve(invest, cumulativeSeries([6, 12, 18, 24, 30, 36, 42]), 6)
    expect(curve.slice(0, 7)).toEqual([0.05, 0.1, 0.15, 0.2, 0.25, 0.3, null])
    expect(curve).toHaveLength(12)
  })
  it('takes the value a 时点 goal reported in each month', () => {
    expect(completionCurve(growth, pointSeries({ 1: 9, 2: 9.5 }), 2).slice(0, 2)).toEqual([0.9, 0.95])
  })
  it('leaves a month without a report empty instead of carrying the last value into it', () => {
    expect(reportedCurve(growth, pointSeries({ 1: 9, 3: 9.6 }), 4).slice(0, 4)).toEqual([9, null, 9.6, null])
    expect(reportedCurve(invest, cumulativeSeries([10, null, 30]), 4).slice(0, 4)).toEqual([10, null, 30, null])
  })
  it('gives the wall screen and the indicator page the same figures for the same indicator', () => {
    for (const [ind, series] of [
      [growth, pointSeries({ 1: 9, 3: 9.6, 4: 9.8 })],
      [invest, cumulativeSeries([10, null, 30, 40])],
    ] as const) {
      const trend = indicatorTrend(ind, series, { year: 2024, month: 4 }, s).map((p) => p.actual)
      const target = ind.target.value as number
      expect(completionCurve(ind, series, 4)).toEqual(trend.map((v) => (v === null ? null : v / target)))
    }
  })
})
