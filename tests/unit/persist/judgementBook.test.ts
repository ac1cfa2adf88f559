// @vitest-environment jsdom
// 自评 judgements and the bureau's 抽评 belong to one unit and one year: unit B's never touch unit A's, 2023's never
// 2024's; what a version before units and years kept goes to the unit and year it was made for.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { readJudgementBook, scopeKey } from '@/persist/judgements'
import { storedJudgementBook } from '@/persist/userState'
import { useDatasetStore } from '@/stores/dataset'
import { useJudgementsStore } from '@/stores/judgements'

const A_2024 = { org: '806001', year: 2024 }
const A_2023 = { org: '806001', year: 2023 }
const B_2024 = { org: '806002', year: 2024 }

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

/** The judgements store with the dataset store showing `scope`. */
function judgementsShowing(scope: { org: string; year: number }) {
  const dataset = useDatasetStore()
  dataset.view = scope
  return { dataset, judgements: useJudgementsStore() }
}

describe('judgements by unit and year', () => {
  it('keeps unit B’s judgements apart from unit A’s for the same 指标编码', async () => {
    const { dataset, judgements } = judgementsShowing(A_2024)
    judgements.setIndicator('P01-01', { band: '达成', score: 9 })
    dataset.view = B_2024
    expect(judgements.indicators.get('P01-01')).toBeUndefined()
    judgements.setIndicator('P01-01', { band: '未达成', score: 2 })
    dataset.view = A_2024
    expect(judgements.indicators.get('P01-01')).toMatchObject({ band: '达成', score: 9 })
    await nextTick()
    const book = storedJudgementBook.read()
    expect(book.scopes.get(scopeKey(A_2024))?.indicators.get('P01-01')?.score).toBe(9)
    expect(book.scopes.get(scopeKey(B_2024))?.indicators.get('P01-01')?.score).toBe(2)
  })

  it('keeps 2023’s judgements apart from 2024’s of the same unit', () => {
    const { dataset, judgements } = judgementsShowing(A_2023)
    judgements.setProject('P01', { executionReason: '2023年的原因' })
    judgements.monitoringMonth = 9
    dataset.view = A_2024
    expect(judgements.projects.get('P01')).toBeUndefined()
    expect(judgements.monitoringMonth).toBe(7)
    expect(judgements.judgementsOf(A_2023).projects.get('P01')?.executionReason).toBe('2023年的原因')
  })

  it('keeps the bureau’s 抽评 scores with the unit and year they were typed for, and takes one back', async () => {
    const { judgements } = judgementsShowing(B_2024)
    judgements.setSpotCheck('indicators', 'P01-01', 6)
    judgements.setSpotCheck('execution', 'P01', 8.5)
    judgements.setSpotCheck('indicators', 'P01-02', 3)
    judgements.setSpotCheck('indicators', 'P01-02', null)
    await nextTick()
    setActivePinia(createPinia())
    const again = judgementsShowing(B_2024).judgements
    expect(again.spotChecks.indicators).toEqual(new Map([['P01-01', 6]]))
    expect(again.spotChecks.execution).toEqual(new Map([['P01', 8.5]]))
    expect(again.judgementsOf(A_2024).spotChecks.indicators.size).toBe(0)
  })
})

describe('judgements kept before units and years', () => {
  const OLD = { indicators: { 'P01-01': { band: '部分达成', score: 7, reason: '进度偏慢' } }, monitoringMonth: 8 }

  it('go to the default unit’s latest year once the data say which that is, and are stored there', async () => {
    localStorage.setItem('jixiao:judgements', JSON.stringify(OLD))
    const { dataset, judgements } = judgementsShowing(A_2024)
    expect(judgements.indicators.get('P01-01')).toBeUndefined()
    dataset.legacyScope = A_2024
    await nextTick()
    expect(judgements.indicators.get('P01-01')).toEqual({ band: '部分达成', score: 7, reason: '进度偏慢' })
    expect(judgements.monitoringMonth).toBe(8)
    await nextTick()
    const book = storedJudgementBook.read()
    expect(book.unscoped).toBeNull()
    expect([...book.scopes.keys()]).toEqual([scopeKey(A_2024)])
  })

  it('are not given to another unit shown first', async () => {
    localStorage.setItem('jixiao:judgements', JSON.stringify(OLD))
    const { dataset, judgements } = judgementsShowing(B_2024)
    dataset.legacyScope = A_2024
    await nextTick()
    expect(judgements.indicators.size).toBe(0)
    expect(judgements.judgementsOf(A_2024).indicators.get('P01-01')?.score).toBe(7)
  })
})

describe('the stored book read back', () => {
  it('drops an entry without a unit or a whole year, and rows of the wrong shape within one', () => {
    const book = readJudgementBook({
      scopes: [
        { org: '806001', year: 2024, indicators: { D01: { band: '达成' }, D02: 3 }, spotChecks: { indicators: { D01: 8, D02: -1, D03: 'x' } } },
        { org: 806002, year: 2024, indicators: { D01: { band: '达成' } } },
        { org: '806003', year: 2024.5 },
        null,
      ],
    })
    expect([...book.scopes.keys()]).toEqual([scopeKey(A_2024)])
    const a = book.scopes.get(scopeKey(A_2024))
    expect([...(a?.indicators.keys() ?? [])]).toEqual(['D01'])
    expect(a?.spotChecks.indicators).toEqual(new Map([['D01', 8]]))
    expect(book.unscoped).toBeNull()
  })

  it('keeps a unit whose key contains the separator as its own', async () => {
    const odd = { org: '2024|x', year: 2023 }
    const { judgements } = judgementsShowing(odd)
    judgements.setIndicator('D01', { score: 5 })
    await nextTick()
    expect(storedJudgementBook.read().scopes.get(scopeKey(odd))?.indicators.get('D01')?.score).toBe(5)
  })
})
