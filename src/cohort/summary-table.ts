import { readProperty } from '../_internal/read-property.js';
import type { ProtocolRuleId } from '../screening/protocol-rule-set.js';
import { screeningStatuses } from '../screening/screening.js';
import type { CohortStatistics, CohortSummary, Proportion } from './cohort-summary.js';

/**
 * One row of {@link summaryTable}: a count with its proportion and 95% Wilson interval. Every
 * value is a string, a number or `null`, so rows print with `console.table` and write as CSV
 * (one column per property, in this order) without conversion.
 */
export interface SummaryRow {
  /** The group key, or `null` for the whole cohort. */
  readonly group: string | null;
  /** What is counted: `'records'`, `'status'`, `'rule:<rule id>'` (e.g. `'rule:pregnancy'`) or `'missing'`. */
  readonly measure: string;
  /**
   * The category counted: for `records` `'screened'` or `'invalid'`; for `status` a status; for
   * a rule `'present'`, `'absent'` or `'unknown'`; for `missing` a fact name (a shipped fact, or
   * a rule set's own).
   */
  readonly category: string;
  /** The count. */
  readonly count: number;
  /** The denominator: all records for `records`, the screened records otherwise. */
  readonly n: number;
  /** `count / n`, or `null` when `n` is 0. */
  readonly proportion: number | null;
  /** The lower bound of the 95% Wilson interval. */
  readonly ci_low: number;
  /** The upper bound of the 95% Wilson interval. */
  readonly ci_high: number;
}

/** Options for {@link summaryTable}. */
export interface SummaryTableOptions {
  /** Round `proportion`, `ci_low` and `ci_high` to this many decimals (0 to 15). Default: no rounding. */
  readonly digits?: number;
}

/**
 * A summary as a long-format table: one row per group and measure category, the whole cohort
 * first (`group: null`), then each group in the summary's order. Within a group: `records`
 * (screened, invalid), `status` (eligible, caution, incomplete, contraindicated, refer), each
 * rule in rule-set order (present, absent, unknown), referral rules included, then `missing`
 * per fact, in the summary's order (the shipped facts, then a rule set's own). Columns, in order:
 * `group, measure, category, count, n, proportion, ci_low, ci_high`. Long format pivots in a
 * spreadsheet, R or pandas without reshaping.
 *
 * @param summary - a summary from `summarizeCohort` or `mergeSummaries`.
 * @param options - `digits`, to round the proportions and intervals for display.
 * @returns the rows, frozen.
 * @throws {RangeError} when `options.digits` is not a whole number from 0 to 15.
 * @example
 * console.table(summaryTable(summary, { digits: 4 }));
 * summaryTable(summarizeCohort(screenCohort([{ ageYears: 80 }])))[3];
 * // => { group: null, measure: 'status', category: 'caution', count: 0, n: 1, proportion: 0, ci_low: 0, ci_high: 0.7934506... }
 */
export function summaryTable<Id extends string = ProtocolRuleId, Fact extends string = never>(
  summary: CohortSummary<Id, Fact>,
  options: SummaryTableOptions = {},
): readonly SummaryRow[] {
  // Never Object.prototype's digits or groups, which a polluting merge could have left there.
  const digits = readProperty(options, 'digits') as number | undefined;
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 0 && digits <= 15)) {
    throw new RangeError(`summaryTable: digits must be a whole number from 0 to 15, got ${String(digits)}`);
  }
  const scale = digits === undefined ? undefined : 10 ** digits;
  const round = (value: number) => (scale === undefined ? value : Math.round(value * scale) / scale);
  const rows: SummaryRow[] = [];
  const add = (group: string | null, measure: string, category: string, proportion: Proportion) => {
    rows.push(
      Object.freeze({
        group,
        measure,
        category,
        count: proportion.count,
        n: proportion.n,
        proportion: proportion.p === null ? null : round(proportion.p),
        ci_low: round(proportion.low),
        ci_high: round(proportion.high),
      }),
    );
  };
  const addStatistics = (group: string | null, statistics: CohortStatistics<string, string>) => {
    const { proportions } = statistics;
    add(group, 'records', 'screened', proportions.screened);
    add(group, 'records', 'invalid', proportions.invalid);
    for (const status of screeningStatuses) add(group, 'status', status, proportions.byStatus[status]);
    for (const [id, rule] of Object.entries(proportions.byRule)) {
      if (rule === undefined) continue;
      add(group, `rule:${id}`, 'present', rule.present);
      add(group, `rule:${id}`, 'absent', rule.absent);
      add(group, `rule:${id}`, 'unknown', rule.unknown);
    }
    for (const [fact, proportion] of Object.entries(proportions.missing)) {
      if (proportion !== undefined) add(group, 'missing', fact, proportion);
    }
  };
  addStatistics(null, summary as CohortStatistics<string, string>);
  const groups = readProperty(summary, 'groups') as CohortSummary<string, string>['groups'];
  if (groups !== undefined) {
    for (const [key, statistics] of Object.entries(groups))
      addStatistics(key, statistics as CohortStatistics<string, string>);
  }
  return Object.freeze(rows);
}
