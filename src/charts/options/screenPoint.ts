import type { Light } from '@/domain/types'
import type { ChartOption } from '../echarts'
import { LIGHT_COLORS } from '../lightColors'
import { SCREEN_COLORS, seriesColor } from '../screenTheme'

export interface ScreenPointText {
  month: (m: number) => string
  /** a value with its unit, e.g. `9.80%` */
  value: (v: number) => string
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

/** An axis from below `low` to above `high` in three or four round steps (1, 2, 2.5 or 5 × 10ⁿ), the target inside. */
export function niceRange(low: number, high: number): { min: number; max: number; step: number } {
  const span = Math.max(high - low, Math.abs(high) * 0.1) || 1
  const raw = span / 3
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power
  const round = (x: number) => Math.round(x / power) * power
  const min = round(Math.floor(low / step) * step)
  const max = round(Math.ceil(high / step) * step)
  return { min: min === low ? round(min - step) : min, max: max === high ? round(max + step) : max, step }
}

/**
 * A point goal (a rate, a level: 工业增加值增速 10%以上) as what it is: the value reported each month against its target
 * line, in the goal's own unit. Not a 完成率 against 序时进度: a growth rate of 9.8% in January is not 98% of the year done.
 */
export function screenPointOption(
  goal: { values: readonly (number | null)[]; target: number; light: Light },
  text: ScreenPointText,
): ChartOption {
  const known = goal.values.filter((v): v is number => v !== null)
  const { min, max, step } = niceRange(Math.min(goal.target, ...known), Math.max(goal.target, ...known))
  return {
    grid: { left: 8, right: 110, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: MONTHS.map(text.month), boundaryGap: false, axisLabel: { interval: 2 } },
    yAxis: {
      type: 'value',
      min,
      max,
      interval: step,
      axisLabel: { formatter: (v: number) => text.value(v) },
    },
    animation: false,
    series: [
      {
        type: 'line',
        data: goal.values.map((v) => v),
        symbol: 'circle',
        symbolSize: 12,
        connectNulls: true,
        lineStyle: { width: 4, color: seriesColor(0) },
        itemStyle: { color: seriesColor(0) },
        endLabel: {
          show: true,
          distance: 10,
          formatter: (p: { value: number | null }) => (p.value === null ? '' : `{light|●} {value|${text.value(p.value)}}`),
          rich: {
            light: { color: LIGHT_COLORS[goal.light], fontSize: 22 },
            value: { color: seriesColor(0), fontSize: 22, fontWeight: 700 },
          },
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: SCREEN_COLORS.reference, type: 'dashed', width: 3 },
          // named in the legend above the chart: a label on the line would sit on the values near it
          label: { show: false },
          data: [{ yAxis: goal.target }],
        },
        emphasis: { disabled: true },
      },
    ],
  }
}
