// The aggregations behind every chart: year-to-date sums, latest values, unit conversion, spending by month.
// Each returns the whole year (months 1–12) so that 数据截至 can move without another query. The 年度 and the 单位
// are written into the SQL as constants, not bound as parameters: DuckDB skips the row groups of other units and
// years only for a constant it sees when planning, and one unit's series read twice as fast with them.
import { literal } from './quote'

/**
 * Every (单位, 年度) the store knows, with whether its targets are loaded and its latest month with data: one pass
 * over each table (a correlated EXISTS per unit and year cost twice as much at 300 units).
 */
export const datasetsSql = `
SELECT org, year, bool_or(i) AS has_indicators, bool_or(p) AS has_projects, max(month) AS latest_month FROM (
  SELECT DISTINCT org, year, true AS i, false AS p, NULL::INTEGER AS month FROM indicators
  UNION ALL SELECT DISTINCT org, year, false, true, NULL FROM projects
  UNION ALL SELECT org, year, false, false, max(month) FROM actuals GROUP BY org, year
  UNION ALL SELECT org, year, false, false, max(month) FROM spending GROUP BY org, year)
GROUP BY org, year
ORDER BY org, year`

/**
 * Actuals in their target's unit: 万元 rows of an 亿元 target are divided by 10,000; other families are not mixed.
 * Rows without a unit (most of them) are taken as they are, without the join to their targets, which cost more than
 * the rest of the series at a province's 5 million rows: rows of an indicator without a target are left for the
 * caller's join with indicator_targets to drop.
 */
export const convertedActualsSql = `
SELECT a.org, a.year, a.id, a.month, a.basis, a.status, a.note, a.value FROM actuals a WHERE a.unit IS NULL
UNION ALL
SELECT a.org, a.year, a.id, a.month, a.basis, a.status, a.note,
  CASE
    WHEN a.value IS NULL THEN NULL
    WHEN t.target_unit IS NULL OR a.unit = t.target_unit THEN a.value
    WHEN uf.family = ut.family THEN a.value * uf.factor / ut.factor
  END AS value
FROM actuals a
JOIN indicator_targets t USING (org, year, id)
LEFT JOIN units uf ON uf.unit = a.unit
LEFT JOIN units ut ON ut.unit = t.target_unit
WHERE a.unit IS NOT NULL`

/**
 * Which rows a query reads: one year (or a unit's years together: its year and last year's, read in one pass) of one
 * unit or of every unit (`org` null), and which months of the year.
 */
export interface SeriesScope {
  year: number | readonly number[]
  org: string | null
  /** with `org` null: only these units */
  orgs?: readonly string[]
  /** months 1–12 by default; the command line's monitor asks for one month only */
  months?: readonly [number, number]
}

/** The WHERE condition of one year, of one unit or of every unit. */
export function scopeWhereSql(s: Pick<SeriesScope, 'year' | 'org' | 'orgs'>, alias = ''): string {
  const years = typeof s.year === 'number' ? [s.year] : s.year
  const year = years.length === 1 ? `${alias}year = ${Math.trunc(years[0] ?? 0)}` : `${alias}year IN (${years.map((y) => Math.trunc(y)).join(', ') || 'NULL'})`
  if (s.org !== null) return `${year} AND ${alias}org = ${literal(s.org)}`
  return s.orgs ? `${year} AND ${alias}org IN (${s.orgs.length ? s.orgs.map(literal).join(', ') : 'NULL'})` : year
}
const scope = scopeWhereSql
const monthsCte = (s: SeriesScope) => {
  const [from, to] = s.months ?? [1, 12]
  return `months AS (SELECT unnest(range(${Math.trunc(from)}, ${Math.trunc(to) + 1}))::INTEGER AS m)`
}

/**
 * Per indicator and month 1–12: the year-to-date sum (a 累计 row is the 1–N月 total; 当月 rows add onto the latest 累计
 * row before them), the latest value (时点), the latest 完成情况 and the month's 说明; of one unit, or of every unit of the
 * year (the bureau).
 */
export function indicatorSeriesSql(s: SeriesScope): string {
  // One aggregation of the actuals per indicator and month asked, each actual counted in every month from its own:
  // the 累计 anchor (k, its value), the latest figures, and the row of the month itself. The grid of targets and
  // months then keeps the indicators with a target, with or without actuals.
  return `
WITH ${monthsCte(s)},
a AS (SELECT * FROM (${convertedActualsSql}) WHERE ${scope(s)} AND month <= ${Math.trunc(s.months?.[1] ?? 12)}),
upto AS (
  SELECT a.org, a.year, a.id, months.m,
    max(a.month) FILTER (WHERE coalesce(a.basis, '累计') = '累计' AND a.value IS NOT NULL) AS k,
    arg_max(a.value, a.month) FILTER (WHERE coalesce(a.basis, '累计') = '累计' AND a.value IS NOT NULL) AS k_value,
    arg_max(a.value, a.month) FILTER (WHERE a.value IS NOT NULL) AS latest_value,
    max(a.month) FILTER (WHERE a.value IS NOT NULL) AS value_month,
    arg_max(a.status, a.month) FILTER (WHERE a.status IS NOT NULL) AS status,
    max(a.month) FILTER (WHERE a.status IS NOT NULL) AS status_month,
    max(a.month) AS data_month,
    first(a.value) FILTER (WHERE a.month = months.m) AS month_value,
    first(a.basis) FILTER (WHERE a.month = months.m) AS month_basis,
    first(a.note) FILTER (WHERE a.month = months.m) AS note
  FROM a JOIN months ON a.month <= months.m
  GROUP BY a.org, a.year, a.id, months.m),
-- 当月 rows add onto the latest 累计 row before them (all of them when there is none), summed in month order so
-- that a month's figure has the same last digits whichever months and units are read with it
flows AS (
  SELECT u.org, u.year, u.id, u.m, sum(fl.value ORDER BY fl.month) AS flow, count(fl.value) AS n
  FROM upto u JOIN a fl ON fl.org = u.org AND fl.year = u.year AND fl.id = u.id AND fl.basis = '当月' AND fl.month > coalesce(u.k, 0) AND fl.month <= u.m
  GROUP BY u.org, u.year, u.id, u.m)
SELECT t.org, t.year, t.id, months.m AS month,
  CASE WHEN u.k IS NULL AND coalesce(f.n, 0) = 0 THEN NULL ELSE coalesce(u.k_value, 0) + coalesce(f.flow, 0) END AS ytd,
  u.latest_value, u.value_month, u.status, u.status_month, u.data_month, u.month_value, u.month_basis, u.note
FROM indicator_targets t CROSS JOIN months
LEFT JOIN upto u ON u.org = t.org AND u.year = t.year AND u.id = t.id AND u.m = months.m
LEFT JOIN flows f ON f.org = t.org AND f.year = t.year AND f.id = t.id AND f.m = months.m
WHERE ${scope(s, 't.')}
ORDER BY t.org, t.year, t.id, months.m`
}

/** Per project and month 1–12: the month's spending and the cumulative execution, in 万元 (scoped as above). */
export function spendingSeriesSql(s: SeriesScope): string {
  const [from, to] = s.months ?? [1, 12]
  // the cumulative sum needs every month up to the last one asked for; only the asked ones are returned
  return `
WITH months AS (SELECT unnest(range(1, ${Math.trunc(to) + 1}))::INTEGER AS m),
grid AS (SELECT p.org, p.year, p.code, months.m FROM projects p CROSS JOIN months WHERE ${scope(s, 'p.')}),
sp AS (SELECT org, year, code, month, sum(amount) AS amount FROM spending WHERE ${scope(s)} GROUP BY org, year, code, month)
SELECT * FROM (
  SELECT g.org, g.year, g.code, g.m AS month, coalesce(sp.amount, 0) AS spent,
    sum(coalesce(sp.amount, 0)) OVER (PARTITION BY g.org, g.year, g.code ORDER BY g.m) AS cumulative,
    (sp.amount IS NOT NULL) AS has_data
  FROM grid g LEFT JOIN sp ON sp.org = g.org AND sp.year = g.year AND sp.code = g.code AND sp.month = g.m)
WHERE month >= ${Math.trunc(from)}
ORDER BY org, year, code, month`
}

/**
 * The months each unit of a year reported in, as the series find them: an actual of an indicator with a target
 * (any value, status or note), or spending of one of its projects whose month sums to a figure.
 */
export const reportMonthsSql = (year: number) => `
SELECT DISTINCT org, month FROM (
  SELECT a.org, a.month FROM actuals a JOIN indicator_targets t USING (org, year, id) WHERE ${scope({ year, org: null }, 'a.')}
  UNION ALL
  SELECT s.org, s.month FROM spending s JOIN projects p USING (org, year, code) WHERE ${scope({ year, org: null }, 's.')}
  GROUP BY s.org, s.code, s.month HAVING sum(s.amount) IS NOT NULL)
WHERE month BETWEEN 1 AND 12
ORDER BY org, month`
