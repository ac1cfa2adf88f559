import { describe, expect, it } from 'vitest'
import { indicatorKind, isDepartmentGoal, isQualitative, toIndicator, unitFromName } from '../../../src/domain/indicator'
import type { IndicatorRow } from '../../../src/domain/types'

const base: IndicatorRow = {
  id: 'X-1', scope: '部门', group: null, level1: null, level2: null, name: '投资额', targetText: '120亿元以上',
  unit: null, direction: null, measure: null, weight: null, basis: null,
}

describe('toIndicator', () => {
  it('parses the 指标值 and resolves the 口径 from the unit', () => {
    const ind = toIndicator(base)
    expect(ind.target).toMatchObject({ direction: '≥', value: 120, unit: '亿元' })
    expect(ind.measureResolved).toBe('累计')
    expect(toIndicator({ ...base, targetText: '≥90%' }).measureResolved).toBe('时点')
  })

  it('applies the row’s 单位, 指标性质 and 口径 columns', () => {
    const ind = toIndicator({ ...base, targetText: '30', unit: '天', direction: '≤', measure: '时点' })
    expect(ind.target).toMatchObject({ direction: '≤', value: 30, unit: '天', flags: [] })
    expect(ind.measureResolved).toBe('时点')
  })

  it('takes a missing unit from the brackets of the name', () => {
    const ind = toIndicator({ ...base, name: '组织培训、会议次数（次）', targetText: '≥50' })
    expect(ind.target).toMatchObject({ unit: '次', flags: [] })
  })

  it('keeps the unit written in the 指标值 over the name’s brackets', () => {
    expect(toIndicator({ ...base, name: '完成及时率（%）', targetText: '≥5个' }).target.unit).toBe('个')
  })

  it('lets a growth rate exceed 100%', () => {
    expect(toIndicator({ ...base, name: '进出口额增速', targetText: '≥150%' }).target.flags).toEqual([])
    expect(toIndicator({ ...base, name: '完成及时率', targetText: '≥150%' }).target.flags).toEqual(['implausible'])
  })

  it('keeps the row’s own fields', () => {
    expect(toIndicator(base)).toMatchObject(base)
  })
})

describe('unitFromName', () => {
  it('reads a unit in full-width or ASCII brackets at the end of a name', () => {
    expect(unitFromName('完成及时率（%）')).toBe('%')
    expect(unitFromName('培训人数(人)')).toBe('人')
    expect(unitFromName('项目数量')).toBeNull()
  })
})

describe('indicatorKind', () => {
  const row = { id: 'X', scope: '部门', group: null, level1: null, level2: null, name: '指标', unit: null, direction: null, measure: null, weight: null, basis: null }
  const kind = (targetText: string, extra = {}) => indicatorKind(toIndicator({ ...row, targetText, ...extra }))
  it('tells each kind of indicator by its target and 口径', () => {
    expect(kind('建立长效管理机制')).toBe('qualitative')
    expect(kind('100100%')).toBe('unreadable')
    expect(kind('不发生', { unit: '起' })).toBe('zero-event')
    expect(kind('120亿元以上')).toBe('cumulative')
    expect(kind('10%以上')).toBe('point')
  })
  it('takes a 定性 指标性质 column as qualitative whatever the value says', () => {
    const ind = toIndicator({ ...row, targetText: '≥90%', direction: '定性' })
    expect(isQualitative(ind)).toBe(true)
    expect(indicatorKind(ind)).toBe('qualitative')
  })
  it('knows a department-wide goal by its 所属', () => {
    expect(isDepartmentGoal({ scope: '部门' })).toBe(true)
    expect(isDepartmentGoal({ scope: '13020924P009874100020' })).toBe(false)
  })
})
