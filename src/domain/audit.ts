import { DEPARTMENT_SCOPE } from './indicator'
import { round2 } from './scoring'
import { DEFAULT_SCORING_SETTINGS } from './settings'
import { normalizeDirection } from './targetText'
import type { Indicator, PlanPoint, Project, ScoringSettings } from './types'

export type FindingKind =
  | 'unmeasurable'
  | 'unreadable'
  | 'implausible'
  | 'missing-unit'
  | 'missing-direction'
  | 'empty'
  | 'default-100-quality'
  | 'satisfaction-without-method'
  | 'execution-rate-as-output'
  | 'weights-not-100'
  | 'plan-not-100'

interface Bilingual {
  zh: string
  en: string
}

export interface Finding {
  indicatorId: string | null
  projectCode: string | null
  kind: FindingKind
  /** error: the value cannot be used in a computation as it stands; warning: usable but below 88号文's bar. */
  severity: 'error' | 'warning'
  message: Bilingual
  suggestion: Bilingual
}

export interface AuditInput {
  indicators: Indicator[]
  projects: Project[]
  /** 资金支出计划 by 项目编码, shares per period as written. */
  plans: ReadonlyMap<string, readonly PlanPoint[]>
  scoring?: ScoringSettings
}

/** Words a form writes where a standard belongs (财预〔2015〕88号: 指向明确、细化量化). */
const VAGUE = /^(完成|完成任务|满意|较满意|基本满意|效果明显|效果显著|显著|明显|良好|较好|达标|合格|按时|及时|按要求.*|促进.*|提高.*|有所.*)$/
const SURVEY_METHOD = /问卷|调查|调研|测评|抽样|抽查|访谈|回访|评议/
const EXECUTION_RATE = /预算执行率|资金支出率|支出进度|资金执行率|预算支出率|资金使用率|资金到位率/

const clean = (s: string | null): string => (s ?? '').replace(/\s+/g, '')

/** What a measurable value looks like for this kind of indicator. */
function measurableExample(ind: Indicator): Bilingual {
  const name = ind.name
  const level2 = ind.level2 ?? ''
  const level1 = ind.level1 ?? ''
  if (/满意/.test(name + level2 + level1))
    return { zh: '写成比率并注明调查方式，如 服务对象满意度 ≥90%（问卷调查）', en: 'write a rate and how it is surveyed, e.g. satisfaction ≥90% (questionnaire)' }
  if (/成本|经费|费用|开支|支出/.test(name + level2))
    return { zh: '写成金额上限，如 ≤N 万元（不超过预算数）', en: 'write a ceiling amount, e.g. ≤N 万元 (within the budget)' }
  if (/及时|时效|时限|进度/.test(name + level2))
    return { zh: '写成及时率或期限，如 完成及时率 ≥95%，或 ≤N 天', en: 'write an on-time rate or a deadline, e.g. on-time rate ≥95%, or ≤N days' }
  if (/率|准确|合格|达标|覆盖|质量/.test(name + level2))
    return { zh: '写成比率，如 合格率 ≥95%', en: 'write a rate, e.g. pass rate ≥95%' }
  if (/数量|次数|个数|人数|户数|家数/.test(name + level2))
    return { zh: '写成可衡量的数值，如 ≥N 个', en: 'write a measurable number, e.g. ≥N 个' }
  if (/经济/.test(level2 + name))
    return { zh: '写成可衡量的经济结果，如 带动投资 ≥N 亿元、新增企业 ≥N 家', en: 'write a measurable economic result, e.g. investment ≥N 亿元, new firms ≥N 家' }
  if (/社会/.test(level2 + name))
    return { zh: '写成可衡量的社会结果，如 服务企业 ≥N 家、受益人数 ≥N 人', en: 'write a measurable social result, e.g. firms served ≥N 家, beneficiaries ≥N 人' }
  if (/生态|环境/.test(level2 + name))
    return { zh: '写成可衡量的环境结果，如 环境污染事件 0 起', en: 'write a measurable environmental result, e.g. pollution incidents 0 起' }
  if (/可持续/.test(level2))
    return { zh: '写成可核实的结果，如 建立长效管理制度 ≥1 项', en: 'write a verifiable result, e.g. ≥1 项 lasting management rule' }
  return { zh: '写成可衡量的数值（≥N 个、≥N%、≤N 万元）或可核实的完成标准', en: 'write a measurable value (≥N, ≥N%, ≤N 万元) or a verifiable standard' }
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

  for (const ind of input.indicators) {
    const projectCode = ind.scope === DEPARTMENT_SCOPE ? null : ind.scope
    const owner = projectCode === null ? { zh: '部门整体目标', en: 'department goal' } : { zh: projectName.get(projectCode) ?? projectCode, en: projectName.get(projectCode) ?? projectCode }
    const label = { zh: `「${ind.name}」（${owner.zh}）`, en: `"${ind.name}" (${owner.en})` }
    const add = (kind: FindingKind, severity: Finding['severity'], message: Bilingual, suggestion: Bilingual) =>
      findings.push({ indicatorId: ind.id, projectCode, kind, severity, message, suggestion })
    const t = ind.target
    const text = t.text.trim()
    const flags = new Set(t.flags)

    if (flags.has('empty')) add('empty', 'error', { zh: `${label.zh}没有填写指标值`, en: `${label.en} has no target value` }, measurableExample(ind))

    const repeats = text !== '' && (clean(text) === clean(ind.name) ? 'name' : clean(text) === clean(ind.basis) ? 'basis' : null)
    const declaredQualitative = normalizeDirection(ind.direction) === '定性'
    if ((flags.has('unmeasurable') && !(declaredQualitative && !VAGUE.test(clean(text)) && !repeats)) || repeats === 'name') {
      const why = repeats === 'name' ? { zh: '，只是重复了三级指标名称', en: ', it only repeats the indicator name' } : repeats === 'basis' ? { zh: '，只是重复了指标值确定依据', en: ', it only repeats the basis' } : { zh: '', en: '' }
      add('unmeasurable', 'warning', { zh: `${label.zh}的指标值“${text}”无法衡量${why.zh}`, en: `${label.en}: the target “${text}” cannot be measured${why.en}` }, measurableExample(ind))
    }

    if (flags.has('unreadable'))
      add(
        'unreadable',
        'error',
        { zh: `${label.zh}的指标值“${text}”无法确定地读出，已按原样保存，未参与计算`, en: `${label.en}: the target “${text}” cannot be read with confidence; kept as written and left out of computations` },
        { zh: '核对原表后改写成一个数，如 100% 或 ≥95%', en: 'check the original form and write one number, e.g. 100% or ≥95%' },
      )

    if (flags.has('implausible'))
      add(
        'implausible',
        'error',
        { zh: `${label.zh}的指标值“${text}”超过 100%，比率不会超过 100%`, en: `${label.en}: the target “${text}” is above 100%, which a rate cannot exceed` },
        { zh: '核对原值，比率写成不超过 100% 的数，如 ≥95%', en: 'check the value; write a rate of at most 100%, e.g. ≥95%' },
      )

    if (flags.has('missing-unit'))
      add(
        'missing-unit',
        'warning',
        { zh: `${label.zh}的指标值“${text}”没有单位`, en: `${label.en}: the target “${text}” has no unit` },
        { zh: `写明单位，如 ${text}个、${text}万元，或填写“单位”列`, en: `write the unit, e.g. ${text}个 or ${text}万元, or fill the 单位 column` },
      )

    if (flags.has('missing-direction'))
      add(
        'missing-direction',
        'warning',
        { zh: `${label.zh}的指标值“${text}”没有写明是下限还是上限`, en: `${label.en}: the target “${text}” does not say whether it is a floor or a ceiling` },
        { zh: `写成 ≤${t.value ?? 'N'}${t.unit ?? ''}（期限）或 ≥${t.value ?? 'N'}${t.unit ?? ''}，或填写“指标性质”列`, en: `write ≤${t.value ?? 'N'}${t.unit ?? ''} (a deadline) or ≥${t.value ?? 'N'}${t.unit ?? ''}, or fill the 指标性质 column` },
      )

    if (/满意/.test((ind.level1 ?? '') + (ind.level2 ?? '') + ind.name) && !SURVEY_METHOD.test(ind.basis ?? ''))
      add(
        'satisfaction-without-method',
        'warning',
        { zh: `${label.zh}是满意度指标，但指标值确定依据没有写明调查方式`, en: `${label.en} is a satisfaction indicator whose basis names no survey method` },
        { zh: '在指标值确定依据中写明调查方式和样本，如 “问卷调查，抽样不少于 100 家企业”', en: 'state the survey method and sample in the basis, e.g. “questionnaire, at least 100 firms sampled”' },
      )

    if (EXECUTION_RATE.test(ind.name))
      add(
        'execution-rate-as-output',
        'warning',
        { zh: `${label.zh}把预算执行率设为绩效指标，它已在自评中单独计 ${s.weights.execution} 分`, en: `${label.en} sets the budget execution rate as an indicator; it is already scored separately (${s.weights.execution} points)` },
        { zh: '删除此指标，换成项目的实际产出，如 完成数量 ≥N 个', en: 'remove it and set an actual output instead, e.g. ≥N units delivered' },
      )
  }

  const byScope = new Map<string, Indicator[]>()
  for (const ind of input.indicators) byScope.set(ind.scope, [...(byScope.get(ind.scope) ?? []), ind])

  for (const [scope, inds] of byScope) {
    const quality = inds.filter((i) => (i.level2 ?? '').includes('质量'))
    if (quality.length > 0 && quality.every((i) => i.target.value === 100 && i.target.unit === '%')) {
      for (const ind of quality) {
        const owner = projectName.get(scope) ?? (scope === DEPARTMENT_SCOPE ? '部门整体目标' : scope)
        findings.push({
          indicatorId: ind.id,
          projectCode: scope === DEPARTMENT_SCOPE ? null : scope,
          kind: 'default-100-quality',
          severity: 'warning',
          message: {
            zh: `「${ind.name}」（${owner}）：全部质量指标都定为 100%，像是默认值而非测算值`,
            en: `"${ind.name}" (${owner}): every quality indicator is set to 100%, which looks like a default rather than an estimate`,
          },
          suggestion: {
            zh: '按历史水平或行业标准测算，如 合格率 ≥95%，并在指标值确定依据中写明来源',
            en: 'estimate from past results or a standard, e.g. pass rate ≥95%, and cite the source in the basis',
          },
        })
      }
    }

    if (scope === DEPARTMENT_SCOPE) continue
    const weighted = inds.filter((i) => i.weight !== null)
    if (weighted.length > 0) {
      const expected = 100 - s.weights.execution
      const sum = round2(weighted.reduce((acc, i) => acc + (i.weight ?? 0), 0))
      const missing = inds.length - weighted.length
      if (missing > 0 || sum !== expected) {
        const name = projectName.get(scope) ?? scope
        findings.push({
          indicatorId: null,
          projectCode: scope,
          kind: 'weights-not-100',
          severity: 'error',
          message:
            missing > 0
              ? { zh: `项目“${name}”有 ${missing} 个指标没有分值`, en: `project “${name}”: ${missing} indicator(s) have no points (分值)` }
              : { zh: `项目“${name}”的指标分值合计 ${sum} 分，应为 ${expected} 分（100 分减去预算执行率 ${s.weights.execution} 分）`, en: `project “${name}”: indicator points add up to ${sum}, not ${expected} (100 less ${s.weights.execution} for budget execution)` },
          suggestion: {
            zh: `为每个指标填写分值并使合计为 ${expected} 分；或全部不填，按产出 ${s.weights.output}、效益 ${s.weights.effect}、满意度 ${s.weights.satisfaction} 平均分配`,
            en: `give every indicator points adding up to ${expected}, or none, to split output ${s.weights.output} / effect ${s.weights.effect} / satisfaction ${s.weights.satisfaction} evenly`,
          },
        })
      }
    }
  }

  for (const [code, points] of input.plans) {
    if (points.length === 0) continue
    const sum = round2(points.reduce((acc, p) => acc + p.share, 0))
    if (Math.abs(sum - 100) > 0.01) {
      const name = projectName.get(code) ?? code
      findings.push({
        indicatorId: null,
        projectCode: code,
        kind: 'plan-not-100',
        severity: 'error',
        message: { zh: `项目“${name}”的资金支出计划合计 ${sum}%，应为 100%`, en: `project “${name}”: the spending plan adds up to ${sum}%, not 100%` },
        suggestion: { zh: '调整 3月底、6月底、10月底、12月底 的支出比例，使合计为 100%', en: 'adjust the shares at the end of March, June, October and December to add up to 100%' },
      })
    }
  }
  return findings
}
