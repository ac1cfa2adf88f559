import type { MonitorSettings, ScoringSettings } from './types'

/** Defaults seen in a deployed provincial monitoring system (docs/rules.md "Warning lights"); no national standard. */
export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = {
  timeShareMode: 'month',
  executionBaseline: 'time',
  execution: { red: 0.6, yellow: 0.8 },
  cumulative: { red: 0.6, yellow: 0.8, blue: 1.2 },
  pointTolerance: 0.1,
  overAchievementMark: 1.3,
  likelihood: { likely: 0.9, impossible: 0.5, paceRatio: 5 },
}

/** 项目支出绩效自评 defaults (财预〔2020〕10号). */
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = {
  weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
  lessOrEqualRule: 'ratio',
  equalTolerance: 0,
  grades: { excellent: 90, good: 80, pass: 60 },
  overAchievementMark: 1.3,
  executionReasonBelow: 0.9,
  bands: { 达成: [0.8, 1], 部分达成: [0.6, 0.8], 未达成: [0, 0.6] },
  budgetUse: { 优: '优先保障', 良: '保障', 中: '压缩', 差: '取消' },
}

/** String settings that only take one of a few values. */
const CHOICES: Record<string, readonly string[]> = {
  timeShareMode: ['month', 'day'],
  executionBaseline: ['time', 'plan'],
  lessOrEqualRule: ['ratio', 'linear'],
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function mergeValue(key: string, def: unknown, stored: unknown): unknown {
  if (Array.isArray(def)) {
    const ok = Array.isArray(stored) && stored.length === def.length && stored.every((v, i) => typeof v === typeof def[i] && (typeof v !== 'number' || Number.isFinite(v)))
    return ok ? [...stored] : [...def]
  }
  if (isRecord(def)) {
    const src = isRecord(stored) ? stored : {}
    return Object.fromEntries(Object.entries(def).map(([k, v]) => [k, mergeValue(k, v, src[k])]))
  }
  if (typeof stored !== typeof def) return def
  if (typeof stored === 'number' && !Number.isFinite(stored)) return def
  if (typeof stored === 'string' && CHOICES[key] && !CHOICES[key].includes(stored)) return def
  return stored
}

/**
 * Settings a department stored (a partial object, or its JSON text) laid over the defaults.
 * Unknown keys and values of the wrong type are dropped; the result never shares objects with `defaults`.
 */
export function mergeSettings<T>(defaults: T, stored: unknown): T {
  let src = stored
  if (typeof src === 'string') {
    try {
      src = JSON.parse(src) as unknown
    } catch {
      src = undefined
    }
  }
  return mergeValue('', defaults, src) as T
}
