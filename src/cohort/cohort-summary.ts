import type { FactName } from '../facts/patient-facts.js';
import type { ProtocolRuleId } from '../screening/protocol-rule-set.js';
import type { RuleSetRef, ScreeningStatus } from '../screening/screening.js';

/** How often a rule was found present, absent, or unknown among the screened records. */
export interface RuleCounts {
  /** Records in which the rule was present. */
  readonly present: number;
  /** Records in which the rule was absent. */
  readonly absent: number;
  /** Records in which the facts did not settle the rule. */
  readonly unknown: number;
}

/**
 * A count as a proportion of its denominator, with its 95% Wilson score interval (see
 * `wilsonInterval`; z = 1.959963984540054).
 */
export interface Proportion {
  /** The count. */
  readonly count: number;
  /** The denominator. */
  readonly n: number;
  /** `count / n`, or `null` when `n` is 0. */
  readonly p: number | null;
  /** The lower bound of the 95% Wilson interval (0 when `n` is 0). */
  readonly low: number;
  /** The upper bound of the 95% Wilson interval (1 when `n` is 0). */
  readonly high: number;
}

/** A rule's outcomes as proportions of the screened records. */
export interface RuleProportions {
  /** The share of screened records in which the rule was present. */
  readonly present: Proportion;
  /** The share in which it was absent. */
  readonly absent: Proportion;
  /** The share in which it was unknown. */
  readonly unknown: Proportion;
}

/**
 * The counts of a summary as proportions. Denominators: `screened` and `invalid` are shares of
 * `total`; everything else is a share of the screened records (`total - invalid`), since an
 * invalid record has no screening.
 *
 * @typeParam Id - the rule ids.
 */
export interface CohortProportions<Id extends string = ProtocolRuleId> {
  /** Screened (valid) records among all records. */
  readonly screened: Proportion;
  /** Invalid records among all records. */
  readonly invalid: Proportion;
  /** Each status among the screened records. */
  readonly byStatus: Readonly<Record<ScreeningStatus, Proportion>>;
  /** Each rule's outcomes among the screened records; the same keys as the summary's `byRule`. */
  readonly byRule: Readonly<Partial<Record<Id, RuleProportions>>>;
  /** Each fact's missing count among the screened records; the same keys as the summary's `missing`. */
  readonly missing: Readonly<Partial<Record<FactName, Proportion>>>;
}

/**
 * The statistics of a cohort, or of one group of it. All counts are exact integers, so that
 * summaries of parts add up to the summary of the whole (see `mergeSummaries`).
 *
 * @typeParam Id - the rule ids.
 */
export interface CohortStatistics<Id extends string = ProtocolRuleId> {
  /** All records, screened and invalid. */
  readonly total: number;
  /** Records whose facts were valid and that were screened: `total - invalid`. */
  readonly screened: number;
  /** Records whose facts failed validation (`{ ok: false }` entries). */
  readonly invalid: number;
  /** Screened records by status; all four statuses are always present, zero included. */
  readonly byStatus: Readonly<Record<ScreeningStatus, number>>;
  /**
   * Per rule id, in rule-set order: how often the rule was present, absent or unknown. Lists
   * every rule of the screenings counted and of the `ruleSet` option, zero counts included; for
   * each rule, `present + absent + unknown` is the number of screened records it applied to.
   */
  readonly byRule: Readonly<Partial<Record<Id, RuleCounts>>>;
  /**
   * Per fact, in `factNames` order: the screened records whose screening lists the fact in
   * `missing`, i.e. the fact was not recorded and would have settled a rule that stayed unknown.
   * Lists every fact read by the `ruleSet` option, zero counts included, and any other fact
   * counted at least once.
   */
  readonly missing: Readonly<Partial<Record<FactName, number>>>;
  /** The rule sets (id and version) of the screenings counted and of the `ruleSet` option, sorted by id, then version. */
  readonly ruleSets: readonly RuleSetRef[];
  /** The counts as proportions with 95% Wilson intervals. */
  readonly proportions: CohortProportions<Id>;
}

/**
 * The summary of a cohort: its statistics, and the same statistics per group when a `groupBy`
 * was given. Plain, frozen data: it survives `structuredClone`, `postMessage` and JSON (where
 * `null` stands for an undefined proportion).
 *
 * @typeParam Id - the rule ids.
 */
export interface CohortSummary<Id extends string = ProtocolRuleId> extends CohortStatistics<Id> {
  /**
   * Present only when the summary was grouped: one entry per group key returned by `groupBy`,
   * keys in natural order (digit runs compared as numbers, so `'5-17'` comes before `'18-39'`;
   * JavaScript lists integer-like keys such as `'7'` before all others).
   * The groups' totals add up to the summary's.
   */
  readonly groups?: Readonly<Record<string, CohortStatistics<Id>>>;
}
