import { DEFAULT_MONITOR_SETTINGS } from './settings'
import type { Direction, Indicator, Light, MonitorSettings, QualitativeStatus } from './types'

/** Ratios are compared after rounding away float noise, so 0.66 ÷ 0.55 counts as exactly 1.2. */
function clean(r: number): number {
  return Math.round(r * 1e9) / 1e9
}

/** Budget execution: R = execution rate ÷ 序时进度 (or the plan's share). */
export function executionLight(executionRate: number | null, timeShare: number, s: MonitorSettings = DEFAULT_MONITOR_SETTINGS): Light {
  if (executionRate === null || !Number.isFinite(executionRate)) return 'none'
  if (timeShare <= 0) return 'green'
  const r = clean(executionRate / timeShare)
  return r < s.execution.red ? 'red' : r < s.execution.yellow ? 'yellow' : 'green'
}

/** Cumulative `≥` indicator: R = actual ÷ (target × 序时进度); at or above `blue` it is 超额. */
export function cumulativeLight(actual: number, target: number, timeShare: number, s: MonitorSettings = DEFAULT_MONITOR_SETTINGS): Light {
  const expected = target * timeShare
  if (expected <= 0) return 'green'
  const r = clean(actual / expected)
  if (r < s.cumulative.red) return 'red'
  if (r < s.cumulative.yellow) return 'yellow'
  return r < s.cumulative.blue ? 'green' : 'blue'
}

function met(actual: number, target: number, direction: Direction): boolean {
  if (direction === '≥') return actual >= target
  if (direction === '≤') return actual <= target
  return Math.abs(actual - target) <= 1e-9 * Math.max(1, Math.abs(target))
}

/** Point indicator: met → green; missed by at most `pointTolerance` × target → yellow; else red. */
export function pointLight(actual: number, target: number, direction: Direction, s: MonitorSettings = DEFAULT_MONITOR_SETTINGS): Light {
  if (direction === '定性') return 'none'
  if (met(actual, target, direction)) return 'green'
  return clean(Math.abs(actual - target)) <= clean(s.pointTolerance * Math.abs(target)) ? 'yellow' : 'red'
}

/** `≤` indicator: a 重特大安全事故 count with target 0 turns red at its first event. */
export function lessOrEqualLight(actual: number, target: number): Light {
  return actual <= target ? 'green' : 'red'
}

export function qualitativeLight(status: QualitativeStatus | null): Light {
  if (status === '达成') return 'green'
  if (status === '部分达成') return 'yellow'
  if (status === '未达成') return 'red'
  return 'none'
}

const SEVERITY: Record<Light, number> = { red: 4, yellow: 3, green: 2, blue: 1, none: 0 }

/** A project's or a 分项's light: the worst of its indicators (red, yellow, green, blue); 'none' only when all are. */
export function worstLight(lights: readonly Light[]): Light {
  return lights.reduce<Light>((worst, l) => (SEVERITY[l] > SEVERITY[worst] ? l : worst), 'none')
}

/** The rule for one indicator, chosen by its direction and 口径; no actual (or no readable target) → 'none'. */
export function indicatorLight(
  ind: Indicator,
  actual: number | null,
  status: QualitativeStatus | null,
  timeShare: number,
  s: MonitorSettings = DEFAULT_MONITOR_SETTINGS,
): Light {
  const { direction, value: target, qualitative } = ind.target
  if (qualitative || direction === '定性') return qualitativeLight(status)
  if (actual === null || !Number.isFinite(actual) || target === null) return 'none'
  if (direction === '≤') return lessOrEqualLight(actual, target)
  if (direction === '≥' && ind.measureResolved === '累计') return cumulativeLight(actual, target, timeShare, s)
  return pointLight(actual, target, direction, s)
}
