import { text } from './catalogue'
import type { Lang } from './lang'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const

/** `7月` / `Jul`. */
export function monthName(month: number, lang: Lang): string {
  const key = MONTHS[month - 1]
  return key ? text(lang, `common.month.${key}`) : String(month)
}

/** `7月底` / `end of Jul`. */
export const monthEnd = (month: number, lang: Lang) => text(lang, 'common.monthEnd', { month: monthName(month, lang) })

/** `1–7月` / `Jan–Jul`. */
export const monthRange = (month: number, lang: Lang) => text(lang, 'common.monthRange', { month: monthName(month, lang) })
