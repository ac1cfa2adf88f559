import { describe, expect, it } from 'vitest'
import { normalizeDirection, parseTargetText } from '../../../src/domain/targetText'
import type { Direction, TargetFlag } from '../../../src/domain/types'

type Expected = { direction: Direction; value: number | null; unit: string | null; qualitative?: boolean; flags?: TargetFlag[] }

const seed: Array<[string, Expected]> = [
  ['20个以上', { direction: '≥', value: 20, unit: '个' }],
  ['120亿元以上', { direction: '≥', value: 120, unit: '亿元' }],
  ['50亿元以上', { direction: '≥', value: 50, unit: '亿元' }],
  ['1亿美元以上', { direction: '≥', value: 1, unit: '亿美元' }],
  ['突破650亿元', { direction: '≥', value: 650, unit: '亿元' }],
  ['实现4亿元', { direction: '≥', value: 4, unit: '亿元' }],
  ['达到120亿元', { direction: '≥', value: 120, unit: '亿元' }],
  ['9家', { direction: '≥', value: 9, unit: '家' }],
  ['10%以上', { direction: '≥', value: 10, unit: '%' }],
  ['不发生', { direction: '≤', value: 0, unit: null }],
  ['≥50次', { direction: '≥', value: 50, unit: '次' }],
  ['100100%', { direction: '≥', value: null, unit: '%', flags: ['unreadable'] }],
  ['100%', { direction: '≥', value: 100, unit: '%' }],
  ['≥90%', { direction: '≥', value: 90, unit: '%' }],
  ['满意', { direction: '定性', value: null, unit: null, qualitative: true, flags: ['unmeasurable'] }],
  ['完成任务', { direction: '定性', value: null, unit: null, qualitative: true, flags: ['unmeasurable'] }],
  [' 完成任务', { direction: '定性', value: null, unit: null, qualitative: true, flags: ['unmeasurable'] }],
  ['按要求控制成本', { direction: '定性', value: null, unit: null, qualitative: true, flags: ['unmeasurable'] }],
  ['招商引资、更好地为企业服务，促进经济发展', { direction: '定性', value: null, unit: null, qualitative: true, flags: ['unmeasurable'] }],
  ['完成基础设施配套，促进经济发展', { direction: '定性', value: null, unit: null, qualitative: true, flags: ['unmeasurable'] }],
]

const realForms: Array<[string, Expected]> = [
  ['≤5%', { direction: '≤', value: 5, unit: '%' }],
  ['不超过100万元', { direction: '≤', value: 100, unit: '万元' }],
  ['控制在3%以内', { direction: '≤', value: 3, unit: '%' }],
  ['＞=95％', { direction: '≥', value: 95, unit: '%' }],
  ['1,200.5万元', { direction: '≥', value: 1200.5, unit: '万元' }],
  ['≥1 项', { direction: '≥', value: 1, unit: '项' }],
  ['>=20个', { direction: '≥', value: 20, unit: '个' }],
  ['不低于95%', { direction: '≥', value: 95, unit: '%' }],
  ['超过3家', { direction: '≥', value: 3, unit: '家' }],
  ['5起以下', { direction: '≤', value: 5, unit: '起' }],
  ['不高于2%', { direction: '≤', value: 2, unit: '%' }],
  ['=100%', { direction: '=', value: 100, unit: '%' }],
  ['＝12个', { direction: '=', value: 12, unit: '个' }],
  ['≥１２０亿元', { direction: '≥', value: 120, unit: '亿元' }],
  ['≤0起', { direction: '≤', value: 0, unit: '起' }],
  ['杜绝重大安全事故', { direction: '≤', value: 0, unit: null }],
  ['零事故', { direction: '≤', value: 0, unit: null }],
  ['不发生3级以上事故', { direction: '≤', value: 0, unit: null }],
  ['社会消费品零售额≥50亿元', { direction: '≥', value: 50, unit: '亿元' }],
  ['≥15公里', { direction: '≥', value: 15, unit: '公里' }],
  ['≥2000平方米', { direction: '≥', value: 2000, unit: '平方米' }],
  ['500万美元以上', { direction: '≥', value: 500, unit: '万美元' }],
  ['效果明显', { direction: '定性', value: null, unit: null, qualitative: true, flags: ['unmeasurable'] }],
]

function check(text: string, e: Expected) {
  const p = parseTargetText(text)
  expect(p).toEqual({ text, direction: e.direction, value: e.value, unit: e.unit, qualitative: e.qualitative ?? false, flags: e.flags ?? [] })
}

describe('parseTargetText', () => {
  it.each(seed)('reads the seed’s %s', check)
  it.each(realForms)('reads %s from real forms', check)

  it('keeps the text exactly as written', () => {
    expect(parseTargetText(' 完成任务').text).toBe(' 完成任务')
  })

  it('flags an empty value without calling it qualitative', () => {
    expect(parseTargetText('  ')).toMatchObject({ direction: '定性', value: null, qualitative: false, flags: ['empty'] })
  })

  it('flags a number without a unit', () => {
    expect(parseTargetText('≥20')).toMatchObject({ direction: '≥', value: 20, unit: null, flags: ['missing-unit'] })
  })

  it('does not ask a zero target for a unit', () => {
    expect(parseTargetText('不发生').flags).toEqual([])
  })

  it('flags a percentage above 100 as implausible but keeps its value', () => {
    expect(parseTargetText('≥120%')).toMatchObject({ value: 120, flags: ['implausible'] })
  })

  it('asks for the direction of a bare duration', () => {
    expect(parseTargetText('30天')).toMatchObject({ direction: '≥', value: 30, unit: '天', flags: ['missing-direction'] })
    expect(parseTargetText('≤30天').flags).toEqual([])
  })

  it('reads a negative growth target', () => {
    expect(parseTargetText('≥-5%')).toMatchObject({ direction: '≥', value: -5, unit: '%' })
  })

  it('lets the 单位 column replace the parsed unit', () => {
    expect(parseTargetText('≥20', { unit: '（个）' })).toMatchObject({ value: 20, unit: '个', flags: [] })
  })

  it('converts the value when the 单位 column names another unit of the same family', () => {
    expect(parseTargetText('120亿元以上', { unit: '万元' })).toMatchObject({ value: 1_200_000, unit: '万元' })
  })

  it('gives a zero target the unit of the 单位 column', () => {
    expect(parseTargetText('不发生', { unit: '起' })).toMatchObject({ direction: '≤', value: 0, unit: '起', flags: [] })
  })

  it('lets the 指标性质 column replace the parsed direction', () => {
    expect(parseTargetText('30天', { direction: '≤' })).toMatchObject({ direction: '≤', flags: [] })
    expect(parseTargetText('5%', { direction: '反向' }).direction).toBe('≤')
    expect(parseTargetText('5%', { direction: '定性' })).toMatchObject({ direction: '定性', qualitative: true })
  })

  it('ignores a 指标性质 it does not know', () => {
    expect(parseTargetText('≤5%', { direction: '高' }).direction).toBe('≤')
  })
})

describe('normalizeDirection', () => {
  it('reads symbols, their ASCII and full-width forms, and 正向/反向', () => {
    expect(['≥', '>=', '＞＝', '正向', '正向指标'].map(normalizeDirection)).toEqual(['≥', '≥', '≥', '≥', '≥'])
    expect(['≤', '<=', '反向'].map(normalizeDirection)).toEqual(['≤', '≤', '≤'])
    expect(['=', '＝'].map(normalizeDirection)).toEqual(['=', '='])
    expect(normalizeDirection(' 定性 ')).toBe('定性')
  })
  it('returns null for nothing or nonsense', () => {
    expect(normalizeDirection(null)).toBeNull()
    expect(normalizeDirection('')).toBeNull()
    expect(normalizeDirection('高')).toBeNull()
  })
})
