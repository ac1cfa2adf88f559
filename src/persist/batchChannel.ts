// The tabs of one browser share one batch log (IndexedDB) but each has its own DuckDB. A tab that applies or undoes
// tells the others (BroadcastChannel), which re-read the log and rebuild; and applying, undoing and rebuilding run
// one at a time across the tabs (Web Locks), each re-reading the log first, so that no tab acts on a stale copy.
// jsdom and Node lack one or both: then the tab is alone, and a queue keeps its own work in order.

const CHANNEL = 'jixiao:batches'
const LOCK = 'jixiao:batches'

type Listener = () => void

/** What one tab says to the others: the batch log changed. */
export interface BatchChannel {
  announce(): void
  /** Calls `listener` when another tab changed the log; returns the unsubscribe. */
  listen(listener: Listener): () => void
}

export function batchChannel(): BatchChannel {
  if (typeof BroadcastChannel === 'undefined') return { announce: () => {}, listen: () => () => {} }
  const sender = new BroadcastChannel(CHANNEL)
  return {
    announce: () => sender.postMessage('changed'),
    listen(listener) {
      // a channel object does not hear its own messages: the listener gets its own, hearing only the other tabs
      const receiver = new BroadcastChannel(CHANNEL)
      receiver.onmessage = () => listener()
      return () => receiver.close()
    },
  }
}

let queue: Promise<unknown> = Promise.resolve()

/** Runs `work` when no other work on the batch log runs, in this tab or (with Web Locks) in another. */
export function withBatchLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks
  if (locks) return locks.request(LOCK, work) as Promise<T>
  const run = queue.then(work, work)
  queue = run.catch(() => {})
  return run
}
