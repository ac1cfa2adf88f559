import { describe, expect, it } from 'vitest'
import {
  checkProfile,
  NATIONAL_PROFILE,
  reportedIn,
  SICHUAN_PROFILE,
  thresholdAt,
  unitAssessment,
  unitRow,
  type UnitData,
} from '../../../src/domain/bureau'
import { toIndicator } from '../../../src/domain/indicator'
import type { SeriesPoint, SpendingPoint } from '../../../src/domain/monitor'
import { grade } from '../../../src/domain/scoring'
import { DEFAULT_MONITOR_SETTINGS } from '../../../src/domain/settings'
import type { Project } from '../../../src/domain/types'

const project = (code: string, budget: number): Project => ({
  code, name: code, department: null, unitName: null, budget, adjustedBudget: null, fiscal: null, other: null, purpose: null, goal: null,
})
/** Monthly spending (万元) of months 1…n; cumulative as the SQL gives it for all 12 months. */
function spend(monthly: number[]): SpendingPoint[] {
  let cumulative = 0
  return Array.from({ length: 12 }, (_, i) => {
    const spent = monthly[i] ?? 0
    cumulative += spent
    return { month: i + 1, spent, cumulative, hasData: i < monthly.length }
  })
}
/** 1–N月 totals of a 累计 goal reported in months 1…n. */
function ytd(values: number[]): SeriesPoint[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1
    const last = Math.min(month, values.length)
    return {
      month, ytd: values[last - 1] ?? null, latestValue: values[last - 1] ?? null, valueMonth: last || null, status: null,
      statusMonth: null, dataMonth: last || null, monthValue: values[i] ?? null, monthBasis: '累计', note: null,
    }
  })
}
const goal = toIndicator({
  id: 'G01', scope: '部门', group: null, level1: null, level2: null, name: '重点任务完成数', targetText: '≥100',
  unit: '项', direction: '≥', measure: '累计', weight: null, basis: null,
})
const unit = (org: string, monthly: number[], goalValues: number[]): UnitData => ({
  org,
  indicators: [goal],
  projects: [project('P01', 120)],
  indicatorSeries: new Map([['G01', ytd(goalValues)]]),
  spendingSeries: new Map([['P01', spend(monthly)]]),
})

describe('rule profiles', () => {
  it('applies a province’s thresholds by month, the earlier one between two', () => {
    expect(thresholdAt(SICHUAN_PROFILE, 3)).toBeNull()
    expect(thresholdAt(SICHUAN_PROFILE, 4)).toBe(0.25)
    expect(thresholdAt(SICHUAN_PROFILE, 5)).toBe(0.25)
    expect(thresholdAt(SICHUAN_PROFILE, 6)).toBe(0.4)
    expect(thresholdAt(SICHUAN_PROFILE, 12)).toBe(0.8)
  })
  it('expects the national default to keep pace with the year', () => {
    expect(thresholdAt(NATIONAL_PROFILE, 6)).toBe(0.5)
  })
  it('reads a profile from a file only when every threshold is a month and a rate', () => {
    const saved = { id: 'county', name: '某县', thresholds: [{ month: 6, rate: 0.45 }], gapPoints: 15, source: '' }
    expect(checkProfile(JSON.parse(JSON.stringify(saved)))).toEqual(saved)
    expect(checkProfile({ ...saved, thresholds: [{ month: 13, rate: 0.5 }] })).toBeNull()
    expect(checkProfile({ ...saved, thresholds: [{ month: 6, rate: 45 }] })).toBeNull()
    expect(checkProfile({ ...saved, gapPoints: -1 })).toBeNull()
    expect(checkProfile(null)).toBeNull()
  })
})

describe('a unit’s row on the bureau page', () => {
  it('judges execution against 序时进度 and the profile’s threshold of the month', () => {
    // 6 × 6 万元 of 120 by June: 30.00%, 20 points behind 序时 50%, 10 points below 四川's 40%
    const row = unitRow(unit('A', [6, 6, 6, 6, 6, 6], [10, 20, 30, 40, 50, 60]), null, 2024, 6, SICHUAN_PROFILE, DEFAULT_MONITOR_SETTINGS)
    expect(row.rate).toBeCloseTo(0.3, 10)
    expect(row.gapVsTime).toBe(-20)
    expect(row.threshold).toBe(0.4)
    expect(row.gapVsThreshold).toBe(-10)
    expect(row.belowThreshold).toBe(true)
    expect(row.executionLight).toBe('yellow')
  })
  it('warns when headline 完成率 and 预算执行率 differ by more than the profile allows', () => {
    // headline 60% done against 30% spent: 30 points apart, above 四川's 10
    const row = unitRow(unit('A', [6, 6, 6, 6, 6, 6], [10, 20, 30, 40, 50, 60]), null, 2024, 6, SICHUAN_PROFILE, DEFAULT_MONITOR_SETTINGS)
    expect(row.headline).toBeCloseTo(0.6, 10)
    expect(row.targetGap).toBe(30)
    expect(row.targetGapWarning).toBe(true)
    expect(unitRow(unit('A', [6, 6, 6, 6, 6, 6], [10, 20, 30, 40, 50, 60]), null, 2024, 6, NATIONAL_PROFILE, DEFAULT_MONITOR_SETTINGS).targetGapWarning).toBe(false)
  })
  it('shows a unit that has not reported this month as 未报送, not as zero', () => {
    const late = unit('B', [6, 6, 6, 6, 6], [10, 20, 30, 40, 50])
    expect(reportedIn(late, 6)).toBe(false)
    const row = unitRow(late, null, 2024, 6, NATIONAL_PROFILE, DEFAULT_MONITOR_SETTINGS)
    expect(row).toMatchObject({ reported: false, lastMonth: 5 })
    // a unit that reported 0 this month has reported
    const zero = unit('C', [6, 6, 6, 6, 6, 0], [10, 20, 30, 40, 50, 50])
    expect(unitRow(zero, null, 2024, 6, NATIONAL_PROFILE, DEFAULT_MONITOR_SETTINGS).reported).toBe(true)
  })
  it('compares execution with last year’s at the same month in points', () => {
    const last = { projects: [project('P01', 100)], spendingSeries: new Map([['P01', spend([5, 5, 5, 5, 5, 5])]]) }
    const row = unitRow(unit('A', [6, 6, 6, 6, 6, 6], [10]), last, 2024, 6, NATIONAL_PROFILE, DEFAULT_MONITOR_SETTINGS)
    expect(row.lastYearRate).toBeCloseTo(0.3, 10)
    expect(row.yoyPoints).toBe(0)
  })
})

describe('a unit’s 自评 total', () => {
  it('weights its projects’ totals by budget once every project is judged', () => {
    const forms = [{ total: 90, execution: { budget: 300 } }, { total: 70, execution: { budget: 100 } }]
    expect(unitAssessment(forms, (t) => grade(t))).toEqual({ total: 85, grade: '良' })
    expect(unitAssessment([...forms, { total: null, execution: { budget: 10 } }], (t) => grade(t))).toBeNull()
  })
})
