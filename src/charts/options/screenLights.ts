import type { Light } from '@/domain/types'
import type { ChartOption } from '../echarts'
import { LIGHT_COLORS } from '../lightColors'
import { SCREEN_COLORS } from '../screenTheme'

export interface ScreenLightsText {
  /** the light's name, e.g. 红灯 */
  light: (light: Light) => string
  /** the centre caption, e.g. 监测指标 */
  total: string
}

/** The warning lights as a donut: how many indicators and projects are red, yellow, green and blue. */
export function screenLightsOption(counts: readonly { light: Light; n: number }[], text: ScreenLightsText): ChartOption {
  const total = counts.reduce((sum, c) => sum + c.n, 0)
  return {
    // the total in the ring's hole, clear of the ring: the hole is 64% of the radius, the two lines about half of it
    title: {
      text: String(total),
      subtext: text.total,
      left: 'center',
      top: 'middle',
      itemGap: 2,
      textStyle: { fontSize: 60, fontWeight: 700, color: SCREEN_COLORS.text, lineHeight: 64 },
      subtextStyle: { fontSize: 22, color: SCREEN_COLORS.muted, lineHeight: 26 },
    },
    series: [
      {
        type: 'pie',
        radius: ['64%', '90%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#07101e', borderWidth: 4 },
        animation: false,
        data: counts.filter((c) => c.n > 0).map((c) => ({ name: text.light(c.light), value: c.n, itemStyle: { color: LIGHT_COLORS[c.light] } })),
      },
    ],
  }
}
