import { beforeEach, describe, expect, it } from 'vitest';
import {
  type CohortSummary,
  protocolRuleSet,
  type SummaryRow,
  screenCohort,
  summarizeCohort,
  summaryTable,
} from '../../src/index.js';

const records = [
  { region: 'cervical', facts: { ageYears: 80 } },
  { region: 'thoracic', facts: { ageYears: 40, pregnant: 'no' } },
  { region: 'cervical', facts: { ageYears: 40 } },
];
const summarize = () =>
  summarizeCohort(screenCohort(records, { toFacts: (row) => row.facts }), {
    ruleSet: protocolRuleSet,
    groupBy: (entry) => entry.record.region,
  });

describe('summaryTable', () => {
  // Made in each test, not when the file loads, so that the mutation run (which switches a
  // mutant on while tests run) sees the table of the mutated code.
  let summary: CohortSummary;
  let rows: readonly SummaryRow[];
  beforeEach(() => {
    summary = summarize();
    rows = summaryTable(summary);
  });

  it('has the documented columns, in order', () => {
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([
        'group',
        'measure',
        'category',
        'count',
        'n',
        'proportion',
        'ci_low',
        'ci_high',
      ]);
    }
  });

  it('lists the whole cohort first, then each group, each as records, statuses, rules and missing facts', () => {
    const perGroup = 2 + 5 + 3 * protocolRuleSet.rules.length + 7;
    expect(rows).toHaveLength(perGroup * 3);
    expect(rows.slice(0, 7).map((row) => [row.group, row.measure, row.category])).toEqual([
      [null, 'records', 'screened'],
      [null, 'records', 'invalid'],
      [null, 'status', 'eligible'],
      [null, 'status', 'caution'],
      [null, 'status', 'incomplete'],
      [null, 'status', 'contraindicated'],
      [null, 'status', 'refer'],
    ]);
    expect(rows.slice(7, 10).map((row) => [row.measure, row.category])).toEqual([
      ['rule:age', 'present'],
      ['rule:age', 'absent'],
      ['rule:age', 'unknown'],
    ]);
    expect(rows[perGroup - 1]).toMatchObject({ group: null, measure: 'missing', category: 'psychotropicInfluence' });
    expect([rows[perGroup]?.group, rows[2 * perGroup]?.group]).toEqual(['cervical', 'thoracic']);
  });

  it('carries the counts, denominators and intervals of the summary', () => {
    const contraindicated = rows.find((row) => row.group === null && row.category === 'contraindicated');
    const { count, n, p, low, high } = summary.proportions.byStatus.contraindicated;
    expect(contraindicated).toMatchObject({ count, n, proportion: p, ci_low: low, ci_high: high });
    expect(count).toBe(1);
    const invalid = rows.find((row) => row.group === 'thoracic' && row.category === 'invalid');
    expect(invalid).toMatchObject({ count: 1, n: 1, proportion: 1 });
    const thoracicEligible = rows.find((row) => row.group === 'thoracic' && row.category === 'eligible');
    expect(thoracicEligible).toMatchObject({ count: 0, n: 0, proportion: null, ci_low: 0, ci_high: 1 });
  });

  it('rounds proportions and intervals, never counts, to the digits asked for', () => {
    const rounded = summaryTable(summary, { digits: 3 });
    const row = rounded.find((r) => r.group === null && r.category === 'contraindicated');
    expect(row?.ci_low).toBe(Math.round(summary.proportions.byStatus.contraindicated.low * 1000) / 1000);
    expect(rounded.map((r) => r.count)).toEqual(rows.map((r) => r.count));
    expect(() => summaryTable(summary, { digits: 1.5 })).toThrow(RangeError);
    expect(() => summaryTable(summary, { digits: 16 })).toThrow(RangeError);
  });

  it('holds only strings, numbers and null, so rows write as CSV as they are', () => {
    const csv = [
      Object.keys(rows[0] ?? {}).join(','),
      ...rows.map((row) =>
        Object.values(row)
          .map((v) => v ?? '')
          .join(','),
      ),
    ];
    expect(csv[0]).toBe('group,measure,category,count,n,proportion,ci_low,ci_high');
    for (const row of rows) {
      for (const value of Object.values(row))
        expect(
          ['string', 'number', 'object'].includes(typeof value) && (typeof value !== 'object' || value === null),
        ).toBe(true);
    }
    expect(csv).toHaveLength(rows.length + 1);
  });

  it('has no group rows for an ungrouped summary', () => {
    const ungrouped = summaryTable(summarizeCohort(screenCohort([{ ageYears: 80 }])));
    expect(new Set(ungrouped.map((row) => row.group))).toEqual(new Set([null]));
  });

  it('skips a rule or a missing fact whose proportions a hand-made summary leaves undefined', () => {
    const handMade = {
      ...summary,
      groups: undefined,
      proportions: {
        ...summary.proportions,
        byRule: { ...summary.proportions.byRule, age: undefined },
        missing: { ...summary.proportions.missing, pregnant: undefined },
      },
    };
    const table = summaryTable(handMade as unknown as typeof summary);
    expect(table.some((row) => row.measure === 'rule:age')).toBe(false);
    expect(table.some((row) => row.measure === 'rule:oncology')).toBe(true);
    expect(table.some((row) => row.measure === 'missing' && row.category === 'pregnant')).toBe(false);
    expect(table.some((row) => row.measure === 'missing' && row.category === 'oncologicalDisease')).toBe(true);
  });

  it('accepts from 0 to 15 digits, and names a bad value in the RangeError', () => {
    const contraindicated = (table: readonly SummaryRow[]) =>
      table.find((row) => row.group === null && row.category === 'contraindicated');
    expect(contraindicated(summaryTable(summary, { digits: 0 }))?.proportion).toBe(1);
    expect(contraindicated(summaryTable(summary, { digits: 15 }))?.ci_low).toBe(
      Math.round(summary.proportions.byStatus.contraindicated.low * 1e15) / 1e15,
    );
    expect(contraindicated(rows)?.ci_low).toBe(summary.proportions.byStatus.contraindicated.low);
    expect(() => summaryTable(summary, { digits: -1 })).toThrow(
      new RangeError('summaryTable: digits must be a whole number from 0 to 15, got -1'),
    );
  });

  it('gives a null proportion, not a number, where nothing was screened', () => {
    const empty = summarizeCohort(screenCohort([]), { ruleSet: protocolRuleSet });
    const table = summaryTable(empty, { digits: 3 });
    expect(table.find((row) => row.category === 'eligible')).toMatchObject({ count: 0, n: 0, proportion: null });
  });
});
