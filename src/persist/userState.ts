import { judgementBookJson, readJudgementBook, type JudgementBook } from './judgements'
import { checkedMonitorSettings, checkedScoringSettings } from '@/domain/settingsChecks'
import type { Likelihood, MonitorSettings, ScoringSettings, YearMonth } from '@/domain/types'
import { checkProfile, NATIONAL_PROFILE, type RuleProfile } from '@/domain/bureau'
import { isRecord } from './shape'
import { storedValue } from './storedValue'

// What a person set, typed or confirmed, kept across reloads: each read back through a check of its shape.

import type { Lang } from '@/i18n/lang'

export type { Lang }

export interface StoredSettings {
  lang: Lang
  monitor: MonitorSettings
  scoring: ScoringSettings
}

/**
 * Every rule laid over the defaults of docs/rules.md: a missing or mistyped rule is the default, and a group that
 * fails the settings form's own checks (a negative weight, red above yellow) is the defaults as a whole.
 */
export function checkSettings(stored: unknown): StoredSettings {
  const o = isRecord(stored) ? stored : {}
  return {
    lang: o.lang === 'en' ? 'en' : 'zh',
    monitor: checkedMonitorSettings(o.monitor).settings,
    scoring: checkedScoringSettings(o.scoring).settings,
  }
}

export const storedSettings = storedValue('jixiao:settings', checkSettings)

/** The evaluator's bands, scores and reasons and the bureau's 抽评, by unit and year; entries of the wrong shape are dropped. */
export const storedJudgementBook = storedValue<JudgementBook>('jixiao:judgements', readJudgementBook, judgementBookJson)

const LIKELIHOODS: readonly unknown[] = ['确定能', '有可能', '完全不可能'] satisfies Likelihood[]

const LIKELIHOOD_KEY = /^\d{4}-\d{2}:./
/** Between a unit and an indicator in a likelihood's key: neither a unit's name nor a 指标编码 holds it. */
const UNIT_END = '\u001f'

/** `<year>-<month>:<unit>␟<指标编码>`; without a unit (none on screen yet, or kept before units) `<year>-<month>:<指标编码>`. */
export function likelihoodKey(org: string | null, id: string, asOf: YearMonth): string {
  return `${asOf.year}-${String(asOf.month).padStart(2, '0')}:${org === null ? '' : org + UNIT_END}${id}`
}

/** Those confirmed without a unit, given `org`; one it already has for the same month and indicator stays. */
export function adoptUnitlessLikelihoods(confirmed: Record<string, Likelihood>, org: string): Record<string, Likelihood> {
  const unitless = Object.keys(confirmed).filter((key) => !key.includes(UNIT_END))
  if (unitless.length === 0) return confirmed
  const adopted = { ...confirmed }
  for (const key of unitless) {
    const month = key.slice(0, key.indexOf(':') + 1)
    const withUnit = `${month}${org}${UNIT_END}${key.slice(month.length)}`
    if (!Object.hasOwn(adopted, withUnit)) adopted[withUnit] = confirmed[key] as Likelihood
    delete adopted[key]
  }
  return adopted
}

/** 完成目标可能性 confirmed by a person, keyed as `likelihoodKey` makes them; any other key or word is dropped. */
export function checkLikelihoods(stored: unknown): Record<string, Likelihood> {
  if (!isRecord(stored)) return {}
  return Object.fromEntries(
    Object.entries(stored).filter((e): e is [string, Likelihood] => LIKELIHOOD_KEY.test(e[0]) && LIKELIHOODS.includes(e[1])),
  )
}

export const storedLikelihoods = storedValue('jixiao:likelihood', checkLikelihoods)

/** The unit and year last shown, to open on again; the dataset store falls back when the store no longer holds it. */
export function checkView(stored: unknown): { org: string; year: number } | null {
  if (!isRecord(stored) || typeof stored.org !== 'string' || typeof stored.year !== 'number' || !Number.isInteger(stored.year)) return null
  return { org: stored.org, year: stored.year }
}

export const storedView = storedValue('jixiao:view', checkView)

/** The bureau's rule profiles: which one judges the units, and the profiles it saved or imported itself. */
export interface StoredProfiles {
  selected: string
  custom: RuleProfile[]
}

export function checkProfiles(stored: unknown): StoredProfiles {
  const o = isRecord(stored) ? stored : {}
  const custom = Array.isArray(o.custom) ? o.custom.map(checkProfile).filter((p): p is RuleProfile => p !== null) : []
  return { selected: typeof o.selected === 'string' ? o.selected : NATIONAL_PROFILE.id, custom }
}

export const storedProfiles = storedValue('jixiao:profiles', checkProfiles)
