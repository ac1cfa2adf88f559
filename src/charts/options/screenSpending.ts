import type { SpendingProgress } from '@/domain/monitor'
import type { ChartOption } from '../echarts'
import { LIGHT_COLORS } from '../lightColors'
import { SCREEN_COLORS } from '../screenTheme'

export interface ScreenSpendingText {
  title: string
  rate: string
  plan: string
  timeShare: string
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100)

/** 预算执行率 per project (in its light's colour) beside its own 计划进度, with 序时进度 as a vertical line. */
export function screenSpendingOption(items: readonly SpendingProgress[], text: ScreenSpendingText): ChartOption {
  const rows = [...items].reverse()
  const timeShare = items[0]?.timeShare ?? 0
  const valueLabel = { show: true, position: 'right', fontSize: 22, color: SCREEN_COLORS.text, formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value.toFixed(2)}%`) }
  return {
    title: { text: text.title, left: 0, top: 0 },
    legend: { top: 4, right: 0, itemWidth: 28, itemHeight: 18, itemGap: 28, data: [text.rate, text.plan] },
    grid: { left: 8, right: 120, top: 72, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    yAxis: { type: 'category', data: rows.map((p) => p.name), axisLabel: { width: 430, overflow: 'break', lineHeight: 28 } },
    xAxis: {
      type: 'value',
      axisLabel: { formatter: '{value}%' },
      max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10),
    },
    animation: false,
    series: [
      {
        name: text.rate,
        type: 'bar',
        barMaxWidth: 40,
        itemStyle: { color: LIGHT_COLORS.green },
        data: rows.map((p) => ({ value: pct(p.rate), itemStyle: { color: LIGHT_COLORS[p.light] } })),
        label: valueLabel,
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: SCREEN_COLORS.timeShare, type: 'dashed', width: 3 },
          label: { formatter: `${text.timeShare} ${(pct(timeShare) ?? 0).toFixed(2)}%`, position: 'end', fontSize: 22, color: SCREEN_COLORS.text },
          data: [{ xAxis: pct(timeShare) }],
        },
      },
      {
        name: text.plan,
        type: 'bar',
        barMaxWidth: 40,
        itemStyle: { color: SCREEN_COLORS.plan },
        data: rows.map((p) => pct(p.planShare)),
        label: valueLabel,
      },
    ],
  }
}
