import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import { CSV_TYPE, downloadBytes } from '@/export/download'
import { exportCsv, EXPORT_KINDS, templateCsv, withBom, type ExportKind } from '@/ingest/exportCsv'
import { FILE_KINDS, type FileKind } from '@/ingest/fileKinds'
import { LOAD_ORDER } from '@/ingest/loadDataset'
import {
  applyUpload,
  discardUpload,
  laterOverlapping,
  prepareUpload,
  refreshPreview,
  undoBatch,
  uploadIsValid,
  type BatchRecord,
  type PreparedUpload,
  type UploadPhase,
} from '@/ingest/upload'
import type { UploadContext } from '@/ingest/validate'
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
  upload: PreparedUpload | null
  error: string | null
  batchId: string | null
}

const APPLY_ORDER: FileKind[] = [...LOAD_ORDER, 'ledger']
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

const timeLabel = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false })

/** The data page: picked files, their previews, applying and undoing batches, export, templates and reset. */
export const useUploadsStore = defineStore('uploads', () => {
  const dataset = useDatasetStore()
  const cards = ref<UploadCard[]>([])
  const history = shallowRef<BatchRecord[]>([])
  /** A sentence for the user after an action that could not be done (undo refused, apply failed). */
  const notice = ref<string | null>(null)
  const busy = ref(false)
  let nextId = 0
  let loaded: Promise<void> | null = null

  function loadHistory(): Promise<void> {
    loaded ??= batchStore()
      .list()
      .then((list) => {
        history.value = list
      })
    return loaded
  }

  const card = (id: number) => cards.value.find((c) => c.id === id)
  function update(id: number, patch: Partial<UploadCard>) {
    const c = card(id)
    if (c) Object.assign(c, patch)
  }

  /** New projects and indicators in other files of this session count as known. */
  function context(except: number): UploadContext {
    const pending = cards.value.filter((c) => c.id !== except && c.status === 'ready' && c.upload?.canon)
    const views = (kind: FileKind) => pending.filter((c) => c.upload?.spec?.kind === kind).map((c) => c.upload?.canon as string)
    return { indicatorViews: views('indicators'), projectViews: views('projects') }
  }

  async function prepare(id: number, bytes: Uint8Array) {
    const engine = await dataset.engineReady()
    let last: UploadPhase | null = null
    const upload = await prepareUpload(engine, card(id)?.fileName ?? '', bytes, context(id), (phase, fraction) => {
      if (phase !== last) performance.mark(`jx:upload-${(last = phase)}`)
      update(id, { phase, progress: fraction, status: phase === 'checking' ? 'checking' : 'reading' })
    })
    update(id, { upload: markRaw(upload), status: uploadIsValid(upload) ? 'ready' : 'invalid', phase: null, progress: null })
  }

  /** Reads and checks each file in turn (DuckDB does one thing at a time); nothing is stored. */
  async function addFiles(files: readonly File[]): Promise<void> {
    performance.mark('jx:upload-picked')
    const added = files.map((file) => {
      const c: UploadCard = {
        id: ++nextId, fileName: file.name, size: file.size, status: 'reading', phase: 'reading', progress: 0, upload: null,
        error: null, batchId: null,
      }
      cards.value.unshift(c)
      return { id: c.id, file }
    })
    const kept = new Map<number, Uint8Array>()
    for (const { id, file } of added) {
      try {
        const bytes = await readFile(file, (progress) => update(id, { progress }))
        performance.mark('jx:upload-read')
        if (file.size < 4 << 20) kept.set(id, bytes.slice())
        await prepare(id, bytes)
      } catch (error) {
        update(id, { status: 'failed', error: (error as Error).message, phase: null, progress: null })
      }
    }
    // A file that named projects or indicators of another file in the same pick is checked again, with those known.
    if (added.length > 1) {
      for (const { id } of added) {
        const c = card(id)
        const bytes = kept.get(id)
        if (c?.status === 'invalid' && c.upload?.problems.some((p) => p.rule.startsWith('unknown')) && bytes) await prepare(id, bytes)
      }
    }
    performance.mark('jx:upload-preview')
  }

  async function refreshPreviews() {
    const engine = await dataset.engineReady()
    for (const c of cards.value) {
      if (c.status !== 'ready' || !c.upload) continue
      await refreshPreview(engine, c.upload)
      update(c.id, { upload: markRaw({ ...c.upload }) })
    }
  }

  async function afterChange() {
    await dataset.refresh()
    await refreshPreviews()
  }

  async function applyOne(id: number): Promise<void> {
    const c = card(id)
    if (!c?.upload || c.status !== 'ready') return
    const engine = await dataset.engineReady()
    update(id, { status: 'applying' })
    let record: BatchRecord | null = null
    try {
      record = await applyUpload(engine, c.upload, `${Date.now().toString(36)}-${id}`)
      await batchStore().put(record)
      history.value = [...history.value, record]
      update(id, { status: 'applied', batchId: record.id })
    } catch (error) {
      // Not kept in IndexedDB means not applied: the table goes back to what it was.
      if (record) await undoBatch(engine, record)
      update(id, { status: 'failed', error: (error as Error).message })
    }
  }

  async function apply(id: number): Promise<void> {
    busy.value = true
    notice.value = null
    try {
      await applyOne(id)
      await afterChange()
      performance.mark('jx:upload-applied')
    } finally {
      busy.value = false
    }
  }

  /** Every valid file, targets first (项目 before the 指标 that name them), the ledger last. */
  async function applyAll(): Promise<void> {
    busy.value = true
    notice.value = null
    try {
      const rank = (c: UploadCard) => APPLY_ORDER.indexOf(c.upload?.spec?.kind ?? 'ledger')
      const ready = cards.value.filter((c) => c.status === 'ready').sort((a, b) => rank(a) - rank(b))
      for (const c of ready) await applyOne(c.id)
      await afterChange()
      performance.mark('jx:upload-applied')
    } finally {
      busy.value = false
    }
  }

  async function cancel(id: number): Promise<void> {
    const c = card(id)
    if (c?.upload) await discardUpload(await dataset.engineReady(), c.upload)
    cards.value = cards.value.filter((x) => x.id !== id)
  }

  /** Undoes a batch, unless a later batch still in force changed some of the same rows. */
  async function undo(batchId: string): Promise<void> {
    const record = history.value.find((b) => b.id === batchId)
    if (!record || record.undoneAt) return
    const blocking = laterOverlapping(record, history.value)
    if (blocking.length) {
      notice.value = `请先撤销其后修改过相同数据的批次：${blocking.map((b) => `「${b.fileName}」（${timeLabel(b.appliedAt)}）`).join('、')}。`
      return
    }
    busy.value = true
    notice.value = null
    try {
      const engine = await dataset.engineReady()
      await undoBatch(engine, record)
      const undone = { ...record, undoneAt: new Date().toISOString() }
      await batchStore().put(undone)
      history.value = history.value.map((b) => (b.id === batchId ? undone : b))
      await afterChange()
      performance.mark('jx:upload-undone')
    } finally {
      busy.value = false
    }
  }

  async function exportKind(kind: ExportKind): Promise<void> {
    const engine = await dataset.engineReady()
    downloadBytes(withBom(await exportCsv(engine, kind)), FILE_KINDS[kind].fileName, CSV_TYPE)
  }

  /** 全部导出: one download per DATA.md file (no zip library in the app). */
  async function exportAll(): Promise<void> {
    for (const kind of EXPORT_KINDS) await exportKind(kind)
  }

  function downloadTemplate(kind: FileKind): void {
    downloadBytes(withBom(templateCsv(kind)), `${FILE_KINDS[kind].zh}模板.csv`, CSV_TYPE)
  }

  /** 恢复默认数据: forgets every upload and rebuilds from the deployed data folder. */
  async function resetToDefault(): Promise<void> {
    busy.value = true
    try {
      const engine = await dataset.engineReady()
      for (const c of cards.value) if (c.upload) await discardUpload(engine, c.upload)
      cards.value = []
      await batchStore().clear()
      history.value = []
      notice.value = null
      await dataset.reloadFolder()
    } finally {
      busy.value = false
    }
  }

  return {
    cards, history, notice, busy, loadHistory, addFiles, apply, applyAll, cancel, undo, exportKind, exportAll,
    downloadTemplate, resetToDefault,
  }
})
