import { describe, expect, it } from 'vitest'
import { auditTargets, type Finding } from '../../../src/domain/audit'
import { toIndicator } from '../../../src/domain/indicator'
import type { IndicatorRow } from '../../../src/domain/types'
import { historicalReferences } from '../../../src/domain/yearOnYear'
import { findingMessage, findingSuggestion } from '../../../src/i18n/describeAudit'
import { P1, P2, P3, departmentRows, projectRows, projects, seedPlan } from './seedRows'

const indicators = [...departmentRows, ...projectRows].map(toIndicator)
const plans = new Map([P1, P2, P3].map((code) => [code, seedPlan]))
const seedFindings = auditTargets({ indicators, projects, plans })

const kindsOf = (id: string, findings: Finding[] = seedFindings) => findings.filter((f) => f.indicatorId === id).map((f) => f.kind)

describe('auditTargets on the seed', () => {
  it('finds nothing wrong with the department-wide goals', () => {
    expect(seedFindings.filter((f) => f.projectCode === null)).toEqual([])
  })

  it('flags both 100100% values as unreadable errors', () => {
    expect(kindsOf('P1-2')).toContain('unreadable')
    expect(kindsOf('P1-3')).toContain('unreadable')
    expect(seedFindings.find((f) => f.indicatorId === 'P1-2' && f.kind === 'unreadable')?.severity).toBe('error')
  })

  it('flags the description repeated as the value and asks for an economic result', () => {
    const f = seedFindings.find((x) => x.indicatorId === 'P1-4' && x.kind === 'unmeasurable')
    expect(f).toMatchObject({ repeats: 'basis', example: 'economic' })
  })

  it('flags 满意 and asks for a surveyed rate', () => {
    const f = seedFindings.find((x) => x.indicatorId === 'P2-4' && x.kind === 'unmeasurable')
    expect(f).toMatchObject({ indicatorName: '服务对象满意度', text: '满意', example: 'satisfaction' })
  })

  it('flags 按要求控制成本 and asks for a ceiling amount', () => {
    const f = seedFindings.find((x) => x.indicatorId === 'P2-1' && x.kind === 'unmeasurable')
    expect(f).toMatchObject({ text: '按要求控制成本', example: 'cost' })
  })

  it('flags 完成任务 under 项目数量 of its project and says to write a count', () => {
    const f = seedFindings.find((x) => x.indicatorId === 'P3-1' && x.kind === 'unmeasurable')
    expect(f).toMatchObject({ projectCode: P3, projectName: '2024年装备园区专项预算（招商引资）', example: 'count' })
  })

  it('flags every 完成任务 of the 招商引资 project, the one with a leading space too', () => {
    for (const id of ['P3-1', 'P3-2', 'P3-3', 'P3-4', 'P3-5', 'P3-6', 'P3-7', 'P3-8']) expect(kindsOf(id)).toContain('unmeasurable')
  })

  it('flags the only quality indicator of 园区专项 set to 100%', () => {
    expect(kindsOf('P2-2')).toEqual(['default-100-quality'])
  })

  it('flags satisfaction targets whose basis names no survey', () => {
    expect(kindsOf('P1-6')).toEqual(['satisfaction-without-method'])
    expect(kindsOf('P2-4')).toContain('satisfaction-without-method')
    expect(kindsOf('P3-8')).toContain('satisfaction-without-method')
  })

  it('passes the measurable ≥50次', () => {
    expect(kindsOf('P1-1')).toEqual([])
  })

  it('passes the seed’s plans, which add up to 100%', () => {
    expect(seedFindings.filter((f) => f.kind === 'plan-not-100')).toEqual([])
  })

})

describe('auditTargets on other problems', () => {
  const row = (over: Partial<IndicatorRow>): IndicatorRow => ({
    id: 'X', scope: P1, group: null, level1: '产出指标', level2: '数量指标', name: '培训次数', targetText: '≥5次', unit: null, direction: null, measure: null, weight: null, basis: null, ...over,
  })
  const audit = (rows: IndicatorRow[], plan = new Map<string, { month: number; share: number }[]>()) => auditTargets({ indicators: rows.map(toIndicator), projects, plans: plan })

  it('flags an empty value, a missing unit, a missing direction and a rate above 100%', () => {
    const f = audit([
      row({ id: 'a', targetText: '' }),
      row({ id: 'b', targetText: '≥20', name: '培训' }),
      row({ id: 'c', targetText: '30天', level2: '时效指标', name: '完成时限' }),
      row({ id: 'd', targetText: '≥120%', level2: '时效指标', name: '完成及时率' }),
    ])
    expect(kindsOf('a', f)).toEqual(['empty'])
    expect(kindsOf('b', f)).toEqual(['missing-unit'])
    expect(kindsOf('c', f)).toEqual(['missing-direction'])
    expect(kindsOf('d', f)).toEqual(['implausible'])
  })

  it('flags the value that repeats the indicator name', () => {
    expect(kindsOf('a', audit([row({ id: 'a', name: '道路保洁', targetText: '道路保洁' })]))).toEqual(['unmeasurable'])
  })

  it('accepts a declared 定性 indicator with its own standard', () => {
    expect(kindsOf('a', audit([row({ id: 'a', name: '长效机制', targetText: '建立园区环境卫生长效管理制度', direction: '定性' })]))).toEqual([])
  })

  it('flags 预算执行率 set as an output indicator', () => {
    expect(kindsOf('a', audit([row({ id: 'a', name: '预算执行率', targetText: '≥90%', level2: '质量指标' })]))).toContain('execution-rate-as-output')
  })

  it('accepts a satisfaction target measured by questionnaire', () => {
    expect(kindsOf('a', audit([row({ id: 'a', level1: '满意度指标', level2: '服务对象满意度指标', name: '企业满意度', targetText: '≥90%', basis: '问卷调查' })]))).toEqual([])
  })

  it('does not call quality targets default when one is below 100%', () => {
    const f = audit([
      row({ id: 'a', level2: '质量指标', name: '合格率', targetText: '100%' }),
      row({ id: 'b', level2: '质量指标', name: '验收通过率', targetText: '≥95%' }),
    ])
    expect(f.filter((x) => x.kind === 'default-100-quality')).toEqual([])
  })

  it('wants 分值 adding up to 90, the 10 of 预算执行率 being scored apart', () => {
    const f = audit([row({ id: 'a', weight: 50 }), row({ id: 'b', weight: 30, level1: '效益指标' })])
    const w = f.find((x) => x.kind === 'weights-not-100')
    expect(w).toMatchObject({ projectCode: P1, indicatorId: null, severity: 'error', unweighted: 0, sum: 80, expected: 90 })
    expect(audit([row({ id: 'a', weight: 60 }), row({ id: 'b', weight: 30, level1: '效益指标' })]).filter((x) => x.kind === 'weights-not-100')).toEqual([])
  })

  it('flags a project where only some indicators have 分值', () => {
    const f = audit([row({ id: 'a', weight: 90 }), row({ id: 'b', level1: '效益指标' })])
    expect(f.find((x) => x.kind === 'weights-not-100')).toMatchObject({ unweighted: 1 })
  })

  it('flags a spending plan that does not add up to 100%', () => {
    const f = audit([], new Map([[P2, [{ month: 6, share: 30 }, { month: 12, share: 40 }]]]))
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ kind: 'plan-not-100', projectCode: P2, sum: 70 })
  })
})

describe('auditTargets against history (财预〔2021〕101号 历史标准)', () => {
  const row = (over: Partial<IndicatorRow>): IndicatorRow => ({
    id: 'D08', scope: '部门', group: '经济运行', level1: null, level2: null, name: '新增规上工业企业', targetText: '9家', unit: null,
    direction: null, measure: null, weight: null, basis: null, ...over,
  })
  const lastYear2023 = toIndicator(row({ targetText: '8家' }))
  /** last year's D08 reported 10 家 by December */
  const counterpart = {
    link: { id: 'D08', lastYearId: 'D08', how: 'code' as const },
    indicator: lastYear2023,
    series: [{ month: 12, ytd: 10, latestValue: 10, valueMonth: 12, status: null, statusMonth: null, dataMonth: 12, monthValue: 10, monthBasis: '累计', note: null }],
  }
  const audit = (ind: IndicatorRow, counterparts = new Map<string, typeof counterpart>()) => {
    const indicators = [toIndicator(ind)]
    return auditTargets({ indicators, projects: [], plans: new Map(), history: historicalReferences(indicators, counterparts) })
  }

  it('flags a ≥ 9 家 target below last year’s 10 家, with both numbers', () => {
    const [f] = audit(row({}), new Map([['D08', counterpart]]))
    expect(f).toMatchObject({ kind: 'loose-target', severity: 'warning', direction: '≥', target: 9, reference: 10, source: 'last-year', unit: '家' })
    expect(findingMessage(f!, 'zh')).toBe('「新增规上工业企业」（部门整体目标）的目标值 9 家 低于上年实际完成值 10 家，目标设置偏松')
    expect(findingSuggestion(f!, 'zh')).toBe('按不低于上年实际完成值设定，如 ≥10家；确需调低的，在指标值确定依据中说明理由')
  })
  it('passes a target at or above last year’s actual', () => {
    expect(audit(row({ targetText: '10家' }), new Map([['D08', counterpart]]))).toEqual([])
  })
  it('flags a ≤ ceiling above last year’s actual', () => {
    const f = audit(row({ id: 'C1', name: '项目总成本', targetText: '≤500万元', lastYear: 420 }))
    expect(f).toMatchObject([{ kind: 'loose-target', direction: '≤', target: 500, reference: 420, source: 'last-year' }])
    expect(findingMessage(f[0]!, 'zh')).toBe('「项目总成本」（部门整体目标）的目标值 500.00 万元 高于上年实际完成值 420.00 万元，目标设置偏松')
  })
  it('takes 上年完成值 from the 指标 file when no loaded year has the indicator, and 历史标准 after it', () => {
    expect(audit(row({ lastYear: 12 }))).toMatchObject([{ reference: 12, source: 'last-year' }])
    const [f] = audit(row({ history: 11 }))
    expect(f).toMatchObject({ reference: 11, source: 'history' })
    expect(findingMessage(f!, 'zh')).toContain('低于历史标准 11 家')
  })
  it('prefers last year’s December report to the 上年完成值 written in the file', () => {
    expect(audit(row({ lastYear: 8 }), new Map([['D08', counterpart]]))).toMatchObject([{ reference: 10 }])
  })
  it('does not check a target without history, a qualitative one or an unreadable one', () => {
    expect(audit(row({}))).toEqual([])
    expect(audit(row({ targetText: '完成任务', direction: '定性', lastYear: 1 })).filter((x) => x.kind === 'loose-target')).toEqual([])
  })
})
