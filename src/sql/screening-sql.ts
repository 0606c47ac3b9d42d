// screeningSql: per record, the screening that `screen` gives, as one read-only SELECT.
import { fail, type Issue, ok, type Result } from '../_internal/result.js';
import { compile, invalidCondition, listedFacts, missingCondition, statusExpression } from './compile.js';
import type { ScreeningSqlOptions, SqlQuery } from './sql-options.js';

/**
 * Writes one read-only `SELECT` (with common table expressions; no DDL, temporary table or
 * function of its own) that screens every row of `from` as `screen` screens a record, for the
 * engine of `dialect`. Columns, in order: the `keep` columns; `status`; one column per rule, named
 * by its id, holding `present`, `absent` or `unknown`; `missing` and `invalid`, the facts as
 * `screen` lists them, joined by commas (empty when none); and `rule_set_id`, `rule_set_version`.
 *
 * The facts are read as the `facts` mapping says; a value the mapping cannot read (an unlisted
 * code, an age out of range) is invalid, exactly as `screen` treats an invalid value.
 *
 * @returns the query and its columns, or the issues of the options, each with its path.
 * @example
 * const query = screeningSql({ dialect: 'duckdb', from: { sql: "read_parquet('cohort.parquet')" }, keep: ['id'] });
 * if (query.ok) runOnYourEngine(query.value.sql); // your driver's call
 */
export function screeningSql<Id extends string = string, Fact extends string = never>(
  options: ScreeningSqlOptions<Id, Fact>,
): Result<SqlQuery> {
  const issues: Issue[] = [];
  const compiled = compile(options, issues);
  if (compiled === undefined) return fail(issues);
  const { dialect, kept, rules, ruleSet } = compiled;
  const q = dialect.quote;
  const status = statusExpression(rules);
  const missing = listedFacts(compiled, missingCondition);
  const invalid = listedFacts(compiled, invalidCondition);
  const columns = [
    ...kept.map((column) => column.name),
    'status',
    ...rules.map((rule) => rule.id),
    'missing',
    'invalid',
    'rule_set_id',
    'rule_set_version',
  ];
  const select = [
    ...kept.map((column) => column.quoted),
    `${status} AS ${q('status')}`,
    ...rules.map(
      (rule) => `CASE ${rule.column} WHEN 1 THEN 'present' WHEN 0 THEN 'absent' ELSE 'unknown' END AS ${q(rule.id)}`,
    ),
    `${missing} AS ${q('missing')}`,
    `${invalid} AS ${q('invalid')}`,
    `${dialect.text(ruleSet.id)} AS ${q('rule_set_id')}`,
    `${dialect.text(ruleSet.version)} AS ${q('rule_set_version')}`,
  ];
  // Some engines match column names without regard to case.
  const folded = columns.map((name) => name.toLowerCase());
  const clash = columns.find((_, index) => folded.indexOf(folded[index] as string) !== index);
  if (clash !== undefined) {
    return fail([
      { code: 'duplicate-column', path: ['keep'], message: `the output would hold two columns named "${clash}"` },
    ]);
  }
  return ok(
    Object.freeze({
      sql: `WITH ${compiled.ctes}\nSELECT ${select.join(',\n  ')}\nFROM ${compiled.relation}`,
      columns: Object.freeze(columns),
    }),
  );
}
