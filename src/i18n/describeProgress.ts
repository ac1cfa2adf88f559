import { round2 } from '@/domain/scoring'
import { DEPARTMENT_SCOPE } from '@/domain/indicator'
import { staleMonth, type IndicatorProgress } from '@/domain/monitor'
import { text } from './catalogue'
import type { Lang } from './lang'
import { monthName } from './months'

/**
 * Percentage points ahead (+) or behind (−) a pace, the way finance bureaus write it: 低于序时进度 1.53 个百分点;
 * `against` 'plan' compares with the project's 资金支出计划 instead of 序时进度.
 */
export function describeGap(points: number, lang: Lang, against: 'time' | 'plan' = 'time'): string {
  const p = round2(points)
  const abs = Math.abs(p).toFixed(2)
  if (p > 0) return text(lang, `progress.ahead.${against}`, { points: abs })
  if (p < 0) return text(lang, `progress.behind.${against}`, { points: abs })
  return text(lang, `progress.level.${against}`)
}

/** A spending row's name: the project's, or 部门合计 for the department as a whole. */
export const spendingName = (s: { code: string; name: string }, lang: Lang) =>
  s.code === DEPARTMENT_SCOPE ? text(lang, 'overview.departmentTotal') : s.name

/** An indicator not reported for 数据截至, with the month of the figure it shows: 投资额（10月数据）, 招商（尚无数据）. */
export function describeUnreported(p: Pick<IndicatorProgress, 'indicator' | 'dataMonth' | 'asOf'>, lang: Lang): string {
  const month = staleMonth(p)
  const when = month === null ? text(lang, 'overview.neverReported') : text(lang, 'overview.monthOf', { month: monthName(month, lang) })
  return text(lang, 'overview.nameOfMonth', { name: p.indicator.name, month: when })
}
