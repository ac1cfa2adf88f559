import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../../engines'
import type { QueryEngine } from '@/engine/QueryEngine'

describe.each(ENGINES)('on $name', ({ create }) => {
  let engine: QueryEngine
  beforeAll(async () => {
    engine = await create()
  })
  afterAll(() => engine.close())

  describe('the engine', () => {
    it('returns plain rows without BigInt', async () => {
      const rows = await engine.query('SELECT 42::BIGINT AS n, 1.5::DOUBLE AS x, \'甲\' AS s, NULL AS z')
      expect(rows).toEqual([{ n: 42, x: 1.5, s: '甲', z: null }])
      expect(typeof rows[0]?.n).toBe('number')
    })

    it('binds parameters through a prepared statement', async () => {
      const rows = await engine.query('SELECT ?::VARCHAR AS a, ?::DOUBLE AS b', ['招商引资', 120])
      expect(rows).toEqual([{ a: '招商引资', b: 120 }])
    })

    it('reads a registered CSV with Chinese headers', async () => {
      await engine.registerText('f_t1.csv', '指标编码,完成值\nD01,"1,200.50"\n')
      const rows = await engine.query("SELECT * FROM read_csv('f_t1.csv', header = true, all_varchar = true)")
      expect(rows).toEqual([{ 指标编码: 'D01', 完成值: '1,200.50' }])
    })

    it('refuses DECIMAL columns at the boundary', async () => {
      await expect(engine.query('SELECT 1.25::DECIMAL(9,2) AS d')).rejects.toThrow(/DECIMAL/)
      await expect(engine.queryColumns('SELECT 1.25::DECIMAL(9,2) AS d')).rejects.toThrow(/DECIMAL/)
    })

    it('gives a result of many rows as columns, each cell as a row would have it', async () => {
      // 20,000 rows: several chunks, and long strings enough to fill more than one block of the result's heap
      const n = 20_000
      const { length, cells } = await engine.queryColumns(`SELECT i, i % 7 = 0 AS b, CASE WHEN i % 5 = 0 THEN NULL ELSE i / 4 END AS x,
          '9' || (i // 40)::VARCHAR AS org, '9002582024P' || lpad(i::VARCHAR, 6, '0') AS id,
          CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN '完成任务数（项）' || i::VARCHAR ELSE '数量' END AS name
        FROM range(${n}) t(i) ORDER BY i`)
      const at = (i: number) => ({
        i, b: i % 7 === 0, x: i % 5 === 0 ? null : i / 4, org: `9${Math.floor(i / 40)}`, id: `9002582024P${String(i).padStart(6, '0')}`,
        name: [null, `完成任务数（项）${i}`, '数量'][i % 3],
      })
      expect(length).toBe(n)
      expect(Object.keys(cells)).toEqual(['i', 'b', 'x', 'org', 'id', 'name'])
      const rows = Array.from({ length: n }, (_, r) => Object.fromEntries(Object.entries(cells).map(([name, column]) => [name, column[r]])))
      expect(rows).toEqual(Array.from({ length: n }, (_, i) => at(i)))
      expect(await engine.query('SELECT ?::VARCHAR AS a, 2 AS b', ['招商引资'])).toEqual([{ a: '招商引资', b: 2 }])
      expect(await engine.queryColumns('SELECT ?::VARCHAR AS a, 2 AS b', ['招商引资'])).toEqual({ length: 1, cells: { a: ['招商引资'], b: [2] } })
    })
  })
})
