import { round2 } from '@/domain/scoring'
import { yearOnYear, type Comparison, type YearOnYear } from '@/domain/yearOnYear'
import { text } from './catalogue'
import { formatNumber, formatValue } from './format'
import type { Lang } from './lang'

/**
 * How this year compares with 上年同期, as bulletins write it (docs/rules.md "Across years"): an amount or a count
 * 同比增长 12.30% / 同比下降 4.10% / 同比持平; a rate 较上年同期提高 1.20 个百分点 / 回落 / 持平; 无上年同期数据 and
 * 上年同期为0 instead of a figure that cannot be given. Empty when this year has no figure yet.
 */
export function describeYearOnYear(yoy: YearOnYear, lang: Lang): string {
  switch (yoy.kind) {
    case 'no-last-year':
      return text(lang, 'years.none')
    case 'last-year-zero':
      return text(lang, 'years.zero')
    case 'no-current':
      return ''
    case 'pct': {
      const pct = round2(yoy.change * 100)
      if (pct === 0) return text(lang, 'years.flat')
      return text(lang, pct > 0 ? 'years.up' : 'years.down', { pct: `${formatNumber(Math.abs(pct))}%` })
    }
    case 'points': {
      const points = round2(yoy.change)
      if (points === 0) return text(lang, 'years.pointsFlat')
      return text(lang, points > 0 ? 'years.pointsUp' : 'years.pointsDown', { points: formatNumber(Math.abs(points)) })
    }
  }
}

/** Up, down or level, for a colour or an arrow beside the sentence; null when there is nothing to compare. */
export function yearOnYearTrend(yoy: YearOnYear): 'up' | 'down' | 'level' | null {
  if (yoy.kind !== 'pct' && yoy.kind !== 'points') return null
  const v = round2(yoy.kind === 'pct' ? yoy.change * 100 : yoy.change)
  return v > 0 ? 'up' : v < 0 ? 'down' : 'level'
}

/**
 * 上年同期 and 同比 on one line, where a figure is shown with its target: 上年同期 13 个，同比增长 15.38%; 无上年同期数据
 * or 上年同期为0 alone; 上年同期 13 个 alone while this year has no figure.
 */
export function describeComparison(c: Pick<Comparison, 'lastYear' | 'yoy'>, unit: string | null, lang: Lang): string {
  if (c.yoy.kind === 'no-last-year' || c.yoy.kind === 'last-year-zero') return describeYearOnYear(c.yoy, lang)
  const value = text(lang, 'years.lastYearValue', { value: formatValue(c.lastYear, unit) })
  if (c.yoy.kind === 'no-current') return value
  return text(lang, 'years.lastYearAnd', { value: formatValue(c.lastYear, unit), change: describeYearOnYear(c.yoy, lang) })
}

/** A share (预算执行率) beside last year's at the same month, compared in 个百分点; 无上年同期数据 without one. */
export const describeShareYoy = (share: number | null, lastYear: number | null, lang: Lang) =>
  describeYearOnYear(yearOnYear(share === null ? null : share * 100, lastYear === null ? null : lastYear * 100, '%'), lang)
