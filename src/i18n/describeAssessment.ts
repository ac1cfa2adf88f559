// The 自评表's words for what the domain decided: bands, row problems, who judges what, the notes under the form.
import { QUALITATIVE_STATUSES } from '@/domain/scoring'
import type { AssessmentForm, AssessmentRow, JudgedWhy, RowProblem } from '@/domain/selfAssessment'
import type { QualitativeStatus } from '@/domain/types'
import { text } from './catalogue'
import { formatValue } from './format'
import type { Lang } from './lang'

/** 达成年度指标 / 部分达成并具有一定效果 / 未达成且效果较差. */
export const bandLabel = (band: QualitativeStatus, lang: Lang) => text(lang, `common.band.${band}`)

/** `2024年度`, or `2024年度，截至7月` while the data stop before December (the forms put it in brackets). */
export const describePeriod = (year: number, month: number, lang: Lang) =>
  month >= 12 ? text(lang, 'assessment.period.year', { year }) : text(lang, 'assessment.period.partial', { year, month })

export const describeJudgedWhy = (why: JudgedWhy, lang: Lang) => text(lang, `assessment.judgedWhy.${why}`)

/** A problem of a 自评表 row in a sentence. */
export function describeRowProblem(p: RowProblem, lang: Lang): string {
  switch (p.kind) {
    case 'band':
      return text(lang, 'assessment.problem.band', { bands: QUALITATIVE_STATUSES.map((b) => bandLabel(b, lang)).join(' / ') })
    case 'score':
      return text(lang, 'assessment.problem.score')
    case 'out-of-band': {
      const given = p.given === null ? text(lang, 'assessment.problem.givenUnreadable') : text(lang, 'assessment.problem.givenScore', { score: p.given })
      return text(lang, 'assessment.problem.outOfBand', { band: bandLabel(p.band, lang), min: p.min, max: p.max, points: p.points, given })
    }
    case 'reason':
      if (p.why === 'over-achieved') return text(lang, 'assessment.problem.overAchieved')
      if (p.why === 'low-execution') return text(lang, 'assessment.problem.lowExecution')
      return text(lang, 'assessment.problem.lostPoints')
  }
}

/**
 * 实际完成值 as the official form writes it: the value in the target's unit (with its month when that is before the
 * form's), or for an indicator judged by the evaluator
 * what was done, as the monthly data last said it (完成情况 and 说明, with their month when it is not the form's). The
 * band the evaluator chose is not what was done: it goes with the score's reasoning (describeReason).
 */
export function describeActual(
  r: Pick<AssessmentRow, 'indicator' | 'actual' | 'dataStatus' | 'dataMonth' | 'dataNote' | 'judged'>,
  lang: Lang,
  /** the month the form is as of; without it no month is named */
  formMonth: number = r.dataMonth ?? 12,
): string {
  if (r.actual !== null || r.judged === null) {
    const value = formatValue(r.actual, r.indicator.target.unit)
    return r.actual !== null && r.dataMonth !== null && r.dataMonth < formMonth ? text(lang, 'assessment.valueOfMonth', { value, month: r.dataMonth }) : value
  }
  if (r.dataStatus === null) return r.dataNote ?? text(lang, 'assessment.notReported')
  const status = text(lang, `common.status.${r.dataStatus}`)
  const dated = r.dataMonth !== null && r.dataMonth < formMonth ? text(lang, 'assessment.statusOfMonth', { status, month: r.dataMonth }) : status
  return r.dataNote ? text(lang, 'assessment.achievedWithNote', { status: dated, note: r.dataNote }) : dated
}

/** 偏差原因分析及改进措施 as the form carries it: the band a judged score was given in, then the evaluator's words. */
export function describeReason(r: Pick<AssessmentRow, 'band' | 'judged' | 'reason'>, lang: Lang): string {
  const band = r.judged !== null && r.band ? text(lang, 'assessment.bandChosen', { band: bandLabel(r.band, lang) }) : ''
  return band + r.reason
}

export interface FormNote {
  /** partial-year: the data stop before December; judged: who scores an indicator; missing: what the form lacks */
  kind: 'partial-year' | 'judged' | 'missing'
  text: string
}

/** What the form says under the table: the data month, who judged what, and what is still missing. */
export function describeFormNotes(form: AssessmentForm, lang: Lang): FormNote[] {
  const notes: FormNote[] = []
  if (form.partialYear) notes.push({ kind: 'partial-year', text: text(lang, 'assessment.note.partialYear', { year: form.asOf.year, month: form.asOf.month }) })
  for (const r of form.rows) {
    if (r.judged && r.judged !== 'qualitative')
      notes.push({ kind: 'judged', text: text(lang, 'assessment.note.judged', { name: r.indicator.name, why: describeJudgedWhy(r.judged, lang) }) })
  }
  const missing = [
    ...form.execution.problems.map((p) => text(lang, 'assessment.note.missingExecution', { problem: describeRowProblem(p, lang) })),
    ...form.rows.flatMap((r) => r.problems.map((p) => text(lang, 'assessment.note.missingIndicator', { name: r.indicator.name, problem: describeRowProblem(p, lang) }))),
  ]
  if (missing.length) notes.push({ kind: 'missing', text: text(lang, 'assessment.note.missing', { items: missing.join(text(lang, 'common.listSeparator')) }) })
  return notes
}
