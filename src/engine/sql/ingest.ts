import { ident, literal } from './quote'

/** A column of an uploaded file as the staging SQL needs it: which header carries it and how to read it. */
export interface StagedColumn {
  key: string
  /** The header in the file, or null when the file lacks this optional column. */
  header: string | null
  type: 'text' | 'number' | 'month' | 'integer' | 'date'
  required: boolean
  /** A number that cannot be below zero (a budget, a plan share, 分值). */
  nonNegative?: boolean
}

/** One problem found in a file, in structured form; the sentence is written in `ingest/messages.ts`. */
export interface RowProblem {
  /** Line in the file as Excel numbers it: the header is line 1. */
  line: number
  key: string
  rule: string
  value: string | null
  detail: string | null
}

// Text to number the way clerks write numbers: `1,200.50` (commas only where thousands are), `12.5%`, stray spaces,
// Excel's `1.2E+07`. Nothing else: no `NaN`, `Infinity`, `1e400` (not finite), `1_000`, `0x10` (DuckDB's cast
// takes those), and no half-read `6.5` as the integer 7.
const NUMBER_RE = `'^[+-]?(?:(?:[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)(?:[.][0-9]*)?|[.][0-9]+)(?:[eE][+-]?[0-9]+)?$'`
const numberText = (x: string) => `regexp_replace(regexp_replace(trim(${x}), '\\s', '', 'g'), '[%％]$', '')`
const castNumber = (x: string) => `TRY_CAST(regexp_replace(${numberText(x)}, '[,，]', '', 'g') AS DOUBLE)`
const isNumberText = (x: string) => `regexp_full_match(${numberText(x)}, ${NUMBER_RE})`
// `1305.07` as most cells hold it: no sign, comma, space or %, and too few digits to overflow, so the plain cast reads
// it to the same double as the general path, without its three regex passes
const PLAIN_NUMBER = (x: string) => `regexp_full_match(${x}, '[0-9]{1,15}(?:[.][0-9]{1,15})?')`
export const numberExpr = (x: string) =>
  `CASE WHEN ${PLAIN_NUMBER(x)} THEN TRY_CAST(${x} AS DOUBLE)
    WHEN ${isNumberText(x)} AND isfinite(${castNumber(x)}) THEN ${castNumber(x)} END`
const integerExpr = (x: string) =>
  `CASE WHEN regexp_full_match(trim(${x}), '^[+-]?[0-9]{1,9}(?:[.]0*)?$') THEN TRY_CAST(TRY_CAST(trim(${x}) AS DOUBLE) AS INTEGER) END`

/** Why a number cell does not read, for a sentence that says what to write instead. */
const numberRule = (raw: string) => `CASE WHEN regexp_matches(${raw}, '[０-９]') THEN 'number-full-width'
  WHEN regexp_full_match(${numberText(raw)}, '^[+-]?[0-9.,，]*[0-9][0-9.,，]*\\p{Han}+$') THEN 'number-with-unit'
  WHEN ${isNumberText(raw)} THEN 'number-range' ELSE 'number' END`

/** Years a month or date may fall in: what about.json and the 年度 column accept. */
export const FIRST_YEAR = 1990
export const LAST_YEAR = 2100
const TIME = `(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.][0-9]+)?)?)?`
// `2024-07`, `2024/7`, `2024年7月`, `2024.07`, also a full date `2024-07-31` or `2024年7月31日` (Excel formats cells as
// dates, sometimes with a time): the whole cell, nothing after it, and a day that exists.
const MONTH_RE = `'^([0-9]{4})\\s*[-/年.]\\s*([0-9]{1,2})\\s*(?:月\\s*(?:([0-9]{1,2})\\s*日)?|[-/.]\\s*([0-9]{1,2})\\s*日?)?${TIME}$'`
const DATE_RE = `'^([0-9]{4})\\s*[-/年.]\\s*([0-9]{1,2})\\s*[-/月.]\\s*([0-9]{1,2})\\s*日?${TIME}$'`
const part = (x: string, re: string, n: number) => `TRY_CAST(NULLIF(regexp_extract(trim(${x}), ${re}, ${n}), '') AS INTEGER)`
const isDay = (y: string, m: string, d: string) => `TRY_CAST(printf('%04d-%02d-%02d', ${y}, ${m}, ${d}) AS DATE) IS NOT NULL`
const inYears = (y: string) => `${y} BETWEEN ${FIRST_YEAR} AND ${LAST_YEAR}`
const monthValid = (x: string) => {
  const [y, m] = [part(x, MONTH_RE, 1), part(x, MONTH_RE, 2)]
  const d = `coalesce(${part(x, MONTH_RE, 3)}, ${part(x, MONTH_RE, 4)})`
  return `(${inYears(y)} AND ${m} BETWEEN 1 AND 12 AND (${d} IS NULL OR ${isDay(y, m, d)}))`
}
// `2024-07`, as systems export it, read without the general pattern's dozen regex passes: the same year and month,
// through the first of that month cast to a DATE (DuckDB's own date parser; no such date for a month outside 1–12).
const PLAIN_MONTH = (x: string) => `regexp_full_match(${x}, '[0-9]{4}-[0-9]{1,2}')`
const plainPart = (x: string, n: 1 | 2) => `${n === 1 ? 'year' : 'month'}(TRY_CAST(${x} || '-01' AS DATE))`
const monthPart = (x: string, n: 1 | 2) =>
  `CASE WHEN ${PLAIN_MONTH(x)} THEN CASE WHEN ${inYears(plainPart(x, 1))} THEN ${plainPart(x, n)} END
    WHEN ${monthValid(x)} THEN ${part(x, MONTH_RE, n)} END`
export const yearOf = (x: string) => monthPart(x, 1)
export const monthOf = (x: string) => monthPart(x, 2)
const dateYear = (x: string) => part(x, DATE_RE, 1)
const dateMonth = (x: string) => part(x, DATE_RE, 2)
const dateDay = (x: string) => part(x, DATE_RE, 3)
const dateValid = (x: string) => `(${inYears(dateYear(x))} AND ${isDay(dateYear(x), dateMonth(x), dateDay(x))})`
/** A month or date cell whose year reads but lies outside FIRST_YEAR…LAST_YEAR (`0000-01`). */
const yearOutOfRange = (x: string, re: string) => `coalesce(NOT ${inYears(part(x, re, 1))}, false)`
/** A unit as clerks write it, `（万元）` or `％`, in the form the units table holds. */
export const unitExpr = (x: string) =>
  `NULLIF(replace(regexp_replace(${x}, '[\\s（）()【】\\[\\]]', '', 'g'), '％', '%'), '')`

/**
 * A text cell as it was before the app's CSV writer escaped it against formulas (src/export/csv.ts `FORMULA_START`):
 * one leading `'` removed before `=`, `+`, `-`, `@`, a tab or a CR (or before more apostrophes and one of those).
 */
export const unescapedText = (x: string) =>
  `CASE WHEN starts_with(${x}, '''') AND regexp_matches(${x}, '^''+[-=+@\\t\\r]') THEN substr(${x}, 2) ELSE ${x} END`

const blank = (x: string) => `(${x} IS NULL OR trim(${x}) = '')`

/** How DuckDB's reader is told the canonical CSV (`ingest/canonicalCsv.ts`): nothing left for it to guess. */
export function readCanonicalCsvSql(file: string, headers: readonly string[]): string {
  const columns = ['__row', ...headers].map((h) => `${literal(h)}: 'VARCHAR'`).join(', ')
  return `read_csv(${literal(file)}, header = true, auto_detect = false, columns = {${columns}}, delim = ',', quote = '"',
    escape = '"', new_line = '\\n', max_line_size = ${(4 << 20) + 1024})`
}

/**
 * Reads a registered canonical CSV into a staging table of text cells plus `_line`, the row as Excel numbers it
 * (the header is line 1): the `__row` the rewrite or the workbook reader wrote.
 */
export function stageCsvSql(table: string, file: string, headers: readonly string[]): string {
  return `CREATE OR REPLACE TABLE ${ident(table)} AS
SELECT CAST(__row AS INTEGER) AS _line, * EXCLUDE (__row) FROM ${readCanonicalCsvSql(file, headers)}`
}

/** The headers of a staging table, in file order. */
export const stagedHeadersSql = (table: string) =>
  `SELECT column_name FROM (DESCRIBE ${ident(table)}) WHERE column_name NOT IN ('_line', '__sheet')`

/**
 * The typed view of a staging table: one column per key, `<key>__raw` beside each, and `_line`. Each cell is trimmed
 * once, into its `__raw`, and read from there: every reading trims first, so it reads the same.
 */
export function typedSelectSql(table: string, columns: readonly StagedColumn[]): string {
  const raws = ['_line']
  const out = ['_line']
  for (const c of columns) {
    const x = ident(`${c.key}__raw`)
    raws.push(`${c.header === null ? 'NULL::VARCHAR' : `NULLIF(trim(${ident(c.header)}), '')`} AS ${x}`)
    out.push(x)
    switch (c.type) {
      case 'text':
        out.push(`${unescapedText(x)} AS ${ident(c.key)}`)
        break
      case 'number':
        out.push(`${numberExpr(x)} AS ${ident(c.key)}`)
        break
      case 'integer':
        out.push(`${integerExpr(x)} AS ${ident(c.key)}`)
        break
      case 'month':
        out.push(`${yearOf(x)} AS ${ident(`${c.key}_year`)}`, `${monthOf(x)} AS ${ident(`${c.key}_month`)}`)
        break
      case 'date':
        out.push(
          `CASE WHEN ${dateValid(x)} THEN ${dateYear(x)} END AS ${ident(`${c.key}_year`)}`,
          `CASE WHEN ${dateValid(x)} THEN ${dateMonth(x)} END AS ${ident(`${c.key}_month`)}`,
        )
        break
    }
  }
  return `SELECT ${out.join(', ')} FROM (SELECT ${raws.join(', ')} FROM ${ident(table)})`
}

/**
 * The typed rows with the budget unit (`_org`) and 年度 (`_year`) each belongs to (docs/formats.md "Many years,
 * many units"): the row's own 单位 and 年度, else the year of its 月份 (`dated`: the month column's key), else the
 * scope's. A 单位 written as a known unit's code or name is that unit.
 */
export function scopedSelectSql(typed: string, scope: { org: string; year: number | null }, dated: string | null): string {
  const monthYear = dated ? `t.${ident(`${dated}_year`)}` : 'NULL'
  return `SELECT t.*, ${orgKeySql('t.org', 'al.org', scope.org)} AS _org,
  coalesce(t.year, ${monthYear}, ${scope.year === null ? 'NULL' : String(Math.trunc(scope.year))})::INTEGER AS _year
FROM (${typed}) t LEFT JOIN (${orgAliasSql}) al ON al.alias = t.org`
}

/**
 * Every way a file may name a known unit (its key, code or name) and the key it is stored under: joined on equality,
 * so that matching a province's rows against 10,000 units is a hash join, not a comparison of every pair.
 */
export const orgAliasSql = `SELECT alias, min(org) AS org FROM (
  SELECT org AS alias, org FROM orgs UNION ALL SELECT code, org FROM orgs WHERE code IS NOT NULL
  UNION ALL SELECT name, org FROM orgs) GROUP BY alias`

/** The unit a row belongs to: the scope's when it names none, the known unit it names, else a new unit by that name. */
const orgKeySql = (written: string, known: string, scopeOrg: string) =>
  `CASE WHEN ${written} IS NULL THEN ${literal(scopeOrg)} ELSE coalesce(${known}, ${written}) END`

/**
 * Rows that do not belong to the year they say or seem to: a 年度 that is no year; a 月份 outside the row's 年度; and,
 * without a 年度 column, the rows of a file whose months straddle years that are not in its main year (the year most
 * rows fall in), so that a stray `2025-01` never carries a 2024 file into another year.
 */
export function yearProblemsSql(view: string, dated: string | null, hasYear: boolean): string {
  const v = ident(view)
  const parts: string[] = []
  if (hasYear) {
    parts.push(`SELECT _line, 'year' AS key, 'year-range' AS rule, year__raw AS value, NULL::VARCHAR AS detail
FROM ${v} WHERE year IS NOT NULL AND NOT ${inYears('year')}`)
  }
  if (dated) {
    const y = ident(`${dated}_year`)
    const raw = ident(`${dated}__raw`)
    parts.push(
      hasYear
        ? `SELECT _line, ${literal(dated)} AS key, 'year-mismatch' AS rule, ${raw} AS value, CAST(year AS VARCHAR) AS detail
FROM ${v} WHERE ${inYears('year')} AND ${y} IS NOT NULL AND ${y} <> year`
        : `SELECT _line, ${literal(dated)} AS key, 'stray-year' AS rule, ${raw} AS value, CAST(m.y AS VARCHAR) AS detail
FROM ${v}, (SELECT ${y} AS y FROM ${v} WHERE ${y} IS NOT NULL GROUP BY ${y} ORDER BY count(*) DESC, ${y} DESC LIMIT 1) m
WHERE ${y} IS NOT NULL AND ${y} <> m.y`,
    )
  }
  return parts.join('\nUNION ALL\n')
}

/** Why a cell of each type does not read: the rule its sentence is chosen by (`i18n/describeUpload.ts`). */
const unreadRule = (type: StagedColumn['type'], raw: string): string => {
  switch (type) {
    case 'number':
      return numberRule(raw)
    case 'month':
      return `CASE WHEN ${yearOutOfRange(raw, MONTH_RE)} THEN 'month-range' ELSE 'month' END`
    case 'date':
      return `CASE WHEN ${yearOutOfRange(raw, DATE_RE)} THEN 'date-range' ELSE 'date' END`
    default:
      return literal(type)
  }
}

/** Cell-level problems: empty required cells, numbers and months that do not read, negative amounts. */
export function cellProblemsSql(typedView: string, columns: readonly StagedColumn[]): string {
  const checks: { key: string; rule: string; raw: string; where: string }[] = []
  for (const c of columns) {
    if (c.header === null) continue
    const raw = ident(`${c.key}__raw`)
    if (c.required) checks.push({ key: c.key, rule: "'required'", raw, where: blank(raw) })
    const parsed =
      c.type === 'month' || c.type === 'date' ? ident(`${c.key}_month`) : c.type === 'text' ? null : ident(c.key)
    if (parsed) checks.push({ key: c.key, rule: unreadRule(c.type, raw), raw, where: `NOT ${blank(raw)} AND ${parsed} IS NULL` })
    if (c.nonNegative) checks.push({ key: c.key, rule: "'negative'", raw, where: `${ident(c.key)} < 0` })
  }
  if (checks.length === 0) return ''
  // one pass over the rows: the few with any problem are picked out first, then each of their problems listed
  const found = checks.map(
    (k) => `CASE WHEN ${k.where} THEN {'key': ${literal(k.key)}, 'rule': ${k.rule}, 'value': ${k.raw}} END`,
  )
  return `SELECT _line, p."key" AS key, p.rule AS rule, p.value AS value, NULL::VARCHAR AS detail
FROM (SELECT _line, unnest([${found.join(',\n  ')}]) AS p
  FROM ${ident(typedView)} WHERE ${checks.map((k) => `(${k.where})`).join(' OR ')})
WHERE p IS NOT NULL`
}

/** Rows whose key repeats an earlier row of the same file (within the same unit and year: `_org`, `_year`). */
export function duplicateKeySql(typedView: string, keyColumns: readonly string[]): string {
  const all = ['_org', '_year', ...keyColumns].map(ident)
  const present = keyColumns.map((k) => `${ident(k)} IS NOT NULL`).join(' AND ')
  // a hash aggregate finds the few repeated keys; a window over every row sorted them all (seconds on 5 million rows)
  return `SELECT v._line, ${literal(keyColumns.join('+'))} AS key, 'duplicate' AS rule,
  concat_ws(', ', ${keyColumns.map((k) => `CAST(v.${ident(k)} AS VARCHAR)`).join(', ')}) AS value,
  CAST(d.first_line AS VARCHAR) AS detail
FROM ${ident(typedView)} v JOIN (SELECT ${all.join(', ')}, min(_line) AS first_line FROM ${ident(typedView)} WHERE ${present}
  GROUP BY ALL HAVING count(*) > 1) d ON ${all.map((k) => `v.${k} IS NOT DISTINCT FROM d.${k}`).join(' AND ')}
WHERE v._line <> d.first_line`
}

/** The headers of the ledger's columns (预算单位 when the ledger has one), and every header of its canonical CSV. */
export interface LedgerHeaders {
  date: string
  code: string
  amount: string
  org: string | null
  columns: readonly string[]
}

// Fast paths first (a plain cast reads `2024-03-15`, `2024/3/8` and `1305.07`), the regex forms only for the rest.
// CASE, not coalesce: coalesce evaluates every argument on every row, which made a million-row ledger 20× slower.
const firstOf = (...forms: string[]) =>
  `CASE ${forms.slice(0, -1).map((f) => `WHEN ${f} IS NOT NULL THEN ${f}`).join(' ')} ELSE ${forms.at(-1)} END`
const ledgerDate = (x: string) =>
  firstOf(
    `TRY_CAST(${x} AS DATE)`,
    `TRY_CAST(TRY_CAST(${x} AS TIMESTAMP) AS DATE)`,
    `TRY_CAST(printf('%04d-%02d-%02d', ${dateYear(x)}, ${dateMonth(x)}, ${dateDay(x)}) AS DATE)`,
  )
// 元 with at most 4 decimals, summed exactly as DECIMAL, so that 12,345.60 + 410,654.40 is 423,000.00 and not 422,999.99…
const ledgerAmount = (x: string) =>
  firstOf(`TRY_CAST(${x} AS DECIMAL(18, 4))`, `TRY_CAST(regexp_replace(trim(${x}), '[,，\\s]', '', 'g') AS DECIMAL(18, 4))`)

/** The ledger's cells, typed, wholly empty rows left out; with `_line` (the canonical CSV's `__row`) when `withLine`. */
function ledgerRowsSql(file: string, h: LedgerHeaders, withLine: boolean): string {
  const d = ident(h.date)
  const c = ident(h.code)
  const a = ident(h.amount)
  // The CSV reader reads an empty cell as NULL: the cheap test for Excel's trailing `,,,` rows.
  const org = h.org === null ? 'NULL::VARCHAR' : `NULLIF(trim(${ident(h.org)}), '')`
  return `SELECT * REPLACE (CASE WHEN date BETWEEN DATE '${FIRST_YEAR}-01-01' AND DATE '${LAST_YEAR}-12-31' THEN date END AS date)
  FROM (SELECT ${withLine ? 'CAST(__row AS INTEGER) AS _line, ' : ''}${firstOf(`CASE WHEN ${c} NOT LIKE ' %' AND ${c} NOT LIKE '% ' THEN ${c} END`, `NULLIF(trim(${c}), '')`)} AS code,
    ${org} AS org,
    ${d} AS date__raw, ${a} AS amount__raw, ${ledgerDate(d)} AS date, ${ledgerAmount(a)} AS amount
  FROM ${readCanonicalCsvSql(file, h.columns)}
  WHERE ${d} IS NOT NULL OR ${c} IS NOT NULL OR ${a} IS NOT NULL)`
}

/**
 * One pass over a payment ledger straight from the CSV reader (no staging table: a five-million-row file must fit):
 * totals by project and month in 元, with how many rows had an unreadable date, code or amount.
 */
export function ledgerAggregateSql(table: string, file: string, h: LedgerHeaders, scopeOrg: string): string {
  return `CREATE OR REPLACE TABLE ${ident(table)} AS
SELECT ${orgKeySql('t.org', 'al.org', scopeOrg)} AS org, t.* EXCLUDE (org)
FROM (
  SELECT org, code, year(date)::INTEGER AS year, month(date)::INTEGER AS month,
    sum(amount) AS amount_yuan, count(*)::INTEGER AS row_count, (count(*) - count(amount))::INTEGER AS bad_amounts
  FROM (${ledgerRowsSql(file, h, false)})
  GROUP BY ALL) t LEFT JOIN (${orgAliasSql}) al ON al.alias = t.org`
}

/** The ledger's problem rows, numbered as Excel numbers them (columns _line, key, rule, value, detail). */
export function ledgerProblemsSql(file: string, h: LedgerHeaders, projectCodes: string, scopeOrg: string): string {
  return `WITH r AS (SELECT l.*, ${orgKeySql('l.org', 'al.org', scopeOrg)} AS _org, year(l.date)::INTEGER AS _year
    FROM (${ledgerRowsSql(file, h, true)}) l LEFT JOIN (${orgAliasSql}) al ON al.alias = l.org)
SELECT _line, 'code' AS key, 'required' AS rule, NULL::VARCHAR AS value, NULL::VARCHAR AS detail FROM r WHERE code IS NULL
UNION ALL SELECT _line, 'code', 'unknown-project', code, NULL FROM r v WHERE code IS NOT NULL AND _year IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM (${projectCodes}) k WHERE k.org = v._org AND k.year = v._year AND k.k = v.code)
UNION ALL SELECT _line, 'date', CASE WHEN ${blank('date__raw')} THEN 'required' ELSE ${unreadRule('date', 'date__raw')} END, date__raw, NULL
  FROM r WHERE date IS NULL
UNION ALL SELECT _line, 'amount', CASE WHEN ${blank('amount__raw')} THEN 'required' ELSE ${unreadRule('number', 'amount__raw')} END, amount__raw, NULL
  FROM r WHERE amount IS NULL`
}
