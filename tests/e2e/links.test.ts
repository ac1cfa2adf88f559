// The links page: a person changes which of last year's indicators one is compared with, or removes the match; the
// choice goes in as an upload (checked, previewed, applied, undoable), is kept across a reload, exported as
// indicator_links.csv and read back.
import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { launchBrowser, openPage, screenshot, waitReady } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

it('changes and removes links to last year on the links page, keeps them, exports them and reads them back', { timeout: 300_000 }, async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/indicator/D01')
  const { page } = opened
  const row = (id: string) => page.locator(`[data-role="link-row"][data-indicator="${id}"]`)
  try {
    await waitReady(page)
    expect(await page.getAttribute('[data-role="matched-with"]', 'data-how')).toBe('code')
    await page.click('[data-role="edit-link"]')
    await waitReady(page)
    expect(await row('D01').getAttribute('data-how')).toBe('code')
    expect(await row('D02').locator('[data-role="how"]').textContent()).toBe('按所属和指标名称对应')
    expect(await row('D13').getAttribute('data-how')).toBe('none')

    // D01 compared with nothing; D13 (环境卫生整治) with last year's 道路清扫保洁, which D11 then loses
    await row('D01').locator('[data-role="link-select"]').selectOption('')
    await row('D13').locator('[data-role="link-select"]').selectOption('D11')
    expect(await row('D11').locator('[data-role="link-select"]').inputValue()).toBe('')
    expect(await page.textContent('[data-role="check-links"]')).toContain('3处修改')
    await page.click('[data-role="check-links"]')
    const card = page.locator('[data-role="links-upload"] [data-role="upload-card"][data-status="ready"]')
    await card.waitFor()
    expect(await card.locator('[data-role="counts"]').textContent()).toContain('新增 2 行')
    await screenshot(page, 'links-preview')
    await card.locator('[data-role="apply"]').click()
    await page.locator('[data-role="links-saved"]').waitFor()
    expect(await row('D01').getAttribute('data-how')).toBe('removed')
    expect(await row('D13').getAttribute('data-how')).toBe('manual')
    expect(await row('D11').getAttribute('data-how')).toBe('none')

    // kept across a reload, and read by the pages that compare
    await page.reload()
    await waitReady(page)
    expect(await row('D13').getAttribute('data-how')).toBe('manual')
    await page.goto(new URL('#/', inject('baseUrl')).href)
    await page.reload()
    await waitReady(page)
    expect(await page.textContent('.kpi-card[data-indicator="D01"] [data-role="yoy"]')).toBe('无上年同期数据')

    // exported as indicator_links.csv, and read back as nothing new
    await page.goto(new URL('#/data', inject('baseUrl')).href)
    await waitReady(page)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="links"]')])
    expect(download.suggestedFilename()).toBe('indicator_links.csv')
    const exported = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '')
    expect(exported.split(/\r?\n/).filter(Boolean)).toEqual(['指标编码,上年指标编码,年度,预算单位', 'D01,,2024,806001', 'D13,D11,2024,806001'])
    await page.setInputFiles('[data-role="file-input"]', { name: 'indicator_links.csv', mimeType: 'text/csv', buffer: Buffer.from(exported) })
    const again = page.locator('[data-role="upload-card"][data-file="indicator_links.csv"][data-status="ready"]').first()
    await again.waitFor()
    expect(await again.locator('[data-role="counts"]').textContent()).toContain('新增 0 行，修改 0 行，不变 2 行')
    await again.locator('[data-role="cancel"]').click()

    // undone from the data page like any upload (it asks first: the links it stored go): the automatic matches are back
    page.once('dialog', (d) => void d.accept())
    await page.click('[data-role="batch"] [data-role="undo"]')
    await page.waitForSelector('[data-role="batch"].undone')
    await page.goto(new URL('#/links', inject('baseUrl')).href)
    await page.reload()
    await waitReady(page)
    expect(await row('D01').getAttribute('data-how')).toBe('code')
    expect(await row('D13').getAttribute('data-how')).toBe('none')
    expect(opened.pageErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})
