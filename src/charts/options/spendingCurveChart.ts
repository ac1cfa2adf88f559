import type { SpendingProgress } from '@/domain/monitor'
import type { ChartOption } from '../echarts'
import { SERIES_COLORS } from '../seriesColors'

export interface SpendingCurveText {
  title: string
  actual: string
  plan: string
  timeShare: string
  /** 上年同期: last year's execution curve */
  lastYear: string
  monthLabel: (month: number) => string
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100)

/**
 * Cumulative 预算执行率 by month up to 数据截至, against the project's own plan curve and 序时进度, and last year's
 * execution month by month (上年同期) when last year had a matching project.
 */
export function spendingCurveChartOption(p: SpendingProgress, text: SpendingCurveText, lastYear: readonly (number | null)[] = []): ChartOption {
  const months = p.timeCurve.map((_, i) => i + 1)
  const { actual, plan, timeShare, lastYear: lastYearColor } = SERIES_COLORS
  return {
    title: { text: text.title, left: 0, textStyle: { fontSize: 15 } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${Number(v).toFixed(2)}%`),
    },
    legend: { bottom: 0, left: 'center' },
    grid: { left: 8, right: 24, top: 44, bottom: 32, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', boundaryGap: false, data: months.map(text.monthLabel) },
    yAxis: { type: 'value', min: 0, max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: text.actual,
        type: 'line',
        symbolSize: 7,
        lineStyle: { width: 3, color: actual },
        itemStyle: { color: actual },
        areaStyle: { opacity: 0.08, color: actual },
        data: p.curve.map(pct),
      },
      ...(lastYear.some((v) => v !== null)
        ? [{ name: text.lastYear, type: 'line', symbol: 'emptyCircle', symbolSize: 5, lineStyle: { color: lastYearColor, type: 'dashed', width: 2 }, itemStyle: { color: lastYearColor }, data: lastYear.map(pct) }]
        : []),
      ...(p.planCurve
        ? [{ name: text.plan, type: 'line', symbol: 'diamond', symbolSize: 6, lineStyle: { color: plan, width: 2 }, itemStyle: { color: plan }, data: p.planCurve.map(pct) }]
        : []),
      { name: text.timeShare, type: 'line', symbol: 'none', lineStyle: { color: timeShare, type: 'dashed' }, itemStyle: { color: timeShare }, data: p.timeCurve.map(pct) },
    ],
  }
}
