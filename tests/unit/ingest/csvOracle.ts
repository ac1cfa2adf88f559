// A second, deliberately plain reading of a CSV for the fuzz test: strings instead of bytes, JS's Number instead of
// SQL, no code shared with src/ingest but the header names. Where the app accepts a file, this reading must give
// the same rows; where they differ, one of the two is wrong.
import { detectKind, FILE_KINDS, matchColumns, type FileKind } from '@/ingest/fileKinds'

/** mulberry32: a small seeded generator, the same cases on every run for the same seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

let gbkTable: Map<string, number[]> | null = null

/** Text as GBK bytes (what Excel saves on a Chinese Windows machine), built by inverting the platform's decoder. */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gb18030')
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const ch = decoder.decode(new Uint8Array([lead, trail]))
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail])
      }
    }
  }
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0) as number
    if (code < 0x80) out.push(code)
    else out.push(...(gbkTable.get(ch) ?? [0x3f]))
  }
  return new Uint8Array(out)
}

/** Decoded as the app promises in docs/formats.md: BOMs first, UTF-16 by its NUL bytes, UTF-8 when valid, else GBK. */
export function decodeAsDocumented(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  const head = bytes.subarray(0, 8192)
  let odd = 0
  let even = 0
  head.forEach((b, i) => {
    if (b === 0 && i % 2) odd++
    else if (b === 0) even++
  })
  if (odd + even >= head.length / 20 && odd >= (odd + even) * 0.95) return new TextDecoder('utf-16le').decode(bytes)
  if (odd + even >= head.length / 20 && even >= (odd + even) * 0.95) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** Rows of cells, as Excel opens a CSV: quotes at a cell's start, CR, LF or CRLF between rows, tabs when no commas. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? ''
  const delimiter = firstLine.replace(/"[^"]*"/g, '').includes(',') || !firstLine.includes('\t') ? ',' : '\t'
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let cellStarted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else if (ch === '\r') {
        cell += '\n'
        if (text[i + 1] === '\n') i++
      } else cell += ch
    } else if (ch === '"' && !cellStarted) {
      quoted = true
      cellStarted = true
    } else if (ch === delimiter) {
      row.push(cell)
      cell = ''
      cellStarted = false
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      cellStarted = false
    } else {
      cell += ch
      cellStarted = true
    }
  }
  if (cell !== '' || row.length) rows.push([...row, cell])
  return rows
}

const NUMBER = /^[+-]?(\d+([.]\d*)?|[.]\d+)([eE][+-]?\d+)?$/

/** A number as a clerk writes it (`1,200.50`, `12.5%`), or undefined when the text is none. */
export function readNumber(text: string): number | null | undefined {
  const t = text.replace(/\s/g, '').replace(/[%％]$/, '').replace(/,/g, '')
  if (t === '') return null
  if (!NUMBER.test(t)) return undefined
  const n = Number(t)
  return Number.isFinite(n) ? n : undefined
}

/** (year, month) of `2024-07`, `2024/7`, `2024年7月` or a date in the month; undefined when there is none. */
export function readMonth(text: string): [number, number] | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})/.exec(text.trim())
  if (!m) return undefined
  const month = Number(m[2])
  return month >= 1 && month <= 12 ? [Number(m[1]), month] : undefined
}

const unitOf = (text: string) => text.replace(/[\s（）()【】[\]]/g, '').replace(/％/g, '%') || null
const textOf = (text: string | undefined) => (text ?? '').trim() || null

/** A stored row as the canon table of an accepted upload holds it. */
export type StoredRow = Record<string, string | number | null>

/**
 * The rows an actuals or monthly spending file says it holds, in the store's columns; `org` is the unit the upload
 * goes to. Undefined when a cell this reading needs does not read (the app must then refuse the file).
 */
export function rowsTheFileSays(bytes: Uint8Array, org: string): { kind: FileKind; rows: StoredRow[] } | undefined {
  const records = parseCsv(decodeAsDocumented(bytes)).filter((r) => r.some((c) => c.trim() !== ''))
  const [header, ...data] = records
  if (!header) return undefined
  const headers = header.map((h) => h.trim())
  const spec = detectKind(headers)
  if (!spec || (spec.kind !== 'actuals' && spec.kind !== 'spending')) return undefined
  const at = matchColumns(FILE_KINDS[spec.kind], headers)
  const cell = (r: string[], key: string) => {
    const h = at.get(key)
    return h === undefined ? undefined : r[headers.indexOf(h)]
  }
  const rows: StoredRow[] = []
  for (const r of data) {
    const period = readMonth(cell(r, 'period') ?? '')
    if (!period) return undefined
    const [year, month] = period
    if (spec.kind === 'actuals') {
      const value = readNumber(cell(r, 'value') ?? '')
      if (value === undefined) return undefined
      rows.push({
        org, year, id: textOf(cell(r, 'id')), month, value, unit: unitOf(cell(r, 'unit') ?? ''),
        basis: textOf(cell(r, 'basis')) ?? '累计', status: textOf(cell(r, 'status')), note: textOf(cell(r, 'note')),
      })
    } else {
      const amount = readNumber(cell(r, 'amount') ?? '')
      if (amount === undefined) return undefined
      rows.push({ org, year, code: textOf(cell(r, 'code')), month, amount })
    }
  }
  return { kind: spec.kind, rows }
}
