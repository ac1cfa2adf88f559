import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { DEPARTMENT_SCOPE } from '@/domain/indicator'
import { departmentSpending, groupLight, indicatorProgress, lightSummary, spendingProgress } from '@/domain/monitor'
import type { IndicatorProgress, SpendingProgress } from '@/domain/monitor'
import type { YearMonth } from '@/domain/types'
import { useDatasetStore } from './dataset'
import { useSettingsStore } from './settings'

/** Progress as of 数据截至 (the latest month with data unless the user picks another), recomputed from the series. */
export const useMonitorStore = defineStore('monitor', () => {
  const dataset = useDatasetStore()
  const settings = useSettingsStore()
  /** null follows the latest month with data. */
  const pickedMonth = ref<number | null>(null)

  const asOf = computed<YearMonth | null>(() => {
    if (dataset.year === null || dataset.latestMonth === null) return null
    const month = pickedMonth.value !== null && pickedMonth.value <= 12 ? pickedMonth.value : dataset.latestMonth
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

  /** 预警概况: how many indicators and projects show each light. */
  const lightCounts = computed(() => lightSummary(progress.value, projectSpending.value))

  return {
    pickedMonth, asOf, progress, progressById, departmentGroups, projectSpending, departmentTotal, projectGroups, lightCounts,
  }
})
