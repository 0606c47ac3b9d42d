import { describe, expect, it } from 'vitest';
import {
  ageBand,
  type CohortEntry,
  type CohortSummary,
  mergeSummaries,
  protocolRuleSet,
  screenCohort,
  summarizeCohort,
} from '../../src/index.js';
import { seededRandom, syntheticPatient } from '../bench/synthetic-patients.js';

const random = seededRandom(2026);
const records: unknown[] = Array.from({ length: 2000 }, (_, i) =>
  i % 97 === 0 ? { ageYears: 'unknown' } : syntheticPatient(random),
);
const bands = [0, 18, 40, 65, 76];
const options = {
  ruleSet: protocolRuleSet,
  groupBy: (entry: CohortEntry) => (entry.ok ? ageBand(entry.facts.ageYears, bands) : 'invalid'),
};
const summarize = (part: readonly unknown[]) => summarizeCohort(screenCohort(part), options);

describe('mergeSummaries', () => {
  it('merges the summaries of parts into the summary of the whole, groups included', () => {
    const whole = summarize(records);
    const parts = [records.slice(0, 333), records.slice(333, 1500), records.slice(1500)].map(summarize);
    expect(mergeSummaries(...parts)).toEqual(whole);
  });

  it('does not depend on the order of the parts', () => {
    const parts = [records.slice(0, 1000), records.slice(1000)].map(summarize);
    expect(mergeSummaries(parts[1] as CohortSummary, parts[0] as CohortSummary)).toEqual(mergeSummaries(...parts));
  });

  it('merges summaries that went through structuredClone or JSON', () => {
    const parts = [records.slice(0, 700), records.slice(700)].map(summarize);
    const whole = summarize(records);
    expect(mergeSummaries(...parts.map((part) => structuredClone(part)))).toEqual(whole);
    expect(mergeSummaries(...parts.map((part) => JSON.parse(JSON.stringify(part)) as CohortSummary))).toEqual(whole);
  });

  it('recomputes the proportions from the summed counts', () => {
    const merged = mergeSummaries(summarize(records.slice(0, 10)), summarize(records.slice(10, 20)));
    const { eligible } = merged.proportions.byStatus;
    expect(eligible.count).toBe(merged.byStatus.eligible);
    expect(eligible.n).toBe(merged.screened);
  });

  it('gives the summary of an empty cohort for no summaries, and is neutral for it', () => {
    expect(mergeSummaries()).toEqual(summarizeCohort(screenCohort([])));
    const ungrouped = summarizeCohort(screenCohort(records));
    expect(mergeSummaries(mergeSummaries(), ungrouped)).toEqual(ungrouped);
    expect(mergeSummaries(mergeSummaries(), summarize(records))).toEqual(summarize(records));
  });

  it('returns a frozen summary', () => {
    const merged = mergeSummaries(summarize(records.slice(0, 5)));
    expect(Object.isFrozen(merged)).toBe(true);
    expect(Object.isFrozen(merged.groups)).toBe(true);
  });

  it('throws a TypeError when grouped and ungrouped summaries of records are mixed', () => {
    expect(() =>
      mergeSummaries(summarize(records.slice(0, 5)), summarizeCohort(screenCohort(records.slice(5, 9)))),
    ).toThrow(TypeError);
  });

  it('throws a TypeError for something that is not a summary', () => {
    const summary = summarizeCohort(screenCohort(records.slice(0, 5)));
    expect(() => mergeSummaries(null as unknown as CohortSummary)).toThrow(TypeError);
    expect(() => mergeSummaries({ ...summary, total: 1.5 })).toThrow(TypeError);
    expect(() => mergeSummaries({ ...summary, byStatus: { eligible: 1 } as CohortSummary['byStatus'] })).toThrow(
      TypeError,
    );
    expect(() => mergeSummaries({ ...summary, ruleSets: [{ id: 1 }] as unknown as CohortSummary['ruleSets'] })).toThrow(
      TypeError,
    );
  });

  it('throws a TypeError when a summary holds groups that are not an object', () => {
    const summary = summarize(records.slice(0, 5));
    expect(() => mergeSummaries({ ...summary, groups: 5 } as unknown as CohortSummary)).toThrow(
      /summaries\[0\]\.groups is not an object/,
    );
  });

  it('keeps the rule sets of every part, sorted by id, then version', () => {
    const summary = summarizeCohort(screenCohort(records.slice(0, 5)));
    const as = (id: string, version: string) => ({ ...summary, ruleSets: [{ id, version }] });
    const merged = mergeSummaries(
      as('clinic', '2'),
      as('acuspine-protocol', '1.0.0'),
      as('clinic', '10'),
      as('clinic', '2'),
    );
    expect(merged.ruleSets).toEqual([
      { id: 'acuspine-protocol', version: '1.0.0' },
      { id: 'clinic', version: '10' },
      { id: 'clinic', version: '2' },
    ]);
  });

  it('keeps facts that are not shipped ones after the shipped ones, in the order the parts agree on, then in code-unit order', () => {
    const summary = summarizeCohort(screenCohort([{ ageYears: 40 }]));
    const withMissing = (missing: Record<string, number>) => ({ ...summary, missing }) as CohortSummary;
    const one = mergeSummaries(withMissing({ mid: 1, zeta: 1, alpha: 1, pregnant: 1, beta: 1, ageYears: 0 }));
    expect(Object.keys(one.missing)).toEqual(['ageYears', 'pregnant', 'mid', 'zeta', 'alpha', 'beta']);
    expect(one.proportions.missing['zeta' as keyof typeof one.missing]?.count).toBe(1);
    // The parts agree on mid and zeta first; after that, code-unit order, whichever part comes first.
    const first = withMissing({ mid: 1, zeta: 1, omega: 1, alpha: 1 });
    const second = withMissing({ mid: 1, pregnant: 1, zeta: 1, beta: 1 });
    for (const merged of [mergeSummaries(first, second), mergeSummaries(second, first)]) {
      expect(Object.keys(merged.missing)).toEqual(['pregnant', 'mid', 'zeta', 'alpha', 'beta', 'omega']);
    }
    // A part that lists no such fact leaves the order to the others.
    const empty = withMissing({ pregnant: 1 });
    expect(Object.keys(mergeSummaries(empty, first, empty).missing)).toEqual([
      'pregnant',
      'mid',
      'zeta',
      'omega',
      'alpha',
    ]);
    // With no agreement at all, code-unit order.
    expect(Object.keys(mergeSummaries(withMissing({ zeta: 1 }), withMissing({ alpha: 1 })).missing)).toEqual([
      'alpha',
      'zeta',
    ]);
  });
});

describe('mergeSummaries: what is wrong with a part, and where', () => {
  const part = () => summarizeCohort(screenCohort(records.slice(0, 5)));
  const withField = (field: string, value: unknown) => ({ ...part(), [field]: value }) as unknown as CohortSummary;
  it.each([
    ['a part that is not an object', () => 5, 'mergeSummaries: summaries[0] is not a summary'],
    ['a part that is null', () => null, 'mergeSummaries: summaries[0] is not a summary'],
    [
      'a total that is not whole',
      () => withField('total', 1.5),
      'mergeSummaries: summaries[0].total must be a whole number >= 0, got 1.5',
    ],
    [
      'a negative invalid count',
      () => withField('invalid', -1),
      'mergeSummaries: summaries[0].invalid must be a whole number >= 0, got -1',
    ],
    [
      'statuses that are not an object',
      () => withField('byStatus', null),
      'mergeSummaries: summaries[0].byStatus is not an object',
    ],
    [
      'a missing status count',
      () => withField('byStatus', { eligible: 1, caution: 0, incomplete: 0 }),
      'mergeSummaries: summaries[0].byStatus.contraindicated must be a whole number >= 0, got undefined',
    ],
    [
      'rules that are not an object',
      () => withField('byRule', 'age'),
      'mergeSummaries: summaries[0].byRule is not an object',
    ],
    [
      'a rule that is not an object',
      () => withField('byRule', { age: 3 }),
      'mergeSummaries: summaries[0].byRule["age"] is not an object',
    ],
    [
      'a rule count that is not a number',
      () => withField('byRule', { age: { kind: 'absolute', present: 'x', absent: 0, unknown: 0 } }),
      'mergeSummaries: summaries[0].byRule["age"].present must be a whole number >= 0, got x',
    ],
    [
      'a negative absent count',
      () => withField('byRule', { age: { kind: 'absolute', present: 0, absent: -1, unknown: 0 } }),
      'mergeSummaries: summaries[0].byRule["age"].absent must be a whole number >= 0, got -1',
    ],
    [
      'a fractional unknown count',
      () => withField('byRule', { age: { kind: 'absolute', present: 0, absent: 0, unknown: 0.5 } }),
      'mergeSummaries: summaries[0].byRule["age"].unknown must be a whole number >= 0, got 0.5',
    ],
    [
      'missing facts that are a string',
      () => withField('missing', 'pregnant'),
      'mergeSummaries: summaries[0].missing is not an object',
    ],
    [
      'missing facts of null',
      () => withField('missing', null),
      'mergeSummaries: summaries[0].missing is not an object',
    ],
    [
      'a negative missing count',
      () => withField('missing', { pregnant: -2 }),
      'mergeSummaries: summaries[0].missing.pregnant must be a whole number >= 0, got -2',
    ],
    [
      'rule sets that are not a list',
      () => withField('ruleSets', {}),
      'mergeSummaries: summaries[0].ruleSets is not an array',
    ],
    [
      'a rule set of null',
      () => withField('ruleSets', [null]),
      'mergeSummaries: summaries[0].ruleSets holds an entry without a string id and version',
    ],
    [
      'a rule set that is a function with a string id and version',
      () => withField('ruleSets', [Object.assign(() => undefined, { id: 'x', version: '1' })]),
      'mergeSummaries: summaries[0].ruleSets holds an entry without a string id and version',
    ],
    [
      'a rule set that is a string',
      () => withField('ruleSets', ['acuspine-protocol']),
      'mergeSummaries: summaries[0].ruleSets holds an entry without a string id and version',
    ],
    [
      'a rule set without a version',
      () => withField('ruleSets', [{ id: 'x' }]),
      'mergeSummaries: summaries[0].ruleSets holds an entry without a string id and version',
    ],
    [
      'a rule set with a numeric id',
      () => withField('ruleSets', [{ id: 1, version: '1' }]),
      'mergeSummaries: summaries[0].ruleSets holds an entry without a string id and version',
    ],
    ['groups of null', () => withField('groups', null), 'mergeSummaries: summaries[0].groups is not an object'],
    [
      'a bad group',
      () => withField('groups', { adults: { ...part(), total: -1 } }),
      'mergeSummaries: summaries[0].groups["adults"].total must be a whole number >= 0, got -1',
    ],
  ])('%s', (_, make, message) => {
    expect(() => mergeSummaries(make() as CohortSummary)).toThrow(new TypeError(message));
  });

  it('names the position of the bad part', () => {
    expect(() => mergeSummaries(part(), { ...part(), total: -1 })).toThrow(
      new TypeError('mergeSummaries: summaries[1].total must be a whole number >= 0, got -1'),
    );
  });

  it('says why grouped and ungrouped parts cannot be merged', () => {
    expect(() => mergeSummaries(summarize(records.slice(0, 5)), part())).toThrow(
      new TypeError('mergeSummaries: cannot merge grouped summaries with ungrouped summaries of records'),
    );
  });

  it('gives the groups of the merge in natural order, whatever the order of the parts', () => {
    const byKey = (keys: readonly string[]) =>
      summarizeCohort(screenCohort(records.slice(0, keys.length)), { groupBy: (entry) => keys[entry.index] as string });
    const merged = mergeSummaries(byKey(['group 10', 'group 9']), byKey(['group 2', 'group 10']));
    expect(Object.keys(merged.groups ?? {})).toEqual(['group 2', 'group 9', 'group 10']);
  });
});
