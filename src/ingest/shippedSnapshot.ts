// The figures of the deployed data, computed when the app is built (or by `npm run cli -- snapshot <folder>` after
// the files are replaced) and shipped beside them as data/snapshot.json: a cold browser draws them at once, while
// DuckDB starts and recomputes them behind the page. Keyed by the hash of the files they were computed from.
import type { QueryEngine } from '@/engine/QueryEngine'
import { checkStoreView, foldersHash, serializeView, type StoreView } from '@/persist/snapshotCache'
import type { DatasetFolder } from './datasetFolder'
import { defaultView, readDatasets, readOrgs, readStore } from './readStore'
import { checkShippedTables, type ShippedTables } from './shippedTables'

export const SHIPPED_SNAPSHOT_FILE = 'snapshot.json'

export interface ShippedSnapshot {
  /** foldersHash of the files the figures were computed from */
  hash: string
  computedAt: string
  /** each folder's about.json as it was */
  abouts: { path: string; about: unknown }[]
  /** the view a page opens on (the first unit's latest year) and the year before it, for 同比 */
  view: StoreView
  /** the checked tables written beside it (data/tables/), which a start on the same files loads instead */
  tables?: ShippedTables
}

/** What DuckDB holds after loading `folders`: the view the pages open on, as the browser's dataset store reads it. */
export async function computeShippedSnapshot(engine: QueryEngine, folders: readonly DatasetFolder[]): Promise<ShippedSnapshot> {
  const datasets = await readDatasets(engine)
  const orgs = await readOrgs(engine)
  const view = defaultView(datasets, orgs, null)
  const snapshots = []
  if (view) {
    snapshots.push(await readStore(engine, view))
    if (datasets.some((d) => d.org === view.org && d.year === view.year - 1)) {
      snapshots.push(await readStore(engine, { org: view.org, year: view.year - 1 }))
    }
  }
  return {
    hash: foldersHash(folders),
    computedAt: new Date().toISOString(),
    abouts: folders.map((f) => ({ path: f.path, about: f.about })),
    view: { datasets, orgs, snapshots },
  }
}

export const serializeShipped = (s: ShippedSnapshot) => JSON.stringify({ ...s, view: serializeView(s.view) })

/** data/snapshot.json as fetched: null unless it is whole and of this shape. */
export function checkShippedSnapshot(raw: unknown): ShippedSnapshot | null {
  if (typeof raw !== 'object' || raw === null) return null
  const o = raw as Record<string, unknown>
  if (typeof o.hash !== 'string' || typeof o.computedAt !== 'string') return null
  const view = checkStoreView(o.view)
  const abouts = Array.isArray(o.abouts) ? (o.abouts as { path: string; about: unknown }[]).filter((a) => typeof a?.path === 'string') : []
  const tables = checkShippedTables(o.tables)
  return view && { hash: o.hash, computedAt: o.computedAt, abouts, view, ...(tables ? { tables } : {}) }
}
