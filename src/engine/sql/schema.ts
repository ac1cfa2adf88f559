import { UNIT_FACTORS } from '@/domain/units'
import { ident, literal } from './quote'

/**
 * The stored dataset: one table per file kind of docs/formats.md (the ledger is aggregated into `spending`). Every
 * row belongs to a 单位 (`org`) and a 年度 (`year`), and both lead every key (engine/sql/batch.ts TABLE_KEYS): the
 * same 指标编码 or 项目编码 in two years or two units is two different things. The keys are kept by the code that
 * writes (a file's own duplicates are refused; an upsert deletes the keys it writes first), not by PRIMARY KEY
 * constraints: their index made a province's 5 million actuals take minutes to load.
 */
export function createStoreSchemaSql(): string {
  const tables = Object.entries(STORE_COLUMNS).map(
    ([table, columns]) =>
      `CREATE OR REPLACE TABLE ${table} (\n  ${columns.map(([name, type, rule]) => `${ident(name)} ${type}${rule ? ` ${rule}` : ''}`).join(', ')});`,
  )
  return `
${tables.join('\n')}
CREATE OR REPLACE TABLE units (unit VARCHAR PRIMARY KEY, family VARCHAR, factor DOUBLE);
INSERT INTO units VALUES ${UNIT_FACTORS.map((u) => `(${literal(u.unit)}, ${literal(u.family)}, ${u.factor})`).join(', ')};
`
}

type Column = readonly [name: string, type: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN', rule?: 'NOT NULL' | 'PRIMARY KEY']

/** The store's tables and their columns, in order: the schema, and the types a table's CSV is read back with. */
export const STORE_COLUMNS = {
  orgs: [['org', 'VARCHAR', 'PRIMARY KEY'], ['name', 'VARCHAR', 'NOT NULL'], ['code', 'VARCHAR'], ['department', 'VARCHAR'], ['ord', 'INTEGER']],
  indicators: [
    ['org', 'VARCHAR', 'NOT NULL'], ['year', 'INTEGER', 'NOT NULL'], ['id', 'VARCHAR', 'NOT NULL'], ['scope', 'VARCHAR', 'NOT NULL'],
    ['group', 'VARCHAR'], ['level1', 'VARCHAR'], ['level2', 'VARCHAR'], ['name', 'VARCHAR', 'NOT NULL'], ['target', 'VARCHAR', 'NOT NULL'],
    ['unit', 'VARCHAR'], ['direction', 'VARCHAR'], ['measure', 'VARCHAR'], ['weight', 'DOUBLE'], ['basis', 'VARCHAR'],
    ['last_year', 'DOUBLE'], ['history', 'DOUBLE'], ['ord', 'INTEGER'],
  ],
  indicator_targets: [
    ['org', 'VARCHAR', 'NOT NULL'], ['year', 'INTEGER', 'NOT NULL'], ['id', 'VARCHAR', 'NOT NULL'], ['direction', 'VARCHAR', 'NOT NULL'],
    ['target_value', 'DOUBLE'], ['target_unit', 'VARCHAR'], ['qualitative', 'BOOLEAN', 'NOT NULL'], ['measure', 'VARCHAR', 'NOT NULL'],
  ],
  projects: [
    ['org', 'VARCHAR', 'NOT NULL'], ['year', 'INTEGER', 'NOT NULL'], ['code', 'VARCHAR', 'NOT NULL'], ['name', 'VARCHAR', 'NOT NULL'],
    ['department', 'VARCHAR'], ['unit_name', 'VARCHAR'], ['budget', 'DOUBLE', 'NOT NULL'], ['adjusted_budget', 'DOUBLE'], ['fiscal', 'DOUBLE'],
    ['other', 'DOUBLE'], ['purpose', 'VARCHAR'], ['goal', 'VARCHAR'], ['ord', 'INTEGER'],
  ],
  spending_plan: [
    ['org', 'VARCHAR', 'NOT NULL'], ['year', 'INTEGER', 'NOT NULL'], ['code', 'VARCHAR', 'NOT NULL'], ['month', 'INTEGER', 'NOT NULL'],
    ['share', 'DOUBLE'],
  ],
  actuals: [
    ['org', 'VARCHAR', 'NOT NULL'], ['year', 'INTEGER', 'NOT NULL'], ['id', 'VARCHAR', 'NOT NULL'], ['month', 'INTEGER', 'NOT NULL'],
    ['value', 'DOUBLE'], ['unit', 'VARCHAR'], ['basis', 'VARCHAR'], ['status', 'VARCHAR'], ['note', 'VARCHAR'],
  ],
  spending: [
    ['org', 'VARCHAR', 'NOT NULL'], ['year', 'INTEGER', 'NOT NULL'], ['code', 'VARCHAR', 'NOT NULL'], ['month', 'INTEGER', 'NOT NULL'],
    ['amount', 'DOUBLE'],
  ],
  indicator_links: [['org', 'VARCHAR', 'NOT NULL'], ['year', 'INTEGER', 'NOT NULL'], ['id', 'VARCHAR', 'NOT NULL'], ['last_year_id', 'VARCHAR']],
} as const satisfies Record<string, readonly Column[]>
