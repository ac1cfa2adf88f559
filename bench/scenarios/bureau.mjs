// Issue 13: a finance bureau of 300 units × 40 indicators × 12 months and 3,000 projects (scripts/make-bureau.mjs)
// in the browser: the bureau page ready after DuckDB is ready, sorting, switching the month, opening a unit. The
// data are deployed as `npm run build` deploys them: with the snapshot and checked tables `snapshot` writes.
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../../scripts/build-app.mjs'
import { makeBureau } from '../../scripts/make-bureau.mjs'
import { startStaticServer } from '../../scripts/static-server.mjs'
import { formatSpread, openPage, summarize, waitReady } from '../lib.mjs'

const UNITS = Number(process.env.BENCH_BUREAU_UNITS ?? 300)

/** @param {import('../lib.mjs').ScenarioContext} context */
async function run({ browser, runs, distDir }) {
  const root = await mkdtemp(join(tmpdir(), 'jx-bench-bureau-'))
  await cp(distDir, root, { recursive: true })
  await rm(join(root, 'data'), { recursive: true, force: true })
  await makeBureau({ units: UNITS, years: 2, out: join(root, 'data'), indicators: 40, projects: 10, months: 12, year: 2024 })
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'snapshot', join(root, 'data')], { cwd: projectRoot, stdio: 'ignore' })
  const server = await startStaticServer({ root })
  /** @type {Record<string, number[]>} */
  const t = { afterDuckdb: [], tablesLoaded: [], afterStore: [], replayAndView: [], readUnits: [], rowsAndDraw: [], sort: [], month: [], open: [], openRead: [], openPointed: [] }
  try {
    for (let i = 0; i < runs; i++) {
      const opened = await openPage(browser, server.url, '#/bureau')
      const { page } = opened
      try {
        await waitReady(page, 300_000)
        await page.waitForFunction(() => performance.getEntriesByName('jx:bureau-loaded').length > 0, undefined, { timeout: 60_000 })
        const marks = await page.evaluate(() =>
          Object.fromEntries(
            ['duckdb-ready', 'loaded-from-tables', 'dataset-loaded', 'store-read', 'bureau-read-start', 'bureau-read', 'bureau-loaded'].map((name) => [
              name,
              performance.getEntriesByName(`jx:${name}`)[0]?.startTime ?? null,
            ]),
          ),
        )
        /** @param {string} from @param {string} to @param {number[]} into */
        const between = (from, to, into) => {
          if (marks[from] != null && marks[to] != null) into.push(marks[to] - marks[from])
        }
        between('duckdb-ready', 'bureau-loaded', t.afterDuckdb)
        if (marks['loaded-from-tables'] == null) throw new Error('the shipped tables were not loaded')
        between('duckdb-ready', 'loaded-from-tables', t.tablesLoaded)
        between('dataset-loaded', 'bureau-loaded', t.afterStore)
        between('dataset-loaded', 'store-read', t.replayAndView)
        between('bureau-read-start', 'bureau-read', t.readUnits)
        between('bureau-read', 'bureau-loaded', t.rowsAndDraw)
        for (const key of ['rate', 'gapVsThreshold', 'rate']) {
          t.sort.push(await page.evaluate(async (k) => {
            const started = performance.now()
            ;/** @type {HTMLElement} */ (document.querySelector(`th[data-sort="${k}"]`)).click()
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
            return performance.now() - started
          }, key))
        }
        for (const delta of [-1, -2, 0]) {
          t.month.push(await page.evaluate(async (d) => {
            const select = /** @type {HTMLSelectElement} */ (document.querySelector('select[data-role="bureau-month"]'))
            const latest = Math.max(...[...select.options].map((o) => Number(o.value)))
            const started = performance.now()
            const wanted = String(latest + d)
            select.value = wanted
            select.dispatchEvent(new Event('change'))
            // the month's rows are on the table once its series are read: wait for them, then for their paint
            await new Promise((resolve) => {
              // (a page that draws the month at once has no data-month: nothing to wait for)
              const check = () =>
                (document.querySelector('table[data-month]')?.getAttribute('data-month') ?? wanted) === wanted ? resolve(null) : requestAnimationFrame(check)
              check()
            })
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
            return performance.now() - started
          }, delta))
        }
        t.open.push(await openRow(page, 0))
        const openMarks = await page.evaluate(() => ['jx:unit-open', 'jx:unit-read'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null))
        if (openMarks[0] != null && openMarks[1] != null) t.openRead.push(openMarks[1] - openMarks[0])
        // as a mouse opens one: back on the bureau page, another unit's row pointed at for 300 ms, then pressed (the
        // page reads a row's unit once it is pointed at for 120 ms)
        await page.goBack()
        await page.waitForFunction(() => location.hash.startsWith('#/bureau') && document.documentElement.getAttribute('data-ready') === 'true' && document.querySelectorAll('tbody tr').length > 1, undefined, { timeout: 60_000 })
        const box = await page.locator('tbody tr').nth(1).boundingBox()
        if (box === null) throw new Error('the bureau page has no second row to point at')
        await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2, { steps: 4 })
        await page.waitForTimeout(300)
        t.openPointed.push(await openRow(page, 1))
      } finally {
        await opened.context.close()
      }
    }
  } finally {
    await server.close()
    await rm(root, { recursive: true, force: true })
  }
  const stats = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, summarize(v)]))
  return {
    units: UNITS,
    stats,
    samples: t,
    rows: /** @type {Array<[string, string]>} */ ([
      [`${UNITS} units: bureau page ready after DuckDB ready`, formatSpread(stats.afterDuckdb)],
      ['  of which: the checked tables loaded (DuckDB ready → loaded)', formatSpread(stats.tablesLoaded)],
      ['  of which: store loaded → bureau page drawn', formatSpread(stats.afterStore)],
      ['    batches replayed, unit on screen read', formatSpread(stats.replayAndView)],
      ['    every unit of both years read (readScopes)', formatSpread(stats.readUnits)],
      ['    rows, 自评 and table computed and drawn', formatSpread(stats.rowsAndDraw)],
      ['sort a column and paint', formatSpread(stats.sort)],
      ['switch the month and paint', formatSpread(stats.month)],
      ['open a unit (its overview drawn)', formatSpread(stats.open)],
      ['  of which: its year and last year read', formatSpread(stats.openRead)],
      ['open another, pointed at for 300 ms first (as a mouse does)', formatSpread(stats.openPointed)],
    ]),
  }
}

/**
 * Presses the bureau table's row `index` and times it until the unit's overview is drawn (the ready signal).
 * @param {import('playwright-core').Page} page @param {number} index
 */
function openRow(page, index) {
  return page.evaluate(async (i) => {
    const started = performance.now()
    ;/** @type {HTMLElement} */ (document.querySelectorAll('tbody tr')[i]).click()
    await new Promise((resolve) => {
      const check = () =>
        location.hash.startsWith('#/?') && document.documentElement.getAttribute('data-ready') === 'true'
          ? resolve(null)
          : requestAnimationFrame(check)
      requestAnimationFrame(check)
    })
    return performance.now() - started
  }, index)
}

export default { name: 'bureau', run }
