import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { SeriesPoint, SpendingPoint } from '@/domain/monitor'
import type { Indicator, PlanPoint, Project } from '@/domain/types'
import type { QueryEngine } from '@/engine/QueryEngine'
import { FILE_KINDS, type FileKind } from '@/ingest/fileKinds'
import { DatasetError, loadDataset, type DatasetFiles } from '@/ingest/loadDataset'
import { readStore, type StoreSnapshot } from '@/ingest/readStore'
import { replayBatches, type BatchRecord } from '@/ingest/batches'
import { batchStore } from '@/persist/batchStore'
import { FNV_OFFSET, fnv1a } from '@/persist/fnv1a'
import { isRecord, isStringArray } from '@/persist/shape'
import { readSnapshot, snapshotKey, writeSnapshot } from '@/persist/snapshotCache'
import { getEngine } from './engine'

/** What `data/about.json` says of the deployed dataset: whose it is, and which files are 示例数据. */
export interface DatasetAbout {
  /** absent: the pages name the projects' 主管部门 */
  organisation?: string
  sampleFiles: string[]
}

/** `about.json` as written by hand: a field of the wrong type counts as absent. */
export function readAbout(raw: unknown): DatasetAbout | null {
  if (!isRecord(raw)) return null
  return {
    ...(typeof raw.organisation === 'string' ? { organisation: raw.organisation } : {}),
    sampleFiles: isStringArray(raw.sampleFiles) ? raw.sampleFiles : [],
  }
}

/** The files a deployed data folder holds (the payment ledger is an upload, aggregated into spending). */
const DATA_FOLDER_KINDS: FileKind[] = ['indicators', 'projects', 'spending_plan', 'actuals', 'spending']

/** The deployed dataset folder, fetched at run time so a department replaces its CSVs without a rebuild. */
export async function fetchDataFolder(base = 'data/'): Promise<{ files: DatasetFiles; about: DatasetAbout | null }> {
  const files: DatasetFiles = {}
  const kinds = DATA_FOLDER_KINDS
  const fetched = await Promise.all(
    kinds.map(async (kind) => {
      const response = await fetch(`${base}${FILE_KINDS[kind].fileName}`, { cache: 'no-cache' })
      const type = response.headers.get('content-type') ?? ''
      // a dev server answers a missing file with index.html: not a CSV
      if (!response.ok || type.includes('text/html')) return null
      return [kind, new Uint8Array(await response.arrayBuffer())] as const
    }),
  )
  for (const entry of fetched) if (entry) files[entry[0]] = entry[1]
  const aboutResponse = await fetch(`${base}about.json`, { cache: 'no-cache' }).catch(() => null)
  let about: DatasetAbout | null = null
  if (aboutResponse?.ok && !(aboutResponse.headers.get('content-type') ?? '').includes('text/html')) {
    about = readAbout(await aboutResponse.json().catch(() => null))
  }
  return { files, about }
}

/**
 * A cheap fingerprint of the deployed folder for the wall screen's change check: each file's ETag or Last-Modified
 * from a HEAD request, or a hash of its bytes when the server sends neither. Throws when the server cannot be reached.
 */
export async function folderSignature(base = 'data/'): Promise<string> {
  const names = [...DATA_FOLDER_KINDS.map((kind) => FILE_KINDS[kind].fileName), 'about.json']
  const parts = await Promise.all(
    names.map(async (name) => {
      const url = `${base}${name}`
      const head = await fetch(url, { method: 'HEAD', cache: 'no-cache' })
      if (!head.ok || (head.headers.get('content-type') ?? '').includes('text/html')) return `${name}:-`
      const tag = head.headers.get('etag') ?? head.headers.get('last-modified')
      if (tag) return `${name}:${tag}`
      const body = await fetch(url, { cache: 'no-cache' })
      const bytes = new Uint8Array(await body.arrayBuffer())
      return `${name}:${bytes.length}-${fnv1a(FNV_OFFSET, bytes).toString(16)}`
    }),
  )
  return parts.join('|')
}

type Status = 'idle' | 'loading' | 'ready' | 'error'

/** The stored dataset as the views see it: targets, projects, plans and the whole year's series. */
export const useDatasetStore = defineStore('dataset', () => {
  const status = ref<Status>('idle')
  const error = ref<{ title: string; messages: string[] } | null>(null)
  const about = ref<DatasetAbout | null>(null)
  const indicators = shallowRef<Indicator[]>([])
  const projects = shallowRef<Project[]>([])
  const plans = shallowRef<Record<string, PlanPoint[]>>({})
  const year = ref<number | null>(null)
  const latestMonth = ref<number | null>(null)
  const indicatorSeries = shallowRef<Record<string, SeriesPoint[]>>({})
  const spendingSeries = shallowRef<Record<string, SpendingPoint[]>>({})
  /** Bumped whenever the stored data changes, so that views and the wall screen can react. */
  const version = ref(0)
  let engine: QueryEngine | null = null
  let started: Promise<void> | null = null

  /** When the figures on screen were last read from a good load. */
  const loadedAt = ref<Date | null>(null)
  /** A failed reload keeps the last good figures; this says what went wrong. */
  const reloadError = ref<string | null>(null)
  /** Uploaded batches that could not be applied again onto the data folder (the rest are in force). */
  const replayError = ref<string | null>(null)

  /** Starts the engine, loads the deployed dataset and reads every series; once. */
  function init(): Promise<void> {
    started ??= (async () => {
      status.value = 'loading'
      try {
        const enginePromise = getEngine()
        const [folder, batches] = await Promise.all([fetchDataFolder(), batchStore().list()])
        // Same inputs as last time: draw last time's figures now; DuckDB recomputes them below.
        const cached = readSnapshot(snapshotKey(folder.files, batches))
        if (cached) {
          about.value = readAbout(cached.about)
          applySnapshot(cached.snapshot)
          loadedAt.value = new Date(cached.savedAt)
          status.value = 'ready'
          performance.mark('jx:snapshot-shown')
        }
        engine = markRaw(await enginePromise)
        about.value = folder.about
        lastGood = folder.files
        await rebuild(folder.files, batches)
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

  /** Rebuilds every table from a dataset folder's files and the uploads kept in IndexedDB, then re-reads the series. */
  async function rebuild(files: DatasetFiles, stored?: BatchRecord[]): Promise<void> {
    if (!engine) throw new Error('DuckDB is not available')
    await loadDataset(engine, files)
    performance.mark('jx:dataset-loaded')
    const batches = stored ?? (await batchStore().list())
    try {
      await replayBatches(engine, batches)
      replayError.value = null
    } catch (err) {
      replayError.value = (err as Error).message
    }
    performance.mark('jx:batches-replayed')
    await refresh(batches)
    performance.mark('jx:store-read')
    loadedAt.value = new Date()
  }

  /**
   * Fetches the deployed `data/` folder again and rebuilds (the wall screen's refresh). On failure the tables may be
   * half-built, so the last good files are loaded back and the error is kept in `reloadError`.
   */
  async function reloadFolder(): Promise<void> {
    await init()
    const folder = await fetchDataFolder()
    const previous = lastGood
    lastGood = folder.files
    try {
      await rebuild(folder.files)
      about.value = folder.about
      reloadError.value = null
    } catch (err) {
      reloadError.value = err instanceof DatasetError ? `${err.fileName}: ${err.messages[0] ?? ''}` : (err as Error).message
      // the figures on screen are still those of the last good load: say when that was, not when they were rebuilt
      const current = loadedAt.value
      lastGood = previous
      if (previous) await rebuild(previous)
      loadedAt.value = current
    }
  }
  let lastGood: DatasetFiles | null = null

  /** Re-reads everything from the engine after the stored data changed; `batches` are those now stored. */
  async function refresh(batches: readonly BatchRecord[]): Promise<void> {
    if (!engine) return
    const snapshot = await readStore(engine)
    applySnapshot(snapshot)
    if (lastGood) {
      const key = snapshotKey(lastGood, batches)
      writeSnapshot({ key, savedAt: new Date().toISOString(), about: about.value, snapshot })
    }
  }

  function applySnapshot(snapshot: StoreSnapshot): void {
    indicators.value = snapshot.indicators
    projects.value = snapshot.projects
    plans.value = snapshot.plans
    year.value = snapshot.year
    latestMonth.value = snapshot.latestMonth
    indicatorSeries.value = snapshot.indicatorSeries
    spendingSeries.value = snapshot.spendingSeries
    version.value++
  }

  /** The engine, for the data page and exports (after init). */
  async function engineReady(): Promise<QueryEngine> {
    await init()
    if (!engine) throw new Error('DuckDB is not available')
    return engine
  }

  return {
    status, error, about, indicators, projects, plans, year, latestMonth, indicatorSeries, spendingSeries, version,
    loadedAt, reloadError, replayError, init, rebuild, reloadFolder, refresh, engineReady,
  }
})
