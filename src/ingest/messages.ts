// The sentences for what the ingest finds live in src/i18n/describeUpload.ts, worded from the catalogue; re-exported
// here under the names the data page and the tests have always imported.
export { columnLabel, describeFileProblem, describeProblem } from '@/i18n/describeUpload'
