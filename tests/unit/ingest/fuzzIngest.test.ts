// Seeded fuzzing of the upload path: valid actuals and spending files mutated (bytes, cells, rows, line endings,
// encodings) and checked the way a clerk's file is. Every case is either accepted with the rows the file says (read
// a second way, tests/unit/ingest/csvOracle.ts) or refused with sentences; never a throw, never a table left behind,
// never a change to what is stored. FUZZ_SEED and FUZZ_CASES run other or more cases locally.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createNodeEngine } from '@/engine/duckdbNode'
import type { QueryEngine } from '@/engine/QueryEngine'
import { applyUpload, undoBatch } from '@/ingest/batches'
import { loadDataset } from '@/ingest/loadDataset'
import { describeFileProblem, describeProblem } from '@/ingest/messages'
import { decodeFile, discardUpload, prepareUpload, uploadIsValid } from '@/ingest/upload'
import { noContext } from '@/ingest/validate'
import { readDataFolder, SEED_SCOPE } from '../../support'
import { encodeGbk, rowsTheFileSays, seeded, type StoredRow } from './csvOracle'

const SEED = Number(process.env.FUZZ_SEED ?? 20241130)
const CASES = Number(process.env.FUZZ_CASES ?? 200)
/** Every so many accepted cases, the file is applied and undone too. */
const APPLY_EVERY = 8

const BASES: { name: string; rows: string[][] }[] = [
  {
    name: '完成值.csv',
    rows: [
      ['指标编码', '月份', '完成值', '单位', '数据口径', '完成情况', '说明'],
      ['D01', '2024-11', '16', '个', '累计', '', '签约项目16个,其中外资项目2个'],
      ['D06', '2024-11', '1,200.50', '万元', '当月', '', '11月为税收淡季'],
      ['D09', '2024-11', '12.5%', '%', '', '', '新投产项目拉动'],
      ['D10', '2024-11', '', '', '', '达成', ''],
      ['D14', '2024-11', '0', '起', '累计', '', ''],
      ['P1-01', '2024-11', '45', '次', '累计', '', '上半年培训少，\n下半年集中"开班"'],
    ],
  },
  {
    name: '支出.csv',
    rows: [
      ['项目编码', '月份', '支出金额'],
      ['13020924P009874100020', '2024-11', '12.5'],
      ['13020924P00986710002R', '2024年11月', '1,000.25'],
      ['13020924P00984510001C', '2024/11/30', '0'],
    ],
  },
]

const HOSTILE = [
  'NaN', 'Infinity', '-Infinity', '1e400', 'inf', '', '   ', '１２', '1.2亿', '2024-13', '0000-01', '2024-02-30', '2024-3 garbage',
  'constructor', '__proto__', '=1+1', '="12"', 'D99', '-5', '1,2', '12,345.678', '0x10', '1_000', '2024年12月', '2024/12/31',
  '12.50%', '\u0000', '"', 'a,b', 'x'.repeat(3000), '2024-12', '7',
]

type Encoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le' | 'utf-16be'
type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed'

interface Doc {
  rows: string[][]
  lineEndings: LineEndings
  encoding: Encoding
}

type Rand = () => number
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T
const at = (rand: Rand, n: number) => Math.floor(rand() * n)

/** A mutation of the table, of its line endings or encoding (`keepsMeaning`: the file says the same after it). */
interface Mutation {
  name: string
  keepsMeaning?: boolean
  table?: (doc: Doc, rand: Rand) => void
  bytes?: (bytes: Uint8Array, rand: Rand) => Uint8Array
}

const dataRow = (doc: Doc, rand: Rand) => 1 + at(rand, Math.max(1, doc.rows.length - 1))

const MUTATIONS: Mutation[] = [
  { name: 'line endings LF', keepsMeaning: true, table: (d) => void (d.lineEndings = 'lf') },
  { name: 'line endings CRLF', keepsMeaning: true, table: (d) => void (d.lineEndings = 'crlf') },
  { name: 'line endings CR', keepsMeaning: true, table: (d) => void (d.lineEndings = 'cr') },
  { name: 'line endings mixed', keepsMeaning: true, table: (d) => void (d.lineEndings = 'mixed') },
  { name: 'UTF-8 with BOM', keepsMeaning: true, table: (d) => void (d.encoding = 'utf-8-bom') },
  { name: 'GBK', keepsMeaning: true, table: (d) => void (d.encoding = 'gbk') },
  { name: 'UTF-16 LE', keepsMeaning: true, table: (d) => void (d.encoding = 'utf-16le') },
  { name: 'UTF-16 BE', keepsMeaning: true, table: (d) => void (d.encoding = 'utf-16be') },
  {
    name: 'a blank row',
    keepsMeaning: true,
    table: (d, r) => void d.rows.splice(1 + at(r, d.rows.length), 0, []),
  },
  {
    name: 'a cell replaced',
    table: (d, r) => {
      const row = d.rows[dataRow(d, r)] as string[]
      row[at(r, row.length)] = pick(r, HOSTILE)
    },
  },
  {
    name: 'a header cell replaced',
    table: (d, r) => {
      const header = d.rows[0] as string[]
      header[at(r, header.length)] = pick(r, [...HOSTILE, ...header, 'value', 'ID', '说明'])
    },
  },
  {
    name: 'two cells swapped',
    table: (d, r) => {
      const row = d.rows[dataRow(d, r)] as string[]
      const i = at(r, row.length)
      const j = at(r, row.length)
      ;[row[i], row[j]] = [row[j] as string, row[i] as string]
    },
  },
  { name: 'a cell deleted', table: (d, r) => void (d.rows[dataRow(d, r)] as string[]).splice(at(r, 3), 1) },
  { name: 'a cell added', table: (d, r) => void (d.rows[dataRow(d, r)] as string[]).push(pick(r, ['', 'x', '1'])) },
  { name: 'a row deleted', table: (d, r) => void d.rows.splice(at(r, d.rows.length), 1) },
  { name: 'a row duplicated', table: (d, r) => void d.rows.splice(dataRow(d, r), 0, [...(d.rows[dataRow(d, r)] ?? [])]) },
  {
    name: 'two rows swapped',
    table: (d, r) => {
      const i = at(r, d.rows.length)
      const j = at(r, d.rows.length)
      ;[d.rows[i], d.rows[j]] = [d.rows[j] as string[], d.rows[i] as string[]]
    },
  },
  { name: 'a byte deleted', bytes: (b, r) => remove(b, at(r, b.length)) },
  { name: 'a byte duplicated', bytes: (b, r) => insert(b, at(r, b.length), b[at(r, b.length)] ?? 0) },
  {
    name: 'two bytes swapped',
    bytes: (b, r) => {
      const out = b.slice()
      const i = at(r, Math.max(1, b.length - 1))
      ;[out[i], out[i + 1]] = [out[i + 1] as number, out[i] as number]
      return out
    },
  },
  { name: 'a quote inserted', bytes: (b, r) => insert(b, at(r, b.length), 0x22) },
  { name: 'a NUL inserted', bytes: (b, r) => insert(b, at(r, b.length), 0) },
  { name: 'cut short', bytes: (b, r) => b.slice(0, at(r, b.length)) },
]

const remove = (b: Uint8Array, i: number) => new Uint8Array([...b.subarray(0, i), ...b.subarray(i + 1)])
const insert = (b: Uint8Array, i: number, byte: number) => new Uint8Array([...b.subarray(0, i), byte, ...b.subarray(i)])

/** The table as Excel would save it: cells quoted where they must be, in the document's line endings and encoding. */
function render(doc: Doc, rand: Rand): Uint8Array {
  const delimiter = doc.encoding.startsWith('utf-16') ? '\t' : ','
  const quote = (cell: string) => (/[",\t\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell)
  const ending = () => (doc.lineEndings === 'mixed' ? pick(rand, ['\n', '\r\n']) : { lf: '\n', crlf: '\r\n', cr: '\r' }[doc.lineEndings])
  const text = doc.rows.map((row) => row.map(quote).join(delimiter) + ending()).join('')
  switch (doc.encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text)
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`)
    case 'gbk':
      return encodeGbk(text)
    case 'utf-16le':
    case 'utf-16be': {
      const out = new Uint8Array(2 + text.length * 2)
      const le = doc.encoding === 'utf-16le'
      out.set(le ? [0xff, 0xfe] : [0xfe, 0xff])
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i)
        out[2 + 2 * i + (le ? 0 : 1)] = code & 0xff
        out[2 + 2 * i + (le ? 1 : 0)] = code >> 8
      }
      return out
    }
  }
}

interface Case {
  n: number
  base: (typeof BASES)[number]
  mutations: string[]
  keepsMeaning: boolean
  bytes: Uint8Array
}

function makeCase(n: number, rand: Rand): Case {
  const base = pick(rand, BASES)
  const doc: Doc = { rows: base.rows.map((r) => [...r]), lineEndings: 'lf', encoding: 'utf-8' }
  const chosen = Array.from({ length: 1 + at(rand, 3) }, () => pick(rand, MUTATIONS))
  for (const m of chosen) m.table?.(doc, rand)
  let bytes = render(doc, rand)
  for (const m of chosen) if (m.bytes) bytes = m.bytes(bytes, rand)
  return { n, base, mutations: chosen.map((m) => m.name), keepsMeaning: chosen.every((m) => m.keepsMeaning), bytes }
}

let engine: QueryEngine

const ACTUALS = ['org', 'year', 'id', 'month', 'value', 'unit', 'basis', 'status', 'note']
const SPENDING = ['org', 'year', 'code', 'month', 'amount']
const sorted = (rows: StoredRow[]) => rows.map((r) => JSON.stringify(r)).sort()

/** What is stored, in one hash a change would alter. */
async function fingerprint(): Promise<string> {
  const [row] = await engine.query<{ f: string }>(`SELECT concat_ws('|',
    (SELECT bit_xor(hash(x::VARCHAR))::VARCHAR FROM actuals x), (SELECT bit_xor(hash(x::VARCHAR))::VARCHAR FROM spending x),
    (SELECT bit_xor(hash(x::VARCHAR))::VARCHAR FROM orgs x), (SELECT count(*)::VARCHAR FROM actuals),
    (SELECT count(*)::VARCHAR FROM spending)) AS f`)
  return row?.f ?? ''
}
const leftovers = async () =>
  (await engine.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables
    WHERE regexp_matches(table_name, '^(stage|typed|canon|ledger)_')`)).map((r) => r.name)

beforeAll(async () => {
  engine = await createNodeEngine()
  await loadDataset(engine, readDataFolder())
})
afterAll(() => engine.close())

it(`accepts each of ${CASES} mutated files with the rows it says, or refuses it with sentences (seed ${SEED})`, async () => {
  const rand = seeded(SEED)
  const failures: string[] = []
  const tally = { accepted: 0, refused: 0, applied: 0 }
  const stored = await fingerprint()
  for (let n = 1; n <= CASES; n++) {
    const c = makeCase(n, rand)
    const fail = (why: string) =>
      failures.push(`case ${n} (${c.base.name}: ${c.mutations.join(', ')}): ${why}; bytes ${Buffer.from(c.bytes).toString('base64')}`)
    try {
      const upload = await prepareUpload(engine, await decodeFile(c.base.name, c.bytes), noContext(SEED_SCOPE))
      const said = [...upload.fileProblems.map((p) => describeFileProblem(p)), ...upload.problems.map((p) => describeProblem(upload, p))]
      if (uploadIsValid(upload)) {
        tally.accepted++
        const columns = upload.table === 'actuals' ? ACTUALS : SPENDING
        const read = await engine.query<StoredRow>(`SELECT ${columns.join(', ')} FROM ${upload.canon}`)
        const says = rowsTheFileSays(c.bytes, SEED_SCOPE.org)
        if (!says) fail('accepted, but the file does not read a second way')
        else if (JSON.stringify(sorted(read)) !== JSON.stringify(sorted(says.rows))) {
          fail(`accepted as ${JSON.stringify(read)}, but the file says ${JSON.stringify(says.rows)}`)
        }
        if (tally.accepted % APPLY_EVERY === 0) {
          const batch = await applyUpload(engine, upload, `fuzz-${n}`)
          tally.applied++
          await undoBatch(engine, batch)
        }
      } else {
        tally.refused++
        if (c.keepsMeaning) fail(`refused a file that says what the valid one says: ${said.join(' ')}`)
        if (said.length === 0) fail('refused without a sentence')
        for (const s of said) if (/Error|Invalid|sniff|undefined|\[object/.test(s) || s.trim() === '') fail(`said "${s}"`)
      }
      await discardUpload(engine, upload)
    } catch (error) {
      fail(`threw ${(error as Error).stack ?? error}`)
    }
    if ((await leftovers()).length) fail(`left ${(await leftovers()).join(', ')}`)
    if ((await fingerprint()) !== stored) {
      fail('changed what is stored')
      await loadDataset(engine, readDataFolder())
    }
  }
  expect(failures).toEqual([])
  // the cases reach both outcomes, and the apply-and-undo path
  expect(tally.accepted).toBeGreaterThan(CASES / 10)
  expect(tally.refused).toBeGreaterThan(CASES / 10)
  expect(tally.applied).toBeGreaterThan(0)
}, 600_000)
