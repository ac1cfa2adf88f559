import { toHalfWidth } from './halfWidth'
import type { Measure } from './types'

export type UnitFamily = 'cny' | 'usd' | 'percent' | 'count' | 'other'

/**
 * Units that convert within their family, with the multiplier to the family's base (元, 美元, %).
 * Counts and other units have no factor: they convert only to themselves.
 * 亿美元 and 元 are different families: never converted without an explicit exchange rate (docs/rules.md).
 */
export const UNIT_FACTORS: ReadonlyArray<{ unit: string; family: UnitFamily; factor: number }> = [
  { unit: '元', family: 'cny', factor: 1 },
  { unit: '千元', family: 'cny', factor: 1e3 },
  { unit: '万元', family: 'cny', factor: 1e4 },
  { unit: '亿元', family: 'cny', factor: 1e8 },
  { unit: '美元', family: 'usd', factor: 1 },
  { unit: '万美元', family: 'usd', factor: 1e4 },
  { unit: '亿美元', family: 'usd', factor: 1e8 },
  { unit: '%', family: 'percent', factor: 1 },
]

const COUNT_UNITS = new Set(['个', '家', '次', '项', '起', '件', '人', '人次', '户', '名', '台', '套', '场', '篇', '份', '所', '座'])

/** Durations: a bare `30天` may mean "at most" as well as "at least", so its direction must be written. */
export const DURATION_UNITS: ReadonlySet<string> = new Set(['天', '日', '工作日', '个工作日', '周', '月', '个月', '年', '小时'])

const ALIASES: Record<string, string> = {
  百分比: '%',
  百分率: '%',
  RMB元: '元',
  人民币: '元',
}

export function normalizeUnit(u: string | null | undefined): string | null {
  if (u == null) return null
  let s = toHalfWidth(u).replace(/\s+/g, '')
  s = s.replace(/^单位[:：]?/, '')
  s = s.replace(/^[([【]+/, '').replace(/[)\]】]+$/, '')
  s = ALIASES[s] ?? s
  s = s.replace(/^人民币(?=.)/, '').replace(/(?<=.)人民币$/, '')
  return s === '' ? null : s
}

export function unitFamily(u: string | null): UnitFamily | null {
  const unit = normalizeUnit(u)
  if (unit === null) return null
  const known = UNIT_FACTORS.find((f) => f.unit === unit)
  if (known) return known.family
  return COUNT_UNITS.has(unit) ? 'count' : 'other'
}

export function unitFactor(u: string): number | null {
  const unit = normalizeUnit(u)
  return UNIT_FACTORS.find((f) => f.unit === unit)?.factor ?? null
}

/** `value` in `from` expressed in `to`; null when the two units do not convert (other family, or counts of different things). */
export function convertValue(value: number, from: string | null, to: string | null): number | null {
  const f = normalizeUnit(from)
  const t = normalizeUnit(to)
  if (f === null || f === t) return value
  if (t === null) return null
  const ff = UNIT_FACTORS.find((x) => x.unit === f)
  const tf = UNIT_FACTORS.find((x) => x.unit === t)
  if (!ff || !tf || ff.family !== tf.family) return null
  // multiply or divide by a whole power of ten, so 1.2 亿元 is 12000 万元 and not 12000.000000000002
  return ff.factor >= tf.factor ? value * (ff.factor / tf.factor) : value / (tf.factor / ff.factor)
}

export function defaultMeasure(unit: string | null): Measure {
  return normalizeUnit(unit) === '%' ? '时点' : '累计'
}

/** The 口径 column as written (`累计`, `时点`, also `cumulative` / `point`), else the default from the unit. */
export function resolveMeasure(text: string | null | undefined, unit: string | null): Measure {
  const s = toHalfWidth(text ?? '').trim().toLowerCase()
  if (['累计', '累计值', '累计数', 'cumulative'].includes(s)) return '累计'
  if (['时点', '时点值', '时点数', '期末', 'point'].includes(s)) return '时点'
  return defaultMeasure(unit)
}
