// The inputs of issue 10's review, each as it was reproduced: files a clerk's tools really write (mixed line endings,
// blank lines, Excel's "Unicode 文本"), and values no figure may come from (NaN, Infinity, 2024-03-99, 6.5 as month 7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNodeEngine } from '@/engine/duckdbNode'
import type { QueryEngine } from '@/engine/QueryEngine'
import { DatasetError, loadDataset } from '@/ingest/loadDataset'
import { describeFileProblem, describeProblem } from '@/ingest/messages'
import { decodeFile, prepareUpload, uploadIsValid, type PreparedUpload } from '@/ingest/upload'
import { noContext } from '@/ingest/validate'
import { readDataFolder, SEED_SCOPE } from '../../support'

let engine: QueryEngine
const utf8 = (text: string) => new TextEncoder().encode(text)
const prepare = async (name: string, bytes: Uint8Array) => prepareUpload(engine, await decodeFile(name, bytes), noContext(SEED_SCOPE))
const messages = (u: PreparedUpload) => [
  ...u.fileProblems.map((p) => describeFileProblem(p)),
  ...u.problems.map((p) => describeProblem(u, p)),
]
const stored = async (u: PreparedUpload) => engine.query(`SELECT id, year, month, value, note FROM ${u.canon} ORDER BY id, month`)
const actuals = (rows: string) => utf8(`指标编码,月份,完成值,单位,说明\n${rows}`)

/** UTF-16 LE with BOM: what Excel's 另存为 "Unicode 文本" writes (tab-separated, CRLF). */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2)
  out.set([0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    out[2 + 2 * i] = code & 0xff
    out[3 + 2 * i] = code >> 8
  }
  return out
}

beforeAll(async () => {
  engine = await createNodeEngine()
  await loadDataset(engine, readDataFolder())
})
afterAll(() => engine.close())

describe('files as clerks’ tools write them', () => {
  it('reads CRLF rows with an LF last line appended by hand', async () => {
    const u = await prepare('f.csv', utf8('指标编码,月份,完成值,单位\r\nD01,2024-11,16,个\r\nD02,2024-11,130,亿元\nD03,2024-11,5,亿元\n'))
    expect(messages(u)).toEqual([])
    expect((await stored(u)).map((r) => [r.id, r.value])).toEqual([['D01', 16], ['D02', 130], ['D03', 5]])
  })

  it('loads a deployed folder whose actuals.csv has mixed line endings', async () => {
    const folders = readDataFolder()
    const folder = folders.find((f) => f.path === '2024/')!
    folder.files.actuals = utf8('指标编码,月份,完成值,单位\r\nD01,2024-11,16,个\r\nD02,2024-11,130,亿元\nD01,2024-12,21,个\n')
    await loadDataset(engine, folders)
    const rows = await engine.query(`SELECT id, month, value FROM actuals WHERE year = 2024 ORDER BY id, month`)
    expect(rows).toEqual([{ id: 'D01', month: 11, value: 16 }, { id: 'D01', month: 12, value: 21 }, { id: 'D02', month: 11, value: 130 }])
    await loadDataset(engine, readDataFolder())
  })

  it('counts lines as Excel numbers rows after a blank line and a quoted line break', async () => {
    const u = await prepare('f.csv', actuals('D01,2024-11,16,个,\n\nD02,2024-11,约3亿,亿元,"两行\n说明"\nD03,2024-11,x,亿元,\n'))
    expect(messages(u)).toEqual(['第4行 完成值 "约3亿" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。', '第5行 完成值 "x" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。'])
  })

  it('reads Excel’s "Unicode 文本": UTF-16 LE, tab-separated', async () => {
    const u = await prepare('完成值.txt', utf16le('指标编码\t月份\t完成值\t单位\t说明\r\nD01\t2024-11\t16\t个\t"签约,外资"\r\n'))
    expect(messages(u)).toEqual([])
    expect(u.encoding).toBe('UTF-16LE')
    expect(await stored(u)).toEqual([{ id: 'D01', year: 2024, month: 11, value: 16, note: '签约,外资' }])
  })

  it('names the file a PNG or a renamed workbook is, never with the CSV reader’s English', async () => {
    const png = await prepare('完成值.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
    expect(messages(png)).toEqual(['「完成值.csv」扩展名为 .csv，但实际上是 PNG 图片，不是表格：请上传 .xlsx 或 CSV 文件。'])
    const unclosed = await prepare('f.csv', actuals('D01,2024-11,16,个,"没有闭合\nD02,2024-11,1,亿元,\n'))
    expect(messages(unclosed)).toEqual([
      '第2行 说明（E列） 以引号开头的单元格没有闭合的引号，其后的内容都会被读进这一格：请补上或删去这个引号。',
    ])
    expect(messages(unclosed).join()).not.toMatch(/[A-Za-z]{4,}/)
  })

  it('refuses a header that names a column twice, naming both', async () => {
    const u = await prepare('f.csv', utf8('指标编码,月份,完成值,完成值\nD01,2024-11,16,17\n'))
    expect(messages(u)).toEqual(['第1行 表头中 C列"完成值"与 D列"完成值"是同一列，请删去或改名其中一列。'])
  })
})

describe('numbers are finite and whole where they must be', () => {
  it.each(['NaN', 'Infinity', 'inf', '-Infinity'])('refuses a 完成值 of %s', async (value) => {
    const u = await prepare('f.csv', actuals(`D01,2024-11,${value},个,\n`))
    expect(messages(u)).toEqual([`第2行 完成值 "${value}" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。`])
  })

  it('refuses 1e400, which no double holds', async () => {
    const u = await prepare('f.csv', actuals('D01,2024-11,1e400,个,\n'))
    expect(messages(u)).toEqual(['第2行 完成值 "1e400" 超出了可以计算的数值范围。'])
  })

  it('refuses a 预算数 of NaN', async () => {
    const u = await prepare('projects.csv', utf8('项目编码,项目名称,预算数\nP1,某项目,NaN\n'))
    expect(messages(u)).toEqual(['第2行 预算数 "NaN" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。'])
  })

  it('refuses a plan month of 6.5 instead of reading month 7', async () => {
    const u = await prepare('spending_plan.csv', utf8('项目编码,月份,计划支出比例\n13020924P009874100020,6.5,100\n'))
    expect(messages(u)).toEqual(['第2行 月份 "6.5" 不是整数，请写成阿拉伯数字，如 6。'])
  })

  it('still reads 1,200.50, 12.5% and Excel’s 1.2E+03', async () => {
    const u = await prepare('f.csv', actuals('D01,2024-09,"1,200.50",个,\nD01,2024-10,12.5%,个,\nD01,2024-11,1.2E+03,个,\n'))
    expect(messages(u)).toEqual([])
    expect((await stored(u)).map((r) => r.value)).toEqual([1200.5, 12.5, 1200])
  })
})

describe('months and dates are exact', () => {
  it.each([
    ['2024-03-99', '第2行 月份 "2024-03-99" 无效，请写成 2024-07、2024/7 或 2024年7月。'],
    ['2024-3 garbage', '第2行 月份 "2024-3 garbage" 无效，请写成 2024-07、2024/7 或 2024年7月。'],
    ['2024-13', '第2行 月份 "2024-13" 无效，请写成 2024-07、2024/7 或 2024年7月。'],
    ['2024-02-30', '第2行 月份 "2024-02-30" 无效，请写成 2024-07、2024/7 或 2024年7月。'],
    ['0000-01', '第2行 月份 "0000-01" 的年份不在 1990 到 2100 年之间。'],
  ])('refuses the month %s', async (month, sentence) => {
    const u = await prepare('f.csv', actuals(`D01,${month},16,个,\n`))
    expect(messages(u)).toEqual([sentence])
  })

  it('reads a month written as a date, with or without a time', async () => {
    const u = await prepare('f.csv', actuals('D01,2024/9/30,1,个,\nD01,2024-10-31 00:00:00,2,个,\nD01,2024年11月30日,3,个,\n'))
    expect(messages(u)).toEqual([])
    expect((await stored(u)).map((r) => r.month)).toEqual([9, 10, 11])
  })

  it('refuses a ledger payment dated in year 0', async () => {
    const u = await prepare('ledger.csv', utf8('支付日期,项目编码,金额\n0000-01-05,13020924P009874100020,100\n'))
    expect(messages(u)).toEqual(['第2行 支付日期 "0000-01-05" 的年份不在 1990 到 2100 年之间。'])
  })
})

describe('a workbook sheet converted to CSV', () => {
  it('is numbered by its Excel rows (__row), which is no header', async () => {
    const u = await prepare('sheet.csv', utf8('__row,指标编码,月份,完成值,单位\r\n7,D01,2024-11,16,个\r\n12,D02,2024-11,约3亿,亿元\r\n'))
    expect(messages(u)).toEqual(['第12行 完成值 "约3亿" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。'])
    const ledger = await prepare('ledger.csv', utf8('__row,支付日期,项目编码,金额\r\n5,2024-03-01,13020924P009874100020,100\r\n9,2024-03-02,NOPE,1\r\n'))
    expect(messages(ledger)).toEqual(['第9行 项目编码 未知的项目编码 "NOPE"。'])
  })
})

describe('nothing stored', () => {
  it('is changed by any refused file', async () => {
    const before = await engine.query('SELECT count(*)::INTEGER AS n, sum(value) AS s FROM actuals')
    const u = await prepare('f.csv', actuals('D01,2024-11,NaN,个,\n'))
    expect(uploadIsValid(u)).toBe(false)
    expect(await engine.query('SELECT count(*)::INTEGER AS n, sum(value) AS s FROM actuals')).toEqual(before)
  })
})

it('reports a deployed file’s problems as a DatasetError naming the file', async () => {
  const folders = readDataFolder()
  const folder = folders.find((f) => f.path === '2024/')!
  folder.files.actuals = utf8('指标编码,月份,完成值\nD01,2024-03-99,1\n')
  const error = await loadDataset(engine, folders).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(DatasetError)
  expect(error).toMatchObject({ fileName: '2024/actuals.csv', messages: ['第2行 月份 "2024-03-99" 无效，请写成 2024-07、2024/7 或 2024年7月。'] })
  await loadDataset(engine, readDataFolder())
})
