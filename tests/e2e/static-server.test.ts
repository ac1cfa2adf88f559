import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { HEADER_POLICY } from '../../scripts/csp.mjs'
import { startStaticServer, type StaticServer } from '../../scripts/static-server.mjs'
import { repoRoot } from '../support'

let root: string
let server: StaticServer

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jx-static-'))
  await mkdir(join(root, 'assets'))
  await mkdir(join(root, 'data'))
  await writeFile(join(root, 'index.html'), '<!doctype html><title>绩效看板</title>')
  await writeFile(join(root, 'assets', 'duckdb-eh-abc123.wasm'), new Uint8Array([0, 97, 115, 109]))
  await writeFile(join(root, 'data', '指标.csv'), '部门,指标\n财政局,一般公共预算收入\n')
  server = await startStaticServer({ root })
})

afterAll(async () => {
  await server?.close()
  await rm(root, { recursive: true, force: true })
})

it('serves wasm as application/wasm with a long cache lifetime under assets/', async () => {
  const response = await fetch(new URL('assets/duckdb-eh-abc123.wasm', server.url))
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/wasm')
  expect(response.headers.get('cache-control')).toContain('max-age=31536000')
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]))
})

it('serves the dataset as UTF-8 CSV that is revalidated on every load', async () => {
  const response = await fetch(new URL(`data/${encodeURIComponent('指标.csv')}`, server.url))
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  expect(response.headers.get('cache-control')).toBe('no-cache')
  expect(await response.text()).toContain('一般公共预算收入')
})

it('answers 304 to a request carrying the current ETag or Last-Modified', async () => {
  const first = await fetch(server.url)
  expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8')
  expect(first.headers.get('cache-control')).toBe('no-cache')
  const etag = first.headers.get('etag') ?? ''
  const lastModified = first.headers.get('last-modified') ?? ''
  expect((await fetch(server.url, { headers: { 'If-None-Match': etag } })).status).toBe(304)
  expect((await fetch(server.url, { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304)
  expect((await fetch(server.url, { headers: { 'If-None-Match': 'W/"stale"' } })).status).toBe(200)
})

it('refuses paths outside its root and names that do not exist', async () => {
  expect((await fetch(new URL('missing.js', server.url))).status).toBe(404)
  expect((await fetch(`${server.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404)
})

it('sends the Content-Security-Policy with every file, frame-ancestors included, and on a 304', async () => {
  for (const path of ['', 'assets/duckdb-eh-abc123.wasm', `data/${encodeURIComponent('指标.csv')}`]) {
    expect((await fetch(new URL(path, server.url))).headers.get('content-security-policy')).toBe(HEADER_POLICY)
  }
  expect(HEADER_POLICY).toContain("frame-ancestors 'none'")
  const etag = (await fetch(server.url)).headers.get('etag') ?? ''
  const revalidated = await fetch(server.url, { headers: { 'If-None-Match': etag } })
  expect(revalidated.status).toBe(304)
  expect(revalidated.headers.get('content-security-policy')).toBe(HEADER_POLICY)
})

it('is the policy README.md gives nginx', () => {
  expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain(`add_header Content-Security-Policy "${HEADER_POLICY}" always;`)
})
