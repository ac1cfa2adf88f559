import type { Cell, QueryEngine } from '@/engine/QueryEngine'
import { deleteKeysSql, deleteScopesSql, insertRowsSql, rowsBeforeSql, TABLE_KEYS, type StoreTable } from '@/engine/sql/batch'
import { ident } from '@/engine/sql/quote'
import { refreshTargets, registerOrgs, scopesOf, type Scope } from './apply'
import type { TextEncodingName } from './decode'
import type { FileKind } from './fileKinds'
import { discardUpload, refreshPreview, uploadIsValid, type PreparedUpload, type PreviewCounts } from './upload'

/** An applied upload, as kept in IndexedDB: enough to replay it at start-up and to undo it exactly. */
export interface BatchRecord {
  id: string
  fileName: string
  kind: FileKind
  table: StoreTable
  mode: 'upsert' | 'replace'
  /** The units and years a replacing batch replaced (an upsert touches only its rows' keys). */
  scopes: Scope[]
  appliedAt: string
  counts: PreviewCounts & { rows: number; sourceRows: number }
  encoding: TextEncodingName | null
  /** The store table's columns, the shape of `rows` and `before`. */
  columns: string[]
  /** The rows the batch stored. */
  rows: Cell[][]
  /** What was stored before for the keys it touched (for a replacing batch: its units' and years' rows); new keys have none. */
  before: Cell[][]
  undoneAt: string | null
}

/** What the list of batches shows of one. */
export type BatchSummary = Pick<BatchRecord, 'id' | 'fileName' | 'kind' | 'counts' | 'appliedAt' | 'undoneAt'>

/**
 * Where applied batches are kept between sessions (`src/persist/batchStore.ts`: IndexedDB in the browser), shared
 * by every tab of the browser.
 */
export interface BatchStore {
  /** Every batch that reads back whole, undone ones included, in the order applied. */
  list(): Promise<BatchRecord[]>
  put(record: BatchRecord): Promise<void>
  clear(): Promise<void>
  /** Runs `work` while no other tab works on the log (absent: this is the only one). */
  exclusive?<T>(work: () => Promise<T>): Promise<T>
}

/** Which batches a log holds and which of them are undone: two logs with the same signature replay the same. */
export const logSignature = (records: readonly Pick<BatchRecord, 'id' | 'undoneAt'>[]) =>
  records.map((b) => `${b.id}:${b.undoneAt ?? ''}`).join('|')

const toArrays = (rows: Record<string, Cell>[], columns: readonly string[]) => rows.map((r) => columns.map((c) => r[c] ?? null))

async function inTransaction(engine: QueryEngine, statements: string[]): Promise<void> {
  await engine.exec('BEGIN TRANSACTION')
  try {
    for (const sql of statements) await engine.exec(sql)
    await engine.exec('COMMIT')
  } catch (error) {
    await engine.exec('ROLLBACK')
    throw error
  }
}

/** Applies a valid upload atomically and returns its batch record (the caller persists it). */
export async function applyUpload(engine: QueryEngine, upload: PreparedUpload, id: string, now = new Date()): Promise<BatchRecord> {
  if (!uploadIsValid(upload) || !upload.canon || !upload.table || !upload.spec) throw new Error('only a valid file can be applied')
  await refreshPreview(engine, upload)
  const { table, canon, columns, replaces } = upload
  const list = columns.map(ident).join(', ')
  const rows = toArrays(await engine.query(`SELECT ${list} FROM ${ident(canon)}`), columns)
  const before = toArrays(await engine.query(rowsBeforeSql(table, canon, columns, replaces)), columns)
  const scopes = await scopesOf(engine, canon)
  await inTransaction(engine, [
    ...(replaces ? [deleteScopesSql(table, scopes)] : []),
    `INSERT OR REPLACE INTO ${ident(table)} (${list}) SELECT ${list} FROM ${ident(canon)}`,
  ])
  await registerOrgs(engine, table)
  if (table === 'indicators') await refreshTargets(engine, scopes)
  await discardUpload(engine, upload)
  return {
    id,
    fileName: upload.fileName,
    kind: upload.spec.kind,
    table,
    mode: replaces ? 'replace' : 'upsert',
    scopes,
    appliedAt: now.toISOString(),
    counts: { ...(upload.counts as PreviewCounts), rows: rows.length, sourceRows: upload.sourceRows },
    encoding: upload.encoding,
    columns,
    rows,
    before,
    undoneAt: null,
  }
}

const keyOf = (record: BatchRecord, row: Cell[]) =>
  JSON.stringify((TABLE_KEYS[record.table] as readonly string[]).map((k) => row[record.columns.indexOf(k)] ?? null))

/**
 * The later batches still in force that changed some of the same rows: undoing `record` under them would bring back
 * values they had already replaced, so they must be undone first.
 */
export function laterOverlapping(record: BatchRecord, history: readonly BatchRecord[]): BatchRecord[] {
  const at = history.findIndex((b) => b.id === record.id)
  const keys = new Set(record.rows.map((r) => keyOf(record, r)))
  const sameScope = (a: BatchRecord, b: BatchRecord) => {
    const mine = new Set(scopesTouched(a).map(scopeKey))
    return scopesTouched(b).some((s) => mine.has(scopeKey(s)))
  }
  return history.slice(at + 1).filter(
    (b) =>
      !b.undoneAt &&
      b.table === record.table &&
      ((b.mode === 'replace' || record.mode === 'replace') ? sameScope(record, b) : b.rows.some((r) => keys.has(keyOf(b, r)))),
  )
}

const scopeKey = (s: Scope) => `${s.year}|${s.org}`

/** The units and years a batch's rows (and, when it replaced, its replaced rows) belong to. */
function scopesTouched(b: BatchRecord): Scope[] {
  const org = b.columns.indexOf('org')
  const year = b.columns.indexOf('year')
  const fromRows = [...b.rows, ...b.before].map((r) => ({ org: String(r[org]), year: Number(r[year]) }))
  return [...b.scopes, ...fromRows]
}

/** Restores exactly what was stored before the batch: its prior rows back, its new keys gone. */
export async function undoBatch(engine: QueryEngine, record: BatchRecord): Promise<void> {
  const table = record.table
  await inTransaction(engine, [
    ...(record.mode === 'replace' ? [deleteScopesSql(table, record.scopes)] : deleteKeysSql(table, record.columns, record.rows)),
    ...insertRowsSql(table, record.columns, record.before),
  ])
  if (table === 'indicators') await refreshTargets(engine, record.scopes.length ? record.scopes : undefined)
}

/** Applies stored batches again, in order, onto a freshly loaded data folder (start-up, reload). */
export async function replayBatches(engine: QueryEngine, records: readonly BatchRecord[]): Promise<void> {
  let targetsChanged = false
  for (const record of records) {
    if (record.undoneAt) continue
    await inTransaction(engine, [
      ...(record.mode === 'replace' ? [deleteScopesSql(record.table, record.scopes)] : []),
      ...insertRowsSql(record.table, record.columns, record.rows),
    ])
    await registerOrgs(engine, record.table)
    targetsChanged ||= record.table === 'indicators'
  }
  if (targetsChanged) await refreshTargets(engine)
}

/**
 * A batch kept by a version of the app before years and units: its rows gain the unit and year they were made for
 * (the deployed folder's unit, and the year its data then had), and a replacing batch the scope it replaced.
 */
export function migrateBatch(record: BatchRecord, defaults: Scope): BatchRecord {
  if (record.columns.includes('org') && Array.isArray(record.scopes)) return record
  const add = (['org', 'year'] as const).filter((c) => !record.columns.includes(c))
  const prefix: Cell[] = add.map((c) => (c === 'org' ? defaults.org : defaults.year))
  return {
    ...record,
    columns: [...add, ...record.columns],
    rows: record.rows.map((r) => [...prefix, ...r]),
    before: record.before.map((r) => [...prefix, ...r]),
    scopes: record.mode === 'replace' ? [defaults] : [],
  }
}
