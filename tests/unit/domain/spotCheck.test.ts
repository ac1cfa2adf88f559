import { describe, expect, it } from 'vitest'
import { grade } from '../../../src/domain/scoring'
import type { AssessmentForm } from '../../../src/domain/selfAssessment'
import { spotCheckTotal, spotScoreProblem, unitReview, type SpotCheckScores } from '../../../src/domain/spotCheck'

/** A scored 自评表 as far as 抽评 reads it: execution 10 points, rows of their own scores. */
function form(code: string, budget: number, executionScore: number, rows: Record<string, number | null>): AssessmentForm {
  const scores = Object.values(rows)
  const total = scores.includes(null) ? null : executionScore + scores.reduce<number>((s, x) => s + (x ?? 0), 0)
  return {
    project: { code },
    execution: { budget, score: executionScore },
    rows: Object.entries(rows).map(([id, score]) => ({ indicator: { id }, score })),
    total,
  } as unknown as AssessmentForm
}
const spot = (indicators: Record<string, number> = {}, execution: Record<string, number> = {}): SpotCheckScores => ({
  indicators: new Map(Object.entries(indicators)),
  execution: new Map(Object.entries(execution)),
})

describe('a project’s 抽评 total', () => {
  const p = form('P01', 100, 10, { a: 45, b: 30, c: 8 })
  it('takes the bureau’s score where it re-scored a row and the unit’s elsewhere', () => {
    expect(spotCheckTotal(p, spot({ a: 40 }))).toBe(88)
    expect(spotCheckTotal(p, spot({ b: 20.555 }, { P01: 7.5 }))).toBe(81.06)
  })
  it('is none when the bureau re-scored nothing of the project', () => {
    expect(spotCheckTotal(p, spot({ x: 1 }, { P02: 3 }))).toBeNull()
  })
  it('is none while a row is scored by neither', () => {
    expect(spotCheckTotal(form('P01', 100, 10, { a: 45, b: null }), spot({ a: 40 }))).toBeNull()
    expect(spotCheckTotal(form('P01', 100, 10, { a: 45, b: null }), spot({ a: 40, b: 30 }))).toBe(80)
  })
})

describe('a 抽评 score typed for a row', () => {
  it('stands between 0 and the row’s points', () => {
    expect(spotScoreProblem(0, 10)).toBeNull()
    expect(spotScoreProblem(10, 10)).toBeNull()
    expect(spotScoreProblem(10.5, 10)).toEqual({ kind: 'out-of-range', points: 10, given: 10.5 })
    expect(spotScoreProblem(-1, 10)).toEqual({ kind: 'out-of-range', points: 10, given: -1 })
    expect(spotScoreProblem(Number.NaN, 10)).toEqual({ kind: 'not-number' })
  })
})

describe('a unit’s review', () => {
  const forms = [form('P01', 300, 10, { a: 50, b: 30 }), form('P02', 100, 10, { c: 50, d: 10 })]
  const gradeOf = (t: number) => grade(t)
  it('has its 自评 total and no 抽评 until the bureau re-scores a row', () => {
    expect(unitReview(forms, spot(), gradeOf)).toEqual({
      self: { total: 85, grade: '良' }, spotCheck: null, difference: null, spotChecked: 0, grade: '良',
    })
  })
  it('puts the bureau’s scores in place of the unit’s, weighted by budget, and the grade follows the 抽评', () => {
    // 自评 (90 × 300 + 70 × 100) / 400 = 85; P01 90 → 70 (b: 30 → 10): (70 × 300 + 70 × 100) / 400 = 70
    const review = unitReview(forms, spot({ b: 10 }), gradeOf)
    expect(review).toEqual({
      self: { total: 85, grade: '良' }, spotCheck: { total: 70, grade: '中' }, difference: -15, spotChecked: 1, grade: '中',
    })
    expect(unitReview(forms, spot({ d: 30 }), gradeOf)).toMatchObject({ spotCheck: { total: 90, grade: '优' }, difference: 5, grade: '优' })
  })
})
