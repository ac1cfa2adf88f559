// A goal's light month by month, as it stood at the end of each month it was reported for: the wall screen's strip of
// a judged goal (达成 / 部分达成 / 未达成) or a count that must stay at zero, where the history is the story.
import { indicatorProgress, reportedCurve, type SeriesPoint } from './monitor'
import type { Indicator, Light, MonitorSettings, YearMonth } from './types'
import { isQualitative } from './indicator'

/**
 * The light of each month 1–12 as of the end of that month; null after 数据截至 and in months with no report (a
 * judgement or a figure), so that a month nobody reported is not painted with an earlier month's light.
 */
export function monthlyLights(
  indicator: Indicator,
  series: readonly SeriesPoint[],
  asOf: YearMonth,
  s: MonitorSettings,
): (Light | null)[] {
  const figures = reportedCurve(indicator, series, asOf.month)
  const judged = isQualitative(indicator)
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1
    const reported = judged ? series.some((p) => p.month === month && p.statusMonth === month) : figures[i] !== null
    if (month > asOf.month || !reported) return null
    return indicatorProgress(indicator, series, { year: asOf.year, month }, s).light
  })
}
