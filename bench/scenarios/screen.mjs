// The wall screen (#/screen) at 1920×1080: one cold open, then warm reloads in the same browser context (the
// meeting-room PC's case after a restart of its browser tab), navigation → `jx:ready` each time.
import { formatSpread, openPage, readMarks, summarize, waitReady } from '../lib.mjs'

const RELOADS = 7

/** @param {import('../lib.mjs').ScenarioContext} context */
async function run({ browser, baseUrl, runs }) {
  /** @type {Awaited<ReturnType<typeof readMarks>>[]} */
  const cold = []
  /** @type {Awaited<ReturnType<typeof readMarks>>[]} */
  const warm = []
  /** @type {string[]} */
  const pageErrors = []
  // a long interval: the first page stays while it is measured
  const hash = '#/screen?interval=600'
  const contexts = Math.max(1, Math.ceil(runs / RELOADS))

  for (let i = 0; i < contexts; i += 1) {
    const opened = await openPage(browser, baseUrl, hash)
    try {
      await waitReady(opened.page)
      cold.push(await readMarks(opened.page))
      for (let r = 0; r < RELOADS; r += 1) {
        await opened.page.reload({ waitUntil: 'commit' })
        await waitReady(opened.page)
        warm.push(await readMarks(opened.page))
      }
      pageErrors.push(...opened.pageErrors)
    } finally {
      await opened.context.close()
    }
  }

  const ready = (/** @type {typeof cold} */ s) => summarize(s.map((m) => m.ready))
  const duckdb = (/** @type {typeof cold} */ s) => summarize(s.map((m) => m.duckdbReady))
  const warmReady = ready(warm)
  return {
    viewport: '1920x1080',
    cold: { ready: ready(cold), duckdbReady: duckdb(cold) },
    warm: { ready: warmReady, duckdbReady: duckdb(warm) },
    budgetMs: 1500,
    withinBudget: warmReady.median !== null && warmReady.median <= 1500,
    samples: { cold, warm },
    pageErrors,
    rows: /** @type {Array<[string, string]>} */ ([
      ['cold → ready', formatSpread(ready(cold))],
      [`warm reload → ready (${warm.length} reloads)`, formatSpread(warmReady)],
      ['warm reload → duckdb-ready', formatSpread(duckdb(warm))],
      ['warm reload budget 1500 ms', warmReady.median !== null && warmReady.median <= 1500 ? 'met' : 'MISSED'],
      ...(pageErrors.length > 0 ? /** @type {Array<[string, string]>} */ ([['page errors', String(pageErrors.length)]]) : []),
    ]),
  }
}

export default { name: 'screen', run }
