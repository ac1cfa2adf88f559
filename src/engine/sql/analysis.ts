// The aggregations behind every chart: year-to-date sums, latest values, unit conversion, spending by month.
// Each returns the whole year (months 1–12) so that 数据截至 can move without another query.

/** The data year and its latest month: from the data (月份), never from the calendar. */
export const dataYearSql = `
SELECT year, max(month) AS month FROM (
  SELECT year, month FROM actuals UNION ALL SELECT year, month FROM spending
) WHERE year = (SELECT max(year) FROM (SELECT year FROM actuals UNION ALL SELECT year FROM spending))
GROUP BY year`

/** Actuals in their target's unit: 万元 rows of an 亿元 target are divided by 10,000; other families are not mixed. */
export const convertedActualsSql = `
SELECT a.id, a.year, a.month, a.basis, a.status, a.note,
  CASE
    WHEN a.value IS NULL THEN NULL
    WHEN a.unit IS NULL OR t.target_unit IS NULL OR a.unit = t.target_unit THEN a.value
    WHEN uf.family = ut.family THEN a.value * uf.factor / ut.factor
  END AS value
FROM actuals a
JOIN indicator_targets t USING (id)
LEFT JOIN units uf ON uf.unit = a.unit
LEFT JOIN units ut ON ut.unit = t.target_unit`

/**
 * Per indicator and month 1–12 of `?` (the year): the year-to-date sum (a 累计 row is the 1–N月 total; 当月 rows add
 * onto the latest 累计 row before them), the latest value (时点), the latest 完成情况 and the month's 说明.
 */
export const indicatorSeriesSql = `
WITH months AS (SELECT unnest(range(1, 13))::INTEGER AS m),
a AS (SELECT * FROM (${convertedActualsSql}) WHERE year = ?),
grid AS (SELECT t.id, months.m FROM indicator_targets t CROSS JOIN months),
anchor AS (
  SELECT g.id, g.m, max(a.month) FILTER (WHERE coalesce(a.basis, '累计') = '累计' AND a.value IS NOT NULL) AS k
  FROM grid g LEFT JOIN a ON a.id = g.id AND a.month <= g.m
  GROUP BY g.id, g.m),
ytd AS (
  SELECT an.id, an.m,
    CASE WHEN an.k IS NULL AND count(fl.value) = 0 THEN NULL
         ELSE coalesce(any_value(cu.value), 0) + coalesce(sum(fl.value), 0) END AS ytd
  FROM anchor an
  LEFT JOIN a cu ON cu.id = an.id AND cu.month = an.k
  LEFT JOIN a fl ON fl.id = an.id AND fl.basis = '当月' AND fl.month > coalesce(an.k, 0) AND fl.month <= an.m
  GROUP BY an.id, an.m, an.k),
latest AS (
  SELECT g.id, g.m,
    arg_max(a.value, a.month) FILTER (WHERE a.value IS NOT NULL) AS latest_value,
    max(a.month) FILTER (WHERE a.value IS NOT NULL) AS value_month,
    arg_max(a.status, a.month) FILTER (WHERE a.status IS NOT NULL) AS status,
    max(a.month) FILTER (WHERE a.status IS NOT NULL) AS status_month,
    max(a.month) AS data_month
  FROM grid g LEFT JOIN a ON a.id = g.id AND a.month <= g.m
  GROUP BY g.id, g.m)
SELECT g.id, g.m AS month, ytd.ytd, latest.latest_value, latest.value_month, latest.status, latest.status_month,
  latest.data_month, here.value AS month_value, here.basis AS month_basis, here.note
FROM grid g
JOIN ytd USING (id, m)
JOIN latest USING (id, m)
LEFT JOIN a here ON here.id = g.id AND here.month = g.m
ORDER BY g.id, g.m`

/** Per project and month 1–12 of `?`: the month's spending and the cumulative execution, in 万元. */
export const spendingSeriesSql = `
WITH months AS (SELECT unnest(range(1, 13))::INTEGER AS m),
grid AS (SELECT p.code, months.m FROM projects p CROSS JOIN months),
s AS (SELECT code, month, sum(amount) AS amount FROM spending WHERE year = ? GROUP BY code, month)
SELECT g.code, g.m AS month, coalesce(s.amount, 0) AS spent,
  sum(coalesce(s.amount, 0)) OVER (PARTITION BY g.code ORDER BY g.m) AS cumulative,
  (s.amount IS NOT NULL) AS has_data
FROM grid g LEFT JOIN s ON s.code = g.code AND s.month = g.m
ORDER BY g.code, g.m`
