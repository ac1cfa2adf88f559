// What the evaluator typed, as stored (localStorage 'jixiao:judgements') or handed to the command line: read
// defensively, so a hand-edited or older value never breaks a page.
import type { IndicatorJudgement, ProjectJudgement } from '@/domain/selfAssessment'
import { DEVIATION_CAUSES, LIKELIHOODS, type DeviationCause, type MonitoringJudgement } from '@/domain/monitoringForm'
import type { Likelihood, QualitativeStatus } from '@/domain/types'

/**
 * Everything an evaluator types into the 自评表 and the 监控表, keyed by 指标编码 / 项目编码: Maps, since a code is
 * whatever the department typed (`constructor`, `__proto__`), never an object's own key. Stored as JSON objects.
 */
export interface StoredJudgements {
  indicators: Map<string, IndicatorJudgement>
  projects: Map<string, ProjectJudgement>
  monitoring: Map<string, MonitoringJudgement>
  /** the 监控表 covers months 1–N; 7 (1–7月) by default */
  monitoringMonth: number
}

const BANDS: readonly QualitativeStatus[] = ['达成', '部分达成', '未达成']
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const str = (x: unknown) => (typeof x === 'string' ? x : '')
const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null)

/** A JSON object's own entries (JSON.parse makes `__proto__` an own key, and Object.entries lists it) as a Map. */
function entries<T>(x: unknown, read: (v: Record<string, unknown>) => T): Map<string, T> {
  if (!isRecord(x)) return new Map()
  return new Map(Object.entries(x).flatMap(([k, v]) => (isRecord(v) ? [[k, read(v)] as const] : [])))
}

/** The JSON of judgements: each Map as an object (Object.fromEntries defines `__proto__` as an own key, as JSON needs). */
export const judgementsJson = (j: StoredJudgements) => ({
  indicators: Object.fromEntries(j.indicators),
  projects: Object.fromEntries(j.projects),
  monitoring: Object.fromEntries(j.monitoring),
  monitoringMonth: j.monitoringMonth,
})

/** Stored JSON (or an imported file) read defensively: unknown keys and wrong types are dropped. */
export function readStoredJudgements(raw: unknown): StoredJudgements {
  let src = raw
  if (typeof src === 'string') {
    try {
      src = JSON.parse(src) as unknown
    } catch {
      src = {}
    }
  }
  const o = isRecord(src) ? src : {}
  const month = num(o.monitoringMonth)
  return {
    indicators: entries(o.indicators, (v) => ({
      band: BANDS.includes(v.band as QualitativeStatus) ? (v.band as QualitativeStatus) : null,
      score: num(v.score),
      reason: str(v.reason),
    })),
    projects: entries(o.projects, (v) => ({ executionReason: str(v.executionReason), goalActual: str(v.goalActual) })),
    monitoring: entries(o.monitoring, (v) => ({
      causes: Array.isArray(v.causes) ? v.causes.filter((c): c is DeviationCause => DEVIATION_CAUSES.includes(c as DeviationCause)) : [],
      likelihood: LIKELIHOODS.includes(v.likelihood as Likelihood) ? (v.likelihood as Likelihood) : null,
      explanation: str(v.explanation),
    })),
    monitoringMonth: month !== null && Number.isInteger(month) && month >= 1 && month <= 12 ? month : 7,
  }
}

