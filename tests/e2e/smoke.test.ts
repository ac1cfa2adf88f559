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

it('switches to English from the header, words what the domain decided, and keeps the choice across a reload', async () => {
  const opened = await openPage(browser, inject('baseUrl'), '#/assessment/project/13020924P009874100020')
  const { page } = opened
  try {
    await waitReady(page)
    expect(await page.textContent('[data-role="grade"]')).toBe('等级：待评价')
    await page.click('[data-role="language"]')
    expect(await page.textContent('[data-role="grade"]')).toBe('Grade: to judge')
    expect(await page.textContent('tr[data-indicator="P1-01"] [data-role="row-problems"]')).toBe('points lost: give the reasons and remedies')
    await page.goto(new URL('#/', inject('baseUrl')).href)
    await page.reload()
    await waitReady(page)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.title()).toBe('Jixiao Board')
    expect(await page.textContent('[data-indicator="D07"] [data-role="gap"]')).toMatch(/^\d+\.\d\d pts behind pace$/)
    expect(opened.pageErrors).toEqual([])
  } finally {
    await opened.close()
  }
})
