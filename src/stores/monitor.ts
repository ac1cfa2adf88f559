import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { DEPARTMENT_SCOPE } from '@/domain/indicator'
import { departmentSpending, groupLight, indicatorProgress, isUnreported, lightSummary, spendingProgress } from '@/domain/monitor'
import { timeElapsedShare } from '@/domain/progress'
import type { IndicatorProgress, SpendingProgress } from '@/domain/monitor'
import type { YearMonth } from '@/domain/types'
import {
  compareWithLastYear,
  executionLastYearCurves,
  lastYearIndicators,
  type Comparison,
  type LastYearIndicator,
} from '@/domain/yearOnYear'
import { useDatasetStore } from './dataset'
import { useSettingsStore } from './settings'

/** Progress as of 数据截至 (the latest month with data unless the user picks another), recomputed from the series. */
export const useMonitorStore = defineStore('monitor', () => {
  const dataset = useDatasetStore()
  const settings = useSettingsStore()
  /** null follows the latest month with data. */
  const pickedMonth = ref<number | null>(null)
  // another unit or year: 数据截至 follows its latest month again
  watch(
    () => `${dataset.view?.org}|${dataset.view?.year}`,
    () => (pickedMonth.value = null),
  )

  const asOf = computed<YearMonth | null>(() => {
    if (dataset.year === null || dataset.latestMonth === null) return null
    const month = pickedMonth.value !== null && pickedMonth.value <= dataset.latestMonth ? pickedMonth.value : dataset.latestMonth
    return { year: dataset.year, month }
  })

  const progress = computed<IndicatorProgress[]>(() => {
    const at = asOf.value
    if (!at) return []
    return dataset.indicators.map((ind) =>
      indicatorProgress(ind, dataset.indicatorSeries.get(ind.id) ?? [], at, settings.monitor),
    )
  })
  const progressById = computed(() => new Map(progress.value.map((p) => [p.indicator.id, p])))
  /** 序时进度 at 数据截至 (a figure from an earlier month is compared with its own month's, `progress[].timeShare`). */
  const timeShare = computed(() => (asOf.value ? timeElapsedShare(asOf.value, settings.monitor.timeShareMode) : null))
  /** 未报送: indicators with nothing reported for the as-of month itself, in the order of the targets. */
  const unreported = computed(() => progress.value.filter(isUnreported))

  /** Department-wide goals grouped by 分项, with each 分项's worst light. */
  const departmentGroups = computed(() => {
    const groups = new Map<string, IndicatorProgress[]>()
    for (const p of progress.value) {
      if (p.indicator.scope !== DEPARTMENT_SCOPE) continue
      const key = p.indicator.group ?? ''
      groups.set(key, [...(groups.get(key) ?? []), p])
    }
    return [...groups].map(([name, items]) => ({ name, items, light: groupLight(items) }))
  })

  const projectSpending = computed<SpendingProgress[]>(() => {
    const at = asOf.value
    if (!at) return []
    return dataset.projects.map((p) =>
      spendingProgress(p, dataset.plans.get(p.code), dataset.spendingSeries.get(p.code) ?? [], at, settings.monitor),
    )
  })

  const departmentTotal = computed<SpendingProgress | null>(() => {
    const at = asOf.value
    if (!at || dataset.projects.length === 0) return null
    const d = departmentSpending(dataset.projects, dataset.plans, dataset.spendingSeries)
    return spendingProgress(d.project, d.plan.length ? d.plan : undefined, d.series, at, settings.monitor)
  })

  /** Each project's indicators with the project's worst light (indicators and execution together). */
  const projectGroups = computed(() =>
    dataset.projects.map((project) => {
      const items = progress.value.filter((p) => p.indicator.scope === project.code)
      const spending = projectSpending.value.find((s) => s.code === project.code) ?? null
      return { project, items, spending, light: groupLight([...items, ...(spending ? [spending] : [])]) }
    }),
  )

  /** Each indicator's counterpart in last year's data (a person's link, else same code, else same 所属 and name). */
  const lastYearOf = computed<Map<string, LastYearIndicator>>(() => {
    const last = dataset.lastYear
    return lastYearIndicators(dataset.indicators, dataset.projects, last, dataset.current?.links ?? [])
  })

  /** 上年同期 and 同比 of each indicator's figure, at the month the figure is from. */
  const comparisons = computed<Map<string, Comparison>>(() => {
    const at = asOf.value
    const out = new Map<string, Comparison>()
    if (!at) return out
    for (const p of progress.value) {
      out.set(p.indicator.id, compareWithLastYear(p.indicator, p.actual, p.dataMonth ?? at.month, lastYearOf.value.get(p.indicator.id)))
    }
    return out
  })

  /** Last year's 预算执行率 month by month: per project (matched across years) and for the department. */
  const executionLastYearCurve = computed(() => executionLastYearCurves(dataset.projects, dataset.lastYear))

  /** 预警概况: how many indicators and projects show each light. */
  const lightCounts = computed(() => lightSummary(progress.value, projectSpending.value))

  return {
    pickedMonth, asOf, timeShare, progress, progressById, unreported, departmentGroups, projectSpending, departmentTotal, projectGroups, lightCounts,
    lastYearOf, comparisons, executionLastYearCurve,
  }
})
