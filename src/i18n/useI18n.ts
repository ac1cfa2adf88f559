import { storeToRefs } from 'pinia'
import { useSettingsStore } from '@/stores/settings'
import { dataText, text, type MessageKey, type ParamArgs } from './catalogue'
import type { Lang } from './lang'

/** Chinese first, English as an option: `t('overview.completion')` in the language the header's button picked. */
export function useI18n() {
  const { lang } = storeToRefs(useSettingsStore())
  function t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string
  /** Transitional: keys the data page builds at run time (see dataText). */
  function t(key: `data.${string}`, params?: Readonly<Record<string, string | number>>): string
  function t(key: string, params?: Readonly<Record<string, string | number>>): string {
    if (key.startsWith('data.')) return dataText(lang.value, key as `data.${string}`, params)
    return (text as (lang: Lang, key: string, params?: Readonly<Record<string, string | number>>) => string)(lang.value, key, params)
  }
  return { t, lang }
}
