// How the e2e tests and the benchmarks start Debian's Chromium through playwright-core.
import { chromium } from 'playwright-core'

/**
 * Without the background-networking flags Chromium opens connections to Google's hosts at every start; on a
 * closed network they fail, and on any network they would count as foreign requests.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]

export function chromiumExecutable() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium'
}

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchChromium() {
  return chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS })
}
