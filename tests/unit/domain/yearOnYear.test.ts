import { describe, expect, it } from 'vitest'
import { toIndicator } from '../../../src/domain/indicator'
import type { SeriesPoint } from '../../../src/domain/monitor'
import type { IndicatorRow } from '../../../src/domain/types'
import {
  executionLastYear,
  executionLastYearCurves,
  lastYearCurve,
  linksForChoices,
  matchIndicators,
  matchProjects,
  matchText,
  sameMonthLastYear,
  yearOnYear,
} from '../../../src/domain/yearOnYear'

function indicator(id: string, name: string, targetText: string, extra: Partial<IndicatorRow> = {}) {
  return toIndicator({
    id, scope: '部门', group: null, level1: null, level2: null, name, targetText, unit: null, direction: null,
    measure: null, weight: null, basis: null, ...extra,
  })
}

/** Reported figures by month (累计 1–N月 totals or 时点 values); months without a key have no report. */
function series(reported: Record<number, number>, cumulative = true): SeriesPoint[] {
  let last: number | null = null
  let lastMonth: number | null = null
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1
    if (reported[month] !== undefined) {
      last = reported[month]
      lastMonth = month
    }
    return {
      month, ytd: cumulative ? last : null, latestValue: last, valueMonth: lastMonth, status: null, statusMonth: null,
      dataMonth: lastMonth, monthValue: reported[month] ?? null, monthBasis: cumulative ? '累计' : null, note: null,
    }
  })
}

describe('yearOnYear', () => {
  it('gives an amount its growth over the same months of last year', () => {
    // 1–10月 投资额 93 亿元 against 80 亿元 last year: 同比增长 16.25%
    const yoy = yearOnYear(93, 80, '亿元')
    expect(yoy.kind).toBe('pct')
    expect(yoy.kind === 'pct' && yoy.change).toBeCloseTo(0.1625, 10)
  })
  it('gives a decline as a negative growth', () => {
    const yoy = yearOnYear(15, 16, '个')
    expect(yoy.kind === 'pct' && yoy.change).toBeCloseTo(-0.0625, 10)
  })
  it('compares a rate in percentage points, not as a growth of a growth', () => {
    // 工业增加值增速 9.8% in October against 8.6% last October: 提高 1.2 个百分点
    const yoy = yearOnYear(9.8, 8.6, '%')
    expect(yoy.kind).toBe('points')
    expect(yoy.kind === 'points' && yoy.change).toBeCloseTo(1.2, 10)
  })
  it('says there is no 上年同期 rather than inventing 0 or 100%', () => {
    expect(yearOnYear(93, null, '亿元')).toEqual({ kind: 'no-last-year' })
  })
  it('gives no percentage when last year was 0', () => {
    expect(yearOnYear(3, 0, '起')).toEqual({ kind: 'last-year-zero', lastYear: 0 })
    expect(yearOnYear(3.5, 0, '%')).toEqual({ kind: 'points', lastYear: 0, change: 3.5 })
  })
})

describe('sameMonthLastYear', () => {
  const invest2023 = indicator('A02', '投资额', '100亿元以上')
  it('takes last year’s 1–N月 total of a 累计 indicator', () => {
    expect(sameMonthLastYear(invest2023, series({ 9: 70, 10: 80 }), 10, '亿元')).toBe(80)
  })
  it('converts last year’s figure into this year’s target unit', () => {
    expect(sameMonthLastYear(invest2023, series({ 10: 80 }), 10, '万元')).toBe(800000)
  })
  it('takes last year’s value of month N of a 时点 indicator', () => {
    const growth = indicator('A09', '工业增加值增速', '9%以上', { measure: '时点' })
    expect(sameMonthLastYear(growth, series({ 9: 8.1, 10: 8.6 }, false), 10, '%')).toBe(8.6)
  })
  it('has nothing when last year did not report that month', () => {
    expect(sameMonthLastYear(invest2023, series({ 9: 70 }), 10, '亿元')).toBeNull()
  })
  it('draws last year’s months as a comparison line', () => {
    expect(lastYearCurve(invest2023, series({ 1: 5, 2: 11 }), '亿元').slice(0, 3)).toEqual([5, 11, null])
  })
})

describe('matchIndicators', () => {
  const current = [
    indicator('D01', '新签约亿元以上项目', '20个以上'),
    indicator('D02', '投资额', '120亿元以上'),
    indicator('D09', '工业增加值增速', '10%以上'),
    indicator('D16', '新设指标', '5个以上'),
    indicator('P1-01', '组织培训、会议次数（次）', '≥50次', { scope: 'P24' }),
  ]
  const lastYear = [
    indicator('D01', '新签约亿元以上项目', '18个以上'),
    indicator('ZS-02', '投资额', '100亿元以上'),
    indicator('JJ-09', '工业增加值增速 ', '9%以上'),
    indicator('P1-01', '组织培训、会议次数(次)', '≥40次', { scope: 'P23' }),
  ]
  const currentProjects = [{ code: 'P24', name: '2024年装备园区专项经费' }]
  const lastYearProjects = [{ code: 'P23', name: '2023年装备园区专项经费' }]
  const links = matchIndicators({ current, lastYear, currentProjects, lastYearProjects })

  it('matches the same 指标编码', () => {
    expect(links.get('D01')).toEqual({ id: 'D01', lastYearId: 'D01', how: 'code' })
  })
  it('matches a renamed code by its 所属 and name, folding spaces and full-width brackets', () => {
    expect(links.get('D02')).toEqual({ id: 'D02', lastYearId: 'ZS-02', how: 'name' })
    expect(links.get('D09')?.lastYearId).toBe('JJ-09')
  })
  it('leaves a new indicator unmatched', () => {
    expect(links.has('D16')).toBe(false)
  })
  it('matches a project indicator by code within the project of the same name, whatever its year', () => {
    expect(links.get('P1-01')).toEqual({ id: 'P1-01', lastYearId: 'P1-01', how: 'code' })
  })
  it('lets a person link, relink or unlink', () => {
    const manual = matchIndicators({
      current, lastYear, currentProjects, lastYearProjects,
      manual: [{ id: 'D16', lastYearId: 'ZS-02' }, { id: 'D01', lastYearId: null }],
    })
    expect(manual.get('D16')).toEqual({ id: 'D16', lastYearId: 'ZS-02', how: 'manual' })
    expect(manual.has('D01')).toBe(false)
    expect(manual.has('D02')).toBe(false)
  })
})

describe('linksForChoices', () => {
  const current = [
    indicator('D01', '新签约亿元以上项目', '20个以上'),
    indicator('D02', '投资额', '120亿元以上'),
    indicator('D16', '新设指标', '5个以上'),
  ]
  const lastYear = [indicator('D01', '新签约亿元以上项目', '18个以上'), indicator('ZS-02', '投资额', '100亿元以上')]
  const input = { current, lastYear, currentProjects: [], lastYearProjects: [] }
  const choose = (pairs: Record<string, string | null>) => new Map(Object.entries(pairs))
  const resulting = (manual: ReturnType<typeof linksForChoices>) =>
    Object.fromEntries(current.map((i) => [i.id, matchIndicators({ ...input, manual }).get(i.id)?.lastYearId ?? null]))

  it('needs no link where every choice is the automatic match', () => {
    expect(linksForChoices(input, choose({ D01: 'D01', D02: 'ZS-02', D16: null }))).toEqual([])
  })
  it('removes an automatic match with an empty link', () => {
    expect(linksForChoices(input, choose({ D01: null, D02: 'ZS-02', D16: null }))).toEqual([{ id: 'D01', lastYearId: null }])
  })
  it('moves last year’s 投资额 to a new indicator with one link: the old match falls away by itself', () => {
    const links = linksForChoices(input, choose({ D01: 'D01', D02: null, D16: 'ZS-02' }))
    expect(links).toEqual([{ id: 'D16', lastYearId: 'ZS-02' }])
    expect(resulting(links)).toEqual({ D01: 'D01', D02: null, D16: 'ZS-02' })
  })
  it('swaps two matches with two links', () => {
    const links = linksForChoices(input, choose({ D01: 'ZS-02', D02: 'D01', D16: null }))
    expect(resulting(links)).toEqual({ D01: 'ZS-02', D02: 'D01', D16: null })
    expect(links).toHaveLength(2)
  })
})

describe('matchProjects', () => {
  it('matches by code, else by the name without its year', () => {
    const m = matchProjects(
      [{ code: 'A', name: '2024年园区专项' }, { code: 'B24', name: '2024年招商引资' }, { code: 'C', name: '新项目' }],
      [{ code: 'A', name: '2023年园区专项' }, { code: 'B23', name: '2023年招商引资' }],
    )
    expect([...m]).toEqual([['A', 'A'], ['B24', 'B23']])
  })
  it('folds full-width characters and spaces', () => {
    expect(matchText('2024年 装备园区（园区专项）')).toBe(matchText('2023年装备园区(园区专项)'))
  })
})

describe('executionLastYear', () => {
  const project = (code: string, name: string, budget: number, adjustedBudget: number | null = null) => ({
    code, name, department: null, unitName: null, budget, adjustedBudget, fiscal: null, other: null, purpose: null, goal: null,
  })
  const monthly = (perMonth: number, months: number) => Array.from({ length: 12 }, (_, i) => ({ month: i + 1, cumulative: perMonth * Math.min(i + 1, months) }))
  const last = {
    projects: [project('A23', '2023年园区专项', 300), project('B23', '2023年招商引资', 250, 200)],
    spendingSeries: new Map([['A23', monthly(30, 8)], ['B23', monthly(10, 8)]]),
    latestMonth: 8,
  }
  const current = [{ code: 'A24', name: '2024年园区专项' }, { code: 'N24', name: '2024年新项目' }]

  it('gives a matched project last year’s rate at the same month: 180 of 300 万元 by June is 60%', () => {
    expect(executionLastYear(current, last, 6).byProject.get('A24')).toBeCloseTo(0.6, 12)
  })
  it('gives a project new this year no rate, not 0', () => {
    expect(executionLastYear(current, last, 6).byProject.has('N24')).toBe(false)
  })
  it('adds the department up over last year’s projects, on the adjusted budget: (180 + 60) ÷ (300 + 200) = 48%', () => {
    expect(executionLastYear(current, last, 6).department).toBeCloseTo(0.48, 12)
  })
  it('has no figure for a month after last year’s data', () => {
    const curves = executionLastYearCurves(current, last)
    expect(curves.byProject.get('A24')?.[7]).toBeCloseTo(0.8, 12)
    expect(curves.byProject.get('A24')?.[8]).toBeNull()
    expect(executionLastYear(current, last, 9)).toEqual({ byProject: new Map(), department: null })
  })
  it('has nothing without last year', () => {
    expect(executionLastYearCurves(current, null)).toEqual({ byProject: new Map(), department: null })
  })
})
