// The deployed data, fetched at run time so that a department replaces its CSVs without a rebuild: `data/` itself,
// or the dataset folders `data/index.json` lists (docs/formats.md "The deployed data/ folder").
import { fnv1aHex } from '@/persist/fnv1a'
import { readAbout, readIndex, type DatasetFiles, type DatasetFolder } from './datasetFolder'
import { fetchDeployed, FOLDER_KINDS, isFile } from './deployedRequests'
import { FILE_KINDS } from './fileKinds'
import { SHIPPED_TABLES_DIR } from './shippedTables'

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetchDeployed(url).catch(() => null)
  return isFile(response) ? response.json().catch(() => null) : null
}

/** The dataset folders below `base`: those index.json lists, else `base` itself. */
export async function listFolders(base = 'data/'): Promise<string[]> {
  return readIndex(await fetchJson(`${base}index.json`)) ?? ['']
}

export async function fetchFolder(base: string, path: string): Promise<DatasetFolder> {
  const files: DatasetFiles = {}
  // about.json beside the files, not after them: a cold start waits for the slowest round trip, not their sum
  const [fetched, aboutRaw] = await Promise.all([
    Promise.all(
      FOLDER_KINDS.map(async (kind) => {
        const response = await fetchDeployed(`${base}${path}${FILE_KINDS[kind].fileName}`)
        return isFile(response) ? ([kind, new Uint8Array(await response.arrayBuffer())] as const) : null
      }),
    ),
    fetchJson(`${base}${path}about.json`),
  ])
  for (const entry of fetched) if (entry) files[entry[0]] = entry[1]
  const about = readAbout(aboutRaw)
  // the registry of units is only looked for where about.json says the folder has one (no 404 for a department)
  const units = about?.hasUnits ? await fetch(`${base}${path}units.csv`, { cache: 'no-cache' }).catch(() => null) : null
  return { path, files, about, ...(isFile(units) ? { units: new Uint8Array(await units.arrayBuffer()) } : {}) }
}

/** Every dataset folder of the deployed data, in the order index.json gives them. */
export async function fetchDataFolders(base = 'data/'): Promise<DatasetFolder[]> {
  const paths = await listFolders(base)
  return Promise.all(paths.map((path) => fetchFolder(base, path)))
}

/**
 * A cheap fingerprint of the deployed data for the wall screen's change check: each file's ETag or Last-Modified
 * from a HEAD request, or a hash of its bytes when the server sends neither. Throws when the server cannot be reached.
 */
export async function folderSignature(base = 'data/'): Promise<string> {
  const index = await fetch(`${base}index.json`, { cache: 'no-cache' })
  const paths = isFile(index) ? (readIndex(await index.json().catch(() => null)) ?? ['']) : ['']
  const names = [
    'index.json',
    ...paths.flatMap((path) => [...FOLDER_KINDS.map((kind) => `${path}${FILE_KINDS[kind].fileName}`), `${path}about.json`]),
  ]
  const parts = await Promise.all(
    names.map(async (name) => {
      const url = `${base}${name}`
      const head = await fetch(url, { method: 'HEAD', cache: 'no-cache' })
      if (!isFile(head)) return `${name}:-`
      const tag = head.headers.get('etag') ?? head.headers.get('last-modified')
      if (tag) return `${name}:${tag}`
      const body = await fetch(url, { cache: 'no-cache' })
      return `${name}:${fnv1aHex(new Uint8Array(await body.arrayBuffer()))}`
    }),
  )
  return parts.join('|')
}

/** data/snapshot.json, when the build or the command line wrote one; null otherwise. */
export async function fetchShippedSnapshot(base = 'data/'): Promise<unknown> {
  return fetchJson(`${base}snapshot.json`)
}

/** One of the checked tables written beside data/snapshot.json (src/ingest/shippedTables.ts); null when missing. */
export async function fetchShippedTable(fileName: string, base = 'data/'): Promise<Uint8Array | null> {
  const response = await fetch(`${base}${SHIPPED_TABLES_DIR}${fileName}`, { cache: 'no-cache' }).catch(() => null)
  return isFile(response) ? new Uint8Array(await response.arrayBuffer()) : null
}
