// The queries of every dialect, read by node-sql-parser in the nearest grammar it has. For the
// engines that no test here runs (Spark, BigQuery, Trino, SQL Server) this is the check, beside
// the golden files that pin their text, that each query is one read-only SELECT that a parser of
// the engine's family reads; for the engines run here (DuckDB, SQLite, PostgreSQL) it is extra
// evidence, on the two queries of the golden files.
//
// A parser has gaps. Where a grammar cannot read a construct that the engine's own documentation
// allows, the construct is listed below with that evidence, and the test shows that the query
// fails exactly at that construct and parses once the construct is respelt in an equivalent way
// that the grammar reads. The SQL is never changed to please a parser. When node-sql-parser learns
// a construct, its test fails ("a listed gap is gone"): remove the gap then.
//
// Grammars: node-sql-parser 5.4.0 has no Spark grammar (taozhi8833998/node-sql-parser#1814,
// #2676), so Spark is read with Hive's, the nearest: Spark SQL grew from HiveQL (backquoted names,
// backslash escapes in literals). Nor a DuckDB grammar: DuckDB is read with PostgreSQL's, whose
// syntax it follows. The others have their own: bigquery, trino, transactsql, postgresql, sqlite.
//
// Parsing is slow (a PEG parser: 0.1 to 0.8 s a query of 11 to 66 kB). The file takes 8 to 10 s
// of CPU, nearly all of it parsing (measured at a 1-minute load of 4 to 6 on 2 cores; the OMOP
// query, 55 kB, adds about a second a dialect), so the
// mutation runs leave it out (vitest.config.ts): it would add seconds to every mutant of src/sql,
// and a change of the SQL's text is caught by the golden files, of its answers by the engines' tests.
import nodeSqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { cautionRuleSet, extendProtocol, redFlagRuleSet } from '../../src/index.js';
import {
  cohortSummarySql,
  conformanceSql,
  omopFactsSql,
  type SqlDialect,
  screeningSql,
  sqlDialects,
} from '../../src/sql/index.js';

// A CommonJS package whose exports Node cannot name statically: its default import is module.exports.
const parser = new nodeSqlParser.Parser();

/** A construct that the engine reads and the grammar does not. */
interface ParserGap {
  readonly name: string;
  /** The construct as the queries spell it (a global pattern). */
  readonly construct: RegExp;
  /** The text with every occurrence spelt in a way that the grammar reads and that means the same. */
  readonly respell: (sql: string) => string;
}

/**
 * Hive's grammar has no EXTRACT (pegjs/hive.pegjs of 5.4.0 has no such keyword). Spark reads it:
 * `EXTRACT LEFT_PAREN field=identifier FROM source=valueExpression RIGHT_PAREN` in Spark's
 * SqlBaseParser.g4, and https://spark.apache.org/docs/latest/api/sql/#extract. Spark's year(),
 * month() and day() give the same numbers.
 */
const hiveExtract: ParserGap = {
  name: 'EXTRACT(unit FROM date)',
  construct: /EXTRACT\((?:YEAR|MONTH|DAY) FROM /g,
  respell: (sql) => sql.replace(/EXTRACT\((YEAR|MONTH|DAY) FROM /g, '$1('),
};

/**
 * Hive's grammar reads VALUES only in an INSERT: its table_base is a name or a SELECT in
 * parentheses (pegjs/hive.pegjs of 5.4.0). Spark reads an inline table as a query, so in
 * parentheses with an alias and column names: `queryPrimary: ... | inlineTable`,
 * `relationPrimary: ... | LEFT_PAREN query RIGHT_PAREN sample? tableAlias` and
 * `tableAlias: (AS? strictIdentifier identifierList?)?` in SqlBaseParser.g4; see
 * https://spark.apache.org/docs/latest/sql-ref-syntax-qry-select-inline-table.html. Respelt: the
 * same rows as SELECTs joined by UNION ALL (without the alias's column names, which a parser does
 * not resolve).
 */
const hiveInlineTable: ParserGap = {
  name: '(VALUES (...), ...) AS name(columns)',
  construct: /\(VALUES \(/g,
  respell: (sql) =>
    sql.replace(
      /\(VALUES \(([\s\S]*?)\)\) AS (\w+)\([^)]*\)/g,
      (_, rows: string, name: string) => `(SELECT ${rows.replaceAll('),\n(', '\nUNION ALL SELECT ')}) AS ${name}`,
    ),
};

/**
 * Hive's grammar has no BOOLEAN type: its data_type is a character, numeric, date and time, JSON
 * or text type (pegjs/hive.pegjs of 5.4.0). BOOLEAN is Spark's boolean type (`type: BOOLEAN | ...`
 * in SqlBaseParser.g4; https://spark.apache.org/docs/latest/sql-ref-datatypes.html), and Hive's.
 * The conformance query casts only the literals TRUE, FALSE and NULL to it; respelt, the literals
 * alone (the same values; the NULL loses its type, which a parser does not check).
 */
const hiveBooleanType: ParserGap = {
  name: 'CAST(literal AS BOOLEAN)',
  construct: /CAST\((?:TRUE|FALSE|NULL) AS BOOLEAN\)/g,
  respell: (sql) => sql.replace(/CAST\((TRUE|FALSE|NULL) AS BOOLEAN\)/g, '$1'),
};

/**
 * PostgreSQL's grammar reads an E'...' literal as a select item only without an alias: the first
 * alternative of column_list_item in pegjs/postgresql.pegjs (5.4.0, and still on its main branch)
 * is `c:string_constants_escape { return { expr: c, as: null } }`, and a PEG choice is final, so
 * `E'...' AS "name"` fails at AS. PostgreSQL reads it (String Constants With C-Style Escapes,
 * https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-STRINGS-ESCAPE), and
 * the tests here run it. Respelt: the literal in parentheses.
 */
const postgresEscapeStringAlias: ParserGap = {
  name: `E'...' AS "alias"`,
  construct: /E'(?:[^'\\]|\\.)*' AS "/g,
  respell: (sql) => sql.replace(/(E'(?:[^'\\]|\\.)*') AS "/g, '($1) AS "'),
};

/** The grammar that reads each dialect, and its gaps there. */
const grammars: Record<SqlDialect, { readonly database: string; readonly gaps: readonly ParserGap[] }> = {
  duckdb: { database: 'postgresql', gaps: [] },
  postgres: { database: 'postgresql', gaps: [postgresEscapeStringAlias] },
  sqlite: { database: 'sqlite', gaps: [] },
  spark: { database: 'hive', gaps: [hiveExtract, hiveInlineTable, hiveBooleanType] },
  bigquery: { database: 'bigquery', gaps: [] },
  trino: { database: 'trino', gaps: [] },
  tsql: { database: 'transactsql', gaps: [] },
};

/** The statements of a text, as the grammar reads them; throws where it cannot. */
function statements(sql: string, database: string): { type: string; into?: { expr?: unknown } }[] {
  const ast = parser.astify(sql, { database });
  return (Array.isArray(ast) ? ast : [ast]) as never;
}

/** Why the text is not one read-only SELECT, or undefined when it is. */
function notOneReadOnlySelect(sql: string, database: string): string | undefined {
  const parsed = statements(sql, database);
  const [first] = parsed;
  if (parsed.length !== 1 || first === undefined) {
    return `${parsed.length} statements: ${parsed.map((statement) => statement.type).join(', ')}`;
  }
  if (first.type !== 'select') return `a ${first.type} statement`;
  if (first.into?.expr != null) return 'a SELECT INTO, which writes a table';
  return undefined;
}

/** Where the grammar stops reading the text; throws if it reads it all. */
function failureOffset(sql: string, database: string): number {
  try {
    statements(sql, database);
  } catch (error) {
    const offset = (error as { location?: { start?: { offset?: number } } }).location?.start?.offset;
    if (offset === undefined) throw error;
    return offset;
  }
  throw new Error(`the ${database} grammar reads the text: a listed gap is gone`);
}

/** Whether the offset lies inside an occurrence of the construct. */
function insideConstruct(sql: string, construct: RegExp, offset: number): boolean {
  return [...sql.matchAll(construct)].some((match) => match.index <= offset && offset < match.index + match[0].length);
}

/**
 * The query is one read-only SELECT in the dialect's grammar. Where it holds gaps of the grammar,
 * it fails inside each gap's construct (the other gaps respelt), and parses with all respelt.
 */
function expectParses(dialect: SqlDialect, sql: string): void {
  const { database, gaps } = grammars[dialect];
  const present = gaps.filter((gap) => sql.match(gap.construct) !== null);
  for (const gap of present) {
    const text = present.filter((other) => other !== gap).reduce((text, other) => other.respell(text), sql);
    const offset = failureOffset(text, database);
    const found = text.slice(offset, offset + 40);
    expect(insideConstruct(text, gap.construct, offset), `${gap.name}: stops at ${found}`).toBe(true);
  }
  const respelt = present.reduce((text, gap) => gap.respell(text), sql);
  for (const gap of present) expect(respelt.match(gap.construct), gap.name).toBeNull();
  expect(notOneReadOnlySelect(respelt, database)).toBeUndefined();
}

// The options of golden.test.ts: the queries whose exact text test/sql/golden/ pins.
const goldenRuleSet = extendProtocol({
  id: "clinic's set",
  version: '2026.12',
  facts: { metalAllergy: { label: { en: 'Allergy to metals' } } },
  rules: [
    ...cautionRuleSet.rules,
    ...redFlagRuleSet.rules.slice(0, 2),
    {
      id: 'metal-allergy',
      kind: 'relative',
      when: { type: 'any', facts: ['metalAllergy'] },
      source: { title: 'Clinic policy' },
    },
  ],
});
const goldenOptions = {
  from: 'research.cohort',
  ruleSet: goldenRuleSet,
  facts: {
    ageYears: { birthDate: 'birth_date', indexDate: '2026-12-01' },
    pregnant: { column: 'pregnancy_code', as: 'codes', yes: ['Y', "it's yes"], no: ['N'] },
    oncologicalDisease: { column: 'onco', as: 'zero-one' },
  },
} as const;

// The three shipped sets at once (the protocol's, the cautions and every red flag), every fact in
// a boolean column of its own name and the age in years: the storages the golden options leave out.
const shippedSets = extendProtocol({
  id: 'protocol-cautions-red-flags',
  version: '1',
  rules: [...cautionRuleSet.rules, ...redFlagRuleSet.rules],
});

function sqlOf(query: { ok: true; value: { sql: string } } | { ok: false; issues: unknown }): string {
  if (!query.ok) throw new Error(JSON.stringify(query.issues));
  return query.value.sql;
}

const queries = {
  screening: (dialect: SqlDialect) => sqlOf(screeningSql({ dialect, ...goldenOptions, keep: ['patient_id'] })),
  'summary by a column': (dialect: SqlDialect) =>
    sqlOf(cohortSummarySql({ dialect, ...goldenOptions, groupBy: 'site' })),
  'summary of the whole cohort': (dialect: SqlDialect) => sqlOf(cohortSummarySql({ dialect, ...goldenOptions })),
  conformance: (dialect: SqlDialect) => sqlOf(conformanceSql(dialect)),
  'screening with the three shipped sets': (dialect: SqlDialect) =>
    sqlOf(screeningSql({ dialect, from: 'cohort', ruleSet: shippedSets, keep: ['patient_id'] })),
  'summary by an expression with the three shipped sets': (dialect: SqlDialect) =>
    sqlOf(cohortSummarySql({ dialect, from: 'cohort', ruleSet: shippedSets, groupBy: { sql: 'region' } })),
  // The facts of an OMOP CDM on the dates of a cohort table, summarized in the same statement.
  'summary of an OMOP CDM': (dialect: SqlDialect) => {
    const facts = omopFactsSql({
      dialect,
      cdmSchema: 'cdm',
      indexDate: { from: 'results.cohort' },
      closedWorld: 'within-observation-period',
    });
    if (!facts.ok) throw new Error(JSON.stringify(facts.issues));
    return sqlOf(cohortSummarySql({ dialect, from: facts.value.from, facts: facts.value.facts }));
  },
};
type QueryName = keyof typeof queries;

/** The engines run here: the two queries of their golden files. */
const RUN_HERE: readonly SqlDialect[] = ['duckdb', 'sqlite', 'postgres'];
const queriesOf = (dialect: SqlDialect): QueryName[] =>
  RUN_HERE.includes(dialect) ? ['screening', 'summary by a column'] : (Object.keys(queries) as QueryName[]);

describe.each(sqlDialects.map((dialect) => [dialect]))('%s', (dialect) => {
  const { database, gaps } = grammars[dialect];

  it.each(queriesOf(dialect).map((name) => [name]))(`reads the %s query as one SELECT (${database})`, (name) => {
    expectParses(dialect, queries[name](dialect));
  });

  if (gaps.length > 0) {
    it('meets each gap it lists in one of its queries', () => {
      const texts = queriesOf(dialect).map((name) => queries[name](dialect));
      for (const gap of gaps) {
        const met = texts.some((sql) => sql.match(gap.construct) !== null);
        expect(met, gap.name).toBe(true);
      }
    });
  }
});

describe('the check', () => {
  const sql = sqlOf(screeningSql({ dialect: 'tsql', from: 'cohort' }));

  it('reads the screening query of the protocol as one read-only SELECT', () => {
    expect(notOneReadOnlySelect(sql, 'transactsql')).toBeUndefined();
  });

  it('refuses a second statement after the query', () => {
    expect(notOneReadOnlySelect(`${sql}; DROP TABLE cohort`, 'transactsql')).toBe('2 statements: select, drop');
    expect(notOneReadOnlySelect(`${sql};\nDELETE FROM cohort`, 'transactsql')).toBe('2 statements: select, delete');
  });

  it('refuses one statement that writes', () => {
    expect(notOneReadOnlySelect('DELETE FROM cohort', 'transactsql')).toBe('a delete statement');
    expect(notOneReadOnlySelect('SELECT * INTO cohort_copy FROM cohort', 'transactsql')).toBe(
      'a SELECT INTO, which writes a table',
    );
  });

  it('refuses a query that does not parse', () => {
    // A CASE without its END: the grammar stops at the AS that follows.
    const withoutEnd = sql.replace(' END AS ', ' AS ');
    expect(failureOffset(withoutEnd, 'transactsql')).toBe(sql.indexOf(' END AS ') + 1);
    expect(() => statements(sql.replace('FROM acuspine_outcomes', 'FROM (acuspine_outcomes'), 'transactsql')).toThrow();
  });

  it('puts a failure on the construct where the grammar stops, and on no other', () => {
    // Spark's conformance query with EXTRACT respelt: Hive's grammar stops at the first inline
    // table, before the BOOLEAN casts in its rows.
    const conformance = hiveExtract.respell(sqlOf(conformanceSql('spark')));
    const offset = failureOffset(conformance, 'hive');
    expect(insideConstruct(conformance, hiveInlineTable.construct, offset)).toBe(true);
    expect(insideConstruct(conformance, hiveBooleanType.construct, offset)).toBe(false);
    expect(conformance.match(hiveBooleanType.construct)?.length).toBeGreaterThan(0);
    // Spark's screening holds one gap: respelt, the grammar reads it all.
    const screening = sqlOf(screeningSql({ dialect: 'spark', ...goldenOptions }));
    expect(() => failureOffset(hiveExtract.respell(screening), 'hive')).toThrow(/a listed gap is gone/);
  });

  it('lets no gap hide another fault', () => {
    // Spark's screening, whose EXTRACT the gap covers, with a CASE left without its END.
    const screening = sqlOf(screeningSql({ dialect: 'spark', ...goldenOptions }));
    expect(() => expectParses('spark', screening.replace(' END AS ', ' AS '))).toThrow(/Expected/);
  });
});
