import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS, mergeSettings } from '@/domain/settings'
import type { MonitorSettings, ScoringSettings } from '@/domain/types'
import { saveOnChange } from '@/persist/storedValue'
import { storedSettings, type Lang } from '@/persist/userState'

export type { Lang }

/** Every rule with a default in docs/rules.md, kept across reloads; reset returns to the defaults. */
export const useSettingsStore = defineStore('settings', () => {
  const stored = storedSettings.read()
  const lang = ref<Lang>(stored.lang)
  const monitor = ref<MonitorSettings>(stored.monitor)
  const scoring = ref<ScoringSettings>(stored.scoring)

  saveOnChange(storedSettings, () => ({ lang: lang.value, monitor: monitor.value, scoring: scoring.value }))
  watch(lang, (l) => document.documentElement.setAttribute('lang', l === 'zh' ? 'zh-CN' : 'en'), { immediate: true })

  function resetMonitor() {
    monitor.value = mergeSettings(DEFAULT_MONITOR_SETTINGS, undefined)
  }
  function resetScoring() {
    scoring.value = mergeSettings(DEFAULT_SCORING_SETTINGS, undefined)
  }
  return { lang, monitor, scoring, resetMonitor, resetScoring }
})
