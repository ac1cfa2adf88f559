import { DEPARTMENT_SCOPE } from './indicator'
import { round2 } from './scoring'
import { DEFAULT_SCORING_SETTINGS } from './settings'
import { normalizeDirection } from './targetText'
import type { Indicator, PlanPoint, Project, ScoringSettings } from './types'
import type { HistoricalReference } from './yearOnYear'

/** What a measurable value looks like for an indicator of this kind: the audit's suggestion names an example. */
export type MeasurableExample =
  | 'satisfaction'
  | 'cost'
  | 'timeliness'
  | 'rate'
  | 'count'
  | 'economic'
  | 'social'
  | 'environmental'
  | 'sustainability'
  | 'general'

/** A finding's kind with the values its sentence quotes (src/i18n/describeAudit.ts words it). */
export type FindingDetail =
  | { kind: 'empty'; example: MeasurableExample }
  /** repeats: the value only repeats the indicator's name or its 指标值确定依据 */
  | { kind: 'unmeasurable'; text: string; repeats: 'name' | 'basis' | null; example: MeasurableExample }
  | { kind: 'unreadable'; text: string }
  | { kind: 'implausible'; text: string }
  | { kind: 'missing-unit'; text: string }
  | { kind: 'missing-direction'; text: string; value: number | null; unit: string | null }
  | { kind: 'satisfaction-without-method' }
  /** executionPoints: what 预算执行率 already scores in the 自评 */
  | { kind: 'execution-rate-as-output'; executionPoints: number }
  | { kind: 'default-100-quality' }
  /** unweighted: indicators without 分值; expected: 100 − the 预算执行率 weight */
  | { kind: 'weights-not-100'; unweighted: number; sum: number; expected: number; weights: ScoringSettings['weights'] }
  | { kind: 'plan-not-100'; sum: number }
  /**
   * A `≥` target below what was already done (or a `≤` target above it): 目标设置偏松 (财预〔2021〕101号 历史标准).
   * `target` and `reference` in the target's unit.
   */
  | { kind: 'loose-target'; direction: '≥' | '≤'; target: number; unit: string | null; reference: number; source: HistoricalReference['source'] }

export type FindingKind = FindingDetail['kind']

export type Finding = FindingDetail & {
  indicatorId: string | null
  /** the indicator's 三级指标; null for a finding about a whole project */
  indicatorName: string | null
  projectCode: string | null
  /** the project's name (its code when it has none); null for 部门整体目标 */
  projectName: string | null
  /** error: the value cannot be used in a computation as it stands; warning: usable but below 88号文's bar. */
  severity: 'error' | 'warning'
}

export interface AuditInput {
  indicators: Indicator[]
  projects: Project[]
  /** 资金支出计划 by 项目编码, shares per period as written. */
  plans: ReadonlyMap<string, readonly PlanPoint[]>
  scoring?: ScoringSettings
  /** By indicator id: last year's actual (a loaded year, else 上年完成值) or 历史标准, to check targets against. */
  history?: ReadonlyMap<string, HistoricalReference>
}

/** Words a form writes where a standard belongs (财预〔2015〕88号: 指向明确、细化量化). */
const VAGUE = /^(完成|完成任务|满意|较满意|基本满意|效果明显|效果显著|显著|明显|良好|较好|达标|合格|按时|及时|按要求.*|促进.*|提高.*|有所.*)$/
const SURVEY_METHOD = /问卷|调查|调研|测评|抽样|抽查|访谈|回访|评议/
const EXECUTION_RATE = /预算执行率|资金支出率|支出进度|资金执行率|预算支出率|资金使用率|资金到位率/

const clean = (s: string | null): string => (s ?? '').replace(/\s+/g, '')

/** Which example of a measurable value fits this indicator, from its name and levels. */
function measurableExample(ind: Indicator): MeasurableExample {
  const name = ind.name
  const level2 = ind.level2 ?? ''
  const level1 = ind.level1 ?? ''
  if (/满意/.test(name + level2 + level1)) return 'satisfaction'
  if (/成本|经费|费用|开支|支出/.test(name + level2)) return 'cost'
  if (/及时|时效|时限|进度/.test(name + level2)) return 'timeliness'
  if (/率|准确|合格|达标|覆盖|质量/.test(name + level2)) return 'rate'
  if (/数量|次数|个数|人数|户数|家数/.test(name + level2)) return 'count'
  if (/经济/.test(level2 + name)) return 'economic'
  if (/社会/.test(level2 + name)) return 'social'
  if (/生态|环境/.test(level2 + name)) return 'environmental'
  if (/可持续/.test(level2)) return 'sustainability'
  return 'general'
}

/**
 * Indicator quality checks when targets are loaded (docs/rules.md "Indicator quality"; 财预〔2015〕88号).
 * 分值: when a project gives any, they must all be given and add up to 100 − the 预算执行率 weight (90 by default),
 * since 预算执行率 is scored separately (财预〔2020〕10号).
 */
export function auditTargets(input: AuditInput): Finding[] {
  const s = input.scoring ?? DEFAULT_SCORING_SETTINGS
  const projectName = new Map(input.projects.map((p) => [p.code, p.name]))
  const findings: Finding[] = []

  const nameOf = (scope: string) => (scope === DEPARTMENT_SCOPE ? null : (projectName.get(scope) ?? scope))

  for (const ind of input.indicators) {
    const projectCode = ind.scope === DEPARTMENT_SCOPE ? null : ind.scope
    const about = { indicatorId: ind.id, indicatorName: ind.name, projectCode, projectName: nameOf(ind.scope) }
    const add = (severity: Finding['severity'], detail: FindingDetail) => findings.push({ ...about, severity, ...detail })
    const t = ind.target
    const text = t.text.trim()
    const flags = new Set(t.flags)

    if (flags.has('empty')) add('error', { kind: 'empty', example: measurableExample(ind) })

    const repeats = text !== '' && (clean(text) === clean(ind.name) ? 'name' : clean(text) === clean(ind.basis) ? 'basis' : null)
    const declaredQualitative = normalizeDirection(ind.direction) === '定性'
    if ((flags.has('unmeasurable') && !(declaredQualitative && !VAGUE.test(clean(text)) && !repeats)) || repeats === 'name')
      add('warning', { kind: 'unmeasurable', text, repeats: repeats || null, example: measurableExample(ind) })

    if (flags.has('unreadable')) add('error', { kind: 'unreadable', text })
    if (flags.has('implausible')) add('error', { kind: 'implausible', text })
    if (flags.has('missing-unit')) add('warning', { kind: 'missing-unit', text })
    if (flags.has('missing-direction')) add('warning', { kind: 'missing-direction', text, value: t.value, unit: t.unit })
    if (/满意/.test((ind.level1 ?? '') + (ind.level2 ?? '') + ind.name) && !SURVEY_METHOD.test(ind.basis ?? ''))
      add('warning', { kind: 'satisfaction-without-method' })
    if (EXECUTION_RATE.test(ind.name)) add('warning', { kind: 'execution-rate-as-output', executionPoints: s.weights.execution })
    const reference = input.history?.get(ind.id)
    const direction = t.direction
    if (reference && t.value !== null && (direction === '≥' || direction === '≤') && !flags.has('unreadable')) {
      const loose = direction === '≥' ? t.value < reference.value : t.value > reference.value
      if (loose) add('warning', { kind: 'loose-target', direction, target: t.value, unit: t.unit, reference: reference.value, source: reference.source })
    }
  }

  const byScope = new Map<string, Indicator[]>()
  for (const ind of input.indicators) byScope.set(ind.scope, [...(byScope.get(ind.scope) ?? []), ind])

  for (const [scope, inds] of byScope) {
    const projectCode = scope === DEPARTMENT_SCOPE ? null : scope
    const quality = inds.filter((i) => (i.level2 ?? '').includes('质量'))
    if (quality.length > 0 && quality.every((i) => i.target.value === 100 && i.target.unit === '%')) {
      for (const ind of quality) {
        findings.push({
          indicatorId: ind.id,
          indicatorName: ind.name,
          projectCode,
          projectName: nameOf(scope),
          severity: 'warning',
          kind: 'default-100-quality',
        })
      }
    }

    if (projectCode === null) continue
    const weighted = inds.filter((i) => i.weight !== null)
    if (weighted.length > 0) {
      const expected = 100 - s.weights.execution
      const sum = round2(weighted.reduce((acc, i) => acc + (i.weight ?? 0), 0))
      const unweighted = inds.length - weighted.length
      if (unweighted > 0 || sum !== expected) {
        findings.push({
          indicatorId: null,
          indicatorName: null,
          projectCode,
          projectName: nameOf(scope),
          severity: 'error',
          kind: 'weights-not-100',
          unweighted,
          sum,
          expected,
          weights: { ...s.weights },
        })
      }
    }
  }

  for (const [code, points] of input.plans) {
    if (points.length === 0) continue
    const sum = round2(points.reduce((acc, p) => acc + p.share, 0))
    if (Math.abs(sum - 100) > 0.01)
      findings.push({ indicatorId: null, indicatorName: null, projectCode: code, projectName: nameOf(code), severity: 'error', kind: 'plan-not-100', sum })
  }
  return findings
}
