import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../../engines'
import type { QueryEngine } from '@/engine/QueryEngine'
import { datasetsSql, indicatorSeriesSql, spendingSeriesSql } from '@/engine/sql/analysis'
import { loadDataset } from '@/ingest/loadDataset'
import { readDataFolder } from '../../support'

describe.each(ENGINES)('on $name', ({ create }) => {
  let engine: QueryEngine
  beforeAll(async () => {
    engine = await create()
    await loadDataset(engine, readDataFolder())
  })
  afterAll(() => engine.close())

  const series = async (id: string) =>
    (await engine.query<{ id: string; month: number; ytd: number | null; latest_value: number | null; status: string | null }>(
      indicatorSeriesSql({ year: 2024, org: '806001' }),
    )).filter((r) => r.id === id)

  describe('analysis SQL on the embedded dataset', () => {
    it('lists each unit’s years with their latest month, from the data', async () => {
      expect(await engine.query(datasetsSql)).toEqual([
        { org: '806001', year: 2023, has_indicators: true, has_projects: true, latest_month: 12 },
        { org: '806001', year: 2024, has_indicators: true, has_projects: true, latest_month: 10 },
      ])
    })

    it('reads a 累计 row as the year-to-date total', async () => {
      const d01 = await series('D01')
      expect(d01.find((r) => r.month === 10)?.ytd).toBe(15)
      expect(d01.find((r) => r.month === 12)?.ytd).toBe(15)
    })

    it('sums 当月 rows and converts 万元 to the target unit 亿元', async () => {
      const d06 = await series('D06')
      expect(d06.find((r) => r.month === 1)?.ytd).toBeCloseTo(0.32154, 8)
      expect(d06.find((r) => r.month === 10)?.ytd).toBeCloseTo(3.1451, 6)
    })

    it('converts 万美元 rows to an 亿美元 target, never to 元', async () => {
      const d04 = await series('D04')
      expect(d04.find((r) => r.month === 7)?.ytd).toBeCloseTo(0.68, 10)
      expect(d04.find((r) => r.month === 10)?.ytd).toBeCloseTo(1.08, 10)
    })

    it('gives each month read alone the figures of the whole year’s read, to the last digit (当月 sums too)', async () => {
      for (const year of [2023, 2024]) {
        const whole = await engine.query(indicatorSeriesSql({ year, org: '806001' }))
        for (let m = 1; m <= 12; m++) {
          const ofUnit = await engine.query(indicatorSeriesSql({ year, org: '806001', months: [m, m] }))
          const ofAll = await engine.query(indicatorSeriesSql({ year, org: null, months: [m, m] }))
          expect(ofUnit).toStrictEqual(whole.filter((r) => r.month === m))
          expect(ofAll).toStrictEqual(ofUnit)
        }
      }
    })

    it('leaves out actuals of an indicator without a target, with or without a unit', async () => {
      await engine.exec(`INSERT INTO actuals VALUES ('806001', 2024, 'NO-TARGET', 3, 5, NULL, '累计', NULL, NULL),
        ('806001', 2024, 'NO-TARGET-2', 3, 5, '万元', '累计', NULL, NULL)`)
      try {
        const ids = (await engine.query<{ id: string }>(indicatorSeriesSql({ year: 2024, org: '806001' }))).map((r) => r.id)
        expect(ids).not.toContain('NO-TARGET')
        expect(ids).not.toContain('NO-TARGET-2')
      } finally {
        await engine.exec(`DELETE FROM actuals WHERE id IN ('NO-TARGET', 'NO-TARGET-2')`)
      }
    })

    it('has no value before the first month with data', async () => {
      const d04 = await series('D04')
      expect(d04.find((r) => r.month === 2)?.ytd).toBeNull()
    })

    it('keeps the latest value of a 时点 indicator', async () => {
      const d09 = await series('D09')
      expect(d09.find((r) => r.month === 10)?.latest_value).toBeTypeOf('number')
    })

    it('accumulates spending by project in 万元', async () => {
      const rows = await engine.query<{ code: string; month: number; cumulative: number }>(spendingSeriesSql({ year: 2024, org: '806001' }))
      const oct = rows.filter((r) => r.month === 10)
      expect(oct.map((r) => Math.round(r.cumulative * 100) / 100).sort()).toEqual([199.3, 265.2, 57.1].sort())
    })
  })
})
