import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  type CohortEntry,
  cautionRuleSet,
  defineRuleSet,
  factNames,
  MAX_AGE_YEARS,
  mergeSummaries,
  protocolRuleSet,
  type RuleSet,
  screenCohort,
  screeningStatuses,
  summarizeCohort,
  wilsonInterval,
} from '../../src/index.js';
import { clinicRuleSet, threeSets } from './rule-sets.js';

/** A fact's value as registries hold them: valid, missing, or of the wrong type. */
const factValue = (fact: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fact === 'ageYears' ? fc.integer({ min: 0, max: MAX_AGE_YEARS - 1 }) : fc.boolean() },
    { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
    { weight: 1, arbitrary: fc.constantFrom('no', 'yes', -1, 1, Number.NaN, MAX_AGE_YEARS) },
  );

/** Records: mostly facts (some with unknown keys, some with the clinic's own facts), a few non-objects. */
const record = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(Object.fromEntries(factNames.map((fact) => [fact, factValue(fact)])), { requiredKeys: [] }),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      Object.fromEntries(
        [...factNames.slice(0, 7), ...Object.keys(clinicRuleSet.facts ?? {})].map((fact) => [fact, factValue(fact)]),
      ),
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, 42, 'facts', [], { pregnancy: true }) },
);

const row = fc.record({ region: fc.constantFrom('cervical', 'thoracic', 'lumbosacral', '__proto__'), facts: record });
type Row = { region: string; facts: unknown };

const combined = defineRuleSet({
  id: 'protocol-and-cautions',
  version: '1',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
});

const ruleSet = fc.constantFrom<RuleSet<string, string>>(
  protocolRuleSet,
  cautionRuleSet,
  combined,
  clinicRuleSet,
  threeSets,
);

/** Cut points that split an array into any number of parts, empty parts included. */
function split<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((cut) => cut % (items.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let start = 0;
  for (const point of [...points, items.length]) {
    parts.push(items.slice(start, point));
    start = point;
  }
  return parts;
}

describe('cohort summaries', () => {
  test.prop([fc.array(record, { maxLength: 200 }), ruleSet])(
    'status counts add up to the screened records, and screened and invalid to the total',
    (records, rules) => {
      const summary = summarizeCohort(screenCohort(records, { ruleSet: rules }));
      expect(summary.total).toBe(records.length);
      expect(summary.screened + summary.invalid).toBe(summary.total);
      const statuses = screeningStatuses.reduce((sum, status) => sum + summary.byStatus[status], 0);
      expect(statuses).toBe(summary.screened);
    },
  );

  test.prop([fc.array(record, { maxLength: 200 }), ruleSet])(
    'each rule is present, absent or unknown in exactly the screened records',
    (records, rules) => {
      const summary = summarizeCohort(screenCohort(records, { ruleSet: rules }), { ruleSet: rules });
      expect(Object.keys(summary.byRule)).toEqual(rules.rules.map((rule) => rule.id));
      for (const counts of Object.values(summary.byRule)) {
        expect((counts?.present ?? 0) + (counts?.absent ?? 0) + (counts?.unknown ?? 0)).toBe(summary.screened);
      }
      for (const missing of Object.values(summary.missing)) expect(missing).toBeLessThanOrEqual(summary.screened);
    },
  );

  test.prop([fc.array(row, { maxLength: 150 }), fc.array(fc.nat(), { maxLength: 6 }), ruleSet, fc.boolean()])(
    'merging the summaries of any split of a cohort equals the summary of the whole, groups included',
    (rows, cuts, rules, withRuleSetOption) => {
      const options = {
        ...(withRuleSetOption ? { ruleSet: rules } : {}),
        groupBy: (entry: CohortEntry<string, Row, string>) => entry.record.region,
      };
      const summarize = (part: readonly Row[]) =>
        summarizeCohort(screenCohort(part, { ruleSet: rules, toFacts: (r) => r.facts }), options);
      const parts = split(rows, cuts).map(summarize);
      expect(mergeSummaries(...parts)).toEqual(summarize(rows));
      expect(mergeSummaries(...parts.reverse())).toEqual(summarize(rows));
    },
  );

  test.prop([fc.array(row, { maxLength: 150 })])('the groups of a summary add up to the whole', (rows) => {
    const summary = summarizeCohort(screenCohort(rows, { toFacts: (r) => r.facts }), {
      groupBy: (entry) => entry.record.region,
    });
    const groups = Object.values(summary.groups ?? {});
    expect(groups.reduce((sum, group) => sum + group.total, 0)).toBe(summary.total);
    expect(groups.reduce((sum, group) => sum + group.invalid, 0)).toBe(summary.invalid);
    for (const status of screeningStatuses) {
      expect(groups.reduce((sum, group) => sum + group.byStatus[status], 0)).toBe(summary.byStatus[status]);
    }
  });
});

describe('wilsonInterval', () => {
  const countAndSize = fc
    .integer({ min: 1, max: 10_000_000 })
    .chain((n) => fc.tuple(fc.oneof(fc.constant(0), fc.constant(n), fc.integer({ min: 0, max: n })), fc.constant(n)));

  test.prop([countAndSize])('contains its proportion and stays within [0, 1], also at 0 and n', ([successes, n]) => {
    const { low, high } = wilsonInterval(successes, n);
    const p = successes / n;
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThanOrEqual(1);
    expect(low).toBeLessThanOrEqual(p);
    expect(high).toBeGreaterThanOrEqual(p);
    if (successes > 0 && successes < n) {
      expect(low).toBeLessThan(p);
      expect(high).toBeGreaterThan(p);
    }
  });

  test.prop([countAndSize])(
    'is symmetric: the interval of the failures mirrors that of the successes',
    ([successes, n]) => {
      const interval = wilsonInterval(successes, n);
      const mirrored = wilsonInterval(n - successes, n);
      expect(mirrored.low).toBeCloseTo(1 - interval.high, 12);
      expect(mirrored.high).toBeCloseTo(1 - interval.low, 12);
    },
  );
});
