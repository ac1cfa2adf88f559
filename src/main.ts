// The entry: asks for the deployed data first, then loads the app. Its own code is this and the file names, so the
// data's requests leave before the browser has fetched Vue, the views and DuckDB's loader (src/app.ts).
import { requestDeployedData } from './ingest/deployedRequests'

requestDeployedData()
void import('./app')
