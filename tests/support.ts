import { strFromU8, unzipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readFolders } from '@/cli/folders'
import type { DatasetFolder } from '@/ingest/datasetFolder'
import type { UploadScope } from '@/ingest/stageFile'

export const repoRoot = resolve(import.meta.dirname, '..')
export const fixture = (name: string) => new Uint8Array(readFileSync(join(repoRoot, 'tests/fixtures', name)))

/** The embedded default dataset (data/index.json: 2023/ and 2024/), read as the browser fetches it. */
export function readDataFolder(dir = join(repoRoot, 'data')): DatasetFolder[] {
  return readFolders(dir)
}

/** The seed's unit (about.json unitCode) and year: where an upload without 预算单位 or 年度 goes in these tests. */
export const SEED_SCOPE: UploadScope = { org: '806001', year: 2024 }

/** The body of a .docx, word/document.xml, read out of the zip as Word reads it. */
export function docxDocumentXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })
  const xml = files['word/document.xml']
  if (!xml) throw new Error('word/document.xml is missing from the .docx')
  return strFromU8(xml)
}
