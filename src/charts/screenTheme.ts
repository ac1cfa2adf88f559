// The wall screen's dark theme: light text on a near-black stage, grid lines faint, type sized for five metres.
import { PieChart, ScatterChart } from 'echarts/charts'
import { LabelLayout } from 'echarts/features'
import { SVGRenderer } from 'echarts/renderers'
import { echarts } from './echarts'

// Registered here, not in echarts.ts: only the screen's lazy chunk needs them. The screen draws SVG so that its labels
// are elements a browser test can measure (nothing on the wall may be cut or drawn over another label).
echarts.use([PieChart, ScatterChart, LabelLayout, SVGRenderer])

export const SCREEN_THEME = 'jx-screen'

/** The smallest text on the wall, in pixels of the 1920×1080 canvas: about 15 mm on a 65" display, read at five metres. */
export const SCREEN_MIN_FONT = 20

/** The page's own font, so that chart labels look like the text around them. */
export const SCREEN_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

export const SCREEN_COLORS = {
  text: '#e8eef7',
  muted: '#9fb0c8',
  line: '#2a3a55',
  panel: '#0f1c30',
  /** reference lines (序时进度, a target, last year): neutral, dashed */
  reference: '#c3cdda',
}

/**
 * Colours of series (one goal's line among others). Red, yellow, green and blue mean the warning lights everywhere on
 * the screen, so no series takes a hue near theirs: cyan, violet, magenta, white, sand, each also with its own symbol.
 */
export const SCREEN_SERIES = ['#3fd2e6', '#a98bff', '#ee6fd0', '#f4f7fb', '#d8c79f'] as const
export const SCREEN_SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect'] as const

export const seriesColor = (i: number) => SCREEN_SERIES[i % SCREEN_SERIES.length] as string
export const seriesSymbol = (i: number) => SCREEN_SYMBOLS[i % SCREEN_SYMBOLS.length] as string

echarts.registerTheme(SCREEN_THEME, {
  backgroundColor: 'transparent',
  color: [...SCREEN_SERIES],
  textStyle: { color: SCREEN_COLORS.text, fontSize: 22, fontFamily: SCREEN_FONT },
  title: { textStyle: { color: SCREEN_COLORS.text, fontSize: 28, fontFamily: SCREEN_FONT } },
  legend: { textStyle: { color: SCREEN_COLORS.text, fontSize: 22, fontFamily: SCREEN_FONT } },
  categoryAxis: {
    axisLine: { lineStyle: { color: SCREEN_COLORS.line } },
    axisTick: { show: false },
    // the month under the axis clear of the value axis's lowest label
    axisLabel: { color: SCREEN_COLORS.text, fontSize: 22, fontFamily: SCREEN_FONT, margin: 16 },
    splitLine: { show: false },
  },
  valueAxis: {
    axisLine: { show: false },
    axisLabel: { color: SCREEN_COLORS.muted, fontSize: SCREEN_MIN_FONT, fontFamily: SCREEN_FONT, margin: 12 },
    splitLine: { lineStyle: { color: SCREEN_COLORS.line } },
  },
})
