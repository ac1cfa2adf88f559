import { logSignature, type BatchRecord } from '@/ingest/batches'
import type { DatasetFolder } from '@/ingest/datasetFolder'
import type { DatasetEntry, OrgEntry, StoreSnapshot } from '@/ingest/readStore'
import { FNV_OFFSET, fnv1a } from './fnv1a'
import { isRecord } from './shape'
import { storedValue } from './storedValue'

/**
 * The figures DuckDB computed last time, keyed by everything they depend on: the data folders' bytes, the applied
 * batches and the build. A reload whose inputs hash the same draws from here at once, while DuckDB starts and
 * recomputes them behind the page; any other reload waits for DuckDB. localStorage, not IndexedDB: it is read
 * synchronously during start-up and holds a few hundred kB at most.
 */
declare const __BUILD_ID__: string

/** Hashes of folder lists already hashed: a bureau's files are tens of MB, and start-up asks several times. */
const hashed = new WeakMap<object, string>()

/** The hash of the deployed data alone: what a snapshot shipped with the build is checked against. */
export function foldersHash(folders: readonly Pick<DatasetFolder, 'path' | 'files'>[]): string {
  const known = hashed.get(folders)
  if (known !== undefined) return known
  const hash = hashFolders(folders)
  hashed.set(folders, hash)
  return hash
}

/** Each data file with its bytes, in the order they are hashed. */
function* filesOf(folders: readonly Pick<DatasetFolder, 'path' | 'files'>[]): Generator<{ name: string; bytes: Uint8Array }> {
  for (const folder of folders) {
    for (const kind of Object.keys(folder.files).sort()) {
      const bytes = folder.files[kind as keyof typeof folder.files]
      if (bytes) yield { name: `${folder.path}${kind}`, bytes }
    }
  }
}

/**
 * What foldersHash begins with: each data file's name and size. Folders whose files differ in size are told apart
 * by it before a byte is hashed.
 */
export function foldersSizes(folders: readonly Pick<DatasetFolder, 'path' | 'files'>[]): string {
  return [...filesOf(folders)].map((f) => `${f.name}:${f.bytes.length}`).join('|')
}

function hashFolders(folders: readonly Pick<DatasetFolder, 'path' | 'files'>[]): string {
  const encoder = new TextEncoder()
  let h = FNV_OFFSET
  for (const { name, bytes } of filesOf(folders)) {
    h = fnv1a(h, encoder.encode(name))
    h = fnv1a(h, bytes)
  }
  return `${foldersSizes(folders)}#${h.toString(16)}`
}

export function snapshotKey(folders: readonly Pick<DatasetFolder, 'path' | 'files'>[], batches: readonly BatchRecord[]): string {
  const build = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev'
  return [build, foldersHash(folders), logSignature(batches)].join('|')
}

/** A StoreSnapshot as JSON holds it: its Maps as lists of entries. */
export interface SerializedSnapshot extends Omit<StoreSnapshot, 'plans' | 'indicatorSeries' | 'spendingSeries'> {
  plans: [string, StoreSnapshot['plans'] extends Map<string, infer V> ? V : never][]
  indicatorSeries: [string, StoreSnapshot['indicatorSeries'] extends Map<string, infer V> ? V : never][]
  spendingSeries: [string, StoreSnapshot['spendingSeries'] extends Map<string, infer V> ? V : never][]
}

export const serializeSnapshot = (s: StoreSnapshot): SerializedSnapshot => ({
  ...s,
  plans: [...s.plans],
  indicatorSeries: [...s.indicatorSeries],
  spendingSeries: [...s.spendingSeries],
})

/** What the pages need to draw at once: every unit and year known, and the snapshots of the views on screen. */
export interface StoreView {
  datasets: DatasetEntry[]
  orgs: OrgEntry[]
  snapshots: StoreSnapshot[]
}

export interface CachedSnapshot {
  key: string
  savedAt: string
  /** each folder's `about.json` as it was: the caller checks it as it checks a fetched one */
  abouts: { path: string; about: unknown }[]
  view: StoreView
}

const isArrayOf = (x: unknown, item: (v: unknown) => boolean): x is unknown[] => Array.isArray(x) && x.every(item)
const isEntriesOf = (x: unknown, value: (v: unknown) => boolean) =>
  isArrayOf(x, (e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && value(e[1]))
const isSeries = (x: unknown) => isArrayOf(x, (p) => isRecord(p) && typeof p.month === 'number')
const hasString = (key: string) => (x: unknown) => isRecord(x) && typeof x[key] === 'string'
const isNumberOrNull = (x: unknown) => x === null || typeof x === 'number'

/**
 * The containers and keys of a snapshot: what the pages index by. The fields of each indicator and project are not
 * checked one by one: the key (build, data bytes, batches) already vouches that this build wrote them.
 */
export function deserializeSnapshot(x: unknown): StoreSnapshot | null {
  if (!isRecord(x)) return null
  const ok =
    typeof x.org === 'string' &&
    typeof x.year === 'number' &&
    isArrayOf(x.indicators, hasString('id')) &&
    isArrayOf(x.projects, hasString('code')) &&
    isEntriesOf(x.plans, (points) => isArrayOf(points, isRecord)) &&
    isNumberOrNull(x.latestMonth) &&
    isEntriesOf(x.indicatorSeries, isSeries) &&
    isEntriesOf(x.spendingSeries, isSeries) &&
    isArrayOf(x.links, hasString('id'))
  if (!ok) return null
  const s = x as unknown as SerializedSnapshot
  return { ...s, plans: new Map(s.plans), indicatorSeries: new Map(s.indicatorSeries), spendingSeries: new Map(s.spendingSeries) }
}

export function checkStoreView(x: unknown): StoreView | null {
  if (!isRecord(x) || !Array.isArray(x.snapshots)) return null
  if (!isArrayOf(x.datasets, (d) => isRecord(d) && typeof d.org === 'string' && typeof d.year === 'number')) return null
  if (!isArrayOf(x.orgs, (o) => isRecord(o) && typeof o.org === 'string' && typeof o.name === 'string')) return null
  const snapshots = x.snapshots.map(deserializeSnapshot)
  if (snapshots.some((s) => s === null)) return null
  return { datasets: x.datasets as DatasetEntry[], orgs: x.orgs as OrgEntry[], snapshots: snapshots as StoreSnapshot[] }
}

export const serializeView = (v: StoreView) => ({ ...v, snapshots: v.snapshots.map(serializeSnapshot) })

function checkCachedSnapshot(x: unknown): CachedSnapshot | null {
  if (!isRecord(x) || typeof x.key !== 'string' || typeof x.savedAt !== 'string' || Number.isNaN(Date.parse(x.savedAt))) return null
  const view = checkStoreView(x.view)
  const abouts = isArrayOf(x.abouts, (a) => isRecord(a) && typeof a.path === 'string') ? (x.abouts as { path: string; about: unknown }[]) : []
  return view && { key: x.key, savedAt: x.savedAt, abouts, view }
}

/** Kept as JSON: the Maps of each snapshot as lists of entries, read back through checkCachedSnapshot. */
const stored = storedValue('jixiao:snapshot', (raw: unknown) => raw)

export function readSnapshot(key: string): CachedSnapshot | null {
  const cached = checkCachedSnapshot(stored.read())
  return cached?.key === key ? cached : null
}

export function writeSnapshot(value: CachedSnapshot): void {
  stored.write({ ...value, view: serializeView(value.view) })
}
