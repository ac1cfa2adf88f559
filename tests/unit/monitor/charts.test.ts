import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { describe, expect, it } from 'vitest'
import '../../../src/charts/echarts'
import type { ChartOption } from '../../../src/charts/echarts'
import { LIGHT_COLORS } from '../../../src/charts/lightColors'
import { completionChartHeight, completionChartOption } from '../../../src/charts/options/completionChart'
import { spendingChartHeight, spendingChartOption } from '../../../src/charts/options/spendingChart'
import { spendingCurveChartOption } from '../../../src/charts/options/spendingCurveChart'
import { isLightColor, SERIES_COLORS } from '../../../src/charts/seriesColors'
import { trendChartOption } from '../../../src/charts/options/trendChart'
import { toIndicator } from '../../../src/domain/indicator'
import { indicatorProgress, indicatorTrend, spendingProgress, type SeriesPoint } from '../../../src/domain/monitor'
import { DEFAULT_MONITOR_SETTINGS } from '../../../src/domain/settings'

use([SVGRenderer])

const text = { title: '投资额', actual: '累计完成', target: '目标值', expected: '序时进度线', forecast: '按当前进度预计', lastYear: '上年同期', unit: '亿元', monthLabel: (m: number) => `${m}月` }

function render(option: ChartOption, height = 400): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 800, height })
  chart.setOption(option)
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

describe('trendChartOption', () => {
  const ind = toIndicator({ id: 'D02', scope: '部门', group: null, level1: null, level2: null, name: '投资额', targetText: '120亿元以上', unit: null, direction: null, measure: null, weight: null, basis: null })
  const series: SeriesPoint[] = [6.5, 12.8, 22, 30.5, 41.2, 52.6, 61].map((ytd, i) => ({
    month: i + 1, ytd, latestValue: ytd, valueMonth: i + 1, status: null, statusMonth: null, dataMonth: i + 1, monthValue: ytd, monthBasis: '累计', note: null,
  }))
  const option = trendChartOption(indicatorTrend(ind, series, { year: 2024, month: 7 }, DEFAULT_MONITOR_SETTINGS), 120, text) as {
    series: { name: string; data: (number | null)[]; markLine?: { data: { yAxis: number }[] } }[]
  }
  it('draws actuals, the 序时 line, the forecast and names the target line', () => {
    expect(option.series.map((s) => s.name)).toEqual(['累计完成', '序时进度线', '按当前进度预计', '目标值'])
    expect(option.series[0]?.markLine?.data).toEqual([{ yAxis: 120 }])
    expect(option.series[0]?.data[6]).toBe(61)
    expect(option.series[2]?.data[11]).toBeCloseTo((61 / 7) * 12, 3)
  })
  it('renders without a DOM and labels the target with its unit', () => {
    expect(render(option as ChartOption)).toContain('目标值 120 亿元')
  })
})

describe('spendingCurveChartOption', () => {
  it('draws the execution, plan and 序时 curves in percent', () => {
    const p = spendingProgress(
      { code: 'A', name: '项目A', budget: 100, adjustedBudget: null },
      [{ month: 6, share: 30 }, { month: 10, share: 30 }, { month: 12, share: 40 }],
      [{ month: 1, spent: 10, cumulative: 10, hasData: true }],
      { year: 2024, month: 1 },
      DEFAULT_MONITOR_SETTINGS,
    )
    const option = spendingCurveChartOption(p, { title: '项目A', actual: '累计执行率', plan: '资金支出计划', timeShare: '序时进度', lastYear: '上年同期', monthLabel: (m) => `${m}月` }) as {
      series: { name: string; data: (number | null)[] }[]
    }
    expect(option.series.map((s) => s.name)).toEqual(['累计执行率', '资金支出计划', '序时进度'])
    expect(option.series[0]?.data.slice(0, 2)).toEqual([10, null])
    expect(option.series[1]?.data[7]).toBe(45)
    expect(option.series[2]?.data[5]).toBe(50)
    expect(render(option as ChartOption)).toContain('资金支出计划')
  })
})

describe('one colour language', () => {
  const colours = (option: unknown): string[] => JSON.stringify(option).match(/#[0-9a-f]{6}/gi) ?? []
  const ind = toIndicator({ id: 'D02', scope: '部门', group: null, level1: null, level2: null, name: '投资额', targetText: '120亿元以上', unit: null, direction: null, measure: null, weight: null, basis: null })
  const series: SeriesPoint[] = [6.5, 12.8].map((ytd, i) => ({
    month: i + 1, ytd, latestValue: ytd, valueMonth: i + 1, status: null, statusMonth: null, dataMonth: i + 1, monthValue: ytd, monthBasis: '累计', note: null,
  }))
  const progress = spendingProgress({ code: 'A', name: '项目A', budget: 100, adjustedBudget: null }, [{ month: 12, share: 100 }], [{ month: 1, spent: 10, cumulative: 10, hasData: true }], { year: 2024, month: 1 }, DEFAULT_MONITOR_SETTINGS)

  it('keeps the series of the trend and spending charts off every light’s colour', () => {
    const trend = trendChartOption(indicatorTrend(ind, series, { year: 2024, month: 2 }, DEFAULT_MONITOR_SETTINGS), 120, text, [5, 10])
    const curve = spendingCurveChartOption(progress, { title: 'A', actual: 'a', plan: 'p', timeShare: 't', lastYear: 'l', monthLabel: String }, [0.05])
    for (const c of [...colours(trend), ...colours(curve)]) expect(isLightColor(c), c).toBe(false)
    expect(Object.values(SERIES_COLORS).filter(isLightColor)).toEqual([])
  })
  it('draws the execution bars in their lights and leaves them out of the legend, which would give them one colour', () => {
    const option = spendingChartOption([progress], { title: 't', rate: '预算执行率', plan: '计划进度', timeShare: '序时进度' }) as {
      legend: { data: string[] }
      series: { data: { itemStyle?: { color: string } }[] }[]
    }
    expect(option.legend.data).toEqual(['计划进度', '序时进度'])
    expect(option.series[0]?.data[0]?.itemStyle?.color).toBe(LIGHT_COLORS[progress.light])
  })
  it('names the 序时 line in the legend instead of labelling it over the top bar', () => {
    const goal = indicatorProgress(ind, series, { year: 2024, month: 1 }, DEFAULT_MONITOR_SETTINGS)
    const option = completionChartOption([goal], 1 / 12, { title: 't', completion: '完成率', timeShare: '序时进度 8.33%', staleName: (n, m) => `${n}（${m}月）` }) as {
      legend: { data: string[] }
      series: { markLine?: { label: { show: boolean } } }[]
    }
    expect(option.legend.data).toEqual(['序时进度 8.33%'])
    expect(option.series[0]?.markLine?.label.show).toBe(false)
  })
})

describe('every name written', () => {
  const goals = Array.from({ length: 30 }, (_, i) => {
    const ind = toIndicator({ id: `G${i}`, scope: '部门', group: null, level1: null, level2: null, name: `第${i + 1}项目标`, targetText: '≥100', unit: null, direction: null, measure: null, weight: null, basis: null })
    const series: SeriesPoint[] = [{ month: 1, ytd: 10 + i, latestValue: 10 + i, valueMonth: 1, status: null, statusMonth: null, dataMonth: 1, monthValue: 10 + i, monthBasis: '累计', note: null }]
    return indicatorProgress(ind, series, { year: 2024, month: 1 }, DEFAULT_MONITOR_SETTINGS)
  })
  const chartText = { title: 't', completion: '完成率', timeShare: '序时进度 8.33%', staleName: (n: string) => n }

  it('keeps the default height for the few goals of a department', () => {
    expect(completionChartHeight(goals.slice(0, 8))).toBe(380)
  })
  it('grows the completion chart with its goals rather than leaving every other name out', () => {
    const height = completionChartHeight(goals)
    expect(height).toBeGreaterThan(380)
    const svg = render(completionChartOption(goals, 1 / 12, chartText), height)
    for (let i = 1; i <= 30; i++) expect(svg).toContain(`>第${i}项目标<`)
  })
  it('grows the spending chart with its projects', () => {
    const projects = Array.from({ length: 20 }, (_, i) =>
      spendingProgress({ code: `P${i}`, name: `项目${i}`, budget: 100, adjustedBudget: null }, [{ month: 12, share: 100 }], [{ month: 1, spent: i, cumulative: i, hasData: true }], { year: 2024, month: 1 }, DEFAULT_MONITOR_SETTINGS),
    )
    const height = spendingChartHeight(projects)
    const svg = render(spendingChartOption(projects, { title: 't', rate: '预算执行率', plan: '计划进度', timeShare: '序时进度' }), height)
    for (let i = 0; i < 20; i++) expect(svg).toContain(`>项目${i}<`)
  })
})
