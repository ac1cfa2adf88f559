import { describe, expect, it } from 'vitest'
import {
  goalGroups,
  isHeadlineGoal,
  laggingItems,
  LAGGING_PER_PAGE,
  screenPages,
  STATUS_TILES,
  type ScreenPage,
} from '../../../src/components/screen/screenPages'
import { toIndicator } from '../../../src/domain/indicator'
import { indicatorProgress, spendingProgress, type SeriesPoint } from '../../../src/domain/monitor'
import { DEFAULT_MONITOR_SETTINGS } from '../../../src/domain/settings'
import type { IndicatorRow, QualitativeStatus } from '../../../src/domain/types'

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
const judged = (status: QualitativeStatus): SeriesPoint[] =>
  Array.from({ length: 6 }, (_, i) => ({
    month: i + 1, ytd: null, latestValue: null, valueMonth: null, status, statusMonth: i + 1, dataMonth: i + 1,
    monthValue: null, monthBasis: null, note: null,
  }))
const progress = (row: IndicatorRow, series: SeriesPoint[]) => indicatorProgress(toIndicator(row), series, asOf, DEFAULT_MONITOR_SETTINGS)

const signed = progress(goal('D01', '新签约亿元以上项目', '20个以上', '招商引资'), ytdSeries([1, 2, 4, 5, 6, 10]))
const invest = progress(goal('D02', '投资额', '120亿元以上', '招商引资'), ytdSeries([5, 10, 15, 20, 25, 30], '重点项目开工推迟'))
const growth = progress({ ...goal('D09', '工业增加值增速', '10%以上', '经济运行'), measure: '时点' }, ytdSeries([9, 9.5, 9.6, 9.7, 9.8, 9.8]))
const mechanism = progress({ ...goal('D10', '长效管理机制', '建立长效管理机制', '城市建管'), direction: '定性' }, judged('部分达成'))
const cleaning = progress({ ...goal('D11', '道路清扫保洁', '继续推进道路清扫保洁工作', '城市建管'), direction: '定性' }, judged('达成'))
const accidents = progress({ ...goal('D14', '重特大安全事故', '不发生', '社会稳定'), unit: '起' }, ytdSeries([0, 0, 0, 0, 0, 0]))
const pollution = progress({ ...goal('D15', '环境污染案件', '不发生', '社会稳定'), unit: '起' }, ytdSeries([0, 0, 0, 1, 1, 1]))
const projectGoal = progress(goal('P1-01', '组织培训、会议次数（次）', '≥50次', null, 'P1'), ytdSeries([5, 10, 15, 20, 25, 30]))

const SEED_LIKE = [signed, invest, growth, mechanism, cleaning, accidents, pollution, projectGoal]

/** Each page as kind:its goals, so a plan reads at a glance. */
function plan(pages: ScreenPage[]): string[] {
  return pages.map((p) => {
    if (p.kind === 'group' || p.kind === 'yoy') return `${p.kind}:${p.goals.map((g) => g.indicator.id).join(',')}`
    if (p.kind === 'status') return `status:${p.groups.map((g) => `${g.group}=${g.goals.map((x) => x.indicator.id).join(',')}`).join('|')}`
    if (p.kind === 'lagging') return `lagging ${p.part}/${p.parts}:${p.items.length}`
    return p.kind
  })
}

describe('isHeadlineGoal', () => {
  it('takes department-wide goals with a number to chart, cumulative or point', () => {
    expect([signed, invest, growth].every((p) => isHeadlineGoal(p))).toBe(true)
  })
  it('leaves out judged goals, counts that must stay at zero and project indicators', () => {
    expect([mechanism, accidents, projectGoal].some((p) => isHeadlineGoal(p))).toBe(false)
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

describe('goalGroups', () => {
  it('groups department goals by 分项 in the order the file names them, leaving project indicators out', () => {
    expect(goalGroups(SEED_LIKE).map((g) => `${g.group}:${g.goals.length}`)).toEqual(['招商引资:2', '经济运行:1', '城市建管:2', '社会稳定:2'])
  })
})

describe('screenPages', () => {
  it('puts every department goal of the year on a page: charted 分项 alone, judged and zero-event ones together', () => {
    const pages = screenPages({ departmentGoals: SEED_LIKE, hasLastYear: true, hasProjects: true, lagging: [] })
    expect(plan(pages)).toEqual([
      'overview',
      'group:D01,D02',
      'group:D09',
      'status:城市建管=D10,D11|社会稳定=D14,D15',
      'yoy:D01,D02,D09',
      'spending',
      'lagging 1/1:0',
    ])
  })
  it('shows no 同比 page when last year has no figures', () => {
    const pages = screenPages({ departmentGoals: SEED_LIKE, hasLastYear: false, hasProjects: false, lagging: [] })
    expect(pages.some((p) => p.kind === 'yoy')).toBe(false)
  })
  it('starts another status page rather than crowd one, keeping a 分项 whole where it fits', () => {
    const many = Array.from({ length: STATUS_TILES - 1 }, (_, i) => ({ ...mechanism, indicator: { ...mechanism.indicator, id: `M${i}` } }))
    const pages = screenPages({ departmentGoals: [...many, accidents, pollution], hasLastYear: false, hasProjects: false, lagging: [] })
    expect(plan(pages).filter((p) => p.startsWith('status'))).toEqual([
      `status:城市建管=${many.map((m) => m.indicator.id).join(',')}`,
      'status:社会稳定=D14,D15',
    ])
  })
  it('splits a long lagging list over pages of readable size', () => {
    const lagging = laggingItems(Array.from({ length: LAGGING_PER_PAGE + 1 }, () => invest), [])
    const pages = screenPages({ departmentGoals: [], hasLastYear: false, hasProjects: false, lagging })
    expect(plan(pages)).toEqual(['overview', `lagging 1/2:${LAGGING_PER_PAGE}`, 'lagging 2/2:1'])
  })
})
