import { describe, expect, it } from 'vitest'
import { toIndicator } from '@/domain/indicator'
import { buildAssessmentForm } from '@/domain/selfAssessment'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS } from '@/domain/settings'
import type { IndicatorRow, Project } from '@/domain/types'
import { assessmentSheet } from '@/export/forms'
import { cellText } from '@/export/sheet'
import { roundAsShown } from '@/export/xlsx'

const project: Project = {
  code: 'P1', name: '2024年装备园区专项经费', department: '管委会', unitName: '管委会本级', budget: 500, adjustedBudget: null,
  fiscal: 500, other: null, purpose: null, goal: '完成年度任务',
}
const row = (over: Partial<IndicatorRow>): IndicatorRow => ({
  id: 'A', scope: 'P1', group: null, level1: '产出指标', level2: '数量指标', name: '培训次数', targetText: '≥50次', unit: null,
  direction: null, measure: null, weight: null, basis: null, ...over,
})
// 265.2 万元 of 500 spent by October, as DuckDB's sum of the seed's months gives it
const spent = 265.20000000000005
const form = buildAssessmentForm({
  project,
  indicators: [row({ id: 'A', targetText: '100100%', name: '会议效果良好率', level2: '质量指标' }), row({ id: 'B', name: '经济发展', targetText: '完成基础设施配套', direction: '定性', level1: '效益指标', level2: '经济效益指标' })].map(toIndicator),
  series: new Map([
    ['A', [{ month: 10, ytd: null, latestValue: 100, valueMonth: 10, status: null, statusMonth: null, dataMonth: 10, monthValue: 100, monthBasis: null, note: null }]],
    ['B', [{ month: 10, ytd: null, latestValue: null, valueMonth: null, status: '部分达成', statusMonth: 10, dataMonth: 10, monthValue: null, monthBasis: null, note: '道路配套工程尚未全部完工' }]],
  ]),
  spending: [{ month: 10, spent: 33.4, cumulative: spent, hasData: true }],
  asOf: { year: 2024, month: 10 },
  scoring: DEFAULT_SCORING_SETTINGS,
  monitor: DEFAULT_MONITOR_SETTINGS,
  judgements: new Map([['B', { band: '部分达成', score: 20, reason: '配套道路延期' }]]),
})
const sheet = assessmentSheet(form)
const text = sheet.rows.map((r) => r.map(cellText))
const rowOf = (name: string) => text.find((r) => r.includes(name)) ?? []

describe('the 自评表 as exported', () => {
  it('titles a partial year without brackets inside brackets', () => {
    expect(text[1]?.[0]).toBe('（2024年度，截至10月）')
  })
  it('writes what was done as a qualitative row’s 实际完成值 and the band with the reasons', () => {
    expect(rowOf('经济发展')[5]).toBe('部分达成：道路配套工程尚未全部完工')
    expect(rowOf('经济发展')[8]).toBe('评价档次：部分达成并具有一定效果。配套道路延期')
  })
  it('carries only the form: none of the page’s notes or warnings', () => {
    const all = text.flat().join('|')
    expect(all).not.toMatch(/注：|尚缺|无法识别|待评价指标/)
    expect(text.at(-1)?.[0]).toBe('总分')
  })
  it('stores numbers rounded as shown: 265.2 万元 and 53.04%', () => {
    expect(roundAsShown(spent, 'amount')).toBe(265.2)
    expect(roundAsShown(0.5304000000000001, 'percent')).toBe(0.5304)
    expect(roundAsShown(16.666666, 'score')).toBe(16.67)
  })
})
