import { describe, expect, it } from 'vitest'
import { readAbout, readIndex } from '@/ingest/datasetFolder'

describe('about.json as written by hand', () => {
  it('has no sample files when it names none', () => {
    expect(readAbout({ organisation: '管委会' })).toEqual({ organisation: '管委会', sampleFiles: [] })
  })

  it.each([null, [], 'text', 42, { sampleFiles: 'actuals.csv' }, { sampleFiles: null }])('reads %j without throwing', (raw) => {
    const about = readAbout(raw)
    expect(about === null || Array.isArray(about.sampleFiles)).toBe(true)
  })

  it('drops a field of the wrong type or a year out of range', () => {
    expect(readAbout({ organisation: 7, unitCode: 806001, year: 20240, sampleFiles: ['a.csv', 3] })).toEqual({
      unitCode: '806001',
      sampleFiles: ['a.csv'],
    })
  })
})

describe('index.json', () => {
  it('keeps relative folders only', () => {
    expect(readIndex({ datasets: ['2024', '../etc', '/abs/', 'http://x/', 7, '2023/'] })).toEqual(['2024/', '2023/'])
    expect(readIndex({ datasets: 'x' })).toBeNull()
  })
})
