import { describe, expectTypeOf, test } from 'vitest';
import {
  ageBand,
  type CautionRuleId,
  type CohortEntry,
  type CohortStatistics,
  type CohortSummary,
  cautionRuleSet,
  type Issue,
  mergeSummaries,
  type PatientFacts,
  type ProtocolRuleId,
  type RuleCounts,
  type Screening,
  type SummaryRow,
  screenCohort,
  summarizeCohort,
  summaryTable,
  type WilsonInterval,
  wilsonInterval,
} from '../../src/index.js';

interface CsvRow {
  readonly age: string;
  readonly pregnant: string;
}

declare const rows: readonly CsvRow[];
declare const asyncRows: AsyncIterable<CsvRow>;
declare const either: Iterable<CsvRow> | AsyncIterable<CsvRow>;

describe('screenCohort', () => {
  test('returns an Iterable for an Iterable and an AsyncIterable for an AsyncIterable', () => {
    expectTypeOf(screenCohort(rows)).toEqualTypeOf<Iterable<CohortEntry<ProtocolRuleId, CsvRow>>>();
    expectTypeOf(screenCohort(asyncRows)).toEqualTypeOf<AsyncIterable<CohortEntry<ProtocolRuleId, CsvRow>>>();
    expectTypeOf(screenCohort(either)).toEqualTypeOf<
      Iterable<CohortEntry<ProtocolRuleId, CsvRow>> | AsyncIterable<CohortEntry<ProtocolRuleId, CsvRow>>
    >();
  });

  test('takes the rule ids from the ruleSet option', () => {
    expectTypeOf(screenCohort(rows, { ruleSet: cautionRuleSet })).toEqualTypeOf<
      Iterable<CohortEntry<CautionRuleId, CsvRow>>
    >();
  });

  test('gives toFacts the row type and the index', () => {
    screenCohort(rows, {
      toFacts: (row, index) => {
        expectTypeOf(row).toEqualTypeOf<CsvRow>();
        expectTypeOf(index).toEqualTypeOf<number>();
        return { pregnant: row.pregnant === 'yes' };
      },
    });
  });

  test('gives entries that narrow on ok', () => {
    for (const entry of screenCohort(rows)) {
      expectTypeOf(entry.index).toEqualTypeOf<number>();
      expectTypeOf(entry.record).toEqualTypeOf<CsvRow>();
      if (entry.ok) {
        expectTypeOf(entry.facts).toEqualTypeOf<PatientFacts>();
        expectTypeOf(entry.screening).toEqualTypeOf<Screening<ProtocolRuleId>>();
      } else {
        expectTypeOf(entry.issues).toEqualTypeOf<readonly Issue[]>();
        // @ts-expect-error an invalid entry has no screening
        entry.screening;
      }
    }
  });
});

describe('summarizeCohort', () => {
  test('returns a summary for an Iterable and a Promise of one for an AsyncIterable', () => {
    expectTypeOf(summarizeCohort(screenCohort(rows))).toEqualTypeOf<CohortSummary<ProtocolRuleId>>();
    expectTypeOf(summarizeCohort(screenCohort(asyncRows))).toEqualTypeOf<Promise<CohortSummary<ProtocolRuleId>>>();
    expectTypeOf(summarizeCohort(screenCohort(rows, { ruleSet: cautionRuleSet }))).toEqualTypeOf<
      CohortSummary<CautionRuleId>
    >();
  });

  test('gives groupBy the typed entry and wants a string back', () => {
    summarizeCohort(screenCohort(rows), {
      groupBy: (entry) => {
        expectTypeOf(entry).toEqualTypeOf<CohortEntry<ProtocolRuleId, CsvRow>>();
        return entry.record.age;
      },
    });
    // @ts-expect-error groupBy must return a string
    summarizeCohort(screenCohort(rows), { groupBy: () => 1 });
  });

  test('has counts keyed by the rule ids, and groups of the same statistics', () => {
    const summary = summarizeCohort(screenCohort(rows));
    expectTypeOf(summary.byRule.pregnancy).toEqualTypeOf<RuleCounts | undefined>();
    expectTypeOf(summary.byStatus.eligible).toEqualTypeOf<number>();
    expectTypeOf(summary.groups).toEqualTypeOf<
      Readonly<Record<string, CohortStatistics<ProtocolRuleId>>> | undefined
    >();
  });
});

describe('mergeSummaries, summaryTable, wilsonInterval, ageBand', () => {
  test('keep the rule ids and return plain values', () => {
    const summary = summarizeCohort(screenCohort(rows, { ruleSet: cautionRuleSet }));
    expectTypeOf(mergeSummaries(summary, summary)).toEqualTypeOf<CohortSummary<CautionRuleId>>();
    expectTypeOf(summaryTable(summary)).toEqualTypeOf<readonly SummaryRow[]>();
    expectTypeOf(wilsonInterval(1, 2)).toEqualTypeOf<WilsonInterval>();
    expectTypeOf(ageBand(40, [0, 18])).toEqualTypeOf<string>();
  });
});
