import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { launchChromium } from '../../scripts/chromium.mjs'

export const DEFAULT_VIEWPORT = { width: 1440, height: 900 }

const artifactsDir = fileURLToPath(new URL('./.artifacts/', import.meta.url))

/** Debian's Chromium ($CHROMIUM_PATH to override), headless, with its calls home switched off. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium()
}

export interface OpenedPage {
  page: Page
  context: BrowserContext
  /** every request URL made by the page and its workers, in order */
  requests: string[]
  /** `console.error` messages, with their source location */
  consoleErrors: string[]
  /** uncaught exceptions and unhandled rejections in the page */
  pageErrors: string[]
  /** requests that failed at the network level or were answered with a status ≥ 400 */
  failedRequests: string[]
  /**
   * Content-Security-Policy violations: `securitypolicyviolation` events in the page, and the console messages and
   * page errors that name the policy (from the page or its workers). `close()` fails when there is any.
   */
  cspViolations: string[]
  /** requests to any host but the app's own server (data:, blob: and about: URLs are not requests to a host) */
  foreignRequests(): string[]
  close(): Promise<void>
}

const LOCAL_PROTOCOLS = new Set(['data:', 'blob:', 'about:'])

// Lets waitReady say what went wrong when the ready signal never comes.
const diagnostics = new WeakMap<Page, OpenedPage>()

export interface OpenPageOptions {
  viewport?: { width: number; height: number }
  /** the dashboard is read in China: 序时进度 and dates depend on the local calendar day */
  timezoneId?: string
  locale?: string
  /** runs after the page exists and before it navigates: a route to hold back a request, say */
  beforeNavigation?: (page: Page) => Promise<void>
}

// Runs in the page before its own scripts; the binding is exposed by openPage.
function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    const report = (window as unknown as { __jxCspViolation(text: string): void }).__jxCspViolation
    report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`)
  })
}

/**
 * Opens `hashPath` (`#/`, `#/data` …) of the app in a fresh browser context, so nothing is cached or stored
 * from a previous page.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  hashPath = '#/',
  { viewport = DEFAULT_VIEWPORT, timezoneId = 'Asia/Shanghai', locale = 'zh-CN', beforeNavigation }: OpenPageOptions = {},
): Promise<OpenedPage> {
  const appUrl = new URL(baseUrl)
  const context = await browser.newContext({ viewport, timezoneId, locale })
  const cspViolations: string[] = []
  await context.exposeBinding('__jxCspViolation', (_source, text: string) => cspViolations.push(text))
  await context.addInitScript(reportCspViolations)
  const page = await context.newPage()
  const opened: OpenedPage = {
    page,
    context,
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    cspViolations,
    foreignRequests: () =>
      opened.requests.filter((url) => {
        const parsed = new URL(url)
        return !LOCAL_PROTOCOLS.has(parsed.protocol) && parsed.host !== appUrl.host
      }),
    close: async () => {
      await context.close()
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`)
    },
  }
  diagnostics.set(page, opened)
  // What a worker's policy refuses reaches the page as an error (DuckDB's wasm compile), not as an event
  const aboutPolicy = (source: string, text: string) => {
    if (/Content.Security.Policy/i.test(text)) cspViolations.push(`${source}: ${text.split('\n')[0]}`)
  }
  const policyMessage = (message: ConsoleMessage) => aboutPolicy('console', message.text())
  page.on('console', policyMessage)
  page.on('worker', (worker) => worker.on('console', policyMessage))
  page.on('pageerror', (error) => aboutPolicy('page error', error.message))
  // Context-level events also see requests from the page's workers (the DuckDB worker fetches the wasm).
  context.on('request', (request) => opened.requests.push(request.url()))
  context.on('requestfailed', (request) =>
    opened.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`),
  )
  context.on('response', (response) => {
    if (response.status() >= 400) opened.failedRequests.push(`${response.url()} (HTTP ${response.status()})`)
  })
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const { url, lineNumber } = message.location()
    opened.consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text())
  })
  page.on('pageerror', (error) => opened.pageErrors.push(error.stack ?? error.message))

  await beforeNavigation?.(page)
  const hash = hashPath.startsWith('#') ? hashPath : `#${hashPath}`
  await page.goto(new URL(hash, appUrl).href, { waitUntil: 'domcontentloaded' })
  return opened
}

/** Waits for the app's ready signal, `<html data-ready="true">`: the current page's first charts are drawn. */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  try {
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout })
  } catch (error) {
    const opened = diagnostics.get(page)
    const details = opened
      ? [
          ...opened.pageErrors.map((e) => `page error: ${e}`),
          ...opened.consoleErrors.map((e) => `console error: ${e}`),
          ...opened.failedRequests.map((e) => `failed request: ${e}`),
          ...opened.cspViolations.map((e) => `Content-Security-Policy: ${e}`),
        ]
      : []
    const message = error instanceof Error ? error.message : String(error)
    throw new Error([`${page.url()} never set data-ready="true": ${message}`, ...details].join('\n'), { cause: error })
  }
}

/** Saves a full-page PNG as tests/e2e/.artifacts/<name>.png (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true })
  const path = `${artifactsDir}${name.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.png`
  await page.screenshot({ path, fullPage: true })
  return path
}
