import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DuckDBInstance, DuckDBTypeId, DuckDBVarCharVector, JSDuckDBValueConverter, type DuckDBDataChunk, type DuckDBMaterializedResult,
  type DuckDBType, type DuckDBValue,
} from '@duckdb/node-api'
import { diskFileName, SESSION_SETUP, toCell, type Cell, type Columns, type QueryEngine, type Row, type SqlParam } from './QueryEngine'

// node-api's own bindings (the same package and version it loads), for reading strings many at a time
const nodeBindings = createRequire(import.meta.url)('@duckdb/node-bindings') as typeof import('@duckdb/node-bindings')

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

  // the cells are read once the statement is done and the next one may run: DuckDB's threads work on it meanwhile
  const run = (sql: string, params?: readonly SqlParam[]) =>
    inTurn(() => (params?.length ? conn.run(sql, params as DuckDBValue[]) : conn.run(sql)))

  return {
    async query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
      return plainRows<T>(resultColumns(await run(sql, params)))
    },
    async queryColumns<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<Columns<T>> {
      const { names, columns, length } = resultColumns(await run(sql, params))
      return { length, cells: Object.fromEntries(names.map((name, c) => [name, columns[c]])) as Columns<T>['cells'] }
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

/** A result's cells column by column, as duckdb-wasm's Arrow conversion gives them (arrowRows.ts): numbers, never BigInt; DECIMAL refused. */
function resultColumns(result: DuckDBMaterializedResult): { names: string[]; columns: Cell[][]; length: number } {
  const names = result.columnNames()
  const types = result.columnTypes()
  types.forEach((type, i) => {
    if (type.typeId === DuckDBTypeId.DECIMAL) {
      throw new Error(`column "${names[i]}" is DECIMAL: cast it to DOUBLE in SQL before it leaves the engine`)
    }
  })
  const chunks = Array.from({ length: result.chunkCount }, (_, i) => result.getChunk(i))
  return { names, columns: types.map((type, c) => columnCells(chunks, c, type, result.rowCount)), length: result.rowCount }
}

function plainRows<T extends Row>({ names, columns, length }: { names: string[]; columns: Cell[][]; length: number }): T[] {
  const rows: Row[] = new Array(length)
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

/**
 * A VARCHAR vector's cells. A string of more than 12 bytes lies outside its slot, behind a pointer; node-api's
 * `getItem` copies each one out with a native call and a new buffer, a microsecond and garbage per string (a
 * province's read has a million ids and codes of 13 bytes or more). A result's long strings mostly lie one after
 * another in row order: each run of them is copied out in one call (only bytes of strings DuckDB handed over are read),
 * and an ASCII run is decoded once and cut into its strings.
 */
function stringCells(view: DataView, n: number, words: Uint32Array | null, out: Cell[], base: number): void {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength)
  const lengthAt = (i: number) => view.getUint32(i * 16, true)
  const runOf = new Int32Array(n)
  const offsetOf = new Int32Array(n)
  const runs: { bytes: Uint8Array; ascii: string | null }[] = []
  // the run being gathered: the row whose slot points at its first byte, and where its bytes start and end
  let first = -1
  let start = 0
  let end = 0
  const close = () => {
    if (first < 0) return
    const read = nodeBindings.get_data_from_pointer(view.buffer as ArrayBuffer, view.byteOffset + first * 16 + 8, end - start)
    runs.push({ bytes: read, ascii: read.every((b) => b < 0x80) ? utf8.decode(read) : null })
  }
  for (let i = 0; i < n; i++) {
    if (!isValid(words, i)) continue
    const length = lengthAt(i)
    if (length <= 12) continue
    const at = view.getUint32(i * 16 + 8, true) + view.getUint32(i * 16 + 12, true) * 2 ** 32
    if (first < 0 || at !== end) {
      close()
      first = i
      start = end = at
    }
    runOf[i] = runs.length
    offsetOf[i] = at - start
    end += length
  }
  close()
  // the short strings of a column often repeat row after row (a unit's code): the one before is kept when its bytes are the same
  let before = -1
  let beforeText = ''
  for (let i = 0; i < n; i++) {
    if (!isValid(words, i)) {
      out[base + i] = null
      continue
    }
    const length = lengthAt(i)
    if (length > 12) {
      const run = runs[runOf[i] as number] as (typeof runs)[number]
      const at = offsetOf[i] as number
      out[base + i] = run.ascii !== null ? run.ascii.substring(at, at + length) : utf8.decode(run.bytes.subarray(at, at + length))
      continue
    }
    if (before < 0 || !sameSlot(bytes, before, i, length)) {
      before = i
      beforeText = shortString(bytes, i * 16 + 4, length)
    }
    out[base + i] = beforeText
  }
}

/** Whether two slots hold the same short string: the same length and bytes. */
function sameSlot(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < 4 + length; k++) if (bytes[a * 16 + k] !== bytes[b * 16 + k]) return false
  return true
}

function columnCells(chunks: readonly DuckDBDataChunk[], column: number, type: DuckDBType, length: number): Cell[] {
  const out: Cell[] = new Array(length)
  let base = 0
  for (const chunk of chunks) {
    const vector = chunk.getColumnVector(column)
    const n = vector.itemCount
    const inside = vector as unknown as VectorInternals
    const bits = inside.validity?.data
    const offset = inside.validity?.offset
    const items = inside.items
    const words = bits instanceof BigUint64Array && offset === 0 ? new Uint32Array(bits.buffer, bits.byteOffset, bits.length * 2) : null
    if (bits !== null && words === null) {
      for (let i = 0; i < n; i++) out[base + i] = toCell(JSDuckDBValueConverter(vector.getItem(i), type, JSDuckDBValueConverter))
    } else if (vector instanceof DuckDBVarCharVector && inside.dataView instanceof DataView) {
      stringCells(inside.dataView, n, words, out, base)
    } else if (items instanceof Float64Array) {
      doubleCells(items, n, words, out, base)
    } else if (items instanceof Int32Array) {
      integerCells(items, n, words, out, base)
    } else if (items instanceof Float32Array || items instanceof Int16Array || items instanceof Int8Array || items instanceof Uint32Array
      || items instanceof Uint16Array || items instanceof Uint8Array) {
      for (let i = 0; i < n; i++) out[base + i] = isValid(words, i) ? (items[i] as number) : null
    } else if (items instanceof BigInt64Array || items instanceof BigUint64Array) {
      for (let i = 0; i < n; i++) out[base + i] = isValid(words, i) ? Number(items[i]) : null
    } else {
      for (let i = 0; i < n; i++) out[base + i] = isValid(words, i) ? toCell(JSDuckDBValueConverter(vector.getItem(i), type, JSDuckDBValueConverter)) : null
    }
    base += n
  }
  return out
}

/** Whether row `i` of a vector holds a value; `words` null: every row does. */
const isValid = (words: Uint32Array | null, i: number) => words === null || (((words[i >>> 5] as number) >>> (i & 31)) & 1) === 1

// DOUBLE and INTEGER, a result's usual numbers, each read by a loop of its own: one kind of array at each read
function doubleCells(items: Float64Array, n: number, words: Uint32Array | null, out: Cell[], base: number): void {
  for (let i = 0; i < n; i++) out[base + i] = isValid(words, i) ? (items[i] as number) : null
}

function integerCells(items: Int32Array, n: number, words: Uint32Array | null, out: Cell[], base: number): void {
  for (let i = 0; i < n; i++) out[base + i] = isValid(words, i) ? (items[i] as number) : null
}
