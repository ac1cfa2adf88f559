import { parseTargetText } from './targetText'
import type { Indicator, IndicatorRow, ParsedTarget } from './types'
import { normalizeUnit, resolveMeasure } from './units'

/** The unit a form writes into the 三级指标 name: `组织培训、会议次数（次）`, `完成及时率（%）`. */
export function unitFromName(name: string): string | null {
  const m = /[(（]([^()（）]{1,6})[)）]\s*$/.exec(name)
  return m ? normalizeUnit(m[1]) : null
}

/** Growth and increase can exceed 100%; a rate (及时率, 满意度, 合格率) cannot. */
const MAY_EXCEED_100 = /增|倍|提高|提升|同比|环比/

/**
 * A row of indicators.csv with its 指标值 parsed. The 单位 and 指标性质 columns override the parse; a unit still
 * missing is taken from the name's brackets.
 */
/**
 * Parsed 指标值 by text and overrides: a province's 400,000 indicators repeat a few thousand values (`≥90%`,
 * `100%`, `完成任务`), and the parse is the slow part of reading them. Bounded, so a long session cannot grow it.
 */
const parsedTargets = new Map<string, ParsedTarget>()

function parseCached(text: string, unit: string | null, direction: string | null): ParsedTarget {
  const key = `${text}\u0000${unit ?? ''}\u0000${direction ?? ''}`
  let parsed = parsedTargets.get(key)
  if (!parsed) {
    if (parsedTargets.size >= 50_000) parsedTargets.clear()
    parsed = parseTargetText(text, { unit, direction })
    parsedTargets.set(key, parsed)
  }
  return parsed
}

export function toIndicator(row: IndicatorRow): Indicator {
  const { target, measureResolved } = readTarget(row)
  return { ...row, target, measureResolved }
}

/** What an indicator's 指标值 means: all of it comes from these five columns of its row. */
export type TargetColumns = Pick<IndicatorRow, 'targetText' | 'unit' | 'direction' | 'name' | 'measure'>

/** The parsed 指标值 and the measure it resolves to, from the columns that decide them (see `toIndicator`). */
export function readTarget(row: TargetColumns): Pick<Indicator, 'target' | 'measureResolved'> {
  let target = parseCached(row.targetText, row.unit, row.direction)
  const nameUnit = target.flags.includes('missing-unit') ? unitFromName(row.name) : null
  if (nameUnit !== null) {
    target = { ...target, unit: nameUnit, flags: target.flags.filter((f) => f !== 'missing-unit') }
  }
  if (target.flags.includes('implausible') && MAY_EXCEED_100.test(row.name)) {
    target = { ...target, flags: target.flags.filter((f) => f !== 'implausible') }
  }
  return { target, measureResolved: resolveMeasure(row.measure, target.unit) }
}

/** 所属 of a department-wide goal (部门整体绩效目标); any other 所属 is the 项目编码 of a budget project. */
export const DEPARTMENT_SCOPE = '部门'

export const isDepartmentGoal = (ind: Pick<IndicatorRow, 'scope'>) => ind.scope === DEPARTMENT_SCOPE

/** Judged by a person, not computed (docs/rules.md "定性"): 定性 by its 指标值 or by its 指标性质 column. */
export const isQualitative = (ind: Pick<Indicator, 'target'>) => ind.target.qualitative || ind.target.direction === '定性'

/**
 * How an indicator is read and shown: judged (定性), a target the parser could not read, a count that must stay at
 * zero (`≤0`, 不发生), a cumulative `≥` goal measured against 序时进度, or a point value against its target.
 */
export type IndicatorKind = 'qualitative' | 'unreadable' | 'zero-event' | 'cumulative' | 'point'

export function indicatorKind(ind: Pick<Indicator, 'target' | 'measureResolved'>): IndicatorKind {
  const { target } = ind
  if (isQualitative(ind)) return 'qualitative'
  if (target.value === null) return 'unreadable'
  if (target.direction === '≤' && target.value === 0) return 'zero-event'
  return ind.measureResolved === '累计' && target.direction === '≥' ? 'cumulative' : 'point'
}
