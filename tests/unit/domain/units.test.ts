import { describe, expect, it } from 'vitest'
import { UNIT_FACTORS, convertValue, defaultMeasure, normalizeUnit, resolveMeasure, unitFactor, unitFamily } from '../../../src/domain/units'

describe('normalizeUnit', () => {
  it('trims and turns a full-width percent into %', () => {
    expect(normalizeUnit(' ％ ')).toBe('%')
  })
  it('strips the brackets a form puts round a unit', () => {
    expect(normalizeUnit('（万元）')).toBe('万元')
    expect(normalizeUnit('(万元)')).toBe('万元')
  })
  it('drops 人民币 from an amount unit', () => {
    expect(normalizeUnit('人民币万元')).toBe('万元')
    expect(normalizeUnit('万元人民币')).toBe('万元')
  })
  it('reads a blank unit as none', () => {
    expect(normalizeUnit('  ')).toBeNull()
    expect(normalizeUnit(null)).toBeNull()
    expect(normalizeUnit(undefined)).toBeNull()
  })
})

describe('unitFamily', () => {
  it('groups 元, 万元 and 亿元 as yuan', () => {
    expect(['元', '万元', '亿元'].map(unitFamily)).toEqual(['cny', 'cny', 'cny'])
  })
  it('keeps dollars in their own family', () => {
    expect(['美元', '万美元', '亿美元'].map(unitFamily)).toEqual(['usd', 'usd', 'usd'])
  })
  it('knows percent, counts and the rest', () => {
    expect(unitFamily('％')).toBe('percent')
    expect(['个', '家', '次', '项', '起', '件', '人'].map(unitFamily)).toEqual(Array(7).fill('count'))
    expect(unitFamily('公里')).toBe('other')
    expect(unitFamily(null)).toBeNull()
  })
})

describe('convertValue', () => {
  it('converts 亿元 to 万元 at 1亿 = 10,000万', () => {
    expect(convertValue(1.2, '亿元', '万元')).toBe(12000)
    expect(convertValue(12000, '万元', '亿元')).toBe(1.2)
    expect(convertValue(1, '亿元', '元')).toBe(100_000_000)
  })
  it('never converts 亿美元 to 元', () => {
    expect(convertValue(1, '亿美元', '元')).toBeNull()
    expect(convertValue(1, '亿美元', '亿元')).toBeNull()
  })
  it('converts within dollars', () => {
    expect(convertValue(1, '亿美元', '万美元')).toBe(10000)
  })
  it('leaves a value in the same unit or without a unit unchanged', () => {
    expect(convertValue(5, '个', '个')).toBe(5)
    expect(convertValue(5, null, '万元')).toBe(5)
  })
  it('converts counts only to the identical unit', () => {
    expect(convertValue(5, '个', '家')).toBeNull()
  })
  it('does not guess when the target unit is unknown', () => {
    expect(convertValue(5, '万元', null)).toBeNull()
  })
})

describe('unitFactor', () => {
  it('gives the multiplier to the family base', () => {
    expect(unitFactor('万元')).toBe(1e4)
    expect(unitFactor('亿元')).toBe(1e8)
    expect(unitFactor('亿美元')).toBe(1e8)
    expect(unitFactor('个')).toBeNull()
  })
  it('lists every convertible unit once for SQL', () => {
    const units = UNIT_FACTORS.map((f) => f.unit)
    expect(new Set(units).size).toBe(units.length)
    expect(UNIT_FACTORS).toContainEqual({ unit: '万元', family: 'cny', factor: 1e4 })
  })
})

describe('measures', () => {
  it('reads a percentage as 时点 and anything else as 累计 by default', () => {
    expect(defaultMeasure('%')).toBe('时点')
    expect(defaultMeasure('亿元')).toBe('累计')
    expect(defaultMeasure(null)).toBe('累计')
  })
  it('lets the 口径 column override the default', () => {
    expect(resolveMeasure('累计', '%')).toBe('累计')
    expect(resolveMeasure(' 时点 ', '亿元')).toBe('时点')
    expect(resolveMeasure('', '%')).toBe('时点')
    expect(resolveMeasure(null, '个')).toBe('累计')
  })
})
