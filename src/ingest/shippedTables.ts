// The store's tables as DuckDB holds them after the deployed data are loaded and checked, written beside the data
// by the same command that writes data/snapshot.json. A browser whose data files are those very files loads them
// with one read per table instead of staging and checking every file again: the check was done, by the same code,
// when the tables were written. Loading is then as quick for three years or three hundred units as for one.
import type { QueryEngine } from '@/engine/QueryEngine'
import { ident, literal } from '@/engine/sql/quote'
import { createStoreSchemaSql, STORE_COLUMNS } from '@/engine/sql/schema'
import { FNV_OFFSET, fnv1a, fnv1aHex } from '@/persist/fnv1a'
import { foldersHash } from '@/persist/snapshotCache'
import type { DatasetFolder } from './datasetFolder'

/** The tables a load fills, in the order they are written and read (`units` is the schema's own). */
export const STORE_TABLES = [
  'orgs',
  'indicators',
  'indicator_targets',
  'projects',
  'spending_plan',
  'actuals',
  'spending',
  'indicator_links',
] as const

export type TableName = (typeof STORE_TABLES)[number]

/** Where the tables are written, below the deployed data folder. */
export const SHIPPED_TABLES_DIR = 'tables/'

export interface ShippedTable {
  table: TableName
  rows: number
  /** fnv1aHex of the file's bytes: a file replaced or cut short is not loaded */
  hash: string
}

export interface ShippedTables {
  /** `sourceHash` of the folders the tables were loaded from */
  source: string
  files: ShippedTable[]
}

/**
 * What the tables depend on: every data file's bytes (foldersHash), each folder's about.json (its unit, its year)
 * and units.csv (the names of a bureau's units).
 */
export function sourceHash(folders: readonly DatasetFolder[], filesHash = foldersHash(folders)): string {
  const encoder = new TextEncoder()
  let h = FNV_OFFSET
  for (const folder of folders) {
    h = fnv1a(h, encoder.encode(`${folder.path}\u0000${JSON.stringify(folder.about)}\u0000`))
    if (folder.units) h = fnv1a(h, folder.units)
  }
  return `${filesHash}#${h.toString(16)}`
}

const fileOf = (table: TableName) => `shipped_${table}.csv`

// One CSV dialect at both ends: an empty field is NULL and "" an empty string; DuckDB writes doubles so that they
// read back exact (tests/unit/shippedTables.test.ts).
const WRITE = `FORMAT csv, HEADER, DELIMITER ',', QUOTE '"', ESCAPE '"', NULL ''`
const READ = `header = true, delim = ',', quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false, auto_detect = false`

/** Every store table as CSV bytes, with what tells a good copy from a bad one. */
export async function dumpTables(engine: QueryEngine, folders: readonly DatasetFolder[]): Promise<{ meta: ShippedTables; bytes: Map<TableName, Uint8Array> }> {
  const bytes = new Map<TableName, Uint8Array>()
  const files: ShippedTable[] = []
  for (const table of STORE_TABLES) {
    const name = fileOf(table)
    // each unit's rows together, in the order they were stored: loaded in this order, a unit's rows lie in a few of
    // DuckDB's blocks, which a unit's reads skip to (opening a unit from the bureau page read its two years in half
    // the time)
    const order = table === 'orgs' ? '' : ' ORDER BY org, year, rowid'
    await engine.exec(`COPY (SELECT * FROM ${ident(table)}${order}) TO ${literal(engine.outputPath(name))} (${WRITE})`)
    const data = await engine.readFile(name)
    await engine.dropFile(name)
    const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`)
    bytes.set(table, data)
    files.push({ table, rows: n, hash: fnv1aHex(data) })
  }
  return { meta: { source: sourceHash(folders), files }, bytes }
}

/** The `tables` entry of data/snapshot.json as fetched: null unless whole and of this shape. */
export function checkShippedTables(raw: unknown): ShippedTables | null {
  if (typeof raw !== 'object' || raw === null) return null
  const o = raw as Record<string, unknown>
  if (typeof o.source !== 'string' || !Array.isArray(o.files)) return null
  const files = (o.files as unknown[]).filter(
    (f): f is ShippedTable =>
      typeof f === 'object' && f !== null && STORE_TABLES.includes((f as ShippedTable).table) &&
      Number.isInteger((f as ShippedTable).rows) && typeof (f as ShippedTable).hash === 'string',
  )
  return STORE_TABLES.every((t) => files.some((f) => f.table === t)) ? { source: o.source, files } : null
}

/**
 * Fills the store from shipped tables: the schema, then one read per table, with the column types of the schema.
 * Returns false (the store left empty) when a file is missing, is not the one the snapshot lists, or reads to
 * another number of rows, or when `fromTheseFiles` says the data files are not those the tables were written from:
 * the caller then loads and checks the data files as without a snapshot. `fromTheseFiles` runs while the engine
 * reads the tables (native DuckDB reads on threads of its own): hashing a province's files then costs no time of
 * its own. Nothing reads the tables before both are done.
 */
export async function loadShippedTables(
  engine: QueryEngine,
  meta: ShippedTables,
  fetchTable: (fileName: string) => Promise<Uint8Array | null>,
  fromTheseFiles: () => boolean = () => true,
): Promise<boolean> {
  const fetched = await Promise.all(meta.files.map(async (f) => ({ ...f, bytes: await fetchTable(`${f.table}.csv`) })))
  if (fetched.some((f) => !f.bytes || fnv1aHex(f.bytes) !== f.hash)) return false
  // a round trip to the worker costs more than reading these tables: every step is one statement for all of them
  // (the column types are the schema's own: asking DuckDB's catalog for them cost a cold start a quarter second)
  const typesOf = (table: TableName) => STORE_COLUMNS[table].map(([name, type]) => `${literal(name)}: ${literal(type)}`).join(', ')
  await Promise.all([engine.exec(createStoreSchemaSql()), ...fetched.map((f) => engine.registerBuffer(fileOf(f.table), f.bytes as Uint8Array))])
  try {
    const reading = engine.exec(
      fetched
        .map((f) => `INSERT INTO ${ident(f.table)} SELECT * FROM read_csv(${literal(fileOf(f.table))}, ${READ}, columns = {${typesOf(f.table)}})`)
        .join(';\n'),
    )
    let sameFiles = false
    try {
      sameFiles = fromTheseFiles()
    } finally {
      await reading
    }
    if (!sameFiles) throw new Error('the data files are not those the tables were written from')
    const counts = await engine.query<{ t: string; n: number }>(
      fetched.map((f) => `SELECT ${literal(f.table)} AS t, count(*)::INTEGER AS n FROM ${ident(f.table)}`).join(' UNION ALL '),
    )
    if (fetched.some((f) => counts.find((c) => c.t === f.table)?.n !== f.rows)) throw new Error('a table read to another number of rows')
    return true
  } catch {
    await engine.exec(createStoreSchemaSql())
    return false
  } finally {
    for (const f of fetched) await engine.dropFile(fileOf(f.table))
  }
}

/**
 * The checked tables once more, as one DuckDB database file beside their CSVs, written by `snapshot` for the command
 * line: native DuckDB attaches it read-only and queries it where it lies, instead of reading 330 MB of CSV into
 * tables first (a province's 8 s). The browser never fetches it.
 */
export const SHIPPED_DATABASE_FILE = 'tables.duckdb'

const SHIPPED_CATALOG = 'shipped'

/**
 * What the database file says of itself, beside the tables: the `ShippedTables` entry of snapshot.json it was read
 * from (the data files' hash, each CSV's hash and rows), and of each table the checksum of its rows as DuckDB
 * reads them back.
 */
const META_TABLE = 'shipped_tables'

/** One number of every row of `table` (bit_xor of DuckDB's hash of each whole row): reading it reads every block. */
const checksumSql = (catalog: string) =>
  STORE_TABLES.map((t) => `SELECT ${literal(t)} AS t, count(*)::INTEGER AS n, coalesce(bit_xor(hash(r)), 0)::VARCHAR AS checksum FROM ${ident(catalog)}.${ident(t)} r`).join(
    ' UNION ALL ',
  )

/**
 * Writes the tables of `meta` (read from their CSVs, as loadShippedTables reads them) into a new DuckDB database
 * file at `path`, with what they were read from. Only native DuckDB writes a file where it is asked to.
 */
export async function writeShippedDatabase(
  engine: QueryEngine,
  meta: ShippedTables,
  fetchTable: (fileName: string) => Promise<Uint8Array | null>,
  path: string,
): Promise<void> {
  await engine.exec(`ATTACH ${literal(path)} AS ${ident(SHIPPED_CATALOG)}; USE ${ident(SHIPPED_CATALOG)}`)
  try {
    if (!(await loadShippedTables(engine, meta, fetchTable))) throw new Error('the tables written do not read back')
    const checksums = await engine.query<{ t: string; n: number; checksum: string }>(checksumSql(SHIPPED_CATALOG))
    await engine.exec(`CREATE TABLE ${META_TABLE} AS SELECT * FROM (VALUES ${meta.files
      .map((f) => `(${literal(meta.source)}, ${literal(f.table)}, ${f.rows}, ${literal(f.hash)}, ${literal(checksums.find((c) => c.t === f.table)?.checksum ?? '')})`)
      .join(', ')}) AS m(source, "table", "rows", hash, checksum)`)
  } finally {
    await engine.exec(`USE memory; DETACH ${ident(SHIPPED_CATALOG)}`)
  }
}

/**
 * Makes the database file at `path` the engine's store (attached read-only, and the catalog unqualified names
 * resolve in) when it was written from the tables `meta` describes and reads back whole: every block is read and
 * each table's rows checksummed, while `fromTheseFiles` hashes the data files. Returns false, the engine's own
 * empty catalog left in use, when the file is missing, unreadable, of other tables, or the data files are not those
 * the tables were written from: the caller then loads the tables' CSVs or the data files.
 */
export async function attachShippedDatabase(engine: QueryEngine, meta: ShippedTables, path: string, fromTheseFiles: () => boolean = () => true): Promise<boolean> {
  try {
    await engine.exec(`ATTACH ${literal(path)} AS ${ident(SHIPPED_CATALOG)} (READ_ONLY)`)
  } catch {
    return false
  }
  try {
    const written = await engine.query<{ source: string; table: string; rows: number; hash: string; checksum: string }>(
      `SELECT source, "table", "rows", hash, checksum FROM ${ident(SHIPPED_CATALOG)}.${META_TABLE}`,
    )
    const sameTables = written.length === meta.files.length && meta.files.every((f) =>
      written.some((w) => w.source === meta.source && w.table === f.table && w.rows === f.rows && w.hash === f.hash))
    if (!sameTables) throw new Error('the database file holds other tables than snapshot.json lists')
    const reading = engine.query<{ t: string; n: number; checksum: string }>(checksumSql(SHIPPED_CATALOG))
    let sameFiles = false
    try {
      sameFiles = fromTheseFiles()
    } finally {
      await reading.catch(() => undefined)
    }
    const read = await reading
    if (!sameFiles) throw new Error('the data files are not those the tables were written from')
    if (written.some((w) => !read.some((r) => r.t === w.table && r.n === w.rows && r.checksum === w.checksum))) {
      throw new Error('a table of the database file reads back otherwise than written')
    }
    await engine.exec(`USE ${ident(SHIPPED_CATALOG)}`)
    return true
  } catch {
    await engine.exec(`DETACH ${ident(SHIPPED_CATALOG)}`).catch(() => undefined)
    return false
  }
}
