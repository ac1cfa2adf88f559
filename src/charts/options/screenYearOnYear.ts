import type { ChartOption } from '../echarts'
import { SCREEN_COLORS, seriesColor } from '../screenTheme'

export interface ScreenYearOnYearText {
  thisYear: string
  lastYear: string
  month: (m: number) => string
  /** an axis value in the goal's unit, short: `40`, `9.5%` */
  axis: (v: number) => string
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

/**
 * One headline goal this year beside last year, month by month in the goal's unit (累计: 1–N月累计 on an axis from
 * zero; 时点: the month's value): this year a solid line in a series colour, last year dashed and neutral.
 */
export function screenYearOnYearOption(
  curves: { thisYear: readonly (number | null)[]; lastYear: readonly (number | null)[]; fromZero: boolean },
  text: ScreenYearOnYearText,
): ChartOption {
  const line = (name: string, data: readonly (number | null)[], color: string, dashed: boolean) => ({
    name,
    type: 'line',
    data: [...data],
    symbol: dashed ? 'none' : 'circle',
    symbolSize: 8,
    connectNulls: true,
    lineStyle: { width: dashed ? 3 : 4, type: dashed ? 'dashed' : 'solid', color },
    itemStyle: { color },
    emphasis: { disabled: true },
  })
  return {
    grid: { left: 4, right: 16, top: 12, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: MONTHS.map(text.month), boundaryGap: false, axisLabel: { interval: 2, fontSize: 20 } },
    // a total climbs from zero; a rate moves around its level, which an axis from zero would flatten
    yAxis: { type: 'value', scale: !curves.fromZero, splitNumber: 2, axisLabel: { formatter: (v: number) => text.axis(v) } },
    animation: false,
    series: [
      line(text.lastYear, curves.lastYear, SCREEN_COLORS.reference, true),
      line(text.thisYear, curves.thisYear, seriesColor(0), false),
    ],
  }
}
