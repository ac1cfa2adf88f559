import { UNIT_FACTORS } from '@/domain/units'
import { literal } from './quote'

/** The stored dataset: one table per file kind of docs/formats.md (the ledger is aggregated into `spending`). */
export function createStoreSchemaSql(): string {
  return `
CREATE OR REPLACE TABLE indicators (
  id VARCHAR PRIMARY KEY, scope VARCHAR NOT NULL, "group" VARCHAR, level1 VARCHAR, level2 VARCHAR,
  name VARCHAR NOT NULL, target VARCHAR NOT NULL, unit VARCHAR, direction VARCHAR, measure VARCHAR,
  weight DOUBLE, basis VARCHAR, ord INTEGER);
CREATE OR REPLACE TABLE indicator_targets (
  id VARCHAR PRIMARY KEY, direction VARCHAR NOT NULL, target_value DOUBLE, target_unit VARCHAR,
  qualitative BOOLEAN NOT NULL, measure VARCHAR NOT NULL);
CREATE OR REPLACE TABLE projects (
  code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, department VARCHAR, unit_name VARCHAR, budget DOUBLE NOT NULL,
  adjusted_budget DOUBLE, fiscal DOUBLE, other DOUBLE, purpose VARCHAR, goal VARCHAR, ord INTEGER);
CREATE OR REPLACE TABLE spending_plan (code VARCHAR, month INTEGER, share DOUBLE, PRIMARY KEY (code, month));
CREATE OR REPLACE TABLE actuals (
  id VARCHAR, year INTEGER, month INTEGER, value DOUBLE, unit VARCHAR, basis VARCHAR, status VARCHAR, note VARCHAR,
  PRIMARY KEY (id, year, month));
CREATE OR REPLACE TABLE spending (code VARCHAR, year INTEGER, month INTEGER, amount DOUBLE, PRIMARY KEY (code, year, month));
CREATE OR REPLACE TABLE units (unit VARCHAR PRIMARY KEY, family VARCHAR, factor DOUBLE);
INSERT INTO units VALUES ${UNIT_FACTORS.map((u) => `(${literal(u.unit)}, ${literal(u.family)}, ${u.factor})`).join(', ')};
`
}
