import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DuckDBInstance, DuckDBTypeId, DuckDBVarCharVector, JSDuckDBValueConverter, type DuckDBDataChunk, type DuckDBMaterializedResult,
  type DuckDBType, type DuckDBValue,
} from '@duckdb/node-api'
import { diskFileName, SESSION_SETUP, toCell, type Cell, type QueryEngine, type Row, type SqlParam } from './QueryEngine'

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
  const pathOf = (name: string) => join(folder, diskFileName(name))
  // one statement at a time on the connection, as duckdb-wasm's worker runs them: callers may ask several at once
  let last: Promise<unknown> = Promise.resolve()
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work)
    last = run.catch(() => undefined)
    return run
  }

  return {
    query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
      return inTurn(async () => plainRows<T>(params?.length ? await conn.run(sql, params as DuckDBValue[]) : await conn.run(sql)))
    },
    async exec(sql) {
      await inTurn(() => conn.run(sql))
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
function plainRows<T extends Row>(result: DuckDBMaterializedResult): T[] {
  const names = result.columnNames()
  const types = result.columnTypes()
  types.forEach((type, i) => {
    if (type.typeId === DuckDBTypeId.DECIMAL) {
      throw new Error(`column "${names[i]}" is DECIMAL: cast it to DOUBLE in SQL before it leaves the engine`)
    }
  })
  const chunks = Array.from({ length: result.chunkCount }, (_, i) => result.getChunk(i))
  const columns = types.map((type, c) => columnCells(chunks, c, type))
  const rows: Row[] = new Array(result.rowCount)
  // row by row, every object built with its keys in the same order: one shape for V8, not one per column added
  for (let r = 0; r < rows.length; r++) {
    const row: Row = {}
    for (let c = 0; c < names.length; c++) row[names[c] as string] = (columns[c] as Cell[])[r] as Cell
    rows[r] = row
  }
  return rows as T[]
}

/**
 * What node-api keeps inside a vector (version 1.4.4; read only, and only when there): the values as a typed array
 * or a DataView of 16-byte strings, and the validity bits. Reading them directly spares a BigInt per cell (the
 * public `getItem` tests validity with BigInt arithmetic) and a native call per short string: a province's read is
 * millions of cells.
 */
interface VectorInternals {
  items?: unknown
  dataView?: unknown
  validity?: { data?: unknown; offset?: unknown }
}

const utf8 = new TextDecoder()

/** A string of at most 12 bytes, stored inside its 16-byte slot: ASCII built directly, anything else decoded. */
function shortString(bytes: Uint8Array, at: number, length: number): string {
  let text = ''
  for (let i = 0; i < length; i++) {
    const b = bytes[at + i] as number
    if (b >= 0x80) return utf8.decode(bytes.subarray(at, at + length))
    text += String.fromCharCode(b)
  }
  return text
}

function columnCells(chunks: readonly DuckDBDataChunk[], column: number, type: DuckDBType): Cell[] {
  const out: Cell[] = []
  for (const chunk of chunks) {
    const vector = chunk.getColumnVector(column)
    const n = vector.itemCount
    const inside = vector as unknown as VectorInternals
    const bits = inside.validity?.data
    const offset = inside.validity?.offset
    if (bits !== null && !(bits instanceof BigUint64Array && offset === 0)) {
      for (let i = 0; i < n; i++) out.push(toCell(JSDuckDBValueConverter(vector.getItem(i), type, JSDuckDBValueConverter)))
      continue
    }
    const words = bits ? new Uint32Array(bits.buffer, bits.byteOffset, bits.length * 2) : null
    const valid = (i: number) => words === null || ((words[i >>> 5] as number) >>> (i & 31)) & 1
    const items = inside.items
    if (vector instanceof DuckDBVarCharVector && inside.dataView instanceof DataView) {
      const view = inside.dataView
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength)
      for (let i = 0; i < n; i++) {
        if (!valid(i)) out.push(null)
        else {
          const length = view.getUint32(i * 16, true)
          out.push(length <= 12 ? shortString(bytes, i * 16 + 4, length) : vector.getItem(i))
        }
      }
    } else if (items instanceof Float64Array || items instanceof Float32Array || items instanceof Int32Array
      || items instanceof Int16Array || items instanceof Int8Array || items instanceof Uint32Array
      || items instanceof Uint16Array || items instanceof Uint8Array) {
      for (let i = 0; i < n; i++) out.push(valid(i) ? (items[i] as number) : null)
    } else if (items instanceof BigInt64Array || items instanceof BigUint64Array) {
      for (let i = 0; i < n; i++) out.push(valid(i) ? Number(items[i]) : null)
    } else {
      for (let i = 0; i < n; i++) out.push(valid(i) ? toCell(JSDuckDBValueConverter(vector.getItem(i), type, JSDuckDBValueConverter)) : null)
    }
  }
  return out
}
