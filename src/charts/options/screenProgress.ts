import type { Light } from '@/domain/types'
import type { ChartOption } from '../echarts'
import { LIGHT_COLORS } from '../lightColors'
import { SCREEN_COLORS, seriesColor, seriesSymbol } from '../screenTheme'

export interface ScreenProgressCurve {
  name: string
  light: Light
  /** 完成率 at the end of months 1–12, null where there is no figure yet */
  completion: (number | null)[]
}

export interface ScreenProgressText {
  timeShare: string
  /** month axis label, e.g. `{m}月` */
  month: (m: number) => string
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100)

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

/**
 * Cumulative goals' 完成率 month by month against the 序时进度 diagonal (month ÷ 12). Rates are compared as
 * percentages, so goals in 个, 亿元 and 亿美元 share one axis without converting units. Each line has a series colour
 * (never a light's; the page's legend names them) and ends in its latest 完成率 beside a dot in its light's colour.
 */
export function screenProgressOption(curves: readonly ScreenProgressCurve[], timeShareByMonth: readonly number[], text: ScreenProgressText): ChartOption {
  return {
    grid: { left: 8, right: 150, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: MONTHS.map(text.month), boundaryGap: false },
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
        lineStyle: { color: SCREEN_COLORS.reference, type: 'dashed', width: 3 },
        itemStyle: { color: SCREEN_COLORS.reference },
        emphasis: { disabled: true },
      },
      ...curves.map((c, i) => ({
        name: c.name,
        type: 'line',
        data: c.completion.map(pct),
        symbol: seriesSymbol(i),
        symbolSize: 12,
        connectNulls: true,
        lineStyle: { width: 4, color: seriesColor(i) },
        itemStyle: { color: seriesColor(i) },
        // the latest 完成率 at the line's end; labels of close values are moved apart
        endLabel: {
          show: true,
          distance: 10,
          formatter: (p: { value: number | null }) => (p.value === null ? '' : `{light|●} {value|${p.value.toFixed(2)}%}`),
          rich: {
            light: { color: LIGHT_COLORS[c.light], fontSize: 22 },
            value: { color: seriesColor(i), fontSize: 22, fontWeight: 700 },
          },
        },
        labelLayout: { moveOverlap: 'shiftY' },
        emphasis: { disabled: true },
      })),
    ],
  }
}
