// No state a user can reach locks them out: a page that cannot load says what failed and offers the stored data as
// files and 恢复默认数据; and two tabs see each other's batches.
import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { launchBrowser, openPage, screenshot, waitReady } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const BATCH = {
  id: 'kept-1',
  fileName: '十一月完成值.csv',
  kind: 'actuals',
  table: 'actuals',
  mode: 'upsert',
  scopes: [],
  appliedAt: '2024-11-30T08:00:00.000Z',
  counts: { new: 1, changed: 0, unchanged: 0, removed: 0, rows: 1, sourceRows: 1 },
  encoding: 'UTF-8',
  columns: ['org', 'year', 'id', 'month', 'value', 'unit', 'basis', 'status', 'note'],
  rows: [['806001', 2024, 'D01', 11, 16, '个', '累计', null, null]],
  before: [],
  undoneAt: null,
}

/**
 * Leaves the browser's database as a newer build of the app would: at version 2, so that this build's open (at
 * version 1) fails, with one batch in it.
 */
async function poisonDatabase(page: Page): Promise<void> {
  await page.evaluate(async (batch) => {
    const done = (r: IDBRequest | IDBOpenDBRequest) =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
    await done(indexedDB.deleteDatabase('jixiao-board'))
    const open = indexedDB.open('jixiao-board', 2)
    open.onupgradeneeded = () => open.result.createObjectStore('batches', { keyPath: 'id' }).put(batch)
    const db = (await done(open)) as IDBDatabase
    db.close()
  }, BATCH)
}

it('says what failed on a database it cannot open, saves what it holds, and restores the default data', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/')
  const { page } = opened
  try {
    await waitReady(page)
    await poisonDatabase(page)
    await page.reload()
    const failure = page.locator('[data-role="load-error"]')
    await failure.waitFor()
    expect(await failure.getAttribute('data-stage')).toBe('batches')
    expect(await failure.locator('h2').textContent()).toBe('数据载入失败：无法读取浏览器中保存的上传批次（IndexedDB）')
    await page.locator('[data-role="stored-count"]').waitFor()
    expect(await page.locator('[data-role="stored-count"]').textContent()).toContain('浏览器中保存了 1 个上传批次')
    await screenshot(page, 'load-error-recovery')

    const files: { name: string; text: string }[] = []
    page.on('download', (d) => void d.path().then(async (path) => files.push({ name: d.suggestedFilename(), text: await readFile(path as string, 'utf8') })))
    await page.click('[data-role="export-stored"]')
    await expect.poll(() => files.length, { timeout: 30_000 }).toBe(2)
    const json = files.find((f) => f.name.endsWith('.json'))
    expect(JSON.parse(json?.text ?? '{}').batches).toEqual([BATCH])
    const csv = files.find((f) => f.name.endsWith('.csv'))
    expect(csv?.name).toBe('批次1_十一月完成值.csv')
    expect(csv?.text).toContain('806001,2024,D01,11,16,个,累计,,')

    const dialog = page.waitForEvent('dialog')
    const click = page.click('[data-role="restore-default"]')
    const confirm = await dialog
    expect(confirm.message()).toContain('将删除浏览器中保存的 1 个上传批次')
    await Promise.all([page.waitForEvent('load'), confirm.accept(), click])
    await waitReady(page)
    expect(await page.locator('[data-role="load-error"]').count()).toBe(0)
    expect(opened.pageErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
  } finally {
    await opened.close()
  }
})

it('keeps what is stored when the person does not confirm', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/')
  const { page } = opened
  try {
    await waitReady(page)
    await poisonDatabase(page)
    await page.reload()
    await page.locator('[data-role="stored-count"]').waitFor()
    // dismissed before the reload: a reload under a dialog still open waits for it forever
    const dialog = page.waitForEvent('dialog')
    const click = page.click('[data-role="restore-default"]')
    await (await dialog).dismiss()
    await click
    await page.reload()
    await page.locator('[data-role="stored-count"]').waitFor()
    expect(await page.locator('[data-role="stored-count"]').textContent()).toContain('1 个上传批次')
  } finally {
    await opened.close()
  }
})

it('shows in one tab the batch another tab applied, and refuses there to undo under it', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/data')
  const a = opened.page
  const b = await opened.context.newPage()
  try {
    await waitReady(a)
    await b.goto(a.url())
    await waitReady(b)
    const upload = async (page: Page, name: string, text: string) => {
      await page.setInputFiles('[data-role="file-input"]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) })
      await page.locator(`[data-role="upload-card"][data-file="${name}"][data-status="ready"] [data-role="apply"]`).click()
      await page.waitForSelector(`[data-role="upload-card"][data-file="${name}"][data-status="applied"]`)
    }
    await upload(a, 'a.csv', '指标编码,月份,完成值,单位\nD01,2024-11,16,个\n')
    await b.waitForSelector('[data-role="batch"]')
    await upload(b, 'b.csv', '指标编码,月份,完成值,单位\nD01,2024-11,17,个\n')
    await expect.poll(() => a.locator('[data-role="batch"]').count(), { timeout: 60_000 }).toBe(2)
    // a's older batch: a later one of b changed the same row
    await a.locator('[data-role="batch"]').last().locator('[data-role="undo"]').click()
    await a.waitForSelector('[data-role="notice"]')
    expect(await a.locator('[data-role="notice"]').textContent()).toContain('b.csv')
    expect(opened.pageErrors).toEqual([])
  } finally {
    await opened.close()
  }
})
