import { LIGHT_COLORS } from './lightColors'

/**
 * The colours of the office pages' chart series. A light's colour (LIGHT_COLORS) means that light and nothing else,
 * so no series takes one: a bar drawn in a light's colour is that light, and every other line or bar is one of these.
 */
export const SERIES_COLORS = {
  /** this year's figures (bars and the execution curve); the forecast continues them, dotted */
  actual: '#3f4f66',
  /** 上年同期: last year's line, dashed */
  lastYear: '#9c6b3c',
  /** a project's 资金支出计划 */
  plan: '#6b4fbb',
  /** 序时进度, dashed */
  timeShare: '#6b7480',
  /** the target (目标值) line */
  target: '#1f2733',
} as const

const lightColors = new Set(Object.values(LIGHT_COLORS).map((c) => c.toLowerCase()))
/** True when a colour is one of the lights': the test that keeps SERIES_COLORS apart from them. */
export const isLightColor = (color: string) => lightColors.has(color.toLowerCase())
