import { describe, expect, it } from 'vitest'
import { toIndicator } from '../../../src/domain/indicator'
import { cumulativeLight, executionLight, indicatorLight, lessOrEqualLight, pointLight, qualitativeLight, worstLight } from '../../../src/domain/lights'
import { DEFAULT_MONITOR_SETTINGS as S } from '../../../src/domain/settings'
import type { IndicatorRow } from '../../../src/domain/types'

const JULY = 7 / 12

describe('executionLight', () => {
  it('compares the execution rate with 序时进度', () => {
    expect(executionLight(0.29, 0.5, S)).toBe('red')
    expect(executionLight(0.3, 0.5, S)).toBe('yellow')
    expect(executionLight(0.35, 0.5, S)).toBe('yellow')
    expect(executionLight(0.4, 0.5, S)).toBe('green')
  })
  it('is green before any time has passed and none without a rate', () => {
    expect(executionLight(0, 0, S)).toBe('green')
    expect(executionLight(null, 0.5, S)).toBe('none')
  })
})

describe('cumulativeLight', () => {
  it('lights a cumulative ≥ indicator by actual ÷ (target × 序时进度)', () => {
    expect(cumulativeLight(29, 100, 0.5, S)).toBe('red')
    expect(cumulativeLight(30, 100, 0.5, S)).toBe('yellow')
    expect(cumulativeLight(40, 100, 0.5, S)).toBe('green')
    expect(cumulativeLight(59, 100, 0.5, S)).toBe('green')
    expect(cumulativeLight(60, 100, 0.5, S)).toBe('blue')
  })
  it('counts exactly 120% as 超额 despite float noise', () => {
    expect(cumulativeLight(0.66, 1, 0.55, S)).toBe('blue')
  })
  it('lights 55% of target at the end of July green (R = 94%)', () => {
    expect(cumulativeLight(55, 100, JULY, S)).toBe('green')
  })
})

describe('pointLight', () => {
  it('is green when a ≥ target is met, yellow within 10% of it, else red', () => {
    expect(pointLight(90, 90, '≥', S)).toBe('green')
    expect(pointLight(81, 90, '≥', S)).toBe('yellow')
    expect(pointLight(80, 90, '≥', S)).toBe('red')
  })
  it('works for ≤ targets', () => {
    expect(pointLight(5, 5, '≤', S)).toBe('green')
    expect(pointLight(5.5, 5, '≤', S)).toBe('yellow')
    expect(pointLight(6, 5, '≤', S)).toBe('red')
  })
  it('works for = targets', () => {
    expect(pointLight(100, 100, '=', S)).toBe('green')
    expect(pointLight(95, 100, '=', S)).toBe('yellow')
    expect(pointLight(111, 100, '=', S)).toBe('red')
  })
})

describe('lessOrEqualLight', () => {
  it('turns the accident count (≤0) red at its first event', () => {
    expect(lessOrEqualLight(0, 0)).toBe('green')
    expect(lessOrEqualLight(1, 0)).toBe('red')
  })
})

describe('qualitativeLight', () => {
  it('maps 达成 / 部分达成 / 未达成 to green / yellow / red', () => {
    expect([qualitativeLight('达成'), qualitativeLight('部分达成'), qualitativeLight('未达成'), qualitativeLight(null)]).toEqual(['green', 'yellow', 'red', 'none'])
  })
})

describe('worstLight', () => {
  it('picks red over yellow over green over blue', () => {
    expect(worstLight(['green', 'red', 'yellow'])).toBe('red')
    expect(worstLight(['blue', 'yellow', 'green'])).toBe('yellow')
    expect(worstLight(['blue', 'green'])).toBe('green')
    expect(worstLight(['blue'])).toBe('blue')
  })
  it('ignores none unless every light is none', () => {
    expect(worstLight(['none', 'green'])).toBe('green')
    expect(worstLight(['none', 'none'])).toBe('none')
    expect(worstLight([])).toBe('none')
  })
})

describe('indicatorLight', () => {
  const row = (targetText: string, name = '指标'): IndicatorRow => ({
    id: 'I', scope: '部门', group: null, level1: null, level2: null, name, targetText, unit: null, direction: null, measure: null, weight: null, basis: null,
  })

  it('uses the cumulative rule for a ≥ amount', () => {
    expect(indicatorLight(toIndicator(row('120亿元以上')), 20, null, JULY, S)).toBe('red')
  })
  it('uses the point rule for a percentage', () => {
    expect(indicatorLight(toIndicator(row('≥90%')), 85, null, JULY, S)).toBe('yellow')
  })
  it('turns 不发生 red at the first event', () => {
    const ind = toIndicator(row('不发生'))
    expect(indicatorLight(ind, 0, null, JULY, S)).toBe('green')
    expect(indicatorLight(ind, 1, null, JULY, S)).toBe('red')
  })
  it('uses the judged status for a qualitative indicator', () => {
    expect(indicatorLight(toIndicator(row('完成任务')), null, '部分达成', JULY, S)).toBe('yellow')
  })
  it('is none without an actual or without a readable target', () => {
    expect(indicatorLight(toIndicator(row('≥50次')), null, null, JULY, S)).toBe('none')
    expect(indicatorLight(toIndicator(row('100100%')), 100, null, JULY, S)).toBe('none')
  })
})
