import type { Cell, QueryEngine } from '@/engine/QueryEngine'
import { previewCountsSql, previewRowsSql, type ReplaceWithin, type StoreTable } from '@/engine/sql/batch'
import { ledgerAggregateSql, ledgerProblemsSql, type LedgerHeaders, type RowProblem } from '@/engine/sql/ingest'
import { ident } from '@/engine/sql/quote'
import { scopesOf, storeRowsSql, type Scope } from './apply'
import { canonicalCsv } from './canonicalCsv'
import { decodeText, gb18030ToUtf8, headerCells, type TextEncodingName } from './decode'
import { detectKind, FILE_KINDS, KIND_TABLE, matchColumns, type FileKind, type FileKindSpec } from './fileKinds'
import { readerFor, sniffBytes, type SniffCode } from './sniff'
import {
  checkLayout,
  collectProblems,
  dropStage,
  hasProblems,
  notTextProblem,
  stageUtf8,
  type FileProblem,
  type StagedFile,
} from './stageFile'
import { checkReferences, knownCodesSql, noContext, type UploadContext } from './validate'

// in fileKinds.ts, so that the batch store's check does not bring the upload path into the start-up scripts
export { KIND_TABLE }

/**
 * Target files replace their table for the units and years they hold (a department brings its own 指标, 项目 and
 * 支出计划 each year); measurements are upserted by (单位, 年度, 指标编码, 月份) or (单位, 年度, 项目编码, 月份).
 */
export const REPLACING_KINDS: ReadonlySet<FileKind> = new Set(['indicators', 'projects', 'spending_plan', 'links'])

export type UploadPhase = 'reading' | 'decoding' | 'parsing' | 'checking'

export interface PreviewCounts {
  new: number
  changed: number
  unchanged: number
  /** Stored rows a replacing file removes. */
  removed: number
}

export interface PreviewRow {
  isNew: boolean
  /** The row as it will be stored, by store column. */
  values: Record<string, Cell>
  /** For a changed row: the stored value of each column that changes. */
  old: Record<string, Cell>
}

/** A file read, checked and, when valid, turned into the rows it would store (`canon`), nothing stored yet. */
export interface PreparedUpload {
  fileName: string
  encoding: TextEncodingName | null
  spec: FileKindSpec | null
  /** Data rows in the file (for a ledger: payments, before they are summed into months). */
  sourceRows: number
  problems: RowProblem[]
  fileProblems: FileProblem[]
  problemCount: number
  table: StoreTable | null
  replaces: boolean
  /** A replace narrowed to some codes (a 绩效目标表's own project); null: the whole units and years. */
  within: ReplaceWithin | null
  /** The engine table holding the rows to store, in the store table's columns; null when the file has problems. */
  canon: string | null
  columns: string[]
  /** The units and years of the rows to store. */
  scopes: Scope[]
  counts: PreviewCounts | null
  samples: PreviewRow[]
}

export const uploadIsValid = (u: PreparedUpload) => u.canon !== null && u.problemCount === 0 && !u.fileProblems.length

/** The preview lists at most this many new or changed rows. */
export const PREVIEW_ROWS = 200
let counter = 0

/** A picked file decoded once, for every check that follows. */
export interface DecodedFile {
  fileName: string
  /** The file as UTF-8: the bytes as picked when they were UTF-8 already. */
  utf8: Uint8Array
  encoding: TextEncodingName | null
  /** Only samples were checked as UTF-8 (a big ledger): DuckDB's reader checks the rest. */
  sampled: boolean
  /** The kind whose required columns the header row names; null when none does. */
  spec: FileKindSpec | null
  /** The bytes are no text table: what they are instead (`sniff.ts`), for the sentence; nothing else is read. */
  notText: SniffCode | null
}

const notText = (fileName: string, code: SniffCode): DecodedFile => ({
  fileName, utf8: new Uint8Array(0), encoding: null, sampled: false, spec: null, notText: code,
})

/**
 * Tells what the bytes are (a workbook, an image, UTF-16 text …) before any reader sees them, the kind from the
 * header row, then turns the whole file into UTF-8 for DuckDB; a payment ledger, which can be hundreds of MB, is only
 * sampled (DuckDB's reader refuses what is not UTF-8, and `prepareUpload` then converts).
 */
export async function decodeFile(
  fileName: string,
  bytes: Uint8Array,
  onProgress: (fraction: number) => void = () => {},
): Promise<DecodedFile> {
  const code = sniffBytes(bytes, fileName)
  if (readerFor(code) === 'workbook') {
    // a workbook is read sheet by sheet before this (`decodeUpload`); bytes that reach here as one are refused
    return notText(fileName, code)
  }
  const headSpec = code === 'text' ? detectKind(headerCells(bytes)) : null
  const text = await decodeText(bytes, fileName, onProgress, { sampleOnly: headSpec?.kind === 'ledger' })
  if ('notText' in text) return notText(fileName, text.notText)
  // UTF-16 is told its kind once decoded
  const spec = code === 'text' ? headSpec : detectKind(headerCells(text.bytes))
  return { fileName, utf8: text.bytes, encoding: text.encoding, sampled: text.sampled, spec, notText: null }
}

/**
 * Checks a decoded file: validates every row (nothing is stored), and for a valid file builds the rows it would
 * store with a preview against the store. A payment ledger never becomes a staging table: DuckDB reads it once,
 * straight into totals by project and month. `file` is left as it was, to be checked again.
 */
export async function prepareUpload(
  engine: QueryEngine,
  file: DecodedFile,
  context: UploadContext = noContext(),
  onProgress: (phase: UploadPhase, fraction: number | null) => void = () => {},
): Promise<PreparedUpload> {
  onProgress('parsing', null)
  let upload: PreparedUpload
  if (file.notText) {
    upload = { ...emptyUpload(file.fileName, null), fileProblems: [notTextProblem(file.notText, file.fileName)] }
  } else if (file.spec?.kind === 'ledger') {
    try {
      upload = await prepareLedger(engine, file.fileName, file.utf8, file.encoding, context, onProgress, !file.sampled)
    } catch (error) {
      if (!(error instanceof NotUtf8Error)) throw error
      // The samples looked like UTF-8, a row between them is not: GBK after all.
      const utf8 = await gb18030ToUtf8(file.utf8, (f) => onProgress('decoding', f))
      upload = await prepareLedger(engine, file.fileName, utf8, 'GB18030', context, onProgress, true)
    }
  } else {
    upload = await prepareTable(engine, file, context, onProgress)
  }
  if (uploadIsValid(upload)) await refreshPreview(engine, upload)
  return upload
}

function emptyUpload(fileName: string, encoding: TextEncodingName | null): PreparedUpload {
  return {
    fileName, encoding, spec: null, sourceRows: 0, problems: [], fileProblems: [], problemCount: 0, table: null,
    replaces: false, within: null, canon: null, columns: [], scopes: [], counts: null, samples: [],
  }
}

async function storeColumns(engine: QueryEngine, table: StoreTable): Promise<string[]> {
  const rows = await engine.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${ident(table)})`)
  return rows.map((r) => r.column_name)
}

/** The four small kinds and monthly spending: staged, typed and validated row by row in SQL (`stageFile.ts`). */
async function prepareTable(
  engine: QueryEngine,
  file: DecodedFile,
  context: UploadContext,
  onProgress: (phase: UploadPhase, fraction: number | null) => void,
): Promise<PreparedUpload> {
  const staged = await stageUtf8(engine, file.fileName, file.utf8, file.encoding, file.spec, context.scope)
  onProgress('checking', null)
  try {
    await checkReferences(engine, staged, context)
    const upload = fromStaged(staged)
    if (hasProblems(staged) || !staged.spec) return upload
    const table = KIND_TABLE[staged.spec.kind]
    const canon = `canon_${++counter}`
    upload.columns = await storeColumns(engine, table)
    await engine.exec(`CREATE OR REPLACE TABLE ${ident(canon)} AS SELECT * FROM ${ident(table)} LIMIT 0`)
    await engine.exec(`INSERT INTO ${ident(canon)} ${storeRowsSql(staged).select}`)
    upload.canon = canon
    return upload
  } finally {
    await dropStage(engine, staged)
  }
}

function fromStaged(staged: StagedFile): PreparedUpload {
  const kind = staged.spec?.kind
  return {
    ...emptyUpload(staged.fileName, staged.encoding),
    spec: staged.spec,
    sourceRows: staged.rowCount,
    problems: staged.problems,
    fileProblems: staged.fileProblems,
    problemCount: staged.problemCount,
    table: kind ? KIND_TABLE[kind] : null,
    replaces: kind ? REPLACING_KINDS.has(kind) : false,
  }
}

class NotUtf8Error extends Error {}

/**
 * The payment ledger: 支付日期, 项目编码, 金额 (元) summed by DuckDB into 万元 by project and month. When only samples
 * of the file were checked as UTF-8 (`utf8Checked` false), a row DuckDB finds is not UTF-8 throws NotUtf8Error.
 */
async function prepareLedger(
  engine: QueryEngine,
  fileName: string,
  utf8: Uint8Array,
  encoding: TextEncodingName | null,
  context: UploadContext,
  onProgress: (phase: UploadPhase, fraction: number | null) => void,
  utf8Checked: boolean,
): Promise<PreparedUpload> {
  const spec = FILE_KINDS.ledger
  const upload: PreparedUpload = { ...emptyUpload(fileName, encoding), spec, table: 'spending' }
  const n = ++counter
  const file = `f_ledger_${n}.csv`
  const totals = `ledger_${n}`
  const csv = canonicalCsv(utf8)
  if (!checkLayout(csv, spec, upload)) return upload
  const matched = matchColumns(spec, csv.headers)
  const missing = spec.columns.filter((c) => c.required && !matched.has(c.key))
  if (missing.length) {
    upload.fileProblems.push({ rule: 'missing-columns', detail: missing.map((c) => c.zh).join('、') })
    return upload
  }
  const headers: LedgerHeaders = {
    date: matched.get('date')!, code: matched.get('code')!, amount: matched.get('amount')!, org: matched.get('org') ?? null,
    columns: csv.headers,
  }
  // the canonical bytes are this function's own: the engine may take them
  await engine.registerBuffer(file, csv.bytes)
  try {
    await engine.exec(ledgerAggregateSql(totals, file, headers, context.scope.org))
    onProgress('checking', null)
    const projects = knownCodesSql('projects', 'code', context.projectViews)
    const [check] = await engine.query<{ rows: number; bad: number }>(
      `SELECT coalesce(sum(row_count), 0)::INTEGER AS rows,
        (coalesce(sum(row_count) FILTER (WHERE code IS NULL OR year IS NULL OR NOT EXISTS (
           SELECT 1 FROM (${projects}) k WHERE k.org = t.org AND k.year = t.year AND k.k = t.code)), 0)
         + coalesce(sum(bad_amounts), 0))::INTEGER AS bad
       FROM ${ident(totals)} t`,
    )
    upload.sourceRows = check?.rows ?? 0
    if (upload.sourceRows === 0) upload.fileProblems.push({ rule: 'empty', detail: '' })
    if ((check?.bad ?? 0) > 0) {
      // Only a file with problems is read a second time, numbered, to say where they are.
      await collectProblems(engine, upload, ledgerProblemsSql(file, headers, projects, context.scope.org))
    }
    if (!upload.fileProblems.length && !upload.problemCount) {
      const canon = `canon_${n}`
      upload.columns = await storeColumns(engine, 'spending')
      // 元 → 万元 on exact decimals, divided once: the double nearest the true total.
      await engine.exec(`CREATE OR REPLACE TABLE ${ident(canon)} AS SELECT * FROM spending LIMIT 0;
        INSERT INTO ${ident(canon)} SELECT org, year, code, month, CAST(sum(amount_yuan) * 10000 AS HUGEINT)::DOUBLE / 100000000
        FROM ${ident(totals)} GROUP BY org, year, code, month`)
      upload.canon = canon
    }
    return upload
  } catch (error) {
    const message = (error as Error).message
    // DuckDB says so below its first line: "Invalid unicode (byte sequence mismatch) detected."
    if (!utf8Checked && /invalid unicode/i.test(message)) throw new NotUtf8Error(message)
    // kept for whoever debugs it; the sentence shown does not quote the engine
    upload.fileProblems.push({ rule: 'unreadable', detail: message.split('\n')[0] ?? '' })
    return upload
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(totals)}`)
    await engine.dropFile(file)
  }
}

/** New, changed and unchanged rows against what is stored now (again after another batch was applied). */
export async function refreshPreview(engine: QueryEngine, upload: PreparedUpload): Promise<void> {
  if (!upload.canon || !upload.table) return
  const [counts] = await engine.query<{ new: number; changed: number; unchanged: number; removed: number }>(
    previewCountsSql(upload.table, upload.canon, upload.columns, upload.replaces, upload.within),
  )
  upload.counts = counts ?? { new: 0, changed: 0, unchanged: 0, removed: 0 }
  upload.scopes = await scopesOf(engine, upload.canon)
  const rows = await engine.query(previewRowsSql(upload.table, upload.canon, upload.columns, PREVIEW_ROWS))
  upload.samples = rows.map((r) => {
    const values: Record<string, Cell> = {}
    const old: Record<string, Cell> = {}
    for (const c of upload.columns) {
      values[c] = r[c] ?? null
      const before = r[`o__${c}`]
      if (!r.is_new && before !== undefined && before !== values[c]) old[c] = before
    }
    return { isNew: Boolean(r.is_new), values, old }
  })
}

export async function discardUpload(engine: QueryEngine, upload: PreparedUpload): Promise<void> {
  if (upload.canon) await engine.exec(`DROP TABLE IF EXISTS ${ident(upload.canon)}`)
  upload.canon = null
}
