import { describe, expect, it } from 'vitest'
import { catalogueEntries, placeholders, text } from '../../../src/i18n/catalogue'
import type { Lang } from '../../../src/i18n/lang'

const sorted = (names: string[]) => [...new Set(names)].sort()

describe('the catalogue', () => {
  const entries = catalogueEntries()

  it('holds the texts of every namespace', () => {
    const namespaces = new Set(entries.map(([key]) => key.split('.')[0]))
    expect([...namespaces].sort()).toEqual(['assessment', 'bureau', 'common', 'data', 'monitor', 'overview', 'progress', 'screen', 'years'])
  })

  it('has both languages, neither empty, for every entry', () => {
    const incomplete = entries.filter(([, leaf]) => leaf.zh.trim() === '' || leaf.en.trim() === '').map(([key]) => key)
    expect(incomplete).toEqual([])
  })

  it('names the same placeholders in both languages of every entry', () => {
    const mismatched = entries
      .filter(([, leaf]) => sorted(placeholders(leaf.zh)).join() !== sorted(placeholders(leaf.en)).join())
      .map(([key, leaf]) => `${key}: ${leaf.zh} / ${leaf.en}`)
    expect(mismatched).toEqual([])
  })

  it('fills every placeholder, however often it occurs', () => {
    expect(text('zh', 'assessment.audit.suggest.missing-unit', { text: '≥20' })).toBe('写明单位，如 ≥20个、≥20万元，或填写“单位”列')
    expect(text('en', 'assessment.pendingCount', { n: 3 })).toBe('3 to judge')
  })

  it('does not compile an unknown key or a wrong parameter (checked by npm run typecheck)', () => {
    const wrongCalls = (lang: Lang) => [
      // @ts-expect-error: no such entry
      text(lang, 'overview.nothing'),
      // @ts-expect-error: the count is missing
      text(lang, 'assessment.pendingCount'),
      // @ts-expect-error: the placeholder is called n, not count
      text(lang, 'assessment.pendingCount', { count: 3 }),
      // @ts-expect-error: a text without placeholders takes no parameters
      text(lang, 'overview.completion', { n: 1 }),
    ]
    expect(wrongCalls).toBeTypeOf('function')
  })

  it('throws on a key missing at run time instead of showing the key', () => {
    const untyped = text as (lang: Lang, key: string) => string
    expect(() => untyped('en', 'overview.nothing')).toThrow('no catalogue entry overview.nothing')
  })
})
