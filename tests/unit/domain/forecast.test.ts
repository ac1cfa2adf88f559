import { describe, expect, it } from 'vitest'
import { requiredMonthlyPace, suggestLikelihood, yearEndEstimate } from '../../../src/domain/forecast'
import { DEFAULT_MONITOR_SETTINGS as S } from '../../../src/domain/settings'

describe('yearEndEstimate', () => {
  it('extrapolates the run rate to twelve months', () => {
    expect(yearEndEstimate(70, 7)).toBe(120)
  })
  it('is the cumulative itself in December and null before January ends', () => {
    expect(yearEndEstimate(95, 12)).toBe(95)
    expect(yearEndEstimate(0, 0)).toBeNull()
  })
})

describe('requiredMonthlyPace', () => {
  it('spreads what is left over the months left', () => {
    expect(requiredMonthlyPace(120, 70, 7)).toBe(10)
  })
  it('is 0 when already met and null when no month is left', () => {
    expect(requiredMonthlyPace(120, 130, 7)).toBe(0)
    expect(requiredMonthlyPace(120, 100, 12)).toBeNull()
  })
})

describe('suggestLikelihood', () => {
  const cum = (target: number, actual: number, month = 6) => suggestLikelihood({ direction: '≥', measure: '累计', target, actual, month }, S)

  it('is 确定能 when met or on course', () => {
    expect(cum(100, 100)).toBe('确定能')
    expect(cum(100, 50)).toBe('确定能')
  })
  it('is 有可能 when the estimate is close to target', () => {
    expect(cum(100, 46)).toBe('有可能')
    expect(cum(100, 30)).toBe('有可能')
  })
  it('is 完全不可能 when the estimate is below half the target', () => {
    expect(cum(100, 24)).toBe('完全不可能')
  })
  it('takes the latest value of a point indicator as its estimate', () => {
    expect(suggestLikelihood({ direction: '≥', measure: '时点', target: 90, actual: 92, month: 3 }, S)).toBe('确定能')
    expect(suggestLikelihood({ direction: '≥', measure: '时点', target: 90, actual: 40, month: 3 }, S)).toBe('完全不可能')
  })
  it('gives up on a zero-count target at its first event', () => {
    expect(suggestLikelihood({ direction: '≤', measure: '累计', target: 0, actual: 1, month: 3 }, S)).toBe('完全不可能')
    expect(suggestLikelihood({ direction: '≤', measure: '累计', target: 0, actual: 0, month: 3 }, S)).toBe('确定能')
  })
  it('suggests nothing for a qualitative indicator or a missing actual', () => {
    expect(suggestLikelihood({ direction: '定性', measure: '累计', target: null, actual: null, month: 7 }, S)).toBeNull()
    expect(suggestLikelihood({ direction: '≥', measure: '累计', target: 100, actual: null, month: 7 }, S)).toBeNull()
  })
})

describe('完成目标可能性 from the pace still needed', () => {
  it('says 完全不可能 when 剩余月均需完成 is five times the pace so far: 52 of 120 亿元 by October needs 34 a month against 5.2', () => {
    expect(suggestLikelihood({ direction: '≥', measure: '累计', target: 120, actual: 52, month: 10 })).toBe('完全不可能')
  })
  it('keeps 有可能 for a lumpy count: 5 of 9 家 by October needs 2 a month against 0.5', () => {
    expect(suggestLikelihood({ direction: '≥', measure: '累计', target: 9, actual: 5, month: 10 })).toBe('有可能')
  })
})
