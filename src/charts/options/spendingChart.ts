import type { SpendingProgress } from '@/domain/monitor'
import type { ChartOption } from '../echarts'
import { LIGHT_COLORS } from '../lightColors'
import { SERIES_COLORS } from '../seriesColors'
import { categoryChartHeight } from './categoryHeight'

export interface SpendingChartText {
  title: string
  rate: string
  plan: string
  timeShare: string
}

/** Tall enough for every project's name, wrapped to at most two lines, on its own row. */
export function spendingChartHeight(items: readonly SpendingProgress[]): number {
  return categoryChartHeight(items.length, 34)
}

/**
 * 预算执行率 per project (bars in the light's colour) beside its own plan share and 序时进度 (markers). The bars take
 * each project's light, so the legend names only the markers: a swatch for the bars would show a light they may not be.
 */
export function spendingChartOption(items: readonly SpendingProgress[], text: SpendingChartText): ChartOption {
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100)
  const rows = [...items].reverse()
  const max = Math.max(100, ...rows.map((p) => Math.ceil((pct(p.rate) ?? 0) / 10) * 10))
  return {
    // drawn at their values in the first frame: bars growing from zero showed no figure at first, and kept redrawing
    animation: false,
    title: { text: text.title, left: 0, textStyle: { fontSize: 15 } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${Number(v).toFixed(2)}%`),
    },
    legend: { top: 0, right: 0, data: [text.plan, text.timeShare] },
    // margins fixed by the names' width (at most 190 px, wrapped), as the completion chart's
    grid: { left: 198, right: 72, top: 44, bottom: 28, outerBoundsMode: 'none' },
    yAxis: {
      type: 'category',
      data: rows.map((p) => p.name),
      axisLabel: { width: 190, overflow: 'break', lineHeight: 15, interval: 0 },
    },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, max },
    series: [
      {
        name: text.rate,
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((p) => ({ value: pct(p.rate), itemStyle: { color: LIGHT_COLORS[p.light] } })),
      },
      // each rate written past the axis's end, in a column of its own: beside its bar the plan and 序时 markers cover it
      {
        name: 'rate-label',
        type: 'bar',
        barMaxWidth: 22,
        barGap: '-100%',
        silent: true,
        tooltip: { show: false },
        itemStyle: { color: 'transparent' },
        data: rows.map(() => max),
        label: {
          show: true,
          position: 'right',
          fontWeight: 'bold',
          color: SERIES_COLORS.target,
          formatter: (p: { dataIndex: number }) => {
            const rate = pct(rows[p.dataIndex]?.rate ?? null)
            return rate === null ? '—' : `${rate.toFixed(2)}%`
          },
        },
      },
      {
        name: text.plan,
        type: 'line',
        symbol: 'diamond',
        symbolSize: 14,
        showAllSymbol: true,
        animation: false,
        lineStyle: { opacity: 0 },
        itemStyle: { color: SERIES_COLORS.plan },
        data: rows.map((p) => pct(p.planShare)),
      },
      {
        name: text.timeShare,
        type: 'line',
        symbol: 'rect',
        symbolSize: [3, 26],
        showAllSymbol: true,
        animation: false,
        lineStyle: { opacity: 0 },
        itemStyle: { color: SERIES_COLORS.timeShare },
        data: rows.map((p) => pct(p.timeShare)),
      },
    ],
  }
}
