import type { QueryEngine } from '@/engine/QueryEngine'
import {
  cellProblemsSql,
  duplicateKeySql,
  scopedSelectSql,
  stageCsvSql,
  typedSelectSql,
  yearProblemsSql,
  type RowProblem,
  type StagedColumn,
} from '@/engine/sql/ingest'
import { ident } from '@/engine/sql/quote'
import { canonicalCsv, type CanonicalCsv } from './canonicalCsv'
import { DEFAULT_ORG } from './datasetFolder'
import { decodeText, type TextEncodingName } from './decode'
import { closestKind, duplicateHeaders, FILE_KINDS, matchColumns, missingColumns, type FileKind, type FileKindSpec } from './fileKinds'
import { columnLetter } from './sheetGrid'
import type { SniffCode } from './sniff'

/** A problem with the file as a whole (no row to point at); its sentence is written in `i18n/describeUpload.ts`. */
export interface FileProblem {
  rule:
    | 'unreadable'
    | 'unknown-kind'
    | 'missing-columns'
    | 'empty'
    | 'wrong-kind'
    | 'no-year'
    /** the bytes are no text table (`detail`: the sniff code), named with `fileName` */
    | 'not-csv'
    /** an .xlsx workbook reached the CSV path (`detail`: `fileName`) */
    | 'workbook'
    /** `detail`: how many columns the header has */
    | 'too-many-columns'
  detail: string
  /** the file's name, for the sentences that say what the file is */
  fileName?: string
}

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
  encoding: TextEncodingName | null
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

/**
 * A file of the deployed data folder, whose kind its name says: told from other kinds of file by its bytes, decoded
 * (UTF-8, GBK, UTF-16), read with DuckDB's CSV reader and checked.
 */
export async function stageFile(
  engine: QueryEngine,
  fileName: string,
  bytes: Uint8Array,
  kind: FileKind,
  scope: UploadScope = NO_SCOPE,
): Promise<StagedFile> {
  const text = await decodeText(bytes, fileName)
  if ('notText' in text) {
    return { ...unstaged(fileName), fileProblems: [notTextProblem(text.notText, fileName)] }
  }
  return stageUtf8(engine, fileName, text.bytes, text.encoding, FILE_KINDS[kind], scope)
}

/**
 * The problem of bytes that are no text table. An .xlsx workbook is read by the workbook reader where one is wired
 * (the data page); on the CSV path it is named and refused like any other non-text file.
 */
export const notTextProblem = (code: SniffCode, fileName: string): FileProblem =>
  code === 'xlsx' ? { rule: 'workbook', detail: code, fileName } : { rule: 'not-csv', detail: code, fileName }

const unstaged = (fileName: string): StagedFile => ({
  fileName, encoding: null, spec: null, headers: [], view: `typed_${++counter}`, rowCount: 0, columns: [], problems: [],
  fileProblems: [], problemCount: 0,
})

/** The header's name of a column (1-based) of the file, or '' beyond the header or for a blank one. */
const headerAt = (csv: Pick<CanonicalCsv, 'headers'>, column: number) => {
  const name = csv.headers[column - 1] ?? ''
  return name.startsWith('__blank_') ? '' : name
}

/**
 * What the rewrite into canonical CSV found: a row problem for each (its line, the column's header and letter), and
 * whether the file can be read on (an unclosed quote, an endless row or a header of thousands of columns cannot).
 */
function layoutProblems(csv: CanonicalCsv): { problems: RowProblem[]; fileProblems: FileProblem[]; count: number } {
  const problems: RowProblem[] = csv.cellProblems.map((p) => ({
    line: p.line, key: headerAt(csv, p.column), rule: p.rule, value: p.value, detail: columnLetter(p.column),
  }))
  const fileProblems: FileProblem[] = []
  const fatal = csv.fatal
  if (fatal?.rule === 'too-many-columns') fileProblems.push({ rule: 'too-many-columns', detail: String(fatal.count) })
  else if (fatal?.rule === 'unclosed-quote') {
    problems.push({ line: fatal.line, key: headerAt(csv, fatal.column), rule: 'unclosed-quote', value: null, detail: columnLetter(fatal.column) })
  } else if (fatal?.rule === 'long-row') problems.push({ line: fatal.line, key: '', rule: 'long-row', value: null, detail: null })
  return { problems, fileProblems, count: csv.cellProblemCount + (fatal && fatal.rule !== 'too-many-columns' ? 1 : 0) }
}

/** Headers that name one column twice: a problem on the header's line, naming both columns by letter. */
function duplicateHeaderProblems(csv: CanonicalCsv, spec: FileKindSpec | null): RowProblem[] {
  return duplicateHeaders(spec, csv.headers).map(([a, b]) => ({
    line: csv.headerLine,
    key: '',
    rule: 'duplicate-header',
    value: `${csv.headers[a]}|${csv.headers[b]}`,
    detail: `${columnLetter(a + 1)}|${columnLetter(b + 1)}`,
  }))
}

/**
 * The checks every reader of a canonical CSV starts with, added to `into`: what the rewrite found, no header row at
 * all, a header that names a column of `spec` twice. False when the file cannot be read on.
 */
export function checkLayout(
  csv: CanonicalCsv,
  spec: FileKindSpec | null,
  into: Pick<StagedFile, 'problems' | 'fileProblems' | 'problemCount'>,
): boolean {
  const layout = layoutProblems(csv)
  const duplicates = csv.fatal ? [] : duplicateHeaderProblems(csv, spec)
  into.problems.push(...layout.problems, ...duplicates)
  into.fileProblems.push(...layout.fileProblems)
  into.problemCount += layout.count + duplicates.length
  if (!csv.fatal && csv.headerLine === 0) into.fileProblems.push({ rule: 'empty', detail: '' })
  return !csv.fatal && csv.headerLine > 0 && duplicates.length === 0
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
  encoding: TextEncodingName | null,
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
  const csv = canonicalCsv(utf8)
  const spec = known ?? closestKind(csv.headers)
  if (!checkLayout(csv, spec, result)) return result
  result.headers = csv.headers
  if (!spec) {
    result.fileProblems.push({ rule: 'unknown-kind', detail: shownHeaders(result.headers) })
    return result
  }
  result.spec = spec
  const missing = missingColumns(spec, result.headers)
  if (missing.length) {
    result.fileProblems.push({ rule: 'missing-columns', detail: missing.map((c) => c.zh).join('、') })
    return result
  }
  await engine.registerBuffer(vfsName, csv.bytes.slice())
  try {
    await engine.exec(stageCsvSql(table, vfsName, csv.headers))
  } catch (error) {
    // the canonical CSV leaves the reader nothing to trip on; should it still, the user gets a sentence, not its English
    result.fileProblems.push({ rule: 'unreadable', detail: (error as Error).message.split('\n')[0] ?? '' })
    return result
  } finally {
    await engine.dropFile(vfsName)
  }
  const matched = matchColumns(spec, result.headers)
  result.columns = spec.columns.map((c) => ({
    key: c.key,
    header: matched.get(c.key) ?? null,
    type: c.type,
    required: c.required && !c.allowEmpty,
    nonNegative: c.nonNegative === true,
  }))
  const dated = monthColumn(spec)
  const hasYear = matched.has('year')
  // CREATE TABLE … AS answers with the row count: one round trip fewer per file
  const [created] = await engine
    .query<{ Count: number }>(
      `CREATE OR REPLACE TABLE ${ident(view)} AS ${scopedSelectSql(typedSelectSql(table, result.columns), scope, dated)}`,
    )
    .finally(() => engine.exec(`DROP TABLE IF EXISTS ${ident(table)}`))
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

/** The headers a sentence lists: the file's own (no blank ones), at most twelve. */
function shownHeaders(headers: readonly string[]): string {
  const named = headers.filter((h) => !h.startsWith('__blank_'))
  return named.length > 12 ? `${named.slice(0, 12).join(', ')}, …` : named.join(', ')
}

export async function dropStage(engine: QueryEngine, staged: StagedFile): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${ident(staged.view)}`)
}

export const hasProblems = (s: StagedFile) => s.fileProblems.length > 0 || s.problemCount > 0
