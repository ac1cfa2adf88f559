import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createNodeEngine } from '@/engine/duckdbNode'
import type { QueryEngine } from '@/engine/QueryEngine'
import { applyUpload, laterOverlapping, undoBatch } from '@/ingest/batches'
import { replayBatches } from '@/ingest/replay'
import { exportCsv, EXPORT_KINDS, templateCsv } from '@/ingest/exportCsv'
import { FILE_KINDS, type FileKind } from '@/ingest/fileKinds'
import { loadDataset, singleFolder } from '@/ingest/loadDataset'
import { noContext } from '@/ingest/validate'
import { describeFileProblem, describeProblem } from '@/ingest/messages'
import { decodeFile, prepareUpload, uploadIsValid, type PreparedUpload } from '@/ingest/upload'
import { fixture, readDataFolder, SEED_SCOPE } from '../../support'

let engine: QueryEngine
const utf8 = (text: string) => new TextEncoder().encode(text)
const TABLES = ['indicators', 'indicator_targets', 'projects', 'spending_plan', 'actuals', 'spending']

beforeAll(async () => {
  engine = await createNodeEngine()
})
afterAll(() => engine.close())
beforeEach(async () => {
  await loadDataset(engine, readDataFolder())
})

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const t of TABLES) out[t] = await engine.query(`SELECT * FROM ${t} ORDER BY ALL`)
  return out
}
const messages = (u: PreparedUpload) => [
  ...u.fileProblems.map((p) => describeFileProblem(p)),
  ...u.problems.map((p) => describeProblem(u, p)),
]
const prepare = async (name: string, bytes: Uint8Array) => prepareUpload(engine, await decodeFile(name, bytes), noContext(SEED_SCOPE))
let batchNo = 0
const apply = (u: PreparedUpload) => applyUpload(engine, u, `b${++batchNo}`)

describe('reading files as Excel and WPS save them', () => {
  const records = async (name: string) => {
    const u = await prepare(name, fixture(name))
    expect(messages(u)).toEqual([])
    const rows = await engine.query(`SELECT * FROM ${u.canon} ORDER BY id`)
    return { u, rows }
  }

  it('reads GBK without BOM, UTF-8 with BOM and English headers to the same six records', async () => {
    const gbk = await records('actuals_gbk_crlf.csv')
    const bom = await records('actuals_utf8_bom.csv')
    const english = await records('actuals_english_headers.csv')
    expect(gbk.u.encoding).toBe('GB18030')
    expect(bom.u.encoding).toBe('UTF-8 (BOM)')
    expect(english.u.encoding).toBe('UTF-8')
    expect(gbk.u.spec?.kind).toBe('actuals')
    expect(english.u.spec?.kind).toBe('actuals')
    expect(gbk.rows).toHaveLength(6)
    expect(bom.rows).toEqual(gbk.rows)
    expect(english.rows).toEqual(gbk.rows)
  })

  it('reads quoted commas, 1,200.50, 12.5% and skips the empty trailing rows', async () => {
    const { u, rows } = await records('actuals_gbk_crlf.csv')
    expect(u.sourceRows).toBe(6)
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
    expect(byId.D01?.note).toBe('签约项目16个,其中外资项目2个')
    expect(byId.D06).toMatchObject({ value: 1200.5, unit: '万元', basis: '当月', year: 2024, month: 11 })
    expect(byId.D09).toMatchObject({ value: 12.5, unit: '%', basis: '累计' })
    expect(byId.D10).toMatchObject({ value: null, status: '达成' })
    expect(byId.D14?.value).toBe(0)
  })

  it('previews the six November rows as new', async () => {
    const { u } = await records('actuals_utf8_bom.csv')
    expect(u.counts).toEqual({ new: 6, changed: 0, unchanged: 0, removed: 0 })
    expect(u.samples.every((s) => s.isNew)).toBe(true)
  })
})

describe('a file with errors', () => {
  it('lists every problem of actuals_bad.csv by row, column and a Chinese sentence', async () => {
    const u = await prepare('actuals_bad.csv', fixture('actuals_bad.csv'))
    expect(uploadIsValid(u)).toBe(false)
    expect(messages(u)).toEqual([
      '第3行 指标编码 未知的指标编码 "D-99"。',
      '第4行 完成值 "约3亿" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。',
      '第5行 月份 "2024-13" 无效，请写成 2024-07、2024/7 或 2024年7月。',
      '第7行 指标编码+月份 重复的 指标编码+月份（D05, 2024, 11），与第6行重复。',
      '第8行 单位 "亿美元" 无法换算为指标 D07（固定资产投资）的单位 亿元。',
    ])
    expect(u.canon).toBeNull()
  })

  it('says which required column is missing', async () => {
    const u = await prepare('x.csv', utf8('指标编码,完成值\nD01,3\n'))
    expect(messages(u)).toEqual(['缺少必填列：月份。'])
    const v = await prepare('y.csv', utf8('支付日期,项目编码,凭证号\n2024-01-02,X,1\n'))
    expect(messages(v)).toEqual(['缺少必填列：金额。'])
    const w = await prepare('z.csv', utf8('姓名,电话\n张三,1\n'))
    expect(messages(w)).toEqual(['无法识别表头（姓名, 电话），请下载模板核对列名。'])
  })

  it('names a ledger row with an impossible date, a bad amount and an unknown project', async () => {
    const u = await prepare(
      'ledger_bad.csv',
      utf8(
        '支付日期,项目编码,金额\n2024-02-30,13020924P009874100020,100\n2024-03-01,NOPE,100\n2024-03-02,13020924P009874100020,约100\n2024-03-03,13020924P009874100020,\n',
      ),
    )
    expect(messages(u)).toEqual([
      '第2行 支付日期 "2024-02-30" 不是有效日期，请写成 2024-07-15 或 2024/7/15。',
      '第3行 项目编码 未知的项目编码 "NOPE"。',
      '第4行 金额 "约100" 不是数字，请写成阿拉伯数字，如 100、1,200.50 或 12.5%。',
      '第5行 金额 为空，此列必填。',
    ])
  })

  it('stores nothing', async () => {
    const before = await snapshot()
    const u = await prepare('actuals_bad.csv', fixture('actuals_bad.csv'))
    await expect(apply(u)).rejects.toThrow()
    expect(await snapshot()).toEqual(before)
  })
})

describe('the payment ledger', () => {
  it('sums the small ledger to exactly the monthly spending of data/spending.csv', async () => {
    const u = await prepare('spending_ledger_small.csv', fixture('spending_ledger_small.csv'))
    expect(messages(u)).toEqual([])
    expect(u.spec?.kind).toBe('ledger')
    expect(u.sourceRows).toBe(31)
    expect(u.counts).toMatchObject({ new: 0, changed: 0 })
    const [row] = await engine.query(
      `SELECT amount FROM ${u.canon} WHERE code = '13020924P009874100020' AND year = 2024 AND month = 6`,
    )
    expect(row?.amount).toBe(42.3)
  })
})

describe('a big GBK ledger', () => {
  /** 300,000 payments as Excel saves them on a Chinese Windows machine, with Chinese only in the row given. */
  function ledger(header: string, row50001: string): Uint8Array {
    const rows = Array.from({ length: 300_000 }, (_, i) => `2024-03-${String((i % 28) + 1).padStart(2, '0')},13020924P009874100020,1.00,x`)
    rows[50_000] = row50001
    const text = `${header}\r\n${rows.join('\r\n')}\r\n`
    const gbk = new Uint8Array(text.length + 16)
    let n = 0
    for (const ch of text) {
      if (ch.charCodeAt(0) < 128) gbk[n++] = ch.charCodeAt(0)
      else n += gbkBytes(ch, gbk, n)
    }
    return gbk.subarray(0, n)
  }

  it('is told GBK from its Chinese header', async () => {
    const u = await prepare('ledger_gbk.csv', ledger('支付日期,项目编码,金额,收款人', '2024-03-01,13020924P009874100020,1.00,收款人甲'))
    expect(messages(u)).toEqual([])
    expect(u.encoding).toBe('GB18030')
    expect(u.sourceRows).toBe(300_000)
  })

  it('is read again as GBK when its samples looked like UTF-8 and DuckDB finds a row that is not', async () => {
    const file = await decodeFile('ledger_gbk.csv', ledger('date,code,amount,payee', '2024年3月1日,13020924P009874100020,1.00,x'))
    expect(file).toMatchObject({ sampled: true, encoding: 'UTF-8' })
    const u = await prepareUpload(engine, file, noContext(SEED_SCOPE))
    expect(messages(u)).toEqual([])
    expect(u.encoding).toBe('GB18030')
    expect(u.sourceRows).toBe(300_000)
  })
})

// The GBK bytes of the few characters the tests write.
const GBK: Record<string, number[]> = {
  支: [0xd6, 0xa7], 付: [0xb8, 0xb6], 日: [0xc8, 0xd5], 期: [0xc6, 0xda], 项: [0xcf, 0xee], 目: [0xc4, 0xbf],
  编: [0xb1, 0xe0], 码: [0xc2, 0xeb], 金: [0xbd, 0xf0], 额: [0xb6, 0xee], 收: [0xca, 0xd5], 款: [0xbf, 0xee],
  人: [0xc8, 0xcb], 甲: [0xbc, 0xd7], 年: [0xc4, 0xea], 月: [0xd4, 0xc2],
}
function gbkBytes(ch: string, out: Uint8Array, at: number): number {
  const b = GBK[ch]
  if (!b) throw new Error(`no GBK bytes for ${ch}`)
  out.set(b, at)
  return b.length
}

describe('batches', () => {
  const actuals = (text: string) => prepare('a.csv', utf8(`指标编码,月份,完成值,单位\n${text}`))

  it('previews changed rows with the old value', async () => {
    const [stored] = await engine.query(`SELECT value FROM actuals WHERE id = 'D01' AND year = 2024 AND month = 10`)
    const u = await actuals('D01,2024-10,99,个\nD01,2024-11,100,个\n')
    expect(u.counts).toEqual({ new: 1, changed: 1, unchanged: 0, removed: 0 })
    const changed = u.samples.find((s) => !s.isNew)
    expect(changed?.values.value).toBe(99)
    expect(changed?.old.value).toBe(stored?.value)
  })

  it('undoes a batch to exactly what was stored before', async () => {
    const before = await snapshot()
    const u = await actuals('D01,2024-10,99,个\nD01,2024-11,100,个\nD06,2024-10,0.1234567890123,亿元\n')
    const batch = await apply(u)
    expect(batch.parts[0]?.counts).toMatchObject({ rows: 3, new: 1, changed: 2 })
    const [applied] = await engine.query(`SELECT value FROM actuals WHERE id = 'D01' AND year = 2024 AND month = 10`)
    expect(applied?.value).toBe(99)
    await undoBatch(engine, batch)
    expect(await snapshot()).toEqual(before)
  })

  it('replays stored batches onto a fresh load, skipping undone ones', async () => {
    const b1 = await apply(await actuals('D01,2024-11,100,个\n'))
    const b2 = await apply(await prepare('l.csv', fixture('spending_ledger_small.csv')))
    const b3 = await apply(await actuals('D02,2024-11,7.5,亿元\n'))
    const after = await snapshot()
    await loadDataset(engine, readDataFolder())
    await replayBatches(engine, [b1, b2, b3])
    expect(await snapshot()).toEqual(after)
    await undoBatch(engine, b3)
    const undone = await snapshot()
    await loadDataset(engine, readDataFolder())
    await replayBatches(engine, [b1, b2, { ...b3, undoneAt: new Date().toISOString() }])
    expect(await snapshot()).toEqual(undone)
  })

  it('refuses to undo under a later batch that changed the same rows', async () => {
    const b1 = await apply(await actuals('D01,2024-11,100,个\n'))
    const b2 = await apply(await actuals('D01,2024-11,101,个\n'))
    const b3 = await apply(await actuals('D02,2024-11,7.5,亿元\n'))
    expect(laterOverlapping(b1, [b1, b2, b3]).map((b) => b.id)).toEqual([b2.id])
    expect(laterOverlapping(b1, [b1, { ...b2, undoneAt: 'x' }, b3])).toEqual([])
  })

  it('replaces that year’s indicators only from a department’s own file, and undoes it', async () => {
    const before = await snapshot()
    const u = await prepare(
      'indicators.csv',
      utf8('指标编码,所属,分项,三级指标,指标值\nX01,部门,经济运行,社区走访,≥120次\nX02,部门,社会稳定,群众满意度,≥95%\n'),
    )
    expect(messages(u)).toEqual([])
    expect(u.replaces).toBe(true)
    expect(u.counts?.new).toBe(2)
    expect(u.counts?.removed).toBeGreaterThan(10)
    const batch = await apply(u)
    expect(await engine.query('SELECT id, direction, target_value, target_unit FROM indicator_targets WHERE year = 2024 ORDER BY id')).toEqual([
      { id: 'X01', direction: '≥', target_value: 120, target_unit: '次' },
      { id: 'X02', direction: '≥', target_value: 95, target_unit: '%' },
    ])
    // the year before keeps its own targets
    expect((await engine.query('SELECT count(*)::INTEGER AS n FROM indicators WHERE year = 2023'))[0]?.n).toBe(20)
    await undoBatch(engine, batch)
    expect(await snapshot()).toEqual(before)
  })
})

describe('export', () => {
  it('exports every table to its DATA.md file and reads it back to identical tables', async () => {
    await apply(await prepare('a.csv', fixture('actuals_gbk_crlf.csv')))
    await apply(await prepare('l.csv', utf8('支付日期,项目编码,金额\n2024-11-03,13020924P009874100020,"12,345.67"\n')))
    const before = await snapshot()
    const files: Partial<Record<FileKind, Uint8Array>> = {}
    for (const kind of EXPORT_KINDS) files[kind] = await exportCsv(engine, kind)
    const text = new TextDecoder().decode(files.actuals)
    expect(text.startsWith('指标编码,月份,完成值,单位,数据口径,完成情况,说明,年度,预算单位\r\n')).toBe(true)
    await loadDataset(engine, singleFolder(files))
    expect(await snapshot()).toEqual(before)
  })

  it('offers a template per kind that is recognised as that kind and reads without problems', async () => {
    for (const kind of Object.keys(FILE_KINDS) as FileKind[]) {
      const bytes = templateCsv(kind)
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const u = await prepare(`${kind}.csv`, bytes)
      expect(u.spec?.kind).toBe(kind)
      expect(u.fileProblems).toEqual([])
    }
  })
})
