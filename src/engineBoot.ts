// Imported first by main.ts. DuckDB's worker and wasm start loading before the rest of the bundle (Vue, the views)
// is evaluated, unless the data ship with a snapshot: then the page draws the snapshot's figures first and starts
// DuckDB once they are on screen (src/stores/dataset.ts).
import { getEngine } from './stores/engine'

void fetch('data/snapshot.json', { method: 'HEAD', cache: 'no-cache' })
  .then((r) => r.ok && !(r.headers.get('content-type') ?? '').includes('text/html'))
  .catch(() => false)
  .then((shipped) => {
    if (!shipped) void getEngine()
  })
