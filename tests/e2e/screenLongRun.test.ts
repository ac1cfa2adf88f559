import { mkdir, writeFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { YOY_PANELS } from '../../src/components/screen/screenPages'
import { launchBrowser, openPage, waitReady } from './browser'

// A wall screen runs for days: turn the pages quickly for 200 full rotations and check that neither the JS heap
// nor the number of live ECharts instances (EChart.vue keeps them in globalThis.__jxCharts) grows.
const CYCLES = 200
const WARM_UP = 20
const SAMPLE_EVERY = 20

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const turnsOf = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('[data-role="screen"]')?.getAttribute('data-turns')))

it(`keeps the heap and the live charts flat over ${CYCLES} rotations`, { timeout: 900_000 }, async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/screen?interval=0.05', { viewport: { width: 1920, height: 1080 } })
  const { page } = opened
  const cdp = await page.context().newCDPSession(page)
  try {
    await waitReady(page)
    const pages = Number(await page.getAttribute('[data-role="screen"]', 'data-pages'))
    const samples: { cycle: number; heapMiB: number; liveCharts: number }[] = []
    let maxLive = 0
    for (let cycle = SAMPLE_EVERY; cycle <= CYCLES; cycle += SAMPLE_EVERY) {
      // count the live charts now and then while the pages turn
      while ((await turnsOf(page)) < cycle * pages) {
        maxLive = Math.max(maxLive, await page.evaluate(() => (globalThis as { __jxCharts?: Set<unknown> }).__jxCharts?.size ?? 0))
        await page.waitForTimeout(200)
      }
      await page.keyboard.press('Space')
      // measure on the same page every time: the heap differs by page (about 2 MiB between the lightest and heaviest)
      await page.keyboard.press('1')
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
      await cdp.send('HeapProfiler.collectGarbage')
      await cdp.send('HeapProfiler.collectGarbage')
      const { usedSize } = await cdp.send('Runtime.getHeapUsage')
      const liveCharts = await page.evaluate(() => (globalThis as { __jxCharts?: Set<unknown> }).__jxCharts?.size ?? 0)
      samples.push({ cycle, heapMiB: Math.round((usedSize / 1024 / 1024) * 100) / 100, liveCharts })
      await page.keyboard.press('Space')
    }
    const warm = samples.find((s) => s.cycle === WARM_UP)!
    const end = samples.at(-1)!
    const growth = (end.heapMiB - warm.heapMiB) / warm.heapMiB
    const report = { pages, cycles: CYCLES, turns: await turnsOf(page), samples, maxLiveCharts: maxLive, heapGrowthAfterWarmUp: Math.round(growth * 10000) / 100 }
    console.log(JSON.stringify(report))
    await mkdir(new URL('./.artifacts/', import.meta.url), { recursive: true })
    await writeFile(new URL('./.artifacts/screen-long-run.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`)

    expect(growth).toBeLessThan(0.2)
    // one page is on screen at a time: never more charts than the 同比 page's panels, and back to the overview's one
    expect(maxLive).toBeLessThanOrEqual(YOY_PANELS)
    expect(samples.every((s) => s.liveCharts <= 1)).toBe(true)
    expect(opened.pageErrors).toEqual([])
  } finally {
    await cdp.detach().catch(() => undefined)
    await opened.close()
  }
})
