// The wall screen's dark theme: light text on a near-black stage, grid lines faint, type sized for five metres.
import { PieChart } from 'echarts/charts'
import { LabelLayout } from 'echarts/features'
import { echarts } from './echarts'

// Registered here, not in echarts.ts: only the screen's lazy chunk needs the lights donut and label shifting.
echarts.use([PieChart, LabelLayout])

export const SCREEN_THEME = 'jx-screen'

export const SCREEN_COLORS = {
  text: '#e8eef7',
  muted: '#9fb0c8',
  line: '#2a3a55',
  panel: '#0f1c30',
  timeShare: '#f5f7fa',
  plan: '#7fa7d9',
}

echarts.registerTheme(SCREEN_THEME, {
  backgroundColor: 'transparent',
  color: ['#4fa3ff', '#f2c14e', '#5cd6a0', '#ff7a7a', '#b58cff', '#4fd1e8'],
  textStyle: { color: SCREEN_COLORS.text, fontSize: 22 },
  title: { textStyle: { color: SCREEN_COLORS.text, fontSize: 28 } },
  legend: { textStyle: { color: SCREEN_COLORS.text, fontSize: 22 } },
  categoryAxis: {
    axisLine: { lineStyle: { color: SCREEN_COLORS.line } },
    axisTick: { show: false },
    axisLabel: { color: SCREEN_COLORS.text, fontSize: 22 },
    splitLine: { show: false },
  },
  valueAxis: {
    axisLine: { show: false },
    axisLabel: { color: SCREEN_COLORS.muted, fontSize: 20 },
    splitLine: { lineStyle: { color: SCREEN_COLORS.line } },
  },
})
