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
    })
  })
})
