import { describe, expect, it } from 'vitest'
import { grade, round2, scoreExecution, scoreQualitative, scoreQuantitative, splitPoints } from '../../../src/domain/scoring'
import { DEFAULT_SCORING_SETTINGS as S } from '../../../src/domain/settings'

describe('round2', () => {
  it('rounds half up at two decimals despite binary floats', () => {
    expect(round2(16.695)).toBe(16.7)
    expect(round2(1.005)).toBe(1.01)
    expect(round2(8.35)).toBe(8.35)
    expect(round2(-3.333333)).toBe(-3.33)
    expect(Object.is(round2(-0.001), 0)).toBe(true)
  })
})

describe('scoreExecution', () => {
  it('scores 125.25 of 150.00 万元 as 8.35 of 10', () => {
    const r = scoreExecution(150, 125.25, 10, S)
    expect(r.rate).toBeCloseTo(0.835, 10)
    expect(r.score).toBe(8.35)
    expect(r.needsReason).toBe(true)
  })
  it('caps an execution rate above 100% at full points', () => {
    expect(scoreExecution(100, 110, 10, S)).toMatchObject({ score: 10, needsReason: false })
  })
  it('asks no reason at 90% or above', () => {
    expect(scoreExecution(100, 90, 10, S).needsReason).toBe(false)
  })
})

describe('scoreQuantitative', () => {
  it('scores a met ≥ target in full', () => {
    expect(scoreQuantitative('≥', 50, 52, 20, S)).toEqual({ score: 20, needsReason: false, overAchieved: false })
  })
  it('scores a missed ≥ target in proportion: 83.5% of 20 points is 16.70', () => {
    expect(scoreQuantitative('≥', 200, 167, 20, S)).toEqual({ score: 16.7, needsReason: true, overAchieved: false })
  })
  it('asks a reason for a ≥ actual at 130% of target or more', () => {
    expect(scoreQuantitative('≥', 100, 130, 20, S)).toEqual({ score: 20, needsReason: true, overAchieved: true })
  })
  it('scores a missed ≤ target as target ÷ actual', () => {
    expect(scoreQuantitative('≤', 5, 10, 10, S).score).toBe(5)
  })
  it('scores a missed ≤ target linearly to 0 at twice the target when set so', () => {
    const linear = { ...S, lessOrEqualRule: 'linear' as const }
    expect(scoreQuantitative('≤', 10, 15, 10, linear).score).toBe(5)
    expect(scoreQuantitative('≤', 10, 25, 10, linear).score).toBe(0)
  })
  it('scores a ≤0 count with one event 0', () => {
    expect(scoreQuantitative('≤', 0, 1, 10, S)).toEqual({ score: 0, needsReason: true, overAchieved: false })
    expect(scoreQuantitative('≤', 0, 0, 10, S).score).toBe(10)
  })
  it('scores = within tolerance in full, otherwise by the smaller ratio', () => {
    expect(scoreQuantitative('=', 100, 100, 10, S).score).toBe(10)
    expect(scoreQuantitative('=', 100, 125, 10, S).score).toBe(8)
    expect(scoreQuantitative('=', 100, 80, 10, S).score).toBe(8)
    expect(scoreQuantitative('=', 100, 98, 10, { ...S, equalTolerance: 0.05 }).score).toBe(10)
  })
  it('refuses a qualitative indicator', () => {
    expect(() => scoreQuantitative('定性', 1, 1, 10, S)).toThrow(RangeError)
  })
})

describe('scoreQualitative', () => {
  it('accepts a score inside the band', () => {
    expect(scoreQualitative('达成', 9, 10, S)).toEqual({ ok: true, score: 9 })
    expect(scoreQualitative('部分达成', 6, 10, S)).toEqual({ ok: true, score: 6 })
    expect(scoreQualitative('未达成', 0, 10, S)).toEqual({ ok: true, score: 0 })
  })
  it('refuses a score outside the band with the band, its range in points and the score given', () => {
    expect(scoreQualitative('部分达成', 9, 10, S)).toEqual({ ok: false, band: '部分达成', min: 6, max: 8, points: 10, given: 9 })
  })
  it('refuses a score that is not a number', () => {
    expect(scoreQualitative('达成', Number.NaN, 10, S)).toMatchObject({ ok: false, given: null })
  })
})

describe('splitPoints', () => {
  it('splits 50/30/10 evenly inside each level-1 group, in cents that add up', () => {
    const points = splitPoints(
      [
        { level1: '产出指标', weight: null },
        { level1: '产出指标', weight: null },
        { level1: '产出指标', weight: null },
        { level1: '效益指标', weight: null },
        { level1: '效益指标', weight: null },
        { level1: '满意度指标', weight: null },
      ],
      S,
    )
    expect(points).toEqual([16.67, 16.67, 16.66, 15, 15, 10])
  })
  it('gives the 满意度 points to 效益 when there is no satisfaction indicator', () => {
    expect(splitPoints([{ level1: '产出指标', weight: null }, { level1: '效益指标', weight: null }], S)).toEqual([50, 40])
  })
  it('uses the 分值 when every indicator of a group has one', () => {
    const points = splitPoints(
      [
        { level1: '产出指标', weight: 30 },
        { level1: '产出指标', weight: 20 },
        { level1: '效益指标', weight: 30 },
        { level1: '效益指标', weight: null },
        { level1: '满意度指标', weight: 10 },
      ],
      S,
    )
    expect(points).toEqual([30, 20, 15, 15, 10])
  })
  it('gives no points to an unknown level-1 group', () => {
    expect(splitPoints([{ level1: null, weight: null }, { level1: '产出指标', weight: null }], S)).toEqual([0, 50])
  })
})

describe('grade', () => {
  it('grades exactly 90 优, 80 良, 60 中 and 59.99 差', () => {
    expect([grade(90, S), grade(89.99, S), grade(80, S), grade(60, S), grade(59.99, S)]).toEqual(['优', '良', '良', '中', '差'])
  })
  it('grades a total that floats just under 90 as 优', () => {
    expect(grade(89.99999999999999, S)).toBe('优')
  })
})
