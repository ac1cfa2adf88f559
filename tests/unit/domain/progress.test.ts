import { describe, expect, it } from 'vitest'
import { cumulativePlan, planShareAt, progressGap, timeElapsedShare } from '../../../src/domain/progress'
import { seedPlan } from './seedRows'

describe('timeElapsedShare', () => {
  it('counts months by default: end of July is 58.33%', () => {
    expect(timeElapsedShare({ year: 2024, month: 7 }, 'month')).toBeCloseTo(0.583333, 6)
    expect(timeElapsedShare({ year: 2024, month: 6 }, 'month')).toBe(0.5)
  })
  it('counts days in a leap year: end of July 2024 is 213/366', () => {
    expect(timeElapsedShare({ year: 2024, month: 7 }, 'day')).toBe(213 / 366)
  })
  it('counts days in a common year: end of February 2023 is 59/365', () => {
    expect(timeElapsedShare({ year: 2023, month: 2 }, 'day')).toBe(59 / 365)
  })
  it('reaches the whole year at the end of December', () => {
    expect(timeElapsedShare({ year: 2024, month: 12 }, 'day')).toBe(1)
  })
})

describe('cumulativePlan', () => {
  it('adds the seed’s per-period shares up to 100', () => {
    expect(cumulativePlan(seedPlan)).toEqual([
      { month: 6, share: 30 },
      { month: 10, share: 60 },
      { month: 12, share: 100 },
    ])
  })
  it('keeps an explicit 0 at 3月底 and sorts by month', () => {
    expect(cumulativePlan([{ month: 12, share: 40 }, { month: 3, share: 0 }, { month: 6, share: 60 }])).toEqual([
      { month: 3, share: 0 },
      { month: 6, share: 60 },
      { month: 12, share: 100 },
    ])
  })
})

describe('planShareAt', () => {
  it('expects 45% at the end of August from a 30/30/40 plan at 6/10/12月底', () => {
    expect(planShareAt(seedPlan, 8)).toBeCloseTo(0.45, 10)
  })
  it('hits the milestone itself', () => {
    expect(planShareAt(seedPlan, 6)).toBeCloseTo(0.3, 10)
    expect(planShareAt(seedPlan, 12)).toBe(1)
  })
  it('interpolates from the start of the year when 3月底 is blank', () => {
    expect(planShareAt(seedPlan, 3)).toBeCloseTo(0.15, 10)
  })
  it('stays at 0 until an explicit 3月底 of 0, then climbs', () => {
    const plan = [{ month: 3, share: 0 }, ...seedPlan]
    expect(planShareAt(plan, 3)).toBe(0)
    expect(planShareAt(plan, 4.5)).toBeCloseTo(0.15, 10)
  })
  it('stays at the last milestone after it', () => {
    expect(planShareAt([{ month: 6, share: 80 }], 9)).toBe(0.8)
  })
  it('falls back to 序时进度 without a plan', () => {
    expect(planShareAt([], 6)).toBe(0.5)
  })
})

describe('progressGap', () => {
  it('puts 55% of target at the end of July 3.33 points behind 序时 58.33%', () => {
    expect(progressGap(0.55, timeElapsedShare({ year: 2024, month: 7 }, 'month'))).toBe(-3.33)
  })
  it('is positive when ahead', () => {
    expect(progressGap(0.6, 0.5)).toBe(10)
  })
})
