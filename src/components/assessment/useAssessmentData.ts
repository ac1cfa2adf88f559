import { computed } from 'vue'
import { assessDepartment, type AssessmentData } from '@/domain/departmentSummary'
import { useDatasetStore } from '@/stores/dataset'
import { useJudgementsStore } from '@/stores/judgements'
import { useSettingsStore } from '@/stores/settings'

/** The stored data as the assessment forms read them, and the forms themselves, recomputed on every judgement. */
export function useAssessmentData() {
  const dataset = useDatasetStore()
  const settings = useSettingsStore()
  const judgements = useJudgementsStore()
  const data = computed<AssessmentData | null>(() =>
    dataset.year === null || dataset.latestMonth === null
      ? null
      : {
          indicators: dataset.indicators,
          projects: dataset.projects,
          indicatorSeries: dataset.indicatorSeries,
          spendingSeries: dataset.spendingSeries,
          year: dataset.year,
          latestMonth: dataset.latestMonth,
        },
  )
  const assessed = computed(() =>
    data.value
      ? assessDepartment(data.value, settings.scoring, settings.monitor, { indicators: judgements.indicators, projects: judgements.projects })
      : null,
  )
  /** whose reports these are: about.json's organisation, else the first project's 主管部门 */
  const organisation = computed(() => dataset.organisation)
  return { data, assessed, judgements, settings, dataset, organisation }
}
