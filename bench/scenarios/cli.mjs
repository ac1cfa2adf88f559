// Issue 13: the command line over a bureau's folder: `monitor --json` on 300 units with native DuckDB and with
// duckdb-wasm side by side, and on 10,000 units (400,000 indicators, 100,000 projects) with native DuckDB; wall time
// and peak memory (/usr/bin/time), medians of BENCH_CLI_RUNS (default 3). Each as a fresh folder (every file
// checked) and as one `snapshot` has written its checked tables into: native DuckDB queries their database file
// (tables/tables.duckdb), duckdb-wasm loads their CSVs; native DuckDB on the CSVs too (the database file taken away).
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeBureau } from '../../scripts/make-bureau.mjs'
import { projectRoot } from '../../scripts/build-app.mjs'
import { formatSpread, summarize } from '../lib.mjs'

const dataDir = join(projectRoot, 'bench', 'data')

async function dataset(units) {
  const out = join(dataDir, `bureau-${units}`)
  if (!existsSync(join(out, 'actuals.csv'))) await makeBureau({ units, years: 1, out, indicators: 40, projects: 10, months: 12, year: 2024 })
  return out
}

function monitor(folder, engine) {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%e %M'] : []
  const args = [...time, process.execPath, '--import', 'tsx', 'src/cli/main.ts', 'monitor', folder, '--json', '--engine', engine]
  const started = performance.now()
  const r = spawnSync(args[0], args.slice(1), { cwd: projectRoot, maxBuffer: 2 ** 30, encoding: 'utf8' })
  const wall = performance.now() - started
  if (r.status !== 0) throw new Error(`monitor ${folder} --engine ${engine}: exit ${r.status}\n${r.stderr.slice(-2000)}`)
  const last = r.stderr.trim().split('\n').at(-1) ?? ''
  const [, rss] = last.split(' ').map(Number)
  return { ms: wall, rssMiB: Number.isFinite(rss) ? Math.round(rss / 1024) : null, rows: r.stdout.length }
}

/**
 * `folder`'s data files alone (hard-linked), in a folder of their own: a folder someone ran `snapshot` in would
 * otherwise be loaded from its tables, and the fresh figures would not be those of a fresh folder.
 */
function freshCopy(folder, suffix) {
  // a name of its own: another worktree's bench on the same machine takes its own copies away when done
  const copy = mkdtempSync(join(tmpdir(), `jx-bench-${folder.split('/').at(-1)}-${suffix}-`))
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'snapshot.json') continue
    try {
      linkSync(join(folder, entry.name), join(copy, entry.name))
    } catch {
      copyFileSync(join(folder, entry.name), join(copy, entry.name))
    }
  }
  return copy
}

/** A fresh copy of `folder` with the snapshot and checked tables written by native DuckDB (new files, not links). */
function snapshotted(folder) {
  const copy = freshCopy(folder, 'tables')
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'snapshot', copy, '--engine', 'native'], { cwd: projectRoot, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`snapshot ${copy}: exit ${r.status}\n${r.stderr.slice(-2000)}`)
  return copy
}

/** A copy of a snapshotted folder (links) without the tables' database file: native DuckDB then loads the CSVs. */
function withoutDatabase(folder) {
  const copy = `${folder}-csv`
  rmSync(copy, { recursive: true, force: true })
  mkdirSync(join(copy, 'tables'), { recursive: true })
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isFile()) linkSync(join(folder, entry.name), join(copy, entry.name))
  }
  for (const name of readdirSync(join(folder, 'tables'))) {
    if (name !== 'tables.duckdb') linkSync(join(folder, 'tables', name), join(copy, 'tables', name))
  }
  return copy
}

async function run() {
  const runs = Number(process.env.BENCH_CLI_RUNS ?? 3)
  const smallData = await dataset(300)
  const largeData = await dataset(Number(process.env.BENCH_CLI_LARGE ?? 10_000))
  const small = freshCopy(smallData, 'fresh')
  const large = freshCopy(largeData, 'fresh')
  const smallTables = snapshotted(smallData)
  const largeTables = snapshotted(largeData)
  const smallCsv = withoutDatabase(smallTables)
  const largeCsv = withoutDatabase(largeTables)
  /** @type {Record<string, ReturnType<typeof monitor>[]>} */
  const samples = {
    native300: [], wasm300: [], nativeLarge: [], native300Tables: [], wasm300Tables: [], nativeLargeTables: [], native300Csv: [], nativeLargeCsv: [],
  }
  for (let i = 0; i < runs; i++) {
    samples.native300.push(monitor(small, 'native'))
    samples.wasm300.push(monitor(small, 'wasm'))
    samples.native300Tables.push(monitor(smallTables, 'native'))
    samples.wasm300Tables.push(monitor(smallTables, 'wasm'))
    samples.native300Csv.push(monitor(smallCsv, 'native'))
  }
  for (let i = 0; i < runs; i++) {
    samples.nativeLarge.push(monitor(large, 'native'))
    samples.nativeLargeTables.push(monitor(largeTables, 'native'))
    samples.nativeLargeCsv.push(monitor(largeCsv, 'native'))
  }
  for (const copy of [small, large, smallTables, largeTables, smallCsv, largeCsv]) rmSync(copy, { recursive: true, force: true })
  const ms = (k) => summarize(samples[k].map((s) => s.ms))
  const rss = (k) => Math.max(...samples[k].map((s) => s.rssMiB ?? 0))
  return {
    samples,
    rows: /** @type {Array<[string, string]>} */ ([
      ['300 units, native DuckDB', `${formatSpread(ms('native300'))}, peak ${rss('native300')} MiB`],
      ['300 units, duckdb-wasm', `${formatSpread(ms('wasm300'))}, peak ${rss('wasm300')} MiB`],
      [`${largeData.split('-').at(-1)} units, native DuckDB`, `${formatSpread(ms('nativeLarge'))}, peak ${rss('nativeLarge')} MiB`],
      ['300 units, native DuckDB, checked tables (their database file)', `${formatSpread(ms('native300Tables'))}, peak ${rss('native300Tables')} MiB`],
      ['300 units, native DuckDB, checked tables (their CSVs)', `${formatSpread(ms('native300Csv'))}, peak ${rss('native300Csv')} MiB`],
      ['300 units, duckdb-wasm, checked tables (their CSVs)', `${formatSpread(ms('wasm300Tables'))}, peak ${rss('wasm300Tables')} MiB`],
      [`${largeData.split('-').at(-1)} units, native DuckDB, checked tables (their database file)`, `${formatSpread(ms('nativeLargeTables'))}, peak ${rss('nativeLargeTables')} MiB`],
      [`${largeData.split('-').at(-1)} units, native DuckDB, checked tables (their CSVs)`, `${formatSpread(ms('nativeLargeCsv'))}, peak ${rss('nativeLargeCsv')} MiB`],
    ]),
  }
}

export default { name: 'cli', run }
