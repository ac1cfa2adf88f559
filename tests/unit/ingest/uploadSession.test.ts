import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createNativeEngine } from '@/engine/duckdbNative'
import { createNodeEngine } from '@/engine/duckdbNode'
import type { QueryEngine } from '@/engine/QueryEngine'
import { logSignature, type BatchRecord, type BatchStore } from '@/ingest/batches'
import { replayBatches } from '@/ingest/replay'
import { loadDataset } from '@/ingest/loadDataset'
import { decodeUpload } from '@/ingest/readUpload'
import { linksFile } from '@/ingest/linksFile'
import { createUploadSession, type FileCheck, type PickedFile, type UploadSession } from '@/ingest/uploadSession'
import { fixture, readDataFolder, SEED_SCOPE } from '../../support'

/** The batch store as a Map, counting how often the whole list is read; it can be told to refuse writes. */
class MemoryBatchStore implements BatchStore {
  readonly records = new Map<string, BatchRecord>()
  lists = 0
  refuseWrites = false
  async list() {
    this.lists++
    return [...this.records.values()].map((r) => structuredClone(r))
  }
  async put(record: BatchRecord) {
    if (this.refuseWrites) throw new Error('QuotaExceededError')
    this.records.set(record.id, structuredClone(record))
  }
  async clear() {
    this.records.clear()
  }
}

let engine: QueryEngine
let store: MemoryBatchStore
let decodes: string[]
let session: UploadSession

const utf8 = (text: string) => new TextEncoder().encode(text)
const actuals = (rows: string) => utf8(`指标编码,月份,完成值,单位\n${rows}`)
const TABLES = ['indicators', 'indicator_targets', 'projects', 'spending_plan', 'actuals', 'spending']

async function storedTables(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const t of TABLES) out[t] = await engine.query(`SELECT * FROM ${t} ORDER BY ALL`)
  return out
}

/** Checks one pick of files and returns what the page would show of each. */
async function pick(...files: [name: string, bytes: Uint8Array][]): Promise<FileCheck[]> {
  const checks: FileCheck[] = []
  const picked: PickedFile[] = files.map(([fileName, bytes]) => ({ fileName, read: async () => bytes }))
  await session.checkFiles(picked, {
    checked: (index, check) => void (checks[index] = check),
    failed: (_, error) => {
      throw error
    },
  })
  return checks
}
const pickOne = async (name: string, bytes: Uint8Array) => (await pick([name, bytes]))[0] as FileCheck

beforeAll(async () => {
  engine = await createNodeEngine()
})
afterAll(() => engine.close())
beforeEach(async () => {
  await loadDataset(engine, readDataFolder())
  store = new MemoryBatchStore()
  decodes = []
  session = createUploadSession(engine, store, {
    scope: () => SEED_SCOPE,
    foldersHash: () => 'data#1',
    decode: (name, bytes, options) => {
      decodes.push(name)
      return decodeUpload(name, bytes, options)
    },
  })
})

describe('checking picked files', () => {
  it('shows a GBK file as plain data: encoding, kind, counts and samples, no engine table', async () => {
    const check = await pickOne('actuals_gbk_crlf.csv', fixture('actuals_gbk_crlf.csv'))
    expect(check).toMatchObject({ format: 'csv', valid: true })
    expect(check.parts).toHaveLength(1)
    expect(check.parts[0]).toMatchObject({ sheet: null, encoding: 'GB18030', kind: 'actuals', valid: true, sourceRows: 6 })
    expect(check.parts[0]?.counts).toEqual({ new: 6, changed: 0, unchanged: 0, removed: 0 })
    expect(check.parts[0]?.samples).toHaveLength(6)
    expect(JSON.stringify(check)).not.toMatch(/canon_|typed_|stage_|ledger_/)
    expect(decodes).toEqual(['actuals_gbk_crlf.csv'])
  })

  it('decodes each file of a pick once, also one checked again with the indicators of another', async () => {
    const shown: [number, boolean][] = []
    await session.checkFiles(
      [
        { fileName: 'actuals.csv', read: async () => actuals('X01,2024-11,30,次\n') },
        { fileName: 'indicators.csv', read: async () => utf8('指标编码,所属,分项,三级指标,指标值\nX01,部门,经济运行,社区走访,≥120次\n') },
      ],
      { checked: (index, check) => void shown.push([index, check.valid]) },
    )
    expect(shown).toEqual([[0, false], [1, true], [0, true]])
    expect(decodes).toEqual(['actuals.csv', 'indicators.csv'])
  })

  it('lists the problems of a bad file by line and column, and stores nothing', async () => {
    const before = await storedTables()
    const check = await pickOne('actuals_bad.csv', fixture('actuals_bad.csv'))
    expect(check.valid).toBe(false)
    expect(check.parts[0]?.problems.map((p) => [p.line, p.key, p.rule])).toEqual([
      [3, 'id', 'unknown-id'],
      [4, 'value', 'number'],
      [5, 'period', 'month'],
      [7, 'id+period_year+period_month', 'duplicate'],
      [8, 'unit', 'unit-mismatch'],
    ])
    await expect(session.apply(check.id)).rejects.toThrow()
    expect(store.records.size).toBe(0)
    expect(await storedTables()).toEqual(before)
  })
})

describe('batches', () => {
  it('applies a file and lists its batch, reading the log as stored once per change', async () => {
    expect(await session.history()).toEqual([])
    const check = await pickOne('a.csv', actuals('D01,2024-11,100,个\n'))
    const record = await session.apply(check.id)
    expect(await session.history()).toEqual([record])
    expect([...store.records.values()]).toEqual([record])
    expect(store.lists).toBe(2)
    const [stored] = await engine.query(`SELECT value FROM actuals WHERE id = 'D01' AND year = 2024 AND month = 11`)
    expect(stored?.value).toBe(100)
  })

  it('applies nothing when the batch store refuses the batch', async () => {
    const before = await storedTables()
    const check = await pickOne('a.csv', actuals('D01,2024-11,100,个\n'))
    store.refuseWrites = true
    await expect(session.apply(check.id)).rejects.toThrow('QuotaExceededError')
    expect(await storedTables()).toEqual(before)
    expect(await session.history()).toEqual([])
  })

  it('undoes a batch to what was stored before and keeps it as undone', async () => {
    const before = await storedTables()
    const record = await session.apply((await pickOne('a.csv', actuals('D01,2024-10,99,个\nD01,2024-11,100,个\n'))).id)
    const outcome = await session.undo(record.id)
    expect(outcome.status).toBe('undone')
    expect(await storedTables()).toEqual(before)
    const [listed] = await session.history()
    expect(listed?.undoneAt).toEqual(expect.any(String))
    expect(store.records.get(record.id)?.undoneAt).toBe(listed?.undoneAt)
    expect(await session.undo(record.id)).toEqual({ status: 'nothing' })
    expect(store.lists).toBe(3)
  })

  it('refuses to undo a batch under a later one that changed the same rows, until that one is undone', async () => {
    const first = await session.apply((await pickOne('a.csv', actuals('D01,2024-11,100,个\n'))).id)
    const second = await session.apply((await pickOne('b.csv', actuals('D01,2024-11,101,个\n'))).id)
    expect(await session.undo(first.id)).toEqual({ status: 'blocked', later: [second] })
    const [kept] = await engine.query(`SELECT value FROM actuals WHERE id = 'D01' AND year = 2024 AND month = 11`)
    expect(kept?.value).toBe(101)
    expect((await session.undo(second.id)).status).toBe('undone')
    expect((await session.undo(first.id)).status).toBe('undone')
  })

  it('previews a file again against what another file applied since', async () => {
    const [first, second] = await pick(['a.csv', actuals('D01,2024-11,100,个\n')], ['b.csv', actuals('D01,2024-11,100,个\n')])
    expect(second?.parts[0]?.counts?.new).toBe(1)
    await session.apply(first!.id)
    const [again] = await session.refreshPreviews()
    expect(again?.id).toBe(second!.id)
    expect(again?.parts[0]?.counts).toMatchObject({ new: 0, changed: 0, unchanged: 1 })
  })

  it('forgets every batch and every checked file on reset', async () => {
    await session.apply((await pickOne('a.csv', actuals('D01,2024-11,100,个\n'))).id)
    await pickOne('b.csv', actuals('D02,2024-11,7.5,亿元\n'))
    await session.reset()
    expect(await session.history()).toEqual([])
    expect(store.records.size).toBe(0)
    expect(await session.refreshPreviews()).toEqual([])
  })
})

describe('pending files that would overwrite each other', () => {
  const indicators = (id: string) => utf8(`指标编码,所属,分项,三级指标,指标值\n${id},部门,经济运行,社区走访,≥120次\n`)

  it('names two 指标 files that would both replace the year’s targets', async () => {
    const [a, b] = await pick(['指标1.csv', indicators('X01')], ['指标2.csv', indicators('X02')])
    const conflicts = await session.conflicts()
    expect(conflicts.get(a!.id)).toEqual([
      { kind: 'indicators', sheet: null, otherId: b!.id, otherFile: '指标2.csv', otherSheet: null, reason: 'same-scope', rows: 0, scopes: [SEED_SCOPE] },
    ])
    expect(conflicts.get(b!.id)?.map((c) => c.otherFile)).toEqual(['指标1.csv'])
  })

  it('names two 完成值 files that set the same month of an indicator, with how many rows', async () => {
    const [a] = await pick(['a.csv', actuals('D01,2024-11,100,个\nD02,2024-11,7,亿元\n')], ['b.csv', actuals('D01,2024-11,101,个\n')])
    expect((await session.conflicts()).get(a!.id)).toMatchObject([{ otherFile: 'b.csv', reason: 'same-rows', rows: 1 }])
  })

  it('names nothing for files that touch different rows', async () => {
    await pick(['a.csv', actuals('D01,2024-11,100,个\n')], ['b.csv', actuals('D01,2024-10,99,个\n')])
    expect((await session.conflicts()).size).toBe(0)
  })
})

describe('the deployed data a batch was applied on', () => {
  it('is recorded in the batch', async () => {
    const record = await session.apply((await pickOne('a.csv', actuals('D01,2024-11,100,个\n'))).id)
    expect(record.foldersHash).toBe('data#1')
  })
})

describe('two tabs on one batch log', () => {
  /** Another tab: its own engine, loaded from the data folder and the log as it was when it opened. */
  let other: QueryEngine
  let otherSession: UploadSession
  let otherLog = ''
  const bringUpToDate = (engineOf: QueryEngine, current: () => string, set: (log: string) => void) =>
    async (log: readonly BatchRecord[]) => {
      if (current() === logSignature(log)) return
      await loadDataset(engineOf, readDataFolder())
      await replayBatches(engineOf, log)
      set(logSignature(log))
    }
  let thisLog = ''
  const value = async (e: QueryEngine) =>
    (await e.query(`SELECT value FROM actuals WHERE id = 'D01' AND year = 2024 AND month = 11`))[0]?.value ?? null

  beforeAll(async () => {
    other = await createNativeEngine()
  })
  afterAll(() => other.close())
  beforeEach(async () => {
    await loadDataset(other, readDataFolder())
    thisLog = ''
    otherLog = ''
    session = createUploadSession(engine, store, { scope: () => SEED_SCOPE, sync: bringUpToDate(engine, () => thisLog, (l) => (thisLog = l)) })
    otherSession = createUploadSession(other, store, { scope: () => SEED_SCOPE, sync: bringUpToDate(other, () => otherLog, (l) => (otherLog = l)) })
  })

  it('applies on top of the batch the other tab applied since, restoring it on undo', async () => {
    const first = await session.apply((await pickOne('a.csv', actuals('D01,2024-11,100,个\n'))).id)
    thisLog = logSignature([first])
    const picked: FileCheck[] = []
    await otherSession.checkFiles([{ fileName: 'b.csv', read: async () => actuals('D01,2024-11,101,个\n') }], {
      checked: (_, check) => void picked.push(check),
    })
    const second = await otherSession.apply(picked[0]!.id)
    expect(second.parts[0]!.before).toEqual([first.parts[0]!.rows[0]])
    expect(await value(other)).toBe(101)
    expect((await otherSession.undo(second.id)).status).toBe('undone')
    expect(await value(other)).toBe(100)
  })

  it('refuses to undo a batch under the later change of a tab it has not heard of', async () => {
    const first = await session.apply((await pickOne('a.csv', actuals('D01,2024-11,100,个\n'))).id)
    thisLog = logSignature([first])
    const picked: FileCheck[] = []
    await otherSession.checkFiles([{ fileName: 'b.csv', read: async () => actuals('D01,2024-11,101,个\n') }], {
      checked: (_, check) => void picked.push(check),
    })
    const second = await otherSession.apply(picked[0]!.id)
    const outcome = await session.undo(first.id)
    expect(outcome).toMatchObject({ status: 'blocked', later: [{ id: second.id }] })
    expect(await value(engine)).toBe(101)
    expect(store.records.get(first.id)?.undoneAt).toBeNull()
  })
})

describe('the links page’s file (indicator_links.csv built in memory)', () => {
  const linksOf2024 = () => engine.query(`SELECT id, last_year_id FROM indicator_links WHERE org = '806001' AND year = 2024 ORDER BY id`)

  it('is checked, previewed and applied like an upload, and undone back to no link', async () => {
    const file = linksFile([{ id: 'D16', lastYearId: null }, { id: 'D02', lastYearId: 'D03' }], { org: '806001', year: 2024 })
    const check = await pickOne(file.fileName, file.bytes)
    // D16 is not an indicator of 2024: refused with its line, nothing stored
    expect(check.valid).toBe(false)
    expect(check.parts[0]!.problems.map((p) => [p.line, p.key, p.rule])).toEqual([[2, 'id', 'unknown-id']])

    const good = linksFile([{ id: 'D01', lastYearId: null }, { id: 'D02', lastYearId: 'D03' }], { org: '806001', year: 2024 })
    const ok = await pickOne(good.fileName, good.bytes)
    expect(ok.valid).toBe(true)
    expect(ok.parts[0]).toMatchObject({ kind: 'links', replaces: true, scopes: [{ org: '806001', year: 2024 }] })
    expect(ok.parts[0]!.counts).toMatchObject({ new: 2, changed: 0 })
    const record = await session.apply(ok.id)
    expect(await linksOf2024()).toEqual([{ id: 'D01', last_year_id: null }, { id: 'D02', last_year_id: 'D03' }])
    expect((await session.undo(record.id)).status).toBe('undone')
    expect(await linksOf2024()).toEqual([])
  })

  it('goes to the unit and year it names, not the year the data page chose', async () => {
    const elsewhere = createUploadSession(engine, store, { scope: () => ({ org: '806001', year: 2023 }) })
    const file = linksFile([{ id: 'D01', lastYearId: null }], { org: '806001', year: 2024 })
    let check: FileCheck | undefined
    await elsewhere.checkFiles([{ fileName: file.fileName, read: async () => file.bytes }], { checked: (_, c) => void (check = c) })
    expect(check?.parts[0]?.scopes).toEqual([{ org: '806001', year: 2024 }])
  })
})

describe('January of a year whose targets are not loaded yet', () => {
  const january = (rows: string) => utf8(`指标编码,月份,完成值,单位,数据口径\n${rows}`)

  it('takes the actuals of the codes the unit reported under last year, and refuses a code it never had', async () => {
    const check = await pickOne('2025-01.csv', january('D01,2025-01,2,个,累计\nD02,2025-01,8.5,亿元,累计\nD99,2025-01,1,个,累计\n'))
    expect(check.parts[0]!.problems.map((p) => [p.line, p.key, p.rule])).toEqual([[4, 'id', 'unknown-id']])
    const ok = await pickOne('2025-01.csv', january('D01,2025-01,2,个,累计\nD02,2025-01,8.5,亿元,累计\n'))
    expect(ok.valid).toBe(true)
    expect(ok.parts[0]?.scopes).toEqual([{ org: '806001', year: 2025 }])
    await session.apply(ok.id)
    const [stored] = await engine.query(`SELECT count(*)::INTEGER AS n FROM actuals WHERE year = 2025`)
    expect(stored?.n).toBe(2)
  })

  it('checks against the year’s own 指标 once any are loaded', async () => {
    const targets = utf8('指标编码,所属,分项,三级指标,指标值,年度\nN01,部门,招商引资,新指标,≥5个,2025\n')
    await session.apply((await pickOne('indicators_2025.csv', targets)).id)
    const check = await pickOne('2025-01.csv', january('D01,2025-01,2,个,累计\nN01,2025-01,1,个,累计\n'))
    expect(check.parts[0]!.problems.map((p) => [p.line, p.rule])).toEqual([[2, 'unknown-id']])
  })
})
