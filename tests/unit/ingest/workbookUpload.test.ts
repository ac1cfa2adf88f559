// Workbooks on the upload path, as the data page takes them: read sheet by sheet, validated with their sheet and
// Excel row, previewed, applied as one batch and undone. The workbooks are written here with exceljs the way Excel
// and WPS save them.
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createNodeEngine } from '@/engine/duckdbNode'
import type { QueryEngine } from '@/engine/QueryEngine'
import type { BatchRecord, BatchStore } from '@/ingest/batches'
import { exportCsv } from '@/ingest/exportCsv'
import { loadDataset } from '@/ingest/loadDataset'
import { buildTargetFormTemplate, SEED_TARGET_FORM, type TargetFormContent } from '@/ingest/targetFormTemplate'
import { createUploadSession, type FileCheck, type UploadSession } from '@/ingest/uploadSession'
import { fixture, readDataFolder, SEED_SCOPE } from '../../support'
import { workbookBytes } from './excelBooks'

class MemoryBatchStore implements BatchStore {
  readonly records = new Map<string, BatchRecord>()
  async list() {
    return [...this.records.values()]
  }
  async put(record: BatchRecord) {
    this.records.set(record.id, structuredClone(record))
  }
  async clear() {
    this.records.clear()
  }
}

let engine: QueryEngine
let session: UploadSession
const TABLES = ['indicators', 'indicator_targets', 'projects', 'spending_plan', 'actuals', 'spending']

async function storedTables(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const t of TABLES) out[t] = await engine.query(`SELECT * FROM ${t} ORDER BY ALL`)
  return out
}

async function pickOne(fileName: string, bytes: Uint8Array): Promise<FileCheck> {
  let checked: FileCheck | null = null
  await session.checkFiles([{ fileName, read: async () => bytes }], {
    checked: (_, check) => void (checked = check),
    failed: (_, error) => {
      throw error
    },
  })
  if (!checked) throw new Error(`${fileName} was not checked`)
  return checked
}

const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
const CODE = '13020924P009874100020'

/**
 * The month's figures as an office keeps them in Excel: a title row merged over the table, a header over two rows
 * (完成 merged across 值 and 情况, the others merged down), 月份 as a date cell, an Excel serial and text, a number
 * stored as text, a percent-formatted cell, a formula with its cached value; and a second sheet of spending.
 */
function addMonthSheets(wb: ExcelJS.Workbook, value = '1,200.50'): void {
  const ws = wb.addWorksheet('11月完成值')
  ws.mergeCells('A1:F1')
  ws.getCell('A1').value = '2024年11月指标完成情况'
  for (const [range, text] of [['A2:A3', '指标编码'], ['B2:B3', '月份'], ['C2:D2', '完成'], ['E2:E3', '单位'], ['F2:F3', '说明']] as const) {
    ws.mergeCells(range)
    ws.getCell(range.slice(0, 2)).value = text
  }
  ws.getCell('C3').value = '值'
  ws.getCell('D3').value = '情况'
  ws.getRow(4).values = ['D01', utcDate(2024, 11, 1), 16, null, '个', '签约项目16个']
  ws.getCell('B4').numFmt = 'yyyy"年"m"月"'
  ws.getRow(5).values = ['D06', 45597, value, null, '万元', '11月为税收淡季']
  ws.getRow(6).values = ['D09', '2024-11', 0.125, null, '%']
  ws.getCell('C6').numFmt = '0.0%'
  ws.getRow(7).values = ['D02', utcDate(2024, 11, 30), { formula: '60+25.5', result: 85.5 }, null, '亿元']
  ws.getCell('B7').numFmt = 'yyyy/m/d'
  ws.getRow(8).values = ['D10', '2024年11月', null, '达成']

  const spending = wb.addWorksheet('11月支出')
  spending.getRow(1).values = ['项目编码', '月份', '支出金额']
  spending.getRow(2).values = [CODE, utcDate(2024, 11, 1), { formula: '12.3+30', result: 42.3 }]
  spending.getCell('B2').numFmt = 'yyyy-mm'
}

/** A new project's 绩效目标表, in the layout of the seed's form. */
const NEW_PROJECT: TargetFormContent = {
  project: {
    ...SEED_TARGET_FORM.project,
    项目编码: '13020924P00999910001X',
    项目名称: '2024年园区消防设施改造',
    预算数: '80.00',
    财政资金: '80.00',
    资金用途: '园区消防设施改造',
    年度目标: '完成园区消防设施改造',
  },
  indicators: [
    ['产出指标', '数量指标', '改造消防栓数量', '≥40个', '改造计划'],
    ['产出指标', '质量指标', '验收合格率', '100%', '消防验收标准'],
    ['满意度指标', '服务对象满意度指标', '入园企业满意度', '≥90%', '问卷调查'],
  ].map(([一级指标, 二级指标, 三级指标, 指标值, 指标值确定依据]) => ({
    所属: '13020924P00999910001X', 一级指标, 二级指标, 三级指标, 指标值, 指标值确定依据,
  }) as Record<string, string>),
  plan: [
    { 项目编码: '13020924P00999910001X', 月份: '6', 计划支出比例: '50' },
    { 项目编码: '13020924P00999910001X', 月份: '12', 计划支出比例: '50' },
  ],
}

beforeAll(async () => {
  engine = await createNodeEngine()
})
afterAll(() => engine.close())
beforeEach(async () => {
  await loadDataset(engine, readDataFolder())
  session = createUploadSession(engine, new MemoryBatchStore(), { scope: () => SEED_SCOPE })
})

describe('a workbook of the month’s figures', () => {
  it('is read sheet by sheet, each recognised by its headers, and previewed', async () => {
    const check = await pickOne('2024年11月报表.xlsx', await workbookBytes((wb) => addMonthSheets(wb)))
    expect(check.format).toBe('xlsx')
    expect(check.workbookProblems).toEqual([])
    expect(check.parts.map((p) => [p.sheet, p.kind, p.valid, p.sourceRows])).toEqual([
      ['11月完成值', 'actuals', true, 5],
      ['11月支出', 'spending', true, 1],
    ])
    expect(check.parts.map((p) => p.counts)).toEqual([
      { new: 5, changed: 0, unchanged: 0, removed: 0 },
      { new: 1, changed: 0, unchanged: 0, removed: 0 },
    ])
    expect(check.valid).toBe(true)
  })

  it('stores every value as the cell shows it, in one batch', async () => {
    const check = await pickOne('2024年11月报表.xlsx', await workbookBytes((wb) => addMonthSheets(wb)))
    const record = await session.apply(check.id)
    expect(record.parts.map((p) => [p.sheet, p.kind, p.counts.rows])).toEqual([
      ['11月完成值', 'actuals', 5],
      ['11月支出', 'spending', 1],
    ])
    expect(await engine.query(`SELECT id, value, unit, basis, status, note FROM actuals WHERE year = 2024 AND month = 11 ORDER BY id`)).toEqual([
      { id: 'D01', value: 16, unit: '个', basis: '累计', status: null, note: '签约项目16个' },
      { id: 'D02', value: 85.5, unit: '亿元', basis: '累计', status: null, note: null },
      { id: 'D06', value: 1200.5, unit: '万元', basis: '累计', status: null, note: '11月为税收淡季' },
      { id: 'D09', value: 12.5, unit: '%', basis: '累计', status: null, note: null },
      { id: 'D10', value: null, unit: null, basis: '累计', status: '达成', note: null },
    ])
    expect(await engine.query(`SELECT code, amount FROM spending WHERE year = 2024 AND month = 11`)).toEqual([{ code: CODE, amount: 42.3 }])
    expect(new TextDecoder().decode(await exportCsv(engine, 'actuals'))).toContain('D06,2024-11,1200.5,万元,累计,,11月为税收淡季')
  })

  it('is undone as a whole, to exactly what was stored before', async () => {
    const before = await storedTables()
    const record = await session.apply((await pickOne('报表.xlsx', await workbookBytes((wb) => addMonthSheets(wb)))).id)
    expect((await session.undo(record.id)).status).toBe('undone')
    expect(await storedTables()).toEqual(before)
  })

  it('names a bad cell by its sheet and Excel row, and stores nothing', async () => {
    const before = await storedTables()
    const check = await pickOne('报表.xlsx', await workbookBytes((wb) => addMonthSheets(wb, '一百')))
    expect(check.valid).toBe(false)
    const [actuals, spending] = check.parts
    expect(actuals?.problems.map((p) => [p.line, p.key, p.rule, p.value])).toEqual([[5, 'value', 'number', '一百']])
    expect(spending?.valid).toBe(true)
    await expect(session.apply(check.id)).rejects.toThrow()
    expect(await storedTables()).toEqual(before)
  })

  it('refuses two sheets that set the same indicator’s month, naming both', async () => {
    const check = await pickOne('报表.xlsx', await workbookBytes((wb) => {
      addMonthSheets(wb)
      const again = wb.addWorksheet('补报')
      again.getRow(1).values = ['指标编码', '月份', '完成值']
      again.getRow(2).values = ['D01', '2024-11', 17]
    }))
    expect(check.valid).toBe(false)
    expect(check.clashes).toMatchObject([{ kind: 'actuals', sheet: '补报', otherSheet: '11月完成值', reason: 'same-rows', rows: 1 }])
  })

  it('says what an .xls renamed .xlsx and a picture named .xlsx are, and reads nothing', async () => {
    const xls = await pickOne('支出计划.xlsx', fixture('spending_plan_excel97.xls'))
    expect(xls).toMatchObject({ format: null, sniff: 'xls', parts: [], valid: false })
    const png = await pickOne('截图.xlsx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
    expect(png).toMatchObject({ format: null, sniff: 'png', parts: [], valid: false })
  })

  it('names a sheet that is no table of the app without refusing the others', async () => {
    const check = await pickOne('报表.xlsx', await workbookBytes((wb) => {
      wb.addWorksheet('填表说明').getRow(1).values = ['序号', '事项', '要求']
      addMonthSheets(wb)
    }))
    expect(check.skipped).toEqual([{ sheet: '填表说明', reason: 'unrecognised', headers: ['序号', '事项', '要求'] }])
    expect(check.valid).toBe(true)
  })
})

describe('a 项目支出绩效目标表 workbook', () => {
  const projectRows = (code: string) =>
    engine.query(`SELECT
      (SELECT count(*) FROM projects WHERE year = 2024 AND code = '${code}')::INTEGER AS projects,
      (SELECT count(*) FROM indicators WHERE year = 2024 AND scope = '${code}')::INTEGER AS indicators,
      (SELECT count(*) FROM spending_plan WHERE year = 2024 AND code = '${code}')::INTEGER AS plan`)

  it('gives the seed’s own project back unchanged, its indicators keeping their codes', async () => {
    const check = await pickOne('绩效目标表.xlsx', await buildTargetFormTemplate())
    expect(check.valid).toBe(true)
    expect(check.parts.map((p) => [p.sheet, p.kind, p.counts])).toEqual([
      ['绩效目标表', 'projects', { new: 0, changed: 0, unchanged: 1, removed: 0 }],
      ['绩效目标表', 'spending_plan', { new: 0, changed: 0, unchanged: 3, removed: 0 }],
      ['绩效目标表', 'indicators', { new: 0, changed: 0, unchanged: 6, removed: 0 }],
    ])
    expect(check.parts.map((p) => p.within)).toEqual([
      { column: 'code', values: [CODE] },
      { column: 'code', values: [CODE] },
      { column: 'scope', values: [CODE] },
    ])
  })

  it('adds a new project, its indicators and its plan as one batch, touching no other project, and undoes it', async () => {
    const before = await storedTables()
    const check = await pickOne('消防改造.xlsx', await buildTargetFormTemplate(NEW_PROJECT))
    expect(check.parts.map((p) => [p.kind, p.counts])).toEqual([
      ['projects', { new: 1, changed: 0, unchanged: 0, removed: 0 }],
      ['spending_plan', { new: 2, changed: 0, unchanged: 0, removed: 0 }],
      ['indicators', { new: 3, changed: 0, unchanged: 0, removed: 0 }],
    ])
    const record = await session.apply(check.id)
    expect(await projectRows('13020924P00999910001X')).toEqual([{ projects: 1, indicators: 3, plan: 2 }])
    expect(await engine.query(`SELECT id, name, target FROM indicators WHERE scope = '13020924P00999910001X' ORDER BY id`)).toEqual([
      { id: '13020924P00999910001X-01', name: '改造消防栓数量', target: '≥40个' },
      { id: '13020924P00999910001X-02', name: '验收合格率', target: '100%' },
      { id: '13020924P00999910001X-03', name: '入园企业满意度', target: '≥90%' },
    ])
    expect(await projectRows(CODE)).toEqual([{ projects: 1, indicators: 6, plan: 3 }])
    expect((await engine.query(`SELECT count(*)::INTEGER AS n FROM indicators WHERE year = 2024`))[0]?.n).toBe(36)
    expect((await session.undo(record.id)).status).toBe('undone')
    expect(await storedTables()).toEqual(before)
  })

  it('replaces only its own project’s indicators and plan when the form changes them', async () => {
    const changed: TargetFormContent = {
      ...SEED_TARGET_FORM,
      indicators: SEED_TARGET_FORM.indicators.slice(0, 5).map((r, i) => (i === 0 ? { ...r, 指标值: '≥60次' } : r)),
      plan: [{ 项目编码: CODE, 月份: '6', 计划支出比例: '50' }, { 项目编码: CODE, 月份: '12', 计划支出比例: '50' }],
    }
    const before = await storedTables()
    const check = await pickOne('绩效目标表.xlsx', await buildTargetFormTemplate(changed))
    expect(check.parts.map((p) => [p.kind, p.counts])).toEqual([
      ['projects', { new: 0, changed: 0, unchanged: 1, removed: 0 }],
      ['spending_plan', { new: 0, changed: 2, unchanged: 0, removed: 1 }],
      ['indicators', { new: 0, changed: 1, unchanged: 4, removed: 1 }],
    ])
    const record = await session.apply(check.id)
    expect(await engine.query(`SELECT id, target FROM indicators WHERE scope = '${CODE}' ORDER BY id`)).toEqual([
      { id: 'P1-01', target: '≥60次' },
      { id: 'P1-02', target: '100100%' },
      { id: 'P1-03', target: '100100%' },
      { id: 'P1-04', target: SEED_TARGET_FORM.indicators[3]!['指标值'] },
      { id: 'P1-05', target: SEED_TARGET_FORM.indicators[4]!['指标值'] },
    ])
    expect((await engine.query(`SELECT count(*)::INTEGER AS n FROM indicators WHERE year = 2024`))[0]?.n).toBe(32)
    expect(await projectRows('13020924P00986710002R')).toEqual([{ projects: 1, indicators: 4, plan: 3 }])
    expect((await session.undo(record.id)).status).toBe('undone')
    expect(await storedTables()).toEqual(before)
  })

  it('refuses a form with a blank 指标值, naming the sheet, row and column', async () => {
    const broken = { ...SEED_TARGET_FORM, indicators: SEED_TARGET_FORM.indicators.map((r, i) => (i === 2 ? { ...r, 指标值: '' } : r)) }
    const check = await pickOne('绩效目标表.xlsx', await buildTargetFormTemplate(broken))
    expect(check.valid).toBe(false)
    expect(check.parts).toEqual([])
    expect(check.workbookProblems).toMatchObject([{ rule: 'indicator-target-missing', sheet: '绩效目标表', column: 5, value: '任务完成及时率' }])
  })
})
