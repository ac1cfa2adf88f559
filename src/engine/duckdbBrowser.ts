import * as duckdb from '@duckdb/duckdb-wasm'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import { arrowToColumns, arrowToRows } from './arrowRows'
import { SESSION_SETUP, type Columns, type QueryEngine, type Row, type SqlParam } from './QueryEngine'

// Self-hosted bundles, no `coi` (threads) bundle: no COOP/COEP headers needed, nothing fetched from a CDN.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
}

export async function createBrowserEngine(): Promise<QueryEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES)
  if (!bundle.mainWorker) throw new Error('no DuckDB worker for this browser')
  const worker = new Worker(new URL(bundle.mainWorker, location.href).href)
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
  await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker)
  const conn = await db.connect()
  for (const statement of SESSION_SETUP) await conn.query(statement)

  const run = async (sql: string, params?: readonly SqlParam[]) => {
    if (!params?.length) return conn.query(sql)
    const statement = await conn.prepare(sql)
    try {
      return await statement.query(...params)
    } finally {
      await statement.close()
    }
  }

  return {
    async query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
      return arrowToRows<T>(await run(sql, params))
    },
    async queryColumns<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<Columns<T>> {
      return arrowToColumns<T>(await run(sql, params))
    },
    async exec(sql) {
      await conn.query(sql)
    },
    async registerText(name, text) {
      await db.registerFileText(name, text)
    },
    async registerBuffer(name, bytes) {
      await db.registerFileBuffer(name, bytes)
    },
    outputPath: (name) => name,
    async readFile(name) {
      return db.copyFileToBuffer(name)
    },
    async dropFile(name) {
      await db.dropFile(name)
    },
    async close() {
      await conn.close()
      await db.terminate()
    },
  }
}
