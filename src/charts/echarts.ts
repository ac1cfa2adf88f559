// Only what the charts use, from echarts/core: `import 'echarts'` would ship every chart type.
import { BarChart, LineChart } from 'echarts/charts'
import {
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
])

export { echarts }
export type { EChartsCoreOption as ChartOption } from 'echarts/core'
