// Numbers as finance reports write them: amounts to two decimals with thousands separators, counts whole,
// percentages to two decimals. A value always carries its unit.
const COUNT_UNITS = new Set(['个', '家', '次', '项', '起', '件', '人', '人次', '户', '名', '台', '套', '场'])

// one formatter per number of digits: `toLocaleString` with options builds a new one on every call, which was a
// tenth of the time a unit's overview took to draw
const formats = new Map<number, Intl.NumberFormat>()

export function formatNumber(value: number, digits = 2): string {
  let format = formats.get(digits)
  if (!format) formats.set(digits, (format = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })))
  return format.format(value)
}

/** `15 个`, `93.00 亿元`, `9.80%`, `0.68 亿美元`. */
export function formatValue(value: number | null, unit: string | null): string {
  if (value === null || !Number.isFinite(value)) return '—'
  if (unit === '%') return `${formatNumber(value)}%`
  const digits = unit && COUNT_UNITS.has(unit) && Number.isInteger(value) ? 0 : 2
  return unit ? `${formatNumber(value, digits)} ${unit}` : formatNumber(value, digits)
}

/** A share (0.5833) as a percentage with two decimals: `58.33%`. */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—'
  return `${formatNumber(share * 100)}%`
}
