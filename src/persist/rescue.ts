// What a page that could not load still offers (App.vue): the batches the browser keeps and the values a person
// typed, saved as files; and forgetting the batches, to start again from the deployed data. No DuckDB here: the
// engine may be what failed, and nothing stored is deleted but on the person's word.
import { csvFile } from '@/export/csv'
import { CSV_TYPE } from '@/export/download'
import { checkBatchRecord, deleteStoredBatches, readStoredRecords } from './batchStore'

/** Everything the app keeps in this browser, as it is stored. */
export interface StoredData {
  /** the batch records of IndexedDB, also those that do not check out */
  records: unknown[]
  /** the localStorage values of the app (`jixiao:*`): settings, judgements, likelihoods, the view */
  values: [string, string][]
}

export interface RescueFile {
  fileName: string
  bytes: Uint8Array
  type: string
}

const KEY_PREFIX = 'jixiao:'
/** Derived from the rest, so neither saved nor kept: the figures drawn before DuckDB recomputes them. */
const SNAPSHOT_KEY = 'jixiao:snapshot'

function storedValues(): [string, string][] {
  try {
    if (typeof localStorage === 'undefined') return []
    const out: [string, string][] = []
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (key?.startsWith(KEY_PREFIX) && key !== SNAPSHOT_KEY) out.push([key, localStorage.getItem(key) ?? ''])
    }
    return out.sort((a, b) => a[0].localeCompare(b[0]))
  } catch {
    return []
  }
}

/** What is stored; a database that cannot be opened at all counts as holding no batch. */
export async function readStoredData(): Promise<StoredData> {
  const records = await readStoredRecords().catch(() => [])
  return { records, values: storedValues() }
}

const safeName = (text: string) => text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80)

/**
 * The files to download: one JSON of everything as stored, and each part of a batch that still reads as one as a CSV of its
 * rows (the store's columns as headers), for Excel: the app's one CSV writer, formulas escaped.
 */
export function rescueFiles(data: StoredData, now = new Date()): RescueFile[] {
  const day = now.toISOString().slice(0, 10)
  const json = JSON.stringify({ savedAt: now.toISOString(), batches: data.records, localStorage: Object.fromEntries(data.values) }, null, 2)
  const files: RescueFile[] = [{ fileName: `已保存的数据_${day}.json`, bytes: new TextEncoder().encode(json), type: 'application/json' }]
  data.records.forEach((raw, i) => {
    const record = checkBatchRecord(raw)
    if (!record) return
    record.parts.forEach((part, p) => {
      const sheet = record.parts.length > 1 ? `_${p + 1}${part.sheet ? `_${safeName(part.sheet)}` : ''}` : ''
      const name = `批次${i + 1}_${safeName(record.fileName.replace(/\.[^.]*$/, ''))}${sheet}${record.undoneAt ? '_已撤销' : ''}.csv`
      files.push({ fileName: name, bytes: csvFile([part.columns, ...part.rows]), type: CSV_TYPE })
    })
  })
  return files
}

/** Forgets every stored batch (and the figures cached from them); settings and judgements stay. */
export async function forgetStoredBatches(): Promise<void> {
  await deleteStoredBatches()
  try {
    localStorage.removeItem(SNAPSHOT_KEY)
  } catch {
    // storage blocked: nothing cached either
  }
}
