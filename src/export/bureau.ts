// The finance bureau's workbook: the month's 通报 table of every unit, every project's 自评 total and grade with
// what the grade means for next year's budget, and the bureau's 抽评 beside the units' own scores. Chinese only: these
// are the tables the bureau hands on.
import type { BudgetUse, RuleProfile, UnitRow } from '@/domain/bureau'
import { round2, type Grade } from '@/domain/scoring'
import { amount, percent, score, SheetBuilder, type Cell, type Sheet } from './sheet'

const LIGHT_WORDS = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯', none: '无数据' } as const
const points = (p: number | null): Cell => (p === null ? null : { n: p, f: 'score' })

export interface BureauUnitLine extends UnitRow {
  name: string
  department: string | null
}

/** 月度通报: every unit's execution and lights as of the month, units below the threshold first. */
export function bureauMonthlySheet(rows: readonly BureauUnitLine[], year: number, month: number, profile: RuleProfile): Sheet {
  const b = new SheetBuilder(13)
  b.row([`${year}年1–${month}月 预算执行与绩效目标监控通报`], [[0, 12]], 'title')
  b.row([`预警规则：${profile.name}${profile.source ? `（${profile.source}）` : ''}`], [[0, 12]])
  b.row(
    ['单位', '主管部门', '报送', '全年预算数（万元）', '累计支出（万元）', '预算执行率', '较序时进度（个百分点）', '本月阈值', '较阈值（个百分点）', '执行预警', '红灯数', '黄灯数', '执行率同比（个百分点）'],
    [],
    'heading',
  )
  const ordered = [...rows].sort((a, b) => (a.gapVsThreshold ?? Infinity) - (b.gapVsThreshold ?? Infinity) || a.name.localeCompare(b.name, 'zh-CN'))
  for (const r of ordered) {
    b.row([
      r.name,
      r.department ?? '',
      r.reported ? '已报送' : `未报送${r.lastMonth ? `（${r.lastMonth}月数据）` : ''}`,
      amount(r.budget),
      amount(r.spent),
      percent(r.rate),
      points(r.gapVsTime),
      percent(r.threshold),
      points(r.gapVsThreshold),
      LIGHT_WORDS[r.executionLight],
      { n: r.lights.red, f: 'integer' },
      { n: r.lights.yellow, f: 'integer' },
      points(r.yoyPoints),
    ])
  }
  return b.build('月度通报', [30, 22, 16, 14, 14, 10, 12, 10, 12, 10, 8, 8, 12])
}

/** A unit's year-end review as the 单位自评 sheet lists it. */
export interface UnitReviewLine {
  name: string
  department: string | null
  projects: number
  self: { total: number; grade: Grade } | null
  spotCheck: { total: number; grade: Grade } | null
  spotChecked: number
  difference: number | null
  grade: Grade | null
}

/** 单位自评: every unit's 自评 total and grade, the bureau's 抽评 and the difference, and 结果应用 of the grade that stands. */
export function bureauUnitReviewSheet(lines: readonly UnitReviewLine[], year: number, budgetUse: BudgetUse): Sheet {
  const b = new SheetBuilder(10)
  b.row([`${year}年度 单位绩效自评与抽评结果`], [[0, 9]], 'title')
  b.row(['单位', '主管部门', '项目数', '自评总分', '自评等级', '抽评项目数', '抽评总分', '抽评等级', '差异（抽评−自评）', '结果应用'], [], 'heading')
  for (const l of lines) {
    b.row([
      l.name, l.department ?? '', { n: l.projects, f: 'integer' }, l.self ? score(l.self.total) : '待评价', l.self?.grade ?? '待评价',
      { n: l.spotChecked, f: 'integer' }, l.spotCheck ? score(l.spotCheck.total) : '', l.spotCheck?.grade ?? '',
      l.difference === null ? '' : score(l.difference), l.grade ? budgetUse[l.grade] : '',
    ])
  }
  return b.build('单位自评', [30, 22, 8, 10, 10, 10, 10, 10, 16, 12])
}

export interface ProjectAssessmentLine {
  unit: string
  code: string
  name: string
  budget: number
  spent: number
  rate: number
  total: number | null
  grade: Grade | null
  /** the bureau's 抽评 total, when it re-scored the project */
  spotCheck: number | null
}

/** 自评汇总: every project's total and grade, and its consequence for next year's budget (结果应用). */
export function bureauAssessmentSheet(lines: readonly ProjectAssessmentLine[], year: number, budgetUse: BudgetUse): Sheet {
  const b = new SheetBuilder(10)
  b.row([`${year}年度 项目支出绩效自评结果汇总`], [[0, 9]], 'title')
  b.row(['单位', '项目编码', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '执行率', '自评总分', '等级', '结果应用', '抽评总分'], [], 'heading')
  for (const l of lines) {
    b.row([
      l.unit, l.code, l.name, amount(l.budget), amount(l.spent), percent(l.rate), l.total === null ? '待评价' : score(l.total),
      l.grade ?? '待评价', l.grade ? budgetUse[l.grade] : '', l.spotCheck === null ? '' : score(l.spotCheck),
    ])
  }
  return b.build('自评汇总', [28, 24, 36, 14, 14, 10, 10, 8, 12, 10])
}

/** 抽评差异: the projects the bureau re-scored, its total beside the unit's and the difference. */
export function bureauSpotCheckSheet(lines: readonly ProjectAssessmentLine[], year: number): Sheet {
  const b = new SheetBuilder(6)
  b.row([`${year}年度 绩效自评抽评结果`], [[0, 5]], 'title')
  b.row(['单位', '项目编码', '项目名称', '单位自评总分', '财政抽评总分', '差异（抽评−自评）'], [], 'heading')
  for (const l of lines) {
    if (l.spotCheck === null) continue
    b.row([l.unit, l.code, l.name, score(l.total), score(l.spotCheck), l.total === null ? null : score(round2(l.spotCheck - l.total))])
  }
  return b.build('抽评差异', [28, 24, 36, 14, 14, 16])
}
