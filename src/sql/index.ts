// The public API of 'acuspine/sql': re-exports only. A separate entry point: it writes SQL text
// and runs nothing, so it needs no driver, and apps that never write SQL never load it.

/**
 * Screening where the data lives: a rule set compiled to one read-only SQL query per engine
 * (DuckDB, PostgreSQL, SQLite, Spark, BigQuery, Trino, SQL Server), with the same answers as
 * `screen`, and cohort summaries as one aggregate query whose rows become the summary that
 * `summarizeCohort` gives.
 *
 * @groupDescription SQL
 * The query writers, their options and what they return.
 *
 * @module acuspine/sql
 */

export {
  type CohortSummarySqlOptions,
  cohortSummarySql,
  type SummaryFromSqlRowsOptions,
  summaryFromSqlRows,
} from './cohort-summary-sql.js';
export { conformanceSql } from './conformance-sql.js';
export { type SqlDialect, sqlDialects } from './dialects.js';
export {
  type OmopClosedWorld,
  type OmopFactsQuery,
  type OmopFactsSqlOptions,
  type OmopIndexTable,
  omopFactsSql,
} from './omop-facts-sql.js';
export { screeningSql } from './screening-sql.js';
export type {
  ScreeningSqlOptions,
  SqlAgeSource,
  SqlBirthDate,
  SqlBooleanColumn,
  SqlCodesColumn,
  SqlColumn,
  SqlFactMapping,
  SqlFactSource,
  SqlFrom,
  SqlQuery,
  SqlRelation,
  SqlYearsColumn,
  SqlZeroOneColumn,
  TrustedSql,
} from './sql-options.js';
