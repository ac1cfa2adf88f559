// What the built app ships, gzip level 9: all app JS, the JS needed before the first render, DuckDB's wasm
// and workers (reported apart: they load in a worker, not on the main thread's critical path), CSS and data.
import { readFile, readdir } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { formatBytes, gzipSize } from '../lib.mjs'

const DUCKDB_WORKER = /duckdb.*worker.*\.js$/i

/** @param {string} dir @returns {Promise<string[]>} absolute paths of all files below dir */
async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/**
 * Static imports and re-exports in a built chunk (`import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`);
 * `import("./x.js")` is lazy and left out.
 * @param {string} code
 */
function staticImports(code) {
  const pattern = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g
  return [...code.matchAll(pattern)].map((m) => /** @type {string} */ (m[1]))
}

/**
 * `import("./x.js")` in a built chunk: the entry (src/main.ts) starts the data's requests and then imports the app
 * this way, so the app is startup JavaScript all the same.
 * @param {string} code
 */
function dynamicImports(code) {
  return [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g)].map((m) => /** @type {string} */ (m[1]))
}

/**
 * The module scripts and modulepreloads of index.html, what the entry script imports (statically or not), then
 * their static imports, transitively.
 * @param {string} distDir
 * @returns {Promise<Set<string>>} absolute paths
 */
async function initialScripts(distDir) {
  const html = await readFile(join(distDir, 'index.html'), 'utf8')
  const at = (/** @type {RegExpMatchArray} */ m) => resolve(distDir, /** @type {string} */ (m[1]).replace(/^\//, ''))
  const scripts = [
    ...html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g),
    ...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*\btype=["']module["']/g),
  ].map(at)
  const preloads = [...html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)].map(at)
  const seen = new Set()
  const queue = [...scripts, ...preloads]
  // the entry script's own import() calls (the app), not those of the chunks it names: the app's are lazy views
  for (const entry of scripts) {
    const code = await readFile(entry, 'utf8').catch(() => '')
    for (const specifier of dynamicImports(code)) if (specifier.startsWith('.')) queue.push(resolve(dirname(entry), specifier))
  }
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.pop())
    if (seen.has(file)) continue
    seen.add(file)
    const code = await readFile(file, 'utf8').catch(() => null)
    if (code === null) continue
    for (const specifier of staticImports(code)) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier))
    }
  }
  return seen
}

/** @param {Array<{ raw: number, gzip: number }>} files */
const total = (files) => ({
  count: files.length,
  raw: files.reduce((sum, f) => sum + f.raw, 0),
  gzip: files.reduce((sum, f) => sum + f.gzip, 0),
})

/** @param {{ count: number, raw: number, gzip: number }} t */
const describe = (t) => `${formatBytes(t.gzip)} gzip (${formatBytes(t.raw)} raw, ${t.count} file${t.count === 1 ? '' : 's'})`

/** @param {import('../lib.mjs').ScenarioContext} context */
async function run({ distDir }) {
  const initial = await initialScripts(distDir)
  const files = await Promise.all(
    (await listFiles(distDir)).map(async (path) => {
      const content = await readFile(path)
      return {
        path: relative(distDir, path).split(sep).join('/'),
        raw: content.length,
        gzip: gzipSize(content),
        initial: initial.has(path),
      }
    }),
  )
  files.sort((a, b) => a.path.localeCompare(b.path))

  const isJs = (/** @type {{ path: string }} */ f) => /\.m?js$/.test(f.path)
  const appJs = files.filter((f) => isJs(f) && !DUCKDB_WORKER.test(f.path))
  const initialJs = appJs.filter((f) => f.initial)
  const workers = files.filter((f) => DUCKDB_WORKER.test(f.path))
  const wasm = files.filter((f) => f.path.endsWith('.wasm'))
  const css = files.filter((f) => f.path.endsWith('.css'))
  const data = files.filter((f) => f.path.startsWith('data/'))

  const totals = {
    appJs: total(appJs),
    initialJs: total(initialJs),
    lazyJs: total(appJs.filter((f) => !f.initial)),
    duckdbWorkers: total(workers),
    wasm: total(wasm),
    css: total(css),
    data: total(data),
  }
  /** @type {Array<[string, string]>} */
  const rows = [
    ['app JS, all', describe(totals.appJs)],
    ['app JS, initial (index.html, the entry\'s imports and their static imports)', describe(totals.initialJs)],
    ['app JS, lazy', describe(totals.lazyJs)],
    ['CSS', describe(totals.css)],
    ...wasm.map((f) => /** @type {[string, string]} */ ([`wasm ${f.path}`, `${formatBytes(f.gzip)} gzip (${formatBytes(f.raw)} raw)`])),
    ...workers.map((f) => /** @type {[string, string]} */ ([`worker ${f.path}`, `${formatBytes(f.gzip)} gzip (${formatBytes(f.raw)} raw)`])),
    ['dataset data/*', describe(totals.data)],
  ]
  if (wasm.length === 0) rows.push(['wasm', 'none in dist (DuckDB not wired in yet?)'])
  return { totals, files, rows }
}

export default { name: 'bundle', run }
