import type { QueryEngine } from '@/engine/QueryEngine'

let enginePromise: Promise<QueryEngine> | null = null

/** duckdb-wasm, started once and lazily: the shell paints before the 34 MB wasm is fetched. */
export function getEngine(): Promise<QueryEngine> {
  if (!enginePromise) performance.mark('jx:duckdb-start')
  enginePromise ??= import('@/engine/duckdbBrowser').then(async (m) => {
    const engine = await m.createBrowserEngine()
    performance.mark('jx:duckdb-ready')
    return engine
  })
  return enginePromise
}

let release: () => void = () => {}
const released = new Promise<void>((resolve) => (release = resolve))

/** The page's first figures and charts are drawn (the ready signal): DuckDB may now take the processor. */
export const figuresDrawn = () => release()

/** A page that cannot draw without DuckDB (the data page, the bureau's) is open: DuckDB starts now. */
export const engineWanted = () => release()

/**
 * Resolves once the first figures are drawn (or a page wants DuckDB), or after `ms`: a start that shows figures from a snapshot starts
 * DuckDB after them, since compiling its wasm on a second core slows the charts down by a third.
 */
export const afterFirstFigures = (ms: number) =>
  Promise.race([released, new Promise<void>((resolve) => setTimeout(resolve, ms))])
