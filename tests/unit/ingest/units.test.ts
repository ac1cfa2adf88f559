// Many units in one store (docs/formats.md "Many years, many units"): the same 指标编码 and 项目编码 in two units are
// two things, and nothing done for one unit touches another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueryEngine } from '@/engine/QueryEngine'
import { applyUpload } from '@/ingest/batches'
import type { DatasetFolder } from '@/ingest/datasetFolder'
import { loadDataset } from '@/ingest/loadDataset'
import { readDatasets, readScopes } from '@/ingest/readStore'
import { decodeFile, prepareUpload, uploadIsValid } from '@/ingest/upload'
import { noContext } from '@/ingest/validate'
import { ENGINES } from '../../engines'

const utf8 = (text: string) => new TextEncoder().encode(text)
const INDICATORS = '指标编码,所属,分项,三级指标,指标值\nG01,部门,重点工作,重点任务完成数,≥100\n'
const PROJECTS = '项目编码,项目名称,预算数\nP01,专项经费,200\n'

function unitFolder(code: string, name: string, actuals: string, spending: string): DatasetFolder {
  return {
    path: `${code}/2024/`,
    about: { organisation: name, unitCode: code, year: 2024, sampleFiles: [] },
    files: {
      indicators: utf8(INDICATORS),
      projects: utf8(PROJECTS),
      actuals: utf8(`指标编码,月份,完成值\n${actuals}`),
      spending: utf8(`项目编码,月份,支出金额\n${spending}`),
    },
  }
}

describe.each(ENGINES)('units on $name', ({ create }) => {
  let engine: QueryEngine
  beforeAll(async () => {
    engine = await create()
  })
  afterAll(() => engine.close())

  const load = () =>
    loadDataset(engine, [
      unitFolder('A', '甲局', 'G01,2024-06,40\n', 'P01,2024-06,50\n'),
      unitFolder('B', '乙局', 'G01,2024-06,70\n', 'P01,2024-06,120\n'),
    ])
  const rowsOf = async (org: string) => {
    const out: unknown[] = []
    for (const t of ['indicators', 'indicator_targets', 'projects', 'spending_plan', 'actuals', 'spending', 'indicator_links']) {
      out.push(await engine.query(`SELECT * FROM ${t} WHERE org = ? ORDER BY ALL`, [org]))
    }
    return out
  }

  it('keeps two units with the same 指标编码 and 项目编码 apart', async () => {
    await load()
    const units = await readScopes(engine, { year: 2024, org: null })
    expect([...units.keys()].sort()).toEqual(['A', 'B'])
    expect(units.get('A')?.indicatorSeries.get('G01')?.[5]?.ytd).toBe(40)
    expect(units.get('B')?.indicatorSeries.get('G01')?.[5]?.ytd).toBe(70)
    expect(units.get('A')?.spendingSeries.get('P01')?.[5]?.cumulative).toBe(50)
    expect(units.get('B')?.spendingSeries.get('P01')?.[5]?.cumulative).toBe(120)
  })

  it('leaves unit A byte-identical when unit B uploads new targets and actuals', async () => {
    await load()
    const before = await rowsOf('A')
    const files: [string, string][] = [
      ['指标.csv', '指标编码,所属,分项,三级指标,指标值\nG01,部门,重点工作,重点任务完成数,≥150\nG02,部门,重点工作,新增指标,≥5\n'],
      ['完成值.csv', '指标编码,月份,完成值\nG01,2024-07,90\nG02,2024-07,1\n'],
    ]
    for (const [name, text] of files) {
      const upload = await prepareUpload(engine, await decodeFile(name, utf8(text)), noContext({ org: 'B', year: 2024 }))
      expect(uploadIsValid(upload)).toBe(true)
      await applyUpload(engine, upload, `b-${name}`)
    }
    expect(await rowsOf('A')).toEqual(before)
    const b = (await readScopes(engine, { year: 2024, org: 'B' })).get('B')
    expect(b?.indicators.map((i) => i.id)).toEqual(['G01', 'G02'])
  })

  it('loads one table of many units as the 一体化 systems export it, by unit name or code', async () => {
    await loadDataset(engine, [
      {
        path: '',
        about: { organisation: '某县财政局', sampleFiles: [] },
        files: {
          indicators: utf8(`预算单位,年度,指标编码,所属,三级指标,指标值\n甲局,2024,G01,部门,重点任务完成数,≥100\n乙局,2024,G01,部门,重点任务完成数,≥80\n`),
          actuals: utf8(`预算单位,指标编码,月份,完成值\n甲局,G01,2024-06,40\n乙局,G01,2024-06,70\n`),
        },
      },
    ])
    expect((await readDatasets(engine)).map((d) => `${d.org} ${d.year}`)).toEqual(['乙局 2024', '甲局 2024'])
    const units = await readScopes(engine, { year: 2024, org: null })
    expect(units.get('甲局')?.indicators[0]?.target.value).toBe(100)
    expect(units.get('乙局')?.indicatorSeries.get('G01')?.[5]?.ytd).toBe(70)
  })
})
