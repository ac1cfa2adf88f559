import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  fetchDeployed,
  forgetRequestsAhead,
  hasShippedSnapshot,
  requestDeployedData,
} from '@/ingest/deployedRequests'

/** A server of the deployed data/ folder that counts what it is asked for. */
function fakeServer(files: Record<string, string>) {
  const asked: string[] = []
  const fetch = async (input: string | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://intranet.test/app/')
    asked.push(`${init?.method ?? 'GET'} ${url.pathname}`)
    const body = files[url.pathname]
    return body === undefined
      ? new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } })
      : new Response(init?.method === 'HEAD' ? null : body, { headers: { 'content-type': 'application/json' } })
  }
  return { asked, fetch }
}

const saved = { fetch: globalThis.fetch, document: (globalThis as { document?: unknown }).document }
let server: ReturnType<typeof fakeServer>

beforeEach(() => {
  server = fakeServer({
    '/app/data/index.json': JSON.stringify({ datasets: ['2023', '2024'] }),
    '/app/data/snapshot.json': '{}',
    '/app/data/2024/indicators.csv': '指标编码\n1',
  })
  globalThis.fetch = server.fetch as typeof fetch
  ;(globalThis as { document?: unknown }).document = { baseURI: 'http://intranet.test/app/' }
})
afterEach(() => {
  forgetRequestsAhead()
  globalThis.fetch = saved.fetch
  ;(globalThis as { document?: unknown }).document = saved.document
})

describe('the requests the entry starts ahead of the app', () => {
  it('asks for every folder index.json lists, before the app asks', async () => {
    await requestDeployedData()
    expect(server.asked).toContain('GET /app/data/2023/indicators.csv')
    expect(server.asked).toContain('GET /app/data/2024/about.json')
    expect(server.asked.filter((a) => a.endsWith('/spending.csv'))).toHaveLength(2)
  })

  it('hands each request to the first load only, and a later load asks the server again', async () => {
    await requestDeployedData()
    const before = server.asked.length
    expect(await (await fetchDeployed('data/2024/indicators.csv')).text()).toBe('指标编码\n1')
    expect(server.asked).toHaveLength(before)
    await fetchDeployed('data/2024/indicators.csv')
    expect(server.asked).toHaveLength(before + 1)
  })

  it('drops what the first load left once told to, so that a reload reads the files as they are then', async () => {
    await requestDeployedData()
    forgetRequestsAhead()
    const before = server.asked.length
    await fetchDeployed('data/index.json')
    expect(server.asked).toHaveLength(before + 1)
  })

  it('reads a folder of its own when there is no index.json', async () => {
    server = fakeServer({ '/app/data/indicators.csv': 'x' })
    globalThis.fetch = server.fetch as typeof fetch
    await requestDeployedData()
    expect(server.asked).toContain('GET /app/data/indicators.csv')
    expect(server.asked).toContain('GET /app/data/about.json')
  })

  it('tells whether a snapshot is shipped from the request already made, leaving its body to the load', async () => {
    await requestDeployedData()
    const before = server.asked.length
    expect(await hasShippedSnapshot()).toBe(true)
    expect(server.asked).toHaveLength(before)
    expect(await (await fetchDeployed('data/snapshot.json')).text()).toBe('{}')
  })

  it('asks the server with a HEAD when nothing was started ahead, and a missing snapshot is none', async () => {
    expect(await hasShippedSnapshot()).toBe(true)
    expect(server.asked).toEqual(['HEAD /app/data/snapshot.json'])
    server = fakeServer({})
    globalThis.fetch = server.fetch as typeof fetch
    expect(await hasShippedSnapshot()).toBe(false)
  })
})
