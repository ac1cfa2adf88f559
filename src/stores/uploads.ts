import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import { CSV_TYPE, downloadBytes, XLSX_TYPE } from '@/export/download'
import { laterOverlapping, type BatchRecord } from '@/ingest/batches'
import { DEFAULT_ORG } from '@/ingest/datasetFolder'
import { EXPORT_KINDS, type ExportKind } from '@/ingest/exportCsv'
import type { FileKind } from '@/ingest/fileKinds'
import type { UploadPhase } from '@/ingest/upload'
import {
  byApplyOrder,
  createUploadSession,
  templateFile,
  type Conflict,
  type DownloadFile,
  type FileCheck,
  type UploadSession,
} from '@/ingest/uploadSession'
import { withBatchLock } from '@/persist/batchChannel'
import { batchStore } from '@/persist/batchStore'
import { useDatasetStore } from './dataset'

export type CardStatus = 'reading' | 'checking' | 'invalid' | 'ready' | 'applying' | 'applied' | 'cancelled' | 'failed'

/** One picked file on the data page, from reading to applied. */
export interface UploadCard {
  id: number
  fileName: string
  size: number
  status: CardStatus
  phase: UploadPhase | null
  /** 0…1 while the file is read and decoded; null while DuckDB works (no fraction to show). */
  progress: number | null
  check: FileCheck | null
  /** Other files not yet applied that would overwrite this one's rows. */
  conflicts: Conflict[]
  failed: boolean
  batchId: string | null
}

const READ_CHUNK = 64 << 20

/** The file's bytes, read in slices so that a 250 MB ledger shows its progress. */
async function readFile(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  if (file.size <= READ_CHUNK) return new Uint8Array(await file.arrayBuffer())
  const out = new Uint8Array(file.size)
  for (let at = 0; at < file.size; at += READ_CHUNK) {
    out.set(new Uint8Array(await file.slice(at, at + READ_CHUNK).arrayBuffer()), at)
    onProgress(Math.min(1, (at + READ_CHUNK) / file.size))
  }
  return out
}

const download = ({ fileName, bytes }: DownloadFile) => downloadBytes(bytes, fileName, CSV_TYPE)

/** Rows a file's replacing parts would delete, as its preview counted them. */
export const rowsRemovedByApply = (check: FileCheck) => check.parts.reduce((n, p) => n + (p.counts?.removed ?? 0), 0)

/** The data page's state: picked files as cards, the batch list, what is running; the work is the upload session's. */
export const useUploadsStore = defineStore('uploads', () => {
  const dataset = useDatasetStore()
  const cards = ref<UploadCard[]>([])
  const history = shallowRef<readonly BatchRecord[]>([])
  /** The later batches that stopped an undo, for the sentence that says to undo them first. */
  const undoBlockedBy = shallowRef<readonly BatchRecord[] | null>(null)
  const busy = ref(false)
  let lastCardId = 0
  let started: Promise<UploadSession> | null = null

  /**
   * The 年度 a file without 年度 and 月份 goes to (指标, 项目, 支出计划): the year on screen unless one is chosen, so
   * that next year's targets can be loaded before the year has any data.
   */
  const targetYear = ref<number | null>(null)
  const uploadYear = computed(() => targetYear.value ?? dataset.year)
  /** The years a target file may go to: the unit's years and the one after the last. */
  const uploadYears = computed(() => {
    const years = dataset.years.length ? dataset.years : dataset.year ? [dataset.year] : []
    return years.length ? [...years, Math.max(...years) + 1] : []
  })
  const scope = () => ({ org: dataset.view?.org ?? DEFAULT_ORG, year: uploadYear.value })
  const session = () =>
    (started ??= dataset.engineReady().then((engine) =>
      createUploadSession(engine, batchStore(), {
        scope,
        foldersHash: () => dataset.dataHash,
        sync: dataset.syncBatches,
        announce: dataset.announceBatches,
      }),
    ))

  const readyCards = computed(() => cards.value.filter((c) => c.status === 'ready' && c.check))
  /** Ready files that would overwrite each other: 全部应用 is refused while there are any. */
  const conflicting = computed(() => readyCards.value.filter((c) => c.conflicts.some((x) => readyCards.value.some((o) => o.check?.id === x.otherId))))

  async function loadHistory(): Promise<void> {
    history.value = await (await session()).history()
  }

  const card = (id: number) => cards.value.find((c) => c.id === id)
  function update(id: number, patch: Partial<UploadCard>) {
    const c = card(id)
    if (c) Object.assign(c, patch)
  }
  const cardOf = (check: FileCheck) => cards.value.find((c) => c.check?.id === check.id)

  async function refreshConflicts(s: UploadSession): Promise<void> {
    const found = await s.conflicts()
    for (const c of cards.value) c.conflicts = c.check && c.status === 'ready' ? markRaw(found.get(c.check.id) ?? []) : []
  }

  /** Checks the files picked (or built in memory, like the links page's); returns their cards' ids, in order. */
  async function addFiles(files: readonly File[]): Promise<number[]> {
    performance.mark('jx:upload-picked')
    const added = files.map((file) => {
      const c: UploadCard = {
        id: ++lastCardId, fileName: file.name, size: file.size, status: 'reading', phase: 'reading', progress: 0, check: null,
        conflicts: [], failed: false, batchId: null,
      }
      cards.value.unshift(c)
      return { id: c.id, file }
    })
    const picked = added.map(({ id, file }) => ({
      fileName: file.name,
      read: async () => {
        const bytes = await readFile(file, (progress) => update(id, { progress }))
        performance.mark('jx:upload-read')
        return bytes
      },
    }))
    // an engine's own message (often English) is no sentence for a clerk: the card says what to do, the console why
    const failed = (id: number, error: unknown) => {
      console.warn(`upload of ${card(id)?.fileName ?? id} failed:`, error)
      update(id, { status: 'failed', failed: true, phase: null, progress: null })
    }
    let s: UploadSession
    try {
      s = await session()
    } catch (error) {
      for (const { id } of added) failed(id, error)
      return added.map((a) => a.id)
    }
    const phases: (UploadPhase | undefined)[] = []
    await s.checkFiles(picked, {
      progress(index, phase, fraction) {
        if (phases[index] !== phase) performance.mark(`jx:upload-${(phases[index] = phase)}`)
        update(added[index]!.id, { phase, progress: fraction, status: phase === 'checking' ? 'checking' : 'reading' })
      },
      checked(index, check) {
        update(added[index]!.id, { check: markRaw(check), status: check.valid ? 'ready' : 'invalid', phase: null, progress: null })
      },
      failed: (index, error) => failed(added[index]!.id, error),
    })
    await refreshConflicts(s)
    performance.mark('jx:upload-preview')
    return added.map((a) => a.id)
  }

  async function refreshCards(s: UploadSession) {
    for (const check of await s.refreshPreviews()) {
      const c = cardOf(check)
      if (c?.status === 'ready') c.check = markRaw(check)
    }
    await refreshConflicts(s)
  }

  async function afterChange(s: UploadSession) {
    const batches = await s.history()
    history.value = batches
    await dataset.refresh(batches)
    await refreshCards(s)
  }

  // another tab applied or undid, and the dataset store rebuilt from the log: the list and the previews follow
  watch(
    () => dataset.batchesVersion,
    () =>
      void withBatchLock(async () => {
        if (!started) return
        const s = await session()
        history.value = await s.reload()
        await refreshCards(s)
      }),
  )

  async function whileBusy(work: (s: UploadSession) => Promise<void>): Promise<void> {
    busy.value = true
    undoBlockedBy.value = null
    try {
      await work(await session())
    } finally {
      busy.value = false
    }
  }

  async function applyOne(s: UploadSession, id: number): Promise<void> {
    const c = card(id)
    if (!c?.check || c.status !== 'ready') return
    update(id, { status: 'applying' })
    try {
      const record = await s.apply(c.check.id)
      update(id, { status: 'applied', batchId: record.id })
    } catch (error) {
      console.warn(`applying ${c.fileName} failed:`, error)
      update(id, { status: 'failed', failed: true })
    }
  }

  async function apply(id: number): Promise<void> {
    await whileBusy(async (s) => {
      await applyOne(s, id)
      await afterChange(s)
    })
    performance.mark('jx:upload-applied')
  }

  /** Every valid file, targets first (项目 before the 指标 that name them), the ledger last; refused while some conflict. */
  async function applyAll(): Promise<void> {
    if (conflicting.value.length) return
    await whileBusy(async (s) => {
      const ready = [...readyCards.value]
      ready.sort((a, b) => byApplyOrder(a.check!, b.check!))
      for (const c of ready) await applyOne(s, c.id)
      await afterChange(s)
    })
    performance.mark('jx:upload-applied')
  }

  async function cancel(id: number): Promise<void> {
    const c = card(id)
    const s = await session()
    if (c?.check) await s.discard(c.check.id)
    cards.value = cards.value.filter((x) => x.id !== id)
    await refreshConflicts(s)
  }

  /** Undoes a batch, unless a later batch still in force changed some of the same rows: then says which. */
  async function undo(batchId: string): Promise<void> {
    await whileBusy(async (s) => {
      const outcome = await s.undo(batchId)
      if (outcome.status === 'blocked') undoBlockedBy.value = outcome.later
      if (outcome.status !== 'undone') return
      await afterChange(s)
      performance.mark('jx:upload-undone')
    })
  }

  /** Whether a later batch in force, as the list shows it, changed some of the batch's rows (the undo will say so). */
  const undoWouldBeBlocked = (batchId: string) => {
    const record = history.value.find((b) => b.id === batchId)
    return record ? laterOverlapping(record, history.value).length > 0 : false
  }

  /** Keeps the batches applied on other deployed data recorded again on the data now (see ReplayReport). */
  async function recordOnDataNow(): Promise<void> {
    const report = dataset.replayReport
    if (!report) return
    await whileBusy(async (s) => {
      await s.rebase(report.rebased)
      history.value = await s.history()
      dataset.replayReport = null
    })
  }

  async function exportKind(kind: ExportKind): Promise<void> {
    download(await (await session()).exportFile(kind))
  }

  /** 全部导出: one download per file of docs/formats.md (no zip library in the app). */
  async function exportAll(): Promise<void> {
    for (const kind of EXPORT_KINDS) await exportKind(kind)
  }

  function downloadTemplate(kind: FileKind): void {
    download(templateFile(kind))
  }

  /** The 项目支出绩效目标表 as .xlsx, filled with the seed's project as the example (exceljs is loaded now). */
  async function downloadFormTemplate(): Promise<void> {
    const { buildTargetFormTemplate } = await import('@/ingest/targetFormTemplate')
    downloadBytes(await buildTargetFormTemplate(), '项目支出绩效目标表模板.xlsx', XLSX_TYPE)
  }

  /** 恢复默认数据: forgets every upload and rebuilds from the deployed data folder. */
  async function resetToDefault(): Promise<void> {
    await whileBusy(async (s) => {
      await s.reset()
      cards.value = []
      history.value = []
      await dataset.reloadFolder()
    })
  }

  // ——— 填报: the month's values typed on a page, checked and applied as an upload is ———

  /** The 填报 page's values, checked as a file; null before a check. */
  const entryCheck = shallowRef<FileCheck | null>(null)
  /** The batch the 填报 page saved last, until it is undone or a new entry begins. */
  const entryBatch = shallowRef<BatchRecord | null>(null)

  /** Checks the 填报 page's CSV (first column `__row`: the row the page numbers) as an upload; nothing is stored. */
  async function checkEntry(csv: string): Promise<FileCheck | null> {
    let result: FileCheck | null = null
    await whileBusy(async (s) => {
      if (entryCheck.value) await s.discard(entryCheck.value.id)
      await s.checkFiles([{ fileName: 'entry.csv', read: async () => new TextEncoder().encode(csv) }], {
        checked: (_, check) => void (result = markRaw(check)),
        failed: (_, error) => console.warn('the entry could not be checked:', error),
      })
      entryCheck.value = result
    })
    return result
  }

  /** Applies the checked 填报 as one batch named `name` (填报 2024年11月). */
  async function saveEntry(name: string): Promise<BatchRecord | null> {
    const check = entryCheck.value
    if (!check?.valid) return null
    await whileBusy(async (s) => {
      entryBatch.value = await s.apply(check.id, name)
      entryCheck.value = null
      await afterChange(s)
    })
    performance.mark('jx:entry-saved')
    return entryBatch.value
  }

  async function discardEntry(): Promise<void> {
    if (entryCheck.value) await (await session()).discard(entryCheck.value.id)
    entryCheck.value = null
  }

  return {
    cards, history, targetYear, uploadYear, uploadYears, undoBlockedBy, busy, readyCards, conflicting, loadHistory, addFiles,
    apply, applyAll, cancel, undo, undoWouldBeBlocked, recordOnDataNow, exportKind, exportAll, downloadTemplate, downloadFormTemplate,
    resetToDefault, entryCheck, entryBatch, checkEntry, saveEntry, discardEntry,
  }
})
