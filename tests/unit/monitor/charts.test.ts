import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { describe, expect, it } from 'vitest'
import '../../../src/charts/echarts'
import type { ChartOption } from '../../../src/charts/echarts'
import { spendingCurveChartOption } from '../../../src/charts/options/spendingCurveChart'
import { trendChartOption } from '../../../src/charts/options/trendChart'
import { toIndicator } from '../../../src/domain/indicator'
import { indicatorTrend, spendingProgress, type SeriesPoint } from '../../../src/domain/monitor'
import { DEFAULT_MONITOR_SETTINGS } from '../../../src/domain/settings'

use([SVGRenderer])

const text = { title: '投资额', actual: '累计完成', target: '目标值', expected: '序时进度线', forecast: '按当前进度预计', lastYear: '上年同期', unit: '亿元', monthLabel: (m: number) => `${m}月` }

function render(option: ChartOption): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 400 })
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
