import { toCell, type Cell, type Columns, type Row } from './QueryEngine'

interface ArrowField {
  name: string
  type: { typeId: number; scale?: number; toString(): string }
}
interface ArrowTableLike {
  schema: { fields: ArrowField[] }
  numRows: number
  getChildAt(i: number): Iterable<unknown> | null
}

// apache-arrow's Type enum: Decimal = 7. Decimals arrive as raw 128-bit words; a SQL builder casts them to DOUBLE.
const ARROW_DECIMAL = 7

function refuseDecimal(field: ArrowField): void {
  if (field.type.typeId === ARROW_DECIMAL) {
    throw new Error(`column "${field.name}" is DECIMAL: cast it to DOUBLE in SQL before it leaves the engine`)
  }
}

/** Arrow result → plain rows, column by column (faster than row proxies). */
export function arrowToRows<T extends Row = Row>(table: ArrowTableLike): T[] {
  const fields = table.schema.fields
  const rows: Row[] = Array.from({ length: table.numRows }, () => ({}))
  fields.forEach((field, c) => {
    refuseDecimal(field)
    const column = table.getChildAt(c)
    if (!column) {
      for (const row of rows) row[field.name] = null
      return
    }
    // the column's iterator walks its record batches in order; get(row) looked up the batch of every single value
    let r = 0
    for (const value of column) (rows[r++] as Row)[field.name] = toCell(value)
  })
  return rows as T[]
}

/** Arrow result → the same cells as arrowToRows, as columns. */
export function arrowToColumns<T extends Row = Row>(table: ArrowTableLike): Columns<T> {
  const cells: Record<string, Cell[]> = {}
  table.schema.fields.forEach((field, c) => {
    refuseDecimal(field)
    const column = table.getChildAt(c)
    const out: Cell[] = new Array(table.numRows).fill(null)
    if (column) {
      let r = 0
      for (const value of column) out[r++] = toCell(value)
    }
    cells[field.name] = out
  })
  return { length: table.numRows, cells: cells as Columns<T>['cells'] }
}
