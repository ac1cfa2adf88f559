// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { BatchPart, BatchRecord } from '@/ingest/batches'
import { batchStore, checkBatchRecord } from '@/persist/batchStore'

const part: BatchPart = {
  kind: 'actuals',
  table: 'actuals',
  sheet: null,
  mode: 'upsert',
  scopes: [],
  within: null,
  counts: { new: 1, changed: 0, unchanged: 0, removed: 0, rows: 1, sourceRows: 1 },
  encoding: 'GB18030',
  columns: ['org', 'year', 'id', 'month', 'value'],
  rows: [['806001', 2024, 'D01', 11, 16]],
  before: [],
}
const record: BatchRecord = {
  id: 'm3k2-1',
  fileName: '完成值.csv',
  appliedAt: '2024-11-30T08:00:00.000Z',
  undoneAt: null,
  foldersHash: 'actuals.csv:10#abc',
  parts: [part],
}
const { appliedAt: _appliedAt, ...withoutAppliedAt } = record
const { undoneAt: _undoneAt, ...withoutUndoneAt } = record
const withPart = (changes: Partial<Record<keyof BatchPart, unknown>>) => ({ ...record, parts: [{ ...part, ...changes }] })

/** A form's indicators: a replace narrowed to its project's 所属. */
const formPart: BatchPart = {
  ...part,
  kind: 'indicators',
  table: 'indicators',
  sheet: '目标表',
  mode: 'replace',
  scopes: [{ org: '806001', year: 2024 }],
  within: { column: 'scope', values: ['P1'] },
  columns: ['org', 'year', 'id', 'scope', 'name'],
  rows: [['806001', 2024, 'P1-01', 'P1', '培训次数']],
}

describe('a stored batch record', () => {
  it('is read back as it was written', () => {
    expect(checkBatchRecord(JSON.parse(JSON.stringify(record)))).toEqual(record)
  })

  it.each([
    ['without appliedAt', withoutAppliedAt],
    ['applied at no time', { ...record, appliedAt: 'yesterday' }],
    ['of a kind that does not exist', withPart({ kind: 'constructor' })],
    ['of a kind whose table is not its own', withPart({ table: 'spending' })],
    ['without the key columns of its table', withPart({ columns: ['id', 'value', 'x', 'y'] })],
    ['with a row of the wrong width', withPart({ rows: [['D01', 2024, 11]] })],
    ['with a cell that is no value', withPart({ rows: [['D01', 2024, 11, { n: 16 }]] })],
    ['with counts that are not numbers', withPart({ counts: { ...part.counts, rows: '1' } })],
    ['with a narrowed replace whose codes are not text', { ...record, parts: [{ ...formPart, within: { column: 'scope', values: [1] } }] }],
    ['without parts', { ...record, parts: [] }],
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
    expect(checkBatchRecord(withPart({ encoding: 'Big5' }))?.parts[0]?.encoding).toBeNull()
  })

  it('keeps the project a form’s replace is narrowed to', () => {
    const form = { ...record, parts: [formPart] }
    expect(checkBatchRecord(JSON.parse(JSON.stringify(form)))).toEqual(form)
  })

  it('reads a record kept before batches had parts as a batch of one part, on no known data', () => {
    const { parts: _parts, foldersHash: _hash, ...rest } = record
    const { sheet: _sheet, within: _within, ...flat } = part
    expect(checkBatchRecord({ ...rest, ...flat })).toEqual({ ...record, foldersHash: null })
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
