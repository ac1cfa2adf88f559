import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance, DuckDBTypeId, type DuckDBResultReader, type DuckDBValue } from '@duckdb/node-api'
import { SESSION_SETUP, toCell, type QueryEngine, type Row, type SqlParam } from './QueryEngine'

/**
 * Native DuckDB under Node (`@duckdb/node-api`), for the command line over a province's data: the same SQL as the
 * browser's duckdb-wasm, on all cores and without wasm32's 4 GB ceiling. Registered files are written to a private
 * temporary folder that `read_csv('<name>')` finds through `file_search_path`.
 */
export async function createNativeEngine(): Promise<QueryEngine> {
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  const folder = mkdtempSync(join(tmpdir(), 'jixiao-duckdb-'))
  for (const statement of SESSION_SETUP) await conn.run(statement)
  await conn.run(`SET file_search_path = '${folder.replaceAll("'", "''")}'`)
  const pathOf = (name: string) => {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`engine file names are ASCII words: "${name}"`)
    return join(folder, name)
  }

  return {
    async query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
      const result = params?.length
        ? await conn.runAndReadAll(sql, params as DuckDBValue[])
        : await conn.runAndReadAll(sql)
      return plainRows<T>(result)
    },
    async exec(sql) {
      await conn.run(sql)
    },
    async registerText(name, text) {
      writeFileSync(pathOf(name), text)
    },
    async registerBuffer(name, bytes) {
      writeFileSync(pathOf(name), bytes)
    },
    outputPath: pathOf,
    async readFile(name) {
      return new Uint8Array(readFileSync(pathOf(name)))
    },
    async dropFile(name) {
      try {
        unlinkSync(pathOf(name))
      } catch {
        // already gone
      }
    },
    async close() {
      conn.closeSync()
      instance.closeSync()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

/** The same plain rows as duckdb-wasm's Arrow conversion (arrowRows.ts): numbers, never BigInt; DECIMAL refused. */
function plainRows<T extends Row>(result: DuckDBResultReader): T[] {
  const names = result.columnNames()
  result.columnTypes().forEach((type, i) => {
    if (type.typeId === DuckDBTypeId.DECIMAL) {
      throw new Error(`column "${names[i]}" is DECIMAL: cast it to DOUBLE in SQL before it leaves the engine`)
    }
  })
  const columns = result.getColumnsJS()
  const rows: Row[] = Array.from({ length: result.currentRowCount }, () => ({}))
  names.forEach((name, c) => {
    const column = columns[c] ?? []
    for (let r = 0; r < rows.length; r++) (rows[r] as Row)[name] = toCell(column[r])
  })
  return rows as T[]
}
