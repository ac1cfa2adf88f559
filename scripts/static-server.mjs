// A static file server for the built app (`dist/`), used by the e2e tests, the benchmarks and by hand:
//   node scripts/static-server.mjs dist 4173
// Plain node:http so it runs anywhere Node runs; what matters for the app is `.wasm` as application/wasm,
// revalidation (ETag / Last-Modified → 304) for warm reloads, long caching only for the hashed assets/, and the
// Content-Security-Policy header (scripts/csp.mjs).
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { HEADER_POLICY } from './csp.mjs'

/** @type {Record<string, string>} */
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

/**
 * Vite puts only content-hashed files under assets/, so they may be cached for good; everything else
 * (index.html, the run-time dataset in data/) must be revalidated on every load.
 * @param {string} relativePath path below the root, with forward slashes and no leading slash
 */
function cacheControlFor(relativePath) {
  return relativePath.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/**
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {string} etag
 * @param {Date} modified
 */
function isNotModified(headers, etag, modified) {
  const ifNoneMatch = headers['if-none-match']
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim()
      return t === '*' || t === etag || t.replace(/^W\//, '') === etag.replace(/^W\//, '')
    })
  }
  const ifModifiedSince = headers['if-modified-since']
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince)
    // HTTP dates have whole seconds; compare at that resolution.
    return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since
  }
  return false
}

/**
 * Maps a request path to a file below root, or null when it escapes root or names nothing.
 * @param {string} root absolute
 * @param {string} requestUrl
 * @returns {Promise<{ file: string, relativePath: string, size: number, modified: Date } | null>}
 */
async function resolveFile(root, requestUrl) {
  let pathname
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  let file = resolve(join(root, pathname))
  if (file !== root && !file.startsWith(root + sep)) return null
  let info = await stat(file).catch(() => null)
  if (info?.isDirectory()) {
    file = join(file, 'index.html')
    info = await stat(file).catch(() => null)
  }
  if (!info?.isFile()) return null
  const relativePath = file.slice(root.length + 1).split(sep).join('/')
  return { file, relativePath, size: info.size, modified: info.mtime }
}

/**
 * @param {{ root: string, port?: number, host?: string }} options port 0 picks a free port
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>} url ends with '/'
 */
export async function startStaticServer({ root, port = 0, host = '127.0.0.1' }) {
  const absoluteRoot = resolve(root)
  const rootInfo = await stat(absoluteRoot).catch(() => null)
  if (!rootInfo?.isDirectory()) throw new Error(`static server: ${absoluteRoot} is not a directory`)

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end()
        return
      }
      const found = await resolveFile(absoluteRoot, req.url ?? '/')
      if (found === null) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' })
        res.end('Not found')
        return
      }
      const etag = `W/"${found.size.toString(16)}-${Math.floor(found.modified.getTime()).toString(16)}"`
      const headers = {
        ETag: etag,
        'Last-Modified': found.modified.toUTCString(),
        'Cache-Control': cacheControlFor(found.relativePath),
        'X-Content-Type-Options': 'nosniff',
        // on every file, not only index.html: the DuckDB worker runs under the policy of its own script's response
        'Content-Security-Policy': HEADER_POLICY,
      }
      if (isNotModified(req.headers, etag, found.modified)) {
        res.writeHead(304, headers).end()
        return
      }
      res.writeHead(200, {
        ...headers,
        'Content-Type': MIME_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': found.size,
      })
      if (req.method === 'HEAD') {
        res.end()
        return
      }
      const stream = createReadStream(found.file)
      stream.on('error', () => res.destroy())
      stream.pipe(res)
    } catch {
      if (!res.headersSent) res.writeHead(500).end()
      else res.destroy()
    }
  })

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(port, host, () => {
      server.off('error', rejectListen)
      resolveListen(undefined)
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('static server: no TCP address')
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address

  return {
    url: `http://${hostInUrl}:${address.port}/`,
    port: address.port,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined))
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections()
      }),
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [root = 'dist', portText = '4173', host = '127.0.0.1'] = process.argv.slice(2)
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: node scripts/static-server.mjs [root=dist] [port=4173] [host=127.0.0.1]`)
    process.exit(2)
  }
  const server = await startStaticServer({ root, port, host }).catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
  console.log(`serving ${resolve(root)} at ${server.url}`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
