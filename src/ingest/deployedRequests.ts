// The requests for the deployed data/ folder. The entry (src/main.ts) starts them before the app's code has arrived,
// so that on a cold start the files are on hand when the dataset store asks for them, not one JavaScript download
// and three round trips (index.json, each folder's files) later. This module is evaluated before the rest of the app:
// it imports nothing heavier than the file names.
import { readIndex } from './datasetFolder'
import { FILE_KINDS, type FileKind } from './fileKinds'

/** The files a dataset folder may hold (the payment ledger is an upload, aggregated into spending). */
export const FOLDER_KINDS: FileKind[] = ['indicators', 'projects', 'spending_plan', 'actuals', 'spending', 'links']

/** A dev server answers a missing file with index.html: that is no data file. */
export const isFile = (response: Response | null): response is Response =>
  !!response?.ok && !(response.headers.get('content-type') ?? '').includes('text/html')

/** Requests started ahead of the app, by absolute URL; each is handed out once, to the first load. */
const ahead = new Map<string, Promise<Response>>()

const absolute = (url: string) => new URL(url, document.baseURI).href

function requestAhead(url: string): Promise<Response> {
  const request = fetch(url, { cache: 'no-cache' })
  // a failed request is the asker's to report, when it asks
  request.catch(() => {})
  ahead.set(absolute(url), request)
  return request
}

/**
 * Requests data/snapshot.json, data/index.json and, as soon as index.json lists them, every folder's files and
 * about.json (units.csv is asked for by the load itself, once about.json says the folder has one). Resolves once
 * the folders' requests have been sent.
 */
export function requestDeployedData(base = 'data/'): Promise<void> {
  requestAhead(`${base}snapshot.json`)
  const folderFiles = requestAhead(`${base}index.json`)
    .then((response) => (isFile(response) ? response.clone().json() : null))
    .catch(() => null)
    .then((raw) =>
      (readIndex(raw) ?? ['']).flatMap((path) => [
        ...FOLDER_KINDS.map((kind) => requestAhead(`${base}${path}${FILE_KINDS[kind].fileName}`)),
        requestAhead(`${base}${path}about.json`),
      ]),
    )
  // the browser sends a request in a task of its own: one turn of the event loop, so that the folders' requests
  // leave before whatever runs next (the app's code, evaluated in one long task) rather than after it
  return folderFiles.then(() => new Promise((resolve) => setTimeout(resolve, 0)))
}

/** A GET of a deployed file: the request started ahead for it, if any and not yet handed out, else a new one. */
export function fetchDeployed(url: string): Promise<Response> {
  const key = absolute(url)
  const started = ahead.get(key)
  if (started) {
    ahead.delete(key)
    return started
  }
  return fetch(url, { cache: 'no-cache' })
}

/** Whether data/snapshot.json is deployed, from the request started ahead when there is one (its body left unread). */
export async function hasShippedSnapshot(base = 'data/'): Promise<boolean> {
  const url = `${base}snapshot.json`
  const response = await (ahead.get(absolute(url)) ?? fetch(url, { method: 'HEAD', cache: 'no-cache' })).catch(() => null)
  return isFile(response)
}

/**
 * The first load has taken what it needs: the requests left (a folder index.json no longer lists) are dropped, so
 * that a later load (the wall screen's folder watch, a reload of the data) reads the files as they are then.
 */
export function forgetRequestsAhead(): void {
  ahead.clear()
}
