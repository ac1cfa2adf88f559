import type { IndicatorProgress } from '@/domain/monitor'
import type { ChartOption } from '../echarts'
import { LIGHT_COLORS } from '../lightColors'

export interface CompletionChartText {
  title: string
  completion: string
  timeShare: string
}

/**
 * 完成率 of each quantitative `≥` goal as horizontal bars in its light's colour, with 序时进度 as a vertical line.
 * Rates are compared as percentages, so goals in different units share one axis without converting units.
 */
export function completionChartOption(items: readonly IndicatorProgress[], text: CompletionChartText): ChartOption {
  const rows = items.filter((p) => p.completion !== null && p.indicator.target.direction === '≥').reverse()
  const timeShare = rows[0]?.timeShare ?? 0
  const pct = (x: number) => Math.round(x * 10000) / 100
  return {
    title: { text: text.title, left: 0, textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${Number(v).toFixed(2)}%` },
    grid: { left: 8, right: 48, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, max: (v: { max: number }) => Math.max(120, Math.ceil(v.max / 10) * 10) },
    yAxis: { type: 'category', data: rows.map((p) => p.indicator.name), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [
      {
        name: text.completion,
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((p) => ({ value: pct(p.completion ?? 0), itemStyle: { color: LIGHT_COLORS[p.light] } })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => `${p.value.toFixed(2)}%` },
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#555', type: 'dashed' },
          label: { formatter: `${text.timeShare} ${pct(timeShare).toFixed(2)}%`, position: 'end' },
          data: [{ xAxis: pct(timeShare) }],
        },
      },
    ],
  }
}
