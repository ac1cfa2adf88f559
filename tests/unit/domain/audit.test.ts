import { describe, expect, it } from 'vitest'
import { auditTargets, type Finding } from '../../../src/domain/audit'
import { toIndicator } from '../../../src/domain/indicator'
import type { IndicatorRow } from '../../../src/domain/types'
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
