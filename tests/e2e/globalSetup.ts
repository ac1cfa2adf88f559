import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildApp, distDir } from '../../scripts/build-app.mjs'
import { startStaticServer } from '../../scripts/static-server.mjs'

/** Builds the app (skipped with E2E_SKIP_BUILD=1 when dist/ exists) and serves dist/ on a free port. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reuseBuild = process.env.E2E_SKIP_BUILD === '1' && existsSync(join(distDir, 'index.html'))
  if (!reuseBuild) await buildApp()
  const server = await startStaticServer({ root: distDir })
  project.provide('baseUrl', server.url)
  return () => server.close()
}
