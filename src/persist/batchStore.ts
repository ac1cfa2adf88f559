import type { BatchRecord, BatchStore } from '@/ingest/batches'

const DB_NAME = 'jixiao-board'
const STORE = 'batches'

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

function openDatabase(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1)
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' })
  return request(open)
}

function indexedDbStore(): BatchStore {
  let db: Promise<IDBDatabase> | null = null
  const run = async <T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    db ??= openDatabase()
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
      const all = await run('readonly', (s) => s.getAll() as IDBRequest<BatchRecord[]>)
      return all.sort((a, b) => a.appliedAt.localeCompare(b.appliedAt) || a.id.localeCompare(b.id))
    },
    async put(record) {
      // A plain copy: Vue proxies cannot be cloned into IndexedDB.
      await run('readwrite', (s) => s.put(JSON.parse(JSON.stringify(record)) as BatchRecord))
    },
    async clear() {
      await run('readwrite', (s) => s.clear())
    },
  }
}

function memoryStore(): BatchStore {
  const records = new Map<string, BatchRecord>()
  return {
    list: async () => [...records.values()].sort((a, b) => a.appliedAt.localeCompare(b.appliedAt) || a.id.localeCompare(b.id)),
    put: async (r) => void records.set(r.id, structuredClone(r)),
    clear: async () => records.clear(),
  }
}

let store: BatchStore | null = null

/** The batches of this browser: IndexedDB, or memory where there is none (jsdom). */
export function batchStore(): BatchStore {
  store ??= typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore()
  return store
}
