import { describe, expect, it } from 'vitest'
import { describeComparison, describeYearOnYear } from '@/i18n/describeYearOnYear'
import { yearOnYear } from '@/domain/yearOnYear'
import { auditTargets, type Finding } from '../../../src/domain/audit'
import { toIndicator } from '../../../src/domain/indicator'
import { buildAssessmentForm, type AssessmentRow } from '../../../src/domain/selfAssessment'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS } from '../../../src/domain/settings'
import { checkMonitorSettings, checkScoringSettings } from '../../../src/domain/settingsChecks'
import type { IndicatorRow, Project } from '../../../src/domain/types'
import { describeActual, describeFormNotes, describePeriod, describeReason, describeRowProblem } from '../../../src/i18n/describeAssessment'
import { findingKindLabel, findingMessage, findingSuggestion } from '../../../src/i18n/describeAudit'
import { describeGap, spendingName } from '../../../src/i18n/describeProgress'
import { describeSettingsProblem } from '../../../src/i18n/describeSettings'
import { LANGS } from '../../../src/i18n/lang'
import { monthEnd, monthName, monthRange } from '../../../src/i18n/months'
import { P1, P2, P3, departmentRows, projectRows, projects, seedPlan } from '../domain/seedRows'

describe('describeGap', () => {
  it('writes the gap the way finance bureaus do', () => {
    expect(describeGap(-1.53, 'zh')).toBe('低于序时进度 1.53 个百分点')
    expect(describeGap(3.33, 'zh')).toBe('超序时进度 3.33 个百分点')
    expect(describeGap(0, 'zh')).toBe('与序时进度持平')
  })
  it('writes it in English', () => {
    expect(describeGap(3.33, 'en')).toBe('3.33 pts ahead of pace')
    expect(describeGap(-1.53, 'en')).toBe('1.53 pts behind pace')
    expect(describeGap(0.001, 'en')).toBe('on pace')
  })
  it('compares with the spending plan when asked', () => {
    expect(describeGap(-12.5, 'zh', 'plan')).toBe('低于计划进度 12.50 个百分点')
    expect(describeGap(4, 'en', 'plan')).toBe('4.00 pts ahead of plan')
    expect(describeGap(-0.001, 'zh', 'plan')).toBe('与计划进度持平')
  })
})

describe('months', () => {
  it('names a month, its end and the months since January', () => {
    expect(monthName(7, 'zh')).toBe('7月')
    expect(monthName(7, 'en')).toBe('Jul')
    expect(monthEnd(10, 'zh')).toBe('10月底')
    expect(monthEnd(10, 'en')).toBe('end of Oct')
    expect(monthRange(7, 'zh')).toBe('1–7月')
    expect(monthRange(7, 'en')).toBe('Jan–Jul')
  })
})

describe('spendingName', () => {
  it('calls the department as a whole 部门合计 and a project by its name', () => {
    expect(spendingName({ code: '部门', name: '部门合计' }, 'en')).toBe('Department total')
    expect(spendingName({ code: P1, name: '园区专项' }, 'en')).toBe('园区专项')
  })
})

describe('the 自评表 in words', () => {
  const row = (over: Partial<IndicatorRow>): IndicatorRow => ({
    id: 'A', scope: 'P', group: null, level1: '产出指标', level2: '数量指标', name: '培训次数', targetText: '≥200次',
    unit: null, direction: null, measure: null, weight: null, basis: null, ...over,
  })
  const project: Project = { code: 'P', name: '培训项目', department: null, unitName: null, budget: 100, adjustedBudget: null, fiscal: 100, other: null, purpose: null, goal: null }
  const indicators = [row({ weight: 45 }), row({ id: 'D', name: '社会效益', level1: '效益指标', level2: '社会效益指标', targetText: '效果明显', weight: 45 })]
  const form = (month: number, judged: { band: '部分达成'; score: number; reason: string } | null = null) =>
    buildAssessmentForm({
      project, indicators: indicators.map(toIndicator),
      series: new Map([['A', [{ month, ytd: 150, latestValue: null, valueMonth: null, status: null, statusMonth: null, dataMonth: month, monthValue: null, monthBasis: null, note: null }]]]),
      spending: [{ month, spent: 50, cumulative: 50, hasData: true }],
      asOf: { year: 2024, month }, scoring: DEFAULT_SCORING_SETTINGS, monitor: DEFAULT_MONITOR_SETTINGS,
      judgements: new Map(judged ? [['D', judged]] : []),
    })

  it('refuses a score outside its band with the band’s range in points', () => {
    const p = { kind: 'out-of-band', band: '部分达成', min: 27, max: 36, points: 45, given: 40 } as const
    expect(describeRowProblem(p, 'zh')).toBe('“部分达成并具有一定效果”的得分应在 27–36 分之间（本指标 45 分），40 分不在此范围内')
    expect(describeRowProblem({ ...p, given: null }, 'zh')).toBe('“部分达成并具有一定效果”的得分应在 27–36 分之间（本指标 45 分），所填得分不在此范围内')
    expect(describeRowProblem(p, 'en')).toBe('a score in "Partly achieved, with some effect" lies within 27–36 points (this indicator: 45); 40 is outside that range')
  })

  it('lists the bands when none is chosen', () => {
    expect(describeRowProblem({ kind: 'band' }, 'zh')).toBe('请选择档次（达成年度指标 / 部分达成并具有一定效果 / 未达成且效果较差）')
  })

  it('writes the period, partial before December', () => {
    expect(describePeriod(2024, 12, 'zh')).toBe('2024年度')
    expect(describePeriod(2024, 7, 'zh')).toBe('2024年度，截至7月')
    expect(describePeriod(2024, 7, 'en')).toBe('Year 2024, to month 7')
  })

  it('notes the data month and what is missing under the form', () => {
    const notes = describeFormNotes(form(10), 'zh')
    expect(notes.map((n) => n.kind)).toEqual(['partial-year', 'missing'])
    expect(notes[0]?.text).toBe('注：数据截至2024年10月，全年执行数和实际完成值按截至10月的数据计算。')
    expect(notes[1]?.text).toBe('尚缺：预算执行率：预算执行率偏低，需填写偏差原因分析及改进措施；「培训次数」：未得满分，需填写偏差原因分析及改进措施；「社会效益」：请选择档次（达成年度指标 / 部分达成并具有一定效果 / 未达成且效果较差）。')
    expect(describeFormNotes(form(10), 'en')[1]?.text).toMatch(/^Still missing: execution rate: low execution rate: give the reasons and remedies; “培训次数”: points lost/)
  })

  it('writes a judged indicator’s actual as what was done, never as the band chosen', () => {
    const judged = form(12, { band: '部分达成', score: 30, reason: '宣传不足' }).rows[1] as AssessmentRow
    expect(describeActual(judged, 'zh')).toBe('未填报完成情况')
    expect(describeActual({ ...judged, dataStatus: '部分达成', dataMonth: 12, dataNote: '道路配套工程尚未全部完工' }, 'zh')).toBe('部分达成：道路配套工程尚未全部完工')
    expect(describeActual({ ...judged, dataStatus: '达成', dataMonth: 10, dataNote: null }, 'zh', 12)).toBe('达成（10月）')
    expect(describeActual({ ...judged, dataStatus: '达成', dataMonth: 10, dataNote: null }, 'zh', 10)).toBe('达成')
    expect(describeActual({ ...judged, dataStatus: '部分达成', dataMonth: 12, dataNote: 'roads not finished' }, 'en')).toBe('Partly achieved: roads not finished')
  })

  it('puts the band with the score’s reasoning, before the reasons written', () => {
    const judged = form(12, { band: '部分达成', score: 30, reason: '宣传不足' }).rows[1] as AssessmentRow
    expect(describeReason(judged, 'zh')).toBe('评价档次：部分达成并具有一定效果。宣传不足')
    expect(describeReason(form(12).rows[0] as AssessmentRow, 'zh')).toBe('')
  })

  it('writes a computed indicator’s actual in the target’s unit, with its month when it is older than the form', () => {
    expect(describeActual(form(12).rows[0] as AssessmentRow, 'en')).toBe('150 次')
    expect(describeActual({ ...(form(12).rows[0] as AssessmentRow), dataMonth: 9 }, 'zh', 12)).toBe('150 次（9月）')
  })
})

describe('the audit in words', () => {
  const indicators = [...departmentRows, ...projectRows].map(toIndicator)
  const plans = new Map([P1, P2, P3].map((code) => [code, seedPlan]))
  const seed = auditTargets({ indicators, projects, plans })
  const find = (id: string, kind: Finding['kind']) => seed.find((f) => f.indicatorId === id && f.kind === kind) as Finding

  it('names the indicator and its project, and what the value only repeats', () => {
    const f = find('P1-4', 'unmeasurable')
    expect(findingMessage(f, 'zh')).toBe(
      '「对经济发展带来效果」（2024年装备园区专项经费（原中小园区遗留问题经费））的指标值“招商引资、更好地为企业服务，促进经济发展”无法衡量，只是重复了指标值确定依据',
    )
    expect(findingSuggestion(f, 'zh')).toBe('写成可衡量的经济结果，如 带动投资 ≥N 亿元、新增企业 ≥N 家')
  })

  it('asks for a count where a 数量指标 says 完成任务', () => {
    const f = find('P3-1', 'unmeasurable')
    expect(findingMessage(f, 'zh')).toContain('「项目数量」（2024年装备园区专项预算（招商引资））')
    expect(findingSuggestion(f, 'zh')).toBe('写成可衡量的数值，如 ≥N 个')
    expect(findingMessage(f, 'en')).toBe('“项目数量” (2024年装备园区专项预算（招商引资）): the target “完成任务” cannot be measured; it only repeats the basis of the target')
  })

  it('quotes the points of a project whose 分值 do not add up to 90', () => {
    const weights = DEFAULT_SCORING_SETTINGS.weights
    const f: Finding = { indicatorId: null, indicatorName: null, projectCode: P1, projectName: '园区专项', severity: 'error', kind: 'weights-not-100', unweighted: 0, sum: 80, expected: 90, weights }
    expect(findingMessage(f, 'zh')).toBe('项目“园区专项”的指标分值合计 80 分，应为 90 分（100 分减去预算执行率 10 分）')
    expect(findingMessage({ ...f, unweighted: 2 }, 'zh')).toBe('项目“园区专项”有 2 个指标没有分值')
    expect(findingSuggestion(f, 'zh')).toBe('为每个指标填写分值并使合计为 90 分；或全部不填，按产出 50、效益 30、满意度 10 平均分配')
  })

  it('writes a missing direction with the value as read', () => {
    const f: Finding = { indicatorId: 'c', indicatorName: '完成时限', projectCode: null, projectName: null, severity: 'warning', kind: 'missing-direction', text: '30天', value: 30, unit: '天' }
    expect(findingMessage(f, 'zh')).toBe('「完成时限」（部门整体目标）的指标值“30天”没有写明是下限还是上限')
    expect(findingSuggestion(f, 'zh')).toBe('写成 ≤30天（期限）或 ≥30天，或填写“指标性质”列')
  })

  it('writes every seed finding in both languages with a suggestion and a label', () => {
    for (const f of seed)
      for (const lang of LANGS) {
        expect(findingMessage(f, lang)).not.toBe('')
        expect(findingSuggestion(f, lang)).not.toBe('')
        expect(findingKindLabel(f.kind, lang)).not.toBe('')
      }
  })
})

describe('describeSettingsProblem', () => {
  it('quotes both thresholds of a red line above yellow', () => {
    const [p] = checkMonitorSettings({ ...DEFAULT_MONITOR_SETTINGS, execution: { red: 0.9, yellow: 0.8 } })
    expect(p && describeSettingsProblem(p, 'zh')).toBe('红灯线（90%）须低于黄灯线（80%），修改未生效。')
    expect(p && describeSettingsProblem(p, 'en')).toBe('The red threshold (90%) must be below the yellow one (80%); nothing was applied.')
  })
  it('names a band by its status in either language', () => {
    const bands = { ...DEFAULT_SCORING_SETTINGS.bands, 达成: [0.8, 1.2] as [number, number] }
    const [p] = checkScoringSettings({ ...DEFAULT_SCORING_SETTINGS, bands })
    expect(p && describeSettingsProblem(p, 'zh')).toBe('"达成"档须在 0% 至 100% 之间且下限不高于上限（当前 80%–120%）。')
    expect(p && describeSettingsProblem(p, 'en')).toBe('Band "Achieved" must lie within 0–100%, low ≤ high (now 80%–120%).')
  })
  it('quotes the sum of weights that do not add up to 100', () => {
    const [p] = checkScoringSettings({ ...DEFAULT_SCORING_SETTINGS, weights: { execution: 10, output: 50, effect: 30, satisfaction: 20 } })
    expect(p && describeSettingsProblem(p, 'zh')).toBe('四项分值合计须为 100 分（当前 110 分），修改未生效。')
  })
})

describe('describeYearOnYear', () => {
  it('writes growth, decline and level as bulletins do', () => {
    expect(describeYearOnYear(yearOnYear(93, 80, '亿元'), 'zh')).toBe('同比增长 16.25%')
    expect(describeYearOnYear(yearOnYear(15, 16, '个'), 'zh')).toBe('同比下降 6.25%')
    expect(describeYearOnYear(yearOnYear(16, 16, '个'), 'zh')).toBe('同比持平')
    expect(describeYearOnYear(yearOnYear(93, 80, '亿元'), 'en')).toBe('up 16.25% year on year')
  })
  it('writes a rate’s change in 个百分点', () => {
    expect(describeYearOnYear(yearOnYear(9.8, 8.6, '%'), 'zh')).toBe('较上年同期提高 1.20 个百分点')
    expect(describeYearOnYear(yearOnYear(8.2, 8.6, '%'), 'zh')).toBe('较上年同期回落 0.40 个百分点')
  })
  it('never shows 0 or 100% for a missing or zero last year', () => {
    expect(describeYearOnYear(yearOnYear(93, null, '亿元'), 'zh')).toBe('无上年同期数据')
    expect(describeYearOnYear(yearOnYear(2, 0, '起'), 'zh')).toBe('上年同期为0')
  })
})

describe('describeComparison', () => {
  const at = (current: number | null, lastYear: number | null, unit: string) => ({ lastYear, yoy: yearOnYear(current, lastYear, unit) })
  it('gives 上年同期 in the target’s unit with the growth: 93 against 80 亿元 is up 16.25%', () => {
    expect(describeComparison(at(93, 80, '亿元'), '亿元', 'zh')).toBe('上年同期 80.00 亿元，同比增长 16.25%')
    expect(describeComparison(at(15, 13, '个'), '个', 'en')).toBe('last year 13 个, up 15.38% year on year')
  })
  it('compares a rate in points: 9.80% against 8.60%', () => {
    expect(describeComparison(at(9.8, 8.6, '%'), '%', 'zh')).toBe('上年同期 8.60%，较上年同期提高 1.20 个百分点')
  })
  it('says so alone when last year has no figure or a zero', () => {
    expect(describeComparison(at(93, null, '亿元'), '亿元', 'zh')).toBe('无上年同期数据')
    expect(describeComparison(at(0, 0, '起'), '起', 'zh')).toBe('上年同期为0')
  })
  it('gives last year’s figure alone while this year has none', () => {
    expect(describeComparison(at(null, 80, '亿元'), '亿元', 'zh')).toBe('上年同期 80.00 亿元')
  })
})
