import type { QueryEngine } from '@/engine/QueryEngine'

let enginePromise: Promise<QueryEngine> | null = null

/** duckdb-wasm, started once and lazily: the shell paints before the 34 MB wasm is fetched. */
export function getEngine(): Promise<QueryEngine> {
  enginePromise ??= import('@/engine/duckdbBrowser').then(async (m) => {
    const engine = await m.createBrowserEngine()
    performance.mark('jx:duckdb-ready')
    return engine
  })
  return enginePromise
}
