import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueryEngine } from '@/engine/QueryEngine'
import { loadDataset } from '@/ingest/loadDataset'
import { dumpTables, loadShippedTables, sourceHash, STORE_TABLES, type ShippedTables, type TableName } from '@/ingest/shippedTables'
import { ENGINES } from '../../engines'
import { foldersSizes } from '@/persist/snapshotCache'
import { readDataFolder } from '../../support'

const rowsOf = (engine: QueryEngine, table: TableName) => engine.query(`SELECT * FROM "${table}" ORDER BY ALL`)

describe.each(ENGINES)('the checked tables shipped beside the data, on $name', ({ create }) => {
  let written: QueryEngine
  let meta: ShippedTables
  let bytes: Map<TableName, Uint8Array>
  const folders = readDataFolder()

  beforeAll(async () => {
    written = await create()
    await loadDataset(written, folders)
    // what a file may hold and a CSV must carry back: a line break, a comma, quotes, an empty text beside a missing one
    await written.exec(`UPDATE projects SET name = '园区"基础设施",
二期', purpose = '', goal = NULL WHERE year = 2024 AND code = (SELECT min(code) FROM projects WHERE year = 2024)`)
    ;({ meta, bytes } = await dumpTables(written, folders))
  })
  afterAll(() => written?.close())

  const fetchFrom = (files: Map<TableName, Uint8Array>) => async (name: string) => files.get(name.replace(/\.csv$/, '') as TableName)?.slice() ?? null

  it('reads back every table row for row', async () => {
    const read = await create()
    try {
      expect(await loadShippedTables(read, meta, fetchFrom(bytes))).toBe(true)
      for (const table of STORE_TABLES) expect(await rowsOf(read, table), table).toEqual(await rowsOf(written, table))
      const [project] = await read.query(`SELECT name, purpose, goal FROM projects WHERE year = 2024 AND code = (SELECT min(code) FROM projects WHERE year = 2024)`)
      expect(project).toEqual({ name: '园区"基础设施",\n二期', purpose: '', goal: null })
    } finally {
      await read.close()
    }
  })

  it('is keyed by the files and the about.json they were loaded from', () => {
    expect(meta.source).toBe(sourceHash(readDataFolder()))
    const renamed = folders.map((f, i) => (i === 0 ? { ...f, about: f.about && { ...f.about, organisation: '另一个单位' } } : f))
    expect(sourceHash(renamed)).not.toBe(meta.source)
  })

  it('refuses a table file that is not the one written, and leaves the store empty', async () => {
    const read = await create()
    try {
      const tampered = new Map(bytes)
      const actuals = new TextDecoder().decode(bytes.get('actuals'))
      tampered.set('actuals', new TextEncoder().encode(actuals.replace(/\n[^\n]*\n$/, '\n')))
      expect(await loadShippedTables(read, meta, fetchFrom(tampered))).toBe(false)
      const missing = new Map(bytes)
      missing.delete('spending')
      expect(await loadShippedTables(read, meta, fetchFrom(missing))).toBe(false)
      // the count guards a file whose hash was written over with it
      const short = { ...meta, files: meta.files.map((f) => (f.table === 'actuals' ? { ...f, rows: f.rows + 1 } : f)) }
      expect(await loadShippedTables(read, short, fetchFrom(bytes))).toBe(false)
      for (const table of STORE_TABLES) expect(await rowsOf(read, table), table).toEqual([])
    } finally {
      await read.close()
    }
  })

  it('leaves the store empty when the data files are found not to be those the tables were written from', async () => {
    const read = await create()
    try {
      let asked = 0
      expect(await loadShippedTables(read, meta, fetchFrom(bytes), () => (asked++, false))).toBe(false)
      expect(asked).toBe(1)
      for (const table of STORE_TABLES) expect(await rowsOf(read, table), table).toEqual([])
      expect(await loadShippedTables(read, meta, fetchFrom(bytes), () => true)).toBe(true)
    } finally {
      await read.close()
    }
  })
})

describe('foldersSizes', () => {
  it('is how the key of the files begins, so that files of other sizes are told apart without hashing', () => {
    const folders = readDataFolder()
    expect(sourceHash(folders).startsWith(`${foldersSizes(folders)}#`)).toBe(true)
    const longer = folders.map((f, i) => (i === 0 ? { ...f, files: { ...f.files, actuals: new Uint8Array([...(f.files.actuals ?? []), 0x0a]) } } : f))
    expect(sourceHash(longer).startsWith(`${foldersSizes(folders)}#`)).toBe(false)
  })
})
