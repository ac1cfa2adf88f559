import { parseTargetText } from './targetText'
import type { Indicator, IndicatorRow } from './types'
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
export function toIndicator(row: IndicatorRow): Indicator {
  const parsed = parseTargetText(row.targetText, { unit: row.unit, direction: row.direction })
  let target = parsed
  const nameUnit = unitFromName(row.name)
  if (target.flags.includes('missing-unit') && nameUnit !== null) {
    target = { ...target, unit: nameUnit, flags: target.flags.filter((f) => f !== 'missing-unit') }
  }
  if (target.flags.includes('implausible') && MAY_EXCEED_100.test(row.name)) {
    target = { ...target, flags: target.flags.filter((f) => f !== 'implausible') }
  }
  return { ...row, target, measureResolved: resolveMeasure(row.measure, target.unit) }
}
