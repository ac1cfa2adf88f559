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

it('opens the overview with no page errors and no requests leaving the app server', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/')
  try {
    await waitReady(opened.page)
    expect(await opened.page.title()).toContain('绩效看板')
    expect(opened.pageErrors).toEqual([])
    expect(opened.consoleErrors).toEqual([])
    expect(opened.foreignRequests()).toEqual([])
    await screenshot(opened.page, 'smoke-overview')
  } finally {
    await opened.close()
  }
})
