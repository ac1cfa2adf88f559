import type { Light } from '@/domain/types'
import type { ChartOption } from '../echarts'
import { LIGHT_COLORS } from '../lightColors'
import { SCREEN_COLORS } from '../screenTheme'

export interface ScreenProgressCurve {
  name: string
  light: Light
  /** 完成率 at the end of months 1–12, null where there is no figure yet */
  completion: (number | null)[]
}

export interface ScreenProgressText {
  title: string
  timeShare: string
  /** month axis label, e.g. `{m}月` */
  month: (m: number) => string
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100)

/**
 * Each goal's 完成率 month by month against the 序时进度 diagonal (month ÷ 12). Rates are compared as percentages,
 * so goals in 个, 亿元 and 亿美元 share one axis without converting units. Each line ends in its light's colour.
 */
export function screenProgressOption(curves: readonly ScreenProgressCurve[], timeShareByMonth: readonly number[], text: ScreenProgressText): ChartOption {
  const months = Array.from({ length: 12 }, (_, i) => i + 1)
  return {
    title: { text: text.title, left: 0, top: 0 },
    legend: { top: 4, right: 0, itemWidth: 28, itemHeight: 14, itemGap: 28 },
    grid: { left: 8, right: 32, top: 72, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: months.map(text.month), boundaryGap: false },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: '{value}%' },
      max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 20) * 20),
    },
    animation: false,
    series: [
      {
        name: text.timeShare,
        type: 'line',
        data: timeShareByMonth.map(pct),
        symbol: 'none',
        lineStyle: { color: SCREEN_COLORS.timeShare, type: 'dashed', width: 3 },
        itemStyle: { color: SCREEN_COLORS.timeShare },
      },
      ...curves.map((c) => ({
        name: c.name,
        type: 'line',
        data: c.completion.map(pct),
        symbolSize: 8,
        lineStyle: { width: 4 },
        // the latest 完成率 at the line's end, in its light's colour; labels of close values are moved apart
        endLabel: {
          show: true,
          fontSize: 22,
          color: LIGHT_COLORS[c.light],
          fontWeight: 700,
          formatter: (p: { value: number | null }) => (p.value === null ? '' : `${p.value.toFixed(2)}%`),
        },
        labelLayout: { moveOverlap: 'shiftY' },
        emphasis: { disabled: true },
      })),
    ],
  }
}
