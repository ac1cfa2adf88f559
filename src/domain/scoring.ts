import { DEFAULT_SCORING_SETTINGS } from './settings'
import type { Direction, QualitativeStatus, ScoringSettings } from './types'

/**
 * Half away from zero at two decimals. Going through 15 significant digits first makes 16.695 round to 16.70
 * (in binary it is 16.69499999…, which Math.round alone would send down).
 */
export function round2(x: number): number {
  const cents = Math.round(Number((Math.abs(x) * 100).toPrecision(15)))
  const r = (Math.sign(x) * cents) / 100
  return r === 0 ? 0 : r
}

export interface ExecutionScore {
  /** 预算执行率 = 全年执行数 ÷ 全年预算数 (not capped). */
  rate: number
  score: number
  needsReason: boolean
}

export function scoreExecution(
  budget: number,
  spent: number,
  points: number = DEFAULT_SCORING_SETTINGS.weights.execution,
  s: ScoringSettings = DEFAULT_SCORING_SETTINGS,
): ExecutionScore {
  const rate = budget > 0 ? spent / budget : 0
  return { rate, score: round2(Math.min(Math.max(rate, 0), 1) * points), needsReason: rate < s.executionReasonBelow }
}

export interface QuantitativeScore {
  score: number
  /** Points were lost, or the actual is a large over-achievement: 偏差原因分析及改进措施 is expected. */
  needsReason: boolean
  overAchieved: boolean
}

const EPS = 1e-9

function shareOfPoints(direction: Direction, target: number, actual: number, s: ScoringSettings): number {
  switch (direction) {
    case '≥':
      if (actual >= target) return 1
      return target > 0 ? Math.max(0, actual / target) : 0
    case '≤':
      if (target === 0) return actual <= 0 ? 1 : 0
      if (actual <= target) return 1
      if (s.lessOrEqualRule === 'linear') return Math.max(0, 2 - actual / target)
      return target > 0 ? target / actual : 0
    case '=': {
      if (Math.abs(actual - target) <= s.equalTolerance * Math.abs(target) + EPS) return 1
      if (target === 0 || actual === 0 || Math.sign(actual) !== Math.sign(target)) return 0
      return Math.min(actual / target, target / actual)
    }
    case '定性':
      throw new RangeError('定性指标由评价人选择档次评分，请用 scoreQualitative')
  }
}

/** 财预〔2020〕10号: full points when met, no bonus above target; an unmet target scores in proportion. */
export function scoreQuantitative(
  direction: Direction,
  target: number,
  actual: number,
  points: number,
  s: ScoringSettings = DEFAULT_SCORING_SETTINGS,
): QuantitativeScore {
  const score = round2(shareOfPoints(direction, target, actual, s) * points)
  const overAchieved = direction === '≥' && target > 0 && actual >= s.overAchievementMark * target - EPS
  return { score, needsReason: score < round2(points) || overAchieved, overAchieved }
}

/** The three bands of a judged indicator, best first, as the 自评表 lists them. */
export const QUALITATIVE_STATUSES: readonly QualitativeStatus[] = ['达成', '部分达成', '未达成']

/** A refused score carries the band's range in points and what was typed (null: not a number). */
export type QualitativeScore =
  | { ok: true; score: number }
  | { ok: false; band: QualitativeStatus; min: number; max: number; points: number; given: number | null }

/** The evaluator picks a band and a score inside it; a score outside the band is refused, not clamped. */
export function scoreQualitative(
  band: QualitativeStatus,
  score: number,
  points: number,
  s: ScoringSettings = DEFAULT_SCORING_SETTINGS,
): QualitativeScore {
  const [lo, hi] = s.bands[band]
  const min = round2(lo * points)
  const max = round2(hi * points)
  const given = round2(score)
  if (Number.isFinite(score) && given >= min && given <= max) return { ok: true, score: given }
  return { ok: false, band, min, max, points, given: Number.isFinite(score) ? given : null }
}

export type ScoreGroup = 'output' | 'effect' | 'satisfaction'

/** 一级指标 to its weight group; 成本指标 written at level 1 (newer forms) counts with 产出. */
export function scoreGroup(level1: string | null): ScoreGroup | null {
  if (!level1) return null
  if (level1.includes('满意')) return 'satisfaction'
  if (level1.includes('效益')) return 'effect'
  if (level1.includes('产出') || level1.includes('成本')) return 'output'
  return null
}

/** `total` points split evenly into `n` parts in whole cents that add up to `total` exactly. */
function splitEvenly(total: number, n: number): number[] {
  const cents = Math.round(total * 100)
  const base = Math.floor(cents / n)
  const extra = cents - base * n
  return Array.from({ length: n }, (_, i) => (base + (i < extra ? 1 : 0)) / 100)
}

/**
 * Points per indicator in the 自评表: 产出 / 效益 / 满意度 weights split evenly inside each group, unless every
 * indicator of the group has a 分值 (then as given). Without any 满意度 indicator its points go to 效益.
 * An indicator whose 一级指标 is not recognised gets 0 points (the audit reports it).
 */
export function splitPoints(
  indicators: ReadonlyArray<{ level1: string | null; weight: number | null }>,
  s: ScoringSettings = DEFAULT_SCORING_SETTINGS,
): number[] {
  const groups = indicators.map((i) => scoreGroup(i.level1))
  const hasSatisfaction = groups.includes('satisfaction')
  const groupPoints: Record<ScoreGroup, number> = {
    output: s.weights.output,
    effect: s.weights.effect + (hasSatisfaction ? 0 : s.weights.satisfaction),
    satisfaction: hasSatisfaction ? s.weights.satisfaction : 0,
  }
  const points = indicators.map(() => 0)
  for (const g of ['output', 'effect', 'satisfaction'] as const) {
    const members = groups.flatMap((x, i) => (x === g ? [i] : []))
    if (members.length === 0) continue
    const weights = members.map((i) => indicators[i]?.weight ?? null)
    const shares = weights.every((w): w is number => w !== null && Number.isFinite(w)) ? weights : splitEvenly(groupPoints[g], members.length)
    members.forEach((i, k) => (points[i] = shares[k] ?? 0))
  }
  return points
}

export type Grade = '优' | '良' | '中' | '差'

export function grade(total: number, s: ScoringSettings = DEFAULT_SCORING_SETTINGS): Grade {
  const t = round2(total)
  if (t >= s.grades.excellent) return '优'
  if (t >= s.grades.good) return '良'
  if (t >= s.grades.pass) return '中'
  return '差'
}
