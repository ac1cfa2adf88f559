import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { repoRoot } from '../support'
import { launchBrowser, openPage, screenshot, waitReady } from './browser'

let browser: Browser
const fixturePath = (name: string) => join(repoRoot, 'tests/fixtures', name)

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Picks a file through the page's real <input type=file> and waits until its card is checked. */
async function pick(page: Page, name: string): Promise<void> {
  await page.setInputFiles('[data-role="file-input"]', fixturePath(name))
  await page.waitForSelector(`[data-role="upload-card"][data-file="${name}"]:is([data-status="ready"], [data-status="invalid"])`)
}
const counts = (page: Page) => page.locator('[data-role="upload-card"][data-status="ready"] [data-role="counts"]').first().textContent()

it('applies an upload, keeps it across a reload, and undoes it', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const { page } = opened
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.accept()
  })
  try {
    await waitReady(page)
    await pick(page, 'actuals_gbk_crlf.csv')
    expect(await page.locator('[data-role="encoding"]').first().textContent()).toContain('GB18030')
    expect(await counts(page)).toBe('新增 6 行，修改 0 行，不变 0 行')
    await screenshot(page, 'data-preview')
    await page.click('[data-role="apply"]')
    await page.waitForSelector('[data-role="upload-card"][data-status="applied"]')
    await page.waitForSelector('[data-role="batch"]')

    await page.reload()
    await waitReady(page)
    await page.waitForSelector('[data-role="batch"] [data-role="undo"]')
    await pick(page, 'actuals_utf8_bom.csv')
    expect(await counts(page)).toBe('新增 0 行，修改 0 行，不变 6 行')
    await page.click('[data-role="upload-card"] [data-role="cancel"]')

    await page.click('[data-role="batch"] [data-role="undo"]')
    await page.waitForSelector('[data-role="batch"].undone')
    expect(dialogs).toEqual(['撤销「actuals_gbk_crlf.csv」将删除它新增的 6 行数据，并恢复它修改或替换前的数据。确定撤销吗？'])
    await page.reload()
    await waitReady(page)
    await page.waitForSelector('[data-role="batch"].undone')
    await pick(page, 'actuals_english_headers.csv')
    expect(await counts(page)).toBe('新增 6 行，修改 0 行，不变 0 行')
    await screenshot(page, 'data-after-undo')
    expect(opened.pageErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})

it('lists every error of a bad file and stores nothing', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const { page } = opened
  try {
    await waitReady(page)
    await pick(page, 'actuals_bad.csv')
    const card = page.locator('[data-role="upload-card"][data-status="invalid"]')
    expect(await card.locator('[data-role="problem"] td:last-child').allTextContents()).toEqual([
      '第3行 指标编码 未知的指标编码 "D-99"。',
      '第4行 完成值 "约3亿" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。',
      '第5行 月份 "2024-13" 无效，请写成 2024-07、2024/7 或 2024年7月。',
      '第7行 指标编码+月份 重复的 指标编码+月份（D05, 2024, 11），与第6行重复。',
      '第8行 单位 "亿美元" 无法换算为指标 D07（固定资产投资）的单位 亿元。',
    ])
    expect(await card.locator('[data-role="apply"]').count()).toBe(0)
    await screenshot(page, 'data-errors')
    expect(await page.locator('[data-role="batch"]').count()).toBe(0)
    await page.reload()
    await waitReady(page)
    // the bad file's valid rows (D01 and D05 of November) were not stored either
    await page.setInputFiles('[data-role="file-input"]', {
      name: 'check.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('指标编码,月份,完成值,单位\nD01,2024-11,16,个\nD05,2024-11,571,亿元\n'),
    })
    await page.waitForSelector('[data-role="upload-card"][data-status="ready"]')
    expect(await counts(page)).toBe('新增 2 行，修改 0 行，不变 0 行')
    expect(opened.pageErrors).toEqual([])
  } finally {
    await opened.close()
  }
})

it('opens on storage written by hand: "null" for every kept value and a batch record without appliedAt', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const { page } = opened
  try {
    await waitReady(page)
    await page.evaluate(async () => {
      for (const key of ['jixiao:settings', 'jixiao:judgements', 'jixiao:likelihood', 'jixiao:snapshot']) localStorage.setItem(key, 'null')
      await new Promise((resolve, reject) => {
        const open = indexedDB.open('jixiao-board', 1)
        open.onerror = reject
        open.onsuccess = () => {
          const tx = open.result.transaction('batches', 'readwrite')
          tx.objectStore('batches').put({ id: 'by-hand', fileName: 'x.csv', kind: 'actuals', table: 'actuals', rows: [] })
          tx.oncomplete = () => resolve(null)
          tx.onerror = reject
        }
      })
    })
    await page.reload()
    await waitReady(page)
    expect(await page.locator('[data-role="batch"]').count()).toBe(0)
    await page.click('nav a[href="#/"]')
    await waitReady(page)
    expect(opened.pageErrors).toEqual([])
  } finally {
    await opened.close()
  }
})

it('names two pending 指标 files that replace each other, refuses to apply them together, and confirms the rows a replace deletes', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const { page } = opened
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.accept()
  })
  const indicators = (name: string, id: string) => ({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(`指标编码,所属,分项,三级指标,指标值\n${id},部门,经济运行,社区走访,≥120次\n`),
  })
  try {
    await waitReady(page)
    await page.setInputFiles('[data-role="file-input"]', [indicators('指标甲.csv', 'X01'), indicators('指标乙.csv', 'X02')])
    await page.waitForSelector('[data-role="apply-all-refused"]')
    const conflict = page.locator('[data-file="指标甲.csv"] [data-role="conflict"]')
    expect(await conflict.textContent()).toBe('与「指标乙.csv」都将替换2024年的指标：后应用的会替换先应用的。')
    expect(await page.locator('[data-role="apply-all"]').isDisabled()).toBe(true)
    expect(await page.locator('[data-file="指标甲.csv"] [data-role="counts"]').textContent()).toBe(
      '新增 1 行，修改 0 行，不变 0 行，删除 33 行（替换2024年全部指标）',
    )
    await screenshot(page, 'data-conflict')

    await page.click('[data-file="指标甲.csv"] [data-role="apply"]')
    await page.waitForSelector('[data-file="指标甲.csv"][data-status="applied"]')
    await page.waitForSelector('main[data-busy="false"]')
    expect(dialogs).toEqual(['应用「指标甲.csv」将删除 33 行已有数据（替换2024年全部指标）。确定应用吗？'])
    expect(await page.locator('[data-role="batch"] [data-role="batch-part"]').first().textContent()).toBe(
      '指标 1 行：新增 1，修改 0，不变 0，删除 33（替换2024年全部指标）',
    )
    // the other file is previewed again against the store now: it would replace the first file's row
    expect(await page.locator('[data-file="指标乙.csv"] [data-role="counts"]').textContent()).toBe(
      '新增 1 行，修改 0 行，不变 0 行，删除 1 行（替换2024年全部指标）',
    )
    expect(opened.pageErrors).toEqual([])
  } finally {
    await opened.close()
  }
})
