import type { BooleanFactName } from '../facts/patient-facts.js';

/** Where a rule or a profile value comes from: a section of the source protocol or a cited reference. */
export interface SourceCitation {
  /** The title of the source document or reference. */
  readonly title: string;
  /** The section, by its heading in the source (the protocol's unheaded list is `'Contraindications'`). */
  readonly section?: string;
  /** The item number within the section, where the section is a numbered list. */
  readonly item?: number;
  /** A link to the reference, where one is stable. */
  readonly url?: string;
  /** Anything a reviewer should know: a second reference, or how the caller changed the rule. */
  readonly note?: string;
}

/**
 * `absolute`: a present finding contraindicates acupuncture. `relative`: a present finding is a
 * caution that the clinician weighs. `referral`: a present finding (a red flag) calls for
 * assessment or referral, with its urgency, before any needling; it outranks every other finding.
 */
export type RuleKind = 'absolute' | 'relative' | 'referral';

/**
 * How soon a referral is needed: `emergency` (now, the same hour), `urgent` (within days) or
 * `routine`. A screening lists its referrals most urgent first.
 */
export type ReferralUrgency = 'emergency' | 'urgent' | 'routine';

/**
 * The urgencies, most urgent first: the order in which a screening lists its referrals.
 *
 * @example
 * referralUrgencies[0]; // => 'emergency'
 */
export const referralUrgencies: readonly ReferralUrgency[] = /* @__PURE__ */ Object.freeze([
  'emergency',
  'urgent',
  'routine',
] as const);

/**
 * When a rule is present, as declarative data read by one interpreter (fast, and printable for
 * an audit). Logic is three-valued (Kleene): a fact that is not recorded is unknown, never false.
 *
 * - `any`: present when any fact is true; absent when all are false; otherwise unknown.
 * - `all`: present when all facts are true; absent when any is false; otherwise unknown.
 * - `age-outside`: present when completed years of `ageYears` are below `under` or above `over`.
 *
 * @typeParam Fact - the boolean facts a condition may read: the shipped ones, and a rule set's own.
 */
export type RuleCondition<Fact extends string = BooleanFactName> =
  | AnyFactCondition<Fact>
  | AllFactsCondition<Fact>
  | AgeOutsideCondition;

/** Present when any of the facts is true (Kleene OR). */
export interface AnyFactCondition<Fact extends string = BooleanFactName> {
  /** The condition's kind. */
  readonly type: 'any';
  /** The boolean facts read, at least one. */
  readonly facts: readonly Fact[];
}

/** Present when all of the facts are true (Kleene AND). */
export interface AllFactsCondition<Fact extends string = BooleanFactName> {
  /** The condition's kind. */
  readonly type: 'all';
  /** The boolean facts read, at least one. */
  readonly facts: readonly Fact[];
}

/** Present when the completed years of `ageYears` are below `under` or above `over`. */
export interface AgeOutsideCondition {
  /** The condition's kind. */
  readonly type: 'age-outside';
  /** The lowest age in completed years that is not contraindicated. */
  readonly under: number;
  /** The highest age in completed years that is not contraindicated. */
  readonly over: number;
}

/**
 * One screening rule: a contraindication (`absolute`), a caution (`relative`), or a red flag to
 * refer (`referral`, with its urgency and a note on the strength of its evidence).
 *
 * @typeParam Id - the rule's id as a literal type, so that results name rules precisely.
 * @typeParam Fact - the boolean facts its condition may read (default: the shipped ones).
 */
export type Rule<Id extends string = string, Fact extends string = BooleanFactName> =
  | ContraindicationRule<Id, Fact>
  | ReferralRule<Id, Fact>;

/** What every rule has: an id, a condition and a source. */
interface RuleBase<Id extends string, Fact extends string> {
  /** A stable id, unique within its rule set, e.g. `'pregnancy'`. */
  readonly id: Id;
  /** When the rule is present. */
  readonly when: RuleCondition<Fact>;
  /** Where the rule comes from. */
  readonly source: SourceCitation;
}

/** A rule whose present finding contraindicates (`absolute`) or cautions (`relative`). */
export interface ContraindicationRule<Id extends string = string, Fact extends string = BooleanFactName>
  extends RuleBase<Id, Fact> {
  /** Whether a present finding contraindicates or only cautions. */
  readonly kind: 'absolute' | 'relative';
}

/** A red flag: a present finding calls for assessment or referral before needling. */
export interface ReferralRule<Id extends string = string, Fact extends string = BooleanFactName>
  extends RuleBase<Id, Fact> {
  /** A referral. */
  readonly kind: 'referral';
  /** How soon the patient should be assessed or referred. */
  readonly urgency: ReferralUrgency;
  /** How strong the evidence behind the flag is, in a sentence a reviewer can check against the source. */
  readonly evidence: string;
}

/**
 * A fact of a rule set's own, such as `recentSpinalSurgery`: a boolean read with the same
 * three-valued logic as the shipped facts (`undefined` and `null` are not recorded, any value but
 * `true` or `false` is invalid).
 */
export interface CustomFact {
  /**
   * The fact's label per locale, as a question or a short phrase a clinician reads: English is
   * required, other locales are optional; a locale without one shows the fact's name.
   */
  readonly label: CustomFactLabel;
}

/** A fact's label per locale tag: English always, any other locale as the clinic supplies it. */
export interface CustomFactLabel {
  /** The English label, required (English is the library's default locale). A locale without a label of its own shows the fact's name. */
  readonly en: string;
  /** The label in another locale, by its tag (such as `ru`). */
  readonly [locale: string]: string;
}

/**
 * A named, versioned, frozen list of rules. Every screening records the id and version of the
 * rule set that produced it.
 *
 * @typeParam Id - the union of its rules' ids.
 * @typeParam Fact - the names of the facts the set declares itself (none by default).
 */
export interface RuleSet<Id extends string = string, Fact extends string = never> {
  /** A stable id, e.g. `'acuspine-protocol'`. */
  readonly id: string;
  /** The version of the rules; it changes whenever a rule's meaning changes. */
  readonly version: string;
  /** The rules, in the order their findings are reported. */
  readonly rules: readonly Rule<Id, BooleanFactName | Fact>[];
  /** The set's own facts, by name, in declaration order; `defineRuleSet` always gives this (empty when none). */
  readonly facts?: Readonly<Record<Fact, CustomFact>>;
}

/**
 * The facts a rule reads, in its own order.
 *
 * @param rule - any rule.
 * @returns the names of the facts its condition reads.
 * @example
 * ruleFacts(protocolRuleSet.rules[5]); // => ['acuteMentalIllness', 'psychotropicInfluence']
 */
export function ruleFacts<Fact extends string = BooleanFactName>(
  rule: Rule<string, Fact>,
): readonly ('ageYears' | Fact)[] {
  return rule.when.type === 'age-outside' ? ['ageYears'] : rule.when.facts;
}
