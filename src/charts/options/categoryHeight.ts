/**
 * The height of a chart with one bar per category, so that every category's name is written: ECharts' automatic
 * label interval hides names that do not fit (a goal without its name), and working it out measured every label
 * before the first frame. 380 px holds the default data's rows; more rows make the chart taller. In pixels.
 */
export function categoryChartHeight(rows: number, pxPerRow: number, chrome = 76): number {
  return Math.max(380, chrome + rows * pxPerRow)
}
