import { describe, expect, it } from 'vitest'
import { DEFAULT_SCREEN_CONFIG, parseScreenQuery, stepPage } from '../../../src/composables/useScreenRotation'

describe('parseScreenQuery', () => {
  it('defaults to 20 s per page, the first page, a folder check every 60 s and the year the app opens on', () => {
    expect(parseScreenQuery({})).toEqual({ interval: 20, startPage: 0, check: 60, year: null })
    expect(DEFAULT_SCREEN_CONFIG).toEqual({ interval: 20, startPage: 0, check: 60, year: null })
  })
  it('reads a bookmark such as #/screen?interval=15&page=2&check=30&year=2023', () => {
    expect(parseScreenQuery({ interval: '15', page: '2', check: '30', year: '2023' })).toEqual({ interval: 15, startPage: 1, check: 30, year: 2023 })
  })
  it('accepts fractions of a second for tests', () => {
    expect(parseScreenQuery({ interval: '0.1' }).interval).toBe(0.1)
  })
  it('keeps the defaults for values it cannot read', () => {
    expect(parseScreenQuery({ interval: 'abc', page: '0', check: '-5' })).toEqual(DEFAULT_SCREEN_CONFIG)
    expect(parseScreenQuery({ interval: '0', page: '1.5', check: '' })).toEqual(DEFAULT_SCREEN_CONFIG)
    expect(parseScreenQuery({ year: '24' }).year).toBeNull()
    expect(parseScreenQuery({ year: '2023年' }).year).toBeNull()
  })
})

describe('stepPage', () => {
  it('wraps forward from the last page to the first', () => {
    expect(stepPage(4, 1, 5)).toBe(0)
  })
  it('wraps back from the first page to the last', () => {
    expect(stepPage(0, -1, 5)).toBe(4)
  })
  it('stays at 0 with no pages', () => {
    expect(stepPage(3, 1, 0)).toBe(0)
  })
})
