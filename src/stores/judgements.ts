import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { emptyMonitoringJudgement, type MonitoringJudgement } from '@/domain/monitoringForm'
import {
  emptyIndicatorJudgement,
  emptyProjectJudgement,
  type IndicatorJudgement,
  type ProjectJudgement,
} from '@/domain/selfAssessment'
import { adoptUnscoped, noJudgements, scopeKey, type JudgementBook, type JudgementScope, type StoredJudgements } from '@/persist/judgements'
import { saveOnChange } from '@/persist/storedValue'
import { storedJudgementBook } from '@/persist/userState'
import { useDatasetStore } from './dataset'

const NONE: StoredJudgements = noJudgements()

/**
 * The evaluator's bands, scores and reasons and the bureau's 抽评, each unit's and year's its own: the forms read and
 * write those of the unit and year on screen. Kept in localStorage so they survive reloads and go into exports.
 */
export const useJudgementsStore = defineStore('judgements', () => {
  const dataset = useDatasetStore()
  const book = ref<JudgementBook>(storedJudgementBook.read())
  saveOnChange(storedJudgementBook, () => book.value)
  watch(
    () => dataset.legacyScope,
    (scope) => {
      if (scope && book.value.unscoped) book.value = adoptUnscoped(book.value, scope)
    },
    { immediate: true },
  )

  /** Those of a unit and year (without one, before any data is read: those not yet given a unit). */
  function judgementsOf(scope: JudgementScope | null): StoredJudgements {
    return (scope ? book.value.scopes.get(scopeKey(scope)) : book.value.unscoped) ?? NONE
  }
  const current = computed(() => judgementsOf(dataset.view))

  /** The entry of the unit and year on screen, made when nothing was typed for them yet. */
  function entry(): StoredJudgements {
    const scope = dataset.view
    if (!scope) return (book.value.unscoped ??= noJudgements())
    const key = scopeKey(scope)
    if (!book.value.scopes.has(key)) book.value.scopes.set(key, noJudgements())
    return book.value.scopes.get(key) as StoredJudgements
  }

  const indicators = computed(() => current.value.indicators)
  const projects = computed(() => current.value.projects)
  const monitoring = computed(() => current.value.monitoring)
  const spotChecks = computed(() => current.value.spotChecks)
  const monitoringMonth = computed({
    get: () => current.value.monitoringMonth,
    set: (m: number) => (entry().monitoringMonth = m),
  })

  function setIndicator(id: string, patch: Partial<IndicatorJudgement>) {
    const e = entry()
    e.indicators.set(id, { ...(e.indicators.get(id) ?? emptyIndicatorJudgement()), ...patch })
  }
  function setProject(code: string, patch: Partial<ProjectJudgement>) {
    const e = entry()
    e.projects.set(code, { ...(e.projects.get(code) ?? emptyProjectJudgement()), ...patch })
  }
  function setMonitoring(id: string, patch: Partial<MonitoringJudgement>) {
    const e = entry()
    e.monitoring.set(id, { ...(e.monitoring.get(id) ?? emptyMonitoringJudgement()), ...patch })
  }
  /** The bureau's 抽评 score of a row (an indicator's, or a project's 预算执行率 row); null takes it back. */
  function setSpotCheck(row: 'indicators' | 'execution', key: string, score: number | null) {
    const scores = entry().spotChecks[row]
    if (score === null) scores.delete(key)
    else scores.set(key, score)
  }
  return {
    book, indicators, projects, monitoring, monitoringMonth, spotChecks, judgementsOf, setIndicator, setProject, setMonitoring, setSpotCheck,
  }
})

export type { StoredJudgements }
