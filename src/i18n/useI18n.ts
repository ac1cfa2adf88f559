import { storeToRefs } from 'pinia'
import { useSettingsStore } from '@/stores/settings'
import { text, type MessageKey, type ParamArgs } from './catalogue'

/** Chinese first, English as an option: `t('overview.completion')` in the language the header's button picked. */
export function useI18n() {
  const { lang } = storeToRefs(useSettingsStore())
  const t = <K extends MessageKey>(key: K, ...params: ParamArgs<K>): string => text(lang.value, key, ...params)
  return { t, lang }
}
