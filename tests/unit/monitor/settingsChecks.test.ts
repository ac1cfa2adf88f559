import { describe, expect, it } from 'vitest'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS } from '../../../src/domain/settings'
import { checkedScoringSettings, checkMonitorSettings, checkScoringSettings } from '../../../src/domain/settingsChecks'
import { describeSettingsProblem } from '../../../src/i18n/describeSettings'

const keys = (ps: { key: string }[]) => ps.map((p) => p.key)

describe('checkMonitorSettings', () => {
  it('accepts the defaults of DOMAIN.md', () => {
    expect(checkMonitorSettings(DEFAULT_MONITOR_SETTINGS)).toEqual([])
  })
  it('refuses a red threshold above yellow, quoting both', () => {
    const problems = checkMonitorSettings({ ...DEFAULT_MONITOR_SETTINGS, execution: { red: 0.9, yellow: 0.8 } })
    expect(problems).toEqual([{ field: 'execution.red', key: 'redBelowYellow', params: { red: 90, yellow: 80 } }])
  })
  it('refuses a blue mark at or below 100%', () => {
    expect(keys(checkMonitorSettings({ ...DEFAULT_MONITOR_SETTINGS, cumulative: { red: 0.6, yellow: 0.8, blue: 1 } }))).toContain('blueAbove100')
  })
  it('refuses an empty field', () => {
    expect(keys(checkMonitorSettings({ ...DEFAULT_MONITOR_SETTINGS, pointTolerance: Number.NaN }))).toEqual(['notNumber'])
  })
  it('refuses 完全不可能 above 有可能', () => {
    expect(keys(checkMonitorSettings({ ...DEFAULT_MONITOR_SETTINGS, likelihood: { likely: 0.5, impossible: 0.9, paceRatio: 5 } }))).toEqual(['likelihoodOrder'])
  })
})

describe('checkScoringSettings', () => {
  it('accepts the defaults of 财预〔2020〕10号', () => {
    expect(checkScoringSettings(DEFAULT_SCORING_SETTINGS)).toEqual([])
  })
  it('refuses weights that do not add up to 100', () => {
    const s = { ...DEFAULT_SCORING_SETTINGS, weights: { execution: 10, output: 50, effect: 30, satisfaction: 20 } }
    expect(checkScoringSettings(s)).toEqual([{ field: 'weights', key: 'weightsSum', params: { sum: 110 } }])
  })
  it('accepts the 80/70/60 grades some provinces use and refuses them out of order', () => {
    expect(checkScoringSettings({ ...DEFAULT_SCORING_SETTINGS, grades: { excellent: 80, good: 70, pass: 60 } })).toEqual([])
    expect(keys(checkScoringSettings({ ...DEFAULT_SCORING_SETTINGS, grades: { excellent: 70, good: 80, pass: 60 } }))).toEqual(['gradesOrder'])
  })
  it('refuses overlapping qualitative bands', () => {
    const bands = { ...DEFAULT_SCORING_SETTINGS.bands, 部分达成: [0.5, 0.85] as [number, number] }
    expect(keys(checkScoringSettings({ ...DEFAULT_SCORING_SETTINGS, bands }))).toEqual(['bandsOverlap'])
  })
})

describe('结果应用 (grade → next year’s budget)', () => {
  const withUse = (budgetUse: Partial<typeof DEFAULT_SCORING_SETTINGS.budgetUse>) => ({
    ...DEFAULT_SCORING_SETTINGS, budgetUse: { ...DEFAULT_SCORING_SETTINGS.budgetUse, ...budgetUse },
  })
  it('accepts a province’s own wording', () => {
    expect(checkScoringSettings(withUse({ 良: '适当压减' }))).toEqual([])
  })
  it('refuses an empty treatment in a Chinese sentence naming the grade', () => {
    const problems = checkScoringSettings(withUse({ 中: '  ' }))
    expect(problems).toEqual([{ field: 'budgetUse.中', key: 'budgetUseEmpty', params: { grade: '中' } }])
    expect(describeSettingsProblem(problems[0]!, 'zh')).toBe('等级"中"的结果应用不能为空，修改未生效。')
  })
  it('refuses a paragraph or a second line', () => {
    expect(keys(checkScoringSettings(withUse({ 优: '优先保障'.repeat(6) })))).toEqual(['budgetUseLong'])
    expect(keys(checkScoringSettings(withUse({ 差: '取消\n并收回' })))).toEqual(['budgetUseLong'])
  })
  it('are read from stored settings, and the defaults where a stored value is not text', () => {
    expect(checkedScoringSettings({ budgetUse: { 良: '适当压减' } }).settings.budgetUse).toEqual({ 优: '优先保障', 良: '适当压减', 中: '压缩', 差: '取消' })
    expect(checkedScoringSettings({ budgetUse: { 良: 3 } }).settings.budgetUse.良).toBe('保障')
    expect(checkedScoringSettings({ budgetUse: { 差: '' } }).problems.map((p) => p.key)).toEqual(['budgetUseEmpty'])
  })
})
