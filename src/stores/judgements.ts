import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { emptyMonitoringJudgement, type MonitoringJudgement } from '@/domain/monitoringForm'
import {
  emptyIndicatorJudgement,
  emptyProjectJudgement,
  type IndicatorJudgement,
  type ProjectJudgement,
} from '@/domain/selfAssessment'
import { readStoredJudgements, type StoredJudgements } from '@/persist/judgements'

export const JUDGEMENTS_KEY = 'jixiao:judgements'

/** The evaluator's bands, scores and reasons: kept in localStorage so they survive reloads and go into exports. */
export const useJudgementsStore = defineStore('judgements', () => {
  const initial = readStoredJudgements(typeof localStorage === 'undefined' ? null : localStorage.getItem(JUDGEMENTS_KEY))
  const indicators = ref(initial.indicators)
  const projects = ref(initial.projects)
  const monitoring = ref(initial.monitoring)
  const monitoringMonth = ref(initial.monitoringMonth)

  function snapshot(): StoredJudgements {
    return { indicators: indicators.value, projects: projects.value, monitoring: monitoring.value, monitoringMonth: monitoringMonth.value }
  }
  watch([indicators, projects, monitoring, monitoringMonth], () => {
    if (typeof localStorage !== 'undefined') localStorage.setItem(JUDGEMENTS_KEY, JSON.stringify(snapshot()))
  }, { deep: true })

  function setIndicator(id: string, patch: Partial<IndicatorJudgement>) {
    indicators.value[id] = { ...(indicators.value[id] ?? emptyIndicatorJudgement()), ...patch }
  }
  function setProject(code: string, patch: Partial<ProjectJudgement>) {
    projects.value[code] = { ...(projects.value[code] ?? emptyProjectJudgement()), ...patch }
  }
  function setMonitoring(id: string, patch: Partial<MonitoringJudgement>) {
    monitoring.value[id] = { ...(monitoring.value[id] ?? emptyMonitoringJudgement()), ...patch }
  }
  /** Replaces everything with an imported file (the JSON the export writes). */
  function replaceAll(raw: unknown) {
    const j = readStoredJudgements(raw)
    indicators.value = j.indicators
    projects.value = j.projects
    monitoring.value = j.monitoring
    monitoringMonth.value = j.monitoringMonth
  }
  return { indicators, projects, monitoring, monitoringMonth, snapshot, setIndicator, setProject, setMonitoring, replaceAll }
})

export type { StoredJudgements }
