// What the wall screen shows on which page: pure, so the page plan and the lagging list are unit-tested.
import { indicatorKind, isDepartmentGoal } from '@/domain/indicator'
import type { IndicatorProgress, SpendingProgress } from '@/domain/monitor'
import type { Light } from '@/domain/types'

/** A goal with a number to chart: a cumulative goal against 序时进度, or a point value against its target. */
export const isChartedGoal = (p: IndicatorProgress) => {
  const kind = indicatorKind(p.indicator)
  return kind === 'cumulative' || kind === 'point'
}

/**
 * A headline goal: a department-wide goal with a number to chart, e.g. 新签约亿元以上项目 20个以上, 投资额 120亿元以上,
 * 工业增加值增速 10%以上. The judged goals and the counts that must stay at zero have their own page.
 */
export function isHeadlineGoal(p: IndicatorProgress): boolean {
  return isDepartmentGoal(p.indicator) && isChartedGoal(p)
}

/** Something behind: an indicator or a project's execution with a red or yellow light. */
export type LaggingItem =
  | { kind: 'indicator'; id: string; light: Light; progress: IndicatorProgress }
  | { kind: 'spending'; id: string; light: Light; spending: SpendingProgress }

const SEVERITY: Partial<Record<Light, number>> = { red: 0, yellow: 1 }

/** Red before yellow; within a colour the furthest behind first (percentage points vs 序时进度 or plan). */
export function laggingItems(progress: readonly IndicatorProgress[], spending: readonly SpendingProgress[]): LaggingItem[] {
  const items: (LaggingItem & { gap: number })[] = [
    ...progress
      .filter((p) => p.light in SEVERITY)
      .map((p) => ({ kind: 'indicator' as const, id: p.indicator.id, light: p.light, progress: p, gap: p.gapPoints ?? 0 })),
    ...spending
      .filter((s) => s.light in SEVERITY)
      .map((s) => ({ kind: 'spending' as const, id: s.code, light: s.light, spending: s, gap: s.gapVsTime ?? 0 })),
  ]
  return items
    .sort((a, b) => (SEVERITY[a.light] ?? 9) - (SEVERITY[b.light] ?? 9) || a.gap - b.gap)
    .map(({ gap: _gap, ...item }) => item as LaggingItem)
}

/** A 分项 as the wall screen shows it: its name ('' for goals without one) and its goals in file order. */
export interface GoalGroup {
  group: string
  goals: IndicatorProgress[]
}

export type ScreenPage =
  | { kind: 'overview' }
  /** a 分项 with goals to chart (招商引资, 经济运行): a tile per goal and the chart */
  | { kind: 'group'; group: string; goals: IndicatorProgress[]; part: number; parts: number }
  /** 分项 whose goals are judged or must stay at zero (城市建管, 社会稳定): a tile per goal with its months */
  | { kind: 'status'; groups: GoalGroup[] }
  /** this year's course beside last year's for the headline goals */
  | { kind: 'yoy'; goals: IndicatorProgress[]; part: number; parts: number }
  | { kind: 'spending' }
  | { kind: 'lagging'; items: LaggingItem[]; part: number; parts: number }

/**
 * Readable from five metres at 1920×1080: headline tiles on the overview (any more are on their 分项's page), goals on
 * a 分项's page, status tiles, 同比 panels, lagging rows.
 */
export const OVERVIEW_TILES = 9
export const GROUP_TILES = 5
export const STATUS_TILES = 6
export const YOY_PANELS = 9
export const LAGGING_PER_PAGE = 6

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** Department goals by 分项, in the order the 指标 file first names each 分项. */
export function goalGroups(progress: readonly IndicatorProgress[]): GoalGroup[] {
  const groups = new Map<string, IndicatorProgress[]>()
  for (const p of progress) {
    if (!isDepartmentGoal(p.indicator)) continue
    const key = p.indicator.group ?? ''
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  return [...groups].map(([group, goals]) => ({ group, goals }))
}

/**
 * The rotation, so that every goal of the year is on some page: the overview of lights and headline goals; a page
 * per 分项 with goals to chart (招商引资, 经济运行); the 分项 of judged and zero-event goals together (城市建管, 社会稳定);
 * 同比 when last year has figures; 资金支出进度 when there are projects; the lagging items over as many pages as
 * they need.
 */
export function screenPages(input: {
  departmentGoals: readonly IndicatorProgress[]
  /** some headline goal has a figure last year to compare with */
  hasLastYear: boolean
  hasProjects: boolean
  lagging: readonly LaggingItem[]
}): ScreenPage[] {
  const pages: ScreenPage[] = [{ kind: 'overview' }]
  const groups = goalGroups(input.departmentGoals)
  for (const { group, goals } of groups.filter((g) => g.goals.some(isChartedGoal))) {
    const parts = chunks(goals, GROUP_TILES)
    parts.forEach((part, i) => pages.push({ kind: 'group', group, goals: part, part: i + 1, parts: parts.length }))
  }
  // judged and zero-event 分项 share pages, a 分项 kept whole on one page where it fits
  let status: GoalGroup[] = []
  const tiles = (gs: GoalGroup[]) => gs.reduce((n, g) => n + g.goals.length, 0)
  for (const g of groups.filter((x) => !x.goals.some(isChartedGoal))) {
    for (const goals of chunks(g.goals, STATUS_TILES)) {
      if (status.length && tiles(status) + goals.length > STATUS_TILES) {
        pages.push({ kind: 'status', groups: status })
        status = []
      }
      status.push({ group: g.group, goals })
    }
  }
  if (status.length) pages.push({ kind: 'status', groups: status })
  if (input.hasLastYear) {
    const parts = chunks(input.departmentGoals.filter(isHeadlineGoal), YOY_PANELS)
    parts.forEach((goals, i) => pages.push({ kind: 'yoy', goals, part: i + 1, parts: parts.length }))
  }
  if (input.hasProjects) pages.push({ kind: 'spending' })
  const parts = Math.max(1, Math.ceil(input.lagging.length / LAGGING_PER_PAGE))
  for (let part = 0; part < parts; part++) {
    const items = input.lagging.slice(part * LAGGING_PER_PAGE, (part + 1) * LAGGING_PER_PAGE)
    pages.push({ kind: 'lagging', items, part: part + 1, parts })
  }
  return pages
}
