// A deployed data folder (docs/formats.md "The deployed data/ folder"): the files of one dataset and its about.json,
// or an index.json listing several dataset folders (years, units) because a static web server cannot list a folder.
import type { FileKind } from './fileKinds'

/** The key of a budget unit when neither the file nor the folder names one. */
export const DEFAULT_ORG = '本单位'

export type DatasetFiles = Partial<Record<FileKind, Uint8Array>>

/** What a dataset folder's `about.json` says: whose data, which year, which files are 示例数据. */
export interface DatasetAbout {
  /** the unit's name; absent: the pages name the projects' 主管部门 */
  organisation?: string
  /** the unit's code (单位编码), its key when given */
  unitCode?: string
  /** the 年度 of the folder's files that carry no 年度 or 月份 of their own */
  year?: number
  /** 主管部门 of the unit, for the finance bureau's filter */
  department?: string
  /** the folder holds units.csv, a bureau's registry of its units */
  hasUnits?: boolean
  sampleFiles: string[]
}

export interface DatasetFolder {
  /** the folder below `data/`, `''` for `data/` itself: names the files in messages */
  path: string
  files: DatasetFiles
  about: DatasetAbout | null
  /** units.csv, the bureau's registry of units (单位编码, 单位名称, 主管部门), when the folder has one */
  units?: Uint8Array
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const text = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined)

/** `about.json` as written by hand: a field of the wrong type counts as absent. */
export function readAbout(raw: unknown): DatasetAbout | null {
  if (!isRecord(raw)) return null
  const organisation = text(raw.organisation)
  const unitCode = text(raw.unitCode) ?? (typeof raw.unitCode === 'number' ? String(raw.unitCode) : undefined)
  const department = text(raw.department)
  const year = typeof raw.year === 'number' && Number.isInteger(raw.year) && raw.year >= 1990 && raw.year <= 2100 ? raw.year : undefined
  return {
    ...(organisation ? { organisation } : {}),
    ...(unitCode ? { unitCode } : {}),
    ...(department ? { department } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(raw.units === 'units.csv' || raw.hasUnits === true ? { hasUnits: true } : {}),
    sampleFiles: Array.isArray(raw.sampleFiles) ? raw.sampleFiles.filter((f): f is string => typeof f === 'string') : [],
  }
}

/** The key a folder's rows are stored under when they name no unit: its code, else its name. */
export const orgKeyOf = (about: DatasetAbout | null) => about?.unitCode ?? about?.organisation ?? DEFAULT_ORG

/**
 * `index.json`: `{ "datasets": ["2023/", "2024/"] }`. Each entry a relative folder below `data/` (no `..`, no
 * scheme, no leading slash); anything else is left out. Null when the value is not an index at all.
 */
export function readIndex(raw: unknown): string[] | null {
  if (!isRecord(raw) || !Array.isArray(raw.datasets)) return null
  const out: string[] = []
  for (const entry of raw.datasets) {
    if (typeof entry !== 'string') continue
    const path = entry.trim().replace(/\\/g, '/').replace(/\/*$/, '/')
    if (path === '/' || path.startsWith('/') || /(^|\/)\.\.?(\/|$)/.test(path) || /^[a-z][a-z0-9+.-]*:/i.test(path)) continue
    if (!out.includes(path)) out.push(path)
  }
  return out
}
