// ECharts is loaded with the first chart, not before the first paint: the cards and tables draw without it (and,
// evaluated while the data were still arriving, it held back their first paint).
type EchartsModule = typeof import('./echarts')

let loading: Promise<EchartsModule> | null = null
let loaded: EchartsModule | null = null

/** Loads ECharts once, whoever asks first (the cold start, the bureau page's warm-up, the first chart). */
export const loadEcharts = (): Promise<EchartsModule> => (loading ??= import('./echarts').then((m) => (loaded = m)))

let firstPageDrawn = false
/** The first page's figures are drawn (its ready signal): charts mounted from now on may draw at once. */
export const pageDrawn = (): void => void (firstPageDrawn = true)

/**
 * ECharts when it is loaded already and the first page has drawn: a chart mounted then is drawn in the task that
 * mounts it. An import() of a module already loaded still resolves a task later, after the frame that lays out and
 * paints the rest of the page: opening a unit from the bureau page drew its two charts after a frame of their own.
 * On the first page the numbers go first: drawn with them, a cold start's charts put their paint off by 150 ms.
 */
export const echartsLoaded = (): EchartsModule | null => (firstPageDrawn ? loaded : null)
