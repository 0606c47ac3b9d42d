// What differs between the SQL engines that acuspine/sql writes for. Everything else in the
// queries is written once, in the SQL that every one of them reads alike: CASE with two-valued
// conditions over small integer codes, comparisons, COUNT, string concatenation.

/** The SQL engines a query can be written for. */
export type SqlDialect = 'duckdb' | 'postgres' | 'sqlite' | 'spark' | 'bigquery' | 'trino' | 'tsql';

/** Every dialect, in a stable order. */
export const sqlDialects: readonly SqlDialect[] = /* @__PURE__ */ Object.freeze([
  'duckdb',
  'postgres',
  'sqlite',
  'spark',
  'bigquery',
  'trino',
  'tsql',
]);

/** How one engine spells the few things the queries need that SQL engines spell differently. */
export interface Dialect {
  /** A quoted identifier; the name is already checked to be a plain word. */
  readonly quote: (name: string) => string;
  /** A string literal of text already checked to hold no control character. */
  readonly text: (value: string) => string;
  /** The state code of a boolean column: 0 missing, 1 false, 2 true, 3 a value that is neither. */
  readonly booleanCode: (column: string) => string;
  /** The completed years of a number of years already known to lie in [0, 150). */
  readonly wholeYears: (years: string) => string;
  /** Year, month and day of a date. */
  readonly part: (unit: 'YEAR' | 'MONTH' | 'DAY', date: string) => string;
  /** A date literal, from a checked YYYY-MM-DD. */
  readonly date: (isoDate: string) => string;
  /** Concatenation of text expressions that are never NULL. */
  readonly concat: (parts: readonly string[]) => string;
  /** The text after its first character. */
  readonly rest: (text: string) => string;
  /** A value as text, for a group key. */
  readonly asText: (value: string) => string;
  /** The date a whole number of days (at least 0) before a date. */
  readonly daysBefore: (date: string, days: number) => string;
  /** The remainder of an integer division of integers at least 0. */
  readonly mod: (dividend: string, divisor: number) => string;
  /** The first `length` characters of a text. */
  readonly prefix: (text: string, length: number) => string;
  /** The number of characters of a text. */
  readonly length: (text: string) => string;
  /** A boolean literal, as the engine stores booleans (SQLite 1 and 0, SQL Server a bit). */
  readonly boolean: (value: boolean) => string;
  /** The names of the types that the conformance query's test vectors are cast to. */
  readonly types: {
    readonly boolean: string;
    readonly integer: string;
    readonly double: string;
    readonly text: string;
    readonly date: string;
  };
}

const doubleQuoted = (name: string): string => `"${name}"`;
const backquoted = (name: string): string => `\`${name}\``;

/** The SQL standard's literal: a quote is written twice, and nothing else is special. */
const standardText = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/**
 * Spark and BigQuery read backslash escapes in literals, and BigQuery no doubled quote: every
 * character that is not plainly safe is written as a \uXXXX escape, which both read alike.
 */
const escapedText = (value: string): string =>
  `'${value.replace(/[^A-Za-z0-9 ._:,-]/g, (char) => `\\u${(char.charCodeAt(0) as number).toString(16).padStart(4, '0')}`)}'`;

/** Where booleans are a type of their own: NULL is missing, and the type admits nothing else. */
const typedBooleanCode = (column: string): string =>
  `CASE WHEN ${column} IS NULL THEN 0 WHEN ${column} THEN 2 ELSE 1 END`;

/** Where booleans are numbers (SQLite's TRUE is 1, SQL Server's bit is 0 or 1): anything else is invalid. */
const numericBooleanCode = (column: string): string =>
  `CASE WHEN ${column} IS NULL THEN 0 WHEN ${column} = 1 THEN 2 WHEN ${column} = 0 THEN 1 ELSE 3 END`;

const extracted = (unit: string, date: string): string => `EXTRACT(${unit} FROM ${date})`;
const pipes = (parts: readonly string[]): string => parts.join(' || ');

/**
 * A dialect from what it spells apart from the common spelling: double-quoted names, literals with
 * a doubled quote, a boolean type, FLOOR, EXTRACT, `DATE '...'`, `||`, SUBSTR, and a cast to its
 * text type for a group key.
 */
function dialect(types: Dialect['types'], own: Partial<Omit<Dialect, 'types'>> = {}): Dialect {
  return {
    quote: doubleQuoted,
    text: standardText,
    booleanCode: typedBooleanCode,
    // CAST rounds in DuckDB and PostgreSQL: FLOOR gives completed years.
    wholeYears: (years) => `FLOOR(${years})`,
    part: extracted,
    date: (isoDate) => `DATE '${isoDate}'`,
    concat: pipes,
    rest: (text) => `SUBSTR(${text}, 2)`,
    asText: (value) => `CAST(${value} AS ${types.text})`,
    // DATE - INTEGER is a DATE in DuckDB and PostgreSQL.
    daysBefore: (date, days) => `(${date} - ${days})`,
    mod: (dividend, divisor) => `(${dividend} % ${divisor})`,
    prefix: (text, length) => `SUBSTR(${text}, 1, ${length})`,
    length: (text) => `LENGTH(${text})`,
    boolean: (value) => (value ? 'TRUE' : 'FALSE'),
    types,
    ...own,
  };
}

export const dialects: Readonly<Record<SqlDialect, Dialect>> = /* @__PURE__ */ Object.freeze({
  duckdb: dialect({ boolean: 'BOOLEAN', integer: 'INTEGER', double: 'DOUBLE', text: 'VARCHAR', date: 'DATE' }),
  postgres: dialect(
    { boolean: 'BOOLEAN', integer: 'INTEGER', double: 'DOUBLE PRECISION', text: 'TEXT', date: 'DATE' },
    // An E'' literal reads the same whatever standard_conforming_strings says.
    { text: (value) => `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'` },
  ),
  sqlite: dialect(
    { boolean: 'INTEGER', integer: 'INTEGER', double: 'REAL', text: 'TEXT', date: 'TEXT' },
    {
      booleanCode: numericBooleanCode,
      // SQLite's FLOOR needs its math functions compiled in; a cast truncates, which for a
      // number of years at least 0 is the same.
      wholeYears: (years) => `CAST(${years} AS INTEGER)`,
      part: (unit, date) =>
        `CAST(strftime('${unit === 'YEAR' ? '%Y' : unit === 'MONTH' ? '%m' : '%d'}', ${date}) AS INTEGER)`,
      date: (isoDate) => `'${isoDate}'`,
      daysBefore: (date, days) => `date(${date}, '-${days} days')`,
      boolean: (value) => (value ? '1' : '0'),
    },
  ),
  spark: dialect(
    { boolean: 'BOOLEAN', integer: 'INT', double: 'DOUBLE', text: 'STRING', date: 'DATE' },
    { quote: backquoted, text: escapedText, daysBefore: (date, days) => `date_sub(${date}, ${days})` },
  ),
  bigquery: dialect(
    { boolean: 'BOOL', integer: 'INT64', double: 'FLOAT64', text: 'STRING', date: 'DATE' },
    {
      quote: backquoted,
      text: escapedText,
      daysBefore: (date, days) => `DATE_SUB(${date}, INTERVAL ${days} DAY)`,
      mod: (dividend, divisor) => `MOD(${dividend}, ${divisor})`,
    },
  ),
  trino: dialect(
    { boolean: 'BOOLEAN', integer: 'INTEGER', double: 'DOUBLE', text: 'VARCHAR', date: 'DATE' },
    { daysBefore: (date, days) => `date_add('day', -${days}, ${date})` },
  ),
  tsql: dialect(
    { boolean: 'BIT', integer: 'INT', double: 'FLOAT', text: 'NVARCHAR(100)', date: 'DATE' },
    {
      quote: (name) => `[${name}]`,
      text: (value) => `N${standardText(value)}`,
      booleanCode: numericBooleanCode,
      part: (unit, date) => `DATEPART(${unit}, ${date})`,
      date: (isoDate) => `CAST('${isoDate}' AS DATE)`,
      concat: (parts) => parts.join(' + '),
      rest: (text) => `SUBSTRING(${text}, 2, 4000)`,
      asText: (value) => `CAST(${value} AS NVARCHAR(4000))`,
      daysBefore: (date, days) => `DATEADD(day, -${days}, ${date})`,
      prefix: (text, length) => `SUBSTRING(${text}, 1, ${length})`,
      length: (text) => `LEN(${text})`,
      boolean: (value) => `CAST(${value ? 1 : 0} AS BIT)`,
    },
  ),
});
