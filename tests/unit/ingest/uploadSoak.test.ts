// Soak of applying and undoing: two tabs (each its own DuckDB, one batch log between them) apply small actuals files
// on a few overlapping keys and undo batches at random. After every step the acting tab's table must hold what a
// plain model says — the data folder with the batches in force laid over it in the order applied — and an undo is
// refused exactly when a later batch in force changed one of its rows; every so often, and at the end, a tab loaded
// afresh from the log (a reload) must hold the same.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createNativeEngine } from '@/engine/duckdbNative'
import { createNodeEngine } from '@/engine/duckdbNode'
import type { QueryEngine } from '@/engine/QueryEngine'
import { logSignature, type BatchRecord, type BatchStore } from '@/ingest/batches'
import { replayBatches } from '@/ingest/replay'
import { loadDataset } from '@/ingest/loadDataset'
import { createUploadSession, type FileCheck, type UploadSession } from '@/ingest/uploadSession'
import { checkBatchRecord } from '@/persist/batchStore'
import { readDataFolder, SEED_SCOPE } from '../../support'
import { seeded } from './csvOracle'

const SEED = Number(process.env.SOAK_SEED ?? 7)
const CYCLES = Number(process.env.SOAK_CYCLES ?? 200)
const RELOAD_EVERY = 50
/** The keys the batches overlap on: indicators (with their units) and months of 2024. */
const IDS: [string, string][] = [['D01', '个'], ['D02', '亿元'], ['D05', '亿元'], ['D09', '%'], ['D14', '起']]
const MONTHS = [10, 11, 12]
const KEYS = IDS.flatMap(([id]) => MONTHS.map((m) => `${id}|${m}`))

/** The batch log as IndexedDB keeps it: records cloned on the way in and out, checked when read. */
class SharedLog implements BatchStore {
  private readonly records = new Map<string, unknown>()
  async list() {
    return [...this.records.values()].map((r) => checkBatchRecord(structuredClone(r))).filter((r): r is BatchRecord => r !== null)
  }
  async put(record: BatchRecord) {
    this.records.set(record.id, structuredClone(record))
  }
  async clear() {
    this.records.clear()
  }
}

interface Tab {
  name: string
  engine: QueryEngine
  session: UploadSession
  /** the log its tables hold */
  log: string
}

/** What the model says a batch did: its values by key, and whether it is in force. */
interface ModelBatch {
  id: string
  values: Map<string, number>
  undone: boolean
}

const log = new SharedLog()
const tabs: Tab[] = []
let base = new Map<string, number>()

async function tableValues(engine: QueryEngine): Promise<Map<string, number>> {
  const rows = await engine.query<{ id: string; month: number; value: number }>(
    `SELECT id, month, value FROM actuals WHERE org = '806001' AND year = 2024 AND id IN (${IDS.map(([id]) => `'${id}'`).join(', ')})
       AND month IN (${MONTHS.join(', ')})`,
  )
  return new Map(rows.map((r) => [`${r.id}|${r.month}`, r.value]))
}

/** The data folder's values with every batch in force laid over them, in the order applied. */
function expected(batches: readonly ModelBatch[]): Map<string, number> {
  const out = new Map(base)
  for (const b of batches) if (!b.undone) for (const [k, v] of b.values) out.set(k, v)
  return out
}

const asSorted = (m: Map<string, number>) => [...m].sort((a, b) => a[0].localeCompare(b[0]))

async function openTab(name: string, engine: QueryEngine): Promise<Tab> {
  await loadDataset(engine, readDataFolder())
  const tab: Tab = { name, engine, log: '', session: null as unknown as UploadSession }
  tab.session = createUploadSession(engine, log, {
    scope: () => SEED_SCOPE,
    // a tab that did not see the other's change rebuilds from the log before it acts
    sync: async (current) => {
      if (logSignature(current) === tab.log) return
      await loadDataset(engine, readDataFolder())
      await replayBatches(engine, current)
      tab.log = logSignature(current)
    },
  })
  return tab
}

beforeAll(async () => {
  tabs.push(await openTab('A', await createNodeEngine()), await openTab('B', await createNativeEngine()))
  base = await tableValues(tabs[0]!.engine)
})
afterAll(async () => {
  for (const tab of tabs) await tab.engine.close()
})

it(`holds what the model says after each of ${CYCLES} applies and undos in two tabs, and after reloads (seed ${SEED})`, async () => {
  const rand = seeded(SEED)
  const model: ModelBatch[] = []
  const tally = { applied: 0, undone: 0, blocked: 0, nothing: 0, reloads: 0 }
  let tab = tabs[0] as Tab
  for (let step = 1; step <= CYCLES; step++) {
    if (rand() < 0.1) tab = tabs[tab === tabs[0] ? 1 : 0] as Tab
    const context = `step ${step} in tab ${tab.name}`
    if (model.length === 0 || rand() < 0.6) {
      const chosen = KEYS.filter(() => rand() < 0.2).slice(0, 4)
      if (chosen.length === 0) chosen.push(KEYS[Math.floor(rand() * KEYS.length)] as string)
      const values = new Map(chosen.map((k) => [k, Math.round(rand() * 100000) / 100]))
      const rows = [...values].map(([k, v]) => {
        const [id, month] = k.split('|') as [string, string]
        return `${id},2024-${month.padStart(2, '0')},${v},${IDS.find(([i]) => i === id)?.[1]}`
      })
      const checks: FileCheck[] = []
      await tab.session.checkFiles([{ fileName: `s${step}.csv`, read: async () => new TextEncoder().encode(`指标编码,月份,完成值,单位\n${rows.join('\n')}\n`) }], {
        checked: (_, check) => void checks.push(check),
      })
      expect(checks[0]?.valid, `${context}: the file is valid`).toBe(true)
      const record = await tab.session.apply(checks[0]!.id)
      tab.log = logSignature(await tab.session.history())
      model.push({ id: record.id, values, undone: false })
      tally.applied++
    } else {
      // the latest batch in force half the time (an undo that goes through), else any, undone ones too
      const inForce = model.filter((b) => !b.undone)
      const target = (rand() < 0.5 && inForce.length ? inForce.at(-1) : model[Math.floor(rand() * model.length)]) as ModelBatch
      const at = model.indexOf(target)
      const later = model.slice(at + 1).filter((b) => !b.undone && [...b.values.keys()].some((k) => target.values.has(k)))
      const outcome = await tab.session.undo(target.id)
      const wanted = target.undone ? 'nothing' : later.length ? 'blocked' : 'undone'
      expect(outcome.status, `${context}: undo of ${target.id}`).toBe(wanted)
      if (outcome.status === 'blocked') expect(outcome.later.map((b) => b.id)).toEqual(later.map((b) => b.id))
      if (outcome.status === 'undone') target.undone = true
      tab.log = logSignature(await tab.session.history())
      tally[outcome.status]++
    }
    expect(asSorted(await tableValues(tab.engine)), context).toEqual(asSorted(expected(model)))
    if (step % RELOAD_EVERY === 0 || step === CYCLES) {
      const other = tabs[tab === tabs[0] ? 1 : 0] as Tab
      await loadDataset(other.engine, readDataFolder())
      await replayBatches(other.engine, await log.list())
      other.log = logSignature(await log.list())
      expect(asSorted(await tableValues(other.engine)), `${context}: tab ${other.name} reloaded`).toEqual(asSorted(expected(model)))
      tally.reloads++
    }
  }
  // the walk reached every outcome
  expect(Object.values(tally).every((n) => n > 0), JSON.stringify(tally)).toBe(true)
}, 600_000)
