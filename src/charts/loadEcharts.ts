// ECharts is not part of the startup bundle: the cards and tables draw without it. Its chunk is requested once the shell
// is mounted (App.vue), while the data are fetched, so that it is there when the first chart mounts.
let loading: Promise<typeof import('./echarts')> | null = null

export const loadEcharts = () => (loading ??= import('./echarts'))
