// A CSV as clerks' files really are — CRLF rows with an LF last line appended by hand, blank lines, line breaks in
// quoted cells, tabs from Excel's "Unicode 文本", trailing `,,,` — rewritten into the one plain shape DuckDB's reader is
// then told exactly (no dialect sniffing, which is what failed on such files): UTF-8, `,` between cells, `"` quotes,
// LF after each row, every row as wide as the header, and a first column `__row` with the row's number as Excel
// numbers it (blank lines and quoted line breaks counted as Excel counts them). One pass over the bytes, no strings.
import { ROW_COLUMN } from './sheetGrid'

/** More columns than any form has: such a header is not a table a person made (Excel allows 16,384). */
export const MAX_COLUMNS = 1000
/** DuckDB's own line limit; a row this long holds a pasted document or a quote that never closes. */
export const MAX_ROW_BYTES = 2 << 20

/** Something in the file that stops it being read at all. */
export type CsvFileProblem =
  | { rule: 'unclosed-quote'; line: number; column: number }
  | { rule: 'long-row'; line: number }
  | { rule: 'too-many-columns'; count: number }

/** A cell the rewrite could not keep as the file has it; the row is still read, the file is refused. */
export interface CsvCellProblem {
  rule: 'extra-cells' | 'nul'
  line: number
  /** 1-based, as Excel letters count (A = 1) */
  column: number
  value: string
}

export interface CanonicalCsv {
  /** The rewritten file; empty when `fatal` is set or nothing but blank rows was found. */
  bytes: Uint8Array
  /**
   * The header row's cells, trimmed, as the staging table's column names; a blank cell (or one named like a column
   * the staging adds) is `__blank_<n>`, never matched to a column. Without `__row`.
   */
  headers: string[]
  /** The header's row number (1 unless blank rows come first); 0 when there is no header. */
  headerLine: number
  /** Data rows written (blank and wholly empty rows are left out). */
  rows: number
  delimiter: ',' | '\t'
  fatal: CsvFileProblem | null
  cellProblems: CsvCellProblem[]
  /** How many cell problems there are in all (`cellProblems` is capped). */
  cellProblemCount: number
}

const QUOTE = 0x22
const COMMA = 0x2c
const TAB = 0x09
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const CELL_PROBLEM_CAP = 500
const RESERVED = new Set(['_line', ROW_COLUMN])

const hasBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf

/** Tabs between the cells of the first non-blank row and no comma: Excel's "Unicode 文本" or a .tsv. */
function detectDelimiter(input: Uint8Array, from: number): ',' | '\t' {
  let commas = 0
  let tabs = 0
  let quoted = false
  let seen = false
  for (let i = from; i < input.length; i++) {
    const b = input[i]
    if (quoted) {
      if (b === QUOTE) quoted = false
      continue
    }
    if (b === QUOTE) quoted = true
    else if (b === COMMA) commas++
    else if (b === TAB) tabs++
    else if (b === LF || b === CR) {
      if (seen) break
    } else if (b !== SPACE) seen = true
  }
  return tabs > 0 && commas === 0 ? '\t' : ','
}

const decoder = new TextDecoder()
const encoder = new TextEncoder()

/** `out` with room for `more` bytes after its first `used`. */
function withRoom(out: Uint8Array<ArrayBuffer>, used: number, more: number): Uint8Array<ArrayBuffer> {
  if (used + more <= out.length) return out
  let size = out.length * 2
  while (size < used + more) size *= 2
  const next = new Uint8Array(size)
  next.set(out.subarray(0, used))
  return next
}

/** Quotes the cell at `from…to` of `out` in place (room for it made by the caller), doubling its quotes; its new end. */
function quoteInPlace(out: Uint8Array, from: number, to: number): number {
  const value = out.slice(from, to)
  let o = from
  out[o++] = QUOTE
  for (const b of value) {
    if (b === QUOTE) out[o++] = QUOTE
    out[o++] = b
  }
  out[o++] = QUOTE
  return o
}

/** A cell's text as the file means it: a quoted cell unquoted. */
const unquote = (text: string) => text.replace(/^"(.*)"$/s, (_, inner: string) => inner.replaceAll('""', '"'))

/**
 * Rewrites UTF-8 (or GBK: only ASCII bytes are looked at, and GBK's second bytes are never ASCII punctuation) CSV
 * or tab-separated bytes into the canonical form described at the head of this file.
 *
 * Each cell is written straight into the output as it is read; the rare cell that must be quoted in the output (it
 * holds a comma, a quote or a line break) is rewritten in place when it ends. Written for speed (the output and
 * its write position are plain locals, no closure captures them): a 150 MB ledger takes about a second.
 */
export function canonicalCsv(input: Uint8Array): CanonicalCsv {
  const start = hasBom(input) ? 3 : 0
  const delimiter = detectDelimiter(input, start)
  const delim = delimiter === ',' ? COMMA : TAB
  const result: CanonicalCsv = {
    bytes: new Uint8Array(0), headers: [], headerLine: 0, rows: 0, delimiter, fatal: null, cellProblems: [], cellProblemCount: 0,
  }
  const n = input.length
  let out: Uint8Array<ArrayBuffer> = new Uint8Array(n + (n >> 2) + 1024)
  let o = 0
  // where each cell of the current row starts and ends in `out`
  let starts = new Int32Array(64)
  let ends = new Int32Array(64)
  let width = 0
  let hasRowColumn = false
  let headerSeen = false
  let line = 1
  let i = start

  const cellProblem = (rule: CsvCellProblem['rule'], at: number, column: number, value: string) => {
    result.cellProblemCount++
    if (result.cellProblems.length < CELL_PROBLEM_CAP) result.cellProblems.push({ rule, line: at, column, value })
  }

  while (i < n && !result.fatal) {
    const rowStart = i
    const rowOut = o
    // one input byte gives at most one output byte, but for the row number, padding and quoting (each makes room)
    const limit = Math.min(n, rowStart + MAX_ROW_BYTES + 1)
    out = withRoom(out, o, limit - i + 24)
    if (headerSeen && !hasRowColumn) {
      const digits = String(line)
      for (let j = 0; j < digits.length; j++) out[o++] = digits.charCodeAt(j)
      out[o++] = COMMA
    }
    let count = 0
    let blank = true
    let quoted = false
    let needsQuote = false
    let openedAt = 0
    let cellStart = o
    let rowEnded = false
    while (!rowEnded) {
      let b = i < limit ? (input[i] as number) : -1
      if (!quoted) {
        // the common case: plain bytes up to the next comma, quote, line end or control byte
        while (b > QUOTE && b !== COMMA) {
          out[o++] = b
          blank = false
          b = ++i < limit ? (input[i] as number) : -1
        }
      }
      if (b === -1) {
        if (i < n) {
          result.fatal = quoted ? { rule: 'unclosed-quote', line, column: openedAt } : { rule: 'long-row', line }
          break
        }
        if (quoted) {
          result.fatal = { rule: 'unclosed-quote', line, column: openedAt }
          break
        }
        rowEnded = true
      } else if (quoted) {
        i++
        if (b === QUOTE) {
          if (input[i] === QUOTE) {
            i++
            needsQuote = true
            out[o++] = QUOTE
          } else quoted = false
          continue
        }
        if (b === CR || b === LF) {
          // a line break inside a cell is kept as the file has it (CRLF, LF or a lone CR): exports read back as they were
          needsQuote = true
        } else if (b === 0) {
          cellProblem('nul', line, count + 1, '')
          continue
        } else if (b === COMMA) needsQuote = true
        if (b !== SPACE && b !== TAB && b !== LF && b !== CR) blank = false
        out[o++] = b
        continue
      } else if (b === delim || b === LF || b === CR) {
        i++
        if (b === CR && input[i] === LF) i++
        rowEnded = b !== delim
      } else {
        i++
        if (b === QUOTE && o === cellStart) {
          quoted = true
          openedAt = count + 1
          continue
        }
        if (b === 0) {
          cellProblem('nul', line, count + 1, '')
          continue
        }
        if (b === QUOTE || b === COMMA) {
          needsQuote = true
          blank = false
        } else if (b !== SPACE && b !== TAB) blank = false
        out[o++] = b
        continue
      }
      // the cell ends here
      if (count === ends.length) {
        const grownStarts = new Int32Array(count * 2)
        grownStarts.set(starts)
        starts = grownStarts
        const grownEnds = new Int32Array(count * 2)
        grownEnds.set(ends)
        ends = grownEnds
      }
      if (needsQuote) {
        let quotes = 0
        for (let j = cellStart; j < o; j++) if (out[j] === QUOTE) quotes++
        out = withRoom(out, o, quotes + 2 + (limit - i) + 24)
        o = quoteInPlace(out, cellStart, o)
        needsQuote = false
      }
      starts[count] = cellStart
      ends[count] = o
      count++
      if (!rowEnded) {
        out[o++] = COMMA
        cellStart = o
      }
    }
    if (result.fatal) break
    if (blank) o = rowOut
    else if (!headerSeen) {
      if (count > MAX_COLUMNS) {
        result.fatal = { rule: 'too-many-columns', count }
        break
      }
      const names: string[] = []
      for (let k = 0; k < count; k++) {
        const text = unquote(decoder.decode(out.subarray(starts[k], ends[k])).trim()).trim()
        if (k === 0 && text === ROW_COLUMN) hasRowColumn = true
        else names.push(text === '' || RESERVED.has(text.toLowerCase()) ? `__blank_${k + 1}` : text)
      }
      headerSeen = true
      result.headers = names
      result.headerLine = line
      width = count
      const header = [ROW_COLUMN, ...names].map((name) => (/[",\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name))
      const bytes = encoder.encode(header.join(',') + '\n')
      o = rowOut
      out = withRoom(out, o, bytes.length)
      out.set(bytes, o)
      o += bytes.length
    } else {
      if (count > width) {
        for (let k = width; k < count; k++) {
          const text = unquote(decoder.decode(out.subarray(starts[k], ends[k])).trim())
          if (text.trim() !== '') {
            cellProblem('extra-cells', line, k + 1, text.trim())
            break
          }
        }
        o = ends[width - 1] as number
      } else {
        out = withRoom(out, o, width - count + 1)
        for (let k = count; k < width; k++) out[o++] = COMMA
      }
      out[o++] = LF
      result.rows++
    }
    line++
  }
  if (!result.fatal && headerSeen) result.bytes = out.subarray(0, o)
  return result
}

/** The header cells of a file's first non-blank row, from its first bytes (kind detection before decoding all). */
export function headerOf(head: Uint8Array): string[] {
  const cut = head.lastIndexOf(LF)
  return canonicalCsv(cut > 0 ? head.subarray(0, cut + 1) : head).headers
}
