import { describe, expect, it } from 'vitest'
import { DEFAULT_MONITOR_SETTINGS, DEFAULT_SCORING_SETTINGS, mergeSettings } from '../../../src/domain/settings'

describe('mergeSettings', () => {
  it('lays a stored partial over the defaults, deeply', () => {
    const s = mergeSettings(DEFAULT_MONITOR_SETTINGS, { execution: { red: 0.5 }, timeShareMode: 'day' })
    expect(s.execution).toEqual({ red: 0.5, yellow: 0.8 })
    expect(s.timeShareMode).toBe('day')
    expect(s.cumulative).toEqual(DEFAULT_MONITOR_SETTINGS.cumulative)
  })
  it('ignores unknown keys and values of the wrong type', () => {
    const s = mergeSettings(DEFAULT_MONITOR_SETTINGS, { pointTolerance: '0.2', extra: 1, execution: 'x', timeShareMode: 'week' })
    expect(s).toEqual(DEFAULT_MONITOR_SETTINGS)
  })
  it('accepts only the known choices of a string setting', () => {
    expect(mergeSettings(DEFAULT_MONITOR_SETTINGS, { executionBaseline: 'plan' }).executionBaseline).toBe('plan')
    expect(mergeSettings(DEFAULT_MONITOR_SETTINGS, { executionBaseline: 'budget' }).executionBaseline).toBe('time')
    expect(mergeSettings(DEFAULT_SCORING_SETTINGS, { lessOrEqualRule: 'linear' }).lessOrEqualRule).toBe('linear')
  })
  it('accepts stored JSON text and falls back on broken JSON', () => {
    expect(mergeSettings(DEFAULT_SCORING_SETTINGS, '{"grades":{"good":70}}').grades).toEqual({ excellent: 90, good: 70, pass: 60 })
    expect(mergeSettings(DEFAULT_SCORING_SETTINGS, '{oops')).toEqual(DEFAULT_SCORING_SETTINGS)
  })
  it('replaces a band only with a pair of numbers', () => {
    const s = mergeSettings(DEFAULT_SCORING_SETTINGS, { bands: { 达成: [0.85, 1], 部分达成: [0.6], 未达成: ['0', 0.6] } })
    expect(s.bands).toEqual({ 达成: [0.85, 1], 部分达成: [0.6, 0.8], 未达成: [0, 0.6] })
  })
  it('never shares objects with the defaults', () => {
    const s = mergeSettings(DEFAULT_SCORING_SETTINGS, null)
    expect(s).toEqual(DEFAULT_SCORING_SETTINGS)
    expect(s.weights).not.toBe(DEFAULT_SCORING_SETTINGS.weights)
    expect(s.bands.达成).not.toBe(DEFAULT_SCORING_SETTINGS.bands.达成)
  })
})
