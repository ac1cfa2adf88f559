import type { TrendPoint } from '@/domain/monitor'
import type { ChartOption } from '../echarts'
import { SERIES_COLORS } from '../seriesColors'

export interface TrendChartText {
  title: string
  actual: string
  target: string
  expected: string
  forecast: string
  /** 上年同期: last year's line */
  lastYear: string
  /** the unit of every value on the chart: the target's */
  unit: string
  monthLabel: (month: number) => string
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000)

/**
 * One indicator's year: actuals by month (cumulative for 累计, as reported for 时点) as bars, the target as a
 * horizontal line, the 序时 line (target × 序时进度) and the run-rate forecast to December as dashed lines, and
 * last year's figures of each month (上年同期, in this year's unit) when there are any.
 */
export function trendChartOption(
  points: readonly TrendPoint[],
  target: number | null,
  text: TrendChartText,
  lastYear: readonly (number | null)[] = [],
): ChartOption {
  const unitSuffix = text.unit === '%' ? '%' : ` ${text.unit}`
  const hasExpected = points.some((p) => p.expected !== null)
  const hasForecast = points.some((p) => p.forecast !== null)
  const hasLastYear = lastYear.some((v) => v !== null)
  const format = (v: unknown) =>
    v === null || v === undefined || v === '-' ? '—' : `${Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}${unitSuffix}`
  const { actual, lastYear: lastYearColor, target: targetColor, timeShare } = SERIES_COLORS
  return {
    title: { text: text.title, left: 0, textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis', valueFormatter: format },
    legend: { top: 26, right: 0 },
    grid: { left: 8, right: 24, top: 64, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: points.map((p) => text.monthLabel(p.month)) },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) },
      max: target === null || target <= 0 ? undefined : (v: { max: number }) => Math.ceil(Math.max(v.max, target * 1.1)),
    },
    series: [
      {
        name: text.actual,
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: actual },
        data: points.map((p) => round(p.actual)),
        markLine:
          target === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: targetColor, type: 'solid', width: 2 },
                label: { formatter: `${text.target} ${format(target)}`, position: 'insideEndTop', color: targetColor },
                data: [{ yAxis: target }],
              },
      },
      ...(hasLastYear
        ? [{ name: text.lastYear, type: 'line', symbol: 'emptyCircle', symbolSize: 6, lineStyle: { color: lastYearColor, type: 'dashed', width: 2 }, itemStyle: { color: lastYearColor }, data: lastYear.map(round) }]
        : []),
      ...(hasExpected
        ? [{ name: text.expected, type: 'line', symbol: 'none', lineStyle: { color: timeShare, type: 'dashed' }, itemStyle: { color: timeShare }, data: points.map((p) => round(p.expected)) }]
        : []),
      ...(hasForecast
        ? [{ name: text.forecast, type: 'line', symbol: 'circle', symbolSize: 5, lineStyle: { color: actual, type: 'dotted', width: 2 }, itemStyle: { color: actual }, data: points.map((p) => round(p.forecast)) }]
        : []),
      // the target in the legend, so that its line is named on the printed chart too
      ...(target === null ? [] : [{ name: text.target, type: 'line', data: [], itemStyle: { color: targetColor }, lineStyle: { color: targetColor } }]),
    ],
  }
}
