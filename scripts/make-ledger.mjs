// Writes a synthetic payment ledger (DATA.md §4, raw form) for benchmarks and memory tests; never committed data.
//   node scripts/make-ledger.mjs [rows=1000000] [out=/tmp/ledger_<rows>.csv] [--gbk-safe]
// UTF-8 with BOM, CRLF, the three projects of data/projects.csv, dates of 2024 in both `2024-03-15` and `2024/3/8`
// forms, amounts in 元 with two decimals (some quoted with thousands separators). Deterministic (seeded).
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

const PROJECTS = ['13020924P009874100020', '13020924P00986710002R', '13020924P00984510001C']

/** A small linear congruential generator: the same file every time for the same row count. */
function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export async function makeLedger(rows, out) {
  const next = random(20240101)
  const stream = createWriteStream(out)
  stream.write('\uFEFF支付日期,项目编码,金额,凭证号\r\n')
  let chunk = ''
  for (let i = 1; i <= rows; i++) {
    const month = 1 + Math.floor(next() * 10)
    const day = 1 + Math.floor(next() * 28)
    const date = i % 2 ? `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : `2024/${month}/${day}`
    const code = PROJECTS[Math.floor(next() * PROJECTS.length)]
    const cents = Math.floor(next() * 200_000)
    const amount = i % 50 === 0 ? `"${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}"` : (cents / 100).toFixed(2)
    chunk += `${date},${code},${amount},付${String(i).padStart(7, '0')}\r\n`
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await once(stream, 'drain')
      chunk = ''
    }
  }
  stream.write(chunk)
  stream.end()
  await once(stream, 'finish')
  return out
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 1_000_000)
  const out = process.argv[3] ?? `/tmp/ledger_${rows}.csv`
  await makeLedger(rows, out)
  console.log(out)
}
