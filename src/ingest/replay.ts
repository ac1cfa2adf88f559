// Start-up's part of the batches: stored batches applied again onto the deployed data, checked against it when it has
// changed since, and migrated from older shapes. Applying and undoing are in batches.ts, loaded with the data page.
import type { Cell, QueryEngine } from '@/engine/QueryEngine'
import { deleteScopesSql, rowsAtKeysSql, rowsInScopesSql, upsertRowsSql } from '@/engine/sql/batch'
import { refreshTargets, registerOrgs, type Scope } from './apply'
import type { BatchPart, BatchRecord } from './batches'

/** Engine rows as arrays in the order of `columns`: the shape a batch keeps. */
export const toArrays = (rows: Record<string, Cell>[], columns: readonly string[]) => rows.map((r) => columns.map((c) => r[c] ?? null))

/** Runs statements (or work that runs them) as one transaction: all or nothing. */
export async function inTransaction(engine: QueryEngine, work: readonly string[] | (() => Promise<void>)): Promise<void> {
  await engine.exec('BEGIN TRANSACTION')
  try {
    if (typeof work === 'function') await work()
    else for (const sql of work) await engine.exec(sql)
    await engine.exec('COMMIT')
  } catch (error) {
    await engine.exec('ROLLBACK')
    throw error
  }
}

/** Rows as a multiset that compares equal whatever their order. */
const rowBag = (rows: readonly Cell[][]) => rows.map((r) => JSON.stringify(r)).sort().join('\n')

/** The stored rows a part touches now: those at its keys and, for a replace, those of its scopes. */
async function rowsTouchedNow(engine: QueryEngine, p: BatchPart): Promise<Cell[][]> {
  const queries = rowsAtKeysSql(p.table, p.columns, [...p.rows, ...p.before])
  if (p.mode === 'replace') queries.push(rowsInScopesSql(p.table, p.columns, p.scopes, p.within))
  const seen = new Set<string>()
  const rows: Cell[][] = []
  for (const sql of queries) {
    for (const row of toArrays(await engine.query(sql), p.columns)) {
      const key = JSON.stringify(row)
      if (!seen.has(key)) rows.push(row)
      seen.add(key)
    }
  }
  return rows
}

/**
 * What a replay found among the batches in force: those applied on other deployed data; of them, those whose rows
 * are no longer what they recorded as there before (they now overwrite rows they never saw, and undoing them would
 * bring back old values); and every one of them recorded again on the data now, `before` as it is now.
 */
export interface ReplayReport {
  onOtherData: BatchRecord[]
  changed: BatchRecord[]
  rebased: BatchRecord[]
}

/**
 * Applies stored batches again, in order, onto a freshly loaded data folder (start-up, reload). With `foldersHash`
 * (the deployed data's now), a batch applied on other data is compared, just before it is applied, with the rows it
 * recorded as there before.
 */
export async function replayBatches(
  engine: QueryEngine,
  records: readonly BatchRecord[],
  { foldersHash }: { foldersHash?: string } = {},
): Promise<ReplayReport> {
  const report: ReplayReport = { onOtherData: [], changed: [], rebased: [] }
  let targetsChanged = false
  for (const record of records) {
    if (record.undoneAt) continue
    if (foldersHash !== undefined && record.foldersHash !== foldersHash) {
      const parts: BatchPart[] = []
      for (const part of record.parts) parts.push({ ...part, before: await rowsTouchedNow(engine, part) })
      report.onOtherData.push(record)
      if (parts.some((p, i) => rowBag(p.before) !== rowBag(record.parts[i]?.before ?? []))) report.changed.push(record)
      report.rebased.push({ ...record, foldersHash, parts })
    }
    await inTransaction(
      engine,
      record.parts.flatMap((p) => [
        ...(p.mode === 'replace' ? [deleteScopesSql(p.table, p.scopes, p.within)] : []),
        ...upsertRowsSql(p.table, p.columns, p.rows),
      ]),
    )
    for (const part of record.parts) await registerOrgs(engine, part.table)
    targetsChanged ||= record.parts.some((p) => p.table === 'indicators')
  }
  if (targetsChanged) await refreshTargets(engine)
  return report
}

/**
 * Batches kept before batches recorded the data they were applied on, and still applying as they did: taken as made
 * on the data now (`adopted`, to be stored again); the report keeps the others.
 */
export function adoptUnrecorded(report: ReplayReport): { adopted: BatchRecord[]; report: ReplayReport } {
  const unrecorded = (r: BatchRecord) => r.foldersHash === null && !report.changed.includes(r)
  const adopted = report.rebased.filter((_, i) => unrecorded(report.onOtherData[i]!))
  const ids = new Set(adopted.map((r) => r.id))
  const keep = (list: BatchRecord[]) => list.filter((r) => !ids.has(r.id))
  return { adopted, report: { onOtherData: keep(report.onOtherData), changed: keep(report.changed), rebased: keep(report.rebased) } }
}

/**
 * A batch kept by a version of the app before years and units: its rows gain the unit and year they were made for
 * (the deployed folder's unit, and the year its data then had), and a replacing part the scope it replaced.
 */
export function migrateBatch(record: BatchRecord, defaults: Scope): BatchRecord {
  if (record.parts.every((p) => p.columns.includes('org') && Array.isArray(p.scopes))) return record
  return {
    ...record,
    parts: record.parts.map((part) => {
      if (part.columns.includes('org') && Array.isArray(part.scopes)) return part
      const add = (['org', 'year'] as const).filter((c) => !part.columns.includes(c))
      const prefix: Cell[] = add.map((c) => (c === 'org' ? defaults.org : defaults.year))
      return {
        ...part,
        columns: [...add, ...part.columns],
        rows: part.rows.map((r) => [...prefix, ...r]),
        before: part.before.map((r) => [...prefix, ...r]),
        scopes: part.mode === 'replace' ? [defaults] : [],
      }
    }),
  }
}
