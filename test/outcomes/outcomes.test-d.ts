import { describe, expectTypeOf, test } from 'vitest';
import type { Result } from '../../src/index.js';
import {
  type CourseOutcomeRecord,
  mergeOutcomeSummaries,
  type OutcomeEntry,
  type OutcomeRow,
  type OutcomeSummary,
  outcomeSummaryTable,
  parseCourseOutcomeRecord,
  readOutcomeRecords,
  type Sensation,
  type SessionOutcome,
  summarizeOutcomes,
} from '../../src/outcomes/index.js';

interface Row {
  readonly line: number;
}

describe('outcome records and summaries', () => {
  test('parseCourseOutcomeRecord takes anything and gives a Result', () => {
    expectTypeOf(parseCourseOutcomeRecord).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseCourseOutcomeRecord({})).toEqualTypeOf<Result<CourseOutcomeRecord>>();
  });

  test('unrecorded is a type of its own: undefined, never false', () => {
    expectTypeOf<SessionOutcome['tookPlace']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<SessionOutcome['sensations']>().toEqualTypeOf<readonly Sensation[] | undefined>();
    expectTypeOf<CourseOutcomeRecord['followUp']>().toMatchTypeOf<object | undefined>();
  });

  test('readOutcomeRecords and summarizeOutcomes mirror their input: sync or async', () => {
    const rows: Row[] = [];
    expectTypeOf(readOutcomeRecords(rows)).toEqualTypeOf<Iterable<OutcomeEntry<Row>>>();
    async function* stream(): AsyncGenerator<Row> {}
    expectTypeOf(readOutcomeRecords(stream())).toEqualTypeOf<AsyncIterable<OutcomeEntry<Row>>>();
    expectTypeOf(summarizeOutcomes(readOutcomeRecords(rows))).toEqualTypeOf<OutcomeSummary>();
    expectTypeOf(summarizeOutcomes(readOutcomeRecords(stream()))).toEqualTypeOf<Promise<OutcomeSummary>>();
    // groupBy sees the raw row type.
    summarizeOutcomes(readOutcomeRecords(rows), {
      groupBy: (entry) => {
        expectTypeOf(entry.row).toEqualTypeOf<Row>();
        return entry.ok ? entry.record.region : 'invalid';
      },
    });
  });

  test('merge and table', () => {
    const summary = summarizeOutcomes(readOutcomeRecords([]));
    expectTypeOf(mergeOutcomeSummaries(summary, summary)).toEqualTypeOf<OutcomeSummary>();
    // @ts-expect-error: a cohort summary is not an outcome summary
    mergeOutcomeSummaries({ total: 1 });
    expectTypeOf(outcomeSummaryTable).returns.toEqualTypeOf<readonly OutcomeRow[]>();
  });
});
