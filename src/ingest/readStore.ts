import { toIndicator } from '@/domain/indicator'
import type { SeriesPoint, SpendingPoint } from '@/domain/monitor'
import type { Indicator, PlanPoint, Project, QualitativeStatus } from '@/domain/types'
import type { ManualLink } from '@/domain/yearOnYear'
import type { QueryEngine, Row } from '@/engine/QueryEngine'
import { datasetsSql, indicatorSeriesSql, spendingSeriesSql } from '@/engine/sql/analysis'
import { readIndicatorRows, type Scope } from './apply'

/** The stored tables of one unit and year, read back as the domain's plain data: what the pages and the CLI work from. */
export interface StoreSnapshot {
  org: string
  year: number
  indicators: Indicator[]
  projects: Project[]
  plans: Record<string, PlanPoint[]>
  /** The latest month with data in this year; null when no month has data yet. */
  latestMonth: number | null
  indicatorSeries: Record<string, SeriesPoint[]>
  spendingSeries: Record<string, SpendingPoint[]>
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

export const toSeriesPoint = (r: Row): SeriesPoint => ({
  month: r.month as number,
  ytd: r.ytd as number | null,
  latestValue: r.latest_value as number | null,
  valueMonth: r.value_month as number | null,
  status: r.status as QualitativeStatus | null,
  statusMonth: r.status_month as number | null,
  dataMonth: r.data_month as number | null,
  monthValue: r.month_value as number | null,
  monthBasis: r.month_basis as string | null,
  note: r.note as string | null,
})

export async function readStore(e: QueryEngine, scope: Scope): Promise<StoreSnapshot> {
  const params = [scope.org, scope.year]
  const indicators = (await readIndicatorRows(e, [scope])).map(toIndicator)
  const projectRows = await e.query<{
    code: string; name: string; department: string | null; unit_name: string | null; budget: number
    adjusted_budget: number | null; fiscal: number | null; other: number | null; purpose: string | null; goal: string | null
  }>('SELECT * EXCLUDE (org, year, ord) FROM projects WHERE org = $1 AND year = $2 ORDER BY ord, code', params)
  const planRows = await e.query<{ code: string; month: number; share: number }>(
    'SELECT code, month, share FROM spending_plan WHERE org = $1 AND year = $2 ORDER BY code, month',
    params,
  )
  const [latest] = await e.query<{ month: number | null }>(
    `SELECT max(month) AS month FROM (SELECT month FROM actuals WHERE org = $1 AND year = $2
       UNION ALL SELECT month FROM spending WHERE org = $1 AND year = $2)`,
    params,
  )
  const seriesRows = indicators.length ? await e.query(indicatorSeriesSql(), params) : []
  const spendRows = projectRows.length
    ? await e.query<{ code: string; month: number; spent: number; cumulative: number; has_data: boolean }>(spendingSeriesSql(), params)
    : []
  const linkRows = await e.query<{ id: string; last_year_id: string | null }>(
    'SELECT id, last_year_id FROM indicator_links WHERE org = $1 AND year = $2 ORDER BY id',
    params,
  )

  const indicatorSeries: Record<string, SeriesPoint[]> = {}
  for (const r of seriesRows) (indicatorSeries[r.id as string] ??= []).push(toSeriesPoint(r))
  const spendingSeries: Record<string, SpendingPoint[]> = {}
  for (const r of spendRows) {
    ;(spendingSeries[r.code] ??= []).push({ month: r.month, spent: r.spent, cumulative: r.cumulative, hasData: r.has_data })
  }
  const plans: Record<string, PlanPoint[]> = {}
  for (const r of planRows) (plans[r.code] ??= []).push({ month: r.month, share: r.share })
  const projects: Project[] = projectRows.map((r) => ({
    code: r.code, name: r.name, department: r.department, unitName: r.unit_name, budget: r.budget,
    adjustedBudget: r.adjusted_budget, fiscal: r.fiscal, other: r.other, purpose: r.purpose, goal: r.goal,
  }))
  return {
    org: scope.org,
    year: scope.year,
    indicators,
    projects,
    plans,
    latestMonth: latest?.month ?? null,
    indicatorSeries,
    spendingSeries,
    links: linkRows.map((r) => ({ id: r.id, lastYearId: r.last_year_id })),
  }
}
