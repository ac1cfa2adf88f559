import type { BatchRecord } from '@/ingest/batches'
import type { StoreSnapshot } from '@/ingest/readStore'
import { FNV_OFFSET, fnv1a } from './fnv1a'
import { isRecord } from './shape'
import { storedValue } from './storedValue'

/**
 * The figures DuckDB computed last time, keyed by everything they depend on: the data folder's bytes, the applied
 * batches and the build. A reload whose inputs hash the same draws from here at once, while DuckDB starts and
 * recomputes them behind the page; any other reload waits for DuckDB. localStorage, not IndexedDB: it is read
 * synchronously during start-up and holds a few hundred kB at most.
 */
declare const __BUILD_ID__: string

export function snapshotKey(files: Readonly<Record<string, Uint8Array | undefined>>, batches: readonly BatchRecord[]): string {
  const encoder = new TextEncoder()
  let h = FNV_OFFSET
  const parts: string[] = [typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev']
  for (const name of Object.keys(files).sort()) {
    const bytes = files[name]
    if (!bytes) continue
    h = fnv1a(h, encoder.encode(name))
    h = fnv1a(h, bytes)
    parts.push(`${name}:${bytes.length}`)
  }
  parts.push(...batches.map((b) => `${b.id}:${b.undoneAt ?? ''}`))
  return `${parts.join('|')}#${h.toString(16)}`
}

export interface CachedSnapshot {
  key: string
  savedAt: string
  /** `data/about.json` as it was: the caller checks it as it checks a fetched one. */
  about: unknown
  snapshot: StoreSnapshot
}

const isArrayOf = (x: unknown, item: (v: unknown) => boolean) => Array.isArray(x) && x.every(item)
const isRecordOf = (x: unknown, value: (v: unknown) => boolean) => isRecord(x) && Object.values(x).every(value)
const isSeries = (x: unknown) => isArrayOf(x, (p) => isRecord(p) && typeof p.month === 'number')
const hasString = (key: string) => (x: unknown) => isRecord(x) && typeof x[key] === 'string'
const isYearOrNull = (x: unknown) => x === null || typeof x === 'number'

/**
 * The containers and keys of a snapshot: what the pages index by. The fields of each indicator and project are not
 * checked one by one: the key (build, data bytes, batches) already vouches that this build wrote them.
 */
function checkStoreSnapshot(x: unknown): StoreSnapshot | null {
  if (!isRecord(x)) return null
  const ok =
    isArrayOf(x.indicators, hasString('id')) &&
    isArrayOf(x.projects, hasString('code')) &&
    isRecordOf(x.plans, (points) => isArrayOf(points, isRecord)) &&
    isYearOrNull(x.year) &&
    isYearOrNull(x.latestMonth) &&
    isRecordOf(x.indicatorSeries, isSeries) &&
    isRecordOf(x.spendingSeries, isSeries)
  return ok ? (x as unknown as StoreSnapshot) : null
}

function checkCachedSnapshot(x: unknown): CachedSnapshot | null {
  if (!isRecord(x) || typeof x.key !== 'string' || typeof x.savedAt !== 'string' || Number.isNaN(Date.parse(x.savedAt))) return null
  const snapshot = checkStoreSnapshot(x.snapshot)
  return snapshot && { key: x.key, savedAt: x.savedAt, about: x.about ?? null, snapshot }
}

const stored = storedValue('jixiao:snapshot', checkCachedSnapshot)

export function readSnapshot(key: string): CachedSnapshot | null {
  const cached = stored.read()
  return cached?.key === key ? cached : null
}

export function writeSnapshot(value: CachedSnapshot): void {
  stored.write(value)
}
