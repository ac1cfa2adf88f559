import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { QueryEngine } from '@/engine/QueryEngine'
import type { Scope } from '@/ingest/apply'
import { migrateBatch, replayBatches, type BatchRecord } from '@/ingest/batches'
import { orgKeyOf, readAbout, type DatasetAbout, type DatasetFolder } from '@/ingest/datasetFolder'
import { fetchDataFolders } from '@/ingest/fetchFolders'
import { DatasetError, loadDataset } from '@/ingest/loadDataset'
import { readDatasets, readOrgs, readStore, type DatasetEntry, type OrgEntry, type StoreSnapshot } from '@/ingest/readStore'
import { batchStore } from '@/persist/batchStore'
import { readSnapshot, snapshotKey, writeSnapshot, type StoreView } from '@/persist/snapshotCache'
import { storedView } from '@/persist/userState'
import { getEngine } from './engine'

export type { DatasetAbout }

type Status = 'idle' | 'loading' | 'ready' | 'error'

const sameScope = (a: Scope | null, b: Scope | null) => !!a && !!b && a.org === b.org && a.year === b.year

/**
 * The view a page opens on: the one asked for when the store holds it, else the first unit's latest year with
 * anything in it (the year turns on 1 January with the first actuals, not when the targets arrive).
 */
export function defaultView(datasets: readonly DatasetEntry[], orgs: readonly OrgEntry[], wanted: Partial<Scope> | null): Scope | null {
  const org = orgs.find((o) => o.org === wanted?.org && datasets.some((d) => d.org === o.org))?.org
    ?? orgs.find((o) => datasets.some((d) => d.org === o.org))?.org
    ?? datasets[0]?.org
  if (org === undefined) return null
  const years = datasets.filter((d) => d.org === org).map((d) => d.year)
  const year = wanted?.year !== undefined && years.includes(wanted.year) ? wanted.year : Math.max(...years)
  return Number.isFinite(year) ? { org, year } : null
}

/**
 * The stored data as the views see it: every unit and year the store holds, and for the unit and year on screen
 * (`view`) its targets, projects, plans and whole-year series, with last year's beside them for 同比.
 */
export const useDatasetStore = defineStore('dataset', () => {
  const status = ref<Status>('idle')
  const error = ref<{ title: string; messages: string[] } | null>(null)
  const folders = shallowRef<{ path: string; about: DatasetAbout | null }[]>([])
  const datasets = shallowRef<DatasetEntry[]>([])
  const orgs = shallowRef<OrgEntry[]>([])
  const view = ref<Scope | null>(null)
  const current = shallowRef<StoreSnapshot | null>(null)
  const lastYear = shallowRef<StoreSnapshot | null>(null)
  /** Bumped whenever the stored data changes, so that views and the wall screen can react. */
  const version = ref(0)
  let engine: QueryEngine | null = null
  let started: Promise<void> | null = null
  /** Snapshots read since the data last changed, by `year|org`: switching back to a year costs no query. */
  let cache = new Map<string, StoreSnapshot>()

  /** When the figures on screen were last read from a good load. */
  const loadedAt = ref<Date | null>(null)
  /** A failed reload keeps the last good figures; this says what went wrong. */
  const reloadError = ref<string | null>(null)
  /** Uploaded batches that could not be applied again onto the data folder (the rest are in force). */
  const replayError = ref<string | null>(null)

  const entry = computed(() => datasets.value.find((d) => sameScope(d, view.value)) ?? null)
  const indicators = computed(() => current.value?.indicators ?? [])
  const projects = computed(() => current.value?.projects ?? [])
  const plans = computed(() => current.value?.plans ?? new Map())
  const indicatorSeries = computed(() => current.value?.indicatorSeries ?? new Map())
  const spendingSeries = computed(() => current.value?.spendingSeries ?? new Map())
  const year = computed(() => view.value?.year ?? null)
  const latestMonth = computed(() => current.value?.latestMonth ?? null)
  /** The year has actuals or spending but its 指标 and 项目 are not loaded yet: nothing can be scored. */
  const awaitingTargets = computed(() => !!entry.value && !entry.value.hasIndicators && !entry.value.hasProjects)
  /** The years of the unit on screen, oldest first. */
  const years = computed(() => datasets.value.filter((d) => d.org === view.value?.org).map((d) => d.year).sort((a, b) => a - b))
  const org = computed(() => orgs.value.find((o) => o.org === view.value?.org) ?? null)
  /** about.json of the folder the view's unit and year came from (else of the unit's, else the first folder's). */
  const about = computed<DatasetAbout | null>(() => {
    const v = view.value
    const ofOrg = folders.value.filter((f) => orgKeyOf(f.about) === v?.org)
    return (ofOrg.find((f) => f.about?.year === v?.year) ?? ofOrg[0] ?? folders.value[0])?.about ?? null
  })
  /** The unit's name as its about.json or the 单位 registry gives it, else the projects' 主管部门. */
  const organisation = computed(() => about.value?.organisation ?? org.value?.name ?? projects.value[0]?.department ?? '')

  const cacheKey = (s: Scope) => `${s.year}|${s.org}`

  async function snapshotOf(s: Scope): Promise<StoreSnapshot | null> {
    if (!engine || !datasets.value.some((d) => sameScope(d, s))) return null
    const key = cacheKey(s)
    let snapshot = cache.get(key)
    if (!snapshot) {
      snapshot = markRaw(await readStore(engine, s))
      cache.set(key, snapshot)
    }
    return snapshot
  }

  /** Shows a unit and year (and last year's beside it); unknown ones fall back to the default view. */
  async function select(wanted: Partial<Scope> | null): Promise<void> {
    const next = defaultView(datasets.value, orgs.value, wanted)
    const [now, before] = next ? await Promise.all([snapshotOf(next), snapshotOf({ org: next.org, year: next.year - 1 })]) : [null, null]
    view.value = next
    current.value = now
    lastYear.value = before
    if (next) storedView.write(next)
    version.value++
  }

  /**
   * Shows the figures kept from the last load, when they hold the view a page opens on (a year switched to since is
   * not among them: that one waits for DuckDB rather than showing an empty year). Returns whether it did.
   */
  function showView(v: StoreView, wanted: Scope | null): boolean {
    const next = defaultView(v.datasets, v.orgs, wanted)
    if (next && !v.snapshots.some((s) => sameScope(s, next))) return false
    datasets.value = v.datasets
    orgs.value = v.orgs
    cache = new Map(v.snapshots.map((s) => [cacheKey(s), markRaw(s)]))
    view.value = next
    current.value = next ? (cache.get(cacheKey(next)) ?? null) : null
    lastYear.value = next ? (cache.get(cacheKey({ org: next.org, year: next.year - 1 })) ?? null) : null
    version.value++
    return true
  }

  /** Starts the engine, loads the deployed data and reads the view; once. */
  function init(): Promise<void> {
    started ??= (async () => {
      status.value = 'loading'
      try {
        const enginePromise = getEngine()
        const [fetched, stored] = await Promise.all([fetchDataFolders(), batchStore().list()])
        // Same inputs as last time: draw last time's figures now; DuckDB recomputes them below.
        const cached = readSnapshot(snapshotKey(fetched, stored))
        if (cached && showView(cached.view, storedView.read())) {
          folders.value = cached.abouts.map((a) => ({ path: a.path, about: readAbout(a.about) }))
          loadedAt.value = new Date(cached.savedAt)
          status.value = 'ready'
          performance.mark('jx:snapshot-shown')
        }
        engine = markRaw(await enginePromise)
        lastGood = fetched
        await rebuild(fetched, stored)
        status.value = 'ready'
      } catch (err) {
        status.value = 'error'
        error.value =
          err instanceof DatasetError
            ? { title: err.fileName, messages: err.messages }
            : { title: 'error', messages: [(err as Error).message] }
      }
    })()
    return started
  }

  /**
   * Rebuilds every table from the data folders and the uploads kept in IndexedDB, then re-reads the view. Batches
   * kept by a version of the app before years and units are given the first folder's unit and its latest year.
   */
  async function rebuild(data: DatasetFolder[], stored?: BatchRecord[]): Promise<void> {
    if (!engine) throw new Error('DuckDB is not available')
    await loadDataset(engine, data)
    performance.mark('jx:dataset-loaded')
    const store = batchStore()
    const loaded = await readDatasets(engine)
    const firstOrg = orgKeyOf(data[0]?.about ?? null)
    const ofOrg = loaded.filter((d) => d.org === firstOrg)
    const defaults: Scope | null = ofOrg.length ? { org: firstOrg, year: Math.max(...ofOrg.map((d) => d.year)) } : null
    const batches = []
    for (const record of stored ?? (await store.list())) {
      const migrated = defaults ? migrateBatch(record, defaults) : record
      if (migrated !== record) await store.put(migrated)
      batches.push(migrated)
    }
    try {
      await replayBatches(engine, batches)
      replayError.value = null
    } catch (err) {
      replayError.value = (err as Error).message
    }
    performance.mark('jx:batches-replayed')
    folders.value = data.map((f) => ({ path: f.path, about: f.about }))
    await refresh(batches)
    performance.mark('jx:store-read')
    loadedAt.value = new Date()
  }

  /**
   * Fetches the deployed data again and rebuilds (the wall screen's refresh). On failure the tables may be
   * half-built, so the last good files are loaded back and the error is kept in `reloadError`.
   */
  async function reloadFolder(): Promise<void> {
    await init()
    const fetched = await fetchDataFolders()
    const previous = lastGood
    lastGood = fetched
    try {
      await rebuild(fetched)
      reloadError.value = null
    } catch (err) {
      reloadError.value = err instanceof DatasetError ? `${err.fileName}: ${err.messages[0] ?? ''}` : (err as Error).message
      // the figures on screen are still those of the last good load: say when that was, not when they were rebuilt
      const when = loadedAt.value
      lastGood = previous
      if (previous) await rebuild(previous)
      loadedAt.value = when
    }
  }
  let lastGood: DatasetFolder[] | null = null

  /** Re-reads what the store holds after the stored data changed; `batches` are those now stored. */
  async function refresh(batches: readonly BatchRecord[]): Promise<void> {
    if (!engine) return
    datasets.value = await readDatasets(engine)
    orgs.value = await readOrgs(engine)
    cache = new Map()
    await select(view.value ?? storedView.read())
    if (lastGood) {
      writeSnapshot({
        key: snapshotKey(lastGood, batches),
        savedAt: new Date().toISOString(),
        abouts: lastGood.map((f) => ({ path: f.path, about: f.about })),
        view: { datasets: datasets.value, orgs: orgs.value, snapshots: [current.value, lastYear.value].filter((s) => s !== null) },
      })
    }
  }

  /** The engine, for the data page and exports (after init). */
  async function engineReady(): Promise<QueryEngine> {
    await init()
    if (!engine) throw new Error('DuckDB is not available')
    return engine
  }

  return {
    status, error, folders, datasets, orgs, view, current, lastYear, entry, indicators, projects, plans, indicatorSeries,
    spendingSeries, year, years, latestMonth, awaitingTargets, org, about, organisation, version, loadedAt, reloadError,
    replayError, init, rebuild, reloadFolder, refresh, select, engineReady,
  }
})
