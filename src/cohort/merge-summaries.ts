import { readProperty } from '../_internal/read-property.js';
import { isFactName } from '../facts/patient-facts.js';
import type { ProtocolRuleId } from '../screening/protocol-rule-set.js';
import type { RuleKind } from '../screening/rule.js';
import { screeningStatuses } from '../screening/screening.js';
import type { CohortStatistics, CohortSummary } from './cohort-summary.js';
import { type Counts, define, emptyCounts, naturalCompare, ruleKinds, ruleSetKey, statisticsOf } from './statistics.js';

/**
 * Adds up summaries of disjoint parts of a cohort (files, shards, worker threads) into the
 * summary of the whole. Counts are summed exactly and the proportions recomputed from them, so
 * merging the summaries of any split of a cohort gives a summary deep-equal to
 * `summarizeCohort` of the whole, groups included, whatever the order of the parts (when they
 * were summarized with the same options). Summaries that went through `postMessage`,
 * `structuredClone` or JSON merge as well. Every status is summed, `refer` included; every rule
 * keeps its kind; facts that are not shipped ones (a rule set's own) follow the shipped ones in
 * the order that every part lists them in (as parts summarized with the same `ruleSet` option
 * do), and where the parts' orders part ways, in code-unit order.
 *
 * @param summaries - the partial summaries; none gives the summary of an empty cohort.
 * @returns the frozen merged summary; it has `groups` when the parts have them.
 * @throws {TypeError} when a summary is not a summary object (a count that is not a whole
 *   number, a missing status, a rule without a kind), when two parts give one rule two kinds, or
 *   when grouped and ungrouped summaries of non-empty parts are mixed, whose group totals could
 *   not add up.
 * @example
 * const [first, second] = [[{ ageYears: 80 }], [{ ageYears: 'forty' }]].map((part) =>
 *   summarizeCohort(screenCohort(part)),
 * );
 * const merged = mergeSummaries(first, second);
 * merged.total; // => 2
 * merged.invalid; // => 1
 */
export function mergeSummaries<Id extends string = ProtocolRuleId, Fact extends string = never>(
  ...summaries: readonly CohortSummary<Id, Fact>[]
): CohortSummary<Id, Fact> {
  const whole = emptyCounts();
  const groups = new Map<string, Counts>();
  let grouped = false;
  let ungroupedRecords = false;
  summaries.forEach((summary, i) => {
    addCounts(whole, summary, `summaries[${i}]`);
    const parts = readProperty(summary, 'groups') as CohortSummary<Id, Fact>['groups'];
    if (parts === undefined) {
      if ((readProperty(summary, 'total') as number) > 0) ungroupedRecords = true;
      return;
    }
    if (typeof parts !== 'object' || parts === null)
      throw new TypeError(`mergeSummaries: summaries[${i}].groups is not an object`);
    grouped = true;
    for (const key of Object.keys(parts)) {
      let group = groups.get(key);
      if (group === undefined) {
        group = emptyCounts();
        groups.set(key, group);
      }
      addCounts(group, parts[key] as CohortStatistics<Id, Fact>, `summaries[${i}].groups[${JSON.stringify(key)}]`);
    }
  });
  if (grouped && ungroupedRecords) {
    throw new TypeError('mergeSummaries: cannot merge grouped summaries with ungrouped summaries of records');
  }
  const statistics = statisticsOf(whole) as CohortStatistics<Id, Fact>;
  if (!grouped) return statistics;
  const merged: Record<string, CohortStatistics<Id, Fact>> = {};
  for (const key of [...groups.keys()].sort(naturalCompare)) {
    define(merged, key, statisticsOf(groups.get(key) as Counts) as CohortStatistics<Id, Fact>);
  }
  return Object.freeze({ ...statistics, groups: Object.freeze(merged) });
}

function addCounts(counts: Counts, summary: CohortStatistics<string, string>, where: string): void {
  if (typeof summary !== 'object' || summary === null) throw new TypeError(`mergeSummaries: ${where} is not a summary`);
  counts.total += count(readProperty(summary, 'total'), `${where}.total`);
  counts.invalid += count(readProperty(summary, 'invalid'), `${where}.invalid`);
  const byStatus = object(readProperty(summary, 'byStatus'), `${where}.byStatus`);
  screeningStatuses.forEach((status, s) => {
    counts.status[s] =
      (counts.status[s] as number) + count(readProperty(byStatus, status), `${where}.byStatus.${status}`);
  });
  const byRule = object(readProperty(summary, 'byRule'), `${where}.byRule`);
  for (const id of Object.keys(byRule)) {
    const at = `${where}.byRule[${JSON.stringify(id)}]`;
    const rule = object(byRule[id], at);
    const kind = readProperty(rule, 'kind') as RuleKind;
    if (!ruleKinds.includes(kind)) {
      throw new TypeError(
        `mergeSummaries: ${at}.kind must be 'absolute', 'relative' or 'referral', got ${String(kind)}`,
      );
    }
    const sum = counts.rules.get(id) ?? { kind, outcomes: [0, 0, 0] };
    if (sum.kind !== kind) {
      throw new TypeError(`mergeSummaries: ${at}.kind is ${kind}, but another part counts the rule as ${sum.kind}`);
    }
    sum.outcomes[0] += count(readProperty(rule, 'present'), `${at}.present`);
    sum.outcomes[1] += count(readProperty(rule, 'absent'), `${at}.absent`);
    sum.outcomes[2] += count(readProperty(rule, 'unknown'), `${at}.unknown`);
    counts.rules.set(id, sum);
  }
  const missing = object(readProperty(summary, 'missing'), `${where}.missing`);
  for (const fact of Object.keys(missing)) {
    counts.missing.set(fact, (counts.missing.get(fact) ?? 0) + count(missing[fact], `${where}.missing.${fact}`));
  }
  // The order of the facts that are not shipped ones: what every part that lists any agrees on.
  const own = Object.keys(missing).filter((fact) => !isFactName(fact));
  if (own.length > 0) counts.leading = counts.leading === undefined ? own : commonStart(counts.leading, own);
  const ruleSets = readProperty(summary, 'ruleSets');
  if (!Array.isArray(ruleSets)) throw new TypeError(`mergeSummaries: ${where}.ruleSets is not an array`);
  for (const ref of ruleSets as unknown[]) {
    // A value that is not an object has neither field, as an empty object has none.
    const entry: object = typeof ref === 'object' && ref !== null ? ref : {};
    const id = readProperty(entry, 'id');
    const version = readProperty(entry, 'version');
    if (typeof id !== 'string' || typeof version !== 'string') {
      throw new TypeError(`mergeSummaries: ${where}.ruleSets holds an entry without a string id and version`);
    }
    const checked = { id, version };
    counts.ruleSets.set(ruleSetKey(checked), checked);
  }
}

/** The longest list that both lists start with. */
function commonStart(a: readonly string[], b: readonly string[]): readonly string[] {
  const parting = a.findIndex((fact, i) => fact !== b[i]);
  return parting < 0 ? a : a.slice(0, parting);
}

function count(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new TypeError(`mergeSummaries: ${where} must be a whole number >= 0, got ${String(value)}`);
  }
  return value as number;
}

function object(value: unknown, where: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) throw new TypeError(`mergeSummaries: ${where} is not an object`);
  return value as Readonly<Record<string, unknown>>;
}
