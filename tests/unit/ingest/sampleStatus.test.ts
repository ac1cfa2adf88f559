import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createNodeEngine } from '@/engine/duckdbNode'
import type { QueryEngine } from '@/engine/QueryEngine'
import type { BatchRecord, BatchStore } from '@/ingest/batches'
import { loadDataset } from '@/ingest/loadDataset'
import { readSampleParts, sampleLeft, sampleListed, type SamplePart } from '@/ingest/sampleStatus'
import { createUploadSession, type UploadSession } from '@/ingest/uploadSession'
import { describeSample } from '@/i18n/describeSample'
import { readDataFolder, repoRoot, SEED_SCOPE } from '../../support'

class MemoryBatchStore implements BatchStore {
  readonly records = new Map<string, BatchRecord>()
  async list() {
    return [...this.records.values()]
  }
  async put(record: BatchRecord) {
    this.records.set(record.id, record)
  }
  async clear() {
    this.records.clear()
  }
}

let engine: QueryEngine
let parts: SamplePart[]
let store: MemoryBatchStore
let session: UploadSession

const seedFile = (name: string) => new Uint8Array(readFileSync(join(repoRoot, 'data/2024', name)))
async function upload(name: string, bytes: Uint8Array): Promise<BatchRecord> {
  let id = -1
  await session.checkFiles([{ fileName: name, read: async () => bytes }], { checked: (_, check) => void (id = check.id) })
  return session.apply(id)
}
const left = async () => sampleLeft(parts, await store.list()).map((s) => `${s.year}:${s.all ? 'all' : s.kinds.join('+')}`)

beforeAll(async () => {
  engine = await createNodeEngine()
})
afterAll(() => engine.close())
beforeEach(async () => {
  const folders = readDataFolder()
  await loadDataset(engine, folders)
  parts = await readSampleParts(engine, folders)
  store = new MemoryBatchStore()
  session = createUploadSession(engine, store, { scope: () => SEED_SCOPE })
})

describe('what of the embedded data is still sample', () => {
  it('is 2024’s actuals and spending and the whole of 2023 before any upload', async () => {
    expect(await left()).toEqual(['2023:all', '2024:actuals+spending'])
  })

  it('keeps the actuals sample while the user’s file leaves some of its rows in force', async () => {
    await upload('actuals.csv', new TextEncoder().encode('指标编码,月份,完成值,单位\nD01,2024-10,16,个\n'))
    expect(await left()).toEqual(['2023:all', '2024:actuals+spending'])
  })

  it('drops a kind once the user’s files have replaced every one of its sample rows, and brings it back on undo', async () => {
    const actuals = await upload('我的完成值.csv', seedFile('actuals.csv'))
    expect(await left()).toEqual(['2023:all', '2024:spending'])
    await upload('我的支出.csv', seedFile('spending.csv'))
    expect(await left()).toEqual(['2023:all'])
    await session.undo(actuals.id)
    expect(await left()).toEqual(['2023:all', '2024:actuals'])
  })

  it('counts a replaced target file as the user’s for its unit and year', async () => {
    const indicators2023 = readFileSync(join(repoRoot, 'data/2023/indicators.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd()
    const withYear = indicators2023.split('\n').map((line, i) => `${i === 0 ? '年度' : 2023},${line}`).join('\n')
    await upload('2023年指标.csv', new TextEncoder().encode(withYear))
    expect(await left()).toEqual(['2023:projects+spending_plan+actuals+spending', '2024:actuals+spending'])
  })
})

describe('what the folders list before the engine has read them', () => {
  it('takes about.json at its word: 2024’s actuals and spending, all of 2023', () => {
    expect(sampleListed(readDataFolder()).map((s) => `${s.year}:${s.all ? 'all' : s.kinds.join('+')}`)).toEqual(['2023:all', '2024:actuals+spending'])
  })
})

describe('describeSample', () => {
  const scopes = [
    { year: 2024, kinds: ['actuals', 'spending'] as const, all: false },
    { year: 2023, kinds: ['indicators'] as const, all: true },
  ]
  it('names what is still sample, last year’s with its year', () => {
    expect(describeSample(scopes, 2024, 'zh')).toBe('示例数据：完成值、支出；2023年全部')
    expect(describeSample(scopes, 2024, 'en')).toBe('Sample data: actuals, spending; 2023: all files')
  })
  it('says nothing once nothing is sample', () => {
    expect(describeSample([], 2024, 'zh')).toBeNull()
  })
})
