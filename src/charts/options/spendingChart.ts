import type { SpendingProgress } from '@/domain/monitor'
import type { ChartOption } from '../echarts'
import { LIGHT_COLORS } from '../lightColors'

export interface SpendingChartText {
  title: string
  rate: string
  plan: string
  timeShare: string
}

/** 预算执行率 per project (bars in the light's colour) beside its own plan share and 序时进度 (markers). */
export function spendingChartOption(items: readonly SpendingProgress[], text: SpendingChartText): ChartOption {
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100)
  const rows = [...items].reverse()
  return {
    title: { text: text.title, left: 0, textStyle: { fontSize: 15 } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${Number(v).toFixed(2)}%`),
    },
    legend: { top: 0, right: 0 },
    grid: { left: 8, right: 56, top: 44, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    yAxis: {
      type: 'category',
      data: rows.map((p) => p.name),
      axisLabel: { width: 190, overflow: 'break', lineHeight: 15 },
    },
    xAxis: {
      type: 'value',
      axisLabel: { formatter: '{value}%' },
      max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10),
    },
    series: [
      {
        name: text.rate,
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((p) => ({ value: pct(p.rate), itemStyle: { color: LIGHT_COLORS[p.light] } })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => `${p.value.toFixed(2)}%` },
      },
      {
        name: text.plan,
        type: 'line',
        symbol: 'diamond',
        symbolSize: 14,
        lineStyle: { opacity: 0 },
        itemStyle: { color: '#6b4fbb' },
        data: rows.map((p) => pct(p.planShare)),
      },
      {
        name: text.timeShare,
        type: 'line',
        symbol: 'rect',
        symbolSize: [3, 26],
        lineStyle: { opacity: 0 },
        itemStyle: { color: '#333' },
        data: rows.map((p) => pct(p.timeShare)),
      },
    ],
  }
}
