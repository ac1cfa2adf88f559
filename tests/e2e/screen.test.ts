import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { distDir } from '../../scripts/build-app.mjs'
import { startStaticServer } from '../../scripts/static-server.mjs'
import { LIGHT_COLORS } from '../../src/charts/lightColors'
import { SCREEN_MIN_FONT } from '../../src/charts/screenTheme'
import { launchBrowser, openPage, screenshot, waitReady, type OpenedPage } from './browser'
import { textOverflows, textSmallerThan } from './textOverflow'

// Every department goal of the seed's 2024 targets: 招商引资, 经济运行, 城市建管 (judged), 社会稳定 (zero events).
const GOALS_2024 = Array.from({ length: 15 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`)
const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 3840, height: 2160 },
]
const LANGS = ['zh', 'en'] as const
const LIGHTS = [LIGHT_COLORS.red, LIGHT_COLORS.yellow, LIGHT_COLORS.green, LIGHT_COLORS.blue]

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const screenAttr = (page: Page, name: string) => page.getAttribute('[data-role="screen"]', name)
const turns = async (page: Page) => Number(await screenAttr(page, 'data-turns'))
const pageKinds = async (page: Page) => ((await screenAttr(page, 'data-page-kinds')) ?? '').split(' ')

/** The wall screen in a language, `query` after `#/screen?`: the language is set as the header's button leaves it. */
async function openScreen(query: string, { lang = 'zh', viewport = { width: 1920, height: 1080 }, base = inject('baseUrl') }: {
  lang?: 'zh' | 'en'
  viewport?: { width: number; height: number }
  base?: string
} = {}): Promise<OpenedPage> {
  const opened = await openPage(browser, base, `#/screen?${query}`, { viewport })
  if (lang !== 'zh') {
    await opened.page.evaluate((l) => localStorage.setItem('jixiao:settings', JSON.stringify({ lang: l })), lang)
    await opened.page.reload()
  }
  await waitReady(opened.page)
  return opened
}

/** Shows page `index` (0-based) and waits until all its charts are drawn. */
async function showPage(page: Page, index: number): Promise<void> {
  if (Number(await screenAttr(page, 'data-page')) !== index) await page.keyboard.press(String(index + 1))
  await page.waitForSelector(`[data-role="screen"][data-page="${index}"][data-drawn="${index}"]`, { state: 'attached' })
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

/** Where the 1920×1080 stage lands in the window, and whether the document could scroll. */
function measureFit(page: Page) {
  return page.evaluate(() => {
    const stage = document.querySelector('[data-role="screen-stage"]')!.getBoundingClientRect()
    const root = document.scrollingElement!
    return {
      stage: { left: stage.left, top: stage.top, right: stage.right, bottom: stage.bottom, width: stage.width, height: stage.height },
      scrolls: root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight,
      cursor: getComputedStyle(document.querySelector('[data-role="screen"]')!).cursor,
    }
  })
}

describe.each(VIEWPORTS)('the wall screen at $width×$height', (viewport) => {
  it.each(LANGS)('in %s fits the canvas, cuts no text, writes nothing below the floor size, and shows every goal of the year', async (lang) => {
    const opened = await openScreen('interval=3600', { lang, viewport })
    const { page } = opened
    try {
      const fit = await measureFit(page)
      const scale = Math.min(viewport.width / 1920, viewport.height / 1080)
      expect(fit.stage.width).toBeCloseTo(1920 * scale, 0)
      expect(fit.stage.height).toBeCloseTo(1080 * scale, 0)
      // centred: the letterbox bars on either side are equal
      expect(fit.stage.left).toBeCloseTo(viewport.width - fit.stage.right, 0)
      expect(fit.stage.top).toBeCloseTo(viewport.height - fit.stage.bottom, 0)
      expect(fit.cursor).toBe('none')

      const pages = Number(await screenAttr(page, 'data-pages'))
      const seen = new Set<string>()
      for (let i = 0; i < pages; i++) {
        await showPage(page, i)
        const where = `${lang} ${viewport.width}×${viewport.height} page ${i + 1}`
        expect((await measureFit(page)).scrolls, where).toBe(false)
        expect(await textOverflows(page), where).toEqual([])
        expect(await textSmallerThan(page, SCREEN_MIN_FONT, '[data-role="screen"]'), where).toEqual([])
        for (const id of await page.$$eval('[data-indicator]', (els) => els.map((e) => e.getAttribute('data-indicator') ?? ''))) seen.add(id)
        await screenshot(page, `screen-${lang}-${viewport.width}x${viewport.height}-page${i + 1}`)
      }
      expect(GOALS_2024.filter((id) => !seen.has(id))).toEqual([])
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
    const opened = await openScreen('interval=600')
    try {
      expect(await opened.page.textContent('[data-role="organisation"]')).toBe('曹妃甸区装备制造园区管理委员会')
      expect(await opened.page.textContent('[data-role="year"]')).toBe('2024年度')
      expect(await opened.page.textContent('[data-role="as-of"]')).toMatch(/数据截至 2024年\d+月/)
      expect(await opened.page.textContent('[data-role="clock"]')).toMatch(/\d\d:\d\d/)
    } finally {
      await opened.close()
    }
  })

  it('shows the judged goals with their month and the safety goals as their count against 不发生', async () => {
    const opened = await openScreen('interval=3600')
    const { page } = opened
    try {
      // the safety goals are on the first page a meeting sees
      expect(await page.textContent('[data-role="safety"] [data-indicator="D14"]')).toContain('0 起')
      await showPage(page, (await pageKinds(page)).indexOf('status'))
      expect(await page.textContent('[data-indicator="D13"] [data-role="status"]')).toBe('部分达成')
      expect(await page.textContent('[data-indicator="D13"] [data-role="judged-in"]')).toBe('10月评定')
      expect(await page.textContent('[data-indicator="D14"] [data-role="status"]')).toBe('0 起')
      expect(await page.textContent('[data-indicator="D14"]')).toContain('目标 不发生')
      // a month per cell, in the light it ended with: D12 slipped to 部分达成 in July
      const months = await page.$$eval('[data-indicator="D12"] [data-month-light]', (els) => els.map((e) => e.getAttribute('data-month-light')))
      expect(months.slice(4, 8)).toEqual(['green', 'green', 'yellow', 'green'])
      expect(months.slice(10)).toEqual(['none', 'none'])
    } finally {
      await opened.close()
    }
  })

  it('draws a point goal as its value against its target, apart from the 完成率-vs-序时 chart, and no line in a light’s colour', async () => {
    // 实际利用外资 is ahead of pace (a blue light): its line on the 招商引资 chart must not be drawn red, or in any light's colour
    const opened = await openScreen('interval=3600')
    const { page } = opened
    try {
      await showPage(page, (await pageKinds(page)).indexOf('group') + 1)
      expect(await page.getAttribute('[data-role="screen"] [data-page-kind="group"]', 'data-group')).toBe('经济运行')
      expect(await page.textContent('[data-chart="progress"] figcaption')).not.toContain('工业增加值增速')
      expect(await page.textContent('[data-chart="point-D09"] figcaption')).toContain('目标 10%以上')
      expect(await page.textContent('[data-indicator="D09"] [data-role="headline-figure"]')).toBe('9.80%')
      for (const kind of ['group', 'yoy']) {
        await showPage(page, (await pageKinds(page)).indexOf(kind))
        const strokes = await page.$$eval('figure svg path[stroke]', (paths) => paths.map((p) => p.getAttribute('stroke')?.toLowerCase()))
        expect(strokes.filter((s) => LIGHTS.includes(s ?? '')), kind).toEqual([])
      }
    } finally {
      await opened.close()
    }
  })

  it('gives each headline goal its 同比: a growth % for amounts and counts, 个百分点 for a rate', async () => {
    const opened = await openScreen('interval=3600')
    const { page } = opened
    try {
      await showPage(page, (await pageKinds(page)).indexOf('yoy'))
      // 15 个 this October against 13 last October; 工业增加值增速 9.80% against 8.60%
      expect(await page.textContent('[data-page-kind="yoy"] [data-indicator="D01"] [data-role="yoy"]')).toContain('同比增长 15.38%')
      expect(await page.textContent('[data-page-kind="yoy"] [data-indicator="D09"] [data-role="yoy"]')).toContain('较上年同期提高 1.20 个百分点')
      expect(await page.$$eval('[data-page-kind="yoy"] figure.panel', (els) => els.length)).toBe(9)
    } finally {
      await opened.close()
    }
  })

  it('shows another year from the URL: ?year=2023 has no 同比 page and says 无上年同期数据, never 0 or 100%', async () => {
    for (const lang of LANGS) {
      const opened = await openScreen('interval=3600&year=2023', { lang })
      const { page } = opened
      try {
        await page.waitForSelector('[data-role="screen"][data-year="2023"]', { state: 'attached' })
        expect(await page.textContent('[data-role="year"]')).toBe(lang === 'zh' ? '2023年度' : '2023')
        expect(await page.textContent('[data-role="as-of"]')).toMatch(/2023/)
        expect(await pageKinds(page)).not.toContain('yoy')
        const pages = Number(await screenAttr(page, 'data-pages'))
        for (let i = 0; i < pages; i++) {
          await showPage(page, i)
          expect(await textOverflows(page), `${lang} 2023 page ${i + 1}`).toEqual([])
          const yoy = await page.$$eval('[data-role="yoy"]', (els) => els.map((e) => e.textContent ?? ''))
          expect(yoy.every((text) => text === (lang === 'zh' ? '无上年同期数据' : 'no figure for last year')), yoy.join(' | ')).toBe(true)
          await screenshot(page, `screen-${lang}-2023-page${i + 1}`)
        }
        expect(await page.textContent('[data-role="sample-badge"]')).toBe(lang === 'zh' ? '示例数据：全部' : 'Sample data: all files')
      } finally {
        await opened.close()
      }
    }
  })

  it('names what is still sample in the footer: this year’s actuals and spending, and last year’s files 同比 draws on', async () => {
    const opened = await openScreen('interval=3600')
    try {
      expect(await opened.page.textContent('[data-role="sample-badge"]')).toBe('示例数据：完成值、支出；2023年全部')
    } finally {
      await opened.close()
    }
  })

  it('turns the pages on the interval from the URL, starting at the page it names', async () => {
    const still = await openScreen('interval=600&page=2', { viewport: { width: 1366, height: 768 } })
    try {
      expect(await still.page.$('[data-page-kind="group"][data-group="招商引资"]')).not.toBeNull()
    } finally {
      await still.close()
    }
    const turning = await openScreen('interval=0.3', { viewport: { width: 1366, height: 768 } })
    try {
      await turning.page.waitForFunction(() => Number(document.querySelector('[data-role="screen"]')?.getAttribute('data-turns')) >= 2)
    } finally {
      await turning.close()
    }
  })

  it('pauses and resumes with Space, steps with the arrows and jumps with digits', async () => {
    const opened = await openScreen('interval=0.3', { viewport: { width: 1366, height: 768 } })
    const { page } = opened
    try {
      await page.keyboard.press('Space')
      expect(await screenAttr(page, 'data-paused')).toBe('true')
      await page.waitForSelector('[data-role="paused"]')
      const before = await turns(page)
      await page.waitForTimeout(1000)
      expect(await turns(page)).toBe(before)
      const spending = (await pageKinds(page)).indexOf('spending')
      await page.keyboard.press(String(spending + 1))
      expect(await screenAttr(page, 'data-page')).toBe(String(spending))
      await page.waitForSelector('[data-page-kind="spending"]')
      await page.keyboard.press('ArrowLeft')
      expect(await screenAttr(page, 'data-page')).toBe(String(spending - 1))
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      expect(await screenAttr(page, 'data-page')).toBe(String(spending + 1))
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

describe('the wall screen on a data folder of its own', () => {
  let root: string
  let server: { url: string; close(): Promise<void> }
  const file = (path: string) => join(root, 'data', path)

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
    const actualsFile = file('2024/actuals.csv')
    const original = await readFile(actualsFile, 'utf8')
    expect(original).toContain('D02,2024-10,93.0,亿元')
    const opened = await openScreen('interval=600&check=0.3', { base: server.url })
    const { page } = opened
    const investment = '[data-indicator="D02"] [data-role="actual"]'
    try {
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

  it('writes the month beside a figure that is older than 数据截至', async () => {
    const actualsFile = file('2024/actuals.csv')
    const original = await readFile(actualsFile, 'utf8')
    await writeFile(actualsFile, original.replace(/^D03,2024-10,.*\n/m, ''))
    const opened = await openScreen('interval=3600', { base: server.url })
    try {
      expect(await opened.page.textContent('[data-role="as-of"]')).toContain('2024年10月')
      expect(await opened.page.textContent('[data-indicator="D03"] [data-role="figure-month"]')).toBe('9月数据')
      expect(await opened.page.$('[data-indicator="D02"] [data-role="figure-month"]')).toBeNull()
      expect(await textOverflows(opened.page)).toEqual([])
    } finally {
      await opened.close()
      await writeFile(actualsFile, original)
    }
  })

  it('shows no sample badge once no file is listed as sample', async () => {
    const abouts = ['2023/about.json', '2024/about.json']
    const originals = await Promise.all(abouts.map((a) => readFile(file(a), 'utf8')))
    await Promise.all(abouts.map((a, i) => writeFile(file(a), JSON.stringify({ ...JSON.parse(originals[i]!), sampleFiles: [] }))))
    const opened = await openScreen('interval=3600', { base: server.url })
    try {
      expect(await opened.page.$('[data-role="sample-badge"]')).toBeNull()
    } finally {
      await opened.close()
      await Promise.all(abouts.map((a, i) => writeFile(file(a), originals[i]!)))
    }
  })
})
