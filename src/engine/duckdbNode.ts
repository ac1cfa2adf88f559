import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { arrowToColumns, arrowToRows } from './arrowRows'
import { diskFileName, SESSION_SETUP, type Columns, type QueryEngine, type Row, type SqlParam } from './QueryEngine'

type NodeBlocking = typeof import('@duckdb/duckdb-wasm/blocking')

/**
 * duckdb-wasm's blocking Node build: the same engine as the browser, for tests and the command line.
 * Instantiation takes about 2 s: share one engine per test file.
 */
export async function createNodeEngine(): Promise<QueryEngine> {
  const require = createRequire(import.meta.url)
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as NodeBlocking
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs').replace(/[^/\\]+$/, '')
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: `${dist}duckdb-node-mvp.worker.cjs` },
      eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-node-eh.worker.cjs` },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  )
  await db.instantiate()
  const conn = db.connect()
  for (const statement of SESSION_SETUP) conn.query(statement)
  // the Node build's COPY writes to the real disk, relative to the working directory: give it a private folder
  let folder: string | null = null
  const written = (name: string) => join((folder ??= mkdtempSync(join(tmpdir(), 'jixiao-duckdb-wasm-'))), diskFileName(name))

  const run = (sql: string, params?: readonly SqlParam[]) => {
    if (!params?.length) return conn.query(sql)
    const statement = conn.prepare(sql)
    try {
      return statement.query(...params)
    } finally {
      statement.close()
    }
  }

  return {
    async query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
      return arrowToRows<T>(run(sql, params))
    },
    async queryColumns<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<Columns<T>> {
      return arrowToColumns<T>(run(sql, params))
    },
    async exec(sql) {
      conn.query(sql)
    },
    async registerText(name, text) {
      db.registerFileText(name, text)
    },
    async registerBuffer(name, bytes) {
      db.registerFileBuffer(name, bytes)
    },
    outputPath: written,
    async readFile(name) {
      const path = folder && join(folder, name)
      return path && existsSync(path) ? new Uint8Array(readFileSync(path)) : db.copyFileToBuffer(name)
    },
    async dropFile(name) {
      const path = folder && join(folder, name)
      if (path && existsSync(path)) unlinkSync(path)
      else db.dropFile(name)
    },
    async close() {
      conn.close()
      if (folder) rmSync(folder, { recursive: true, force: true })
    },
  }
}
