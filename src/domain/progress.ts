import { round2 } from './scoring'
import type { PlanPoint, YearMonth } from './types'

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** 序时进度 at the end of `asOf.month`: month ÷ 12, or by day, days elapsed ÷ days in the year. */
export function timeElapsedShare(asOf: YearMonth, mode: 'month' | 'day'): number {
  const month = Math.min(12, Math.max(0, asOf.month))
  if (mode === 'month') return month / 12
  const days = (Date.UTC(asOf.year, month, 1) - Date.UTC(asOf.year, 0, 1)) / 86_400_000
  return days / (isLeap(asOf.year) ? 366 : 365)
}

/** Per-period shares of 资金支出计划 (as the 绩效目标表 writes them) to cumulative %, by month. */
export function cumulativePlan(points: PlanPoint[]): PlanPoint[] {
  const byMonth = new Map<number, number>()
  for (const p of points) byMonth.set(p.month, (byMonth.get(p.month) ?? 0) + p.share)
  let sum = 0
  return [...byMonth.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([month, share]) => {
      sum += share
      return { month, share: sum }
    })
}

/**
 * Cumulative planned share (0..1) at the end of `month`: linear between milestones from (0, 0), flat after the last.
 * A project without plan points falls back to 序时进度 by month (month ÷ 12).
 */
export function planShareAt(points: PlanPoint[], month: number): number {
  const cumulative = cumulativePlan(points)
  if (cumulative.length === 0) return Math.min(12, Math.max(0, month)) / 12
  if (month <= 0) return 0
  let prev: PlanPoint = { month: 0, share: 0 }
  for (const p of cumulative) {
    if (month <= p.month) {
      const span = p.month - prev.month
      const share = span <= 0 ? p.share : prev.share + ((p.share - prev.share) * (month - prev.month)) / span
      return share / 100
    }
    prev = p
  }
  return prev.share / 100
}

/** Percentage points ahead (+) or behind (−) 序时进度, to two decimals. */
export function progressGap(completionShare: number, timeShare: number): number {
  return round2((completionShare - timeShare) * 100)
}
