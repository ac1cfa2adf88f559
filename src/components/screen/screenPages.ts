// What the wall screen shows on which page: pure, so the page plan and the lagging list are unit-tested.
import { isDepartmentGoal } from '@/domain/indicator'
import type { IndicatorProgress, SpendingProgress } from '@/domain/monitor'
import type { Light } from '@/domain/types'

/** A headline goal: a department-wide `≥` goal with a number, e.g. 新签约亿元以上项目 20个以上, 投资额 120亿元以上. */
export function isHeadlineGoal(p: IndicatorProgress): boolean {
  const { indicator } = p
  return isDepartmentGoal(indicator) && indicator.target.direction === '≥' && indicator.target.value !== null
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

export type ScreenPage =
  | { kind: 'overview' }
  | { kind: 'group'; group: string }
  | { kind: 'spending' }
  | { kind: 'lagging'; items: LaggingItem[]; part: number; parts: number }

/** Lagging items per page: each row is large enough to read from five metres. */
export const LAGGING_PER_PAGE = 6

/**
 * The rotation: the overview of lights and headline goals, one page per 分项 that has headline goals (招商引资,
 * 经济运行), 资金支出进度 when there are projects, and the lagging items over as many pages as they need.
 */
export function screenPages(input: {
  groupsWithHeadlineGoals: readonly string[]
  hasProjects: boolean
  lagging: readonly LaggingItem[]
}): ScreenPage[] {
  const pages: ScreenPage[] = [{ kind: 'overview' }]
  for (const group of input.groupsWithHeadlineGoals) pages.push({ kind: 'group', group })
  if (input.hasProjects) pages.push({ kind: 'spending' })
  const parts = Math.max(1, Math.ceil(input.lagging.length / LAGGING_PER_PAGE))
  for (let part = 0; part < parts; part++) {
    const items = input.lagging.slice(part * LAGGING_PER_PAGE, (part + 1) * LAGGING_PER_PAGE)
    pages.push({ kind: 'lagging', items, part: part + 1, parts })
  }
  return pages
}
