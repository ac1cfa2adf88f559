import type { QueryEngine } from '@/engine/QueryEngine'
import type { Scope } from './apply'
import type { RowProblem } from '@/engine/sql/ingest'
import { applyUpload, laterOverlapping, replayBatches, undoBatch, type BatchRecord, type BatchStore } from './batches'
import { withBom, type TextEncodingName } from './decode'
import { exportCsv, templateCsv, type ExportKind } from './exportCsv'
import { FILE_KINDS, type FileKind } from './fileKinds'
import { LOAD_ORDER } from './loadDataset'
import { NO_SCOPE, type FileProblem, type UploadScope } from './stageFile'
import {
  decodeFile,
  discardUpload,
  prepareUpload,
  refreshPreview,
  uploadIsValid,
  type DecodedFile,
  type PreparedUpload,
  type PreviewCounts,
  type PreviewRow,
  type UploadPhase,
} from './upload'
import type { UploadContext } from './validate'

/** A picked file as the data page shows it once checked: plain data, nothing of the engine. */
export interface FileCheck {
  id: number
  fileName: string
  encoding: TextEncodingName | null
  kind: FileKind | null
  /** Data rows in the file (for a ledger: payments, before they are summed into months). */
  sourceRows: number
  problems: RowProblem[]
  fileProblems: FileProblem[]
  /** How many row problems there are in all: `problems` is capped. */
  problemCount: number
  valid: boolean
  /** A target file: it replaces its table for the units and years it holds. */
  replaces: boolean
  /** The units and years the file's rows go to. */
  scopes: Scope[]
  /** The store columns of the samples' values. */
  columns: string[]
  counts: PreviewCounts | null
  samples: PreviewRow[]
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
const applyRank = (check: FileCheck) => APPLY_ORDER.indexOf(check.kind ?? 'ledger')

/** Targets first (项目 before the 指标 that name them), the ledger last: the order to apply several files in. */
export const byApplyOrder = (a: FileCheck, b: FileCheck) => applyRank(a) - applyRank(b)

/** A file of `kind` with its headers and one example row, named for the user: 完成值模板.csv. */
export function templateFile(kind: FileKind): DownloadFile {
  return { fileName: `${FILE_KINDS[kind].zh}模板.csv`, bytes: withBom(templateCsv(kind)) }
}

function toCheck(id: number, u: PreparedUpload): FileCheck {
  return {
    id, fileName: u.fileName, encoding: u.encoding, kind: u.spec?.kind ?? null, sourceRows: u.sourceRows,
    problems: u.problems, fileProblems: u.fileProblems, problemCount: u.problemCount, valid: uploadIsValid(u),
    replaces: u.replaces, scopes: u.scopes, columns: u.columns, counts: u.counts, samples: u.samples,
  }
}

/**
 * The data page's workflow on one engine and one batch store: picked files checked (decoded once, their kind told
 * once) and previewed, applied and undone as batches, exported, and everything forgotten on reset. The batch list is
 * read from the store once and kept here; applying and undoing read it again, while no other tab works on it, so
 * that a tab never acts on a stale copy: when another tab changed it, `sync` first brings this tab's engine up to
 * the log. Each change is announced to the other tabs.
 */
export function createUploadSession(
  engine: QueryEngine,
  store: BatchStore,
  {
    decode = decodeFile,
    now = () => new Date(),
    scope = () => NO_SCOPE,
    sync = async () => {},
    announce = () => {},
  }: {
    decode?: typeof decodeFile
    now?: () => Date
    /** where a file's rows go when it names no unit or year: the unit on screen and the year chosen to upload into */
    scope?: () => UploadScope
    /**
     * Makes the engine's tables those of the data folder and `log`, unless they are already (the caller knows which
     * log its engine holds): called with the log as stored, before every apply and undo.
     */
    sync?: (log: readonly BatchRecord[]) => Promise<void>
    /** Tells the other tabs that the log changed. */
    announce?: () => void
  } = {},
) {
  /** Checked files not applied nor cancelled, by id; the valid ones hold their rows in an engine table. */
  const pending = new Map<number, PreparedUpload>()
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

  /** New projects and indicators in other valid files not yet applied count as known. */
  function context(except: number): UploadContext {
    const views = (kind: FileKind) =>
      [...pending].flatMap(([id, u]) => (id !== except && uploadIsValid(u) && u.spec?.kind === kind && u.canon ? [u.canon] : []))
    return { scope: scope(), indicatorViews: views('indicators'), projectViews: views('projects') }
  }

  async function check(id: number, file: DecodedFile, onProgress: (phase: UploadPhase, fraction: number | null) => void) {
    const previous = pending.get(id)
    if (previous) await discardUpload(engine, previous)
    const upload = await prepareUpload(engine, file, context(id), onProgress)
    pending.set(id, upload)
    return toCheck(id, upload)
  }

  return {
    /** Every batch, undone ones included, in the order applied. */
    history: batches,

    /**
     * Reads and checks each file in turn (DuckDB does one thing at a time); nothing is stored. A file that named
     * projects or indicators of another file of the same pick is checked again once all are read, with those known.
     */
    async checkFiles(files: readonly PickedFile[], listener: PickListener = {}): Promise<void> {
      const checked: { index: number; id: number; file: DecodedFile | null }[] = []
      for (const [index, picked] of files.entries()) {
        const progress = (phase: UploadPhase, fraction: number | null) => listener.progress?.(index, phase, fraction)
        try {
          const bytes = await picked.read()
          progress('decoding', 0)
          const file = await decode(picked.fileName, bytes, (fraction) => progress('decoding', fraction))
          const id = ++lastId
          listener.checked?.(index, await check(id, file, progress))
          checked.push({ index, id, file: bytes.length <= RECHECK_LIMIT ? file : null })
        } catch (error) {
          listener.failed?.(index, error as Error)
        }
      }
      if (files.length < 2) return
      for (const { index, id, file } of checked) {
        const upload = pending.get(id)
        if (!file || !upload || uploadIsValid(upload) || !upload.problems.some((p) => p.rule.startsWith('unknown'))) continue
        try {
          listener.checked?.(index, await check(id, file, (phase, fraction) => listener.progress?.(index, phase, fraction)))
        } catch (error) {
          listener.failed?.(index, error as Error)
        }
      }
    },

    /** The previews of every valid file not yet applied, against what is stored now (after a batch was applied or undone). */
    async refreshPreviews(): Promise<FileCheck[]> {
      const checks: FileCheck[] = []
      for (const [id, upload] of pending) {
        if (!uploadIsValid(upload)) continue
        await refreshPreview(engine, upload)
        checks.push(toCheck(id, upload))
      }
      return checks
    },

    /** Applies a valid file as one batch and keeps it in the store; if the store refuses it, nothing is applied. */
    apply(id: number): Promise<BatchRecord> {
      return exclusive(async () => {
        const upload = pending.get(id)
        if (!upload || !uploadIsValid(upload)) throw new Error('only a valid file can be applied')
        const log = await freshLog()
        const at = now()
        // ids stay unique across tabs: the time, the file's number in this tab, and a random tail
        const record = await applyUpload(engine, upload, `${at.getTime().toString(36)}-${id}-${Math.random().toString(36).slice(2, 6)}`, at)
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
      const upload = pending.get(id)
      pending.delete(id)
      if (upload) await discardUpload(engine, upload)
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

    /** A stored table as its file (docs/formats.md), UTF-8 with BOM for Excel. */
    async exportFile(kind: ExportKind): Promise<DownloadFile> {
      return { fileName: FILE_KINDS[kind].fileName, bytes: withBom(await exportCsv(engine, kind)) }
    },

    /** Forgets every checked file and every batch; the caller rebuilds the tables from the data folder. */
    async reset(): Promise<void> {
      for (const upload of pending.values()) await discardUpload(engine, upload)
      pending.clear()
      await exclusive(() => store.clear())
      history = []
      announce()
    },
  }
}

export type UploadSession = ReturnType<typeof createUploadSession>
