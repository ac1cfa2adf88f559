// Issue 15: a cold browser opening the overview, with and without the snapshot the build ships beside the data
// (data/snapshot.json), side by side in one run on the same build: to the first figures (the ready signal) and to
// DuckDB ready; and the overview's startup JavaScript.
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStaticServer } from '../../scripts/static-server.mjs'
import { formatBytes, formatSpread, openPage, readMarks, summarize, waitReady } from '../lib.mjs'
import bundle from './bundle.mjs'

/** @param {import('../lib.mjs').ScenarioContext} context */
async function run({ browser, baseUrl, runs, distDir }) {
  // the same build without its snapshot: what a deployment gets when files were replaced and no snapshot made
  const bare = await mkdtemp(join(tmpdir(), 'jx-bench-nosnap-'))
  await cp(distDir, bare, { recursive: true })
  await rm(join(bare, 'data', 'snapshot.json'), { force: true })
  const bareServer = await startStaticServer({ root: bare })
  /** @type {Record<'with' | 'without', Array<Awaited<ReturnType<typeof readMarks>> & { figures: number | null; numbers: number | null }>>} */
  const samples = { with: [], without: [] }
  try {
    for (let i = 0; i < runs; i++) {
      // alternate, so that a slow minute of the machine falls on both
      for (const [kind, url] of /** @type {const} */ ([['with', baseUrl], ['without', bareServer.url]])) {
        const opened = await openPage(browser, url, '#/')
        try {
          await waitReady(opened.page)
          await opened.page.waitForFunction(() => performance.getEntriesByName('jx:store-read').length > 0, undefined, { timeout: 120_000 })
          const marks = await readMarks(opened.page)
          const [figures, numbers] = await opened.page.evaluate(() =>
            ['jx:ready', 'jx:snapshot-painted'].map((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null),
          )
          samples[kind].push({ ...marks, figures, numbers })
        } finally {
          await opened.context.close()
        }
      }
    }
  } finally {
    await bareServer.close()
    await rm(bare, { recursive: true, force: true })
  }
  const size = await bundle.run({ browser, baseUrl, runs, distDir })
  const stat = (/** @type {'with' | 'without'} */ kind, /** @type {'figures' | 'numbers' | 'duckdbReady'} */ key) =>
    summarize(samples[kind].map((s) => s[key]))
  const result = {
    withSnapshot: { numbers: stat('with', 'numbers'), figures: stat('with', 'figures'), duckdbReady: stat('with', 'duckdbReady') },
    withoutSnapshot: { figures: stat('without', 'figures'), duckdbReady: stat('without', 'duckdbReady') },
    initialJs: size.totals.initialJs,
    samples,
  }
  return {
    ...result,
    rows: /** @type {Array<[string, string]>} */ ([
      ['cold, shipped snapshot → its numbers painted', formatSpread(result.withSnapshot.numbers)],
      ['cold, shipped snapshot → first figures, charts drawn (ready)', formatSpread(result.withSnapshot.figures)],
      ['cold, shipped snapshot → DuckDB ready', formatSpread(result.withSnapshot.duckdbReady)],
      ['cold, no snapshot → first figures (ready)', formatSpread(result.withoutSnapshot.figures)],
      ['cold, no snapshot → DuckDB ready', formatSpread(result.withoutSnapshot.duckdbReady)],
      ['overview startup JS', `${formatBytes(size.totals.initialJs.gzip)} gzip (${size.totals.initialJs.count} files)`],
      [
        'workbook and Word libraries at startup',
        size.files.some((f) => f.initial && /exceljs|docx-library/i.test(f.path)) ? 'LOADED (regression)' : 'not loaded',
      ],
    ]),
  }
}

export default { name: 'coldstart', run }
