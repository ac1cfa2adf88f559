// A data folder on disk as the browser reads it over HTTP: the dataset folders its index.json lists, else itself.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { readAbout, readIndex, type DatasetFiles, type DatasetFolder } from '@/ingest/datasetFolder'
import { FOLDER_KINDS } from '@/ingest/deployedRequests'
import { FILE_KINDS } from '@/ingest/fileKinds'

/** A mistake in how the command line was called: one sentence, exit status 2. */
export class UsageError extends Error {
  /** `showUsage` false: the command was written right but a file or folder it names is not there or not usable */
  constructor(message: string, readonly showUsage = true) {
    super(message)
  }
}

export function readJson(path: string, what: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new UsageError(`找不到${what} “${path}”`, false)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    throw new UsageError(`${what} “${path}” 不是有效的 JSON：${(err as Error).message}`, false)
  }
}

/** One dataset folder's files by their standard names, and its about.json. */
function readOneFolder(root: string, path: string): DatasetFolder {
  const dir = join(root, path)
  const files: DatasetFiles = {}
  for (const kind of FOLDER_KINDS) {
    const file = join(dir, FILE_KINDS[kind].fileName)
    if (existsSync(file)) files[kind] = new Uint8Array(readFileSync(file))
  }
  const aboutPath = join(dir, 'about.json')
  const unitsPath = join(dir, 'units.csv')
  return {
    path,
    files,
    about: existsSync(aboutPath) ? readAbout(readJson(aboutPath, '说明文件')) : null,
    ...(existsSync(unitsPath) ? { units: new Uint8Array(readFileSync(unitsPath)) } : {}),
  }
}

/** A data folder as the browser reads it: the folders its index.json lists, else the folder itself. */
export function readFolders(folder: string): DatasetFolder[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`找不到数据文件夹 “${folder}”`, false)
  const indexPath = join(folder, 'index.json')
  const paths = existsSync(indexPath) ? readIndex(readJson(indexPath, '索引文件')) : ['']
  if (paths === null) throw new UsageError(`索引文件 “${indexPath}” 应为 {"datasets": ["2024/", …]}`)
  const folders = paths.map((path) => readOneFolder(folder, path))
  if (folders.every((f) => Object.keys(f.files).length === 0)) {
    const names = FOLDER_KINDS.map((k) => FILE_KINDS[k].fileName).join('、')
    throw new UsageError(`文件夹 “${folder}” 中没有可读的数据文件（${names}）`)
  }
  return folders
}

