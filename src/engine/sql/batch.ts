import type { Cell } from '@/engine/QueryEngine'
import { ident, literal } from './quote'

/** The key of each store table: what an upload upserts on and a batch is undone by. */
export const TABLE_KEYS = {
  indicators: ['org', 'year', 'id'],
  projects: ['org', 'year', 'code'],
  spending_plan: ['org', 'year', 'code', 'month'],
  actuals: ['org', 'year', 'id', 'month'],
  spending: ['org', 'year', 'code', 'month'],
  indicator_links: ['org', 'year', 'id'],
} as const

export type StoreTable = keyof typeof TABLE_KEYS

/** Columns that say where a row sits in its file, not what it holds: left out of the new/changed comparison. */
const ORDER_COLUMNS = new Set(['ord'])

export const valueColumns = (columns: readonly string[], table: StoreTable) =>
  columns.filter((c) => !(TABLE_KEYS[table] as readonly string[]).includes(c) && !ORDER_COLUMNS.has(c))

const joinOn = (table: StoreTable, a: string, b: string) =>
  TABLE_KEYS[table].map((k) => `${a}.${ident(k)} = ${b}.${ident(k)}`).join(' AND ')

/**
 * A replace narrowed to the stored rows whose `column` is one of `values`: a 项目支出绩效目标表 carries one project, so
 * it replaces that project's 项目, 指标 and 支出计划 rows within its unit and year, not the year's whole table.
 */
export interface ReplaceWithin {
  column: string
  values: string[]
}

const withinSql = (within: ReplaceWithin | null) =>
  within ? ` AND ${ident(within.column)} IN (${within.values.map(literal).join(', ') || 'NULL'})` : ''

/** The stored rows of the units and years `canon` holds rows of (narrowed by `within`): what a replacing file replaces. */
const replacedRowsSql = (table: StoreTable, canon: string, within: ReplaceWithin | null) =>
  `SELECT * FROM ${ident(table)} WHERE (org, year) IN (SELECT DISTINCT org, year FROM ${ident(canon)})${withinSql(within)}`

/**
 * Counts of rows of `canon` (shaped like `table`) that are new, changed or unchanged; and, for a replacing file, the
 * stored rows of its units and years it would remove.
 */
export function previewCountsSql(
  table: StoreTable,
  canon: string,
  columns: readonly string[],
  replaces: boolean,
  within: ReplaceWithin | null = null,
): string {
  const differs = valueColumns(columns, table).map((c) => `n.${ident(c)} IS DISTINCT FROM o.${ident(c)}`).join(' OR ') || 'false'
  const firstKey = ident(TABLE_KEYS[table][0])
  return `SELECT
  count(*) FILTER (WHERE o.${firstKey} IS NULL)::INTEGER AS new,
  count(*) FILTER (WHERE o.${firstKey} IS NOT NULL AND (${differs}))::INTEGER AS changed,
  count(*) FILTER (WHERE o.${firstKey} IS NOT NULL AND NOT (${differs}))::INTEGER AS unchanged,
  ${replaces ? `(SELECT count(*) FROM (${replacedRowsSql(table, canon, within)}) o ANTI JOIN ${ident(canon)} n ON ${joinOn(table, 'n', 'o')})::INTEGER` : '0'} AS removed
FROM ${ident(canon)} n LEFT JOIN ${ident(table)} o ON ${joinOn(table, 'n', 'o')}`
}

/** How many rows two uploads of the same table share a key with: the later applied would overwrite the earlier. */
export const sharedKeysSql = (table: StoreTable, a: string, b: string) =>
  `SELECT count(*)::INTEGER AS n FROM ${ident(a)} a SEMI JOIN ${ident(b)} b ON ${joinOn(table, 'a', 'b')}`

/** Rows of `canon` that are new or changed, beside the stored row (`o__<column>`), for the preview table. */
export function previewRowsSql(table: StoreTable, canon: string, columns: readonly string[], limit: number): string {
  const values = valueColumns(columns, table)
  const differs = values.map((c) => `n.${ident(c)} IS DISTINCT FROM o.${ident(c)}`).join(' OR ') || 'false'
  const firstKey = ident(TABLE_KEYS[table][0])
  return `SELECT ${columns.map((c) => `n.${ident(c)}`).join(', ')}, o.${firstKey} IS NULL AS is_new,
  ${values.map((c) => `o.${ident(c)} AS ${ident(`o__${c}`)}`).join(', ')}
FROM ${ident(canon)} n LEFT JOIN ${ident(table)} o ON ${joinOn(table, 'n', 'o')}
WHERE o.${firstKey} IS NULL OR ${differs}
ORDER BY o.${firstKey} IS NULL, ${TABLE_KEYS[table].map((k) => `n.${ident(k)}`).join(', ')}
LIMIT ${limit}`
}

/**
 * The stored rows a batch will overwrite, and for a replacing batch those of the units and years (narrowed by
 * `within`) it replaces: a narrowed replace may also overwrite a row outside its codes that has the same key.
 */
export function rowsBeforeSql(
  table: StoreTable,
  canon: string,
  columns: readonly string[],
  replaces: boolean,
  within: ReplaceWithin | null = null,
): string {
  const select = columns.map((c) => `o.${ident(c)}`).join(', ')
  const overwritten = `SELECT ${select} FROM ${ident(table)} o SEMI JOIN ${ident(canon)} n ON ${joinOn(table, 'n', 'o')}`
  return replaces ? `SELECT ${select} FROM (${replacedRowsSql(table, canon, within)}) o UNION ${overwritten}` : overwritten
}

/**
 * A cell as SQL: numbers through their shortest round-trip text and DuckDB's exact string-to-double cast, so that a
 * value read out and written back is the same double (a bound parameter crosses the worker as JSON).
 */
const cellSql = (cell: Cell) =>
  cell === null ? 'NULL' : typeof cell === 'boolean' ? String(cell) : literal(String(cell))

// Keys are codes (text) or years and months (integers): integers unquoted, so that the join compares like with like.
const keyCellSql = (cell: Cell) => (typeof cell === 'number' ? String(cell) : cellSql(cell))

/** `INSERT` of literal rows, in chunks (one statement each); the caller has deleted any rows with the same keys. */
export function insertRowsSql(table: string, columns: readonly string[], rows: readonly Cell[][], chunk = 500): string[] {
  const out: string[] = []
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((r) => `(${r.map(cellSql).join(', ')})`).join(',\n')
    out.push(`INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) VALUES ${values}`)
  }
  return out
}

/** Literal rows replacing any stored row with the same key: the keys deleted, then the rows inserted. */
export const upsertRowsSql = (table: StoreTable, columns: readonly string[], rows: readonly Cell[][]) => [
  ...deleteKeysSql(table, columns, rows),
  ...insertRowsSql(table, columns, rows),
]

/** The rows of `source` (shaped like `table`, with the same column names) replacing the stored rows with their keys. */
export function upsertFromSql(table: StoreTable, source: string, columns: readonly string[]): string[] {
  const list = columns.map(ident).join(', ')
  return [
    `DELETE FROM ${ident(table)} t USING (SELECT DISTINCT ${TABLE_KEYS[table].map(ident).join(', ')} FROM ${source}) s
      WHERE ${TABLE_KEYS[table].map((k) => `t.${ident(k)} = s.${ident(k)}`).join(' AND ')}`,
    `INSERT INTO ${ident(table)} (${list}) SELECT ${list} FROM ${source}`,
  ]
}


const scopesWhere = (scopes: readonly { org: string; year: number }[], within: ReplaceWithin | null) =>
  scopes.length === 0
    ? 'false'
    : `(org, year) IN (${scopes.map((s) => `(${literal(s.org)}, ${Math.trunc(s.year)})`).join(', ')})${withinSql(within)}`

/** Deletes the rows of `table` that belong to the given units and years (narrowed by `within`). */
export function deleteScopesSql(table: StoreTable, scopes: readonly { org: string; year: number }[], within: ReplaceWithin | null = null): string {
  return `DELETE FROM ${ident(table)} WHERE ${scopesWhere(scopes, within)}`
}

/** The stored rows of the given units and years (narrowed by `within`), in `columns`. */
export function rowsInScopesSql(
  table: StoreTable,
  columns: readonly string[],
  scopes: readonly { org: string; year: number }[],
  within: ReplaceWithin | null,
): string {
  return `SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)} WHERE ${scopesWhere(scopes, within)}`
}

/** The keys of `rows` (shaped as `columns`) as `(VALUES …) d(<keys>)` chunks, and the join of a table `t` on them. */
function keyChunks(table: StoreTable, columns: readonly string[], rows: readonly Cell[][], chunk: number): { values: string; on: string }[] {
  const keys = TABLE_KEYS[table] as readonly string[]
  const at = keys.map((k) => columns.indexOf(k))
  const on = keys.map((k) => `t.${ident(k)} = d.${ident(k)}`).join(' AND ')
  const out: { values: string; on: string }[] = []
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((r) => `(${at.map((j) => keyCellSql(r[j] ?? null)).join(', ')})`).join(', ')
    out.push({ values: `(VALUES ${values}) d(${keys.map(ident).join(', ')})`, on })
  }
  return out
}

/** Deletes the rows of `table` whose keys appear in `rows` (shaped as `columns`). */
export function deleteKeysSql(table: StoreTable, columns: readonly string[], rows: readonly Cell[][], chunk = 500): string[] {
  return keyChunks(table, columns, rows, chunk).map(({ values, on }) => `DELETE FROM ${ident(table)} t USING ${values} WHERE ${on}`)
}

/** The stored rows whose keys appear in `rows`, in `columns`. */
export function rowsAtKeysSql(table: StoreTable, columns: readonly string[], rows: readonly Cell[][], chunk = 500): string[] {
  const select = columns.map((c) => `t.${ident(c)}`).join(', ')
  return keyChunks(table, columns, rows, chunk).map(({ values, on }) => `SELECT ${select} FROM ${ident(table)} t SEMI JOIN ${values} ON ${on}`)
}
