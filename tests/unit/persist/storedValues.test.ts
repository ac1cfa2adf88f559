// @vitest-environment jsdom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS } from '@/domain/settings'
import { readSnapshot, writeSnapshot, type CachedSnapshot } from '@/persist/snapshotCache'
import { storedJudgementBook, storedLikelihoods, storedSettings } from '@/persist/userState'
import { useDatasetStore } from '@/stores/dataset'
import { useJudgementsStore } from '@/stores/judgements'
import { useLikelihoodStore } from '@/stores/likelihood'
import { useSettingsStore } from '@/stores/settings'

/** What a hand edit, an older build or another app on the origin can leave under a key. */
const WRITTEN_BY_HAND = [
  'null',
  '[]',
  '"text"',
  '42',
  'true',
  '{not json',
  '{"lang": 7, "monitor": [], "scoring": "x", "indicators": 1, "projects": [], "monitoring": null, "monitoringMonth": "7"}',
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
]

const DEFAULT_SETTINGS = { lang: 'zh', monitor: DEFAULT_MONITOR_SETTINGS, scoring: DEFAULT_SCORING_SETTINGS }
const NO_JUDGEMENTS = {
  indicators: new Map(), projects: new Map(), monitoring: new Map(), monitoringMonth: 7, spotChecks: { indicators: new Map(), execution: new Map() },
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('a stored value written by hand', () => {
  it.each(WRITTEN_BY_HAND)('reads %s back as the defaults', (text) => {
    for (const key of ['jixiao:settings', 'jixiao:judgements', 'jixiao:likelihood', 'jixiao:snapshot']) localStorage.setItem(key, text)
    expect(storedSettings.read()).toEqual(DEFAULT_SETTINGS)
    const book = storedJudgementBook.read()
    expect(book.scopes.size).toBe(0)
    expect(book.unscoped ?? NO_JUDGEMENTS).toEqual(NO_JUDGEMENTS)
    expect(storedLikelihoods.read()).toEqual({})
    expect(readSnapshot('any')).toBeNull()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('opens the settings, judgements and likelihood stores on "null"', () => {
    for (const key of ['jixiao:settings', 'jixiao:judgements', 'jixiao:likelihood']) localStorage.setItem(key, 'null')
    expect(useSettingsStore().monitor).toEqual(DEFAULT_MONITOR_SETTINGS)
    expect(useJudgementsStore().monitoringMonth).toBe(7)
    expect(useLikelihoodStore().confirmed).toEqual({})
  })
})

describe('settings', () => {
  it('keeps the rules that check out and takes the default for the rest', () => {
    localStorage.setItem('jixiao:settings', JSON.stringify({ lang: 'en', monitor: { execution: { red: 0.5, yellow: '0.9' } } }))
    const read = storedSettings.read()
    expect(read.lang).toBe('en')
    expect(read.monitor.execution).toEqual({ red: 0.5, yellow: 0.8 })
    expect(read.scoring).toEqual(DEFAULT_SCORING_SETTINGS)
  })

  it('are the defaults, group by group, where they fail the settings form’s own checks', () => {
    const weights = { execution: -10, output: 70, effect: 30, satisfaction: 10 }
    localStorage.setItem('jixiao:settings', JSON.stringify({ scoring: { weights }, monitor: { pointTolerance: 0.2 } }))
    const read = storedSettings.read()
    expect(read.scoring).toEqual(DEFAULT_SCORING_SETTINGS)
    expect(read.monitor.pointTolerance).toBe(0.2)
    localStorage.setItem('jixiao:settings', JSON.stringify({ monitor: { execution: { red: 0.9, yellow: 0.8 } } }))
    expect(storedSettings.read().monitor).toEqual(DEFAULT_MONITOR_SETTINGS)
    expect(useSettingsStore().scoring.weights.execution).toBe(10)
  })

  it('are written on every change and read back by the next page', async () => {
    const settings = useSettingsStore()
    settings.monitor.cumulative.blue = 1.5
    settings.lang = 'en'
    await nextTick()
    setActivePinia(createPinia())
    expect(useSettingsStore().monitor.cumulative.blue).toBe(1.5)
    expect(useSettingsStore().lang).toBe('en')
  })
})

describe('likelihood overrides', () => {
  it('drop entries whose key is not a month and an indicator, or whose value is not one of the three words', () => {
    localStorage.setItem(
      'jixiao:likelihood',
      '{"2024-07:D07": "有可能", "2024-07:D08": "maybe", "2024-07:D09": null, "__proto__": "有可能", "constructor": "确定能"}',
    )
    const read = storedLikelihoods.read()
    expect(read).toEqual({ '2024-07:D07': '有可能' })
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype)
  })
})

describe('judgements', () => {
  it('keep the entries that check out and drop the rest', () => {
    localStorage.setItem(
      'jixiao:judgements',
      JSON.stringify({ indicators: { D01: { band: '达成', score: 'x', reason: 3 }, D02: null }, monitoringMonth: 13 }),
    )
    expect(storedJudgementBook.read().unscoped).toEqual({
      ...NO_JUDGEMENTS,
      indicators: new Map([['D01', { band: '达成', score: null, reason: '' }]]),
    })
  })
})

describe('the reload snapshot', () => {
  const view = {
    datasets: [{ org: '806001', year: 2024, hasIndicators: true, hasProjects: true, latestMonth: 11 }],
    orgs: [{ org: '806001', name: '管委会', code: '806001', department: null }],
    snapshots: [
      {
        org: '806001', year: 2024, indicators: [], projects: [], plans: new Map(), latestMonth: 11,
        indicatorSeries: new Map([['D01', [{ month: 1 }]]]) as never, spendingSeries: new Map(), links: [],
      },
    ],
  }
  const snapshot: CachedSnapshot = {
    key: 'k1',
    savedAt: '2024-11-30T08:00:00.000Z',
    abouts: [{ path: '2024/', about: { organisation: '管委会', sampleFiles: [] } }],
    view,
  }

  it('is read back for the same key only, its maps as maps', () => {
    writeSnapshot(snapshot)
    expect(readSnapshot('k1')).toEqual(snapshot)
    expect(readSnapshot('k1')?.view.snapshots[0]?.indicatorSeries.get('D01')).toEqual([{ month: 1 }])
    expect(readSnapshot('k2')).toBeNull()
  })

  it('is not read back when its tables are not of the right shape', () => {
    writeSnapshot({ ...snapshot, view: { ...view, snapshots: [{ ...view.snapshots[0], indicators: null } as never] } })
    expect(readSnapshot('k1')).toBeNull()
    writeSnapshot({ ...snapshot, savedAt: 'yesterday' })
    expect(readSnapshot('k1')).toBeNull()
  })
})

describe('likelihoods of two units with the same 指标编码', () => {
  const july = { year: 2024, month: 7 }

  it('are each unit’s own', () => {
    const dataset = useDatasetStore()
    const likelihood = useLikelihoodStore()
    dataset.view = { org: 'A', year: 2024 }
    likelihood.confirm('D01', july, '确定能')
    dataset.view = { org: 'B', year: 2024 }
    expect(likelihood.confirmedFor('D01', july)).toBeNull()
    likelihood.confirm('D01', july, '完全不可能')
    dataset.view = { org: 'A', year: 2024 }
    expect(likelihood.confirmedFor('D01', july)).toBe('确定能')
  })

  it('give what was confirmed before units to the default unit once the data say which it is', async () => {
    localStorage.setItem('jixiao:likelihood', '{"2024-07:D01": "有可能"}')
    const dataset = useDatasetStore()
    const likelihood = useLikelihoodStore()
    dataset.legacyScope = { org: '806001', year: 2024 }
    await nextTick()
    dataset.view = { org: '806001', year: 2024 }
    expect(likelihood.confirmedFor('D01', july)).toBe('有可能')
    dataset.view = { org: '900001', year: 2024 }
    expect(likelihood.confirmedFor('D01', july)).toBeNull()
  })
})
