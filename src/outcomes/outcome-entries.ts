// Reading a cohort of course outcome records, one entry per row, invalid rows kept with their
// issues: the outcome counterpart of screenCohort.
import type { Issue } from '../_internal/result.js';
import {
  type CourseOutcomeRecord,
  type ParseOutcomeOptions,
  parseCourseOutcomeRecord,
} from './course-outcome-record.js';

/**
 * One row of a cohort of course outcome records, read: {@link ReadOutcomeEntry} when it was a
 * valid record, {@link InvalidOutcomeEntry} when it was not. Narrow on `ok`. Frozen.
 *
 * @typeParam Row - the type of the raw rows.
 */
export type OutcomeEntry<Row = unknown> = ReadOutcomeEntry<Row> | InvalidOutcomeEntry<Row>;

/** A row that was a valid course outcome record. */
export interface ReadOutcomeEntry<Row = unknown> {
  /** The row's position in the input, from 0. */
  readonly index: number;
  /** Always true: narrow on it. */
  readonly ok: true;
  /** The raw row, as it came in. */
  readonly row: Row;
  /** The record read from it. */
  readonly record: CourseOutcomeRecord;
}

/** A row that was not a valid record: not dropped, but reported with its issues. */
export interface InvalidOutcomeEntry<Row = unknown> {
  /** The row's position in the input, from 0. */
  readonly index: number;
  /** Always false: narrow on it. */
  readonly ok: false;
  /** The raw row, as it came in. */
  readonly row: Row;
  /** What `parseCourseOutcomeRecord` found wrong, at least one issue. */
  readonly issues: readonly Issue[];
}

/**
 * Reads rows of course outcome records (parsed JSON, e.g. the lines of an NDJSON file) lazily,
 * one entry per row, in order: the input is never held whole, so a file of any size streams
 * through in constant memory. The result mirrors the input: an `Iterable` for an `Iterable`, an
 * `AsyncIterable` for an `AsyncIterable` (such as the lines of a Node stream).
 *
 * @throws {TypeError} when `rows` is neither iterable nor async iterable, or is a string.
 * @example
 * const summary = summarizeOutcomes(readOutcomeRecords(records));
 */
export function readOutcomeRecords<Row>(
  rows: Iterable<Row>,
  options?: ParseOutcomeOptions,
): Iterable<OutcomeEntry<Row>>;
export function readOutcomeRecords<Row>(
  rows: AsyncIterable<Row>,
  options?: ParseOutcomeOptions,
): AsyncIterable<OutcomeEntry<Row>>;
export function readOutcomeRecords<Row>(
  rows: Iterable<Row> | AsyncIterable<Row>,
  options?: ParseOutcomeOptions,
): Iterable<OutcomeEntry<Row>> | AsyncIterable<OutcomeEntry<Row>>;
export function readOutcomeRecords<Row>(
  rows: Iterable<Row> | AsyncIterable<Row>,
  options: ParseOutcomeOptions = {},
): Iterable<OutcomeEntry<Row>> | AsyncIterable<OutcomeEntry<Row>> {
  const entry = (row: Row, index: number): OutcomeEntry<Row> => {
    const read = parseCourseOutcomeRecord(row, options);
    return Object.freeze(
      read.ok
        ? { index, ok: true as const, row, record: read.value }
        : { index, ok: false as const, row, issues: read.issues },
    );
  };
  // A string is iterable, by character: never a cohort.
  if (rows != null && typeof rows !== 'string' && typeof (rows as Iterable<Row>)[Symbol.iterator] === 'function') {
    return {
      *[Symbol.iterator]() {
        let index = 0;
        for (const row of rows as Iterable<Row>) yield entry(row, index++);
      },
    };
  }
  if (rows != null && typeof (rows as AsyncIterable<Row>)[Symbol.asyncIterator] === 'function') {
    return {
      async *[Symbol.asyncIterator]() {
        let index = 0;
        for await (const row of rows as AsyncIterable<Row>) yield entry(row, index++);
      },
    };
  }
  throw new TypeError('readOutcomeRecords: rows must be an Iterable or an AsyncIterable');
}

/**
 * Groups entries by the region of their record, invalid entries under `'invalid'`: a ready
 * `groupBy` for `summarizeOutcomes`.
 *
 * @example
 * summarizeOutcomes(readOutcomeRecords(rows), { groupBy: byRegion }).groups?.cervical?.total;
 */
export function byRegion(entry: OutcomeEntry): string {
  return entry.ok ? entry.record.region : 'invalid';
}
