import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { describe, expect, it } from 'vitest'
import type { ChartOption } from '../../../src/charts/echarts'
import { screenLightsOption } from '../../../src/charts/options/screenLights'
import { screenProgressOption } from '../../../src/charts/options/screenProgress'
import { screenSpendingOption } from '../../../src/charts/options/screenSpending'
import { SCREEN_THEME } from '../../../src/charts/screenTheme'
import { spendingProgress } from '../../../src/domain/monitor'
import { DEFAULT_MONITOR_SETTINGS } from '../../../src/domain/settings'

use([SVGRenderer])

function render(option: ChartOption): string {
  const chart = init(null, SCREEN_THEME, { renderer: 'svg', ssr: true, width: 1200, height: 600 })
  chart.setOption(option)
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

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
  it('draws 序时进度 as percentages beside each goal and labels the latest 完成率', () => {
    const option = screenProgressOption(
      [{ name: '投资额', light: 'red', completion: [0.05, 0.1, 0.2, null, null, null, null, null, null, null, null, null] }],
      Array.from({ length: 12 }, (_, i) => (i + 1) / 12),
      { title: '招商引资', timeShare: '序时进度', month: (m) => `${m}月` },
    ) as { series: { name: string; data: unknown[] }[] }
    expect(option.series.map((s) => s.name)).toEqual(['序时进度', '投资额'])
    expect(option.series[0]?.data[6]).toBe(58.33)
    expect(render(option)).toContain('20.00%')
  })
})

describe('screenSpendingOption', () => {
  it('shows each project’s 预算执行率 beside its plan with 序时进度 as a line', () => {
    const p = spendingProgress(
      { code: 'P1', name: '园区专项', budget: 200, adjustedBudget: null },
      [{ month: 6, share: 30 }, { month: 12, share: 70 }],
      [{ month: 7, spent: 10, cumulative: 112.94, hasData: true }],
      { year: 2024, month: 7 },
      DEFAULT_MONITOR_SETTINGS,
    )
    const svg = render(screenSpendingOption([p], { title: '资金支出', rate: '预算执行率', plan: '计划进度', timeShare: '序时进度' }))
    expect(svg).toContain('56.47%')
    expect(svg).toContain('序时进度 58.33%')
  })
})
