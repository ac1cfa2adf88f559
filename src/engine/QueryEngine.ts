/** A value that crosses the engine boundary: no BigInt, no Arrow vectors. */
export type Cell = string | number | boolean | null
export type Row = Record<string, Cell>
export type SqlParam = string | number | boolean | null

/** A result as its columns, each column's cells in row order: for results of many rows, read without a row object each. */
export interface Columns<T extends Row = Row> {
  length: number
  cells: { [K in keyof T]: T[K][] }
}

/**
 * The whole of what the app asks of a SQL engine. One implementation per runtime: duckdb-wasm in the browser
 * (`duckdbBrowser.ts`), its Node build for tests and the command line (`duckdbNode.ts`).
 */
export interface QueryEngine {
  /** Runs one statement; `params` bind to `?` placeholders through a prepared statement. */
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>
  /** Like query, the same cells as columns. */
  queryColumns<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<Columns<T>>
  /** Runs statements that return nothing of interest (DDL, several statements separated by `;`). */
  exec(sql: string): Promise<void>
  /** Makes `text` readable by `read_csv('<name>')`. Keep names ASCII: Chinese file names have crashed the VFS. */
  registerText(name: string, text: string): Promise<void>
  /** Like registerText for bytes; the buffer is transferred to the worker and emptied: pass a copy if you keep it. */
  registerBuffer(name: string, bytes: Uint8Array): Promise<void>
  /** Where `COPY … TO` must write a file named `name` for readFile to find it (native DuckDB writes to disk). */
  outputPath(name: string): string
  /** Bytes of a file in the engine's VFS, e.g. after `COPY … TO '<outputPath(name)>'`. */
  readFile(name: string): Promise<Uint8Array>
  dropFile(name: string): Promise<void>
  close(): Promise<void>
}

/** Core DuckDB only: anything else would be downloaded on first use, which offline means a failure or a hang. */
export const SESSION_SETUP = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
]

/** `name` as a file of an engine's own folder on disk: ASCII words only, so that it can name nothing outside it. */
export function diskFileName(name: string): string {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`engine file names are ASCII words: "${name}"`)
  return name
}

/** A value as either engine hands it over (BigInt, Date …) as the plain cell both give: numbers never BigInt. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString()
  return String(value)
}
