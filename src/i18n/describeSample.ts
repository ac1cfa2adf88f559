import type { FileKind } from '@/ingest/fileKinds'
import { text } from './catalogue'
import type { Lang } from './lang'

/**
 * The 示例数据 badge's words for what is still sample (the dataset store's `sampleStatus`): the kinds of file of the
 * year on screen, then last year's with its year — 示例数据：完成值、支出；2023年全部. Null when nothing is sample.
 */
export function describeSample(scopes: readonly { year: number; kinds: readonly FileKind[]; all: boolean }[], viewYear: number | null, lang: Lang): string | null {
  if (!scopes.length) return null
  const kindSeparator = lang === 'zh' ? '、' : ', '
  const parts = scopes.map((s) => {
    const what = s.all ? text(lang, 'common.sampleAll') : s.kinds.map((k) => text(lang, `common.fileKind.${k}`)).join(kindSeparator)
    return s.year === viewYear ? what : text(lang, 'common.sampleInYear', { year: s.year, what })
  })
  return text(lang, 'common.sampleOf', { what: parts.join(text(lang, 'common.listSeparator')) })
}
