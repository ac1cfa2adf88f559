// Imported first by main.ts, so that DuckDB's worker and wasm start loading before the rest of the bundle
// (Vue, ECharts, the views) is evaluated.
import { getEngine } from './stores/engine'

void getEngine()
