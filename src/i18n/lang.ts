/** The languages of the UI: Chinese first (terms of art as the official forms write them), English as an option. */
export type Lang = 'zh' | 'en'

export const LANGS: readonly Lang[] = ['zh', 'en']

/** The language the header's button switches to. */
export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh')

/** Locale of dates and weekdays. */
export const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en' }
