// 抽评 (DOMAIN.md "The finance bureau"): the bureau re-scores rows of a unit's 自评表; its score stands beside the
// unit's, and the difference is what the bureau reports. 结果应用 follows the grade that stands last.
import { unitAssessment } from './bureau'
import { round2, type Grade } from './scoring'
import type { AssessmentForm } from './selfAssessment'

/** The bureau's scores by row: an indicator's by 指标编码, a project's 预算执行率 row by 项目编码. */
export interface SpotCheckScores {
  indicators: ReadonlyMap<string, number>
  execution: ReadonlyMap<string, number>
}

type ScoredForm = Pick<AssessmentForm, 'project' | 'execution' | 'rows' | 'total'>

/** Whether the bureau re-scored any row of the form. */
export function isSpotChecked(form: Pick<AssessmentForm, 'project' | 'rows'>, spot: SpotCheckScores): boolean {
  return spot.execution.has(form.project.code) || form.rows.some((r) => spot.indicators.has(r.indicator.id))
}

/**
 * A project's 抽评 total: the bureau's score where it re-scored a row, the unit's elsewhere, to two decimals; null
 * when the bureau re-scored nothing, or a row is scored by neither.
 */
export function spotCheckTotal(form: ScoredForm, spot: SpotCheckScores): number | null {
  if (!isSpotChecked(form, spot)) return null
  let total = spot.execution.get(form.project.code) ?? form.execution.score
  for (const r of form.rows) {
    const score = spot.indicators.get(r.indicator.id) ?? r.score
    if (score === null) return null
    total += score
  }
  return round2(total)
}

/** Why a 抽评 score typed for a row cannot stand: not a number, or outside 0 … the row's points. */
export type SpotScoreProblem = { kind: 'not-number' } | { kind: 'out-of-range'; points: number; given: number }

export function spotScoreProblem(given: number, points: number): SpotScoreProblem | null {
  if (!Number.isFinite(given)) return { kind: 'not-number' }
  return given < 0 || given > points ? { kind: 'out-of-range', points, given } : null
}

/** A unit's year-end review: its 自评, the bureau's 抽评 where it re-scored, their difference and 结果应用. */
export interface UnitReview {
  self: { total: number; grade: Grade } | null
  /** the unit's total with the bureau's scores in place of its own where it re-scored; null when it re-scored nothing */
  spotCheck: { total: number; grade: Grade } | null
  /** 抽评 − 自评, in points */
  difference: number | null
  /** how many of its projects the bureau re-scored */
  spotChecked: number
  /** the grade that stands: the 抽评's when there is one, else the 自评's */
  grade: Grade | null
}

export function unitReview(forms: readonly ScoredForm[], spot: SpotCheckScores, gradeOf: (total: number) => Grade): UnitReview {
  const self = unitAssessment(forms, gradeOf)
  const checked = forms.filter((f) => isSpotChecked(f, spot))
  const spotCheck = checked.length
    ? unitAssessment(forms.map((f) => ({ total: isSpotChecked(f, spot) ? spotCheckTotal(f, spot) : f.total, execution: f.execution })), gradeOf)
    : null
  return {
    self,
    spotCheck,
    difference: self && spotCheck ? round2(spotCheck.total - self.total) : null,
    spotChecked: checked.length,
    grade: spotCheck?.grade ?? self?.grade ?? null,
  }
}
