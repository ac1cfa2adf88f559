/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { HEADER_POLICY, META_POLICY } from './scripts/csp.mjs'

const dataDir = resolve(import.meta.dirname, 'data')

/**
 * The dataset is read at run time from `<base>/data/`, never bundled, so a department replaces its CSVs on the
 * intranet server without rebuilding: served from `data/` in dev and preview, copied verbatim into `dist/data/`.
 */
function datasetFolder(): Plugin {
  const serve = (req: { url?: string }, res: import('node:http').ServerResponse, next: () => void) => {
    const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '')
    if (!url.startsWith('/data/')) return next()
    const file = join(dataDir, url.slice('/data/'.length))
    if (!file.startsWith(dataDir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next()
    res.setHeader('Content-Type', file.endsWith('.csv') ? 'text/csv; charset=utf-8' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream')
    res.setHeader('Cache-Control', 'no-cache')
    res.end(readFileSync(file))
  }
  return {
    name: 'dataset-folder',
    configureServer(server) {
      server.middlewares.use(serve)
    },
    generateBundle() {
      // the dataset folders index.json lists (2023/, 2024/ …) are copied with everything in them
      for (const name of readdirSync(dataDir, { recursive: true, encoding: 'utf8' })) {
        const file = join(dataDir, name)
        if (statSync(file).isFile()) this.emitFile({ type: 'asset', fileName: `data/${name.split(sep).join('/')}`, source: readFileSync(file) })
      }
    },
  }
}

/**
 * The Content-Security-Policy as a <meta> right after the charset, before any script or style it governs, so that it
 * holds on whatever server serves dist/.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    transformIndexHtml(html) {
      const charset = /<meta charset="UTF-8" \/>/
      if (!charset.test(html)) throw new Error('index.html: the Content-Security-Policy goes after <meta charset="UTF-8" />, which is missing')
      return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${META_POLICY}" />`)
    },
  }
}

/**
 * The modules src/app.ts imports statically, found once the module graph is built. They are one chunk: each is
 * loaded at startup anyway, and split by which lazy views share them they made sixteen requests, queued behind the
 * data's for the browser's six connections to the server.
 */
function startupModules(): Plugin & { entry: Set<string>; app: Set<string> } {
  const entry = new Set<string>()
  const app = new Set<string>()
  return {
    name: 'startup-modules',
    apply: 'build',
    entry,
    app,
    // a rebuild (vite build --watch) works out the closures afresh: a module since made lazy leaves the app chunk
    buildStart() {
      entry.clear()
      app.clear()
    },
    buildEnd() {
      const ids = [...this.getModuleIds()]
      const closure = (file: string) => {
        const seen = new Set<string>()
        const queue = ids.filter((id) => id.endsWith(file))
        while (queue.length > 0) {
          const id = queue.pop() as string
          if (seen.has(id)) continue
          seen.add(id)
          queue.push(...(this.getModuleInfo(id)?.importedIds ?? []))
        }
        return seen
      }
      // the entry's own (src/main.ts) apart: they run before the app has arrived
      for (const id of closure('/src/main.ts')) if (!id.endsWith('/src/main.ts')) entry.add(id)
      for (const id of closure('/src/app.ts')) if (!entry.has(id)) app.add(id)
    },
  }
}
const startup = startupModules()

/**
 * The app's startup chunk (with the chunks it imports and its stylesheet) named in index.html, so that the browser
 * fetches it with the page. Asked for by the entry once the data's requests had left, it queued behind them for the
 * browser's six connections to the server: half a second on a busy machine. It is still evaluated only then.
 * ECharts is prefetched (fetched at the lowest priority into the cache, not evaluated): the first chart imports it
 * once the figures are on screen, and finds it there.
 */
function startupPreloads(): Plugin {
  return {
    name: 'startup-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {})
        const app = chunks.find((c) => c.type === 'chunk' && c.name === 'app')
        const charts = chunks.find((c) => c.type === 'chunk' && c.name === 'echarts')
        if (app?.type !== 'chunk') throw new Error('startup-preloads: the build has no chunk named "app" (see startupModules)')
        const named = new Set(html.match(/assets\/[^"]+/g) ?? [])
        const scripts = [app.fileName, ...app.imports].filter((f) => !named.has(f))
        const tags = [
          ...[...(app.viteMetadata?.importedCss ?? [])].map((f) => `<link rel="preload" as="style" crossorigin href="./${f}">`),
          ...scripts.map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`),
          ...(charts ? [`<link rel="prefetch" as="script" crossorigin href="./${charts.fileName}">`] : []),
        ]
        return html.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`)
      },
    },
  }
}

export default defineConfig({
  base: './',
  // keys the figures cached for the next reload (src/persist/snapshotCache.ts) to this build
  define: { __BUILD_ID__: JSON.stringify(Date.now().toString(36)) },
  plugins: [vue(), datasetFolder(), contentSecurityPolicy(), startup, startupPreloads()],
  preview: { headers: { 'Content-Security-Policy': HEADER_POLICY } },
  resolve: { alias: { '@': resolve(import.meta.dirname, 'src') } },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    assetsInlineLimit: 0,
    // the Word and Excel libraries under their own names, so that tests can tell they are fetched only when used
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'docx-library', test: /[\\/]node_modules[\\/]docx[\\/]/ },
            { name: 'excel-library', test: /[\\/]node_modules[\\/]exceljs[\\/]/ },
            { name: 'data-requests', test: (id) => startup.entry.has(id), priority: 2 },
            { name: 'app', test: (id) => startup.app.has(id), priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'component', include: ['tests/component/**/*.test.ts'], environment: 'jsdom' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
