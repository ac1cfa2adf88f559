import type { Browser } from 'playwright-core'

export const CHROMIUM_ARGS: string[]
/** $CHROMIUM_PATH, else Debian's /usr/bin/chromium */
export function chromiumExecutable(): string
export function launchChromium(): Promise<Browser>
