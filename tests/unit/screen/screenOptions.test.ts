import { init } from 'echarts/core'
import { describe, expect, it } from 'vitest'
import { LIGHT_COLORS } from '../../../src/charts/lightColors'
import type { ChartOption } from '../../../src/charts/echarts'
import { screenLightsOption } from '../../../src/charts/options/screenLights'
import { niceRange, screenPointOption } from '../../../src/charts/options/screenPoint'
import { screenProgressOption } from '../../../src/charts/options/screenProgress'
import { screenSpendingOption } from '../../../src/charts/options/screenSpending'
import { screenYearOnYearOption } from '../../../src/charts/options/screenYearOnYear'
import { SCREEN_COLORS, SCREEN_SERIES, SCREEN_THEME } from '../../../src/charts/screenTheme'
import { spendingProgress } from '../../../src/domain/monitor'
import { DEFAULT_MONITOR_SETTINGS } from '../../../src/domain/settings'

function render(option: ChartOption): string {
  const chart = init(null, SCREEN_THEME, { renderer: 'svg', ssr: true, width: 1200, height: 600 })
  chart.setOption(option)
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

/** The hue of a #rrggbb colour in degrees, and its saturation. */
function hueOf(hex: string): { hue: number; saturation: number } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number]
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const d = max - min
  const hue = d === 0 ? 0 : max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  return { hue: (hue * 60 + 360) % 360, saturation: max === 0 ? 0 : d / max }
}
const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b))
const month = (m: number) => `${m}月`

describe('the wall screen’s colours', () => {
  it('gives no series a hue near a light’s: red, yellow, green and blue mean the lights', () => {
    for (const series of SCREEN_SERIES) {
      const s = hueOf(series)
      for (const light of [LIGHT_COLORS.red, LIGHT_COLORS.yellow, LIGHT_COLORS.green, LIGHT_COLORS.blue]) {
        const l = hueOf(light)
        // a pale colour (white, sand) reads as no hue at all
        expect(s.saturation < 0.3 || hueDistance(s.hue, l.hue) >= 25, `${series} against ${light}`).toBe(true)
      }
    }
  })
})

describe('screenLightsOption', () => {
  it('counts every light in the centre and leaves out empty slices', () => {
    const option = screenLightsOption(
      [{ light: 'red', n: 2 }, { light: 'yellow', n: 0 }, { light: 'green', n: 5 }, { light: 'blue', n: 1 }],
      { light: (l) => l, total: '监测项' },
    ) as { title: { text: string }; series: { data: { name: string }[] }[] }
    expect(option.title.text).toBe('8')
    expect(option.series[0]?.data.map((d) => d.name)).toEqual(['red', 'green', 'blue'])
    expect(render(option)).toContain('监测项')
  })
})

describe('screenProgressOption', () => {
  const option = screenProgressOption(
    [
      { name: '投资额', light: 'red', completion: [0.05, 0.1, 0.2, null, null, null, null, null, null, null, null, null] },
      { name: '实际利用外资', light: 'blue', completion: [0.1, 0.3, 0.5, null, null, null, null, null, null, null, null, null] },
    ],
    Array.from({ length: 12 }, (_, i) => (i + 1) / 12),
    { timeShare: '序时进度', month },
  ) as { series: { name: string; data: unknown[]; lineStyle: { color: string } }[] }

  it('draws 序时进度 as percentages beside each goal and labels the latest 完成率', () => {
    expect(option.series.map((s) => s.name)).toEqual(['序时进度', '投资额', '实际利用外资'])
    expect(option.series[0]?.data[6]).toBe(58.33)
    expect(render(option)).toContain('20.00%')
  })
  it('draws a goal in its series colour, never in its light’s: a blue light is not a red line', () => {
    expect(option.series.slice(1).map((s) => s.lineStyle.color)).toEqual([SCREEN_SERIES[0], SCREEN_SERIES[1]])
  })
})

describe('screenPointOption', () => {
  it('draws a rate month by month against its target line, in its own unit', () => {
    const values = [8.6, 8.9, 9.2, 9.5, 9.3, 9.7, 10.1, 10.4, 10.2, 9.8, null, null]
    const option = screenPointOption({ values, target: 10, light: 'yellow' }, { month, value: (v) => `${v.toFixed(2)}%` }) as {
      series: { data: unknown[]; markLine: { data: { yAxis: number }[] } }[]
      yAxis: { min: number; max: number }
    }
    expect(option.series[0]?.data).toEqual(values)
    expect(option.series[0]?.markLine.data).toEqual([{ yAxis: 10 }])
    expect(option.yAxis.min).toBeLessThan(8.6)
    expect(option.yAxis.max).toBeGreaterThan(10.4)
    expect(render(option as ChartOption)).toContain('9.80%')
  })
  it('rounds the axis to whole steps around the values and the target', () => {
    expect(niceRange(8.6, 10.4)).toEqual({ min: 8, max: 11, step: 1 })
    expect(niceRange(10, 10)).toEqual({ min: 9.5, max: 10.5, step: 0.5 })
    expect(niceRange(0, 0)).toEqual({ min: -0.5, max: 0.5, step: 0.5 })
  })
})

describe('screenYearOnYearOption', () => {
  it('draws this year solid in a series colour and last year dashed and neutral', () => {
    const option = screenYearOnYearOption(
      { thisYear: [1, 2, 4, null], lastYear: [1, 1, 2, 3], fromZero: true },
      { thisYear: '2024年', lastYear: '2023年（上年）', month, axis: String },
    ) as { series: { name: string; lineStyle: { color: string; type: string } }[] }
    expect(option.series.map((s) => [s.name, s.lineStyle.color, s.lineStyle.type])).toEqual([
      ['2023年（上年）', SCREEN_COLORS.reference, 'dashed'],
      ['2024年', SCREEN_SERIES[0], 'solid'],
    ])
  })
})

describe('screenSpendingOption', () => {
  const p = spendingProgress(
    { code: 'P1', name: '园区专项', budget: 200, adjustedBudget: null },
    [{ month: 6, share: 30 }, { month: 12, share: 70 }],
    [{ month: 7, spent: 10, cumulative: 112.94, hasData: true }],
    { year: 2024, month: 7 },
    DEFAULT_MONITOR_SETTINGS,
  )
  const option = screenSpendingOption([p], { timeShare: '序时进度', plan: (share) => `计划 ${share}` })

  it('shows each project’s 预算执行率 beside its plan with 序时进度 as a line', () => {
    const svg = render(option)
    expect(svg).toContain('56.47%')
    expect(svg).toContain('计划 41.67%')
    expect(svg).toContain('序时进度 58.33%')
  })
  it('colours each bar by its light and keeps no legend whose one swatch would say otherwise', () => {
    const bars = (option as { series: { data: { itemStyle: { color: string } }[] }[] }).series[0]?.data
    expect(bars?.map((b) => b.itemStyle.color)).toEqual([LIGHT_COLORS[p.light]])
    expect((option as { legend?: unknown }).legend).toBeUndefined()
  })
})
