import type { BatchRecord } from '@/ingest/batches'
import type { StoreSnapshot } from '@/ingest/readStore'
import { FNV_OFFSET, fnv1a } from './fnv1a'

/**
 * The figures DuckDB computed last time, keyed by everything they depend on: the data folder's bytes, the applied
 * batches and the build. A reload whose inputs hash the same draws from here at once, while DuckDB starts and
 * recomputes them behind the page; any other reload waits for DuckDB. localStorage, not IndexedDB: it is read
 * synchronously during start-up and holds a few hundred kB at most.
 */
const KEY = 'jixiao:snapshot'

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

export interface CachedSnapshot<About> {
  key: string
  savedAt: string
  about: About | null
  snapshot: StoreSnapshot
}

export function readSnapshot<About>(key: string): CachedSnapshot<About> | null {
  try {
    const cached = JSON.parse(localStorage.getItem(KEY) ?? 'null') as CachedSnapshot<About> | null
    return cached?.key === key ? cached : null
  } catch {
    return null
  }
}

export function writeSnapshot<About>(value: CachedSnapshot<About>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(value))
  } catch {
    // a full localStorage only costs the next reload its head start
  }
}

export function clearSnapshot(): void {
  localStorage.removeItem(KEY)
}
