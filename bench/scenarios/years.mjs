// Issue 12: switching the year on the overview and painting it, and a cold start with three years loaded against
// one, side by side in one run on the same build.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStaticServer } from '../../scripts/static-server.mjs'
import { formatSpread, openPage, summarize, waitReady } from '../lib.mjs'

/** A copy of the build whose data/index.json lists `years` (2022 is 2023's sample moved back a year). */
async function variant(distDir, years) {
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
  // no shipped snapshot: the comparison is of loading the data, which a snapshot would hide
  await rm(join(data, 'snapshot.json'), { force: true })
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

/** @param {import('../lib.mjs').ScenarioContext} context */
async function run({ browser, runs, distDir }) {
  const roots = { one: await variant(distDir, [2024]), three: await variant(distDir, [2022, 2023, 2024]) }
  const servers = { one: await startStaticServer({ root: roots.one }), three: await startStaticServer({ root: roots.three }) }
  /** @type {Record<'one' | 'three', number[]>} */
  const loaded = { one: [], three: [] }
  /** @type {number[]} */
  const switches = []
  try {
    for (let i = 0; i < runs; i++) {
      for (const kind of /** @type {const} */ (['one', 'three'])) {
        const opened = await openPage(browser, servers[kind].url, '#/')
        try {
          await waitReady(opened.page)
          await opened.page.waitForFunction(() => performance.getEntriesByName('jx:store-read').length > 0, undefined, { timeout: 120_000 })
          loaded[kind].push(/** @type {number} */ (await opened.page.evaluate(() => performance.getEntriesByName('jx:store-read')[0]?.startTime)))
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
  const one = summarize(loaded.one)
  const three = summarize(loaded.three)
  const switchStats = summarize(switches)
  const slower = one.median && three.median ? three.median / one.median - 1 : null
  return {
    loaded: { one, three, slower },
    yearSwitch: switchStats,
    samples: { loaded, switches },
    rows: /** @type {Array<[string, string]>} */ ([
      ['switch the year and paint (median of all switches)', formatSpread(switchStats)],
      ['cold start, 1 year → DuckDB figures', formatSpread(one)],
      ['cold start, 3 years → DuckDB figures', formatSpread(three)],
      ['3 years against 1', slower === null ? '—' : `${(slower * 100).toFixed(1)}% slower (medians)`],
    ]),
  }
}

export default { name: 'years', run }
