import { storeToRefs } from 'pinia'
import { useSettingsStore, type Lang } from '@/stores/settings'
import { messages } from './messages'

type Leaf = { zh: string; en: string }

function lookup(key: string): Leaf | null {
  let node: unknown = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return null
    node = (node as Record<string, unknown>)[part]
  }
  return node && typeof node === 'object' && 'zh' in node ? (node as Leaf) : null
}

export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const leaf = lookup(key)
  const text = leaf ? leaf[lang] : key
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
}

/** Chinese first, English as an option; `t('overview.completion')`. */
export function useI18n() {
  const { lang } = storeToRefs(useSettingsStore())
  const t = (key: string, params?: Record<string, string | number>) => translate(lang.value, key, params)
  return { t, lang }
}
