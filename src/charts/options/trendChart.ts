import type { TrendPoint } from '@/domain/monitor'
import type { ChartOption } from '../echarts'

export interface TrendChartText {
  title: string
  actual: string
  target: string
  expected: string
  forecast: string
  /** the unit of every value on the chart: the target's */
  unit: string
  monthLabel: (month: number) => string
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000)

/**
 * One indicator's year: actuals by month (cumulative for 累计, as reported for 时点) as bars, the target as a
 * horizontal line, the 序时 line (target × 序时进度) and the run-rate forecast to December as dashed lines.
 */
export function trendChartOption(points: readonly TrendPoint[], target: number | null, text: TrendChartText): ChartOption {
  const unitSuffix = text.unit === '%' ? '%' : ` ${text.unit}`
  const hasExpected = points.some((p) => p.expected !== null)
  const hasForecast = points.some((p) => p.forecast !== null)
  const format = (v: unknown) =>
    v === null || v === undefined || v === '-' ? '—' : `${Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}${unitSuffix}`
  return {
    title: { text: text.title, left: 0, textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis', valueFormatter: format },
    legend: { top: 0, right: 0 },
    grid: { left: 8, right: 24, top: 48, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
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
        itemStyle: { color: '#2f6fd6' },
        data: points.map((p) => round(p.actual)),
        markLine:
          target === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: '#d9363e', type: 'solid', width: 2 },
                label: { formatter: `${text.target} ${format(target)}`, position: 'insideEndTop' },
                data: [{ yAxis: target }],
              },
      },
      ...(hasExpected
        ? [{ name: text.expected, type: 'line', symbol: 'none', lineStyle: { color: '#555', type: 'dashed' }, itemStyle: { color: '#555' }, data: points.map((p) => round(p.expected)) }]
        : []),
      ...(hasForecast
        ? [{ name: text.forecast, type: 'line', symbol: 'circle', symbolSize: 5, lineStyle: { color: '#e8a317', type: 'dotted', width: 2 }, itemStyle: { color: '#e8a317' }, data: points.map((p) => round(p.forecast)) }]
        : []),
      // the target in the legend, so that the red line is named on the printed chart too
      ...(target === null ? [] : [{ name: text.target, type: 'line', data: [], itemStyle: { color: '#d9363e' } }]),
    ],
  }
}
