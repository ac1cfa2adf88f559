// Builds the app into dist/ with Vite's JS API, for the e2e tests and the benchmarks.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

export const projectRoot = fileURLToPath(new URL('..', import.meta.url))
/** dist/, or $E2E_DIST so that several people can build and test side by side. */
export const distDir = process.env.E2E_DIST || fileURLToPath(new URL('../dist', import.meta.url))

/**
 * Vite derives production mode from NODE_ENV, and vitest sets NODE_ENV=test: built inside vitest as-is, the
 * bundle would carry Vue's development build. Force production for the build, then restore.
 * @param {{ logLevel?: 'info' | 'warn' | 'error' | 'silent' }} [options]
 * @returns {Promise<string>} the output folder
 */
export async function buildApp({ logLevel = 'warn' } = {}) {
  const previousNodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ root: projectRoot, configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), mode: 'production', logLevel, build: { outDir: distDir, emptyOutDir: true } })
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = previousNodeEnv
  }
  // as `npm run build` does: the figures of the shipped data/, drawn by a cold browser before DuckDB is ready
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'snapshot', join(distDir, 'data')], {
    cwd: projectRoot,
    stdio: logLevel === 'silent' ? 'ignore' : ['ignore', 'ignore', 'inherit'],
  })
  return distDir
}
