import { readTarget } from '@/domain/indicator'
import type { Indicator } from '@/domain/types'
import type { QueryEngine } from '@/engine/QueryEngine'
import { unitExpr } from '@/engine/sql/ingest'
import { upsertFromSql, type StoreTable } from '@/engine/sql/batch'
import { ident, literal } from '@/engine/sql/quote'
import type { StagedFile } from './stageFile'

// Where a row sat among its unit's and year's rows of the file, counted as lines (the first is 2): the order the
// 绩效目标表 lists targets in, the same whether a year came in a file of its own or in one file of many years.
const ordSql = '(row_number() OVER (PARTITION BY _org, _year ORDER BY _line) + 1)::INTEGER'

/** The SELECT that turns a typed staging view into rows of its store table, in the table's column order. */
export function storeRowsSql(staged: StagedFile): { table: string; select: string } {
  const v = ident(staged.view)
  switch (staged.spec?.kind) {
    case 'indicators':
      return {
        table: 'indicators',
        select: `SELECT _org, _year, id, scope, "group", level1, level2, name, target, unit, direction, measure, weight, basis,
          last_year, history, ${ordSql} FROM ${v}`,
      }
    case 'projects':
      return {
        table: 'projects',
        select: `SELECT _org, _year, code, name, department, unit_name, budget, adjusted_budget, fiscal, other, purpose, goal,
          ${ordSql} FROM ${v}`,
      }
    case 'spending_plan':
      return { table: 'spending_plan', select: `SELECT _org, _year, code, month, share FROM ${v}` }
    case 'actuals':
      return {
        table: 'actuals',
        select: `SELECT _org, _year, id, period_month, value, ${unitExpr('unit')}, coalesce(basis, '累计'), status, note FROM ${v}`,
      }
    case 'spending':
      return { table: 'spending', select: `SELECT _org, _year, code, period_month, amount FROM ${v}` }
    case 'links':
      return { table: 'indicator_links', select: `SELECT _org, _year, id, last_year_id FROM ${v}` }
    default:
      throw new Error('a file of unknown kind cannot be stored')
  }
}

/** A budget unit and a year: what a target file replaces, and what the pages show at a time. */
export interface Scope {
  org: string
  year: number
}

/** The (unit, year) pairs a table or a staged file holds rows of. */
export async function scopesOf(engine: QueryEngine, table: string, orgColumn = 'org', yearColumn = 'year'): Promise<Scope[]> {
  const rows = await engine.query<{ org: string; year: number }>(
    `SELECT DISTINCT ${ident(orgColumn)} AS org, ${ident(yearColumn)} AS year FROM ${ident(table)} WHERE ${ident(yearColumn)} IS NOT NULL ORDER BY 1, 2`,
  )
  return rows.map((r) => ({ org: r.org, year: r.year }))
}

/** The units and years a staged file (its typed view) holds rows of. */
export interface ScopesOfView {
  view: string
}

/** The units and years to read or replace: a list, those of a staged file, one whole year, or (undefined) all. */
export type ScopeFilter = readonly Scope[] | ScopesOfView | { year: number } | undefined

const isScopeList = (f: ScopeFilter): f is readonly Scope[] => Array.isArray(f)

/** A WHERE condition on `org` and `year` for a scope filter. */
export function scopesWhereSql(f: ScopeFilter): string {
  if (f === undefined) return 'true'
  if (isScopeList(f)) return inScopesSql(f)
  if ('view' in f) return `(org, year) IN (SELECT DISTINCT _org, _year FROM ${ident(f.view)} WHERE _year IS NOT NULL)`
  return `year = ${Math.trunc(f.year)}`
}

/** `(org, year) IN (…)` for a list of scopes, as SQL. */
export function inScopesSql(scopes: readonly Scope[], org = 'org', year = 'year'): string {
  if (scopes.length === 0) return 'false'
  // one unit's scopes as plain comparisons: constants DuckDB skips other units' and years' row groups with (a row
  // IN list is filtered only after every row is read: one unit's two years read in twice the time)
  const [only] = scopes
  if (only && scopes.every((s) => s.org === only.org)) {
    const years = [...new Set(scopes.map((s) => Math.trunc(s.year)))]
    return `(${ident(org)} = ${literal(only.org)} AND ${ident(year)} ${years.length === 1 ? `= ${years[0]}` : `IN (${years.join(', ')})`})`
  }
  return `(${ident(org)}, ${ident(year)}) IN (${scopes.map((s) => `(${literal(s.org)}, ${Math.trunc(s.year)})`).join(', ')})`
}

/**
 * Stores a staged file of the deployed data folder: target files (指标, 项目, 支出计划, links) replace their table for
 * the units and years the file holds; measurements are upserted by their key.
 */
export async function applyStaged(engine: QueryEngine, staged: StagedFile): Promise<void> {
  const { table, select } = storeRowsSql(staged)
  // the units and years of the file, as a subquery: 10,000 units listed as literals took seconds to plan
  const fileScopes: ScopesOfView = { view: staged.view }
  if (staged.spec && REPLACED_TABLES.has(table)) {
    await engine.exec(`DELETE FROM ${ident(table)} WHERE ${scopesWhereSql(fileScopes)}`)
  }
  // nothing stored in the file's units and years (a replaced table, the first load): nothing to store over
  const [overlap] = await engine.query<{ stored: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${ident(table)} WHERE ${scopesWhereSql(fileScopes)}) AS stored`,
  )
  if (overlap?.stored) await upsertStaged(engine, staged.view, table, select)
  else await engine.exec(`INSERT INTO ${ident(table)} ${select}`)
  await registerOrgs(engine, table)
  if (table === 'indicators') await refreshTargets(engine, fileScopes)
}

/** The staged rows in the table's own columns, then stored over any with the same keys. */
async function upsertStaged(engine: QueryEngine, view: string, table: string, select: string): Promise<void> {
  const staging = `${view}_store`
  await engine.exec(`CREATE OR REPLACE TEMP TABLE ${ident(staging)} AS SELECT * FROM ${ident(table)} LIMIT 0;
    INSERT INTO ${ident(staging)} ${select}`)
  try {
    const columns = (await engine.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${ident(table)})`)).map((r) => r.column_name)
    for (const sql of upsertFromSql(table as StoreTable, ident(staging), columns)) await engine.exec(sql)
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(staging)}`)
  }
}

/** The tables a file replaces (for its units and years) instead of upserting into. */
export const REPLACED_TABLES: ReadonlySet<string> = new Set(['indicators', 'projects', 'spending_plan', 'indicator_links'])

/** Units a file named that the registry does not know yet, by the key they are stored under. */
export async function registerOrgs(engine: QueryEngine, table: string): Promise<void> {
  await engine.exec(`INSERT INTO orgs (org, name, ord)
    SELECT t.org, t.org, (SELECT coalesce(max(ord), 0) FROM orgs) + row_number() OVER (ORDER BY t.org)
    FROM (SELECT DISTINCT org FROM ${ident(table)}) t ANTI JOIN orgs o ON o.org = t.org`)
}

/** A cell of a CSV line: quoted when it holds a quote, a comma or a line break. */
export const csvField = (value: string | number | boolean | null) => {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

let targetsFile = 0

/**
 * Parses the 指标值 of the given units and years (all when none are given) with the domain's parser, and stores the
 * result where the analysis SQL can join it. A province's 400,000 indicators repeat a few thousand targets: each
 * distinct (指标值, 单位, 指标性质, name, 口径) is read out and parsed once, and joined back to its indicators in SQL.
 */
export async function refreshTargets(engine: QueryEngine, scopes?: readonly Scope[] | ScopesOfView): Promise<void> {
  const where = scopes ? `WHERE ${scopesWhereSql(scopes)}` : ''
  await engine.exec(`DELETE FROM indicator_targets ${where}`)
  const n = ++targetsFile
  const specs = `target_specs_${n}`
  const name = `f_targets_${n}.csv`
  await engine.exec(`CREATE OR REPLACE TEMP TABLE ${specs} AS SELECT row_number() OVER ()::INTEGER AS spec, *
    FROM (SELECT DISTINCT target, unit, direction, name, measure FROM indicators ${where})`)
  try {
    const rows = await engine.query<{
      spec: number; target: string; unit: string | null; direction: string | null; name: string; measure: string | null
    }>(`SELECT spec, target, unit, direction, name, measure FROM ${specs}`)
    if (rows.length === 0) return
    const lines = ['spec,direction,target_value,target_unit,qualitative,measure']
    for (const row of rows) {
      const { target, measureResolved } = readTarget({ ...row, targetText: row.target })
      lines.push([row.spec, target.direction, target.value, target.unit, target.qualitative, measureResolved].map(csvField).join(','))
    }
    await engine.registerText(name, lines.join('\n') + '\n')
    const same = (c: string) => `s.${c} IS NOT DISTINCT FROM i.${c}`
    await engine.exec(`INSERT INTO indicator_targets
      SELECT i.org, i.year, i.id, p.direction, p.target_value, p.target_unit, p.qualitative, p.measure
      FROM (SELECT * FROM indicators ${where}) i
      JOIN ${specs} s ON s.target = i.target AND s.name = i.name AND ${['unit', 'direction', 'measure'].map(same).join(' AND ')}
      JOIN read_csv(${literal(name)}, header = true, auto_detect = false, quote = '"', escape = '"', columns = {'spec': 'INTEGER',
        'direction': 'VARCHAR', 'target_value': 'DOUBLE', 'target_unit': 'VARCHAR', 'qualitative': 'BOOLEAN', 'measure': 'VARCHAR'}) p
        ON p.spec = s.spec
      ORDER BY i.org, i.year, i.ord, i.id`)
  } finally {
    await engine.dropFile(name)
    await engine.exec(`DROP TABLE IF EXISTS ${specs}`)
  }
}

/** An indicator as stored, with the unit and year it belongs to and its 指标值 read. */
export type StoredIndicator = Indicator & Scope

/** The columns of an indicator that a province repeats across its units: 分项, 一级/二级指标, name, 指标值, 单位 … */
const SHARED_COLUMNS = ['group', 'level1', 'level2', 'name', 'target', 'unit', 'direction', 'measure', 'basis'] as const

type SharedColumns = { [K in (typeof SHARED_COLUMNS)[number]]: K extends 'name' | 'target' ? string : string | null }

/**
 * The indicators of some units and years, of a staged file's, of one whole year (`{ year }`), or (nothing given) of
 * every year, as `toIndicator` reads them. The columns a province repeats come once per distinct combination
 * (`spec`, on the first row that has it), not on each of 400,000 rows (text is what costs most to hand over from
 * the engine), and each combination's 指标值 is read once.
 */
export async function readIndicators(engine: QueryEngine, scopes?: ScopeFilter): Promise<StoredIndicator[]> {
  const where = scopes === undefined ? '' : `WHERE ${scopesWhereSql(scopes)}`
  const shared = SHARED_COLUMNS.map((c) => ident(c))
  const { length, cells: c } = await engine.queryColumns<{
    org: string; year: number; id: string; scope: string; weight: number | null; last_year: number | null
    history: number | null; spec: number; first: boolean
  } & { [K in keyof SharedColumns]: SharedColumns[K] | null }>(`WITH i AS (
    SELECT *, row_number() OVER (ORDER BY org, year, ord, id) AS pos FROM indicators ${where}),
  s AS (SELECT ${shared.join(', ')}, min(pos) AS spec FROM i GROUP BY ALL)
  SELECT i.org, i.year, i.id, i.scope, i.weight, i.last_year, i.history, s.spec, i.pos = s.spec AS first,
    ${shared.map((c) => `CASE WHEN i.pos = s.spec THEN i.${c} END AS ${c}`).join(', ')}
  FROM i JOIN s ON ${shared.map((c) => `i.${c} IS NOT DISTINCT FROM s.${c}`).join(' AND ')}
  ORDER BY i.pos`)
  const specs = new Map<number, { columns: SharedColumns; read: Pick<Indicator, 'target' | 'measureResolved'> }>()
  const out: StoredIndicator[] = new Array(length)
  for (let r = 0; r < length; r++) {
    const specId = c.spec[r] as number
    if (c.first[r]) {
      const columns = Object.fromEntries(SHARED_COLUMNS.map((name) => [name, c[name][r]])) as SharedColumns
      specs.set(specId, { columns, read: readTarget({ ...columns, targetText: columns.target }) })
    }
    const spec = specs.get(specId)
    if (!spec) throw new Error('an indicator came before the first row of its spec')
    const s = spec.columns
    // the keys in toIndicator's order: the row's, then what its 指标值 reads as
    out[r] = {
      org: c.org[r] as string, year: c.year[r] as number, id: c.id[r] as string, scope: c.scope[r] as string, group: s.group,
      level1: s.level1, level2: s.level2, name: s.name, targetText: s.target, unit: s.unit, direction: s.direction,
      measure: s.measure, weight: c.weight[r] as number | null, basis: s.basis, lastYear: c.last_year[r] as number | null,
      history: c.history[r] as number | null, target: spec.read.target, measureResolved: spec.read.measureResolved,
    }
  }
  return out
}
