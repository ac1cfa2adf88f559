import type { QueryEngine } from '@/engine/QueryEngine'
import { sharedKeysSql, type ReplaceWithin } from '@/engine/sql/batch'
import type { RowProblem } from '@/engine/sql/ingest'
import type { Scope } from './apply'
import { applyUploads, laterOverlapping, undoBatch, type BatchRecord, type BatchStore } from './batches'
import { replayBatches } from './replay'
import type { TextEncodingName } from './decode'
import { exportCsv, templateCsv, type ExportKind } from './exportCsv'
import { FILE_KINDS, type FileKind } from './fileKinds'
import { LOAD_ORDER } from './loadDataset'
import { decodeUpload, type DecodedSection, type DecodedUpload, type ReadOptions, type StoredIndicator } from './readUpload'
import type { SkippedSheet } from './sheetGrid'
import type { SniffCode } from './sniff'
import { NO_SCOPE, type FileProblem, type UploadScope } from './stageFile'
import {
  discardUpload,
  prepareUpload,
  refreshPreview,
  uploadIsValid,
  type PreparedUpload,
  type PreviewCounts,
  type PreviewRow,
  type UploadPhase,
} from './upload'
import type { UploadContext } from './validate'
import type { WorkbookProblem } from './workbookMessages'

/** One table of a checked file (a CSV file has one; a workbook one per sheet, a 绩效目标表 three): plain data. */
export interface PartCheck {
  /** The worksheet; null for a CSV file. */
  sheet: string | null
  encoding: TextEncodingName | null
  kind: FileKind | null
  /** Data rows (for a ledger: payments, before they are summed into months). */
  sourceRows: number
  problems: RowProblem[]
  fileProblems: FileProblem[]
  /** How many row problems there are in all: `problems` is capped. */
  problemCount: number
  valid: boolean
  /** A target file: it replaces its table for the units and years it holds (narrowed by `within`). */
  replaces: boolean
  within: ReplaceWithin | null
  /** The units and years the rows go to. */
  scopes: Scope[]
  /** The store columns of the samples' values. */
  columns: string[]
  counts: PreviewCounts | null
  samples: PreviewRow[]
}

/** Two parts that would overwrite each other if both were applied: the same rows, or the same year's targets replaced twice. */
export interface Conflict {
  kind: FileKind
  sheet: string | null
  /** The other file (this one, for two sheets of one workbook), and its part. */
  otherId: number
  otherFile: string
  otherSheet: string | null
  reason: 'same-rows' | 'same-scope'
  /** Rows with the same key (same-rows). */
  rows: number
  /** The units and years both replace (same-scope). */
  scopes: Scope[]
}

/** A picked file as the data page shows it once checked: plain data, nothing of the engine. */
export interface FileCheck {
  id: number
  fileName: string
  /** The reader that took the file; null when none could. */
  format: 'csv' | 'xlsx' | null
  /** What the file is when no reader takes it (an .xls, a picture named .xlsx). */
  sniff: SniffCode | null
  workbookProblems: WorkbookProblem[]
  skipped: SkippedSheet[]
  parts: PartCheck[]
  /** Parts of this file that would overwrite each other. */
  clashes: Conflict[]
  valid: boolean
}

export interface PickedFile {
  fileName: string
  /** The file's bytes, asked for when its turn comes: the files of a pick are read one after another. */
  read(): Promise<Uint8Array>
}

/** What a pick reports of each file, by its index in the pick. */
export interface PickListener {
  progress?(index: number, phase: UploadPhase, fraction: number | null): void
  checked?(index: number, check: FileCheck): void
  failed?(index: number, error: Error): void
}

export type UndoOutcome =
  | { status: 'undone'; record: BatchRecord }
  /** Later batches still in force changed some of the same rows: they must be undone first. */
  | { status: 'blocked'; later: BatchRecord[] }
  /** No such batch, or undone already. */
  | { status: 'nothing' }

export interface DownloadFile {
  fileName: string
  bytes: Uint8Array
}

/** Files of this size and under are kept decoded through their pick, to be checked again without decoding again. */
const RECHECK_LIMIT = 4 << 20
const APPLY_ORDER: FileKind[] = [...LOAD_ORDER, 'ledger']
const applyRank = (check: FileCheck) => Math.min(...check.parts.map((p) => APPLY_ORDER.indexOf(p.kind ?? 'ledger')), APPLY_ORDER.length)

/** Targets first (项目 before the 指标 that name them), the ledger last: the order to apply several files in. */
export const byApplyOrder = (a: FileCheck, b: FileCheck) => applyRank(a) - applyRank(b)

/** A file of `kind` with its headers and one example row, named for the user: 完成值模板.csv. */
export function templateFile(kind: FileKind): DownloadFile {
  return { fileName: `${FILE_KINDS[kind].zh}模板.csv`, bytes: templateCsv(kind) }
}

/** A checked file not applied nor cancelled: its tables, the valid ones holding their rows in an engine table. */
interface PendingFile {
  decoded: DecodedUpload
  parts: { section: DecodedSection; upload: PreparedUpload }[]
  clashes: Conflict[]
}

function toPartCheck(sheet: string | null, u: PreparedUpload): PartCheck {
  return {
    sheet, encoding: u.encoding, kind: u.spec?.kind ?? null, sourceRows: u.sourceRows, problems: u.problems,
    fileProblems: u.fileProblems, problemCount: u.problemCount, valid: uploadIsValid(u), replaces: u.replaces,
    within: u.within, scopes: u.scopes, columns: u.columns, counts: u.counts, samples: u.samples,
  }
}

const fileIsValid = (f: PendingFile) =>
  f.decoded.format !== null && !f.decoded.workbookProblems.length && f.parts.length > 0 &&
  f.parts.every((p) => uploadIsValid(p.upload)) && !f.clashes.length

function toCheck(id: number, f: PendingFile): FileCheck {
  const d = f.decoded
  return {
    id, fileName: d.fileName, format: d.format, sniff: d.sniff, workbookProblems: d.workbookProblems, skipped: d.skipped,
    parts: f.parts.map((p) => toPartCheck(p.section.sheet, p.upload)), clashes: f.clashes, valid: fileIsValid(f),
  }
}

const scopeKey = (s: Scope) => `${s.year}|${s.org}`
const sharedScopes = (a: readonly Scope[], b: readonly Scope[]) => a.filter((s) => b.some((t) => scopeKey(t) === scopeKey(s)))

/**
 * The data page's workflow on one engine and one batch store: picked files checked (decoded once, their kind told
 * once, a workbook sheet by sheet) and previewed, applied and undone as batches, exported, and everything forgotten
 * on reset. The batch list is read from the store once and kept here; applying and undoing read it again, while no
 * other tab works on it, so that a tab never acts on a stale copy: when another tab changed it, `sync` first brings
 * this tab's engine up to the log. Each change is announced to the other tabs.
 */
export function createUploadSession(
  engine: QueryEngine,
  store: BatchStore,
  {
    decode = decodeUpload,
    now = () => new Date(),
    scope = () => NO_SCOPE,
    foldersHash = () => null,
    sync = async () => {},
    announce = () => {},
  }: {
    decode?: (fileName: string, bytes: Uint8Array, options: ReadOptions) => Promise<DecodedUpload>
    now?: () => Date
    /** where a file's rows go when it names no unit or year: the unit on screen and the year chosen to upload into */
    scope?: () => UploadScope
    /** `foldersHash` of the deployed data the store was built from, recorded in each batch */
    foldersHash?: () => string | null
    /**
     * Makes the engine's tables those of the data folder and `log`, unless they are already (the caller knows which
     * log its engine holds): called with the log as stored, before every apply and undo.
     */
    sync?: (log: readonly BatchRecord[]) => Promise<void>
    /** Tells the other tabs that the log changed. */
    announce?: () => void
  } = {},
) {
  const pending = new Map<number, PendingFile>()
  let lastId = 0
  let history: readonly BatchRecord[] | null = null
  let loading: Promise<readonly BatchRecord[]> | null = null

  function batches(): Promise<readonly BatchRecord[]> {
    if (history) return Promise.resolve(history)
    loading ??= store.list().then((list) => (history ??= list))
    return loading
  }

  /** The log as stored now, the engine brought up to it: the first step of every change. */
  async function freshLog(): Promise<readonly BatchRecord[]> {
    const log = await store.list()
    await sync(log)
    history = log
    return log
  }

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => (store.exclusive ? store.exclusive(work) : work())

  /** New projects and indicators in other valid files not yet applied, and in the earlier tables of this one, count as known. */
  function context(except: number, own: readonly PreparedUpload[]): UploadContext {
    const others = [...pending].filter(([id]) => id !== except).flatMap(([, f]) => f.parts.map((p) => p.upload))
    const views = (kind: FileKind) =>
      [...others, ...own].flatMap((u) => (uploadIsValid(u) && u.spec?.kind === kind && u.canon ? [u.canon] : []))
    return { scope: scope(), indicatorViews: views('indicators'), projectViews: views('projects') }
  }

  async function storedIndicators(): Promise<StoredIndicator[]> {
    const { org, year } = scope()
    if (year === null) return []
    return engine.query<StoredIndicator>('SELECT id, scope, name FROM indicators WHERE org = ? AND year = ? ORDER BY ord, id', [org, year])
  }

  /** Whether two uploads would overwrite each other: rows with the same key, or the same targets replaced twice. */
  async function conflictOf(a: PreparedUpload, b: PreparedUpload): Promise<Pick<Conflict, 'reason' | 'rows' | 'scopes'> | null> {
    if (!a.canon || !b.canon || !a.table || a.table !== b.table) return null
    const [shared] = await engine.query<{ n: number }>(sharedKeysSql(a.table, a.canon, b.canon))
    if ((shared?.n ?? 0) > 0) return { reason: 'same-rows', rows: shared?.n ?? 0, scopes: [] }
    if (!a.replaces || !b.replaces) return null
    const scopes = sharedScopes(a.scopes, b.scopes)
    const narrowedApart = a.within && b.within && a.within.column === b.within.column && !a.within.values.some((v) => b.within!.values.includes(v))
    return scopes.length && !narrowedApart ? { reason: 'same-scope', rows: 0, scopes } : null
  }

  async function clashesWithin(id: number, f: Omit<PendingFile, 'clashes'>): Promise<Conflict[]> {
    const clashes: Conflict[] = []
    for (const [i, p] of f.parts.entries()) {
      for (const q of f.parts.slice(i + 1)) {
        const found = await conflictOf(q.upload, p.upload)
        if (found && q.upload.spec) {
          clashes.push({ kind: q.upload.spec.kind, sheet: q.section.sheet, otherId: id, otherFile: f.decoded.fileName, otherSheet: p.section.sheet, ...found })
        }
      }
    }
    return clashes
  }

  async function check(id: number, decoded: DecodedUpload, onProgress: (phase: UploadPhase, fraction: number | null) => void) {
    const previous = pending.get(id)
    if (previous) for (const p of previous.parts) await discardUpload(engine, p.upload)
    const parts: PendingFile['parts'] = []
    for (const section of decoded.sections) {
      const upload = await prepareUpload(engine, section.file, context(id, parts.map((p) => p.upload)), onProgress)
      if (section.within && uploadIsValid(upload) && upload.replaces) {
        upload.within = section.within
        await refreshPreview(engine, upload)
      }
      parts.push({ section, upload })
    }
    const file = { decoded, parts, clashes: await clashesWithin(id, { decoded, parts }) }
    pending.set(id, file)
    return toCheck(id, file)
  }

  const needsRecheck = (f: PendingFile | undefined) =>
    !!f && !fileIsValid(f) && f.parts.some((p) => p.upload.problems.some((x) => x.rule.startsWith('unknown')))

  return {
    /** Every batch, undone ones included, in the order applied. */
    history: batches,

    /**
     * Reads and checks each file in turn (DuckDB does one thing at a time); nothing is stored. A file that named
     * projects or indicators of another file of the same pick is checked again once all are read, with those known.
     */
    async checkFiles(files: readonly PickedFile[], listener: PickListener = {}): Promise<void> {
      const checked: { index: number; id: number; decoded: DecodedUpload | null }[] = []
      for (const [index, picked] of files.entries()) {
        const progress = (phase: UploadPhase, fraction: number | null) => listener.progress?.(index, phase, fraction)
        try {
          const bytes = await picked.read()
          progress('decoding', 0)
          const decoded = await decode(picked.fileName, bytes, { onProgress: (fraction) => progress('decoding', fraction), storedIndicators })
          const id = ++lastId
          listener.checked?.(index, await check(id, decoded, progress))
          checked.push({ index, id, decoded: bytes.length <= RECHECK_LIMIT ? decoded : null })
        } catch (error) {
          listener.failed?.(index, error as Error)
        }
      }
      if (files.length < 2) return
      for (const { index, id, decoded } of checked) {
        if (!decoded || !needsRecheck(pending.get(id))) continue
        try {
          listener.checked?.(index, await check(id, decoded, (phase, fraction) => listener.progress?.(index, phase, fraction)))
        } catch (error) {
          listener.failed?.(index, error as Error)
        }
      }
    },

    /** The previews of every valid file not yet applied, against what is stored now (after a batch was applied or undone). */
    async refreshPreviews(): Promise<FileCheck[]> {
      const checks: FileCheck[] = []
      for (const [id, file] of pending) {
        if (!fileIsValid(file)) continue
        for (const p of file.parts) await refreshPreview(engine, p.upload)
        checks.push(toCheck(id, file))
      }
      return checks
    },

    /**
     * Valid files not yet applied that would overwrite each other's rows if both were applied, by file: each is named
     * before anything is applied, and applying them together is refused.
     */
    async conflicts(): Promise<Map<number, Conflict[]>> {
      const files = [...pending].filter(([, f]) => fileIsValid(f))
      const out = new Map<number, Conflict[]>()
      const note = (id: number, c: Conflict) => out.set(id, [...(out.get(id) ?? []), c])
      for (const [i, [aId, a]] of files.entries()) {
        for (const [bId, b] of files.slice(i + 1)) {
          for (const p of a.parts) {
            for (const q of b.parts) {
              const found = await conflictOf(p.upload, q.upload)
              if (!found || !p.upload.spec || !q.upload.spec) continue
              note(aId, { kind: p.upload.spec.kind, sheet: p.section.sheet, otherId: bId, otherFile: b.decoded.fileName, otherSheet: q.section.sheet, ...found })
              note(bId, { kind: q.upload.spec.kind, sheet: q.section.sheet, otherId: aId, otherFile: a.decoded.fileName, otherSheet: p.section.sheet, ...found })
            }
          }
        }
      }
      return out
    },

    /**
     * Applies a valid file as one batch, all its tables together, and keeps it in the store; if the store refuses
     * it, nothing is applied. `fileName` names the batch when the file has no name of its own (the 填报 page).
     */
    apply(id: number, fileName?: string): Promise<BatchRecord> {
      return exclusive(async () => {
        const file = pending.get(id)
        if (!file || !fileIsValid(file)) throw new Error('only a valid file can be applied')
        const log = await freshLog()
        const at = now()
        const record = await applyUploads(
          engine,
          file.parts.map((p) => ({ upload: p.upload, sheet: p.section.sheet })),
          {
            // ids stay unique across tabs: the time, the file's number in this tab, and a random tail
            id: `${at.getTime().toString(36)}-${id}-${Math.random().toString(36).slice(2, 6)}`,
            fileName: fileName ?? file.decoded.fileName,
            now: at,
            foldersHash: foldersHash(),
          },
        )
        pending.delete(id)
        try {
          await store.put(record)
        } catch (error) {
          await undoBatch(engine, record)
          throw error
        }
        history = [...log, record]
        announce()
        return record
      })
    },

    /** Forgets a checked file that is not to be applied. */
    async discard(id: number): Promise<void> {
      const file = pending.get(id)
      pending.delete(id)
      if (file) for (const p of file.parts) await discardUpload(engine, p.upload)
    },

    /**
     * Undoes a batch, unless a later batch still in force changed some of the same rows — later in the log as
     * stored now, whichever tab applied it.
     */
    undo(batchId: string): Promise<UndoOutcome> {
      return exclusive(async () => {
        const list = await freshLog()
        const record = list.find((b) => b.id === batchId)
        if (!record || record.undoneAt) return { status: 'nothing' }
        const later = laterOverlapping(record, list)
        if (later.length) return { status: 'blocked', later }
        await undoBatch(engine, record)
        const undone = { ...record, undoneAt: now().toISOString() }
        try {
          await store.put(undone)
        } catch (error) {
          await replayBatches(engine, [record])
          throw error
        }
        history = list.map((b) => (b.id === batchId ? undone : b))
        announce()
        return { status: 'undone', record: undone }
      })
    },

    /** The log as stored now (after another tab changed it); the engine is the caller's to rebuild. */
    async reload(): Promise<readonly BatchRecord[]> {
      history = await store.list()
      return history
    },

    /**
     * Keeps batches recorded again on the deployed data now (`ReplayReport.rebased`): undoing one then brings back
     * the rows the data folder holds now, not those it held when the batch was applied.
     */
    rebase(records: readonly BatchRecord[]): Promise<void> {
      return exclusive(async () => {
        const list = await store.list()
        const inForce = records.filter((r) => list.some((b) => b.id === r.id && !b.undoneAt))
        for (const record of inForce) await store.put(record)
        const byId = new Map(inForce.map((r) => [r.id, r]))
        history = list.map((b) => byId.get(b.id) ?? b)
        announce()
      })
    },

    /** A stored table as its file (docs/formats.md), UTF-8 with BOM for Excel. */
    async exportFile(kind: ExportKind): Promise<DownloadFile> {
      return { fileName: FILE_KINDS[kind].fileName, bytes: await exportCsv(engine, kind) }
    },

    /** Forgets every checked file and every batch; the caller rebuilds the tables from the data folder. */
    async reset(): Promise<void> {
      for (const file of pending.values()) for (const p of file.parts) await discardUpload(engine, p.upload)
      pending.clear()
      await exclusive(() => store.clear())
      history = []
      announce()
    },
  }
}

export type UploadSession = ReturnType<typeof createUploadSession>
