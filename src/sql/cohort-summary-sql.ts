// cohortSummarySql: the counts of summarizeCohort as one aggregate query, and
// summaryFromSqlRows: its rows back into the very summary that summarizeCohort gives.
import { readProperty } from '../_internal/read-property.js';
import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import type { CohortStatistics, CohortSummary } from '../cohort/cohort-summary.js';
import { type Counts, define, emptyCounts, naturalCompare, ruleSetKey, statisticsOf } from '../cohort/statistics.js';
import { programOf } from '../screening/define-rule-set.js';
import { protocolRuleSet } from '../screening/protocol-rule-set.js';
import { type RuleKind, type RuleSet, ruleFacts } from '../screening/rule.js';
import { screeningStatuses } from '../screening/screening.js';
import { compile, invalidCondition, missingCondition, statusExpression } from './compile.js';
import type { ScreeningSqlOptions, SqlQuery, TrustedSql } from './sql-options.js';

/** The options of {@link cohortSummarySql}: those of `screeningSql` (without `keep`), and a grouping. */
export interface CohortSummarySqlOptions<Id extends string = string, Fact extends string = never>
  extends Omit<ScreeningSqlOptions<Id, Fact>, 'keep'> {
  /**
   * Counts per group as well: a column of `from` (a name), or `{ sql }`, an expression over the
   * columns of `from` that the caller trusts, such as a CASE of age bands. The group keys come back
   * as text, in the column `group`; a NULL key is refused by {@link summaryFromSqlRows}.
   */
  readonly groupBy?: string | TrustedSql;
}

/**
 * Writes one aggregate query of integer counts: what `summarizeCohort` counts over the
 * screenings of every row of `from` (a row with an invalid value is counted as invalid, as
 * `screenCohort` counts a record that `parsePatientFacts` refuses), per group when `groupBy` is
 * given. Its columns are named by position (`total`, `invalid`, `status_<status>`,
 * `rule_<i>_present`, `rule_<i>_absent`, `rule_<i>_unknown`, `fact_<i>_missing`, and `group` when
 * grouped), so that no engine shortens a long rule id; {@link summaryFromSqlRows} turns the rows
 * into the summary.
 */
export function cohortSummarySql<Id extends string = string, Fact extends string = never>(
  options: CohortSummarySqlOptions<Id, Fact>,
): Result<SqlQuery> {
  const issues: Issue[] = [];
  const compiled = compile(options, issues, true);
  if (compiled === undefined || issues.length > 0) return fail(issues);
  const { dialect, rules, facts } = compiled;
  const q = dialect.quote;
  // Records are counted once per distinct combination of fact states and outcomes (a few
  // thousand at most in a cohort of millions), and the counts below weigh each combination by
  // its records: an engine then hashes a few small integers per record instead of evaluating
  // every count's condition on every record. COALESCE, since a sum over no rows is NULL.
  const when1 = (condition: string) => `COALESCE(SUM(CASE WHEN ${condition} THEN acuspine_n END), 0)`;
  const valid = 'acuspine_invalid = 0';
  const status = statusExpression(rules);
  const grouped = compiled.grouped;
  const stateColumns = [
    ...(grouped ? ['acuspine_group'] : []),
    ...facts.map((fact) => fact.column),
    ...rules.map((rule) => rule.column),
  ].join(', ');
  const screened = [
    ...(grouped ? ['acuspine_group'] : []),
    'acuspine_n',
    `${status} AS acuspine_status`,
    ...rules.map((rule) => rule.column),
    ...facts.map((fact, f) => `CASE WHEN ${missingCondition(fact)} THEN 1 ELSE 0 END AS acuspine_m_${f}`),
    `CASE WHEN ${facts.map(invalidCondition).join(' OR ')} THEN 1 ELSE 0 END AS acuspine_invalid`,
  ];
  const counted: [string, string][] = [
    ['COALESCE(SUM(acuspine_n), 0)', 'total'],
    [when1('acuspine_invalid = 1'), 'invalid'],
    ...screeningStatuses.map((s): [string, string] => [when1(`${valid} AND acuspine_status = '${s}'`), `status_${s}`]),
    ...rules.flatMap((rule, r): [string, string][] => [
      [when1(`${valid} AND ${rule.column} = 1`), `rule_${r}_present`],
      [when1(`${valid} AND ${rule.column} = 0`), `rule_${r}_absent`],
      [when1(`${valid} AND ${rule.column} = 2`), `rule_${r}_unknown`],
    ]),
    ...facts.map((_, f): [string, string] => [when1(`${valid} AND acuspine_m_${f} = 1`), `fact_${f}_missing`]),
  ];
  const columns = [...(grouped ? ['group'] : []), ...counted.map(([, name]) => name)];
  const select = [
    ...(grouped ? [`acuspine_group AS ${q('group')}`] : []),
    ...counted.map(([expression, name]) => `${expression} AS ${q(name)}`),
  ];
  const sql = `WITH ${compiled.ctes},\nacuspine_states AS (SELECT ${stateColumns}, COUNT(*) AS acuspine_n FROM ${compiled.relation} GROUP BY ${stateColumns}),\nacuspine_screened AS (SELECT ${screened.join(', ')} FROM acuspine_states)\nSELECT ${select.join(',\n  ')}\nFROM acuspine_screened${grouped ? '\nGROUP BY acuspine_group' : ''}`;
  return ok(Object.freeze({ sql, columns: Object.freeze(columns) }));
}

/** The options of {@link summaryFromSqlRows}: the rule set and grouping that the query was written with. */
export interface SummaryFromSqlRowsOptions<Id extends string = string, Fact extends string = never> {
  /** The rule set of the query; default the protocol's. */
  readonly ruleSet?: RuleSet<Id, Fact>;
  /** Given (any value) when the query was grouped: the rows are then one per group. */
  readonly groupBy?: unknown;
}

/**
 * Turns the rows of a {@link cohortSummarySql} query into the summary that `summarizeCohort` gives
 * over the screenings of the same records, with the same `ruleSet` option: deep-equal, proportions
 * and Wilson intervals included, and mergeable with `mergeSummaries`. Counts may come as numbers,
 * bigints or strings of digits, as drivers return them.
 *
 * @param rows - the rows, as objects keyed by column name.
 * @param options - the options the query was written with (only `ruleSet` and `groupBy` are read).
 * @returns the summary, or issues with the path (row index, column) of each count that is not one.
 */
export function summaryFromSqlRows<Id extends string = string, Fact extends string = never>(
  rows: readonly unknown[],
  options: SummaryFromSqlRowsOptions<Id, Fact> = {},
): Result<CohortSummary<Id, Fact>> {
  const issues: Issue[] = [];
  const given = readProperty(options, 'ruleSet');
  let ruleSet: RuleSet<string, string>;
  try {
    ruleSet = (given === undefined ? protocolRuleSet : programOf(given as RuleSet).ruleSet) as RuleSet<string, string>;
  } catch (error) {
    return fail([issue('invalid-rule-set', ['ruleSet'], (error as Error).message)]);
  }
  const grouped = readProperty(options, 'groupBy') !== undefined;
  if (!Array.isArray(rows)) return fail([issue('invalid-type', [], 'expected the rows of the query, as a list')]);
  if (!grouped && rows.length !== 1) {
    return fail([issue('invalid-type', [], `expected the one row of an ungrouped summary, got ${rows.length}`)]);
  }
  const facts = factsRead(ruleSet);
  // defineRuleSet gives every set its facts, none or some.
  const ownFacts = Object.keys(ruleSet.facts as object);
  const ref = { id: ruleSet.id, version: ruleSet.version };
  const countsOf = (row: unknown, r: number): Counts | undefined => {
    if (typeof row !== 'object' || row === null) {
      issues.push(issue('invalid-type', [r], 'expected a row object'));
      return undefined;
    }
    const read = (column: string): number => {
      const value = readProperty(row, column);
      const count =
        typeof value === 'number'
          ? value
          : typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER)
            ? Number(value)
            : typeof value === 'string' && /^\d{1,15}$/.test(value)
              ? Number(value)
              : Number.NaN;
      if (!Number.isSafeInteger(count) || count < 0) {
        issues.push(issue('invalid-count', [r, column], `expected a count, a whole number at least 0`));
        return 0;
      }
      return count;
    };
    const counts = emptyCounts();
    counts.total = read('total');
    counts.invalid = read('invalid');
    screeningStatuses.forEach((status, s) => {
      counts.status[s] = read(`status_${status}`);
    });
    ruleSet.rules.forEach((rule, index) => {
      counts.rules.set(rule.id, {
        kind: rule.kind as RuleKind,
        outcomes: [read(`rule_${index}_present`), read(`rule_${index}_absent`), read(`rule_${index}_unknown`)],
      });
    });
    facts.forEach((fact, f) => {
      counts.missing.set(fact, read(`fact_${f}_missing`));
    });
    counts.leading = ownFacts;
    counts.ruleSets.set(ruleSetKey(ref), ref);
    const screened = counts.status.reduce((sum, n) => sum + n, 0);
    if (counts.total !== screened + counts.invalid) {
      issues.push(
        issue('inconsistent-counts', [r], 'total is not the screened records by status plus the invalid ones'),
      );
    }
    return counts;
  };
  const whole = emptyCounts();
  whole.leading = ownFacts;
  whole.ruleSets.set(ruleSetKey(ref), ref);
  for (const rule of ruleSet.rules) whole.rules.set(rule.id, { kind: rule.kind as RuleKind, outcomes: [0, 0, 0] });
  for (const fact of facts) whole.missing.set(fact, 0);
  const groups = new Map<string, Counts>();
  rows.forEach((row, r) => {
    const counts = countsOf(row, r);
    if (counts === undefined) return;
    if (grouped) {
      const key = readProperty(row as object, 'group');
      if (typeof key !== 'string') {
        issues.push(issue('invalid-group', [r, 'group'], 'a group key must be text; a NULL key is not a group'));
        return;
      }
      if (groups.has(key)) issues.push(issue('duplicate-group', [r, 'group'], `the group "${key}" comes twice`));
      groups.set(key, counts);
    }
    whole.total += counts.total;
    whole.invalid += counts.invalid;
    counts.status.forEach((n, s) => {
      whole.status[s] = (whole.status[s] as number) + n;
    });
    for (const [id, { outcomes }] of counts.rules) {
      const into = (whole.rules.get(id) as { outcomes: number[] }).outcomes;
      outcomes.forEach((n, o) => {
        into[o] = (into[o] as number) + n;
      });
    }
    for (const [fact, n] of counts.missing) whole.missing.set(fact, (whole.missing.get(fact) as number) + n);
  });
  if (issues.length > 0) return fail(issues);
  const statistics = statisticsOf(whole);
  if (!grouped) return ok(statistics as CohortSummary<Id, Fact>);
  const byGroup: Record<string, CohortStatistics<string, string>> = {};
  for (const key of [...groups.keys()].sort(naturalCompare))
    define(byGroup, key, statisticsOf(groups.get(key) as Counts));
  return ok(Object.freeze({ ...statistics, groups: Object.freeze(byGroup) }) as CohortSummary<Id, Fact>);
}

/** The facts a rule set reads, in the order the screening lists them (and compile numbers them). */
function factsRead(ruleSet: RuleSet<string, string>): string[] {
  return [...new Set(ruleSet.rules.flatMap((rule) => ruleFacts(rule)))];
}
