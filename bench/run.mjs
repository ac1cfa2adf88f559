// Benchmark runner: builds the app, serves dist/, runs every scenario in bench/scenarios/ (or those named:
// `npm run bench -- overview`), prints a table and writes bench/results/latest.json.
//   BENCH_RUNS=7          repetitions per scenario
//   BENCH_SKIP_BUILD=1    measure the dist/ already there
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { buildApp, distDir, projectRoot } from '../scripts/build-app.mjs'
import { launchChromium } from '../scripts/chromium.mjs'
import { startStaticServer } from '../scripts/static-server.mjs'

const scenariosDir = fileURLToPath(new URL('./scenarios/', import.meta.url))
const resultsFile = fileURLToPath(new URL('./results/latest.json', import.meta.url))

/** @returns {Promise<import('./lib.mjs').Scenario[]>} */
async function loadScenarios() {
  const files = (await readdir(scenariosDir)).filter((f) => f.endsWith('.mjs')).sort()
  return Promise.all(
    files.map(async (file) => {
      const module = await import(pathToFileURL(join(scenariosDir, file)).href)
      const scenario = module.default ?? module.scenario
      if (typeof scenario?.name !== 'string' || typeof scenario?.run !== 'function') {
        throw new Error(`bench/scenarios/${file} exports no { name, run }`)
      }
      return scenario
    }),
  )
}

function gitDescription() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: projectRoot, encoding: 'utf8' }).trim() !== ''
    return dirty ? `${commit}+uncommitted` : commit
  } catch {
    return 'unknown'
  }
}

/**
 * @param {string} title
 * @param {Array<[string, string]>} rows
 */
function printTable(title, rows) {
  const width = Math.max(...rows.map(([label]) => label.length))
  console.log(`\n${title}`)
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)
}

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 7)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS must be a positive integer, not ${process.env.BENCH_RUNS}`)

  const available = await loadScenarios()
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
  const unknown = wanted.filter((name) => !available.some((s) => s.name === name))
  if (unknown.length > 0) {
    throw new Error(`unknown scenario ${unknown.join(', ')}; available: ${available.map((s) => s.name).join(', ')}`)
  }
  const scenarios = wanted.length > 0 ? available.filter((s) => wanted.includes(s.name)) : available

  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(join(distDir, 'index.html'))) {
    console.log('using the existing dist/')
  } else {
    const started = performance.now()
    await buildApp()
    console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`)
  }

  const server = await startStaticServer({ root: distDir })
  console.log(`scenarios: ${scenarios.map((s) => s.name).join(', ')}; BENCH_RUNS=${runs}`)
  const browser = await launchChromium()
  const chromiumVersion = browser.version()
  /** @type {Record<string, unknown>} */
  const results = {}
  let failed = false
  try {
    for (const scenario of scenarios) {
      const started = performance.now()
      try {
        const result = await scenario.run({ browser, baseUrl: server.url, runs, distDir })
        printTable(`${scenario.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`, result.rows)
        results[scenario.name] = result
      } catch (error) {
        failed = true
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
        console.error(`\n${scenario.name} failed: ${message}`)
        results[scenario.name] = { error: message }
      }
    }
  } finally {
    await browser.close()
    await server.close()
  }

  const report = {
    date: new Date().toISOString(),
    commit: gitDescription(),
    node: process.version,
    chromium: chromiumVersion,
    runs,
    scenarios: results,
  }
  await mkdir(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true })
  await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nwrote bench/results/${basename(resultsFile)}`)
  if (failed) process.exitCode = 1
}

await main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
