import type { Cell } from '@/engine/QueryEngine'
import { TABLE_KEYS, type ReplaceWithin } from '@/engine/sql/batch'
import type { BatchPart, BatchRecord, BatchStore } from '@/ingest/batches'
import { TEXT_ENCODINGS, type TextEncodingName } from '@/ingest/decode'
import { KIND_TABLE } from '@/ingest/fileKinds'
import { withBatchLock } from './batchChannel'
import { hasOwnKey, isFiniteNumber, isRecord, isStringArray } from './shape'

const ENCODINGS: readonly unknown[] = TEXT_ENCODINGS

const isCell = (x: unknown): x is Cell => x === null || ['string', 'number', 'boolean'].includes(typeof x)
const isRows = (x: unknown, width: number): x is Cell[][] =>
  Array.isArray(x) && x.every((row) => Array.isArray(row) && row.length === width && row.every(isCell))
const isTime = (x: unknown): x is string => typeof x === 'string' && !Number.isNaN(Date.parse(x))

function checkCounts(x: unknown): BatchPart['counts'] | null {
  if (!isRecord(x)) return null
  const { new: added, changed, unchanged, removed, rows, sourceRows } = x
  if (!isFiniteNumber(added) || !isFiniteNumber(changed) || !isFiniteNumber(unchanged) || !isFiniteNumber(removed)) return null
  if (!isFiniteNumber(rows) || !isFiniteNumber(sourceRows)) return null
  return { new: added, changed, unchanged, removed, rows, sourceRows }
}

const isArrayOf = <T>(x: unknown, item: (v: unknown) => v is T): x is T[] => Array.isArray(x) && x.every(item)
const isScope = (x: unknown): x is { org: string; year: number } =>
  isRecord(x) && typeof x.org === 'string' && typeof x.year === 'number' && Number.isInteger(x.year)

function checkWithin(x: unknown): ReplaceWithin | null {
  if (!isRecord(x) || typeof x.column !== 'string' || !isStringArray(x.values)) return null
  return { column: x.column, values: x.values }
}

/** One part of a stored batch, or null. Only the known fields are kept. */
export function checkBatchPart(x: unknown): BatchPart | null {
  if (!isRecord(x)) return null
  const { kind, table, sheet, mode, scopes, within, counts, encoding, columns, rows, before } = x
  if (!hasOwnKey(KIND_TABLE, kind) || KIND_TABLE[kind] !== table || (mode !== 'upsert' && mode !== 'replace')) return null
  const checkedCounts = checkCounts(counts)
  if (!checkedCounts) return null
  // a batch of a version before years and units lacks `org` (and a target batch `year`): migrateBatch gives them
  const keys = TABLE_KEYS[KIND_TABLE[kind]].filter((k) => k !== 'org' && k !== 'year')
  if (!isStringArray(columns) || !keys.every((k) => columns.includes(k))) return null
  if (!isRows(rows, columns.length) || !isRows(before, columns.length)) return null
  // a narrowed replace read as a whole one would clear the whole year on replay
  const checkedWithin = within == null ? null : checkWithin(within)
  if (within != null && !checkedWithin) return null
  return {
    kind,
    table: KIND_TABLE[kind],
    sheet: typeof sheet === 'string' ? sheet : null,
    mode,
    scopes: isArrayOf(scopes, isScope) ? scopes : [],
    within: mode === 'replace' ? checkedWithin : null,
    counts: checkedCounts,
    encoding: ENCODINGS.includes(encoding) ? (encoding as TextEncodingName) : null,
    columns,
    rows,
    before,
  }
}

/**
 * A stored batch as a record that can be replayed and undone, or null: a record from an older build or edited by
 * hand is left out rather than breaking start-up. A record kept before batches had parts is read as one part.
 */
export function checkBatchRecord(x: unknown): BatchRecord | null {
  if (!isRecord(x)) return null
  const { id, fileName, appliedAt, undoneAt, foldersHash, parts } = x
  if (typeof id !== 'string' || typeof fileName !== 'string' || !isTime(appliedAt)) return null
  if (undoneAt != null && !isTime(undoneAt)) return null
  const checkedParts = Array.isArray(parts) ? parts.map(checkBatchPart) : [checkBatchPart(x)]
  if (checkedParts.length === 0 || checkedParts.some((p) => p === null)) return null
  return {
    id,
    fileName,
    appliedAt,
    undoneAt: undoneAt ?? null,
    foldersHash: typeof foldersHash === 'string' ? foldersHash : null,
    parts: checkedParts as BatchPart[],
  }
}

/** The records that check out, in the order applied. */
function checked(stored: readonly unknown[]): BatchRecord[] {
  const records = stored.map(checkBatchRecord).filter((r): r is BatchRecord => r !== null)
  return records.sort((a, b) => a.appliedAt.localeCompare(b.appliedAt) || a.id.localeCompare(b.id))
}

const DB_NAME = 'jixiao-board'
const STORE = 'batches'

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

/** The database at `version` (undefined: whatever version it has); created with its store when new. */
async function openDatabase(version?: number): Promise<IDBDatabase> {
  const open = version === undefined ? indexedDB.open(DB_NAME) : indexedDB.open(DB_NAME, version)
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'id' })
  }
  const db = await request(open)
  // another tab deleting the database (恢复默认数据 on a page that failed to load) must not wait for this one
  db.onversionchange = () => db.close()
  return db
}

function indexedDbStore(): BatchStore & { close(): Promise<void> } {
  let db: Promise<IDBDatabase> | null = null
  const run = async <T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    db ??= openDatabase(1)
    const tx = (await db).transaction(STORE, mode)
    const result = request(work(tx.objectStore(STORE)))
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
    })
    return result
  }
  return {
    async list() {
      return checked(await run('readonly', (s) => s.getAll() as IDBRequest<unknown[]>))
    },
    async put(record) {
      // A plain copy: Vue proxies cannot be cloned into IndexedDB.
      await run('readwrite', (s) => s.put(JSON.parse(JSON.stringify(record)) as BatchRecord))
    },
    async clear() {
      await run('readwrite', (s) => s.clear())
    },
    exclusive: withBatchLock,
    async close() {
      const open = db
      db = null
      if (open) (await open.catch(() => null))?.close()
    },
  }
}

function memoryStore(): BatchStore {
  const records = new Map<string, BatchRecord>()
  return {
    list: async () => checked([...records.values()]),
    put: async (r) => void records.set(r.id, structuredClone(r)),
    clear: async () => records.clear(),
    exclusive: withBatchLock,
  }
}

let store: (BatchStore & { close?(): Promise<void> }) | null = null

/** The batches of this browser: IndexedDB, or memory where there is none (jsdom). */
export function batchStore(): BatchStore {
  store ??= typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore()
  return store
}

/**
 * Every record the browser keeps, as it is stored, those that do not check out too: what a page that failed to load
 * can still save. Opens the database at whatever version it has (one a newer build left, or one without its store).
 */
export async function readStoredRecords(): Promise<unknown[]> {
  if (typeof indexedDB === 'undefined') return batchStore().list()
  const db = await openDatabase()
  try {
    if (!db.objectStoreNames.contains(STORE)) return []
    const tx = db.transaction(STORE, 'readonly')
    return await request(tx.objectStore(STORE).getAll() as IDBRequest<unknown[]>)
  } finally {
    db.close()
  }
}

/** Deletes every stored batch, the database itself with them, whatever state it is in. */
export async function deleteStoredBatches(): Promise<void> {
  if (typeof indexedDB === 'undefined') return batchStore().clear()
  await store?.close?.()
  store = null
  await new Promise<void>((resolve, reject) => {
    const deleting = indexedDB.deleteDatabase(DB_NAME)
    deleting.onsuccess = () => resolve()
    deleting.onerror = () => reject(deleting.error)
  })
}
