import { toIndicator } from '@/domain/indicator'
import type { IndicatorRow } from '@/domain/types'
import type { QueryEngine, SqlParam } from '@/engine/QueryEngine'
import { unitExpr } from '@/engine/sql/ingest'
import { ident } from '@/engine/sql/quote'
import type { StagedFile } from './stageFile'

/** The SELECT that turns a typed staging view into rows of its store table, in the table's column order. */
export function storeRowsSql(staged: StagedFile): { table: string; select: string } {
  const v = ident(staged.view)
  switch (staged.spec?.kind) {
    case 'indicators':
      return {
        table: 'indicators',
        select: `SELECT id, scope, "group", level1, level2, name, target, unit, direction, measure, weight, basis, _line FROM ${v}`,
      }
    case 'projects':
      return {
        table: 'projects',
        select: `SELECT code, name, department, unit_name, budget, adjusted_budget, fiscal, other, purpose, goal, _line FROM ${v}`,
      }
    case 'spending_plan':
      return { table: 'spending_plan', select: `SELECT code, month, share FROM ${v}` }
    case 'actuals':
      return {
        table: 'actuals',
        select: `SELECT id, period_year, period_month, value, ${unitExpr('unit')}, coalesce(basis, '累计'), status, note FROM ${v}`,
      }
    case 'spending':
      return { table: 'spending', select: `SELECT code, period_year, period_month, amount FROM ${v}` }
    case 'ledger':
      // 金额 is in 元; spending is kept in 万元.
      return {
        table: 'spending',
        select: `SELECT code, date_year, date_month, sum(amount) / 10000 FROM ${v} GROUP BY code, date_year, date_month`,
      }
    default:
      throw new Error('a file of unknown kind cannot be stored')
  }
}

/** Upserts a staged file into its store table (keyed as docs/formats.md says). */
export async function applyStaged(engine: QueryEngine, staged: StagedFile): Promise<void> {
  const { table, select } = storeRowsSql(staged)
  await engine.exec(`INSERT OR REPLACE INTO ${ident(table)} ${select}`)
  if (table === 'indicators') await refreshTargets(engine)
}

/** Parses every 指标值 (domain code, not SQL) and stores the result where the analysis SQL can join it. */
export async function refreshTargets(engine: QueryEngine): Promise<void> {
  const rows = await readIndicatorRows(engine)
  await engine.exec('DELETE FROM indicator_targets')
  const params: SqlParam[] = []
  for (const row of rows) {
    const ind = toIndicator(row)
    params.push(ind.id, ind.target.direction, ind.target.value, ind.target.unit, ind.target.qualitative, ind.measureResolved)
  }
  for (let i = 0; i < params.length; i += 6 * 200) {
    const chunk = params.slice(i, i + 6 * 200)
    const values = Array.from({ length: chunk.length / 6 }, () => '(?, ?, ?, ?, ?, ?)').join(', ')
    await engine.query(`INSERT INTO indicator_targets VALUES ${values}`, chunk)
  }
}

export async function readIndicatorRows(engine: QueryEngine): Promise<IndicatorRow[]> {
  const rows = await engine.query<{
    id: string; scope: string; group: string | null; level1: string | null; level2: string | null; name: string
    target: string; unit: string | null; direction: string | null; measure: string | null; weight: number | null
    basis: string | null
  }>('SELECT * EXCLUDE (ord) FROM indicators ORDER BY ord, id')
  return rows.map((r) => ({
    id: r.id, scope: r.scope, group: r.group, level1: r.level1, level2: r.level2, name: r.name,
    targetText: r.target, unit: r.unit, direction: r.direction, measure: r.measure, weight: r.weight, basis: r.basis,
  }))
}
