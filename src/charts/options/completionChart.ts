import type { IndicatorProgress } from '@/domain/monitor'
import type { ChartOption } from '../echarts'
import { LIGHT_COLORS } from '../lightColors'
import { SERIES_COLORS } from '../seriesColors'
import { categoryChartHeight } from './categoryHeight'

export interface CompletionChartText {
  title: string
  completion: string
  /** the 序时 line's name with its value: 序时进度 83.33% */
  timeShare: string
  /** an item's name when its figure is from an earlier month: 投资额（9月） */
  staleName: (name: string, month: number) => string
}

/** The goals the completion chart draws: quantitative `≥` goals with a 完成率. */
function chartedGoals(items: readonly IndicatorProgress[]): IndicatorProgress[] {
  return items.filter((p) => p.completion !== null && p.indicator.target.direction === '≥')
}

/** Tall enough for every goal's name (truncated to one line) on its own row. */
export function completionChartHeight(items: readonly IndicatorProgress[]): number {
  return categoryChartHeight(chartedGoals(items).length, 22)
}

/**
 * 完成率 of each quantitative `≥` goal as horizontal bars in its light's colour, with 序时进度 at 数据截至 as a vertical
 * line named in the legend (a label on the line would sit on the top bar's label early in the year). A goal whose
 * figure is from an earlier month says which, since it is measured against that month's 序时. Rates are compared as
 * percentages, so goals in different units share one axis without converting units.
 */
export function completionChartOption(items: readonly IndicatorProgress[], timeShare: number, text: CompletionChartText): ChartOption {
  const rows = chartedGoals(items).reverse()
  const pct = (x: number) => Math.round(x * 10000) / 100
  const name = (p: IndicatorProgress) =>
    p.dataMonth !== null && p.dataMonth < p.asOf.month ? text.staleName(p.indicator.name, p.dataMonth) : p.indicator.name
  const line = { color: SERIES_COLORS.timeShare, type: 'dashed' as const }
  return {
    // drawn at their values in the first frame: bars growing from zero showed no figure at first, and kept redrawing
    animation: false,
    title: { text: text.title, left: 0, textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${Number(v).toFixed(2)}%` },
    legend: { top: 0, right: 0, data: [text.timeShare] },
    // margins fixed by the names' width (at most 150 px, truncated): fitted to the labels measured, the grid took a
    // sixth of the chart's first draw
    grid: { left: 158, right: 48, top: 40, bottom: 28, outerBoundsMode: 'none' },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, max: (v: { max: number }) => Math.max(120, Math.ceil(v.max / 10) * 10) },
    yAxis: { type: 'category', data: rows.map(name), axisLabel: { width: 150, overflow: 'truncate', interval: 0 } },
    series: [
      {
        name: text.completion,
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((p) => ({ value: pct(p.completion ?? 0), itemStyle: { color: LIGHT_COLORS[p.light] } })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => `${p.value.toFixed(2)}%` },
        markLine: { symbol: 'none', silent: true, lineStyle: line, label: { show: false }, data: [{ xAxis: pct(timeShare) }] },
      },
      // names the 序时 line in the legend; draws nothing itself
      { name: text.timeShare, type: 'line', data: [], symbol: 'none', lineStyle: line, itemStyle: { color: SERIES_COLORS.timeShare } },
    ],
  }
}
