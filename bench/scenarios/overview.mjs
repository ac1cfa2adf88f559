// Time to a usable overview (#/) at 1920×1080: cold in a fresh browser context, and warm on reload in the same one.
import { formatSpread, openPage, readMarks, summarize, waitReady } from '../lib.mjs'

/** @typedef {Awaited<ReturnType<typeof readMarks>>} Marks */

/** @param {import('../lib.mjs').ScenarioContext} context */
async function run({ browser, baseUrl, runs }) {
  /** @type {Marks[]} */
  const cold = []
  /** @type {Marks[]} */
  const warm = []
  /** @type {string[]} */
  const pageErrors = []

  for (let i = 0; i < runs; i += 1) {
    const opened = await openPage(browser, baseUrl, '#/')
    try {
      await waitReady(opened.page)
      cold.push(await readMarks(opened.page))
      await opened.page.reload({ waitUntil: 'commit' })
      await waitReady(opened.page)
      warm.push(await readMarks(opened.page))
      pageErrors.push(...opened.pageErrors)
    } finally {
      await opened.context.close()
    }
  }

  const pick = (/** @type {Marks[]} */ samples, /** @type {keyof Marks} */ key) =>
    samples.map((s) => /** @type {number | null} */ (s[key]))
  const stats = (/** @type {Marks[]} */ samples) => ({
    ready: summarize(pick(samples, 'ready')),
    duckdbReady: summarize(pick(samples, 'duckdbReady')),
    firstContentfulPaint: summarize(pick(samples, 'firstContentfulPaint')),
  })
  const coldStats = stats(cold)
  const warmStats = stats(warm)
  const comparable = cold.filter((s) => s.firstContentfulPaint !== null && s.duckdbReady !== null)
  const shellFirst = comparable.filter((s) => /** @type {number} */ (s.firstContentfulPaint) < /** @type {number} */ (s.duckdbReady))
  const readySources = [...new Set([...cold, ...warm].map((s) => s.readySource))]

  return {
    viewport: '1920x1080',
    readySources,
    cold: { ...coldStats, fcpBeforeDuckdbReady: comparable.length > 0 ? `${shellFirst.length}/${comparable.length}` : null },
    warm: warmStats,
    samples: { cold, warm },
    pageErrors,
    rows: /** @type {Array<[string, string]>} */ ([
      ['cold → ready', formatSpread(coldStats.ready)],
      ['cold → duckdb-ready', formatSpread(coldStats.duckdbReady)],
      ['cold → first contentful paint', formatSpread(coldStats.firstContentfulPaint)],
      [
        'cold: shell painted before DuckDB ready',
        comparable.length > 0 ? `${shellFirst.length}/${comparable.length} runs` : '— (no jx:duckdb-ready mark)',
      ],
      ['warm reload → ready', formatSpread(warmStats.ready)],
      ['warm reload → duckdb-ready', formatSpread(warmStats.duckdbReady)],
      ['warm reload → first contentful paint', formatSpread(warmStats.firstContentfulPaint)],
      ['ready measured by', readySources.join(', ')],
      ...(pageErrors.length > 0 ? /** @type {Array<[string, string]>} */ ([['page errors', String(pageErrors.length)]]) : []),
    ]),
  }
}

export default { name: 'overview', run }
