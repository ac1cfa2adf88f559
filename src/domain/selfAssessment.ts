// The year-end 项目支出绩效自评表 (财预〔2020〕10号; docs/rules.md "自评"): one project's form built from its targets,
// its monthly series and what the evaluator judged. Scores are computed here, never copied.
import { indicatorProgress, annualBudget, type SeriesPoint, type SpendingPoint } from './monitor'
import { isQualitative } from './indicator'
import { grade, round2, scoreExecution, scoreQualitative, scoreQuantitative, splitPoints, type Grade } from './scoring'
import type { Indicator, MonitorSettings, Project, QualitativeStatus, ScoringSettings, YearMonth } from './types'

/** What the evaluator wrote for one indicator of the 自评表. */
export interface IndicatorJudgement {
  band: QualitativeStatus | null
  /** the score typed, kept as typed even when outside its band (the form then refuses it) */
  score: number | null
  /** 偏差原因分析及改进措施 */
  reason: string
}

/** What the evaluator wrote for a project as a whole. */
export interface ProjectJudgement {
  /** 偏差原因 of a low 预算执行率 */
  executionReason: string
  /** 年度总体目标: 实际完成情况 */
  goalActual: string
}

export const emptyIndicatorJudgement = (): IndicatorJudgement => ({ band: null, score: null, reason: '' })
export const emptyProjectJudgement = (): ProjectJudgement => ({ executionReason: '', goalActual: '' })

/** Why an indicator is scored by the evaluator rather than computed. */
export type JudgedWhy = 'qualitative' | 'unreadable-target' | 'no-actual'

export type RowProblem =
  | { kind: 'band' }
  | { kind: 'score' }
  /** the score typed lies outside its band's min–max points (given null: not a number) */
  | { kind: 'out-of-band'; band: QualitativeStatus; min: number; max: number; points: number; given: number | null }
  | { kind: 'reason'; why: 'lost-points' | 'over-achieved' | 'low-execution' }

export interface AssessmentRow {
  indicator: Indicator
  /** 实际完成值 in the target's unit (累计: 1–N月累计, 时点: latest), null for qualitative indicators or no data */
  actual: number | null
  /** 完成情况 as the monthly data last recorded it (qualitative indicators) */
  dataStatus: QualitativeStatus | null
  /** the month the actual comes from */
  dataMonth: number | null
  /** 说明 written with the figure of that month: for a judged indicator, what was done */
  dataNote: string | null
  points: number
  /** null until the evaluator has judged an indicator that is not computed */
  score: number | null
  /** null: computed by the scoring rules; else why a person must judge it */
  judged: JudgedWhy | null
  band: QualitativeStatus | null
  overAchieved: boolean
  needsReason: boolean
  reason: string
  problems: RowProblem[]
}

/** The four rows of 项目资金 in the 自评表: 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金. */
export type FundsSource = 'total' | 'fiscal' | 'carried-over' | 'other'

export interface FundsRow {
  source: FundsSource
  initial: number | null
  annual: number | null
  spent: number | null
}

export interface AssessmentForm {
  project: Project
  asOf: YearMonth
  /** the data stop before December: the form says 截至N月 */
  partialYear: boolean
  funds: FundsRow[]
  execution: {
    budget: number
    spent: number
    rate: number
    points: number
    score: number
    needsReason: boolean
    reason: string
    problems: RowProblem[]
  }
  goal: { expected: string; actual: string }
  rows: AssessmentRow[]
  /** execution + indicators, to two decimals; null while any indicator awaits a judgement */
  total: number | null
  /** the sum of what is scored so far */
  scoredSoFar: number
  grade: Grade | null
  /** ids of indicators that still need a band or a valid score */
  pending: string[]
  /** every row (and execution) with something missing */
  problemCount: number
}

export interface AssessmentInput {
  project: Project
  /** the project's indicators, in the order of its 绩效目标表 */
  indicators: readonly Indicator[]
  series: ReadonlyMap<string, readonly SeriesPoint[]>
  spending: readonly SpendingPoint[]
  /** the latest month of the data year */
  asOf: YearMonth
  scoring: ScoringSettings
  monitor: MonitorSettings
  /** by 指标编码 */
  judgements?: ReadonlyMap<string, IndicatorJudgement>
  projectJudgement?: ProjectJudgement | null
}

const hasText = (s: string | null | undefined) => (s ?? '').trim() !== ''

function judgedScore(j: IndicatorJudgement, points: number, s: ScoringSettings): { score: number | null; problems: RowProblem[] } {
  if (j.band === null) return { score: null, problems: [{ kind: 'band' }] }
  if (j.score === null) return { score: null, problems: [{ kind: 'score' }] }
  const result = scoreQualitative(j.band, j.score, points, s)
  if (result.ok) return { score: result.score, problems: [] }
  const { ok: _ok, ...range } = result
  return { score: null, problems: [{ kind: 'out-of-band', ...range }] }
}

/** Cumulative spending at the as-of month, 万元. */
export function spentBy(spending: readonly SpendingPoint[], month: number): number {
  return spending.find((p) => p.month === month)?.cumulative ?? 0
}

export function buildAssessmentForm(input: AssessmentInput): AssessmentForm {
  const { project, asOf, scoring: s } = input
  const points = splitPoints(input.indicators, s)
  const rows = input.indicators.map((indicator, i): AssessmentRow => {
    const series = input.series.get(indicator.id) ?? []
    const p = indicatorProgress(indicator, series, asOf, input.monitor)
    const pts = points[i] ?? 0
    const j = input.judgements?.get(indicator.id) ?? emptyIndicatorJudgement()
    const t = indicator.target
    const judged: JudgedWhy | null =
      isQualitative(indicator) ? 'qualitative' : t.value === null ? 'unreadable-target' : p.actual === null ? 'no-actual' : null
    let score: number | null
    let overAchieved = false
    let needsReason: boolean
    const problems: RowProblem[] = []
    if (judged === null) {
      const q = scoreQuantitative(t.direction, t.value as number, p.actual as number, pts, s)
      score = q.score
      overAchieved = q.overAchieved
      needsReason = q.needsReason
    } else {
      const r = judgedScore(j, pts, s)
      score = r.score
      problems.push(...r.problems)
      needsReason = score !== null && score < round2(pts)
    }
    if (needsReason && !hasText(j.reason)) problems.push({ kind: 'reason', why: overAchieved && score === round2(pts) ? 'over-achieved' : 'lost-points' })
    return {
      indicator,
      actual: p.actual,
      dataStatus: p.status,
      dataMonth: p.dataMonth,
      dataNote: p.dataMonth === null ? null : (series.find((x) => x.month === p.dataMonth)?.note ?? null),
      points: pts,
      score,
      judged,
      band: judged === null ? null : j.band,
      overAchieved,
      needsReason,
      reason: j.reason,
      problems,
    }
  })

  const budget = annualBudget(project)
  const spent = spentBy(input.spending, asOf.month)
  const ex = scoreExecution(budget, spent, s.weights.execution, s)
  const pj = input.projectJudgement ?? emptyProjectJudgement()
  const executionProblems: RowProblem[] = ex.needsReason && !hasText(pj.executionReason) ? [{ kind: 'reason', why: 'low-execution' }] : []

  const onlyFiscal = !project.other && project.fiscal !== null && Math.abs(project.fiscal - project.budget) < 0.005
  const funds: FundsRow[] = [
    { source: 'total', initial: project.budget, annual: budget, spent },
    {
      source: 'fiscal',
      initial: project.fiscal,
      annual: onlyFiscal ? budget : project.adjustedBudget === null ? project.fiscal : null,
      spent: onlyFiscal ? spent : null,
    },
    { source: 'carried-over', initial: null, annual: null, spent: null },
    { source: 'other', initial: project.other, annual: project.adjustedBudget === null ? project.other : null, spent: null },
  ]

  const pending = rows.filter((r) => r.score === null).map((r) => r.indicator.id)
  const scoredSoFar = round2(ex.score + rows.reduce((sum, r) => sum + (r.score ?? 0), 0))
  const total = pending.length === 0 ? scoredSoFar : null
  return {
    project,
    asOf,
    partialYear: asOf.month < 12,
    funds,
    execution: {
      budget,
      spent,
      rate: ex.rate,
      points: s.weights.execution,
      score: ex.score,
      needsReason: ex.needsReason,
      reason: pj.executionReason,
      problems: executionProblems,
    },
    goal: { expected: project.goal ?? '', actual: pj.goalActual },
    rows,
    total,
    scoredSoFar,
    grade: total === null ? null : grade(total, s),
    pending,
    problemCount: rows.filter((r) => r.problems.length > 0).length + (executionProblems.length > 0 ? 1 : 0),
  }
}
