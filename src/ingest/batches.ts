import type { Cell, QueryEngine } from '@/engine/QueryEngine'
import {
  deleteKeysSql,
  deleteScopesSql,
  insertRowsSql,
  rowsBeforeSql,
  TABLE_KEYS,
  upsertFromSql,
  type ReplaceWithin,
  type StoreTable,
} from '@/engine/sql/batch'
import { ident } from '@/engine/sql/quote'
import { refreshTargets, registerOrgs, scopesOf, type Scope } from './apply'
import { inTransaction, toArrays } from './replay'
import type { TextEncodingName } from './decode'
import type { FileKind } from './fileKinds'
import { discardUpload, refreshPreview, uploadIsValid, type PreparedUpload, type PreviewCounts } from './upload'

/** What one kind of rows of an applied upload did to its table: enough to replay it and to undo it exactly. */
export interface BatchPart {
  kind: FileKind
  table: StoreTable
  /** The worksheet the rows came from; null for a CSV file or the 填报 page. */
  sheet: string | null
  mode: 'upsert' | 'replace'
  /** The units and years a replacing part replaced (an upsert touches only its rows' keys). */
  scopes: Scope[]
  /** A replace narrowed to the rows of some codes (a 绩效目标表's project); null: the whole units and years. */
  within: ReplaceWithin | null
  counts: PreviewCounts & { rows: number; sourceRows: number }
  encoding: TextEncodingName | null
  /** The store table's columns, the shape of `rows` and `before`. */
  columns: string[]
  /** The rows the part stored. */
  rows: Cell[][]
  /** What was stored before for the keys it touched and, when it replaced, the rows it replaced; new keys have none. */
  before: Cell[][]
}

/**
 * An applied upload, as kept in IndexedDB: one file (or one 填报), applied and undone as a whole. A CSV file has one
 * part; a workbook one per sheet, and a 绩效目标表 its project, indicators and plan.
 */
export interface BatchRecord {
  id: string
  fileName: string
  appliedAt: string
  undoneAt: string | null
  /** `foldersHash` of the deployed data the batch was applied on; null for a batch kept before it was recorded. */
  foldersHash: string | null
  parts: BatchPart[]
}

/** What the list of batches shows of one. */
export type BatchSummary = Pick<BatchRecord, 'id' | 'fileName' | 'appliedAt' | 'undoneAt'> & {
  parts: Pick<BatchPart, 'kind' | 'sheet' | 'mode' | 'scopes' | 'within' | 'counts'>[]
}

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

/** An upload to apply, with the worksheet its rows came from. */
export interface UploadPart {
  upload: PreparedUpload
  sheet: string | null
}

/** Which batches a log holds and which of them are undone: two logs with the same signature replay the same. */
export const logSignature = (records: readonly Pick<BatchRecord, 'id' | 'undoneAt'>[]) =>
  records.map((b) => `${b.id}:${b.undoneAt ?? ''}`).join('|')

export interface BatchMeta {
  id: string
  fileName: string
  now?: Date
  foldersHash?: string | null
}

/**
 * Applies valid uploads atomically, in the order given (项目 before the 指标 that name them), as one batch, and
 * returns its record (the caller persists it). Each part's `before` is read just before it is applied, so that two
 * parts of the same table undo in reverse to exactly what was there.
 */
export async function applyUploads(engine: QueryEngine, uploads: readonly UploadPart[], meta: BatchMeta): Promise<BatchRecord> {
  for (const { upload } of uploads) {
    if (!uploadIsValid(upload) || !upload.canon || !upload.table || !upload.spec) throw new Error('only a valid file can be applied')
  }
  const parts: BatchPart[] = []
  await inTransaction(engine, async () => {
    for (const { upload, sheet } of uploads) parts.push(await applyPart(engine, upload, sheet))
  })
  for (const part of parts) await registerOrgs(engine, part.table)
  const targets = parts.filter((p) => p.table === 'indicators').flatMap((p) => p.scopes)
  if (targets.length) await refreshTargets(engine, targets)
  for (const { upload } of uploads) await discardUpload(engine, upload)
  return {
    id: meta.id,
    fileName: meta.fileName,
    appliedAt: (meta.now ?? new Date()).toISOString(),
    undoneAt: null,
    foldersHash: meta.foldersHash ?? null,
    parts,
  }
}

/** Applies one valid upload as a batch of one part. */
export function applyUpload(engine: QueryEngine, upload: PreparedUpload, id: string, now = new Date()): Promise<BatchRecord> {
  return applyUploads(engine, [{ upload, sheet: null }], { id, fileName: upload.fileName, now })
}

async function applyPart(engine: QueryEngine, upload: PreparedUpload, sheet: string | null): Promise<BatchPart> {
  await refreshPreview(engine, upload)
  const { canon, columns, replaces, within } = upload as PreparedUpload & { canon: string; table: StoreTable }
  const table = upload.table as StoreTable
  const list = columns.map(ident).join(', ')
  const rows = toArrays(await engine.query(`SELECT ${list} FROM ${ident(canon)}`), columns)
  const before = toArrays(await engine.query(rowsBeforeSql(table, canon, columns, replaces, within)), columns)
  const scopes = await scopesOf(engine, canon)
  if (replaces) await engine.exec(deleteScopesSql(table, scopes, within))
  for (const sql of upsertFromSql(table, ident(canon), columns)) await engine.exec(sql)
  return {
    kind: upload.spec!.kind,
    table,
    sheet,
    mode: replaces ? 'replace' : 'upsert',
    scopes,
    within: replaces ? within : null,
    counts: { ...(upload.counts as PreviewCounts), rows: rows.length, sourceRows: upload.sourceRows },
    encoding: upload.encoding,
    columns,
    rows,
    before,
  }
}

const keyOf = (part: BatchPart, row: Cell[]) =>
  JSON.stringify((TABLE_KEYS[part.table] as readonly string[]).map((k) => row[part.columns.indexOf(k)] ?? null))
const scopeKey = (s: Scope) => `${s.year}|${s.org}`

/** The units and years a part's rows (and, when it replaced, its replaced rows) belong to. */
function scopesTouched(p: BatchPart): Scope[] {
  const org = p.columns.indexOf('org')
  const year = p.columns.indexOf('year')
  const fromRows = [...p.rows, ...p.before].map((r) => ({ org: String(r[org]), year: Number(r[year]) }))
  return [...p.scopes, ...fromRows]
}

/** Whether a replacing part's undo, which clears its scopes (narrowed by `within`), would take rows of `other`. */
function clears(replace: BatchPart, other: BatchPart): boolean {
  if (replace.mode !== 'replace') return false
  const within = replace.within
  if (!within) return true
  const at = other.columns.indexOf(within.column)
  return at >= 0 && [...other.rows, ...other.before].some((r) => within.values.includes(String(r[at])))
}

/** Whether two parts touch some of the same stored rows: undoing the earlier under the later would be wrong. */
export function partsOverlap(a: BatchPart, b: BatchPart): boolean {
  if (a.table !== b.table) return false
  const keys = new Set([...a.rows, ...a.before].map((r) => keyOf(a, r)))
  if ([...b.rows, ...b.before].some((r) => keys.has(keyOf(b, r)))) return true
  const mine = new Set(scopesTouched(a).map(scopeKey))
  if (!scopesTouched(b).some((s) => mine.has(scopeKey(s)))) return false
  return clears(a, b) || clears(b, a)
}

/**
 * The later batches still in force that changed some of the same rows: undoing `record` under them would bring back
 * values they had already replaced, so they must be undone first.
 */
export function laterOverlapping(record: BatchRecord, history: readonly BatchRecord[]): BatchRecord[] {
  const at = history.findIndex((b) => b.id === record.id)
  return history
    .slice(at + 1)
    .filter((b) => !b.undoneAt && b.parts.some((p) => record.parts.some((q) => partsOverlap(q, p))))
}

/** The statements that take a part back out: its rows (for a replace, its scopes' rows) gone, what was there back. */
function undoPartSql(p: BatchPart): string[] {
  const remove =
    p.mode === 'replace'
      ? [deleteScopesSql(p.table, p.scopes, p.within), ...(p.within ? deleteKeysSql(p.table, p.columns, p.rows) : [])]
      : deleteKeysSql(p.table, p.columns, p.rows)
  return [...remove, ...insertRowsSql(p.table, p.columns, p.before)]
}

/** Restores exactly what was stored before the batch: its parts taken out in reverse order. */
export async function undoBatch(engine: QueryEngine, record: BatchRecord): Promise<void> {
  await inTransaction(engine, [...record.parts].reverse().flatMap(undoPartSql))
  const targets = record.parts.filter((p) => p.table === 'indicators')
  if (targets.length) {
    const scopes = targets.flatMap((p) => p.scopes)
    await refreshTargets(engine, scopes.length ? scopes : undefined)
  }
}

/** How many stored rows undoing the batch removes: rows it added that nothing from before restores. */
export function rowsRemovedByUndo(record: Pick<BatchRecord, 'parts'>): number {
  let removed = 0
  for (const p of record.parts) {
    const restored = new Set(p.before.map((r) => keyOf(p, r)))
    removed += p.rows.filter((r) => !restored.has(keyOf(p, r))).length
  }
  return removed
}

