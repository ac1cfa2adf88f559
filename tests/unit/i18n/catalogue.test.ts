import { describe, expect, it } from 'vitest'
import { catalogueEntries, placeholders, text } from '../../../src/i18n/catalogue'

const sorted = (names: string[]) => [...new Set(names)].sort()

describe('the catalogue', () => {
  const entries = catalogueEntries()

  it('holds the texts of every namespace', () => {
    const namespaces = new Set(entries.map(([key]) => key.split('.')[0]))
    expect([...namespaces].sort()).toEqual(['assessment', 'common', 'data', 'monitor', 'overview', 'progress', 'screen'])
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

  it('refuses at run time a key the types would refuse', () => {
    expect(() => (text as (lang: string, key: string) => string)('zh', 'overview.nothing')).toThrow('overview.nothing')
  })
})
