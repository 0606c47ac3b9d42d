// The options of acuspine/sql, as types. The functions read them as untrusted data too (a
// researcher's script may build them from a configuration file), so every field is checked.
import type { BooleanFactName } from '../facts/patient-facts.js';
import type { RuleSet } from '../screening/rule.js';
import type { SqlDialect } from './dialects.js';

/** SQL that the caller writes and trusts, such as a relation or an expression. */
export interface TrustedSql {
  /** The SQL text: one relation or expression, without a semicolon. */
  readonly sql: string;
}

/**
 * A relation written as SQL that the caller trusts, optionally with the common table expressions
 * it reads, such as the relation that `omopFactsSql` gives.
 */
export interface SqlRelation extends TrustedSql {
  /**
   * Common table expressions that `sql` reads, without the `WITH` (`name AS (SELECT ...), ...`):
   * written first in the query's own `WITH`, so that they work on every engine, SQL Server
   * included, which reads no `WITH` inside a subquery. Their names must not start with
   * `acuspine_` unless they come from acuspine.
   */
  readonly with?: string;
}

/**
 * The relation to screen: a table name (letters, digits and `_`, optionally `schema.table` or
 * `catalog.schema.table`; validated and quoted for the dialect), or {@link SqlRelation}: one
 * relation such as DuckDB's `read_parquet('cohort.parquet')` or a subquery in parentheses.
 * Nothing from a record is ever written into the query.
 */
export type SqlFrom = string | SqlRelation;

/** A column, named by letters, digits and `_`. */
export interface SqlColumn {
  /** The column's name in `from`. */
  readonly column: string;
}

/**
 * A boolean fact in a boolean column: NULL not recorded. In SQLite and SQL Server, which have no
 * boolean type, 1 and 0 (SQLite's TRUE and FALSE, SQL Server's bit); any other value is invalid.
 */
export interface SqlBooleanColumn extends SqlColumn {
  /** How the column holds the fact; `'boolean'` when left out. */
  readonly as?: 'boolean';
}

/** A boolean fact in a number column: 1 yes, 0 no, NULL not recorded; any other number is invalid. */
export interface SqlZeroOneColumn extends SqlColumn {
  /** How the column holds the fact. */
  readonly as: 'zero-one';
}

/** A boolean fact in a text column of codes: NULL not recorded; a code on neither list is invalid. */
export interface SqlCodesColumn extends SqlColumn {
  /** How the column holds the fact. */
  readonly as: 'codes';
  /** The codes that mean yes: at least one. */
  readonly yes: readonly string[];
  /** The codes that mean no: at least one, none of them also under `yes`. */
  readonly no: readonly string[];
}

/** Where a boolean fact is in each row. NULL is always "not recorded", never "no". */
export type SqlFactSource = SqlBooleanColumn | SqlZeroOneColumn | SqlCodesColumn;

/** The age as a number of years: NULL not recorded; a value outside [0, 150) is invalid. */
export interface SqlYearsColumn extends SqlColumn {
  /** How the column holds the age; `'years'` when left out. */
  readonly as?: 'years';
}

/**
 * The age as the completed years from a birth date to an index date, counted as `ageOn` counts
 * them (a birthday on 29 February is reached on 1 March in other years). A birth date after the
 * index date, or an age of 150 or more, is invalid; a NULL date leaves the age not recorded.
 */
export interface SqlBirthDate {
  /** The column of birth dates (a DATE column; in SQLite, text `YYYY-MM-DD`). */
  readonly birthDate: string;
  /** The index date: one date for every row, `YYYY-MM-DD`, or a column of dates. */
  readonly indexDate: string | SqlColumn;
}

/** Where the age is. */
export type SqlAgeSource = SqlYearsColumn | SqlBirthDate;

/**
 * For each fact the rule set reads, where it is. A fact left out is read from a column of its own
 * name: a boolean column, or for the age a number of years.
 */
export type SqlFactMapping<Fact extends string = never> = {
  readonly [F in Exclude<BooleanFactName, 'ageYears'> | Fact]?: SqlFactSource;
} & {
  /** Where the age is. */
  readonly ageYears?: SqlAgeSource;
};

/** The options of `screeningSql`. */
export interface ScreeningSqlOptions<Id extends string = string, Fact extends string = never> {
  /** The engine the query is written for. */
  readonly dialect: SqlDialect;
  /** The relation whose rows are the records. */
  readonly from: SqlFrom;
  /** The rule set to screen with; default the protocol's. */
  readonly ruleSet?: RuleSet<Id, Fact>;
  /** Where each fact is. */
  readonly facts?: SqlFactMapping<NoInfer<Fact>>;
  /** Columns of `from` to carry through to the output, such as an id. */
  readonly keep?: readonly string[];
}

/** A query, and the names of the columns it returns, in order. */
export interface SqlQuery {
  /** One read-only SELECT, with common table expressions. */
  readonly sql: string;
  /** The names of its columns, in order. */
  readonly columns: readonly string[];
}
