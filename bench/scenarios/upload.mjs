// Uploads on the data page (#/data), through the real <input type=file>:
//  - a 100-row monthly actuals file, pick → preview;
//  - a 1,000,000-row payment ledger (~50 MB, generated in /tmp), pick → preview → 应用 → dataset refreshed and painted;
//  - side by side in the same page: papaparse (header + dynamicTyping) on the same file plus a JS sum by project-month.
// BENCH_LEDGER_ROWS changes the ledger size (e.g. 5000000 for the memory check).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { makeLedger } from '../../scripts/make-ledger.mjs'
import { formatSpread, openPage, summarize, waitReady } from '../lib.mjs'

const require = createRequire(import.meta.url)

/** 100 rows of 完成值 for ids of the embedded 指标, months 1–12, no 单位 (values in the target's unit). */
function makeActuals(projectRoot) {
  const ids = readFileSync(join(projectRoot, 'data/2024/indicators.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(',')[0])
  const rows = []
  for (let month = 1; month <= 12 && rows.length < 100; month++) {
    for (const id of ids) if (rows.length < 100) rows.push(`${id},2024-${String(month).padStart(2, '0')},${(month * 1.5).toFixed(2)},累计`)
  }
  const out = '/tmp/bench_actuals_100.csv'
  writeFileSync(out, `\uFEFF指标编码,月份,完成值,数据口径\r\n${rows.join('\r\n')}\r\n`)
  return out
}

const markTime = (page, name) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'mark').at(-1)?.startTime ?? null, name)

/** papaparse and a JS aggregation over the same file, in the page. */
async function papaparseRun(page, ledgerPath) {
  await page.evaluate(() => {
    const input = document.createElement('input')
    input.type = 'file'
    input.id = 'bench-file'
    document.body.append(input)
  })
  await page.setInputFiles('#bench-file', ledgerPath)
  return page.evaluate(async () => {
    const started = performance.now()
    const file = /** @type {HTMLInputElement} */ (document.getElementById('bench-file')).files[0]
    const text = new TextDecoder().decode(await file.arrayBuffer())
    // @ts-expect-error papaparse is evaluated in the page by the benchmark
    const parsed = window.Papa.parse(text, { header: true, dynamicTyping: true, skipEmptyLines: true })
    const sums = new Map()
    for (const row of parsed.data) {
      const date = String(row['支付日期'])
      const m = /^(\d{4})\D(\d{1,2})\D/.exec(date)
      const amount = typeof row['金额'] === 'number' ? row['金额'] : Number(String(row['金额']).replaceAll(',', ''))
      const key = `${row['项目编码']}|${m?.[1]}|${Number(m?.[2])}`
      sums.set(key, (sums.get(key) ?? 0) + amount)
    }
    document.getElementById('bench-file')?.remove()
    return { ms: performance.now() - started, rows: parsed.data.length, groups: sums.size }
  })
}

/** @param {import('../lib.mjs').ScenarioContext} context */
async function run({ browser, baseUrl, runs }) {
  const projectRoot = new URL('../../', import.meta.url).pathname
  const ledgerRows = Number(process.env.BENCH_LEDGER_ROWS ?? 1_000_000)
  const ledgerPath = `/tmp/ledger_${ledgerRows}.csv`
  if (!existsSync(ledgerPath)) await makeLedger(ledgerRows, ledgerPath)
  const ledgerBytes = readFileSync(ledgerPath).length
  const actualsPath = makeActuals(projectRoot)
  const papaparse = readFileSync(require.resolve('papaparse/papaparse.min.js'), 'utf8')
  const withPapa = ledgerRows <= 2_000_000

  const actualsPreview = []
  const ledgerPreview = []
  const ledgerApplied = []
  const ledgerSummed = []
  const papa = []
  const pageErrors = []
  let sourceRows = null
  for (let i = 0; i < runs; i++) {
    const opened = await openPage(browser, baseUrl, '#/data')
    const { page } = opened
    try {
      await waitReady(page)
      await page.waitForFunction(() => document.querySelector('[data-role="export-all"]:not([disabled])'))

      await page.setInputFiles('[data-role="file-input"]', actualsPath)
      await page.waitForSelector('[data-role="upload-card"][data-status="ready"]', { timeout: 30_000 })
      actualsPreview.push((await markTime(page, 'jx:upload-preview')) - (await markTime(page, 'jx:upload-picked')))
      await page.click('[data-role="upload-card"] [data-role="cancel"]')

      await page.setInputFiles('[data-role="file-input"]', ledgerPath)
      await page.waitForSelector('[data-role="upload-card"][data-status="ready"]', { timeout: 300_000 })
      const picked = await markTime(page, 'jx:upload-picked')
      ledgerPreview.push((await markTime(page, 'jx:upload-preview')) - picked)
      // the same work as the papaparse column: read the file, decode, parse and sum by project and month
      ledgerSummed.push((await markTime(page, 'jx:upload-checking')) - picked)
      await page.click('[data-role="upload-card"] [data-role="apply"]')
      await page.waitForSelector('[data-role="batch"]', { timeout: 120_000 })
      // applied = the dataset re-read and `version` bumped; then one frame so the new figures are painted
      const painted = await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))),
      )
      ledgerApplied.push(painted - picked)
      sourceRows = await page.locator('[data-role="batch"]').first().textContent()

      if (withPapa) {
        // evaluated, not added as an inline <script>: the app's Content-Security-Policy refuses inline scripts
        await page.evaluate(papaparse)
        papa.push(await papaparseRun(page, ledgerPath))
      }
      pageErrors.push(...opened.pageErrors)
    } finally {
      await opened.context.close()
    }
  }
  const actualsStats = summarize(actualsPreview)
  const previewStats = summarize(ledgerPreview)
  const appliedStats = summarize(ledgerApplied)
  const papaStats = summarize(papa.map((p) => p.ms))
  const summedStats = summarize(ledgerSummed)
  const ratio = papaStats.median && appliedStats.median ? papaStats.median / appliedStats.median : null
  const parseRatio = papaStats.median && summedStats.median ? papaStats.median / summedStats.median : null
  return {
    ledgerRows,
    ledgerBytes,
    samples: { actualsPreview, ledgerPreview, ledgerSummed, ledgerApplied, papaparse: papa },
    batch: sourceRows,
    pageErrors,
    rows: [
      ['100-row actuals: pick → preview', formatSpread(actualsStats)],
      [`${ledgerRows.toLocaleString('en')}-row ledger (${(ledgerBytes / 1e6).toFixed(1)} MB): pick → preview`, formatSpread(previewStats)],
      ['ledger: pick → applied, dataset refreshed, painted', formatSpread(appliedStats)],
      ...(withPapa
        ? [
            ['papaparse + JS sum, same file, same page', formatSpread(papaStats)],
            ['papaparse ÷ app, pick → applied and painted (medians)', ratio ? `${ratio.toFixed(1)}×` : '—'],
            ['ledger: pick → read, parsed and summed by DuckDB', formatSpread(summedStats)],
            ['papaparse ÷ app, the same work: read, parse, sum (medians)', parseRatio ? `${parseRatio.toFixed(1)}×` : '—'],
          ]
        : []),
      ...(pageErrors.length ? [['page errors', pageErrors.join(' | ').slice(0, 300)]] : []),
    ],
  }
}

export default { name: 'upload', run }
