import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseArgs, printJson, readSettings, run, safeName, UsageError } from '@/cli/main'
import { docxDocumentXml, repoRoot } from '../../support'

interface Result {
  code: number | null
  stdout: string
  stderr: string
}

/** `npm run cli -- …` as a finance bureau runs it: tsx on the same sources as the browser. */
function cli(...args: string[]): Promise<Result> {
  return cliWith({}, ...args)
}

function cliWith(env: Record<string, string>, ...args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: repoRoot, env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const P1 = '13020924P009874100020'
const P3 = '13020924P00984510001C'
let tmp: string

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'jx-cli-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('npm run cli -- assess', () => {
  let projects: Array<Record<string, unknown> & { indicators: Array<Record<string, unknown>>; execution: Record<string, number> }>
  beforeAll(async () => {
    const r = await cli('assess', 'data', '--json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    projects = JSON.parse(r.stdout)
  }, 60_000)

  it('prints one object per project with total, grade, execution and indicators', () => {
    expect(projects).toHaveLength(3)
    for (const p of projects) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['project', 'total', 'grade', 'execution', 'indicators']))
      expect(Object.keys(p.execution)).toEqual(expect.arrayContaining(['budget', 'spent', 'rate', 'score']))
      for (const i of p.indicators) expect(Object.keys(i)).toEqual(expect.arrayContaining(['id', 'target', 'actual', 'points', 'score', 'needsReason']))
    }
  })

  it('scores execution from the spending data in 万元, the rate as a fraction', () => {
    const p3 = projects.find((p) => p.project === P3)
    // 57.10 of 150.00 万元 by October: 38.07%, 3.81 of 10 points
    expect(p3?.execution).toMatchObject({ budget: 150, spent: 57.1, rate: 0.3807, score: 3.81 })
  })

  it('scores a quantitative indicator in proportion and leaves the judged ones open', () => {
    const p1 = projects.find((p) => p.project === P1)
    // 41 of ≥50次 on 16.67 points (50 output points split three ways)
    expect(p1?.indicators[0]).toMatchObject({ id: 'P1-01', target: '≥50次', actual: 41, points: 16.67, score: 13.67, needsReason: true })
    expect(p1?.indicators[1]).toMatchObject({ id: 'P1-02', target: '100100%', score: null, needsJudgement: true })
    expect(p1?.total).toBeNull()
    expect(p1?.grade).toBeNull()
  })

  it('totals and grades a project once a judgements file scores its qualitative indicators', async () => {
    const file = join(tmp, 'judgements.json')
    const ids = ['P3-01', 'P3-02', 'P3-03', 'P3-04', 'P3-05', 'P3-06', 'P3-07', 'P3-08']
    const scores: Record<string, number> = { 'P3-01': 11, 'P3-02': 12.5, 'P3-03': 12.5, 'P3-04': 9, 'P3-05': 9, 'P3-06': 9, 'P3-07': 9, 'P3-08': 10 }
    const indicators = Object.fromEntries(ids.map((id) => [id, { band: '达成', score: scores[id], reason: '按计划完成' }]))
    writeFileSync(file, JSON.stringify({ indicators }))
    const r = await cli('assess', 'data', '--json', '--judgements', file)
    expect(r.code).toBe(0)
    const p3 = (JSON.parse(r.stdout) as typeof projects).find((p) => p.project === P3)
    // 产出 4 × 12.5 points, 效益 3 × 10, 满意度 1 × 10; 9 of 12.5 lies below the 达成 band (10–12.5) and is refused
    expect(p3?.indicators.map((i) => i.score)).toEqual([11, 12.5, 12.5, null, 9, 9, 9, 10])
    expect(p3?.total).toBeNull()
    scores['P3-04'] = 10
    writeFileSync(file, JSON.stringify({ indicators: Object.fromEntries(ids.map((id) => [id, { band: '达成', score: scores[id], reason: '按计划完成' }])) }))
    const again = (JSON.parse((await cli('assess', 'data', '--json', '--judgements', file)).stdout) as typeof projects).find((p) => p.project === P3)
    // 3.81 + 11 + 12.5 + 12.5 + 10 + 9 + 9 + 9 + 10
    expect(again?.total).toBe(86.81)
    expect(again?.grade).toBe('良')
  }, 60_000)

  it('writes the forms as CSV with a BOM into --out', async () => {
    const out = join(tmp, 'out')
    const r = await cli('assess', 'data', '--out', out)
    expect(r.code).toBe(0)
    expect(readdirSync(out).sort()).toEqual([`自评表_${P1}.csv`, `自评表_13020924P00986710002R.csv`, `自评表_${P3}.csv`, '部门汇总.csv'].sort())
    const bytes = readFileSync(join(out, `自评表_${P3}.csv`))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain('项目支出绩效自评表')
    expect(text).toContain('全年执行数（截至10月）')
    expect(text).toContain('年度资金总额,150.00,150.00,57.10,10.00,38.07%,3.81')
  }, 60_000)

  it('writes each project’s 绩效自评报告 as .docx with --docx, with the judgements’ total and reason', async () => {
    const file = join(tmp, 'judgements-docx.json')
    const reason = '四季度招商活动推迟，签约项目少于计划；下年按季度分解签约任务'
    const judged = (band: string, score: number, why = '') => ({ band, score, reason: why })
    writeFileSync(file, JSON.stringify({
      indicators: {
        'P3-01': judged('部分达成', 9, reason),
        ...Object.fromEntries(['P3-02', 'P3-03', 'P3-04'].map((id) => [id, judged('达成', 12.5)])),
        ...Object.fromEntries(['P3-05', 'P3-06', 'P3-07', 'P3-08'].map((id) => [id, judged('达成', 10)])),
      },
    }))
    const out = join(tmp, 'out-docx')
    const r = await cli('assess', 'data', '--out', out, '--docx', '--judgements', file)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(readdirSync(out).filter((f) => f.endsWith('.docx')).sort()).toEqual([P1, '13020924P00986710002R', P3].map((c) => `自评报告_${c}.docx`).sort())
    const xml = docxDocumentXml(new Uint8Array(readFileSync(join(out, `自评报告_${P3}.docx`))))
    expect(xml).toContain('2024年装备园区专项预算（招商引资）')
    expect(xml).toContain('曹妃甸区装备制造园区管理委员会')
    // 3.81 (57.10 of 150.00 万元) + 9 + 3 × 12.5 + 4 × 10
    expect(xml).toContain('自评总分90.31分，等级为“优”')
    expect(xml).toContain(reason)
  }, 60_000)

  it('refuses --docx without --out', () => {
    expect(() => parseArgs(['assess', 'data', '--json', '--docx'])).toThrow(UsageError)
  })
})

describe('npm run cli -- audit', () => {
  it('prints one object per indicator with the seed’s real problems', async () => {
    const r = await cli('audit', 'data', '--json')
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.stdout) as Array<{ id: string; direction: string; value: number | null; unit: string | null; qualitative: boolean; findings: { kind: string; message: string; suggestion: string }[] }>
    expect(rows).toHaveLength(33)
    const p102 = rows.find((x) => x.id === 'P1-02')
    expect(p102).toMatchObject({ direction: '≥', value: null, unit: '%', qualitative: false })
    expect(p102?.findings.map((f) => f.kind)).toContain('unreadable')
    expect(p102?.findings[0]?.suggestion).toContain('100%')
    expect(rows.find((x) => x.id === 'P3-01')?.findings.map((f) => f.kind)).toEqual(['unmeasurable'])
    expect(rows.find((x) => x.id === 'P2-02')?.findings.map((f) => f.kind)).toContain('default-100-quality')
    expect(rows.find((x) => x.id === 'D01')?.findings).toEqual([])
  }, 60_000)
})

describe('bad input', () => {
  it('names the file, row and column and exits with status 1', async () => {
    const bad = join(tmp, 'bad')
    mkdirSync(bad)
    for (const f of ['indicators.csv', 'projects.csv', 'spending_plan.csv', 'spending.csv']) copyFileSync(join(repoRoot, 'data/2024', f), join(bad, f))
    copyFileSync(join(repoRoot, 'tests/fixtures/actuals_bad.csv'), join(bad, 'actuals.csv'))
    const r = await cli('assess', bad, '--json')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('actuals.csv')
    expect(r.stderr).toMatch(/第4行.*完成值.*约3亿/)
  }, 60_000)

  it('says what is wrong with the command line in one sentence and exits with status 2', async () => {
    const r = await cli('assess', join(tmp, 'no-such-folder'), '--json')
    expect(r.code).toBe(2)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.stderr).toContain('找不到数据文件夹')
  }, 60_000)
})

describe('printJson', () => {
  const printed = (batches: unknown[][]) => {
    const pieces: string[] = []
    printJson((piece) => pieces.push(piece), batches)
    return pieces
  }

  it('prints the batches as JSON.stringify with two spaces prints them as one list, and a line break', () => {
    const batches = [[{ a: 1, b: [1, { c: null }], d: 'x\ny "引号"', e: {}, f: [] }], [], [{ g: -0.5 }, null, 'text'], [[]]]
    expect(printed(batches).join('')).toBe(`${JSON.stringify(batches.flat(), null, 2)}\n`)
    expect(printed([]).join('')).toBe('[]\n')
    expect(printed([[], []]).join('')).toBe('[]\n')
  })

  it('hands a long list over in pieces of about a megabyte', () => {
    const batches = Array.from({ length: 500 }, (_, u) =>
      Array.from({ length: 40 }, (_, i) => ({ id: `G${i}`, unit: u, name: '重点任务完成数'.repeat(5), value: i / 3 })))
    const pieces = printed(batches)
    expect(pieces.length).toBeGreaterThan(2)
    expect(pieces.join('')).toBe(`${JSON.stringify(batches.flat(), null, 2)}\n`)
  })
})

describe('npm run cli -- monitor', () => {
  type Row = { budgetUnit: string; id: string; unit: string | null; actual: number | null; rate: number | null; pace: number
    light: string; lastYear: number | null; yoy: number | null; yoyKind: string | null; month: number | null }
  let rows: Row[]
  beforeAll(async () => {
    const r = await cli('monitor', 'data', '--json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    rows = JSON.parse(r.stdout)
  }, 60_000)
  const row = (id: string) => rows.find((r) => r.id === id)

  it('reads the latest year of data/index.json as of its latest month, one object per indicator', () => {
    expect(rows).toHaveLength(33)
    expect(row('D01')).toMatchObject({ budgetUnit: '806001', actual: 15, rate: 0.75, month: 10, light: 'green' })
    expect(row('D01')?.pace).toBeCloseTo(10 / 12, 10)
  })
  it('gives an amount its growth over last year’s same months, matched by name when the code changed', () => {
    // 投资额 1–10月 93 亿元; 2023 (指标编码 ZS-02) 80.0 亿元: 同比增长 16.25%
    expect(row('D02')).toMatchObject({ lastYear: 80, yoyKind: 'pct' })
    expect(row('D02')?.yoy).toBeCloseTo(0.1625, 10)
  })
  it('compares a rate in percentage points', () => {
    // 工业增加值增速 9.8% in October against 8.6% (2023, JJ-09): 提高 1.2 个百分点
    expect(row('D09')).toMatchObject({ unit: '%', lastYear: 8.6, yoyKind: 'points' })
    expect(row('D09')?.yoy).toBeCloseTo(1.2, 10)
  })
  it('sums last year’s 当月 rows into its 1–N月 total, in this year’s unit', () => {
    // 财税收入: 2023 1–10月 当月 rows add up to 29,589.70 万元 = 2.958970 亿元; 2024 31,451 万元
    expect(row('D06')?.lastYear).toBeCloseTo(2.95897, 8)
    expect(row('D06')?.yoy).toBeCloseTo(31451 / 29589.7 - 1, 8)
  })
  it('says there is no 上年同期 for an indicator last year did not have, and none at 0', () => {
    expect(row('D13')).toMatchObject({ lastYear: null, yoy: null, yoyKind: null })
    expect(row('D14')).toMatchObject({ actual: 0, lastYear: 0, yoy: null, yoyKind: null })
  })
  it('works on the year asked for, comparing with none before it', async () => {
    const r = await cli('monitor', 'data', '--year', '2023', '--month', '6', '--json')
    expect(r.code).toBe(0)
    const d07 = (JSON.parse(r.stdout) as Row[]).find((x) => x.id === 'D07')
    expect(d07).toMatchObject({ actual: 35.1, lastYear: null, yoyKind: null })
  }, 60_000)
  it('refuses a year the data do not hold, naming those they do', async () => {
    const r = await cli('monitor', 'data', '--year', '2019', '--json')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('没有 2019 年度的数据（现有：2023、2024）')
  }, 60_000)
})

describe('--out and the files the command line names', () => {
  const oneSentence = (r: Result) => {
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(/\bat .*:\d+/)
  }

  it('refuses an existing file as --out in one sentence with status 2, and a path through a file', async () => {
    const file = join(tmp, 'not-a-folder.txt')
    writeFileSync(file, 'x')
    for (const out of [file, join(file, 'forms')]) {
      const r = await cli('assess', 'data', '--out', out)
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`“${file}” 是一个文件，而不是文件夹`)
      oneSentence(r)
    }
    expect(readFileSync(file, 'utf8')).toBe('x')
  }, 60_000)

  it('says a --judgements file is missing in one sentence with status 2, before writing anything', async () => {
    const out = join(tmp, 'out-no-judgements')
    const r = await cli('assess', 'data', '--out', out, '--judgements', join(tmp, 'no-such.json'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('找不到评价文件')
    oneSentence(r)
    expect(() => readdirSync(out)).toThrow()
  }, 60_000)

  it('makes a code a name inside the output folder: no ../, no absolute path, no Windows device name, not too long', () => {
    expect(safeName('../../etc/passwd')).toBe('__.._etc_passwd')
    expect(safeName('..')).toBe('_')
    expect(safeName('/etc/passwd')).toBe('_etc_passwd')
    expect(safeName('C:\\Windows\\win.ini')).toBe('C__Windows_win.ini')
    expect(safeName('CON')).toBe('_CON')
    expect(safeName('nul.csv')).toBe('_nul.csv')
    expect(safeName('Lpt1')).toBe('_Lpt1')
    expect(safeName('CONSOLE')).toBe('CONSOLE')
    expect(safeName('项目. ')).toBe('项目_')
    expect(safeName('  ')).toBe('_')
    const long = safeName('很'.repeat(200))
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(150)
    expect(long).toBe('很'.repeat(50))
    expect(safeName('😀'.repeat(100))).toBe('😀'.repeat(37))
  })

  it('writes the forms of projects coded ../.., CON and a very long code inside --out', async () => {
    const codes = { '13020924P009874100020': '../../逃逸', '13020924P00984510001C': 'CON', '13020924P00986710002R': `长${'编码'.repeat(100)}` }
    const folder = join(tmp, 'odd-codes')
    mkdirSync(folder)
    for (const f of readdirSync(join(repoRoot, 'data/2024'))) {
      let text = readFileSync(join(repoRoot, 'data/2024', f), 'utf8')
      for (const [from, to] of Object.entries(codes)) text = text.replaceAll(from, to)
      writeFileSync(join(folder, f), text)
    }
    const out = join(tmp, 'odd-out', 'forms')
    const r = await cli('assess', folder, '--out', out, '--docx')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const written = readdirSync(out).sort()
    expect(written).toEqual(expect.arrayContaining(['自评表___.._逃逸.csv', '自评表__CON.csv', '自评报告__CON.docx', '部门汇总.csv']))
    expect(written.filter((n) => n.startsWith('自评表_长'))).toHaveLength(1)
    expect(readdirSync(join(tmp, 'odd-out'))).toEqual(['forms'])
  }, 120_000)
})

describe('codes that are names of Object.prototype’s members', () => {
  it('assess and monitor a folder whose 指标编码 and 项目编码 are constructor and __proto__', async () => {
    const folder = join(tmp, 'proto')
    mkdirSync(folder)
    const rename = (text: string) =>
      text.replaceAll(P1, 'constructor').replaceAll('P1-01', '__proto__').replace(/^D01,/gm, 'constructor,').replace(/^D02,/gm, 'hasOwnProperty,')
    for (const f of ['indicators.csv', 'projects.csv', 'spending_plan.csv', 'spending.csv', 'actuals.csv']) {
      writeFileSync(join(folder, f), rename(readFileSync(join(repoRoot, 'data/2024', f), 'utf8')))
    }
    const judgements = join(tmp, 'proto-judgements.json')
    writeFileSync(judgements, '{"indicators": {"__proto__": {"band": "达成", "score": 1}}, "projects": {"constructor": {"executionReason": "x"}}}')
    const printed = async (...argv: string[]) => {
      let text = ''
      await run(argv, (piece) => (text += piece))
      return JSON.parse(text) as unknown
    }
    const forms = (await printed('assess', folder, '--json', '--judgements', judgements)) as { project: string; indicators: { id: string }[] }[]
    expect(forms.find((f) => f.project === 'constructor')?.indicators.map((i) => i.id)).toContain('__proto__')
    const rows = (await printed('monitor', folder, '--json')) as { id: string; actual: number | null }[]
    expect(rows.find((r) => r.id === 'constructor')?.actual).toBe(15)
    expect(rows.map((r) => r.id)).toContain('hasOwnProperty')
  }, 60_000)
})

describe('--settings', () => {
  it('refuses settings the settings form refuses, in one Chinese sentence', () => {
    const file = join(tmp, 'negative-weights.json')
    writeFileSync(file, JSON.stringify({ scoring: { weights: { execution: -10, output: 70, effect: 30, satisfaction: 10 } } }))
    expect(() => readSettings(file)).toThrow(new UsageError(`设置文件 “${file}” 中的设置不可用：分值不能为负数。`))
    writeFileSync(file, JSON.stringify({ monitor: { execution: { red: 0.9, yellow: 0.8 } }, scoring: { grades: { excellent: 90, good: 80, pass: 60 } } }))
    expect(() => readSettings(file)).toThrow('红灯线（90%）须低于黄灯线（80%），修改未生效。')
    writeFileSync(file, JSON.stringify({ scoring: { weights: { execution: 20, output: 40, effect: 30, satisfaction: 10 } } }))
    expect(readSettings(file).scoring.weights.execution).toBe(20)
  })

  it('exits with status 2 on them', async () => {
    const file = join(tmp, 'bad-settings.json')
    writeFileSync(file, JSON.stringify({ scoring: { weights: { execution: -10, output: 70, effect: 30, satisfaction: 10 } } }))
    const r = await cli('audit', 'data', '--json', '--settings', file)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')[0]).toBe(`设置文件 “${file}” 中的设置不可用：分值不能为负数。`)
  }, 60_000)
})

describe('npm run cli over a bureau’s folder of many units', () => {
  it('writes a folder per unit and the bureau’s summary workbook, and adds the unit to every result', async () => {
    const { makeBureau } = await import('../../../scripts/make-bureau.mjs')
    const folder = join(tmp, 'bureau-3')
    await makeBureau({ units: 3, years: 1, out: folder, indicators: 13, projects: 1, months: 6, year: 2024 })
    const out = join(tmp, 'bureau-3-out')
    const r = await cli('assess', folder, '--out', out, '--json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const projects = JSON.parse(r.stdout) as { budgetUnit: string }[]
    expect([...new Set(projects.map((p) => p.budgetUnit))].sort()).toEqual(['900001', '900002', '900003'])
    expect(readdirSync(out).sort()).toEqual(['900001_示例县教育局本级', '900002_示例县卫生健康局本级', '900003_示例县民政局本级', '单位汇总.xlsx'])
    const monitor = JSON.parse((await cli('monitor', folder, '--json')).stdout) as { budgetUnit: string }[]
    expect(monitor).toHaveLength(3 * 13)
  }, 120_000)
})

describe('the bureau’s summary workbook', () => {
  it('sets the bureau’s 抽评 beside each unit’s 自评, from the judgements the browser keeps by unit and year, with 结果应用 from the settings', async () => {
    const { makeBureau } = await import('../../../scripts/make-bureau.mjs')
    const folder = join(tmp, 'bureau-review')
    await makeBureau({ units: 3, years: 1, out: folder, indicators: 13, projects: 1, months: 6, year: 2024 })
    const judgements = join(tmp, 'bureau-judgements.json')
    // the bureau gives unit 900002's 预算执行率 row 0 points; 900001's judgements of the same row code stay its own
    writeFileSync(judgements, JSON.stringify({
      scopes: [
        { org: '900002', year: 2024, spotChecks: { execution: { '9000022024P01': 0 } } },
        { org: '900002', year: 2023, spotChecks: { execution: { '9000022024P01': 10 } } },
      ],
    }))
    const settings = join(tmp, 'bureau-settings.json')
    writeFileSync(settings, JSON.stringify({ scoring: { budgetUse: { 中: '适当压减' } } }))
    const out = join(tmp, 'bureau-review-out')
    const r = await cli('assess', folder, '--out', out, '--judgements', judgements, '--settings', settings)
    expect(r.stderr).toBe('')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(out, '单位汇总.xlsx'))
    expect(book.worksheets.map((w) => w.name)).toEqual(['月度通报', '单位自评', '自评汇总', '抽评差异'])
    const rows = (name: string) => {
      const sheet = book.getWorksheet(name) as ExcelJS.Worksheet
      return sheet.getSheetValues().slice(3).map((row) => (row as ExcelJS.CellValue[]).slice(1))
    }
    const spot = rows('抽评差异')
    expect(spot).toHaveLength(1)
    const [unit, code, , self, bureau, difference] = spot[0] as [string, string, string, number, number, number]
    expect([unit, code]).toEqual(['示例县卫生健康局本级', '9000022024P01'])
    expect(difference).toBeCloseTo(bureau - self, 2)
    expect(difference).toBeLessThan(0)
    const units = rows('单位自评')
    expect(units.map((u) => u[0])).toEqual(['示例县教育局本级', '示例县卫生健康局本级', '示例县民政局本级'])
    expect(units.map((u) => u[9])).toContain('适当压减')
    expect(units[1]?.[8]).toBeCloseTo(difference, 2)
    expect(units[0]?.[8]).toBe('')
  }, 120_000)
})


describe('npm run cli -- monitor on a folder `snapshot` has written its checked tables into', () => {
  let folder: string
  beforeAll(() => {
    folder = join(tmp, 'snapshotted')
    for (const year of ['2023', '2024']) {
      mkdirSync(join(folder, year), { recursive: true })
      for (const name of readdirSync(join(repoRoot, 'data', year))) copyFileSync(join(repoRoot, 'data', year, name), join(folder, year, name))
    }
    copyFileSync(join(repoRoot, 'data', 'index.json'), join(folder, 'index.json'))
  })

  const monitor = () => cli('monitor', folder, '--json', '--engine', 'wasm')

  it('loads the tables instead of checking every file, and prints the same figures', async () => {
    const checked = await monitor()
    expect(checked.code).toBe(0)
    expect((await cli('snapshot', folder)).code).toBe(0)
    const fromTables = await cliWith({ JX_TIMING: '1' }, 'monitor', folder, '--json', '--engine', 'wasm')
    expect(fromTables.stderr).toContain('loaded from the checked tables')
    expect(fromTables.stdout).toBe(checked.stdout)
  }, 120_000)

  it('queries the tables’ database file on native DuckDB, and loads the CSVs instead when the file is unreadable or of other tables', async () => {
    const native = () => cliWith({ JX_TIMING: '1' }, 'monitor', folder, '--json')
    const database = join(folder, 'tables', 'tables.duckdb')
    // the build's snapshot, on duckdb-wasm, writes none; on native DuckDB, snapshot writes it
    expect(existsSync(database)).toBe(false)
    expect((await cli('snapshot', folder, '--engine', 'native')).code).toBe(0)
    const expected = (await monitor()).stdout
    const attached = await native()
    expect(attached.stderr).toContain("attached the checked tables' database")
    expect(attached.stdout).toBe(expected)

    const good = readFileSync(database)
    writeFileSync(database, 'not a database')
    const unreadable = await native()
    expect(unreadable.stderr).toContain('loaded from the checked tables')
    expect(unreadable.stdout).toBe(expected)

    // a file of the snapshot before, beside the snapshot of the files as they are now (D02 changed, same length)
    const actuals = join(folder, '2024', 'actuals.csv')
    writeFileSync(actuals, readFileSync(actuals, 'utf8').replace('D02,2024-10,93.0,亿元', 'D02,2024-10,94.0,亿元'))
    expect((await cli('snapshot', folder, '--engine', 'native')).code).toBe(0)
    writeFileSync(database, good)
    const stale = await native()
    expect(stale.stderr).toContain('loaded from the checked tables')
    expect(stale.stdout).toBe((await monitor()).stdout)
    const d02 = (JSON.parse(stale.stdout) as Array<{ id: string; actual: number }>).find((row) => row.id === 'D02')
    expect(d02?.actual).toBe(94)
    // a snapshot on duckdb-wasm takes away the file of the snapshot before
    expect((await cli('snapshot', folder)).code).toBe(0)
    expect(existsSync(database)).toBe(false)
  }, 180_000)

  it('checks the files again once one of them is replaced', async () => {
    const actuals = join(folder, '2024', 'actuals.csv')
    writeFileSync(actuals, readFileSync(actuals, 'utf8').replace('D01,2024-10,15,个', 'D01,2024-10,16,个'))
    const r = await monitor()
    expect(r.code).toBe(0)
    const d01 = (JSON.parse(r.stdout) as Array<{ id: string; actual: number }>).find((row) => row.id === 'D01')
    expect(d01?.actual).toBe(16)
  }, 120_000)

  it('checks the files again on native DuckDB too, which hashes them while it reads the tables', async () => {
    expect((await cli('snapshot', folder)).code).toBe(0)
    const actuals = join(folder, '2024', 'actuals.csv')
    // the same size: only the hash tells the files apart
    writeFileSync(actuals, readFileSync(actuals, 'utf8').replace('D01,2024-10,16,个', 'D01,2024-10,17,个'))
    const r = await cliWith({ JX_TIMING: '1' }, 'monitor', folder, '--json')
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('loaded and checked')
    const d01 = (JSON.parse(r.stdout) as Array<{ id: string; actual: number }>).find((row) => row.id === 'D01')
    expect(d01?.actual).toBe(17)
  }, 120_000)
})
