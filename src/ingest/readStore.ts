import { toIndicator } from '@/domain/indicator'
import type { SeriesPoint, SpendingPoint } from '@/domain/monitor'
import type { Indicator, PlanPoint, Project, QualitativeStatus } from '@/domain/types'
import type { QueryEngine } from '@/engine/QueryEngine'
import { dataYearSql, indicatorSeriesSql, spendingSeriesSql } from '@/engine/sql/analysis'
import { readIndicatorRows } from './apply'

/** The stored tables read back as the domain's plain data: what the browser's stores and the CLI both work from. */
export interface StoreSnapshot {
  indicators: Indicator[]
  projects: Project[]
  plans: Record<string, PlanPoint[]>
  /** The data year and its latest month; null when no month has data yet. */
  year: number | null
  latestMonth: number | null
  indicatorSeries: Record<string, SeriesPoint[]>
  spendingSeries: Record<string, SpendingPoint[]>
}

export async function readStore(e: QueryEngine): Promise<StoreSnapshot> {
  const indicators = (await readIndicatorRows(e)).map(toIndicator)
  const projectRows = await e.query<{
    code: string; name: string; department: string | null; unit_name: string | null; budget: number
    adjusted_budget: number | null; fiscal: number | null; other: number | null; purpose: string | null; goal: string | null
  }>('SELECT * EXCLUDE (ord) FROM projects ORDER BY ord, code')
  const planRows = await e.query<{ code: string; month: number; share: number }>(
    'SELECT code, month, share FROM spending_plan ORDER BY code, month',
  )
  const [ym] = await e.query<{ year: number; month: number }>(dataYearSql)
  const year = ym?.year ?? null
  const seriesRows = year === null ? [] : await e.query(indicatorSeriesSql, [year])
  const spendRows =
    year === null
      ? []
      : await e.query<{ code: string; month: number; spent: number; cumulative: number; has_data: boolean }>(spendingSeriesSql, [year])

  const indicatorSeries: Record<string, SeriesPoint[]> = {}
  for (const r of seriesRows) {
    ;(indicatorSeries[r.id as string] ??= []).push({
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
  }
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
  return { indicators, projects, plans, year, latestMonth: ym?.month ?? null, indicatorSeries, spendingSeries }
}
