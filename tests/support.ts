import { strFromU8, unzipSync } from 'fflate'
import { readFileSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FILE_KINDS, type FileKind } from '@/ingest/fileKinds'
import type { DatasetFiles } from '@/ingest/loadDataset'

export const repoRoot = resolve(import.meta.dirname, '..')
export const fixture = (name: string) => new Uint8Array(readFileSync(join(repoRoot, 'tests/fixtures', name)))

/** The embedded default dataset, read from `data/` as the browser fetches it. */
export function readDataFolder(dir = join(repoRoot, 'data')): DatasetFiles {
  const files: DatasetFiles = {}
  for (const kind of Object.keys(FILE_KINDS) as FileKind[]) {
    const path = join(dir, FILE_KINDS[kind].fileName)
    if (existsSync(path)) files[kind] = new Uint8Array(readFileSync(path))
  }
  return files
}

/** The body of a .docx, word/document.xml, read out of the zip as Word reads it. */
export function docxDocumentXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })
  const xml = files['word/document.xml']
  if (!xml) throw new Error('word/document.xml is missing from the .docx')
  return strFromU8(xml)
}
