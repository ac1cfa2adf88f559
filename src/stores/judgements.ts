import { defineStore } from 'pinia'
import { ref } from 'vue'
import { emptyMonitoringJudgement, type MonitoringJudgement } from '@/domain/monitoringForm'
import {
  emptyIndicatorJudgement,
  emptyProjectJudgement,
  type IndicatorJudgement,
  type ProjectJudgement,
} from '@/domain/selfAssessment'
import type { StoredJudgements } from '@/persist/judgements'
import { saveOnChange } from '@/persist/storedValue'
import { storedJudgements } from '@/persist/userState'

/** The evaluator's bands, scores and reasons: kept in localStorage so they survive reloads and go into exports. */
export const useJudgementsStore = defineStore('judgements', () => {
  const initial = storedJudgements.read()
  const indicators = ref(initial.indicators)
  const projects = ref(initial.projects)
  const monitoring = ref(initial.monitoring)
  const monitoringMonth = ref(initial.monitoringMonth)

  saveOnChange(storedJudgements, (): StoredJudgements => ({
    indicators: indicators.value, projects: projects.value, monitoring: monitoring.value, monitoringMonth: monitoringMonth.value,
  }))

  function setIndicator(id: string, patch: Partial<IndicatorJudgement>) {
    indicators.value.set(id, { ...(indicators.value.get(id) ?? emptyIndicatorJudgement()), ...patch })
  }
  function setProject(code: string, patch: Partial<ProjectJudgement>) {
    projects.value.set(code, { ...(projects.value.get(code) ?? emptyProjectJudgement()), ...patch })
  }
  function setMonitoring(id: string, patch: Partial<MonitoringJudgement>) {
    monitoring.value.set(id, { ...(monitoring.value.get(id) ?? emptyMonitoringJudgement()), ...patch })
  }
  return { indicators, projects, monitoring, monitoringMonth, setIndicator, setProject, setMonitoring }
})

export type { StoredJudgements }
