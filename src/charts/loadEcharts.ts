// ECharts is not part of the startup bundle: the cards and tables draw without it. Its chunk is requested by the first
// chart that mounts, after the cards: evaluated while the data were still arriving, it held back their first paint.
let loading: Promise<typeof import('./echarts')> | null = null

export const loadEcharts = () => (loading ??= import('./echarts'))
