import type { FactName } from '../facts/patient-facts.js';
import type { ProtocolRuleId } from '../screening/protocol-rule-set.js';
import type { RuleKind } from '../screening/rule.js';
import type { RuleSetRef, ScreeningStatus } from '../screening/screening.js';

/** A rule's kind, and how often it was found present, absent, or unknown among the screened records. */
export interface RuleCounts {
  /**
   * The rule's kind: `absolute`, `relative`, or `referral` (a red flag, whose presence made the
   * screening `refer`).
   */
  readonly kind: RuleKind;
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
 * since an invalid record has no screening.
 *
 * @typeParam Id - the rule ids.
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 */
export interface CohortProportions<Id extends string = ProtocolRuleId, Fact extends string = never> {
  /** Screened (valid) records among all records. */
  readonly screened: Proportion;
  /** Invalid records among all records. */
  readonly invalid: Proportion;
  /** Each status among the screened records. */
  readonly byStatus: Readonly<Record<ScreeningStatus, Proportion>>;
  /** Each rule's outcomes among the screened records; the same keys as the summary's `byRule`. */
  readonly byRule: Readonly<Partial<Record<Id, RuleProportions>>>;
  /** Each fact's missing count among the screened records; the same keys as the summary's `missing`. */
  readonly missing: Readonly<Partial<Record<FactName | Fact, Proportion>>>;
}

/**
 * The statistics of a cohort, or of one group of it. All counts are exact integers, so that
 * summaries of parts add up to the summary of the whole (see `mergeSummaries`).
 *
 * @typeParam Id - the rule ids.
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 */
export interface CohortStatistics<Id extends string = ProtocolRuleId, Fact extends string = never> {
  /** All records, screened and invalid. */
  readonly total: number;
  /** Records whose facts were valid and that were screened: `total - invalid`. */
  readonly screened: number;
  /** Records whose facts failed validation (`{ ok: false }` entries). */
  readonly invalid: number;
  /**
   * Screened records by status; every status is always present, zero included: `eligible`,
   * `caution`, `incomplete`, `contraindicated` and `refer`.
   */
  readonly byStatus: Readonly<Record<ScreeningStatus, number>>;
  /**
   * Per rule id, in rule-set order: the rule's kind, and how often it was present, absent or
   * unknown. Lists every rule of the screenings counted and of the `ruleSet` option, referral
   * rules included, zero counts included; for each rule, `present + absent + unknown` is the
   * number of screened records it applied to.
   */
  readonly byRule: Readonly<Partial<Record<Id, RuleCounts>>>;
  /**
   * Per fact: the screened records whose screening lists the fact in `missing`, i.e. the fact
   * was not recorded (or held an invalid value) and would have settled a rule that stayed
   * unknown. The shipped facts come first, in `factNames` order; then the `ruleSet` option's own
   * facts, in declaration order; then any other fact (a rule set's own fact met without the
   * option), in code-unit order. Lists every fact read by the `ruleSet` option, its own facts
   * included, zero counts included, and any other fact counted at least once.
   */
  readonly missing: Readonly<Partial<Record<FactName | Fact, number>>>;
  /** The rule sets (id and version) of the screenings counted and of the `ruleSet` option, sorted by id, then version. */
  readonly ruleSets: readonly RuleSetRef[];
  /** The counts as proportions with 95% Wilson intervals. */
  readonly proportions: CohortProportions<Id, Fact>;
}

/**
 * The summary of a cohort: its statistics, and the same statistics per group when a `groupBy`
 * was given. Plain, frozen data: it survives `structuredClone`, `postMessage` and JSON (where
 * `null` stands for an undefined proportion).
 *
 * @typeParam Id - the rule ids.
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 */
export interface CohortSummary<Id extends string = ProtocolRuleId, Fact extends string = never>
  extends CohortStatistics<Id, Fact> {
  /**
   * Present only when the summary was grouped: one entry per group key returned by `groupBy`,
   * keys in natural order (digit runs compared as numbers, so `'5-17'` comes before `'18-39'`;
   * JavaScript lists integer-like keys such as `'7'` before all others).
   * The groups' totals add up to the summary's.
   */
  readonly groups?: Readonly<Record<string, CohortStatistics<Id, Fact>>>;
}
