import { DEFAULT_MONITOR_SETTINGS } from './settings'
import type { Direction, Likelihood, Measure, MonitorSettings } from './types'

/** Year-end estimate of a 累计 indicator at the current run rate; null before any month has passed. */
export function yearEndEstimate(cumulative: number, month: number): number | null {
  if (month <= 0) return null
  if (month >= 12) return cumulative
  return (cumulative / month) * 12
}

/** 剩余月均需完成 = (target − cumulative) ÷ months left; 0 when already met, null when no month is left. */
export function requiredMonthlyPace(target: number, cumulative: number, month: number): number | null {
  if (month >= 12) return null
  if (cumulative >= target) return 0
  return (target - cumulative) / (12 - Math.max(0, month))
}

export interface LikelihoodInput {
  direction: Direction
  measure: Measure
  target: number | null
  /** 累计: the year-to-date figure; 时点: the latest value. */
  actual: number | null
  month: number
}

/**
 * A suggestion for 完成目标可能性 (a person confirms it): met or on course → 确定能; the estimate below
 * `impossible` × target → 完全不可能; otherwise 有可能. Null when there is nothing to compute (定性, no actual).
 */
export function suggestLikelihood(input: LikelihoodInput, s: MonitorSettings = DEFAULT_MONITOR_SETTINGS): Likelihood | null {
  const { direction, measure, target, actual, month } = input
  if (direction === '定性' || target === null || actual === null) return null
  const estimate = measure === '累计' ? yearEndEstimate(actual, month) : actual
  if (estimate === null) return null
  if (direction === '≤') {
    // a 累计 `≤` already exceeded cannot come back; a zero-count target is lost at its first event
    if (measure === '累计' && actual > target) return '完全不可能'
    if (estimate <= target) return '确定能'
    if (target <= 0) return '完全不可能'
    return target / estimate < s.likelihood.impossible ? '完全不可能' : '有可能'
  }
  if (direction === '=') {
    if (Math.abs(estimate - target) <= 1e-9 * Math.max(1, Math.abs(target))) return '确定能'
    if (target === 0 || estimate <= 0) return '完全不可能'
    return Math.min(estimate / target, target / estimate) < s.likelihood.impossible ? '完全不可能' : '有可能'
  }
  if (actual >= target || estimate >= target) return '确定能'
  if (measure === '累计' && month > 0 && month < 12 && actual > 0) {
    const needed = (target - actual) / (12 - month)
    if (needed >= s.likelihood.paceRatio * (actual / month)) return '完全不可能'
  }
  if (estimate >= s.likelihood.likely * target) return '有可能'
  return estimate < s.likelihood.impossible * target ? '完全不可能' : '有可能'
}
