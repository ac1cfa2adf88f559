// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { BatchRecord } from '@/ingest/batches'
import { batchStore, checkBatchRecord } from '@/persist/batchStore'

const record: BatchRecord = {
  id: 'm3k2-1',
  fileName: '完成值.csv',
  kind: 'actuals',
  table: 'actuals',
  mode: 'upsert',
  scopes: [],
  appliedAt: '2024-11-30T08:00:00.000Z',
  counts: { new: 1, changed: 0, unchanged: 0, removed: 0, rows: 1, sourceRows: 1 },
  encoding: 'GB18030',
  columns: ['org', 'year', 'id', 'month', 'value'],
  rows: [['806001', 2024, 'D01', 11, 16]],
  before: [],
  undoneAt: null,
}
const { appliedAt: _appliedAt, ...withoutAppliedAt } = record
const { undoneAt: _undoneAt, ...withoutUndoneAt } = record

describe('a stored batch record', () => {
  it('is read back as it was written', () => {
    expect(checkBatchRecord(JSON.parse(JSON.stringify(record)))).toEqual(record)
  })

  it.each([
    ['without appliedAt', withoutAppliedAt],
    ['applied at no time', { ...record, appliedAt: 'yesterday' }],
    ['of a kind that does not exist', { ...record, kind: 'constructor' }],
    ['of a kind whose table is not its own', { ...record, table: 'spending' }],
    ['without the key columns of its table', { ...record, columns: ['id', 'value', 'x', 'y'] }],
    ['with a row of the wrong width', { ...record, rows: [['D01', 2024, 11]] }],
    ['with a cell that is no value', { ...record, rows: [['D01', 2024, 11, { n: 16 }]] }],
    ['with counts that are not numbers', { ...record, counts: { ...record.counts, rows: '1' } }],
    ['undone at no time', { ...record, undoneAt: 5 }],
    ['that is null', null],
    ['that is a list', [record]],
  ])('is left out when %s', (_, stored) => {
    expect(checkBatchRecord(stored)).toBeNull()
  })

  it('counts as in force without undoneAt, and loses fields it does not know', () => {
    const stored = JSON.parse(`{"__proto__": {"polluted": true}, "extra": 1, ${JSON.stringify(withoutUndoneAt).slice(1)}`)
    const read = checkBatchRecord(stored)
    expect(read).toEqual(record)
    expect(Object.keys(read ?? {})).not.toContain('extra')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps an unknown encoding as none', () => {
    expect(checkBatchRecord({ ...record, encoding: 'Big5' })?.encoding).toBeNull()
  })
})

describe('the batch store', () => {
  it('lists only the records that check out, in the order applied', async () => {
    const store = batchStore()
    const later = { ...record, id: 'm3k3-2', appliedAt: '2024-12-01T08:00:00.000Z' }
    await store.put(later)
    await store.put({ ...withoutAppliedAt, id: 'broken' } as BatchRecord)
    await store.put(record)
    expect(await store.list()).toEqual([record, later])
    await store.clear()
    expect(await store.list()).toEqual([])
  })
})
