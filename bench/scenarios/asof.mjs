// Switching 数据截至 on the overview (#/) at 1920×1080: from the select's change event to the second animation frame
// after it, i.e. Vue has recomputed every card, light and chart option and the browser has painted once.
import { formatSpread, openPage, summarize, waitReady } from '../lib.mjs'

/**
 * One switch, timed inside the page so that no CDP round trip is counted.
 * @param {import('playwright-core').Page} page
 * @param {number} month
 */
function switchTo(page, month) {
  return page.evaluate(async (m) => {
    const select = /** @type {HTMLSelectElement} */ (document.querySelector('[data-role="as-of"]'))
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)))
    select.value = String(m)
    const started = performance.now()
    select.dispatchEvent(new Event('change', { bubbles: true }))
    await frame()
    await frame()
    const elapsed = performance.now() - started
    const label = document.querySelector('[data-role="as-of-label"]')?.textContent ?? ''
    return { elapsed, applied: label.endsWith(`-${String(m).padStart(2, '0')}`) }
  }, month)
}

/** @param {import('../lib.mjs').ScenarioContext} context */
async function run({ browser, baseUrl, runs }) {
  /** @type {number[]} */
  const samples = []
  /** @type {Record<number, number[]>} */
  const byMonth = {}
  /** @type {string[]} */
  const problems = []
  for (let i = 0; i < runs; i += 1) {
    const opened = await openPage(browser, baseUrl, '#/')
    try {
      await waitReady(opened.page)
      const months = (await opened.page.$$eval('[data-role="as-of"] option', (os) => os.map((o) => Number(o.getAttribute('value') ?? o.textContent))))
        .filter((m) => Number.isFinite(m))
      const latest = Math.max(...months)
      // every earlier month going back, then the latest again
      for (const m of [...months.filter((x) => x !== latest).sort((a, b) => b - a), latest]) {
        const { elapsed, applied } = await switchTo(opened.page, m)
        if (!applied) problems.push(`run ${i + 1}: month ${m} not applied`)
        samples.push(elapsed)
        ;(byMonth[m] ??= []).push(elapsed)
      }
      problems.push(...opened.pageErrors)
    } finally {
      await opened.context.close()
    }
  }
  const all = summarize(samples)
  const runMedians = Object.values(byMonth).map((v) => summarize(v).median)
  const worstMonth = Object.entries(byMonth)
    .map(([m, v]) => [Number(m), summarize(v).median ?? 0])
    .sort((a, b) => b[1] - a[1])[0]
  return {
    viewport: '1920x1080',
    all,
    byMonth: Object.fromEntries(Object.entries(byMonth).map(([m, v]) => [m, summarize(v)])),
    problems,
    rows: /** @type {Array<[string, string]>} */ ([
      ['switch 数据截至 → painted (all switches)', formatSpread(all)],
      ['switches measured', String(all.n)],
      ['slowest month (median)', worstMonth ? `${worstMonth[0]}月: ${Math.round(worstMonth[1])} ms` : '—'],
      ['per-month medians', formatSpread(summarize(runMedians))],
      ['aim', '< 200 ms'],
      ...(problems.length ? /** @type {Array<[string, string]>} */ ([['problems', problems.join('; ')]]) : []),
    ]),
  }
}

export default { name: 'asof', run }
