// A cold browser (a wall screen after a restart, a colleague's first visit): the figures shipped with the data
// (data/snapshot.json, written by the build) are drawn before DuckDB is ready, and are DuckDB's own once it is.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { distDir } from '../../scripts/build-app.mjs'
import { startStaticServer } from '../../scripts/static-server.mjs'
import { launchBrowser, openPage, waitReady } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const CARDS = ['D01', 'D02', 'D06', 'D09'].map((id) => `[data-indicator="${id}"] [data-role="actual"]`)
const figures = (page: Page) => Promise.all(CARDS.map((sel) => page.textContent(sel)))
const marks = (page: Page) =>
  page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])))

/** Holds DuckDB's wasm back until `release()`: the page must draw without it. */
function holdWasm() {
  const held: Route[] = []
  let released = false
  return {
    install: async (page: Page) => {
      await page.route('**/*.wasm', (route) => {
        if (released) return route.continue()
        held.push(route)
      })
    },
    release: async () => {
      released = true
      for (const route of held.splice(0)) await route.continue()
    },
  }
}

describe('a cold start with the snapshot the build shipped', () => {
  it('draws the shipped figures before DuckDB is ready, and DuckDB then computes the same ones', async () => {
    const wasm = holdWasm()
    const opened = await openPage(browser, inject('baseUrl'), '#/', { beforeNavigation: wasm.install })
    const { page } = opened
    try {
      await waitReady(page)
      const shipped = await figures(page)
      const before = await marks(page)
      expect(before['jx:shipped-snapshot-shown']).toBeTypeOf('number')
      expect(before['jx:duckdb-ready']).toBeUndefined()
      expect(shipped).toEqual(['15 个', '93.00 亿元', '3.15 亿元', '9.80%'])
      expect(await page.$('[data-role="stale-snapshot"]')).toBeNull()

      await wasm.release()
      await page.waitForFunction(() => performance.getEntriesByName('jx:store-read').length > 0, undefined, { timeout: 60_000 })
      const after = await marks(page)
      expect(after['jx:duckdb-ready']).toBeGreaterThan(after['jx:shipped-snapshot-shown'] as number)
      // DuckDB was started only once the shipped figures were drawn: compiling its wasm slows the charts down
      expect(after['jx:duckdb-start']).toBeGreaterThanOrEqual(after['jx:ready'] as number)
      // the tables written with the snapshot were loaded, not the files checked again
      expect(after['jx:loaded-from-tables']).toBeTypeOf('number')
      expect(await figures(page)).toEqual(shipped)
      expect(opened.pageErrors).toEqual([])
      expect(opened.foreignRequests()).toEqual([])
    } finally {
      await opened.close()
    }
  })
})

/** The built app served from a copy whose file `path` (below data/) was rewritten by `change`. */
function servedWithChangedFile(path: string, change: (text: string) => string) {
  let root = ''
  let server: { url: string; close(): Promise<void> } | null = null
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jx-cold-'))
    await cp(distDir, root, { recursive: true })
    const file = join(root, 'data', path)
    await writeFile(file, change(await readFile(file, 'utf8')))
    server = await startStaticServer({ root })
  })
  afterAll(async () => {
    await server?.close()
    if (root) await rm(root, { recursive: true, force: true })
  })
  return { url: () => (server as { url: string }).url }
}

describe('a data file replaced without a new snapshot', () => {
  const server = servedWithChangedFile('2024/actuals.csv', (text) => {
    expect(text).toContain('D01,2024-10,15,个')
    return text.replace('D01,2024-10,15,个', 'D01,2024-10,16,个')
  })

  it('waits for DuckDB, says quietly that the snapshot is stale, and shows the file’s figures', async () => {
    const opened = await openPage(browser, server.url(), '#/')
    const { page } = opened
    try {
      await waitReady(page)
      const m = await marks(page)
      expect(m['jx:shipped-snapshot-shown']).toBeUndefined()
      expect(m['jx:loaded-from-tables']).toBeUndefined()
      expect(m['jx:store-read']).toBeTypeOf('number')
      expect(await page.textContent(CARDS[0] as string)).toBe('16 个')
      expect(await page.textContent('[data-role="stale-snapshot"]')).toContain('快照已过期')
      expect(opened.pageErrors).toEqual([])
    } finally {
      await opened.close()
    }
  })
})

describe('a shipped table file replaced or cut short', () => {
  // the last row cut off
  const server = servedWithChangedFile('tables/actuals.csv', (text) => text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1))

  it('checks the data files instead, and shows their figures', async () => {
    const opened = await openPage(browser, server.url(), '#/')
    const { page } = opened
    try {
      await waitReady(page)
      await page.waitForFunction(() => performance.getEntriesByName('jx:store-read').length > 0, undefined, { timeout: 60_000 })
      const m = await marks(page)
      expect(m['jx:shipped-snapshot-shown']).toBeTypeOf('number')
      expect(m['jx:loaded-from-tables']).toBeUndefined()
      expect(await figures(page)).toEqual(['15 个', '93.00 亿元', '3.15 亿元', '9.80%'])
      expect(opened.pageErrors).toEqual([])
    } finally {
      await opened.close()
    }
  })
})
