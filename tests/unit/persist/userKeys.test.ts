// @vitest-environment jsdom
// A 指标编码 or 项目编码 is whatever the department typed: `constructor` and `__proto__` are codes like any other, and
// nothing keyed by a code may read Object.prototype's members or set an object's prototype.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { toIndicator } from '@/domain/indicator'
import { buildMonitoringForm } from '@/domain/monitoringForm'
import { buildAssessmentForm } from '@/domain/selfAssessment'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS } from '@/domain/settings'
import type { Project } from '@/domain/types'
import { readStoredJudgements } from '@/persist/judgements'
import { storedJudgementBook, storedLikelihoods } from '@/persist/userState'
import { useJudgementsStore } from '@/stores/judgements'
import { useLikelihoodStore } from '@/stores/likelihood'

const CODES = ['constructor', '__proto__', 'toString', 'hasOwnProperty']

const project = (code: string): Project => ({
  code, name: code, department: null, unitName: null, budget: 100, adjustedBudget: null, fiscal: null, other: null, purpose: null, goal: null,
})
const qualitative = (id: string, scope: string) =>
  toIndicator({
    id, scope, group: null, level1: '产出指标', level2: '质量指标', name: id, targetText: '完成任务', unit: null, direction: '定性',
    measure: null, weight: 10, basis: null, lastYear: null, history: null,
  })

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('codes named like Object.prototype’s members', () => {
  it.each(CODES)('score an indicator %s as not judged yet when nothing is judged', (code) => {
    const form = buildAssessmentForm({
      project: project(code), indicators: [qualitative(code, code)], series: new Map(), spending: [],
      asOf: { year: 2024, month: 11 }, scoring: DEFAULT_SCORING_SETTINGS, monitor: DEFAULT_MONITOR_SETTINGS,
      judgements: readStoredJudgements({}).indicators,
    })
    expect(form.rows[0]).toMatchObject({ band: null, score: null, reason: '' })
  })

  it.each(CODES)('give the 监控表 row of %s no causes rather than Object’s', (code) => {
    const form = buildMonitoringForm({
      project: project(code), indicators: [qualitative(code, code)], series: new Map(), spending: [], year: 2024, month: 7,
      latestMonth: 7, monitor: DEFAULT_MONITOR_SETTINGS, judgements: readStoredJudgements({}).monitoring,
    })
    expect(form.rows[0]).toMatchObject({ causes: [], explanation: '' })
  })

  it.each(CODES)('keep the judgement typed for %s across a reload', async (code) => {
    const judgements = useJudgementsStore()
    judgements.setIndicator(code, { band: '达成', reason: '按期完成' })
    judgements.setProject(code, { executionReason: '已支付' })
    judgements.setMonitoring(code, { causes: ['人员保障'] })
    await nextTick()
    setActivePinia(createPinia())
    const again = useJudgementsStore()
    expect(again.indicators.get(code)).toEqual({ band: '达成', score: null, reason: '按期完成' })
    expect(again.projects.get(code)).toEqual({ executionReason: '已支付', goalActual: '' })
    expect(again.monitoring.get(code)?.causes).toEqual(['人员保障'])
    expect(again.indicators.get('valueOf')).toBeUndefined()
    expect(({} as Record<string, unknown>).band).toBeUndefined()
  })

  it('read back from a judgements file as the codes they are', () => {
    const read = readStoredJudgements('{"indicators": {"__proto__": {"band": "达成"}, "constructor": {"band": "未达成"}}}')
    expect([...read.indicators.keys()]).toEqual(['__proto__', 'constructor'])
    expect(read.indicators.get('__proto__')?.band).toBe('达成')
    expect(storedJudgementBook.read().unscoped).toBeNull()
  })

  it.each(CODES)('keep a likelihood confirmed for %s', async (code) => {
    useLikelihoodStore().confirm(code, { year: 2024, month: 7 }, '有可能')
    await nextTick()
    expect(storedLikelihoods.read()).toEqual({ [`2024-07:${code}`]: '有可能' })
    setActivePinia(createPinia())
    expect(useLikelihoodStore().confirmedFor(code, { year: 2024, month: 7 })).toBe('有可能')
    expect(useLikelihoodStore().confirmedFor(code, { year: 2024, month: 8 })).toBeNull()
  })
})
