import type { SeriesPoint, SpendingPoint } from '@/domain/monitor'
import type { Indicator, PlanPoint, Project, QualitativeStatus } from '@/domain/types'
import type { ManualLink } from '@/domain/yearOnYear'
import type { QueryEngine, Row } from '@/engine/QueryEngine'
import { datasetsSql, indicatorSeriesSql, reportMonthsSql, scopeWhereSql, spendingSeriesSql } from '@/engine/sql/analysis'
import { readIndicators, type Scope, type ScopeFilter } from './apply'

/** The stored tables of one unit and year, read back as the domain's plain data: what the pages and the CLI work from. */
export interface StoreSnapshot {
  org: string
  year: number
  indicators: Indicator[]
  projects: Project[]
  plans: Map<string, PlanPoint[]>
  /** The latest month with data in this year; null when no month has data yet. */
  latestMonth: number | null
  indicatorSeries: Map<string, SeriesPoint[]>
  spendingSeries: Map<string, SpendingPoint[]>
  /** Links to last year's indicators a person made or removed (indicator_links.csv). */
  links: ManualLink[]
}

/** A unit and year the store holds something of. */
export interface DatasetEntry extends Scope {
  hasIndicators: boolean
  hasProjects: boolean
  latestMonth: number | null
}

/** A budget unit the store knows: its key, its name, and its 主管部门 when known. */
export interface OrgEntry {
  org: string
  name: string
  code: string | null
  department: string | null
}

export async function readDatasets(e: QueryEngine): Promise<DatasetEntry[]> {
  const rows = await e.query<{ org: string; year: number; has_indicators: boolean; has_projects: boolean; latest_month: number | null }>(
    datasetsSql,
  )
  return rows.map((r) => ({
    org: r.org, year: r.year, hasIndicators: r.has_indicators, hasProjects: r.has_projects, latestMonth: r.latest_month,
  }))
}

export async function readOrgs(e: QueryEngine): Promise<OrgEntry[]> {
  return e.query<{ org: string; name: string; code: string | null; department: string | null } & Row>(
    'SELECT org, name, code, department FROM orgs ORDER BY ord, org',
  )
}

/** A row of indicatorSeriesSql: a unit's indicator in a year, at a month. */
type SeriesRow = {
  org: string; year: number; id: string; month: number; ytd: number | null; latest_value: number | null; value_month: number | null
  status: QualitativeStatus | null; status_month: number | null; data_month: number | null; month_value: number | null
  month_basis: string | null; note: string | null
}

/** What to read: one year, of one unit or of every unit, and which months of the series. */
export interface ReadScope {
  year: number
  /** null: every unit of the year (the bureau, the command line) */
  org: string | null
  /** with `org` null, only these units (the bureau reads the few behind the month shown at their own latest) */
  orgs?: readonly string[]
  months?: readonly [number, number]
  /**
   * What not to read, left empty in the snapshots: a unit's projects, its plans and spending. The monitor's figures
   * need neither spending nor (without a last year to match against) projects.
   */
  skip?: readonly ('projects' | 'spending')[]
}

/** A read of one year, or of one unit's years together (`year` a list: its year and last year's, in one pass). */
type YearsScope = Omit<ReadScope, 'year'> & { year: number | readonly number[] }

/** Where a read puts a unit's year: the snapshot (or series) to fill, made on first use. */
type Into<T> = (org: string, year: number) => T

/**
 * The stored tables of one year, of one unit or of every unit, each unit's as a StoreSnapshot. Every unit's rows
 * come in the same few queries: a province's 10,000 units are not 60,000 round trips.
 */
export async function readScopes(e: QueryEngine, s: ReadScope): Promise<Map<string, StoreSnapshot>> {
  const out = new Map<string, StoreSnapshot>()
  await readWhole(e, s, snapshotOf(out, s.year))
  return out
}

/**
 * One unit's years read together (the year on screen and the one before, for 同比): one pass over each table for
 * all of them instead of one per year, each year's snapshot the same as readStore's of it.
 */
export async function readUnitYears(e: QueryEngine, org: string, years: readonly number[]): Promise<Map<number, StoreSnapshot>> {
  const out = new Map(years.map((year) => [year, emptySnapshot(org, year)]))
  if (years.length > 0) await readWhole(e, { year: years, org }, (_, year) => out.get(year) ?? emptySnapshot(org, year))
  return out
}

async function readWhole(e: QueryEngine, s: YearsScope, into: Into<StoreSnapshot>): Promise<void> {
  const skipped = new Set(s.skip)
  // the series asked for with the targets, not after them: the engine computes them while the targets are turned
  // into objects here (a year without indicators or projects has none: their grids are those)
  const [, series] = await Promise.all([
    readTargetsInto(e, s, into, { plans: !skipped.has('spending'), projects: !skipped.has('projects'), links: true }),
    querySeries(e, s, { indicators: true, spending: !skipped.has('spending') }),
  ])
  fillSeries(series, into)
}

/**
 * Every unit's targets, projects, plans, links and latest month of one year, their series left empty: what the
 * bureau reads once (without plans and links, which it does not show), the series following month by month
 * (readMonthSeries).
 */
export async function readTargets(
  e: QueryEngine,
  s: Omit<ReadScope, 'months'>,
  { plans = true, links = true, projects = true }: { plans?: boolean; links?: boolean; projects?: boolean } = {},
): Promise<Map<string, StoreSnapshot>> {
  const out = new Map<string, StoreSnapshot>()
  await readTargetsInto(e, s, snapshotOf(out, s.year), { plans, links, projects })
  return out
}

/** The targets of a read put into its snapshots. */
async function readTargetsInto(
  e: QueryEngine,
  s: Omit<YearsScope, 'months'>,
  into: Into<StoreSnapshot>,
  read: { plans: boolean; links: boolean; projects: boolean },
): Promise<void> {
  const where = scopeWhereSql(s)
  const years = typeof s.year === 'number' ? [s.year] : s.year
  const org = s.org
  const [year] = years
  if (org === null && (years.length !== 1 || year === undefined)) throw new Error('every unit is read one year at a time')
  const indicatorScopes: ScopeFilter = org === null ? { year: year ?? 0 } : years.map((y) => ({ org, year: y }))
  // asked at once: the engine runs the next query while the indicators' targets are read here
  const [indicators, projectRows, planRows, latestRows, linkRows] = await Promise.all([
    readIndicators(e, indicatorScopes),
    read.projects ? readProjectRows(e, s) : [],
    read.plans
      ? e.query<{ org: string; year: number; code: string; month: number; share: number }>(
          `SELECT org, year, code, month, share FROM spending_plan WHERE ${where} ORDER BY org, year, code, month`,
        )
      : [],
    e.query<{ org: string; year: number; month: number }>(
      `SELECT org, year, max(month) AS month FROM (SELECT org, year, month FROM actuals WHERE ${where}
         UNION ALL SELECT org, year, month FROM spending WHERE ${where}) GROUP BY org, year`,
    ),
    read.links
      ? e.query<{ org: string; year: number; id: string; last_year_id: string | null }>(
          `SELECT org, year, id, last_year_id FROM indicator_links WHERE ${where} ORDER BY org, year, id`,
        )
      : [],
  ])
  for (const i of indicators) into(i.org, i.year).indicators.push(i)
  for (const r of projectRows) into(r.org, r.year).projects.push(toProject(r))
  for (const r of planRows) push(into(r.org, r.year).plans, r.code, { month: r.month, share: r.share })
  for (const r of latestRows) into(r.org, r.year).latestMonth = r.month
  for (const r of linkRows) into(r.org, r.year).links.push({ id: r.id, lastYearId: r.last_year_id })
}

/** Every unit's projects of one year (or one unit's), by unit: last year's budgets for 同比 need nothing else. */
export async function readProjects(e: QueryEngine, s: Omit<ReadScope, 'months'>): Promise<Map<string, Project[]>> {
  const out = new Map<string, Project[]>()
  for (const r of await readProjectRows(e, s)) push(out, r.org, toProject(r))
  return out
}

interface ProjectRow {
  org: string; year: number; code: string; name: string; department: string | null; unit_name: string | null; budget: number
  adjusted_budget: number | null; fiscal: number | null; other: number | null; purpose: string | null; goal: string | null
}

const readProjectRows = (e: QueryEngine, s: Omit<YearsScope, 'months'>) =>
  e.query<ProjectRow & Row>(`SELECT * EXCLUDE (ord) FROM projects WHERE ${scopeWhereSql(s)} ORDER BY org, year, ord, code`)

const toProject = (r: ProjectRow): Project => ({
  code: r.code, name: r.name, department: r.department, unitName: r.unit_name, budget: r.budget,
  adjustedBudget: r.adjusted_budget, fiscal: r.fiscal, other: r.other, purpose: r.purpose, goal: r.goal,
})

/** A unit's series alone, of the months read. */
export type UnitSeries = Pick<StoreSnapshot, 'org' | 'indicatorSeries' | 'spendingSeries'>

/**
 * The series of one year at the months asked (`months`; all twelve without), of one unit or of every unit: the
 * bureau reads one month at a time, a month's points being the same as those of the whole year's read.
 */
export async function readMonthSeries(
  e: QueryEngine,
  s: ReadScope,
  read: SeriesRead = { indicators: true, spending: true },
): Promise<Map<string, UnitSeries>> {
  const out = new Map<string, UnitSeries>()
  const of = (org: string): UnitSeries => {
    let unit = out.get(org)
    if (!unit) out.set(org, (unit = { org, indicatorSeries: new Map(), spendingSeries: new Map() }))
    return unit
  }
  fillSeries(await querySeries(e, s, read), of)
  return out
}

/**
 * Which series to read; with `stopped`, the second is asked for only once the first is read, and not at all when
 * `stopped` then says so: a query asked for meanwhile (a unit opened while the bureau reads ahead) waits behind one
 * query, not two, and none is asked for after it.
 */
export interface SeriesRead {
  indicators: boolean
  spending: boolean
  stopped?: () => boolean
}

type SeriesResults = Awaited<ReturnType<typeof querySeries>>

async function querySeries(e: QueryEngine, s: YearsScope, read: SeriesRead) {
  const series = { year: s.year, org: s.org, orgs: s.orgs, months: s.months }
  const indicatorColumns = () => (read.indicators ? e.queryColumns<SeriesRow>(indicatorSeriesSql(series)) : Promise.resolve(null))
  const spendingRows = () =>
    read.spending
      ? e.query<{ org: string; year: number; code: string; month: number; spent: number; cumulative: number; has_data: boolean }>(
          spendingSeriesSql(series),
        )
      : Promise.resolve([])
  const { stopped } = read
  if (!stopped) return Promise.all([indicatorColumns(), spendingRows()])
  const columns = await indicatorColumns()
  return [columns, stopped() ? [] : await spendingRows()] as const
}

function fillSeries([seriesColumns, spendRows]: SeriesResults, into: Into<UnitSeries>): void {
  // a province's series is 400,000 rows a month: read from the columns, one object a point
  if (seriesColumns) {
    const c = seriesColumns.cells
    for (let r = 0; r < seriesColumns.length; r++) {
      push(into(c.org[r] as string, c.year[r] as number).indicatorSeries, c.id[r] as string, {
        month: c.month[r] as number, ytd: c.ytd[r] as number | null, latestValue: c.latest_value[r] as number | null,
        valueMonth: c.value_month[r] as number | null, status: c.status[r] as QualitativeStatus | null,
        statusMonth: c.status_month[r] as number | null, dataMonth: c.data_month[r] as number | null,
        monthValue: c.month_value[r] as number | null, monthBasis: c.month_basis[r] as string | null, note: c.note[r] as string | null,
      })
    }
  }
  for (const r of spendRows) {
    push(into(r.org, r.year).spendingSeries, r.code, { month: r.month, spent: r.spent, cumulative: r.cumulative, hasData: r.has_data })
  }
}

/**
 * The months each unit of a year reported in: any actual of one of its indicators, or any spending of one of its
 * projects (as `reportedIn` finds them in the whole year's series), without reading the series.
 */
export async function readReportMonths(e: QueryEngine, year: number): Promise<Map<string, Set<number>>> {
  const rows = await e.query<{ org: string; month: number }>(reportMonthsSql(year))
  const out = new Map<string, Set<number>>()
  for (const r of rows) {
    const months = out.get(r.org)
    if (months) months.add(r.month)
    else out.set(r.org, new Set([r.month]))
  }
  return out
}

/** A unit's year with nothing stored in it. */
export const emptySnapshot = (org: string, year: number): StoreSnapshot => ({
  org, year, indicators: [], projects: [], plans: new Map(), latestMonth: null,
  indicatorSeries: new Map(), spendingSeries: new Map(), links: [],
})

const snapshotOf = (out: Map<string, StoreSnapshot>, year: number) => (org: string): StoreSnapshot => {
  let snapshot = out.get(org)
  if (!snapshot) out.set(org, (snapshot = emptySnapshot(org, year)))
  return snapshot
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** One unit's year: what the pages show. */
export async function readStore(e: QueryEngine, scope: Scope): Promise<StoreSnapshot> {
  const read = await readScopes(e, { year: scope.year, org: scope.org })
  return read.get(scope.org) ?? emptySnapshot(scope.org, scope.year)
}

/**
 * The view a page opens on: the one asked for when the store holds it, else the first unit's latest year with
 * anything in it (the year turns on 1 January with the first actuals, not when the targets arrive).
 */
export function defaultView(datasets: readonly DatasetEntry[], orgs: readonly OrgEntry[], wanted: Partial<Scope> | null): Scope | null {
  const org = orgs.find((o) => o.org === wanted?.org && datasets.some((d) => d.org === o.org))?.org
    ?? orgs.find((o) => datasets.some((d) => d.org === o.org))?.org
    ?? datasets[0]?.org
  if (org === undefined) return null
  const years = datasets.filter((d) => d.org === org).map((d) => d.year)
  const year = wanted?.year !== undefined && years.includes(wanted.year) ? wanted.year : Math.max(...years)
  return Number.isFinite(year) ? { org, year } : null
}

