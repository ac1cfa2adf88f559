// Every page of the office (overview, indicator, spending, 进度通报, links, the assessment forms) in Chinese and English,
// at 1920×1080 and 1366×768: no text clipped or spilling out of its box.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, openPage, screenshot, waitReady } from './browser'
import { textOverflows } from './overflow'

const PAGES = [
  '/',
  '/indicator/D02',
  '/indicator/D09',
  '/indicator/D13',
  '/spending',
  '/report',
  '/links',
  '/assessment',
  '/assessment/project/13020924P009874100020',
  '/assessment/project/13020924P00986710002R',
  '/assessment/project/13020924P00984510001C',
  '/assessment/monitoring',
  '/assessment/audit',
]
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe.each(SIZES)('at $width×$height', (viewport) => {
  it.each(['zh', 'en'] as const)('fits every text of every page in its box (%s)', { timeout: 600_000 }, async (lang) => {
    const opened = await openPage(browser, inject('baseUrl'), '#/', { viewport })
    const { page } = opened
    try {
      await waitReady(page)
      if (lang === 'en') await page.click('[data-role="language"]')
      const found: Record<string, unknown[]> = {}
      for (const path of PAGES) {
        // a fresh load per page: one route reused for another indicator keeps its first ready mark
        await page.goto(new URL(`#${path}`, inject('baseUrl')).href)
        await page.reload()
        await waitReady(page)
        const overflows = await textOverflows(page)
        if (overflows.length) found[path] = overflows
        await screenshot(page, `fit-${lang}-${viewport.width}-${path}`)
      }
      expect(found).toEqual({})
      expect(opened.pageErrors).toEqual([])
      expect(opened.foreignRequests()).toEqual([])
    } finally {
      await opened.close()
    }
  })
})
