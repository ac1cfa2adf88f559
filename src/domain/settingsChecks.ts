import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS, mergeSettings } from './settings'
import type { Grade } from './scoring'
import type { MonitorSettings, QualitativeStatus, ScoringSettings } from './types'

type NoParams = Record<string, never>

/**
 * A setting that cannot be used: the field it concerns, a code, and the figures the sentence quotes (shares as
 * percentages). src/i18n/describeSettings.ts words it.
 */
export type SettingsProblem = { field: string } & (
  | { key: 'notNumber'; params: NoParams }
  | { key: 'positive'; params: { value: number } }
  | { key: 'redBelowYellow'; params: { red: number; yellow: number } }
  | { key: 'yellowBelowBlue'; params: { yellow: number; blue: number } }
  | { key: 'blueAbove100'; params: { blue: number } }
  | { key: 'toleranceRange'; params: { value: number } }
  | { key: 'markAbove100'; params: { value: number } }
  | { key: 'likelihoodOrder'; params: { impossible: number; likely: number } }
  | { key: 'paceRatioAboveOne'; params: NoParams }
  | { key: 'weightsNegative'; params: NoParams }
  | { key: 'weightsSum'; params: { sum: number } }
  | { key: 'gradesOrder'; params: { excellent: number; good: number; pass: number } }
  | { key: 'bandRange'; params: { band: QualitativeStatus; lo: number; hi: number } }
  | { key: 'bandsOverlap'; params: NoParams }
  | { key: 'reasonBelowRange'; params: { value: number } }
  | { key: 'budgetUseEmpty'; params: { grade: Grade } }
  | { key: 'budgetUseLong'; params: { grade: Grade; max: number } }
)

/** The longest 结果应用 wording: a few words for a table cell and a sentence of the report, not a paragraph. */
export const BUDGET_USE_MAX_LENGTH = 20
const GRADES: Grade[] = ['优', '良', '中', '差']

const ok = (x: number) => Number.isFinite(x)
const pct = (x: number) => Math.round(x * 10000) / 100

/** Light thresholds must rise red < yellow (< blue), shares stay in range; what the settings panel refuses. */
export function checkMonitorSettings(s: MonitorSettings): SettingsProblem[] {
  const out: SettingsProblem[] = []
  const { execution: e, cumulative: c, likelihood: l } = s
  if (![e.red, e.yellow, c.red, c.yellow, c.blue, s.pointTolerance, s.overAchievementMark, l.likely, l.impossible, l.paceRatio].every(ok)) {
    out.push({ field: 'monitor', key: 'notNumber', params: {} })
    return out
  }
  if (e.red <= 0) out.push({ field: 'execution.red', key: 'positive', params: { value: pct(e.red) } })
  if (e.red >= e.yellow) out.push({ field: 'execution.red', key: 'redBelowYellow', params: { red: pct(e.red), yellow: pct(e.yellow) } })
  if (c.red <= 0) out.push({ field: 'cumulative.red', key: 'positive', params: { value: pct(c.red) } })
  if (c.red >= c.yellow) out.push({ field: 'cumulative.red', key: 'redBelowYellow', params: { red: pct(c.red), yellow: pct(c.yellow) } })
  if (c.yellow >= c.blue) out.push({ field: 'cumulative.yellow', key: 'yellowBelowBlue', params: { yellow: pct(c.yellow), blue: pct(c.blue) } })
  if (c.blue <= 1) out.push({ field: 'cumulative.blue', key: 'blueAbove100', params: { blue: pct(c.blue) } })
  if (s.pointTolerance < 0 || s.pointTolerance >= 1) out.push({ field: 'pointTolerance', key: 'toleranceRange', params: { value: pct(s.pointTolerance) } })
  if (s.overAchievementMark <= 1) out.push({ field: 'overAchievementMark', key: 'markAbove100', params: { value: pct(s.overAchievementMark) } })
  if (l.paceRatio <= 1) out.push({ field: 'likelihood', key: 'paceRatioAboveOne', params: {} })
  if (l.impossible <= 0 || l.likely > 1 || l.impossible >= l.likely)
    out.push({ field: 'likelihood', key: 'likelihoodOrder', params: { impossible: pct(l.impossible), likely: pct(l.likely) } })
  return out
}

const BANDS: QualitativeStatus[] = ['未达成', '部分达成', '达成']

/** Weights add up to 100, grades fall 优 > 良 > 中, bands stay inside 0–100% and do not overlap. */
export function checkScoringSettings(s: ScoringSettings): SettingsProblem[] {
  const out: SettingsProblem[] = []
  const w = s.weights
  const numbers = [w.execution, w.output, w.effect, w.satisfaction, s.equalTolerance, s.overAchievementMark, s.executionReasonBelow,
    s.grades.excellent, s.grades.good, s.grades.pass, ...BANDS.flatMap((b) => s.bands[b])]
  if (!numbers.every(ok)) return [{ field: 'scoring', key: 'notNumber', params: {} }]
  if ([w.execution, w.output, w.effect, w.satisfaction].some((x) => x < 0)) out.push({ field: 'weights', key: 'weightsNegative', params: {} })
  const sum = Math.round((w.execution + w.output + w.effect + w.satisfaction) * 100) / 100
  if (sum !== 100) out.push({ field: 'weights', key: 'weightsSum', params: { sum } })
  const g = s.grades
  if (!(g.excellent > g.good && g.good > g.pass && g.pass >= 0 && g.excellent <= 100))
    out.push({ field: 'grades', key: 'gradesOrder', params: { excellent: g.excellent, good: g.good, pass: g.pass } })
  for (const b of BANDS) {
    const [lo, hi] = s.bands[b]
    if (lo < 0 || hi > 1 || lo > hi) out.push({ field: `bands.${b}`, key: 'bandRange', params: { band: b, lo: pct(lo), hi: pct(hi) } })
  }
  if (s.bands['部分达成'][0] < s.bands['未达成'][1] || s.bands['达成'][0] < s.bands['部分达成'][1])
    out.push({ field: 'bands', key: 'bandsOverlap', params: {} })
  if (s.equalTolerance < 0 || s.equalTolerance >= 1) out.push({ field: 'equalTolerance', key: 'toleranceRange', params: { value: pct(s.equalTolerance) } })
  if (s.overAchievementMark <= 1) out.push({ field: 'overAchievementMark', key: 'markAbove100', params: { value: pct(s.overAchievementMark) } })
  if (s.executionReasonBelow <= 0 || s.executionReasonBelow > 1)
    out.push({ field: 'executionReasonBelow', key: 'reasonBelowRange', params: { value: pct(s.executionReasonBelow) } })
  for (const grade of GRADES) {
    const wording = s.budgetUse[grade].trim()
    if (wording === '') out.push({ field: `budgetUse.${grade}`, key: 'budgetUseEmpty', params: { grade } })
    else if ([...wording].length > BUDGET_USE_MAX_LENGTH || /[\r\n]/.test(wording))
      out.push({ field: `budgetUse.${grade}`, key: 'budgetUseLong', params: { grade, max: BUDGET_USE_MAX_LENGTH } })
  }
  return out
}

/** Settings as read from storage or a file: what is used, and why the stored ones were not (nothing when they were). */
export interface CheckedSettings<T> {
  settings: T
  problems: SettingsProblem[]
}

/**
 * Stored settings (a partial object, or its JSON text) laid over the defaults, used only when they pass the checks
 * the settings form applies: a hand-edited negative weight or a red line above yellow gives the defaults, not wrong
 * scores. The problems say what was refused.
 */
export function checkedMonitorSettings(stored: unknown): CheckedSettings<MonitorSettings> {
  const merged = mergeSettings(DEFAULT_MONITOR_SETTINGS, stored)
  const problems = checkMonitorSettings(merged)
  return { settings: problems.length ? mergeSettings(DEFAULT_MONITOR_SETTINGS, undefined) : merged, problems }
}

export function checkedScoringSettings(stored: unknown): CheckedSettings<ScoringSettings> {
  const merged = mergeSettings(DEFAULT_SCORING_SETTINGS, stored)
  const problems = checkScoringSettings(merged)
  return { settings: problems.length ? mergeSettings(DEFAULT_SCORING_SETTINGS, undefined) : merged, problems }
}
