// Imported first by app.ts. DuckDB's worker and wasm start loading before the rest of the bundle (Vue, the views)
// is evaluated, unless the data ship with a snapshot and the page opened draws from it: then the page draws the
// snapshot's figures first and starts DuckDB once they are on screen (src/stores/dataset.ts).
import { loadEcharts } from './charts/loadEcharts'
import { hasShippedSnapshot } from './ingest/deployedRequests'
import { getEngine } from './stores/engine'

/** Pages that cannot draw a figure without DuckDB: the data page, the entry form, the bureau's pages. */
const NEEDS_ENGINE = /^#\/(data|entry|bureau|screen\/bureau)(?:[/?]|$)/

if (NEEDS_ENGINE.test(location.hash)) void getEngine()
else {
  void hasShippedSnapshot().then((shipped) => {
    if (!shipped) void getEngine()
    // ECharts (prefetched with the page, see vite.config.ts) compiled off the main thread and evaluated while the
    // page waits for its data: asked for by the first chart, its compile had the painted figures wait for the charts
    else void loadEcharts()
  })
}
