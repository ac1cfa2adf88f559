// Issue 12: switching the year on the overview and painting it, and a cold start with three years loaded against
// one, side by side in one run on the same build: as deployed (with the snapshot and checked tables `snapshot`
// writes) and with the files replaced without a new snapshot (every file staged and checked at start).
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStaticServer } from '../../scripts/static-server.mjs'
import { projectRoot } from '../../scripts/build-app.mjs'
import { formatSpread, openPage, summarize, waitReady } from '../lib.mjs'

/**
 * A copy of the build whose data/index.json lists `years` (2022 is 2023's sample moved back a year), with the
 * snapshot and tables of those files when `shipped`, else with none.
 */
async function variant(distDir, years, shipped) {
  const root = await mkdtemp(join(tmpdir(), `jx-bench-years-${years.length}-`))
  await cp(distDir, root, { recursive: true })
  const data = join(root, 'data')
  if (years.includes(2022)) {
    await cp(join(data, '2023'), join(data, '2022'), { recursive: true })
    for (const name of await readdir(join(data, '2022'))) {
      const file = join(data, '2022', name)
      await writeFile(file, (await readFile(file, 'utf8')).replaceAll('2023', '2022'))
    }
  }
  await writeFile(join(data, 'index.json'), JSON.stringify({ datasets: years.map((y) => `${y}/`) }))
  await rm(join(data, 'snapshot.json'), { force: true })
  await rm(join(data, 'tables'), { recursive: true, force: true })
  if (shipped) execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'snapshot', data], { cwd: projectRoot, stdio: 'ignore' })
  return root
}

/** Time from choosing another year in the header to the second frame after the page is ready again. */
async function switchYear(page, year) {
  return page.evaluate(async (y) => {
    const select = /** @type {HTMLSelectElement} */ (document.querySelector('select[data-role="year"]'))
    const started = performance.now()
    select.value = String(y)
    select.dispatchEvent(new Event('change'))
    await new Promise((resolve) => {
      const check = () =>
        document.querySelector('[data-role="as-of-label"]')?.textContent?.startsWith(String(y)) ? resolve(null) : requestAnimationFrame(check)
      requestAnimationFrame(check)
    })
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    return performance.now() - started
  }, year)
}

const KINDS = /** @type {const} */ (['one', 'three', 'oneFiles', 'threeFiles'])

/** @param {import('../lib.mjs').ScenarioContext} context */
async function run({ browser, runs, distDir }) {
  const roots = {
    one: await variant(distDir, [2024], true),
    three: await variant(distDir, [2022, 2023, 2024], true),
    oneFiles: await variant(distDir, [2024], false),
    threeFiles: await variant(distDir, [2022, 2023, 2024], false),
  }
  const servers = Object.fromEntries(await Promise.all(KINDS.map(async (k) => [k, await startStaticServer({ root: roots[k] })])))
  /** @type {Record<typeof KINDS[number], number[]>} */
  const loaded = { one: [], three: [], oneFiles: [], threeFiles: [] }
  /** @type {Record<'one' | 'three', number[]>} */
  const shown = { one: [], three: [] }
  /** @type {number[]} */
  const switches = []
  try {
    for (let i = 0; i < runs; i++) {
      for (const kind of KINDS) {
        const opened = await openPage(browser, servers[kind].url, '#/')
        try {
          await waitReady(opened.page)
          await opened.page.waitForFunction(() => performance.getEntriesByName('jx:store-read').length > 0, undefined, { timeout: 120_000 })
          const marks = await opened.page.evaluate(() => ({
            read: performance.getEntriesByName('jx:store-read')[0]?.startTime ?? null,
            painted: performance.getEntriesByName('jx:snapshot-painted')[0]?.startTime ?? null,
            tables: performance.getEntriesByName('jx:loaded-from-tables').length > 0,
          }))
          if (marks.tables !== (kind === 'one' || kind === 'three')) throw new Error(`${kind}: loaded from tables = ${marks.tables}`)
          loaded[kind].push(/** @type {number} */ (marks.read))
          if ((kind === 'one' || kind === 'three') && marks.painted !== null) shown[kind].push(marks.painted)
          if (kind === 'three') {
            for (const y of [2023, 2024, 2022, 2024, 2023, 2024]) switches.push(await switchYear(opened.page, y))
          }
        } finally {
          await opened.context.close()
        }
      }
    }
  } finally {
    for (const s of Object.values(servers)) await s.close()
    for (const r of Object.values(roots)) await rm(r, { recursive: true, force: true })
  }
  const stats = Object.fromEntries(KINDS.map((k) => [k, summarize(loaded[k])]))
  const slower = (/** @type {ReturnType<typeof summarize>} */ a, /** @type {ReturnType<typeof summarize>} */ b) =>
    a.median && b.median ? b.median / a.median - 1 : null
  const pct = (/** @type {number | null} */ x) => (x === null ? '—' : `${(x * 100).toFixed(1)}% slower (medians)`)
  const firstOne = summarize(shown.one)
  const firstThree = summarize(shown.three)
  const switchStats = summarize(switches)
  return {
    loaded: { ...stats, slower: slower(stats.one, stats.three), slowerFiles: slower(stats.oneFiles, stats.threeFiles) },
    firstFigures: { one: firstOne, three: firstThree, slower: slower(firstOne, firstThree) },
    yearSwitch: switchStats,
    samples: { loaded, shown, switches },
    rows: /** @type {Array<[string, string]>} */ ([
      ['switch the year and paint (median of all switches)', formatSpread(switchStats)],
      ['cold start, 1 year → figures painted (shipped snapshot)', formatSpread(firstOne)],
      ['cold start, 3 years → figures painted (shipped snapshot)', formatSpread(firstThree)],
      ['cold start, 1 year → DuckDB figures (shipped tables)', formatSpread(stats.one)],
      ['cold start, 3 years → DuckDB figures (shipped tables)', formatSpread(stats.three)],
      ['3 years against 1, DuckDB figures (shipped tables)', pct(slower(stats.one, stats.three))],
      ['3 years against 1, figures painted', pct(slower(firstOne, firstThree))],
      ['cold start, 1 year → DuckDB figures (files replaced, no snapshot)', formatSpread(stats.oneFiles)],
      ['cold start, 3 years → DuckDB figures (files replaced, no snapshot)', formatSpread(stats.threeFiles)],
      ['3 years against 1, files replaced without a snapshot', pct(slower(stats.oneFiles, stats.threeFiles))],
    ]),
  }
}

export default { name: 'years', run }
