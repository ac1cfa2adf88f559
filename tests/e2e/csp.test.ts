// The app under its Content-Security-Policy (scripts/csp.mjs). Every page every browser test opens runs under it and
// fails on a violation (browser.ts `openPage`); these tests cover what the others do not reach, and the harness.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { HEADER_POLICY, META_POLICY } from '../../scripts/csp.mjs'
import { launchBrowser, openPage, waitReady } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

it('is served as a header with every file and written into index.html as a <meta>', async () => {
  const baseUrl = inject('baseUrl')
  const index = await fetch(baseUrl)
  expect(index.headers.get('content-security-policy')).toBe(HEADER_POLICY)
  const html = await index.text()
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${META_POLICY}" />`)
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'))
  expect(META_POLICY).not.toContain('frame-ancestors')
  const script = html.match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1]
  expect((await fetch(new URL(script!, baseUrl))).headers.get('content-security-policy')).toBe(HEADER_POLICY)
  expect((await fetch(new URL('data/index.json', baseUrl))).headers.get('content-security-policy')).toBe(HEADER_POLICY)
})

it('reports a violation, so that closing the page fails the test that opened it', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/')
  await waitReady(opened.page)
  await opened.page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__injected = true'
    document.head.append(script)
  })
  await expect.poll(() => opened.cspViolations.join('\n')).toContain('script-src')
  expect(await opened.page.evaluate(() => 'injected' in window || '__injected' in window)).toBe(false)
  await expect(opened.close()).rejects.toThrow(/Content-Security-Policy violations/)
})

it('shows a chart’s tooltip under the policy', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/indicator/D07')
  const { page } = opened
  try {
    await waitReady(page)
    const chart = page.locator('.echart').first()
    const box = (await chart.boundingBox())!
    // ECharts writes the tooltip as HTML with style attributes: what 'unsafe-inline' styles are for
    const tooltip = chart.locator('div[style*="z-index"]', { hasText: '累计完成' })
    // across the plot until the axis tooltip opens on a month
    for (let x = 0.3; x < 0.9 && !(await tooltip.isVisible()); x += 0.1) await page.mouse.move(box.x + box.width * x, box.y + box.height / 2)
    await expect.poll(() => tooltip.isVisible()).toBe(true)
    expect(await tooltip.textContent()).toMatch(/\d+月累计完成[\d.]+ 亿元(上年同期[\d.]+ 亿元)?序时进度线/)
    expect(opened.pageErrors).toEqual([])
  } finally {
    await opened.close()
  }
})

it('exports 完成值 with a formula typed as a 说明 escaped, and the export loads back unchanged', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const { page } = opened
  const folder = await mkdtemp(join(tmpdir(), 'jx-csp-'))
  try {
    await waitReady(page)
    const note = '=HYPERLINK("http://evil.example","点击")'
    const typed = join(folder, '公式说明.csv')
    await writeFile(typed, `\uFEFF指标编码,月份,完成值,单位,说明\r\nD01,2024-11,17,个,"${note.replaceAll('"', '""')}"\r\n`)
    await page.setInputFiles('[data-role="file-input"]', typed)
    await page.waitForSelector('[data-role="upload-card"][data-status="ready"]')
    await page.click('[data-role="apply"]')
    await page.waitForSelector('[data-role="upload-card"][data-status="applied"]')

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="actuals"]')])
    const exported = join(folder, download.suggestedFilename())
    await download.saveAs(exported)
    const bytes = await readFile(exported)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain(`D01,2024-11,17,个,累计,,"'=HYPERLINK(""http://evil.example"",""点击"")",2024,806001\r\n`)

    await page.setInputFiles('[data-role="file-input"]', exported)
    await page.waitForSelector(`[data-role="upload-card"][data-file="${download.suggestedFilename()}"][data-status="ready"]`)
    const counts = await page.locator(`[data-role="upload-card"][data-file="${download.suggestedFilename()}"] [data-role="counts"]`).textContent()
    expect(counts).toMatch(/^新增 0 行，修改 0 行，不变 \d+ 行$/)
    expect(opened.pageErrors).toEqual([])
  } finally {
    await opened.close()
  }
})
