import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS, mergeSettings } from '@/domain/settings'
import type { MonitorSettings, ScoringSettings } from '@/domain/types'
import type { Lang } from '@/i18n/lang'

const KEY = 'jixiao:settings'

interface StoredSettings {
  lang: Lang
  monitor: MonitorSettings
  scoring: ScoringSettings
}

function readStored(): Partial<StoredSettings> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<StoredSettings>
  } catch {
    return {}
  }
}

/** Every rule with a default in docs/rules.md, kept across reloads; reset returns to the defaults. */
export const useSettingsStore = defineStore('settings', () => {
  const stored = typeof localStorage === 'undefined' ? {} : readStored()
  const lang = ref<Lang>(stored.lang === 'en' ? 'en' : 'zh')
  const monitor = ref<MonitorSettings>(mergeSettings(DEFAULT_MONITOR_SETTINGS, stored.monitor))
  const scoring = ref<ScoringSettings>(mergeSettings(DEFAULT_SCORING_SETTINGS, stored.scoring))

  watch(
    [lang, monitor, scoring],
    () => {
      if (typeof localStorage === 'undefined') return
      const value: StoredSettings = { lang: lang.value, monitor: monitor.value, scoring: scoring.value }
      localStorage.setItem(KEY, JSON.stringify(value))
    },
    { deep: true },
  )
  watch(lang, (l) => document.documentElement.setAttribute('lang', l === 'zh' ? 'zh-CN' : 'en'), { immediate: true })

  function resetMonitor() {
    monitor.value = mergeSettings(DEFAULT_MONITOR_SETTINGS, undefined)
  }
  function resetScoring() {
    scoring.value = mergeSettings(DEFAULT_SCORING_SETTINGS, undefined)
  }
  return { lang, monitor, scoring, resetMonitor, resetScoring }
})
