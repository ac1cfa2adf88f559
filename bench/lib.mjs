// Shared by the benchmark runner and its scenarios (bench/scenarios/*.mjs).
import { gzipSync } from 'node:zlib'

/**
 * A scenario file default-exports or exports `scenario`:
 * @typedef {object} Scenario
 * @property {string} name what `npm run bench -- <name>` selects
 * @property {(context: ScenarioContext) => Promise<ScenarioResult>} run
 *
 * @typedef {object} ScenarioContext
 * @property {import('playwright-core').Browser} browser shared by all scenarios; open a new context per run
 * @property {string} baseUrl the built app, `http://127.0.0.1:<port>/`
 * @property {number} runs how many repetitions (BENCH_RUNS, default 7)
 * @property {string} distDir the built app on disk
 *
 * @typedef {object} ScenarioResult  anything JSON-serialisable; `rows` is what the runner prints
 * @property {Array<[string, string]>} rows [label, value] lines for the printed table
 */

export const DEFAULT_VIEWPORT = { width: 1920, height: 1080 }

/**
 * @param {number[]} values
 * @returns {number | null}
 */
export function median(values) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Median, min and max of the numbers among values (nulls are left out: a mark the app did not set).
 * @param {Array<number | null | undefined>} values
 */
export function summarize(values) {
  const numbers = values.filter(/** @returns {v is number} */ (v) => typeof v === 'number' && Number.isFinite(v))
  if (numbers.length === 0) return { median: null, min: null, max: null, n: 0 }
  return { median: median(numbers), min: Math.min(...numbers), max: Math.max(...numbers), n: numbers.length }
}

/**
 * `1234 ms (1180–1310)`, or `—` when nothing was measured.
 * @param {{ median: number | null, min: number | null, max: number | null, n: number }} stats
 * @param {string} [unit]
 */
export function formatSpread(stats, unit = 'ms') {
  if (stats.median === null || stats.min === null || stats.max === null) return '—'
  const r = (/** @type {number} */ v) => Math.round(v).toString()
  return stats.n > 1 ? `${r(stats.median)} ${unit} (${r(stats.min)}–${r(stats.max)})` : `${r(stats.median)} ${unit}`
}

/** @param {number} bytes */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`
}

/** @param {Buffer | Uint8Array} content */
export function gzipSize(content) {
  return gzipSync(content, { level: 9 }).length
}

/**
 * Records, in the page, when `<html data-ready>` becomes "true", for apps (or pages) that set the attribute
 * but not the `jx:ready` mark. Runs before any page script.
 */
function observeReadyAttribute() {
  const record = () => {
    if (document.documentElement.getAttribute('data-ready') === 'true' && !('__jxReadyObservedAt' in window)) {
      Object.assign(window, { __jxReadyObservedAt: performance.now() })
    }
  }
  // <html> does not exist yet when init scripts run, so watch the whole document.
  new MutationObserver(record).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] })
}

/**
 * Opens hashPath in a page of `context` (or of a new context with the given viewport).
 * @param {import('playwright-core').Browser} browser
 * @param {string} baseUrl
 * @param {string} [hashPath]
 * @param {{ viewport?: { width: number, height: number }, context?: import('playwright-core').BrowserContext }} [options]
 */
export async function openPage(browser, baseUrl, hashPath = '#/', { viewport = DEFAULT_VIEWPORT, context } = {}) {
  const ownContext = context ?? (await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }))
  const page = await ownContext.newPage()
  await page.addInitScript(observeReadyAttribute)
  /** @type {string[]} */
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const hash = hashPath.startsWith('#') ? hashPath : `#${hashPath}`
  await page.goto(new URL(hash, baseUrl).href, { waitUntil: 'commit' })
  return { page, context: ownContext, pageErrors }
}

/**
 * Waits for `<html data-ready="true">`, never a fixed sleep.
 * @param {import('playwright-core').Page} page
 */
export async function waitReady(page, timeout = 120_000) {
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout })
}

/**
 * The app's performance marks and paint timings of the current document, in ms from navigation start.
 * `ready` is the `jx:ready` mark, or when data-ready was seen if the app sets no mark (`readySource` tells).
 * @param {import('playwright-core').Page} page
 */
export async function readMarks(page) {
  return page.evaluate(() => {
    const mark = (/** @type {string} */ name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null
    const paint = (/** @type {string} */ name) =>
      performance.getEntriesByType('paint').find((entry) => entry.name === name)?.startTime ?? null
    const navigation = /** @type {PerformanceNavigationTiming | undefined} */ (
      performance.getEntriesByType('navigation')[0]
    )
    const readyMark = mark('jx:ready')
    const observed = /** @type {{ __jxReadyObservedAt?: number }} */ (/** @type {unknown} */ (window)).__jxReadyObservedAt
    return {
      ready: readyMark ?? observed ?? null,
      readySource: readyMark !== null ? 'mark' : observed !== undefined ? 'data-ready attribute' : 'none',
      duckdbReady: mark('jx:duckdb-ready'),
      firstPaint: paint('first-paint'),
      firstContentfulPaint: paint('first-contentful-paint'),
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? null,
    }
  })
}
