// The entry: asks for the deployed data first, then loads the app. Its own code is this and the file names, so the
// data's requests leave before the browser fetches and evaluates Vue, the views and DuckDB's loader (src/app.ts):
// sent once the app's code was evaluating, they waited for it (a third of a second on a busy machine).
import { requestDeployedData } from './ingest/deployedRequests'

void requestDeployedData().then(() => import('./app'))
