import type { echarts as Echarts } from './echarts'
import { LIGHT_COLORS } from './lightColors'

/**
 * Draws, off the page and thrown away, a chart of the overview's kinds: bars with labels on a category axis whose
 * names are truncated or wrapped, line markers, a mark line, legend, title and tooltip, in the page's font. The first
 * chart a page draws costs twice what the next one does (ECharts' code compiled as it first runs, the font's first
 * measures); a page that knows charts will follow (the bureau page, before a unit is opened) pays that while idle.
 */
export function warmUpCharts(echarts: typeof Echarts): void {
  const chart = echarts.init(
    document.createElement('div'),
    { textStyle: { fontFamily: getComputedStyle(document.body).fontFamily } },
    { width: 600, height: 380 },
  )
  const names = ['新签约亿元以上项目 Projects signed', '2024年装备园区专项经费（原中小园区遗留问题经费）']
  chart.setOption({
    // as the overview's charts: no entry animation
    animation: false,
    title: { text: '定量目标完成率 Completion', left: 0, textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, right: 0, data: ['计划进度', '序时进度'] },
    grid: { left: 198, right: 72, top: 44, bottom: 28, outerBoundsMode: 'none' },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, max: 120 },
    yAxis: [
      { type: 'category', data: names, axisLabel: { width: 190, overflow: 'break', lineHeight: 15, interval: 0 } },
      { type: 'category', data: names, axisLabel: { width: 150, overflow: 'truncate', interval: 0 } },
    ],
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: [{ value: 53.04, itemStyle: { color: LIGHT_COLORS.yellow } }, { value: 108, itemStyle: { color: LIGHT_COLORS.blue } }],
        label: { show: true, position: 'right', formatter: (p: { value: number }) => `${p.value.toFixed(2)}%` },
        markLine: { symbol: 'none', silent: true, label: { show: false }, data: [{ xAxis: 83.33 }] },
      },
      { name: '计划进度', type: 'line', symbol: 'diamond', symbolSize: 14, showAllSymbol: true, lineStyle: { opacity: 0 }, data: [60, 70] },
      { name: '序时进度', type: 'line', symbol: 'rect', symbolSize: [3, 26], yAxisIndex: 1, lineStyle: { opacity: 0 }, data: [83.33, 83.33] },
    ],
  })
  chart.getZr().refreshImmediately()
  chart.dispose()
}
