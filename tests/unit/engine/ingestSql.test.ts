import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../../engines'
import type { QueryEngine } from '@/engine/QueryEngine'
import { duplicateKeySql, monthOf, numberExpr, yearOf } from '@/engine/sql/ingest'

const PLAIN_MONTHS = ['2024-07', '2024-7', '2024-12', '2024-00', '2024-13', '1989-05', '1990-01', '2100-12', '2101-01', '0000-01', '2024-1x']

const PLAIN_NUMBERS = ['0', '18', '5.05', '0123', '1305.07', '999999999999999.999999999999999', '0.1', '7.', '.5', '1e3']

describe.each(ENGINES)('on $name', ({ create }) => {
  let engine: QueryEngine
  beforeAll(async () => {
    engine = await create()
  })
  afterAll(() => engine.close())

  it('reads a plain 2024-07 month as the general pattern reads it', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE months_t AS SELECT unnest(${JSON.stringify(PLAIN_MONTHS).replaceAll('"', "'")}) AS x`)
    // a leading space keeps the cell off the plain form's path: the general pattern reads it after trimming
    const rows = await engine.query<{ x: string; y: number | null; m: number | null; gy: number | null; gm: number | null }>(
      `SELECT x, ${yearOf('x')} AS y, ${monthOf('x')} AS m, ${yearOf("' ' || x")} AS gy, ${monthOf("' ' || x")} AS gm FROM months_t ORDER BY x`,
    )
    expect(rows.map((r) => [r.x, r.y, r.m])).toEqual(rows.map((r) => [r.x, r.gy, r.gm]))
    expect(rows.find((r) => r.x === '2024-7')).toMatchObject({ y: 2024, m: 7 })
    expect(rows.find((r) => r.x === '2024-13')).toMatchObject({ y: null, m: null })
  })

  it('reads a plain 1305.07 number as the general pattern reads it', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE numbers_t AS SELECT unnest(${JSON.stringify(PLAIN_NUMBERS).replaceAll('"', "'")}) AS x`)
    const rows = await engine.query<{ x: string; n: number | null; g: number | null }>(
      `SELECT x, ${numberExpr('x')} AS n, ${numberExpr("' ' || x")} AS g FROM numbers_t ORDER BY x`,
    )
    expect(rows.map((r) => [r.x, r.n])).toEqual(rows.map((r) => [r.x, r.g]))
    expect(rows.find((r) => r.x === '5.05')?.n).toBe(5.05)
  })

  it('names each repeat of a key with the line of its first row, within a unit and year', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE dup_t AS SELECT * FROM (VALUES
      (2, 'a', 2024, 'G1', 1), (3, 'a', 2024, 'G1', 1), (4, 'b', 2024, 'G1', 1), (5, 'a', 2024, 'G1', 1),
      (6, 'a', NULL, 'G1', 1), (7, 'a', NULL, 'G1', 1), (8, 'a', 2024, NULL, 1), (9, 'a', 2024, NULL, 1)
    ) t(_line, _org, _year, id, month)`)
    const rows = await engine.query(`SELECT * FROM (${duplicateKeySql('dup_t', ['id', 'month'])}) ORDER BY _line`)
    expect(rows).toEqual([
      { _line: 3, key: 'id+month', rule: 'duplicate', value: 'G1, 1', detail: '2' },
      { _line: 5, key: 'id+month', rule: 'duplicate', value: 'G1, 1', detail: '2' },
      { _line: 7, key: 'id+month', rule: 'duplicate', value: 'G1, 1', detail: '6' },
    ])
  })
})
