import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { distDir } from '../../scripts/build-app.mjs'
import { startStaticServer } from '../../scripts/static-server.mjs'
import { launchBrowser, openPage, screenshot, waitReady } from './browser'

// The seed's headline goals: 招商引资 and 经济运行.
const HEADLINE = ['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08', 'D09']
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const screenAttr = (page: Page, name: string) => page.getAttribute('[data-role="screen"]', name)
const turns = async (page: Page) => Number(await screenAttr(page, 'data-turns'))

/** Where the 1920×1080 stage lands in the window, and whether the document could scroll. */
function measureFit(page: Page) {
  return page.evaluate(() => {
    const stage = document.querySelector('[data-role="screen-stage"]')!.getBoundingClientRect()
    const root = document.scrollingElement!
    return {
      stage: { left: stage.left, top: stage.top, right: stage.right, bottom: stage.bottom, width: stage.width, height: stage.height },
      viewport: { width: window.innerWidth, height: window.innerHeight },
      scrolls: root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight,
      overflow: getComputedStyle(document.documentElement).overflow,
      cursor: getComputedStyle(document.querySelector('[data-role="screen"]')!).cursor,
    }
  })
}

describe.each(VIEWPORTS)('the wall screen at $width×$height', (viewport) => {
  it('fits the 1920×1080 canvas letterboxed with no scrollbars and shows every headline goal on a page', async () => {
    const opened = await openPage(browser, inject('baseUrl'), '#/screen?interval=600', { viewport })
    const { page } = opened
    try {
      await waitReady(page)
      const fit = await measureFit(page)
      const scale = Math.min(viewport.width / 1920, viewport.height / 1080)
      expect(fit.stage.width).toBeCloseTo(1920 * scale, 0)
      expect(fit.stage.height).toBeCloseTo(1080 * scale, 0)
      expect(fit.stage.left).toBeGreaterThanOrEqual(-0.5)
      expect(fit.stage.top).toBeGreaterThanOrEqual(-0.5)
      expect(fit.stage.right).toBeLessThanOrEqual(viewport.width + 0.5)
      expect(fit.stage.bottom).toBeLessThanOrEqual(viewport.height + 0.5)
      // centred: the letterbox bars on either side are equal
      expect(fit.stage.left).toBeCloseTo(viewport.width - fit.stage.right, 0)
      expect(fit.stage.top).toBeCloseTo(viewport.height - fit.stage.bottom, 0)
      expect(fit.scrolls).toBe(false)
      expect(fit.cursor).toBe('none')

      const pages = Number(await screenAttr(page, 'data-pages'))
      const seen = new Set<string>()
      for (let i = 0; i < pages; i++) {
        await page.waitForSelector(`[data-role="screen"][data-page="${i}"]`, { state: 'attached' })
        for (const id of await page.$$eval('[data-indicator]', (els) => els.map((e) => e.getAttribute('data-indicator') ?? ''))) seen.add(id)
        expect((await measureFit(page)).scrolls).toBe(false)
        await page.waitForTimeout(150)
        await screenshot(page, `screen-${viewport.width}x${viewport.height}-page${i + 1}`)
        await page.keyboard.press('ArrowRight')
      }
      expect(HEADLINE.filter((id) => !seen.has(id))).toEqual([])
      expect(opened.pageErrors).toEqual([])
      expect(opened.consoleErrors).toEqual([])
      expect(opened.foreignRequests()).toEqual([])
    } finally {
      await opened.close()
    }
  })
})

describe('the wall screen', () => {
  it('shows the header: the park, the year, 数据截至 and a clock', async () => {
    const opened = await openPage(browser, inject('baseUrl'), '#/screen?interval=600', { viewport: { width: 1920, height: 1080 } })
    try {
      await waitReady(opened.page)
      expect(await opened.page.textContent('[data-role="organisation"]')).toBe('曹妃甸区装备制造园区管理委员会')
      expect(await opened.page.textContent('[data-role="year"]')).toBe('2024年度')
      expect(await opened.page.textContent('[data-role="as-of"]')).toMatch(/数据截至 2024年\d+月/)
      expect(await opened.page.textContent('[data-role="clock"]')).toMatch(/\d\d:\d\d/)
    } finally {
      await opened.close()
    }
  })

  it('turns the pages on the interval from the URL, starting at the page it names', async () => {
    const still = await openPage(browser, inject('baseUrl'), '#/screen?interval=600&page=2', { viewport: { width: 1366, height: 768 } })
    try {
      await waitReady(still.page)
      expect(await still.page.$('[data-page-kind="group"][data-group="招商引资"]')).not.toBeNull()
    } finally {
      await still.close()
    }
    const turning = await openPage(browser, inject('baseUrl'), '#/screen?interval=0.3', { viewport: { width: 1366, height: 768 } })
    try {
      await waitReady(turning.page)
      await turning.page.waitForFunction(() => Number(document.querySelector('[data-role="screen"]')?.getAttribute('data-turns')) >= 2)
    } finally {
      await turning.close()
    }
  })

  it('pauses and resumes with Space, steps with the arrows and jumps with digits', async () => {
    const opened = await openPage(browser, inject('baseUrl'), '#/screen?interval=0.3', { viewport: { width: 1366, height: 768 } })
    const { page } = opened
    try {
      await waitReady(page)
      await page.keyboard.press('Space')
      expect(await screenAttr(page, 'data-paused')).toBe('true')
      await page.waitForSelector('[data-role="paused"]')
      const before = await turns(page)
      const pageBefore = await screenAttr(page, 'data-page')
      await page.waitForTimeout(1000)
      expect(await turns(page)).toBe(before)
      await page.keyboard.press('4')
      expect(await screenAttr(page, 'data-page')).toBe('3')
      await page.waitForSelector('[data-page-kind="spending"]')
      await page.keyboard.press('ArrowLeft')
      expect(await screenAttr(page, 'data-page')).toBe('2')
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      expect(await screenAttr(page, 'data-page')).toBe('4')
      expect(pageBefore).not.toBeNull()
      await page.keyboard.press('Space')
      expect(await screenAttr(page, 'data-paused')).toBe('false')
      const resumed = await turns(page)
      await page.waitForFunction((n) => Number(document.querySelector('[data-role="screen"]')?.getAttribute('data-turns')) > n, resumed)
    } finally {
      await opened.close()
    }
  })

  it('gives the page back its scrollbars and cursor when it leaves the screen', async () => {
    const opened = await openPage(browser, inject('baseUrl'), '#/screen?interval=600')
    const { page } = opened
    try {
      await waitReady(page)
      expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).toBe('hidden')
      await page.evaluate(() => (location.hash = '#/'))
      await page.waitForSelector('[data-role="screen"]', { state: 'detached' })
      expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).not.toBe('hidden')
      expect(await page.evaluate(() => document.documentElement.classList.contains('jx-screen-mode'))).toBe(false)
    } finally {
      await opened.close()
    }
  })
})

describe('the wall screen watching the data folder', () => {
  let root: string
  let server: { url: string; close(): Promise<void> }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jx-screen-'))
    await cp(distDir, root, { recursive: true })
    server = await startStaticServer({ root })
  })
  afterAll(async () => {
    await server?.close()
    if (root) await rm(root, { recursive: true, force: true })
  })

  it('shows new figures exported into data/ without a reload, and keeps them when an export is broken', async () => {
    const actualsFile = join(root, 'data', '2024', 'actuals.csv')
    const original = await readFile(actualsFile, 'utf8')
    expect(original).toContain('D02,2024-10,93.0,亿元')
    const opened = await openPage(browser, server.url, '#/screen?interval=600&check=0.3', { viewport: { width: 1920, height: 1080 } })
    const { page } = opened
    const investment = '[data-indicator="D02"] [data-role="actual"]'
    try {
      await waitReady(page)
      expect(await page.textContent(investment)).toBe('93.00 亿元')
      await page.evaluate(() => Object.assign(window, { __screenNotReloaded: true }))
      const version = Number(await screenAttr(page, 'data-version'))
      await page.waitForFunction(() => Number(document.querySelector('[data-role="screen"]')?.getAttribute('data-checks')) >= 1)

      await writeFile(actualsFile, original.replace('D02,2024-10,93.0,亿元', 'D02,2024-10,99.0,亿元'))
      await page.waitForFunction((v) => Number(document.querySelector('[data-role="screen"]')?.getAttribute('data-version')) > v, version)
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === '99.00 亿元', investment)
      expect(await page.evaluate(() => (window as { __screenNotReloaded?: boolean }).__screenNotReloaded)).toBe(true)
      expect(await page.$('[data-role="stale"]')).toBeNull()

      await writeFile(actualsFile, original.replace('D02,2024-10,93.0,亿元', 'D02,2024-10,约99,亿元'))
      await page.waitForSelector('[data-role="stale"]')
      expect(await page.textContent('[data-role="stale"]')).toMatch(/数据更新失败，显示的是 \d\d:\d\d 的数据/)
      expect(await page.textContent(investment)).toBe('99.00 亿元')
      await screenshot(page, 'screen-reload-failed')
      expect(opened.pageErrors).toEqual([])
    } finally {
      await opened.close()
      await writeFile(actualsFile, original)
    }
  })
})
