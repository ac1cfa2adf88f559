import Papa from 'papaparse'
import type { QueryEngine } from '@/engine/QueryEngine'
import { literal } from '@/engine/sql/quote'
import { createStoreSchemaSql } from '@/engine/sql/schema'
import { applyStaged } from './apply'
import { decodeSmallText } from './decode'
import { orgKeyOf, type DatasetFiles, type DatasetFolder } from './datasetFolder'
import { FILE_KINDS, type FileKind } from './fileKinds'
import { describeFileProblem, describeProblem } from './messages'
import { dropStage, hasProblems, stageFile, type StagedFile, type UploadScope } from './stageFile'
import { checkReferences, noContext } from './validate'

/** The order in which files can reference each other: projects before the indicators and spending that name them. */
export const LOAD_ORDER: FileKind[] = ['projects', 'spending_plan', 'indicators', 'links', 'actuals', 'spending']

/** Files dated by their rows' 月份: read first, so that a folder without a year in about.json takes theirs. */
const DATED: ReadonlySet<FileKind> = new Set(['actuals', 'spending'])

export class DatasetError extends Error {
  constructor(
    readonly fileName: string,
    readonly messages: string[],
  ) {
    super(`${fileName}: ${messages.slice(0, 5).join(' ')}`)
  }
}

const problemsOf = (file: StagedFile) => [
  ...file.fileProblems.map((p) => describeFileProblem(p)),
  ...file.problems.map((p) => describeProblem(file, p)),
]

/** One folder's files, staged and checked: its year from about.json, else from its files' months when they agree. */
async function loadFolder(engine: QueryEngine, folder: DatasetFolder): Promise<void> {
  const org = orgKeyOf(folder.about)
  const name = (kind: FileKind) => `${folder.path}${FILE_KINDS[kind].fileName}`
  const staged = new Map<FileKind, StagedFile>()
  try {
    const stage = async (kind: FileKind, scope: UploadScope) => {
      const bytes = folder.files[kind]
      if (!bytes) return
      const file = await stageFile(engine, name(kind), bytes, kind, scope)
      // a file with its header and no rows yet (a new year's actuals) holds nothing to load
      if (file.fileProblems.length === 1 && file.fileProblems[0]?.rule === 'empty' && file.problemCount === 0) {
        await dropStage(engine, file)
        return
      }
      staged.set(kind, file)
      if (hasProblems(file)) throw new DatasetError(file.fileName, problemsOf(file))
    }
    for (const kind of LOAD_ORDER) if (DATED.has(kind)) await stage(kind, { org, year: folder.about?.year ?? null })
    let year = folder.about?.year ?? null
    if (year === null) {
      const years = new Set<number>()
      for (const file of staged.values()) {
        const rows = await engine.query<{ y: number }>(`SELECT DISTINCT _year AS y FROM "${file.view}" WHERE _year IS NOT NULL`)
        for (const r of rows) years.add(r.y)
      }
      if (years.size === 1) year = [...years][0] ?? null
    }
    for (const kind of LOAD_ORDER) if (!DATED.has(kind)) await stage(kind, { org, year })
    for (const kind of LOAD_ORDER) {
      const file = staged.get(kind)
      if (!file) continue
      await checkReferences(engine, file, noContext({ org, year }))
      if (hasProblems(file)) throw new DatasetError(file.fileName, problemsOf(file))
      await applyStaged(engine, file)
    }
  } finally {
    for (const file of staged.values()) await dropStage(engine, file)
  }
}

/**
 * Builds the store from the deployed data: one dataset folder, or the several an `index.json` lists (years, units).
 * Every file is validated like an upload, and any problem stops the load with the file named and its problems in
 * Chinese. Each folder's unit comes from its about.json (unitCode, else organisation).
 */
export async function loadDataset(engine: QueryEngine, folders: readonly DatasetFolder[]): Promise<void> {
  await engine.exec(createStoreSchemaSql())
  for (const [i, folder] of folders.entries()) {
    const about = folder.about
    const org = orgKeyOf(about)
    await engine.exec(`INSERT INTO orgs VALUES (${literal(org)}, ${literal(about?.organisation ?? about?.unitCode ?? org)},
      ${about?.unitCode ? literal(about.unitCode) : 'NULL'}, ${about?.department ? literal(about.department) : 'NULL'}, ${i + 1})
      ON CONFLICT (org) DO NOTHING`)
  }
  for (const folder of folders) if (folder.units) await loadUnits(engine, folder)
  for (const folder of folders) await loadFolder(engine, folder)
}

/**
 * units.csv (单位编码, 单位名称, 主管部门): the registry a bureau's folder may carry, so that files naming units by
 * code show their names, and the bureau can filter by 主管部门. A unit listed twice keeps its first row.
 */
async function loadUnits(engine: QueryEngine, folder: DatasetFolder): Promise<void> {
  const name = `${folder.path}units.csv`
  const text = decodeSmallText(folder.units as Uint8Array)
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true })
  const [header = [], ...rows] = parsed.data
  const at = (names: string[]) => header.findIndex((h) => names.includes(h.trim()))
  const code = at(['单位编码', 'code', 'unit_code'])
  const title = at(['单位名称', 'name', '预算单位', '预算单位名称'])
  const department = at(['主管部门', 'department'])
  if (code < 0 || title < 0) throw new DatasetError(name, ['缺少必填列：单位编码、单位名称。'])
  const values = rows
    .filter((r) => (r[code] ?? '').trim() !== '')
    .map((r, i) => {
      const dept = department >= 0 ? (r[department] ?? '').trim() : ''
      return `(${literal(r[code]!.trim())}, ${literal((r[title] ?? '').trim() || r[code]!.trim())}, ${literal(r[code]!.trim())}, ${dept ? literal(dept) : 'NULL'}, ${100000 + i})`
    })
  for (let i = 0; i < values.length; i += 1000) {
    await engine.exec(`INSERT INTO orgs VALUES ${values.slice(i, i + 1000).join(', ')} ON CONFLICT (org) DO NOTHING`)
  }
}

/** A single folder of today's layout, with no about.json: what tests and the CLI's plain folders give. */
export const singleFolder = (files: DatasetFiles, about: DatasetFolder['about'] = null): DatasetFolder[] => [
  { path: '', files, about },
]
