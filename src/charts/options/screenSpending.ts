import type { SpendingProgress } from '@/domain/monitor'
import type { ChartOption } from '../echarts'
import { LIGHT_COLORS } from '../lightColors'
import { SCREEN_COLORS } from '../screenTheme'

export interface ScreenSpendingText {
  timeShare: string
  /** the plan marker's label, e.g. `计划 60.00%` */
  plan: (share: string) => string
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100)

/**
 * 预算执行率 per project as a bar in its light's colour (the light is the meaning of the colour, and the page's legend
 * says so), its own 计划进度 as a white tick across the bar, and 序时进度 as one dashed line over all.
 */
export function screenSpendingOption(items: readonly SpendingProgress[], text: ScreenSpendingText): ChartOption {
  const rows = [...items].reverse()
  const timeShare = items[0]?.timeShare ?? 0
  return {
    // room on the right for half a label centred on 100% (a plan or 序时进度 at year end)
    grid: { left: 8, right: 90, top: 48, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    yAxis: {
      type: 'category',
      data: rows.map((p) => p.name),
      axisLabel: { width: 400, overflow: 'break', lineHeight: 28, fontSize: 22 },
    },
    xAxis: {
      type: 'value',
      axisLabel: { formatter: '{value}%' },
      max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10),
    },
    animation: false,
    series: [
      {
        type: 'bar',
        barWidth: 44,
        // the rate inside its bar where the bar is long enough to hold it, else after it
        data: rows.map((p) => {
          const inside = (p.rate ?? 0) >= 0.2
          return {
            value: pct(p.rate),
            itemStyle: { color: LIGHT_COLORS[p.light] },
            label: { position: inside ? 'insideRight' : 'right', color: inside ? '#07101e' : SCREEN_COLORS.text },
          }
        }),
        label: {
          show: true,
          fontSize: 24,
          fontWeight: 700,
          formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value.toFixed(2)}%`),
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: SCREEN_COLORS.reference, type: 'dashed', width: 3 },
          label: { formatter: `${text.timeShare} ${(pct(timeShare) ?? 0).toFixed(2)}%`, position: 'end', fontSize: 22, color: SCREEN_COLORS.text },
          data: [{ xAxis: pct(timeShare) }],
        },
        emphasis: { disabled: true },
      },
      {
        // the plan: a tick across the bar, labelled below it on the panel's colour (the 序时 line may run through it)
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [6, 64],
        itemStyle: { color: SCREEN_COLORS.text },
        data: rows.flatMap((p, i) => (p.planShare === null ? [] : [[pct(p.planShare), i]])),
        label: {
          show: true,
          position: 'bottom',
          distance: 6,
          fontSize: 20,
          color: SCREEN_COLORS.text,
          backgroundColor: SCREEN_COLORS.panel,
          padding: [2, 4],
          formatter: (p: { value: [number, number] }) => text.plan(`${p.value[0].toFixed(2)}%`),
        },
        z: 3,
        emphasis: { disabled: true },
      },
    ],
  }
}
