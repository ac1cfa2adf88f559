// Batches kept across data folder changes, and which batches must be undone before another.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createNodeEngine } from '@/engine/duckdbNode'
import type { QueryEngine } from '@/engine/QueryEngine'
import { applyUploads, partsOverlap, rowsRemovedByUndo, type BatchPart, type BatchRecord } from '@/ingest/batches'
import { adoptUnrecorded, replayBatches } from '@/ingest/replay'
import { loadDataset } from '@/ingest/loadDataset'
import { decodeFile, prepareUpload } from '@/ingest/upload'
import { noContext } from '@/ingest/validate'
import { readDataFolder, SEED_SCOPE } from '../../support'

let engine: QueryEngine
const utf8 = (text: string) => new TextEncoder().encode(text)
let n = 0

async function applyCsv(text: string, foldersHash = 'old'): Promise<BatchRecord> {
  const upload = await prepareUpload(engine, await decodeFile('a.csv', utf8(text)), noContext(SEED_SCOPE))
  return applyUploads(engine, [{ upload, sheet: null }], { id: `b${++n}`, fileName: 'a.csv', foldersHash })
}
const actuals = (rows: string) => applyCsv(`指标编码,月份,完成值,单位\n${rows}`)

/** The deployed data after the department put November's D01 into data/2024/actuals.csv. */
function foldersWithNovember() {
  const folders = readDataFolder()
  const y2024 = folders.find((f) => f.about?.year === 2024)!
  const text = new TextDecoder().decode(y2024.files.actuals)
  y2024.files.actuals = utf8(`${text.trimEnd()}\nD01,2024-11,15,个,累计,,\n`)
  return folders
}

beforeAll(async () => {
  engine = await createNodeEngine()
})
afterAll(() => engine.close())
beforeEach(async () => {
  await loadDataset(engine, readDataFolder())
})

describe('replaying batches onto changed deployed data', () => {
  it('says nothing of batches applied on the data now', async () => {
    const b1 = await actuals('D01,2024-11,16,个\n')
    await loadDataset(engine, readDataFolder())
    expect(await replayBatches(engine, [b1], { foldersHash: 'old' })).toEqual({ onOtherData: [], changed: [], rebased: [] })
  })

  it('names a batch whose rows the new data holds otherwise, and records it again on the data now', async () => {
    const b1 = await actuals('D01,2024-11,16,个\n')
    const b2 = await actuals('D02,2024-11,7.5,亿元\n')
    await loadDataset(engine, foldersWithNovember())
    const report = await replayBatches(engine, [b1, b2], { foldersHash: 'new' })
    expect(report.onOtherData.map((b) => b.id)).toEqual([b1.id, b2.id])
    expect(report.changed.map((b) => b.id)).toEqual([b1.id])
    expect(report.rebased[0]?.foldersHash).toBe('new')
    expect(report.rebased[0]?.parts[0]?.before).toEqual([['806001', 2024, 'D01', 11, 15, '个', '累计', null, null]])
    const [stored] = await engine.query(`SELECT value FROM actuals WHERE id = 'D01' AND year = 2024 AND month = 11`)
    expect(stored?.value).toBe(16)
  })

  it('takes a batch kept before the data was recorded as made on the data now when it still applies as it did', async () => {
    const kept = { ...(await actuals('D02,2024-11,7.5,亿元\n')), foldersHash: null }
    await loadDataset(engine, readDataFolder())
    const { adopted, report } = adoptUnrecorded(await replayBatches(engine, [kept], { foldersHash: 'now' }))
    expect(adopted.map((b) => [b.id, b.foldersHash])).toEqual([[kept.id, 'now']])
    expect(report.onOtherData).toEqual([])
  })
})

describe('which batches overlap', () => {
  const part = (changes: Partial<BatchPart>): BatchPart => ({
    kind: 'indicators', table: 'indicators', sheet: null, mode: 'replace', scopes: [SEED_SCOPE as { org: string; year: number }],
    within: null, counts: { new: 0, changed: 0, unchanged: 0, removed: 0, rows: 0, sourceRows: 0 }, encoding: null,
    columns: ['org', 'year', 'id', 'scope'], rows: [], before: [], ...changes,
  })
  const form = (code: string) => part({ within: { column: 'scope', values: [code] }, rows: [['806001', 2024, `${code}-01`, code]] })

  it('keeps the forms of two projects apart', () => {
    expect(partsOverlap(form('P1'), form('P2'))).toBe(false)
  })

  it('puts a form under a later 指标 file that replaced the whole year', () => {
    expect(partsOverlap(form('P1'), part({ rows: [['806001', 2024, 'D01', '部门']] }))).toBe(true)
  })

  it('puts a project’s own form twice together', () => {
    expect(partsOverlap(form('P1'), form('P1'))).toBe(true)
  })
})

describe('the rows an undo removes', () => {
  it('counts the rows a batch added that nothing from before restores', async () => {
    const record = await actuals('D01,2024-10,99,个\nD01,2024-11,100,个\nD02,2024-11,7,亿元\n')
    expect(rowsRemovedByUndo(record)).toBe(2)
  })
})
