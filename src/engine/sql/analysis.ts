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

/** Actuals in their target's unit: 万元 rows of an 亿元 target are divided by 10,000; other families are not mixed. */
export const convertedActualsSql = `
SELECT a.org, a.year, a.id, a.month, a.basis, a.status, a.note,
  CASE
    WHEN a.value IS NULL THEN NULL
    WHEN a.unit IS NULL OR t.target_unit IS NULL OR a.unit = t.target_unit THEN a.value
    WHEN uf.family = ut.family THEN a.value * uf.factor / ut.factor
  END AS value
FROM actuals a
JOIN indicator_targets t USING (org, year, id)
LEFT JOIN units uf ON uf.unit = a.unit
LEFT JOIN units ut ON ut.unit = t.target_unit`

/** Which rows a query reads: one year of one unit or of every unit (`org` null), and which months of the year. */
export interface SeriesScope {
  year: number
  org: string | null
  /** with `org` null: only these units */
  orgs?: readonly string[]
  /** months 1–12 by default; the command line's monitor asks for one month only */
  months?: readonly [number, number]
}

/** The WHERE condition of one year, of one unit or of every unit. */
export function scopeWhereSql(s: Pick<SeriesScope, 'year' | 'org' | 'orgs'>, alias = ''): string {
  const year = `${alias}year = ${Math.trunc(s.year)}`
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
  return `
WITH ${monthsCte(s)},
a AS (SELECT * FROM (${convertedActualsSql}) WHERE ${scope(s)} AND month <= ${Math.trunc(s.months?.[1] ?? 12)}),
grid AS (SELECT t.org, t.id, months.m FROM indicator_targets t CROSS JOIN months WHERE ${scope(s, 't.')}),
-- what each month looks back on, in one pass over the months up to it: the 累计 anchor and the latest figures
upto AS (
  SELECT g.org, g.id, g.m,
    max(a.month) FILTER (WHERE coalesce(a.basis, '累计') = '累计' AND a.value IS NOT NULL) AS k,
    arg_max(a.value, a.month) FILTER (WHERE a.value IS NOT NULL) AS latest_value,
    max(a.month) FILTER (WHERE a.value IS NOT NULL) AS value_month,
    arg_max(a.status, a.month) FILTER (WHERE a.status IS NOT NULL) AS status,
    max(a.month) FILTER (WHERE a.status IS NOT NULL) AS status_month,
    max(a.month) AS data_month
  FROM grid g LEFT JOIN a ON a.org = g.org AND a.id = g.id AND a.month <= g.m
  GROUP BY g.org, g.id, g.m),
ytd AS (
  SELECT an.org, an.id, an.m,
    CASE WHEN an.k IS NULL AND count(fl.value) = 0 THEN NULL
         ELSE coalesce(any_value(cu.value), 0) + coalesce(sum(fl.value), 0) END AS ytd
  FROM upto an
  LEFT JOIN a cu ON cu.org = an.org AND cu.id = an.id AND cu.month = an.k
  LEFT JOIN a fl ON fl.org = an.org AND fl.id = an.id AND fl.basis = '当月' AND fl.month > coalesce(an.k, 0) AND fl.month <= an.m
  GROUP BY an.org, an.id, an.m, an.k)
SELECT g.org, g.id, g.m AS month, ytd.ytd, latest.latest_value, latest.value_month, latest.status, latest.status_month,
  latest.data_month, here.value AS month_value, here.basis AS month_basis, here.note
FROM grid g
JOIN ytd USING (org, id, m)
JOIN upto latest USING (org, id, m)
LEFT JOIN a here ON here.org = g.org AND here.id = g.id AND here.month = g.m
ORDER BY g.org, g.id, g.m`
}

/** Per project and month 1–12: the month's spending and the cumulative execution, in 万元 (scoped as above). */
export function spendingSeriesSql(s: SeriesScope): string {
  const [from, to] = s.months ?? [1, 12]
  // the cumulative sum needs every month up to the last one asked for; only the asked ones are returned
  return `
WITH months AS (SELECT unnest(range(1, ${Math.trunc(to) + 1}))::INTEGER AS m),
grid AS (SELECT p.org, p.code, months.m FROM projects p CROSS JOIN months WHERE ${scope(s, 'p.')}),
sp AS (SELECT org, code, month, sum(amount) AS amount FROM spending WHERE ${scope(s)} GROUP BY org, code, month)
SELECT * FROM (
  SELECT g.org, g.code, g.m AS month, coalesce(sp.amount, 0) AS spent,
    sum(coalesce(sp.amount, 0)) OVER (PARTITION BY g.org, g.code ORDER BY g.m) AS cumulative,
    (sp.amount IS NOT NULL) AS has_data
  FROM grid g LEFT JOIN sp ON sp.org = g.org AND sp.code = g.code AND sp.month = g.m)
WHERE month >= ${Math.trunc(from)}
ORDER BY org, code, month`
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
