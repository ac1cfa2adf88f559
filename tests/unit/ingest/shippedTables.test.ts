import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNativeEngine } from '@/engine/duckdbNative'
import type { QueryEngine } from '@/engine/QueryEngine'
import { createStoreSchemaSql } from '@/engine/sql/schema'
import { loadDataset } from '@/ingest/loadDataset'
import { readDatasets, readScopes } from '@/ingest/readStore'
import {
  attachShippedDatabase, dumpTables, loadShippedTables, SHIPPED_DATABASE_FILE, sourceHash, STORE_TABLES, writeShippedDatabase,
  type ShippedTables, type TableName,
} from '@/ingest/shippedTables'
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

  it('writes each unit’s rows together, years in order, each unit’s year in the order it was stored', async () => {
    // loaded in this order, a unit's rows lie in a few of DuckDB's blocks, which one unit's reads skip to
    const mixed = await create()
    try {
      await mixed.exec(createStoreSchemaSql())
      await mixed.exec(`INSERT INTO spending VALUES ('B', 2024, 'P1', 1, 1), ('A', 2024, 'P9', 1, 2), ('B', 2023, 'P2', 2, 3),
        ('A', 2024, 'P0', 3, 4), ('B', 2023, 'P1', 1, 5)`)
      const lines = new TextDecoder().decode((await dumpTables(mixed, folders)).bytes.get('spending')).trim().split('\n')
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['A,2024,P9', 'A,2024,P0', 'B,2023,P2', 'B,2023,P1', 'B,2024,P1'])
    } finally {
      await mixed.close()
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

describe('the checked tables as a database file, on native DuckDB (the command line’s)', () => {
  const folders = readDataFolder()
  let dir: string
  let written: QueryEngine
  let meta: ShippedTables
  let bytes: Map<TableName, Uint8Array>
  let database: string
  const fetchFrom = (files: Map<TableName, Uint8Array>) => async (name: string) => files.get(name.replace(/\.csv$/, '') as TableName)?.slice() ?? null

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jx-shipped-db-'))
    written = await createNativeEngine()
    await loadDataset(written, folders)
    ;({ meta, bytes } = await dumpTables(written, folders))
    database = join(dir, SHIPPED_DATABASE_FILE)
    const writer = await createNativeEngine()
    try {
      await writeShippedDatabase(writer, meta, fetchFrom(bytes), database)
    } finally {
      await writer.close()
    }
  })
  afterAll(async () => {
    await written?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** A fresh engine with `path` attached as `attachShippedDatabase` does it; what it returned, and the engine. */
  async function attached(path: string, tables = meta, fromTheseFiles?: () => boolean) {
    const engine = await createNativeEngine()
    return { engine, ok: await attachShippedDatabase(engine, tables, path, fromTheseFiles) }
  }

  it('holds every table row for row as the CSVs load, queried where it lies', async () => {
    const { engine, ok } = await attached(database)
    try {
      expect(ok).toBe(true)
      for (const table of STORE_TABLES) expect(await rowsOf(engine, table), table).toEqual(await rowsOf(written, table))
      expect(await engine.query('SELECT count(*)::INTEGER AS n FROM units')).toEqual(await written.query('SELECT count(*)::INTEGER AS n FROM units'))
      // read-only: nothing can change the file through it
      await expect(engine.exec('DELETE FROM actuals')).rejects.toThrow()
    } finally {
      await engine.close()
    }
  })

  it('gives the monitor the same snapshots as the tables loaded from their CSVs', async () => {
    const { engine } = await attached(database)
    try {
      const [year] = (await readDatasets(written)).map((d) => d.year).sort((a, b) => b - a)
      const scope = { year: year as number, org: null, months: [1, 12] as const }
      expect(await readScopes(engine, scope)).toEqual(await readScopes(written, scope))
    } finally {
      await engine.close()
    }
  })

  it('is refused, the engine’s own empty catalog left in use, when the data files are not those the tables were written from', async () => {
    const { engine, ok } = await attached(database, meta, () => false)
    try {
      expect(ok).toBe(false)
      await expect(engine.query('SELECT * FROM actuals')).rejects.toThrow()
      // the CSVs may still be loaded into that engine
      expect(await loadShippedTables(engine, meta, fetchFrom(bytes))).toBe(true)
    } finally {
      await engine.close()
    }
  })

  it('is refused when snapshot.json lists other tables than those it was written from', async () => {
    const other = { ...meta, files: meta.files.map((f) => (f.table === 'actuals' ? { ...f, hash: '0' } : f)) }
    const { engine, ok } = await attached(database, other)
    await engine.close()
    expect(ok).toBe(false)
    const { engine: second, ok: again } = await attached(database, { ...meta, source: `${meta.source}x` })
    await second.close()
    expect(again).toBe(false)
  })

  it('is refused when missing, cut short or not a database at all', async () => {
    const whole = readFileSync(database)
    const short = join(dir, 'short.duckdb')
    writeFileSync(short, whole.subarray(0, Math.floor(whole.length / 2)))
    const text = join(dir, 'text.duckdb')
    writeFileSync(text, 'org,year\n')
    for (const path of [join(dir, 'missing.duckdb'), short, text]) {
      const { engine, ok } = await attached(path)
      await engine.close()
      expect(ok, path).toBe(false)
    }
  })

  it('is refused when a table reads back otherwise than written', async () => {
    // the same file with one value changed in place: what a disk or a hand would do
    const changed = join(dir, 'changed.duckdb')
    copyFileSync(database, changed)
    const engine = await createNativeEngine()
    try {
      await engine.exec(`ATTACH '${changed}' AS c; UPDATE c.actuals SET value = value + 1 WHERE rowid = (SELECT min(rowid) FROM c.actuals WHERE value IS NOT NULL); DETACH c`)
      expect(await attachShippedDatabase(engine, meta, changed)).toBe(false)
    } finally {
      await engine.close()
    }
  })
})
