import { createNativeEngine } from '@/engine/duckdbNative'
import { createNodeEngine } from '@/engine/duckdbNode'
import type { QueryEngine } from '@/engine/QueryEngine'

/**
 * The two engines the app's SQL runs on: duckdb-wasm (the browser's engine, here its Node build) and native DuckDB
 * (the command line over a province). SQL tests run on both: `describe.each(ENGINES)('… on %s', …)`.
 */
export const ENGINES: readonly { name: string; create: () => Promise<QueryEngine> }[] = [
  { name: 'duckdb-wasm', create: createNodeEngine },
  { name: 'native DuckDB', create: createNativeEngine },
]
