// The vocabulary of the field, shared by every layer. Glossary of terms of art: docs/GLOSSARY.md.

/** 指标性质: `≥` 正向, `≤` 反向, `=`, or 定性 (qualitative, judged not computed). */
export type Direction = '≥' | '≤' | '=' | '定性'

/** 口径: 累计 sums monthly flows (projects signed, investment); 时点 takes the latest value (增速, 满意度). */
export type Measure = '累计' | '时点'

/** Why a 指标值 deserves a second look when targets are loaded. */
export type TargetFlag =
  | 'unreadable' // a number the parser cannot read with confidence, e.g. `100100%`
  | 'unmeasurable' // words with no number: `完成任务`, `满意`, `按要求控制成本`
  | 'implausible' // e.g. a percentage above 100 where 100 is the ceiling
  | 'missing-unit'
  | 'missing-direction'
  | 'empty'

export interface ParsedTarget {
  /** 指标值 exactly as written. */
  text: string
  direction: Direction
  /** The number in `unit`; null when qualitative or unreadable. */
  value: number | null
  /** Normalised unit (`亿元`, `万元`, `亿美元`, `%`, `个`, `家`, `次`, `起` …); null when none. */
  unit: string | null
  qualitative: boolean
  flags: TargetFlag[]
}

/** One row of indicators.csv (docs/formats.md), as the user wrote it. */
export interface IndicatorRow {
  id: string
  /** `部门` for a department-wide goal, else a 项目编码. */
  scope: string
  group: string | null
  level1: string | null
  level2: string | null
  name: string
  targetText: string
  unit: string | null
  direction: string | null
  measure: string | null
  weight: number | null
  basis: string | null
  /** 上年完成值 as the 绩效目标表 writes it, in the target's unit: used when no loaded year gives last year's figure */
  lastYear?: number | null
  /** 历史标准 (e.g. the average of the last three years), in the target's unit */
  history?: number | null
}

/** An indicator with its 指标值 parsed and its overrides applied. */
export interface Indicator extends IndicatorRow {
  target: ParsedTarget
  measureResolved: Measure
}

export interface Project {
  code: string
  name: string
  department: string | null
  unitName: string | null
  /** 年初预算数, 万元 */
  budget: number
  /** 全年预算数 after adjustment, 万元; null when not adjusted */
  adjustedBudget: number | null
  fiscal: number | null
  other: number | null
  purpose: string | null
  goal: string | null
}

/** A plan point of 资金支出计划: `share` % of the budget planned for the period that ends with `month`. */
export interface PlanPoint {
  month: number
  share: number
}

export type QualitativeStatus = '达成' | '部分达成' | '未达成'

export type Light = 'red' | 'yellow' | 'green' | 'blue' | 'none'

/** 完成目标可能性 in the 监控 form. */
export type Likelihood = '确定能' | '有可能' | '完全不可能'

export interface YearMonth {
  year: number
  month: number
}

/** Every rule with a default in docs/rules.md, as a setting a department can change. */
export interface MonitorSettings {
  /** 序时进度 by month (month / 12, the default) or by day (days elapsed / days in year). */
  timeShareMode: 'month' | 'day'
  /** what a project's execution rate is judged against: 序时进度 (docs/rules.md default) or its own 资金支出计划. */
  executionBaseline: 'time' | 'plan'
  /** budget execution: R = execution rate ÷ 序时进度; R < red → red, R < yellow → yellow, else green. */
  execution: { red: number; yellow: number }
  /** cumulative `≥`: R = actual ÷ (target × 序时进度); < red, < yellow, < blue → green, ≥ blue → blue (超额). */
  cumulative: { red: number; yellow: number; blue: number }
  /** point indicator: not met but within this share of the target → yellow, else red. */
  pointTolerance: number
  /** an actual at or above this multiple of its target must be explained (10号文 allows deducting points). */
  overAchievementMark: number
  /**
   * 完成目标可能性 suggestion: forecast ÷ target at or above `likely` → 有可能 (met → 确定能); below `impossible` →
   * 完全不可能; so is a cumulative goal whose 剩余月均需完成 is `paceRatio` times the monthly pace so far or more.
   */
  likelihood: { likely: number; impossible: number; paceRatio: number }
}

export interface ScoringSettings {
  /** 预算执行率 10, 产出 50, 效益 30, 满意度 10 (财预〔2020〕10号). */
  weights: { execution: number; output: number; effect: number; satisfaction: number }
  /** unmet `≤`: 'ratio' scores target ÷ actual × points; 'linear' goes down to 0 at twice the target. */
  lessOrEqualRule: 'ratio' | 'linear'
  /** `=`: relative tolerance within which actual counts as equal. */
  equalTolerance: number
  /** 优 ≥ excellent, 良 ≥ good, 中 ≥ pass, else 差. */
  grades: { excellent: number; good: number; pass: number }
  overAchievementMark: number
  /** execution below this rate needs a reason. */
  executionReasonBelow: number
  /** the three qualitative bands, as shares of the indicator's points. */
  bands: Record<QualitativeStatus, [number, number]>
  /** 结果应用: what each grade means for next year's budget (优/良/中/差 → 优先保障/保障/压缩/取消 by default). */
  budgetUse: Record<'优' | '良' | '中' | '差', string>
}
