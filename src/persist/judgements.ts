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
  /** 抽评: the finance bureau's own score per 自评表 row, beside the unit's (指标编码; the 预算执行率 row by 项目编码) */
  spotChecks: SpotChecks
}

export interface SpotChecks {
  indicators: Map<string, number>
  execution: Map<string, number>
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
  spotChecks: { indicators: Object.fromEntries(j.spotChecks.indicators), execution: Object.fromEntries(j.spotChecks.execution) },
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
  const spot = isRecord(o.spotChecks) ? o.spotChecks : {}
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
    spotChecks: { indicators: scores(spot.indicators), execution: scores(spot.execution) },
  }
}

/** A JSON object's own entries that are finite non-negative numbers, as a Map. */
function scores(x: unknown): Map<string, number> {
  if (!isRecord(x)) return new Map()
  return new Map(Object.entries(x).flatMap(([k, v]) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? [[k, v] as const] : [])))
}

/** The unit and year a set of judgements belongs to. */
export interface JudgementScope {
  org: string
  year: number
}

/**
 * Every unit's and year's judgements: unit B's never touch unit A's, 2023's never 2024's. `unscoped` holds what a
 * version of the app before units and years kept (one set, no unit): it belongs to the unit and year it was made
 * for, the default unit's latest year, and is moved there once the data say which that is (`adoptUnscoped`).
 */
export interface JudgementBook {
  scopes: Map<string, StoredJudgements>
  unscoped: StoredJudgements | null
}

export const scopeKey = (s: JudgementScope) => `${s.year}|${s.org}`

const OLD_KEYS = ['indicators', 'projects', 'monitoring', 'monitoringMonth']

/** The stored book, read defensively: an entry without a unit or a whole year is dropped; the old single value is kept unscoped. */
export function readJudgementBook(raw: unknown): JudgementBook {
  const o = isRecord(raw) ? raw : {}
  const scopes = new Map<string, StoredJudgements>()
  if (Array.isArray(o.scopes)) {
    for (const e of o.scopes) {
      if (!isRecord(e) || typeof e.org !== 'string' || typeof e.year !== 'number' || !Number.isInteger(e.year)) continue
      scopes.set(scopeKey({ org: e.org, year: e.year }), readStoredJudgements(e))
    }
  }
  const unscoped = isRecord(o.unscoped) ? o.unscoped : !Array.isArray(o.scopes) && OLD_KEYS.some((k) => k in o) ? o : null
  return { scopes, unscoped: unscoped ? readStoredJudgements(unscoped) : null }
}

export const judgementBookJson = (book: JudgementBook) => ({
  scopes: [...book.scopes].map(([key, j]) => {
    const bar = key.indexOf('|')
    return { year: Number(key.slice(0, bar)), org: key.slice(bar + 1), ...judgementsJson(j) }
  }),
  ...(book.unscoped ? { unscoped: judgementsJson(book.unscoped) } : {}),
})

/** The book with its unscoped judgements given to `scope` (what that scope already holds wins, entry by entry). */
export function adoptUnscoped(book: JudgementBook, scope: JudgementScope): JudgementBook {
  if (!book.unscoped) return book
  const key = scopeKey(scope)
  const old = book.unscoped
  const held = book.scopes.get(key)
  const merged: StoredJudgements = held
    ? {
        indicators: new Map([...old.indicators, ...held.indicators]),
        projects: new Map([...old.projects, ...held.projects]),
        monitoring: new Map([...old.monitoring, ...held.monitoring]),
        monitoringMonth: held.monitoringMonth,
        spotChecks: {
          indicators: new Map([...old.spotChecks.indicators, ...held.spotChecks.indicators]),
          execution: new Map([...old.spotChecks.execution, ...held.spotChecks.execution]),
        },
      }
    : old
  return { scopes: new Map([...book.scopes, [key, merged]]), unscoped: null }
}

/** Judgements of a scope nothing was typed for yet. */
export const noJudgements = (): StoredJudgements => readStoredJudgements({})

