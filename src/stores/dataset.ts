import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { QueryEngine } from '@/engine/QueryEngine'
import type { Scope } from '@/ingest/apply'
import { logSignature, type BatchRecord } from '@/ingest/batches'
import { adoptUnrecorded, migrateBatch, replayBatches, type ReplayReport } from '@/ingest/replay'
import { orgKeyOf, type DatasetAbout, type DatasetFolder } from '@/ingest/datasetFolder'
import { forgetRequestsAhead } from '@/ingest/deployedRequests'
import { fetchDataFolders, fetchShippedSnapshot, fetchShippedTable } from '@/ingest/fetchFolders'
import { checkShippedSnapshot } from '@/ingest/shippedSnapshot'
import { loadShippedTables, sourceHash, type ShippedTables } from '@/ingest/shippedTables'
import { DatasetError, loadDataset } from '@/ingest/loadDataset'
import { defaultView, emptySnapshot, readDatasets, readOrgs, readUnitYears, type DatasetEntry, type OrgEntry, type StoreSnapshot } from '@/ingest/readStore'
import { readSampleParts, sampleLeft, sampleListed, type SamplePart, type SampleScope } from '@/ingest/sampleStatus'
import { batchChannel, withBatchLock } from '@/persist/batchChannel'
import { batchStore } from '@/persist/batchStore'
import { foldersHash, readSnapshot, snapshotKey, writeSnapshot, type StoreView } from '@/persist/snapshotCache'
import { storedView } from '@/persist/userState'
import { afterFirstFigures, engineWanted, getEngine } from './engine'

export type { DatasetAbout }

type Status = 'idle' | 'loading' | 'ready' | 'error'

/** The step of start-up that failed: the page says which, in words (App.vue). */
export type LoadStage = 'data' | 'batches' | 'engine' | 'dataset' | 'build'

/** Why the data could not be loaded: a deployed file's problems (`dataset`), or a step that failed and its error. */
export interface LoadFailure {
  stage: LoadStage
  /** the deployed file whose problems stopped the load (stage `dataset`) */
  fileName: string | null
  /** its problems, in Chinese */
  messages: string[]
  /** the error as the browser or DuckDB put it, for whoever helps */
  detail: string | null
}

class StageError extends Error {
  constructor(
    readonly stage: LoadStage,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error))
  }
}

/** `work`, its failure labelled with the step it belongs to. */
const inStage = <T>(stage: LoadStage, work: () => Promise<T>): Promise<T> =>
  work().catch((error: unknown) => {
    throw error instanceof DatasetError || error instanceof StageError ? error : new StageError(stage, error)
  })

export function loadFailure(error: unknown): LoadFailure {
  if (error instanceof DatasetError) return { stage: 'dataset', fileName: error.fileName, messages: error.messages, detail: null }
  const stage = error instanceof StageError ? error.stage : 'build'
  const cause = error instanceof StageError ? error.error : error
  return { stage, fileName: null, messages: [], detail: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) }
}

const sameScope = (a: Scope | null, b: Scope | null) => !!a && !!b && a.org === b.org && a.year === b.year

/** Where what a version of the app before years and units kept belongs: the first folder's unit and its latest year. */
function legacyScopeOf(data: readonly { about: DatasetAbout | null }[], loaded: readonly DatasetEntry[]): Scope | null {
  const firstOrg = orgKeyOf(data[0]?.about ?? null)
  const ofOrg = loaded.filter((d) => d.org === firstOrg)
  return ofOrg.length ? { org: firstOrg, year: Math.max(...ofOrg.map((d) => d.year)) } : null
}

/**
 * The stored data as the views see it: every unit and year the store holds, and for the unit and year on screen
 * (`view`) its targets, projects, plans and whole-year series, with last year's beside them for 同比.
 */
export const useDatasetStore = defineStore('dataset', () => {
  const status = ref<Status>('idle')
  const error = ref<LoadFailure | null>(null)
  const folders = shallowRef<{ path: string; about: DatasetAbout | null }[]>([])
  const datasets = shallowRef<DatasetEntry[]>([])
  const orgs = shallowRef<OrgEntry[]>([])
  const view = ref<Scope | null>(null)
  /** the unit and year that batches and judgements kept before years and units belong to; null until the data are read */
  const legacyScope = ref<Scope | null>(null)
  const current = shallowRef<StoreSnapshot | null>(null)
  const lastYear = shallowRef<StoreSnapshot | null>(null)
  /** Bumped whenever the stored data changes, so that views and the wall screen can react. */
  const version = ref(0)
  let engine: QueryEngine | null = null
  let started: Promise<void> | null = null
  /** Snapshots read since the data last changed, by `year|org`: switching back to a year costs no query. */
  let cache = new Map<string, StoreSnapshot>()
  /**
   * Reads under way of the data now cached, by `year|org`: a unit asked for again meanwhile (pointed at on the bureau
   * page, then opened) is read once. Emptied with the cache: a read begun on other data is never handed out.
   */
  let reading = new Map<string, Promise<StoreSnapshot>>()
  /** Bumped whenever the cache is emptied: a read that began before lands in no cache and on no screen. */
  let generation = 0
  function forgetReads(): void {
    cache = new Map()
    reading = new Map()
    generation++
  }

  /** When the figures on screen were last read from a good load. */
  const loadedAt = ref<Date | null>(null)
  /** A failed reload keeps the last good figures; this says what went wrong. */
  const reloadError = ref<string | null>(null)
  /** Uploaded batches that could not be applied again onto the data folder (the rest are in force). */
  const replayError = ref<string | null>(null)
  /** data/snapshot.json was computed from other files than those deployed now: the figures wait for DuckDB. */
  const staleSnapshot = ref(false)
  /** DuckDB has loaded the data and the figures on screen are its own (not a snapshot's). */
  const computed_ = ref(false)
  /**
   * DuckDB holds the data (the first rebuild has loaded them): until then a read finds its tables empty or half
   * loaded, even once DuckDB itself is ready.
   */
  let tablesRead = false

  /** The rows the deployed sample files stored (read before the uploads are replayed), and what of them is left. */
  let sampleParts: SamplePart[] = []
  const sampleScopes = shallowRef<SampleScope[] | null>(null)
  /**
   * What is still 示例数据 in the unit on screen, for its year and last year's (which 同比 draws on); empty once the
   * user's own files have replaced every sample row. The header's badge and the wall screen's footer word it
   * (src/i18n/describeSample.ts).
   */
  const sampleStatus = computed<SampleScope[]>(() => {
    const v = view.value
    if (!v) return []
    const scopes = sampleScopes.value ?? sampleListed(folders.value)
    return [v.year, v.year - 1].flatMap((year) => scopes.filter((s) => s.org === v.org && s.year === year))
  })
  /** `foldersHash` of the deployed data now loaded: each batch records the one it was applied on. */
  const dataHash = ref<string | null>(null)
  /** Batches in force that were applied on other deployed data, as the last rebuild found them. */
  const replayReport = shallowRef<ReplayReport | null>(null)
  /** Bumped when another tab changed the batches and this tab rebuilt from them. */
  const batchesVersion = ref(0)
  /** The log of batches the engine's tables hold now (replayed at start-up, applied or undone since). */
  let loadedLog: string | null = null
  const channel = batchChannel()

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

  /**
   * A unit's years as the pages show them (null for one the store holds nothing of): read once, those not read yet
   * in one pass together, then from the cache.
   */
  function snapshotsOf(org: string, years: readonly number[]): Promise<(StoreSnapshot | null)[]> {
    const held = years.filter((year) => datasets.value.some((d) => sameScope(d, { org, year })))
    const unread = held.filter((year) => !cache.has(cacheKey({ org, year })) && !reading.has(cacheKey({ org, year })))
    if (engine && unread.length) {
      // this generation's cache and reads: emptied meanwhile (the data changed), they are no longer the store's
      const [into, under] = [cache, reading]
      const read = readUnitYears(engine, org, unread)
      for (const year of unread) {
        const key = cacheKey({ org, year })
        const one = read.then((snapshots) => markRaw(snapshots.get(year) ?? emptySnapshot(org, year)))
        under.set(key, one)
        one.then((snapshot) => void into.set(key, snapshot), () => undefined).finally(() => under.get(key) === one && under.delete(key))
      }
    }
    return Promise.all(
      years.map((year) => {
        const key = cacheKey({ org, year })
        // a year kept from the last visit is there before DuckDB is (taken for none, it showed an empty year)
        return held.includes(year) ? (cache.get(key) ?? reading.get(key) ?? null) : null
      }),
    )
  }
  const snapshotOf = async (s: Scope): Promise<StoreSnapshot | null> => (await snapshotsOf(s.org, [s.year]))[0] ?? null

  /** Starts reading a unit's year and last year's (a row pointed at on the bureau page), for `select` to find read. */
  function prefetch(s: Scope): void {
    snapshotsOf(s.org, [s.year, s.year - 1]).catch(() => undefined)
  }

  /**
   * Another view is being read (a year or unit picked): the figures on screen are still the last view's, and the page
   * says so (App.vue dims them) until the new ones replace them.
   */
  const selecting = ref(false)

  /** Reads what `select(wanted)` would show, without showing it: `showRead` then shows it at once. */
  async function read(wanted: Partial<Scope> | null): Promise<void> {
    const next = defaultView(datasets.value, orgs.value, wanted)
    if (next) await snapshotsOf(next.org, [next.year, next.year - 1])
  }

  /**
   * Shows a view at once (in this task), when what it shows has been read (`read`): says whether it did; when not,
   * nothing changed and `select` is the way. A select under way is then no longer the view asked for last.
   */
  function showRead(wanted: Partial<Scope> | null): boolean {
    const next = defaultView(datasets.value, orgs.value, wanted)
    if (!engine) return false
    const [now, before] = next ? viewRead(next) : [null, null]
    if (now === undefined || before === undefined) return false
    asked = null
    selecting.value = false
    show(next, now ?? null, before ?? null)
    return true
  }
  /** A unit's year as read: null when the store holds nothing of it, undefined when it is not read (yet). */
  const snapshotRead = (org: string, year: number): StoreSnapshot | null | undefined =>
    datasets.value.some((d) => sameScope(d, { org, year })) ? cache.get(cacheKey({ org, year })) : null
  /** A view's year and last year's, as read (`snapshotRead`). */
  const viewRead = (v: Scope) => [snapshotRead(v.org, v.year), snapshotRead(v.org, v.year - 1)] as const

  /** Puts a view on screen, with the figures read for it. */
  function show(next: Scope | null, now: StoreSnapshot | null, before: StoreSnapshot | null): void {
    view.value = next
    current.value = now
    lastYear.value = before
    if (next) storedView.write(next)
    version.value++
  }

  /** The view asked for last, until it is shown: a view asked for before it whose reads end later is not shown. */
  let asked: { wanted: Partial<Scope> | null } | null = null

  /**
   * Shows a unit and year (and last year's beside it); unknown ones fall back to the default view. Says whether it
   * did: not when another was asked for meanwhile (reads shared with it end together, in no set order). The figures
   * on screen are dimmed while it reads (`dim`), not when they are the same view's read again.
   */
  async function select(wanted: Partial<Scope> | null, { dim = true }: { dim?: boolean } = {}): Promise<boolean> {
    const ask = { wanted }
    asked = ask
    if (dim) selecting.value = true
    try {
      return await selectAsked(ask)
    } finally {
      // another view asked for meanwhile is still being read
      selecting.value = asked !== null
    }
  }
  async function selectAsked(ask: { wanted: Partial<Scope> | null }): Promise<boolean> {
    for (;;) {
      const at = generation
      const next = defaultView(datasets.value, orgs.value, ask.wanted)
      // figures drawn from a snapshot, the data not yet in DuckDB: a year the snapshot does not hold is read once
      // DuckDB has read the data (started now), whose refresh shows the view asked for last; until then the page says
      // that DuckDB is loading the data. Shown without its figures, the year said 本年度的预算项目尚未载入 and
      // 暂无完成数据 for two seconds; with the last year's figures kept, the year picked was written above them.
      if (next && !tablesRead && viewRead(next).includes(undefined)) {
        status.value = 'loading'
        show(next, null, null)
        try {
          await engineReady()
        } catch {
          if (asked === ask) asked = null
          return false
        }
        if (asked !== ask) return false
        continue
      }
      const [now = null, before = null] = next ? await snapshotsOf(next.org, [next.year, next.year - 1]) : []
      if (asked !== ask) return false
      // the data changed while these were read: read again, from the data now stored
      if (at !== generation) continue
      show(next, now, before)
      asked = null
      return true
    }
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
    legacyScope.value = legacyScopeOf(folders.value, v.datasets)
    forgetReads()
    cache = new Map(v.snapshots.map((s) => [cacheKey(s), markRaw(s)]))
    view.value = next
    current.value = next ? (cache.get(cacheKey(next)) ?? null) : null
    lastYear.value = next ? (cache.get(cacheKey({ org: next.org, year: next.year - 1 })) ?? null) : null
    version.value++
    return true
  }

  /**
   * Starts the engine, loads the deployed data and reads the view; once. A page that cannot draw without DuckDB says
   * so (`needsEngine`): with a snapshot on screen, DuckDB otherwise starts only once the page's charts are drawn.
   */
  function init({ needsEngine = false }: { needsEngine?: boolean } = {}): Promise<void> {
    if (needsEngine) engineWanted()
    started ??= (async () => {
      status.value = 'loading'
      try {
        const [fetched, stored, shippedRaw] = await Promise.all([
          inStage('data', () => fetchDataFolders()),
          inStage('batches', () => batchStore().list()),
          fetchShippedSnapshot(),
        ])
        forgetRequestsAhead()
        // Same inputs as last time: draw last time's figures now; DuckDB recomputes them below.
        const cached = readSnapshot(snapshotKey(fetched, stored))
        // A cold browser: the figures shipped with the data, when they were computed from these very files and no
        // upload of this browser's changes them.
        const shipped = checkShippedSnapshot(shippedRaw)
        const filesHash = foldersHash(fetched)
        const fresh = shipped !== null && shipped.hash === filesHash
        staleSnapshot.value = shipped !== null && !fresh
        shippedTables = shipped?.tables ?? null
        const early = cached ?? (fresh && stored.length === 0 ? { ...shipped, savedAt: shipped.computedAt } : null)
        // the about.json deployed now (the sample badge, the unit's name), not the one kept figures were computed with;
        // before showView, which reads it for where judgements kept before units belong
        folders.value = fetched.map((f) => ({ path: f.path, about: f.about }))
        if (early && showView(early.view, storedView.read())) {
          loadedAt.value = new Date(early.savedAt)
          status.value = 'ready'
          performance.mark(cached ? 'jx:snapshot-shown' : 'jx:shipped-snapshot-shown')
          // the frame that puts the snapshot's numbers on screen (the charts follow once ECharts has loaded)
          if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => performance.mark('jx:snapshot-painted'))
          // DuckDB starts once the figures are drawn (a page that waits for DuckDB waits no longer than this)
          await afterFirstFigures(1200)
        }
        // fetched while DuckDB starts, rather than after; not before the first figures are drawn, whose charts'
        // code would otherwise queue behind eight table files for the browser's six connections to the server
        if (shippedTables?.source === sourceHash(fetched, filesHash)) {
          const files = new Map(shippedTables.files.map((f) => [`${f.table}.csv`, fetchShippedTable(`${f.table}.csv`)]))
          prefetched = (name) => files.get(name) ?? fetchShippedTable(name)
        }
        engine = markRaw(await inStage('engine', getEngine))
        lastGood = fetched
        await inStage('build', () => rebuild(fetched, stored))
        status.value = 'ready'
        channel.listen(() => void withBatchLock(() => syncWithStore()))
      } catch (err) {
        status.value = 'error'
        error.value = loadFailure(err)
      }
    })()
    return started
  }

  /** Another tab applied or undid: the log as stored now, rebuilt from when it differs from the one in the engine. */
  async function syncWithStore(): Promise<void> {
    try {
      await syncBatches(await batchStore().list())
    } catch (err) {
      replayError.value = (err as Error).message
    }
  }

  /**
   * Makes the engine's tables those of the data folder and `log` when they hold another log (another tab changed
   * it): the upload session calls this before every apply and undo, under the batch lock.
   */
  async function syncBatches(log: readonly BatchRecord[]): Promise<void> {
    await init({ needsEngine: true })
    if (!engine || !lastGood || loadedLog === logSignature(log)) return
    await rebuild(lastGood, [...log])
    batchesVersion.value++
  }

  /**
   * Rebuilds every table from the data folders and the uploads kept in IndexedDB, then re-reads the view. Batches
   * kept by a version of the app before years and units are given the first folder's unit and its latest year.
   */
  async function rebuild(data: DatasetFolder[], stored?: BatchRecord[]): Promise<void> {
    if (!engine) throw new Error('DuckDB is not available')
    await loadData(engine, data)
    sampleParts = await readSampleParts(engine, data)
    performance.mark('jx:dataset-loaded')
    const store = batchStore()
    const loaded = await readDatasets(engine)
    const defaults = legacyScopeOf(data, loaded)
    legacyScope.value = defaults
    const batches = []
    for (const record of stored ?? (await store.list())) {
      const migrated = defaults ? migrateBatch(record, defaults) : record
      if (migrated !== record) await store.put(migrated)
      batches.push(migrated)
    }
    const hash = foldersHash(data)
    dataHash.value = hash
    try {
      const { adopted, report } = adoptUnrecorded(await replayBatches(engine, batches, { foldersHash: hash }))
      for (const record of adopted) await store.put(record)
      replayReport.value = report.onOtherData.length ? report : null
      replayError.value = null
    } catch (err) {
      replayError.value = (err as Error).message
    }
    performance.mark('jx:batches-replayed')
    folders.value = data.map((f) => ({ path: f.path, about: f.about }))
    tablesRead = true
    // no batch in force: the tables are the data folder's, whose list was read above
    await refresh(batches, batches.some((b) => !b.undoneAt) ? null : loaded)
    performance.mark('jx:store-read')
    loadedAt.value = new Date()
    computed_.value = true
  }

  /** The checked tables shipped beside data/snapshot.json, as last fetched. */
  let shippedTables: ShippedTables | null = null
  /** The shipped tables' files, when init started fetching them: taken by the first load. */
  let prefetched: ((fileName: string) => Promise<Uint8Array | null>) | null = null

  /**
   * Fills the store from `data`: from the shipped tables when they were written from these very files (checked
   * then, by the same code), else by staging and checking every file.
   */
  async function loadData(engine: QueryEngine, data: DatasetFolder[]): Promise<void> {
    const tables = shippedTables?.source === sourceHash(data) ? shippedTables : null
    const fetchTable = prefetched ?? ((name: string) => fetchShippedTable(name))
    prefetched = null
    if (tables && (await loadShippedTables(engine, tables, fetchTable))) performance.mark('jx:loaded-from-tables')
    else await loadDataset(engine, data)
  }

  /**
   * Fetches the deployed data again and rebuilds (the wall screen's refresh). On failure the tables may be
   * half-built, so the last good files are loaded back and the error is kept in `reloadError`.
   */
  async function reloadFolder(): Promise<void> {
    await init({ needsEngine: true })
    const [fetched, shippedRaw] = await Promise.all([fetchDataFolders(), fetchShippedSnapshot()])
    shippedTables = checkShippedSnapshot(shippedRaw)?.tables ?? null
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

  /**
   * Re-reads what the store holds after the stored data changed; `batches` are those now stored, `known` the list of
   * what it holds when the caller has just read it.
   */
  async function refresh(batches: readonly BatchRecord[], known: DatasetEntry[] | null = null): Promise<void> {
    if (!engine) return
    loadedLog = logSignature(batches)
    const [held, units] = await Promise.all([known ?? readDatasets(engine), readOrgs(engine)])
    datasets.value = held
    orgs.value = units
    forgetReads()
    sampleScopes.value = sampleLeft(sampleParts, batches)
    // a view asked for while the data changed, else the one on screen; the figures kept for the next visit are those
    // of a view shown here (one asked for since is shown by its own select, without them)
    // the same view's figures read again (a reload, the wall screen's folder watch): not dimmed meanwhile
    const shown = await select(asked?.wanted ?? view.value ?? storedView.read(), { dim: asked !== null })
    if (shown && lastGood) {
      writeSnapshot({
        key: snapshotKey(lastGood, batches),
        savedAt: new Date().toISOString(),
        abouts: lastGood.map((f) => ({ path: f.path, about: f.about })),
        view: { datasets: datasets.value, orgs: orgs.value, snapshots: [current.value, lastYear.value].filter((s) => s !== null) },
      })
    }
  }

  /** A unit's name when it is not the one on screen (the data page names where rows go); null for the one on screen. */
  const otherUnitName = (org: string): string | null =>
    org === view.value?.org ? null : (orgs.value.find((o) => o.org === org)?.name ?? org)

  /** The engine, for the data page and exports (after init). */
  async function engineReady(): Promise<QueryEngine> {
    await init({ needsEngine: true })
    if (!engine) throw new Error('DuckDB is not available')
    return engine
  }

  return {
    status, error, folders, datasets, orgs, view, legacyScope, current, lastYear, entry, indicators, projects, plans, indicatorSeries,
    spendingSeries, year, years, latestMonth, awaitingTargets, org, about, organisation, version, loadedAt, reloadError,
    replayError, staleSnapshot, selecting, computedByDuckdb: computed_, sampleStatus, dataHash, replayReport, batchesVersion, init,
    rebuild, reloadFolder, refresh, select, read, showRead, snapshotOf, prefetch, engineReady, otherUnitName, syncBatches, announceBatches: channel.announce,
  }
})
