import { describe, expect, it } from 'vitest'
import { earlierFigureMonth } from '../../../src/domain/figureMonth'
import { toIndicator } from '../../../src/domain/indicator'
import type { SeriesPoint } from '../../../src/domain/monitor'
import { monthlyLights } from '../../../src/domain/monthlyLights'
import { DEFAULT_MONITOR_SETTINGS } from '../../../src/domain/settings'
import type { IndicatorRow } from '../../../src/domain/types'

const row = (over: Partial<IndicatorRow>): IndicatorRow => ({
  id: 'D', scope: '部门', group: null, level1: null, level2: null, name: '目标', targetText: '不发生', unit: '起', direction: null,
  measure: null, weight: null, basis: null, ...over,
})
const point = (month: number, over: Partial<SeriesPoint>): SeriesPoint => ({
  month, ytd: null, latestValue: null, valueMonth: null, status: null, statusMonth: null, dataMonth: null, monthValue: null,
  monthBasis: null, note: null, ...over,
})

describe('monthlyLights', () => {
  it('paints a zero-event count green until its first event, red from then on', () => {
    const counts = [0, 0, 1, 1]
    const series = counts.map((ytd, i) => point(i + 1, { ytd, dataMonth: i + 1 }))
    expect(monthlyLights(toIndicator(row({})), series, { year: 2024, month: 4 }, DEFAULT_MONITOR_SETTINGS)).toEqual([
      'green', 'green', 'red', 'red', null, null, null, null, null, null, null, null,
    ])
  })
  it('leaves a month nobody judged empty instead of carrying the last judgement into it', () => {
    // the SQL carries the latest status forward; statusMonth says which month it was given in
    const series = [
      point(1, { status: '部分达成', statusMonth: 1, dataMonth: 1 }),
      point(2, { status: '部分达成', statusMonth: 1, dataMonth: 1 }),
      point(3, { status: '达成', statusMonth: 3, dataMonth: 3 }),
    ]
    const judged = toIndicator(row({ targetText: '建立长效管理机制', unit: null, direction: '定性' }))
    expect(monthlyLights(judged, series, { year: 2024, month: 3 }, DEFAULT_MONITOR_SETTINGS).slice(0, 4)).toEqual(['yellow', null, 'green', null])
  })
})

describe('earlierFigureMonth', () => {
  it('names the month of a figure older than 数据截至, and nothing for a current one', () => {
    expect(earlierFigureMonth({ dataMonth: 9, asOf: { year: 2024, month: 10 } })).toBe(9)
    expect(earlierFigureMonth({ dataMonth: 10, asOf: { year: 2024, month: 10 } })).toBeNull()
    expect(earlierFigureMonth({ dataMonth: null, asOf: { year: 2024, month: 10 } })).toBeNull()
  })
})
