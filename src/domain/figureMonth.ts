import type { YearMonth } from './types'

/**
 * The month a figure is from when that is not 数据截至's month (a goal not reported for the month shows its last
 * report), else null: a page then writes the month beside the figure instead of passing it off as current.
 */
export function earlierFigureMonth(p: { dataMonth: number | null; asOf: YearMonth }): number | null {
  return p.dataMonth !== null && p.dataMonth < p.asOf.month ? p.dataMonth : null
}
