// The CSV the workbook readers write goes through the CSV upload path as it is today: the extra `__row` and
// `__sheet` columns are unknown columns, kept and ignored, until the staging reads `__row` as the line number.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createNodeEngine } from '@/engine/duckdbNode'
import type { QueryEngine } from '@/engine/QueryEngine'
import { loadDataset } from '@/ingest/loadDataset'
import { noContext } from '@/ingest/validate'
import { decodeFile, prepareUpload, uploadIsValid } from '@/ingest/upload'
import { targetFormsCsv } from '@/ingest/targetForm'
import { buildTargetFormTemplate } from '@/ingest/targetFormTemplate'
import { readWorkbook, sheetToCsv } from '@/ingest/workbook'
import { readDataFolder, SEED_SCOPE } from '../../support'
import { addSpendingSheet, workbookBytes } from './excelBooks'

let engine: QueryEngine
const utf8 = (text: string) => new TextEncoder().encode(text)

beforeAll(async () => {
  engine = await createNodeEngine()
})
afterAll(() => engine.close())
beforeEach(async () => {
  await loadDataset(engine, readDataFolder())
})

describe('workbook sheets on the CSV upload path', () => {
  it('validates a spending sheet read from a workbook with no problem', async () => {
    const contents = await readWorkbook(await workbookBytes((wb) => addSpendingSheet(wb)))
    const upload = await prepareUpload(engine, await decodeFile('支出.csv', utf8(sheetToCsv(contents.tables[0]!))), noContext(SEED_SCOPE))
    expect(upload.problems).toEqual([])
    expect(upload.fileProblems).toEqual([])
    expect(upload.spec?.kind).toBe('spending')
    expect(await engine.query(`SELECT code, year, month, amount FROM ${upload.canon} ORDER BY code`)).toEqual([
      { code: '13020924P00984510001C', year: 2024, month: 10, amount: 1234567.891 },
      { code: '13020924P00986710002R', year: 2024, month: 10, amount: 0.3 },
      { code: '13020924P009874100020', year: 2024, month: 10, amount: 42.3 },
    ])
  })

  it('validates the three CSVs of the target form template with no problem', async () => {
    const { forms } = await readWorkbook(await buildTargetFormTemplate())
    const csv = targetFormsCsv(forms)
    for (const [kind, name] of [['projects', '项目.csv'], ['indicators', '指标.csv'], ['spending_plan', '支出计划.csv']] as const) {
      const upload = await prepareUpload(engine, await decodeFile(name, utf8(csv[kind])), noContext(SEED_SCOPE))
      expect([kind, upload.spec?.kind, upload.problems, upload.fileProblems, uploadIsValid(upload)]).toEqual([kind, kind, [], [], true])
    }
  })
})
