// A picked file as the upload path takes it: what the bytes are (sniff.ts), then one CSV section for a CSV file, or
// for an .xlsx workbook one per sheet and three per 项目支出绩效目标表 (its project, indicators and plan), each a CSV
// whose first column is the Excel row. The workbook readers (and exceljs) are loaded only when a workbook is dropped.
import type { ReplaceWithin } from '@/engine/sql/batch'
import { FILE_KINDS, type FileKind } from './fileKinds'
import { LOAD_ORDER } from './loadDataset'
import type { SkippedSheet } from './sheetGrid'
import { readerFor, sniffBytes, type SniffCode } from './sniff'
import { decodeFile, type DecodedFile } from './upload'
import type { WorkbookProblem } from './workbookMessages'

/** One table of a picked file, decoded, with the sheet it came from. */
export interface DecodedSection {
  /** The worksheet; null for a CSV file. */
  sheet: string | null
  file: DecodedFile
  /** A 绩效目标表's rows replace only its own project's (see ReplaceWithin); null: as their kind does. */
  within: ReplaceWithin | null
}

export interface DecodedUpload {
  fileName: string
  /** The reader that took the file; null when none could (then `sniff` says what the file is). */
  format: 'csv' | 'xlsx' | null
  sniff: SniffCode | null
  /** In the order they can be applied in: 项目 before the 支出计划 and 指标 that name them. */
  sections: DecodedSection[]
  /** Broken cells, a form's problems, a workbook without a readable sheet: the file cannot be applied. */
  workbookProblems: WorkbookProblem[]
  /** Sheets not read (hidden, empty, not a table of the app): said, not refused. */
  skipped: SkippedSheet[]
}

/** An indicator as stored in the unit and year a form goes to, for `reuseIndicatorIds`. */
export type StoredIndicator = { id: string; scope: string; name: string }

export interface ReadOptions {
  onProgress?: (fraction: number) => void
  /** The indicators already stored where a 绩效目标表 goes: its indicators keep their 指标编码. */
  storedIndicators?: () => Promise<StoredIndicator[]>
}

const APPLY_RANK: FileKind[] = [...LOAD_ORDER, 'ledger']
const rank = (s: DecodedSection) => APPLY_RANK.indexOf(s.file.spec?.kind ?? 'ledger')
const CODE_HEADER = FILE_KINDS.projects.columns.find((c) => c.key === 'code')?.zh ?? '项目编码'
const utf8 = (text: string) => new TextEncoder().encode(text)

/** A CSV the readers wrote (UTF-8, `__row` first) as the CSV path's decoded file. */
async function sectionOf(fileName: string, sheet: string, csv: string, kind: FileKind | null, within: ReplaceWithin | null): Promise<DecodedSection> {
  const file = await decodeFile(fileName, utf8(csv))
  return { sheet, within, file: kind ? { ...file, spec: FILE_KINDS[kind] } : file }
}

/** A form replaces its project's rows: 项目 and 支出计划 by 项目编码, 指标 by 所属. */
const formWithin = (kind: FileKind, code: string): ReplaceWithin => ({ column: kind === 'indicators' ? 'scope' : 'code', values: [code] })

async function readWorkbookUpload(fileName: string, bytes: Uint8Array, options: ReadOptions): Promise<DecodedUpload> {
  const [{ readWorkbook, sheetToCsv }, { reuseIndicatorIds, targetFormsCsv }] = await Promise.all([
    import('./workbook'),
    import('./targetForm'),
  ])
  const contents = await readWorkbook(bytes)
  const upload: DecodedUpload = {
    fileName, format: 'xlsx', sniff: null, sections: [], workbookProblems: [...contents.problems], skipped: [...contents.skipped],
  }
  for (const table of contents.tables) {
    if (table.kind === null) {
      upload.skipped.push({ sheet: table.sheet, reason: 'unrecognised', headers: table.headers })
      continue
    }
    upload.workbookProblems.push(...table.problems)
    upload.sections.push(await sectionOf(fileName, table.sheet, sheetToCsv(table), null, null))
  }
  const stored = contents.forms.length ? ((await options.storedIndicators?.()) ?? []) : []
  for (const form of contents.forms) {
    upload.workbookProblems.push(...form.problems)
    if (form.problems.length) continue
    const code = form.projects[0]?.values[CODE_HEADER] ?? ''
    const csv = targetFormsCsv([{ ...form, indicators: reuseIndicatorIds(form.indicators, stored) }])
    const counts: Record<'projects' | 'indicators' | 'spending_plan', number> = {
      projects: form.projects.length, indicators: form.indicators.length, spending_plan: form.spendingPlan.length,
    }
    for (const kind of ['projects', 'spending_plan', 'indicators'] as const) {
      if (counts[kind]) upload.sections.push(await sectionOf(fileName, form.sheet, csv[kind], kind, formWithin(kind, code)))
    }
  }
  const nothingRead = !upload.sections.length && !upload.workbookProblems.length
  if (nothingRead && contents.forms.length === 0) upload.workbookProblems.push({ rule: 'no-tables', sheet: null, row: null, column: null })
  upload.sections.sort((a, b) => rank(a) - rank(b))
  return upload
}

/**
 * Tells what a picked file is from its bytes and decodes it for the upload path: a CSV as it is, a workbook sheet
 * by sheet; a file no reader takes (an .xls, a picture named .xlsx) gets no section and its `sniff` code.
 */
export async function decodeUpload(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<DecodedUpload> {
  const sniff = sniffBytes(bytes, fileName)
  const reader = readerFor(sniff)
  if (reader === 'workbook') return readWorkbookUpload(fileName, bytes, options)
  const none = { fileName, format: null, sniff, sections: [], workbookProblems: [], skipped: [] }
  if (reader === null) return none
  const file = await decodeFile(fileName, bytes, options.onProgress)
  return { ...none, format: 'csv', sniff: null, sections: [{ sheet: null, file, within: null }] }
}
