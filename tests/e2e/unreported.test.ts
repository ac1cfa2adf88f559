// A month in which only some indicators report: the others keep the figure of the month they last reported, say
// which month that is, are measured against that month's 序时, and are listed as 未报送 on the overview and in the 进度通报.
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

it('names the month of a figure not reported for 数据截至, compares it with that month’s 序时 and lists it as 未报送', { timeout: 300_000 }, async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const { page } = opened
  try {
    await waitReady(page)
    // November: only 新签约亿元以上项目 reports
    await page.setInputFiles('[data-role="file-input"]', {
      name: 'actuals_nov.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('指标编码,月份,完成值,单位,数据口径\nD01,2024-11,17,个,累计\n'),
    })
    await page.click('[data-role="upload-card"][data-status="ready"] [data-role="apply"]')
    await page.waitForSelector('[data-role="upload-card"][data-status="applied"]')
    await page.click('nav a[href="#/"]')
    await expect.poll(() => page.inputValue('[data-role="as-of"]')).toBe('11')
    await page.locator('.kpi-card').first().waitFor()

    // 17 of 20 reported for November: 85.00% against November's 91.67%
    const signed = page.locator('.kpi-card[data-indicator="D01"]')
    expect(await signed.locator('[data-role="figure-month"]').count()).toBe(0)
    expect(await signed.locator('[data-role="time-share"]').textContent()).toBe('91.67%')
    expect(await signed.locator('[data-role="gap"]').textContent()).toBe('低于序时进度 6.67 个百分点')

    // 投资额 last reported in October: 93 of 120 = 77.50% against October's 83.33%, not November's 91.67%
    const investment = page.locator('.kpi-card[data-indicator="D02"]')
    expect(await investment.locator('[data-role="figure-month"]').textContent()).toBe('10月数据')
    expect(await investment.locator('[data-role="actual"]').textContent()).toBe('93.00 亿元')
    expect(await investment.locator('[data-role="time-share"]').textContent()).toBe('83.33%')
    expect(await investment.textContent()).toContain('10月序时进度')
    expect(await investment.locator('[data-role="gap"]').textContent()).toBe('低于序时进度 5.83 个百分点')
    expect(await investment.getAttribute('data-light')).toBe('green')
    // its 同比 compares October with October
    expect(await investment.locator('[data-role="yoy"]').textContent()).toBe('上年同期 80.00 亿元，同比增长 16.25%')

    const listed = page.locator('[data-role="unreported"]')
    expect(await listed.locator('h2').textContent()).toBe('11月未报送（32项）')
    expect(await listed.locator('[data-unreported="D02"]').textContent()).toBe('投资额（10月数据）')
    expect(await listed.locator('[data-unreported="D01"]').count()).toBe(0)
    await screenshot(page, 'unreported-overview')

    await page.click('[data-role="report-link"]')
    await page.locator('[data-role="report-title"]').waitFor()
    expect(await page.textContent('[data-role="unreported"]')).toMatch(/^11月未报送的指标32项：投资额（10月数据）、进出口额（10月数据）、/)
    expect(await page.textContent('tr[data-indicator="D02"] [data-role="actual"]')).toContain('93.00 亿元（10月）')
    await screenshot(page, 'unreported-report')

    // the indicator page says so above its figures
    await page.goto(new URL('#/indicator/D02', inject('baseUrl')).href)
    await page.reload()
    await waitReady(page)
    expect(await page.textContent('[data-role="figure-month"]')).toContain('11月未报送：以下为10月的数，与10月的序时进度比较')
    expect(opened.pageErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})
