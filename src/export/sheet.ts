// A form as a grid of cells with merged ranges: the one shape both the CSV and the .xlsx writers read.

export type NumberFormat = 'amount' | 'score' | 'percent' | 'integer'

/** A number stays a number in .xlsx (so totals can be checked there) and is written to two decimals in CSV. */
export interface NumberCell {
  n: number
  f: NumberFormat
}
export type Cell = string | NumberCell | null

/** Zero-based, inclusive: [firstRow, firstCol, lastRow, lastCol]. */
export type Merge = [number, number, number, number]

export interface Sheet {
  /** the worksheet's name (≤ 31 characters, no []:*?/\) */
  name: string
  rows: Cell[][]
  merges: Merge[]
  /** column widths in characters */
  widths: number[]
  /** rows drawn as headings (bold, shaded) */
  headingRows: number[]
  /** the title row (large, centred, no border) */
  titleRows: number[]
}

export const amount = (n: number | null): Cell => (n === null || !Number.isFinite(n) ? null : { n, f: 'amount' })
export const score = (n: number | null): Cell => (n === null || !Number.isFinite(n) ? null : { n, f: 'score' })
export const percent = (share: number | null): Cell => (share === null || !Number.isFinite(share) ? null : { n: share, f: 'percent' })

export function cellText(c: Cell): string {
  if (c === null) return ''
  if (typeof c === 'string') return c
  switch (c.f) {
    case 'percent':
      return `${(c.n * 100).toFixed(2)}%`
    case 'integer':
      return String(Math.round(c.n))
    default:
      return c.n.toFixed(2)
  }
}

/** Worksheet names Excel accepts. */
export function sheetName(s: string): string {
  return s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet'
}

/** A builder that keeps rows and merges together, so a layout reads top to bottom. */
export class SheetBuilder {
  readonly rows: Cell[][] = []
  readonly merges: Merge[] = []
  readonly headingRows: number[] = []
  readonly titleRows: number[] = []
  constructor(readonly columns: number) {}

  /** Adds a row; `spans` merges cells of this row: [firstCol, lastCol]. Returns the row index. */
  row(cells: Cell[], spans: [number, number][] = [], kind: 'body' | 'heading' | 'title' = 'body'): number {
    const r = this.rows.length
    const full: Cell[] = Array.from({ length: this.columns }, (_, i) => cells[i] ?? null)
    this.rows.push(full)
    for (const [a, b] of spans) if (b > a) this.merges.push([r, a, r, b])
    if (kind === 'heading') this.headingRows.push(r)
    if (kind === 'title') this.titleRows.push(r)
    return r
  }
  /** Merges one column over rows `first`..`last`. */
  down(col: number, first: number, last: number) {
    if (last > first) this.merges.push([first, col, last, col])
  }
  build(name: string, widths: number[]): Sheet {
    return { name: sheetName(name), rows: this.rows, merges: this.merges, widths, headingRows: this.headingRows, titleRows: this.titleRows }
  }
}
