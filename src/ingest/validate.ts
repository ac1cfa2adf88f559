import { DEPARTMENT_SCOPE } from '@/domain/indicator'
import type { QueryEngine } from '@/engine/QueryEngine'
import { FIRST_YEAR, LAST_YEAR, unitExpr } from '@/engine/sql/ingest'
import { ident, literal } from '@/engine/sql/quote'
import { collectProblems, NO_SCOPE, type StagedFile, type UploadScope } from './stageFile'

/**
 * Where the file's rows go when it does not say (`scope`), and other files of the same upload, so that new projects
 * and indicators can be referenced before they are stored.
 */
export interface UploadContext {
  scope: UploadScope
  indicatorViews: string[]
  projectViews: string[]
}

export const noContext = (scope: UploadScope = NO_SCOPE): UploadContext => ({ scope, indicatorViews: [], projectViews: [] })

/** Codes known to the store or to other files of the same upload, with their unit and year (org, year, k). */
export const knownCodesSql = (table: string, column: string, views: string[]) =>
  [`SELECT org, year, ${column} AS k FROM ${table}`, ...views.map((v) => `SELECT org, year, ${column} AS k FROM ${ident(v)}`)].join(
    ' UNION ',
  )

/** A row of no real year has its own sentence: no code of it is called unknown as well. */
const REAL_YEAR = `v._year BETWEEN ${FIRST_YEAR} AND ${LAST_YEAR}`
const notKnownIn = (known: string, code: string, year: string) =>
  `NOT EXISTS (SELECT 1 FROM (${known}) k WHERE k.org = v._org AND k.year = ${year} AND k.k = ${code})`

/** `code` is not among the known codes of the row's own unit and year. */
const unknownIn = (known: string, code: string) => `${REAL_YEAR} AND ${notKnownIn(known, code, 'v._year')}`

/**
 * Actuals whose 指标编码 is unknown. An actual of a year whose 指标 are not loaded yet (the year turns on 1 January,
 * its targets come later; docs/rules.md "Across years") is checked against the codes the unit reported under the year
 * before; once the year has any 指标, against its own. Joins, not a subquery per row: a province sends 5 million
 * actuals at once.
 */
const unknownActualsSql = (view: string, known: string) =>
  `SELECT v._line, 'id' AS key, 'unknown-id' AS rule, v.id AS value, NULL::VARCHAR AS detail
FROM ${ident(view)} v
LEFT JOIN (SELECT DISTINCT org, year FROM (${known})) ky ON ky.org = v._org AND ky.year = v._year
LEFT JOIN (${known}) k ON k.org = v._org AND k.k = v.id AND k.year = CASE WHEN ky.org IS NULL THEN v._year - 1 ELSE v._year END
WHERE v.id IS NOT NULL AND ${REAL_YEAR} AND k.k IS NULL`

/** The row's indicator in the store: same unit, year and 指标编码. */
const sameIndicator = (t: string) => `${t}.org = v._org AND ${t}.year = v._year AND ${t}.id = v.id`

const problem = (view: string, key: string, rule: string, value: string, where: string, detail = 'NULL::VARCHAR') =>
  `SELECT _line, ${literal(key)} AS key, ${literal(rule)} AS rule, ${value} AS value, ${detail} AS detail FROM ${ident(view)} v WHERE ${where}`

/** The checks that look beyond one row: unknown codes, units that cannot be converted, words outside a list. */
export function referenceProblemsSql(staged: StagedFile, context: UploadContext): string {
  const v = staged.view
  const indicatorIds = knownCodesSql('indicators', 'id', context.indicatorViews)
  const projectCodes = knownCodesSql('projects', 'code', context.projectViews)
  switch (staged.spec?.kind) {
    case 'actuals':
      return [
        unknownActualsSql(v, indicatorIds),
        problem(v, 'basis', 'basis', 'v.basis', `v.basis IS NOT NULL AND v.basis NOT IN ('累计', '当月')`),
        problem(v, 'status', 'status', 'v.status', `v.status IS NOT NULL AND v.status NOT IN ('达成', '部分达成', '未达成')`),
        `SELECT v._line, 'unit' AS key, 'unit-mismatch' AS rule, v.unit AS value,
           concat_ws('|', t.id, i.name, t.target_unit) AS detail
         FROM ${ident(v)} v JOIN indicator_targets t ON ${sameIndicator('t')} JOIN indicators i ON ${sameIndicator('i')}
         LEFT JOIN units uf ON uf.unit = ${unitExpr('v.unit')} LEFT JOIN units ut ON ut.unit = t.target_unit
         WHERE v.unit IS NOT NULL AND ${unitExpr('v.unit')} IS DISTINCT FROM t.target_unit
           AND (uf.family IS NULL OR ut.family IS NULL OR uf.family <> ut.family)`,
        `SELECT v._line, 'value' AS key, 'value-missing' AS rule, NULL AS value, NULL AS detail
         FROM ${ident(v)} v JOIN indicator_targets t ON ${sameIndicator('t')}
         WHERE NOT t.qualitative AND v.value__raw IS NULL AND v.status IS NULL`,
        `SELECT v._line, 'status' AS key, 'status-missing' AS rule, NULL AS value, NULL AS detail
         FROM ${ident(v)} v JOIN indicator_targets t ON ${sameIndicator('t')}
         WHERE t.qualitative AND v.status IS NULL AND v.value__raw IS NULL`,
      ].join('\nUNION ALL\n')
    case 'spending':
    case 'ledger':
    case 'spending_plan':
      return [
        problem(v, 'code', 'unknown-project', 'v.code', `v.code IS NOT NULL AND ${unknownIn(projectCodes, 'v.code')}`),
        ...(staged.spec.kind === 'spending_plan'
          ? [problem(v, 'month', 'plan-month', 'v.month__raw', 'v.month IS NOT NULL AND v.month NOT BETWEEN 1 AND 12')]
          : []),
      ].join('\nUNION ALL\n')
    case 'indicators':
      return [
        problem(v, 'scope', 'unknown-scope', 'v.scope', `v.scope IS NOT NULL AND v.scope <> ${literal(DEPARTMENT_SCOPE)} AND ${unknownIn(projectCodes, 'v.scope')}`),
        problem(v, 'direction', 'direction', 'v.direction',
          `v.direction IS NOT NULL AND v.direction NOT IN ('≥', '≤', '=', '定性', '>=', '<=', '正向', '反向', '＝')`),
        problem(v, 'measure', 'measure', 'v.measure', `v.measure IS NOT NULL AND v.measure NOT IN ('累计', '时点')`),
      ].join('\nUNION ALL\n')
    case 'links':
      return [
        problem(v, 'id', 'unknown-id', 'v.id', `v.id IS NOT NULL AND ${unknownIn(indicatorIds, 'v.id')}`),
        problem(v, 'last_year_id', 'unknown-last-year-id', 'v.last_year_id',
          `v.last_year_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (${indicatorIds}) k
             WHERE k.org = v._org AND k.year = v._year - 1 AND k.k = v.last_year_id)`),
      ].join('\nUNION ALL\n')
    default:
      return ''
  }
}

export async function checkReferences(engine: QueryEngine, staged: StagedFile, context: UploadContext): Promise<void> {
  if (!staged.spec || staged.fileProblems.length) return
  await collectProblems(engine, staged, referenceProblemsSql(staged, context))
}
