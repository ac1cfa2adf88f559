import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { periodMonth, reuseIndicatorIds, targetFormsCsv, type FormRow, type TargetForm } from '@/ingest/targetForm'
import { buildTargetFormTemplate, SEED_TARGET_FORM } from '@/ingest/targetFormTemplate'
import { readWorkbook } from '@/ingest/workbook'
import { describeWorkbookProblem } from '@/ingest/workbookMessages'
import { repoRoot } from '../../support'
import { addTypedForm, workbookBytes, type TypedForm } from './excelBooks'

const dataRows = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(repoRoot, 'data/2024', file), 'utf8'), { header: true, skipEmptyLines: true }).data
const PROJECTS = dataRows('projects.csv')
const INDICATORS = dataRows('indicators.csv')
const PLAN = dataRows('spending_plan.csv')
const STORED = INDICATORS.map((r) => ({ id: r['指标编码'] ?? '', scope: r['所属'] ?? '', name: r['三级指标'] ?? '' }))

/** What data/ holds for a project: its projects.csv row, its indicators and its plan. */
function seedProject(index: number): TypedForm {
  const project = PROJECTS[index]!
  const code = project['项目编码']
  return { project, indicators: INDICATORS.filter((r) => r['所属'] === code), plan: PLAN.filter((r) => r['项目编码'] === code) }
}

const valuesOf = (rows: readonly FormRow[]) => rows.map((r) => r.values)

async function onlyForm(bytes: Uint8Array): Promise<TargetForm> {
  const contents = await readWorkbook(bytes)
  expect(contents.tables).toEqual([])
  expect(contents.forms).toHaveLength(1)
  return contents.forms[0]!
}

describe('the downloadable 项目支出绩效目标表', () => {
  it('reads back to exactly the rows data/ holds for the seed project', async () => {
    const form = await onlyForm(await buildTargetFormTemplate())
    const seed = seedProject(0)
    expect(form.problems).toEqual([])
    expect(valuesOf(form.projects)).toEqual([seed.project])
    expect(valuesOf(reuseIndicatorIds(form.indicators, STORED))).toEqual(seed.indicators)
    expect(valuesOf(form.spendingPlan)).toEqual(seed.plan)
  })

  it('is filled with the seed project as data/ holds it', () => {
    const seed = seedProject(0)
    expect(SEED_TARGET_FORM.project).toEqual(seed.project)
    expect(SEED_TARGET_FORM.plan).toEqual(seed.plan)
    const shown = ['所属', '一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据']
    const pick = (r: Record<string, string>) => Object.fromEntries(shown.map((k) => [k, r[k]]))
    expect(SEED_TARGET_FORM.indicators.map(pick)).toEqual(seed.indicators.map(pick))
  })

  it('numbers a form’s indicators <项目编码>-01… when the store has none of them', async () => {
    const form = await onlyForm(await buildTargetFormTemplate())
    expect(form.indicators.map((r) => r.values['指标编码'])).toEqual(
      ['01', '02', '03', '04', '05', '06'].map((n) => `13020924P009874100020-${n}`),
    )
  })

  it('names the cell each value came from', async () => {
    const form = await onlyForm(await buildTargetFormTemplate())
    expect(form.projects[0]?.row).toBe(3)
    expect(form.projects[0]?.sources['预算数']).toEqual({ row: 5, column: 3 })
    expect(form.projects[0]?.sources['资金用途']).toEqual({ row: 6, column: 2 })
    // 一级指标 产出指标 is merged over rows 11–13: the second indicator's comes from row 11
    expect(form.indicators[1]?.row).toBe(12)
    expect(form.indicators[1]?.sources['一级指标']).toEqual({ row: 11, column: 1 })
    expect(form.spendingPlan.map((r) => [r.row, r.sources['月份'], r.sources['计划支出比例']])).toEqual([
      [8, { row: 7, column: 3 }, { row: 8, column: 3 }],
      [8, { row: 7, column: 4 }, { row: 8, column: 4 }],
      [8, { row: 7, column: 5 }, { row: 8, column: 5 }],
    ])
  })
})

describe('forms typed into Excel from the department’s document', () => {
  it('reads all three seed projects, one sheet each, to the rows data/ holds (but the 主管部门 the form does not print)', async () => {
    const typed = [0, 1, 2].map(seedProject)
    // the document's own quirks: a trailing line break after 经费开支, a leading space before 完成任务
    const p3 = typed[2]!
    p3.indicators = p3.indicators.map((r) =>
      r['指标编码'] === 'P3-04' ? { ...r, 三级指标: '经费开支\n' } : r['指标编码'] === 'P3-05' ? { ...r, 指标值: ' 完成任务' } : r,
    )
    const contents = await readWorkbook(await workbookBytes((wb) => typed.forEach((form, i) => addTypedForm(wb, String(i + 1), form))))
    expect(contents.forms.map((f) => [f.sheet, f.problems])).toEqual([['1', []], ['2', []], ['3', []]])
    contents.forms.forEach((form, i) => {
      const seed = seedProject(i)
      expect(valuesOf(form.projects)).toEqual([{ ...seed.project, 主管部门: '' }])
      expect(valuesOf(reuseIndicatorIds(form.indicators, STORED))).toEqual(seed.indicators)
      expect(valuesOf(form.spendingPlan)).toEqual(seed.plan)
    })
  })

  it('writes the forms of a workbook as one CSV per kind, with the Excel row and the sheet first', async () => {
    const contents = await readWorkbook(await workbookBytes((wb) => [0, 1].forEach((i) => addTypedForm(wb, `项目${i + 1}`, seedProject(i)))))
    const csv = targetFormsCsv(contents.forms)
    const parse = (text: string) => Papa.parse<string[]>(text.trim()).data
    expect(parse(csv.projects).map((r) => r.slice(0, 4))).toEqual([
      ['__row', '__sheet', '项目编码', '项目名称'],
      ['3', '项目1', '13020924P009874100020', '2024年装备园区专项经费（原中小园区遗留问题经费）'],
      ['3', '项目2', '13020924P00986710002R', '2024年装备园区专项预算（园区专项）'],
    ])
    expect(parse(csv.spending_plan)).toEqual([
      ['__row', '__sheet', '项目编码', '月份', '计划支出比例'],
      ...[1, 2].flatMap((n) => [['6', '30'], ['10', '30'], ['12', '40']].map(([m, s]) => ['7', `项目${n}`, seedProject(n - 1).project['项目编码']!, m!, s!])),
    ])
    expect(parse(csv.indicators)).toHaveLength(1 + 6 + 4)
    expect(parse(csv.indicators)[1]?.slice(0, 4)).toEqual(['11', '项目1', '13020924P009874100020-01', '13020924P009874100020'])
  })
})

/**
 * The 财政部 layout as WPS users fill it: 一级指标 and 二级指标 merged down their groups, a 绩效指标 column merged
 * down the whole table, 项目资金 with 年度资金总额 / 其中：财政拨款 / 其他资金 under it, no spending plan.
 */
function addMinistryForm(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('目标表')
  ws.mergeCells('A1:F1')
  ws.getCell('A1').value = '项目支出绩效目标表'
  ws.getRow(2).values = ['项目编码', 'P-2025-007', '项目名称', '园区安全生产培训']
  ws.getRow(3).values = ['主管部门及代码', '[806]装备制造园区管委会', '实施单位', '园区安全环保部']
  ws.mergeCells('A4:A6')
  ws.getCell('A4').value = '项目资金（万元）'
  ws.getRow(4).values = [undefined, '年度资金总额：', 120]
  ws.getRow(5).values = [undefined, '其中：财政拨款', 100]
  ws.getRow(6).values = [undefined, '其他资金', 20]
  ws.getRow(7).values = ['年度总体目标', '全年组织安全培训4次，覆盖企业200人次。']
  ws.getRow(8).values = ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值（包含数字及文字描述）', '指标值确定依据']
  ws.mergeCells('A8:A14')
  const rows = [
    ['产出指标', '数量指标', '培训次数', '≥4次', '年度计划'],
    [null, null, '培训人数', '≥200人次', '企业名册'],
    [null, '质量指标', '培训合格率', '≥95%', '往年水平'],
    [null, '时效指标', '完成时间', '2024年12月底前', '年度计划'],
    ['效益指标', '社会效益指标', '安全事故起数', '不发生', '安全目标'],
    ['满意度指标', null, '企业满意度', '≥90%', '问卷'],
  ]
  rows.forEach((r, i) => (ws.getRow(9 + i).values = [undefined, ...r]))
  ws.mergeCells('B9:B12')
  ws.mergeCells('C9:C10')
}

describe('a form with 一级 and 二级指标 merged down their groups', () => {
  it('carries each merged value down to every row of its group', async () => {
    const form = await onlyForm(await workbookBytes(addMinistryForm))
    const levels = form.indicators.map((r) => [r.values['一级指标'], r.values['二级指标'], r.values['三级指标']])
    expect(levels).toEqual([
      ['产出指标', '数量指标', '培训次数'],
      ['产出指标', '数量指标', '培训人数'],
      ['产出指标', '质量指标', '培训合格率'],
      ['产出指标', '时效指标', '完成时间'],
      ['效益指标', '社会效益指标', '安全事故起数'],
      ['满意度指标', '', '企业满意度'],
    ])
  })

  it('does not carry a 二级指标 into the next 一级 group: the blank is reported', async () => {
    const form = await onlyForm(await workbookBytes(addMinistryForm))
    expect(form.problems.map((p) => describeWorkbookProblem(p))).toEqual(['工作表「目标表」第14行 C列（二级指标） 为空，上方也没有可沿用的二级指标。'])
  })

  it('reads the 财政部 labels for the project', async () => {
    const form = await onlyForm(await workbookBytes(addMinistryForm))
    expect(form.projects[0]?.values).toEqual({
      项目编码: 'P-2025-007',
      项目名称: '园区安全生产培训',
      主管部门: '[806]装备制造园区管委会',
      实施单位: '园区安全环保部',
      预算数: '120',
      调整后预算数: '',
      财政资金: '100',
      其他资金: '20',
      资金用途: '',
      年度目标: '全年组织安全培训4次，覆盖企业200人次。',
    })
    expect(form.indicators[4]?.values['指标值']).toBe('不发生')
    expect(form.spendingPlan).toEqual([])
  })
})

describe('problems in a form, at their sheet, row and column', () => {
  const brokenForm = (wb: ExcelJS.Workbook) => {
    const seed = seedProject(0)
    addTypedForm(wb, '1', { ...seed, project: { ...seed.project, 项目编码: '' } })
    const ws = wb.getWorksheet('1')!
    ws.getCell('F2').value = '单位：元'
    ws.getCell('C4').value = { error: '#DIV/0!' }
    ws.getCell('E4').value = '约500'
    ws.getCell('C7').value = 'abc'
    ws.getCell('E7').value = 0.3
    ws.getCell('E12').value = null
  }

  it('names each one in a sentence a clerk understands, an error cell once', async () => {
    const form = await onlyForm(await workbookBytes(brokenForm))
    expect(form.problems.map((p) => describeWorkbookProblem(p))).toEqual([
      '工作表「1」第2行 F列 金额单位为"元"，本系统按万元读取：请把金额换算为万元并写明"单位：万元"后再上传。',
      '工作表「1」第3行 B列（项目编码） 为空，此项必填。',
      '工作表「1」第4行 C列（预算数） 是错误值 #DIV/0!，请先在 Excel 或 WPS 中改正公式或数据后再上传。',
      '工作表「1」第4行 E列（财政资金） "约500" 不是数字，请写成阿拉伯数字，如 500.00。',
      '工作表「1」第7行 C列（计划支出比例） 资金支出计划比例 "abc" 不是数字，请写成 30 或 30%。',
      '工作表「1」第7行 D列（计划支出比例） 资金支出计划各期比例合计为 60%，应为 100%。',
      '工作表「1」第12行 E列（指标值） 指标"会议效果良好率"的指标值为空。',
    ])
  })

  it('says when the form has no 项目编码 at all', async () => {
    const form = await onlyForm(
      await workbookBytes((wb) => {
        addTypedForm(wb, '1', seedProject(0))
        wb.getWorksheet('1')!.getCell('A3').value = '编号'
      }),
    )
    expect(form.problems.map((p) => describeWorkbookProblem(p))).toEqual(['工作表「1」的绩效目标表中找不到"项目编码"一栏。'])
  })
})

describe('the periods of a 资金支出计划', () => {
  it.each([
    ['3月底', 3], ['6月底', 6], ['10 月底', 10], ['1-6月', 6], ['１２月', 12], ['第三季度', 9], ['一季度', 3], ['4季度', 12],
    ['上半年', 6], ['全年', 12], ['2024-06-30', 6], ['9', 9], ['13月', null], ['年中', null],
  ])('reads %s as month %s', (text, month) => {
    expect(periodMonth(text)).toBe(month)
  })
})

describe('reusing the 指标编码 the store already has', () => {
  const row = (name: string, id = '', fromCell = false): FormRow => ({
    sheet: '1',
    row: 1,
    values: { 指标编码: id, 所属: 'P', 三级指标: name },
    sources: fromCell ? { 指标编码: { row: 1, column: 7 } } : {},
  })

  it('matches by 所属 and 三级指标, in any width and spacing', () => {
    const out = reuseIndicatorIds([row('培训次数', 'P-01'), row('满意度（％）', 'P-02')], [{ id: 'X7', scope: 'P', name: '满意度 (%)' }])
    expect(out.map((r) => r.values['指标编码'])).toEqual(['P-01', 'X7'])
  })

  it('moves a generated code that a reused one now holds to the next number', () => {
    const out = reuseIndicatorIds([row('新指标', 'P-01'), row('培训次数', 'P-02')], [{ id: 'P-01', scope: 'P', name: '培训次数' }])
    expect(out.map((r) => r.values['指标编码'])).toEqual(['P-03', 'P-01'])
  })

  it('keeps a code written in the form, and leaves names that match twice alone', () => {
    const out = reuseIndicatorIds(
      [row('培训次数', 'MINE', true), row('满意度', 'P-02'), row('满意度', 'P-03')],
      [{ id: 'A', scope: 'P', name: '培训次数' }, { id: 'B', scope: 'P', name: '满意度' }],
    )
    expect(out.map((r) => r.values['指标编码'])).toEqual(['MINE', 'P-02', 'P-03'])
  })
})
