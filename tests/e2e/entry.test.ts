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

it('takes two values pasted as a column from Excel on the 填报 page, shows them on the overview, and undoes the batch', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/entry')
  const { page } = opened
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.accept()
  })
  const value = (id: string) => page.locator(`[data-role="entry-row"][data-indicator="${id}"] [data-field="value"]`)
  try {
    await waitReady(page)
    expect(await page.locator('[data-role="entry-month"]').inputValue()).toBe('11')
    expect(await page.locator('[data-indicator="D01"] [data-role="last-month"]').textContent()).toBe('15 个')

    // a column of two cells as Excel puts it on the clipboard, pasted into D01: D01 and D02 below it are filled
    await value('D01').focus()
    await value('D01').evaluate((input) => {
      const data = new DataTransfer()
      data.setData('text/plain', '19\r\n95\r\n')
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    expect([await value('D01').inputValue(), await value('D02').inputValue()]).toEqual(['19', '95'])
    // Enter goes down the column
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-indicator'))).toBe('D02')
    await page.keyboard.press('Tab')
    await page.keyboard.type('11月新签约一批项目')
    await screenshot(page, 'entry-typed')

    await page.click('[data-role="entry-save"]')
    await page.waitForSelector('[data-role="entry-saved"]')
    await page.waitForSelector('main[data-busy="false"]')
    expect(await page.locator('[data-role="entry-saved"]').textContent()).toContain('新增 2 行，修改 0 行，不变 0 行')

    await page.click('nav a[href="#/"]')
    await waitReady(page)
    expect(await page.locator('[data-role="as-of-label"]').textContent()).toBe('2024-11')
    expect(await page.locator('[data-indicator="D01"] [data-role="actual"]').textContent()).toBe('19 个')
    expect(await page.locator('[data-indicator="D02"] [data-role="actual"]').textContent()).toBe('95.00 亿元')

    await page.click('nav a[href="#/entry"]')
    await waitReady(page)
    await page.click('[data-role="entry-undo"]')
    await page.waitForSelector('[data-role="entry-message"]')
    await page.waitForSelector('main[data-busy="false"]')
    expect(await page.locator('[data-role="entry-saved"]').count()).toBe(0)
    expect(dialogs).toEqual(['撤销「填报 2024年11月」将删除它新增的 2 行数据，并恢复它修改或替换前的数据。确定撤销吗？'])

    await page.click('nav a[href="#/"]')
    await waitReady(page)
    expect(await page.locator('[data-role="as-of-label"]').textContent()).toBe('2024-10')
    expect(await page.locator('[data-indicator="D01"] [data-role="actual"]').textContent()).toBe('15 个')
    expect(opened.pageErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})

it('names a value that is no number by its row, and stores nothing', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/entry')
  const { page } = opened
  try {
    await waitReady(page)
    await page.locator('[data-indicator="D01"] [data-field="value"]').fill('一百')
    await page.click('[data-role="entry-save"]')
    await page.waitForSelector('[data-role="entry-problem"]')
    expect(await page.locator('[data-role="entry-problem"]').allTextContents()).toEqual([
      '第1行 完成值 "一百" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。',
    ])
    expect(await page.locator('[data-indicator="D01"]').getAttribute('class')).toContain('bad')
    await screenshot(page, 'entry-problem')
    await page.click('nav a[href="#/data"]')
    await waitReady(page)
    expect(await page.locator('[data-role="batch"]').count()).toBe(0)
  } finally {
    await opened.close()
  }
})
