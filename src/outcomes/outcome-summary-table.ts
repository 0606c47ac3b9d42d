import { readProperty } from '../_internal/read-property.js';
import type { OutcomeStatistics, OutcomeSummary } from './outcome-summary.js';

/**
 * One row of {@link outcomeSummaryTable}. Every value is a string, a number or `null`, so rows
 * print with `console.table` and write as CSV (one column per property, in this order).
 */
export interface OutcomeRow {
  /** The group key, or `null` for the whole cohort. */
  readonly group: string | null;
  /**
   * What is measured: `'records'`, `'responders:<definition id>'`, `'change:<instrument>'`,
   * `'first-response'`, `'pain-before'` or `'pain-after'`.
   */
  readonly measure: string;
  /**
   * The category: for `records` `'valid'` or `'invalid'`; for responders `'responder'` (its
   * share of the known), `'unknown'`, `'missing-follow-up'`, `'not-assessed'`; for a change
   * `'mean'` or `'median'`; for the first response `'session <n>'`, `'not-reached'`,
   * `'unknown'`; for the pain `'session <n>'`.
   */
  readonly category: string;
  /** The count, or `null` for a mean or a median. */
  readonly count: number | null;
  /** The denominator, or the records or sessions a mean or median is of. */
  readonly n: number;
  /** `count / n` for a count; the mean or median for a change or a pain; `null` when there is none. */
  readonly estimate: number | null;
  /** The lower bound of the 95% interval (Wilson for a proportion, Student's t for a mean change), or `null`. */
  readonly ci_low: number | null;
  /** The upper bound, or `null`. */
  readonly ci_high: number | null;
}

/** Options of {@link outcomeSummaryTable}. */
export interface OutcomeTableOptions {
  /** Round estimates and intervals to this many decimals (0 to 15). Default: no rounding. */
  readonly digits?: number;
}

/**
 * An outcome summary as a long-format table, the sibling of `summaryTable`: the whole cohort
 * first (`group: null`), then each group. Within a group: `records`; per definition its
 * responders among the known (with the Wilson interval), the unknown, the missing follow-ups
 * and the records not assessed; per instrument with any change, the mean change (with the t
 * interval) and the median; the session of first response; the mean pain before and after per
 * session. Columns: `group, measure, category, count, n, estimate, ci_low, ci_high`.
 *
 * @throws {RangeError} when `options.digits` is not a whole number from 0 to 15.
 * @example
 * console.table(outcomeSummaryTable(summary, { digits: 3 }));
 */
export function outcomeSummaryTable(summary: OutcomeSummary, options: OutcomeTableOptions = {}): readonly OutcomeRow[] {
  const digits = readProperty(options, 'digits') as number | undefined;
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 0 && digits <= 15)) {
    throw new RangeError(`outcomeSummaryTable: digits must be a whole number from 0 to 15, got ${String(digits)}`);
  }
  const scale = digits === undefined ? undefined : 10 ** digits;
  const round = (value: number | null) =>
    value === null || scale === undefined ? value : Math.round(value * scale) / scale;
  const rows: OutcomeRow[] = [];
  const add = (
    group: string | null,
    measure: string,
    category: string,
    count: number | null,
    n: number,
    estimate: number | null,
    low: number | null = null,
    high: number | null = null,
  ) => {
    rows.push(
      Object.freeze({
        group,
        measure,
        category,
        count,
        n,
        estimate: round(estimate),
        ci_low: round(low),
        ci_high: round(high),
      }),
    );
  };
  const share = (count: number, n: number) => (n === 0 ? null : count / n);
  const addStatistics = (group: string | null, statistics: OutcomeStatistics) => {
    const { total, invalid } = statistics;
    const valid = total - invalid;
    add(group, 'records', 'valid', valid, total, share(valid, total));
    add(group, 'records', 'invalid', invalid, total, share(invalid, total));
    for (const [id, counts] of Object.entries(statistics.responders)) {
      const measure = `responders:${id}`;
      const { proportion } = counts;
      add(group, measure, 'responder', proportion.count, proportion.n, proportion.p, proportion.low, proportion.high);
      const assessed = valid - counts.notAssessed;
      add(group, measure, 'unknown', counts.unknown, assessed, share(counts.unknown, assessed));
      add(
        group,
        measure,
        'missing-follow-up',
        counts.missingFollowUp,
        assessed,
        share(counts.missingFollowUp, assessed),
      );
      add(group, measure, 'not-assessed', counts.notAssessed, valid, share(counts.notAssessed, valid));
    }
    for (const change of Object.values(statistics.change)) {
      if (change.n === 0) continue;
      add(
        group,
        `change:${change.instrument}`,
        'mean',
        null,
        change.n,
        change.mean,
        change.ci95?.low,
        change.ci95?.high,
      );
      add(group, `change:${change.instrument}`, 'median', null, change.n, change.median);
    }
    const first = statistics.firstResponse;
    for (const { session, count } of first.bySession)
      add(group, 'first-response', `session ${session}`, count, valid, share(count, valid));
    add(group, 'first-response', 'not-reached', first.notReached, valid, share(first.notReached, valid));
    add(group, 'first-response', 'unknown', first.unknown, valid, share(first.unknown, valid));
    for (const { session, before, after } of statistics.painBySession) {
      add(group, 'pain-before', `session ${session}`, null, before.n, before.mean);
      add(group, 'pain-after', `session ${session}`, null, after.n, after.mean);
    }
  };
  addStatistics(null, summary);
  const groups = readProperty(summary, 'groups') as OutcomeSummary['groups'];
  if (groups !== undefined) for (const [key, statistics] of Object.entries(groups)) addStatistics(key, statistics);
  return Object.freeze(rows);
}
