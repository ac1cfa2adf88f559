import { describe, expect, it } from 'vitest'
import { isHeadlineGoal, laggingItems, LAGGING_PER_PAGE, screenPages } from '../../../src/components/screen/screenPages'
import { toIndicator } from '../../../src/domain/indicator'
import { indicatorProgress, spendingProgress, type SeriesPoint } from '../../../src/domain/monitor'
import { DEFAULT_MONITOR_SETTINGS } from '../../../src/domain/settings'
import type { IndicatorRow } from '../../../src/domain/types'

const asOf = { year: 2024, month: 6 }

function goal(id: string, name: string, targetText: string, group: string | null, scope = '部门'): IndicatorRow {
  return { id, scope, group, level1: null, level2: null, name, targetText, unit: null, direction: null, measure: null, weight: null, basis: null }
}

function ytdSeries(values: number[], note: string | null = null): SeriesPoint[] {
  return values.map((ytd, i) => ({
    month: i + 1, ytd, latestValue: ytd, valueMonth: i + 1, status: null, statusMonth: null, dataMonth: i + 1,
    monthValue: ytd, monthBasis: '累计', note: i === values.length - 1 ? note : null,
  }))
}

const signed = indicatorProgress(toIndicator(goal('D01', '新签约亿元以上项目', '20个以上', '招商引资')), ytdSeries([1, 2, 4, 5, 6, 10]), asOf, DEFAULT_MONITOR_SETTINGS)
const invest = indicatorProgress(toIndicator(goal('D02', '投资额', '120亿元以上', '招商引资')), ytdSeries([5, 10, 15, 20, 25, 30], '重点项目开工推迟'), asOf, DEFAULT_MONITOR_SETTINGS)
const growth = indicatorProgress(
  toIndicator({ ...goal('D09', '工业增加值增速', '10%以上', '经济运行'), measure: '时点' }),
  ytdSeries([9, 9.5, 9.6, 9.7, 9.8, 9.8]),
  asOf,
  DEFAULT_MONITOR_SETTINGS,
)
const accidents = indicatorProgress(toIndicator(goal('D14', '重特大安全事故', '不发生', '社会稳定')), ytdSeries([0, 0, 0, 0, 0, 0]), asOf, DEFAULT_MONITOR_SETTINGS)
const projectGoal = indicatorProgress(toIndicator(goal('P1-01', '组织培训、会议次数（次）', '≥50次', null, 'P1')), ytdSeries([5, 10, 15, 20, 25, 30]), asOf, DEFAULT_MONITOR_SETTINGS)

describe('isHeadlineGoal', () => {
  it('takes department-wide ≥ goals with a number, in any unit', () => {
    expect([signed, invest, growth].every((p) => isHeadlineGoal(p))).toBe(true)
  })
  it('leaves out ≤ 0 goals and project indicators', () => {
    expect(isHeadlineGoal(accidents)).toBe(false)
    expect(isHeadlineGoal(projectGoal)).toBe(false)
  })
})

describe('laggingItems', () => {
  const behindProject = spendingProgress({ code: 'P1', name: '园区专项', budget: 100, adjustedBudget: null }, undefined, [{ month: 6, spent: 5, cumulative: 10, hasData: true }], asOf, DEFAULT_MONITOR_SETTINGS)

  it('lists red before yellow and the furthest behind first', () => {
    // 投资额 30/120 = 25% against 50% → red; 新签约 10/20 = 50% → green; 执行 10% against 50% → red
    const items = laggingItems([signed, invest, growth, accidents], [behindProject])
    expect(items.map((i) => `${i.id}:${i.light}`)).toEqual(['P1:red', 'D02:red', 'D09:yellow'])
  })
  it('keeps the reason the analysts wrote with the indicator', () => {
    const [item] = laggingItems([invest], [])
    expect(item?.kind === 'indicator' && item.progress.notes[0]?.text).toBe('重点项目开工推迟')
  })
})

describe('screenPages', () => {
  it('shows the overview, each 分项 with headline goals, spending, then the lagging items', () => {
    const pages = screenPages({ groupsWithHeadlineGoals: ['招商引资', '经济运行'], hasProjects: true, lagging: [] })
    expect(pages.map((p) => (p.kind === 'group' ? p.group : p.kind))).toEqual(['overview', '招商引资', '经济运行', 'spending', 'lagging'])
  })
  it('splits a long lagging list over pages of readable size', () => {
    const lagging = laggingItems(Array.from({ length: LAGGING_PER_PAGE + 1 }, () => invest), [])
    const pages = screenPages({ groupsWithHeadlineGoals: [], hasProjects: false, lagging })
    expect(pages.map((p) => (p.kind === 'lagging' ? `${p.part}/${p.parts}:${p.items.length}` : p.kind))).toEqual([
      'overview',
      `1/2:${LAGGING_PER_PAGE}`,
      '2/2:1',
    ])
  })
})
