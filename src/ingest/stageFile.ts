import type { QueryEngine } from '@/engine/QueryEngine'
import {
  cellProblemsSql,
  duplicateKeySql,
  scopedSelectSql,
  stageCsvSql,
  stagedHeadersSql,
  typedSelectSql,
  yearProblemsSql,
  type RowProblem,
  type StagedColumn,
} from '@/engine/sql/ingest'
import { ident } from '@/engine/sql/quote'
import { isBlank, toUtf8Bytes, type TextEncodingName } from './decode'
import { closestKind, FILE_KINDS, ROW_COLUMN, matchColumns, missingColumns, type FileKind, type FileKindSpec } from './fileKinds'

/** A problem with the file as a whole (no row to point at). */
export interface FileProblem {
  rule: 'unreadable' | 'unknown-kind' | 'missing-columns' | 'empty' | 'wrong-kind' | 'no-year'
  detail: string
}

/** The key of a budget unit when neither the file nor the folder names one. */
export const DEFAULT_ORG = '本单位'

/**
 * Where a file's rows go when it does not say: the 单位 of the folder or of the page, and the 年度 of the folder or
 * the one selected when uploading (null: none given, so a file without 年度 and 月份 cannot be placed).
 */
export interface UploadScope {
  org: string
  year: number | null
}

export const NO_SCOPE: UploadScope = { org: DEFAULT_ORG, year: null }

/** A file read into the engine and checked on its own (references to other files are checked in `validate.ts`). */
export interface StagedFile {
  fileName: string
  encoding: TextEncodingName
  spec: FileKindSpec | null
  headers: string[]
  /**
   * The typed view over the staging table, with `_line`, one column per key and `<key>__raw`, and `_org` and
   * `_year`: the budget unit and the 年度 each row belongs to.
   */
  view: string
  rowCount: number
  columns: StagedColumn[]
  problems: RowProblem[]
  fileProblems: FileProblem[]
  /** How many problems exist in all (the list is capped). */
  problemCount: number
}

const PROBLEM_CAP = 500
let counter = 0

/** Key columns of the typed view, for the duplicate check (within a unit and year): months are (year, month). */
export function viewKeyColumns(spec: FileKindSpec): string[] {
  return spec.key.flatMap((k) => (k === 'period' ? ['period_year', 'period_month'] : [k]))
}

/** The CSV a workbook reader wrote: its first column `__row` holds each row's Excel row number. */
const startsWithRowColumn = (utf8: Uint8Array) => new TextDecoder().decode(utf8.subarray(0, 8)).replace(/^\uFEFF/, '').startsWith(`${ROW_COLUMN},`)

/** A file of the deployed data folder, whose kind its name says: decoded, read with DuckDB's CSV reader and checked. */
export async function stageFile(
  engine: QueryEngine,
  fileName: string,
  bytes: Uint8Array,
  kind: FileKind,
  scope: UploadScope = NO_SCOPE,
): Promise<StagedFile> {
  const utf8 = await toUtf8Bytes(bytes)
  return stageUtf8(engine, fileName, utf8.bytes, utf8.encoding, FILE_KINDS[kind], scope)
}

/** The 月份 (or 支付日期) column that dates a row of this kind, if it has one. */
const monthColumn = (spec: FileKindSpec) =>
  spec.columns.find((c) => c.type === 'month' || c.type === 'date')?.key ?? null

/**
 * Reads UTF-8 bytes with DuckDB's CSV reader as a file of kind `known` (null: no kind's columns are all there, so the
 * headers are compared with each kind to name what is missing) and lists every cell-level problem. Nothing is stored,
 * and `utf8` stays the caller's: the caller applies or drops the stage.
 */
export async function stageUtf8(
  engine: QueryEngine,
  fileName: string,
  utf8: Uint8Array,
  encoding: TextEncodingName,
  known: FileKindSpec | null,
  scope: UploadScope = NO_SCOPE,
): Promise<StagedFile> {
  const n = ++counter
  const vfsName = `f_${n}.csv`
  const table = `stage_${n}`
  const view = `typed_${n}`
  const result: StagedFile = {
    fileName,
    encoding,
    spec: null,
    headers: [],
    view,
    rowCount: 0,
    columns: [],
    problems: [],
    fileProblems: [],
    problemCount: 0,
  }
  if (isBlank(utf8)) {
    result.fileProblems.push({ rule: 'empty', detail: '' })
    return result
  }
  await engine.registerBuffer(vfsName, utf8.slice())
  try {
    await engine.exec(stageCsvSql(table, vfsName, startsWithRowColumn(utf8)))
  } catch (error) {
    result.fileProblems.push({ rule: 'unreadable', detail: (error as Error).message.split('\n')[0] ?? '' })
    return result
  } finally {
    await engine.dropFile(vfsName)
  }
  result.headers = (await engine.query<{ column_name: string }>(stagedHeadersSql(table))).map((r) => r.column_name)
  const spec = known ?? closestKind(result.headers)
  if (!spec) {
    result.fileProblems.push({ rule: 'unknown-kind', detail: result.headers.join(', ') })
    return result
  }
  result.spec = spec
  const missing = missingColumns(spec, result.headers)
  if (missing.length) {
    result.fileProblems.push({ rule: 'missing-columns', detail: missing.map((c) => c.zh).join('、') })
    return result
  }
  const matched = matchColumns(spec, result.headers)
  result.columns = spec.columns.map((c) => ({
    key: c.key,
    header: matched.get(c.key) ?? null,
    type: c.type,
    required: c.required && !c.allowEmpty,
  }))
  const dated = monthColumn(spec)
  const hasYear = matched.has('year')
  // CREATE TABLE … AS answers with the row count: one round trip fewer per file
  const [created] = await engine.query<{ Count: number }>(
    `CREATE OR REPLACE TABLE ${ident(view)} AS ${scopedSelectSql(typedSelectSql(table, result.columns), scope, dated)}`,
  )
  await engine.exec(`DROP TABLE ${ident(table)}`)
  result.rowCount = created?.Count ?? 0
  if (result.rowCount === 0) result.fileProblems.push({ rule: 'empty', detail: '' })
  if (result.rowCount > 0 && !dated && !hasYear && scope.year === null) result.fileProblems.push({ rule: 'no-year', detail: '' })

  const checks = [cellProblemsSql(view, result.columns), yearProblemsSql(view, dated, hasYear)]
  if (spec.key.length) checks.push(duplicateKeySql(view, viewKeyColumns(spec)))
  await collectProblems(engine, result, checks.filter(Boolean).join('\nUNION ALL\n'))
  return result
}

/** Runs a UNION of problem queries (columns _line, key, rule, value, detail) and adds what it finds. */
export async function collectProblems(
  engine: QueryEngine,
  staged: Pick<StagedFile, 'problems' | 'problemCount'>,
  sql: string,
): Promise<void> {
  if (!sql.trim()) return
  const room = Math.max(0, PROBLEM_CAP - staged.problems.length)
  const rows = await engine.query<{ _line: number; key: string; rule: string; value: string | null; detail: string | null }>(
    `SELECT * FROM (${sql}) ORDER BY _line, key LIMIT ${room + 1}`,
  )
  // counted separately only when the list is cut: a clean file costs one query
  if (rows.length > room) {
    const [total] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`)
    staged.problemCount += total?.n ?? rows.length
  } else {
    staged.problemCount += rows.length
  }
  for (const r of rows.slice(0, room)) staged.problems.push({ line: r._line, key: r.key, rule: r.rule, value: r.value, detail: r.detail })
  staged.problems.sort((a, b) => a.line - b.line)
}

export async function dropStage(engine: QueryEngine, staged: StagedFile): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${ident(staged.view)}`)
}

export const hasProblems = (s: StagedFile) => s.fileProblems.length > 0 || s.problemCount > 0
