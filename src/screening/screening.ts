import type { FactName } from '../facts/patient-facts.js';
import type { ProtocolRuleId } from './protocol-rules.js';
import type { ReferralUrgency, RuleKind, SourceCitation } from './rule.js';

/**
 * The result of a screening, by precedence: any referral rule present (a red flag) gives `refer`
 * (assess or refer, as urgently as the referrals say, before any needling); otherwise any
 * absolute rule present gives `contraindicated` (refer for another method of treatment);
 * otherwise any rule unknown gives `incomplete` (ask for the missing facts); otherwise any
 * relative rule present gives `caution`; otherwise `eligible`.
 */
export type ScreeningStatus = 'eligible' | 'caution' | 'contraindicated' | 'incomplete' | 'refer';

/** The statuses, from the least to the most restrictive reading order of a report. */
export const screeningStatuses: readonly ScreeningStatus[] = /* @__PURE__ */ Object.freeze([
  'eligible',
  'caution',
  'incomplete',
  'contraindicated',
  'refer',
] as const);

/** What a rule found: `present`, `absent`, or `unknown` when the facts do not settle it. */
export type FindingOutcome = 'present' | 'absent' | 'unknown';

/** One rule's finding. Findings are frozen and may be shared between screenings. */
export interface Finding<Id extends string = string> {
  /** The id of the rule. */
  readonly rule: Id;
  /** What the rule found. */
  readonly outcome: FindingOutcome;
  /** The rule's kind. */
  readonly kind: RuleKind;
  /** A referral rule's urgency; only referral findings have one. */
  readonly urgency?: ReferralUrgency;
  /** The rule's source. */
  readonly source: SourceCitation;
}

/** A referral rule found present: a red flag to assess or refer, and how soon. */
export interface Referral<Id extends string = string> {
  /** The id of the referral rule. */
  readonly rule: Id;
  /** How soon. */
  readonly urgency: ReferralUrgency;
}

/**
 * A screening: the status, one finding per rule, and the questions to ask next. Frozen; equal
 * screenings may be the same object.
 *
 * @typeParam Id - the rule ids of the rule set used.
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 */
export interface Screening<Id extends string = string, Fact extends string = never> {
  /** The overall status (see {@link ScreeningStatus} for the precedence). */
  readonly status: ScreeningStatus;
  /** One finding per rule, in rule-set order. */
  readonly findings: readonly Finding<Id>[];
  /** The referral rules found present, most urgent first (`emergency`, `urgent`, `routine`), then in rule-set order. */
  readonly referrals: readonly Referral<Id>[];
  /** The ids of the absolute rules found present. */
  readonly contraindications: readonly Id[];
  /** The ids of the relative rules found present. */
  readonly cautions: readonly Id[];
  /** The facts to record next: those that would settle an unknown rule, and every invalid fact; in rule-set order. */
  readonly missing: readonly (FactName | Fact)[];
  /** The facts whose value had the wrong type or range; each is also in `missing`. */
  readonly invalid: readonly (FactName | Fact)[];
  /** The rule set that produced this screening. */
  readonly ruleSet: RuleSetRef;
  /**
   * The contraindications of the source protocol that the rule set does not check, by their ids
   * in `protocolRuleSet`, in its order; empty when it checks them all (the protocol itself, or a
   * set made by `extendProtocol`). A set checks one when it has an absolute rule that is present
   * whenever the protocol's rule is: an `any` rule over the same facts or more, one rule per fact,
   * or age bounds at least as strict (`under` 3 or more, `over` 75 or less). When this list is
   * not empty, the status says nothing about the contraindications it names: an `eligible`
   * screening is then no all-clear against the protocol.
   */
  readonly uncheckedProtocolRules: readonly ProtocolRuleId[];
}

/** Which rule set, and which version of it, produced a result. */
export interface RuleSetRef {
  /** The rule set's id. */
  readonly id: string;
  /** The rule set's version. */
  readonly version: string;
}
