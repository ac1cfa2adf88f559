// What of the deployed data is still 示例数据 (about.json's `sampleFiles`) once the user's own files are applied: a
// target file replaces a sample one for its unit and year; measurements replace it row by row, so a sample file of
// actuals stops being sample only when every one of its rows has been uploaded again.
import type { QueryEngine } from '@/engine/QueryEngine'
import { TABLE_KEYS } from '@/engine/sql/batch'
import { ident, literal } from '@/engine/sql/quote'
import type { Scope } from './apply'
import type { BatchRecord } from './batches'
import { orgKeyOf, type DatasetFolder } from './datasetFolder'
import { FILE_KINDS, type FileKind } from './fileKinds'
import { KIND_TABLE } from './upload'

/** The rows one sample file stored for one unit and year, by their store keys. */
export interface SamplePart extends Scope {
  kind: FileKind
  keys: ReadonlySet<string>
  /** every file of the folder (but the optional links) is listed as sample: the whole year is made up */
  wholeFolder: boolean
}

/** What is still sample in one unit and year. */
export interface SampleScope extends Scope {
  /** the kinds of file with sample rows still in force, in the order of FILE_KINDS */
  kinds: FileKind[]
  /** nothing of the year's made-up folder has been replaced yet */
  all: boolean
}

const keyOf = (values: readonly unknown[]) => JSON.stringify(values)

const kindOfFile = (fileName: string): FileKind | undefined =>
  (Object.keys(FILE_KINDS) as FileKind[]).find((k) => FILE_KINDS[k].fileName === fileName.trim())

/**
 * The rows each folder's sample files stored: read after the folders are loaded and before any upload is replayed.
 * A folder's rows are those of its unit and its about.json year (every year, when it names none).
 */
export async function readSampleParts(engine: QueryEngine, folders: readonly DatasetFolder[]): Promise<SamplePart[]> {
  const listed = folders.flatMap((folder) => {
    const sampleKinds = (folder.about?.sampleFiles ?? []).map(kindOfFile).filter((k): k is FileKind => k !== undefined)
    const present = (Object.keys(folder.files) as FileKind[]).filter((k) => k !== 'links')
    const wholeFolder = present.every((k) => sampleKinds.includes(k))
    const org = orgKeyOf(folder.about)
    const year = folder.about?.year
    return sampleKinds.map((kind) => ({ kind, org, year, wholeFolder }))
  })
  const parts: SamplePart[] = []
  // one query per table for every folder: the start-up waits for each round trip to DuckDB's worker
  for (const kind of new Set(listed.map((l) => l.kind))) {
    const ofKind = listed.filter((l) => l.kind === kind)
    const table = KIND_TABLE[kind]
    const columns = TABLE_KEYS[table]
    const where = ofKind.map((l) => `(org = ${literal(l.org)}${l.year !== undefined ? ` AND year = ${l.year}` : ''})`).join(' OR ')
    const rows = await engine.query(`SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)} WHERE ${where}`)
    for (const { org, year, wholeFolder } of ofKind) {
      const byYear = new Map<number, Set<string>>()
      for (const row of rows) {
        if (row.org !== org || (year !== undefined && row.year !== year)) continue
        const y = Number(row.year)
        if (!byYear.has(y)) byYear.set(y, new Set())
        byYear.get(y)!.add(keyOf(columns.map((c) => row[c])))
      }
      for (const [y, keys] of byYear) parts.push({ org, year: y, kind, keys, wholeFolder })
    }
  }
  return parts
}

/** What is still sample after the batches in force (undone ones do not count): per unit and year. */
export function sampleLeft(parts: readonly SamplePart[], batches: readonly BatchRecord[]): SampleScope[] {
  const inForce = batches.filter((b) => !b.undoneAt).flatMap((b) => b.parts)
  const scopes = new Map<string, SampleScope & { untouched: boolean }>()
  for (const part of parts) {
    const table = KIND_TABLE[part.kind]
    // a whole year's table replaced (a form replacing one project's rows replaces only those)
    const replaced = inForce.some(
      (b) => b.table === table && b.mode === 'replace' && !b.within && b.scopes.some((s) => s.org === part.org && s.year === part.year),
    )
    let left = replaced ? 0 : part.keys.size
    if (!replaced) {
      const columns = TABLE_KEYS[table]
      const uploaded = new Set<string>()
      for (const b of inForce) {
        if (b.table !== table) continue
        const at = columns.map((c) => b.columns.indexOf(c))
        for (const row of b.rows) uploaded.add(keyOf(at.map((i) => row[i] ?? null)))
      }
      left = [...part.keys].filter((k) => !uploaded.has(k)).length
    }
    const id = `${part.year}|${part.org}`
    const scope = scopes.get(id) ?? { org: part.org, year: part.year, kinds: [], all: part.wholeFolder, untouched: true }
    if (left > 0 && !scope.kinds.includes(part.kind)) scope.kinds.push(part.kind)
    scope.untouched &&= left === part.keys.size
    scopes.set(id, scope)
  }
  const order = Object.keys(FILE_KINDS) as FileKind[]
  return [...scopes.values()]
    .filter((s) => s.kinds.length > 0)
    .map(({ untouched, ...s }) => ({ ...s, kinds: [...s.kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)), all: s.all && untouched }))
}

/** The files of a whole year's dataset: a folder whose sample list holds them all is made up from end to end. */
const DATASET_KINDS: readonly FileKind[] = ['indicators', 'projects', 'spending_plan', 'actuals', 'spending']

/** Before the engine has read the rows: what the folders' about.json files list as sample, as if nothing was replaced. */
export function sampleListed(folders: readonly Pick<DatasetFolder, 'about'>[]): SampleScope[] {
  const order = Object.keys(FILE_KINDS) as FileKind[]
  return folders.flatMap((f) => {
    const kinds = (f.about?.sampleFiles ?? []).map(kindOfFile).filter((k): k is FileKind => k !== undefined)
    const year = f.about?.year
    if (!kinds.length || year === undefined) return []
    const sorted = [...new Set(kinds)].sort((a, b) => order.indexOf(a) - order.indexOf(b))
    return [{ org: orgKeyOf(f.about), year, kinds: sorted, all: DATASET_KINDS.every((k) => kinds.includes(k)) }]
  })
}
