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
 * caution that the clinician weighs.
 */
export type RuleKind = 'absolute' | 'relative';

/**
 * When a rule is present, as declarative data read by one interpreter (fast, and printable for
 * an audit). Logic is three-valued (Kleene): a fact that is not recorded is unknown, never false.
 *
 * - `any`: present when any fact is true; absent when all are false; otherwise unknown.
 * - `all`: present when all facts are true; absent when any is false; otherwise unknown.
 * - `age-outside`: present when completed years of `ageYears` are below `under` or above `over`.
 */
export type RuleCondition = AnyFactCondition | AllFactsCondition | AgeOutsideCondition;

/** Present when any of the facts is true (Kleene OR). */
export interface AnyFactCondition {
  /** The condition's kind. */
  readonly type: 'any';
  /** The boolean facts read, at least one. */
  readonly facts: readonly BooleanFactName[];
}

/** Present when all of the facts are true (Kleene AND). */
export interface AllFactsCondition {
  /** The condition's kind. */
  readonly type: 'all';
  /** The boolean facts read, at least one. */
  readonly facts: readonly BooleanFactName[];
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
 * One screening rule.
 *
 * @typeParam Id - the rule's id as a literal type, so that results name rules precisely.
 */
export interface Rule<Id extends string = string> {
  /** A stable id, unique within its rule set, e.g. `'pregnancy'`. */
  readonly id: Id;
  /** Whether a present finding contraindicates or only cautions. */
  readonly kind: RuleKind;
  /** When the rule is present. */
  readonly when: RuleCondition;
  /** Where the rule comes from. */
  readonly source: SourceCitation;
}

/**
 * A named, versioned, frozen list of rules. Every screening records the id and version of the
 * rule set that produced it.
 *
 * @typeParam Id - the union of its rules' ids.
 */
export interface RuleSet<Id extends string = string> {
  /** A stable id, e.g. `'acuspine-protocol'`. */
  readonly id: string;
  /** The version of the rules; it changes whenever a rule's meaning changes. */
  readonly version: string;
  /** The rules, in the order their findings are reported. */
  readonly rules: readonly Rule<Id>[];
}

/**
 * The facts a rule reads, in its own order.
 *
 * @param rule - any rule.
 * @returns the names of the facts its condition reads.
 * @example
 * ruleFacts(protocolRuleSet.rules[5]); // => ['acuteMentalIllness', 'psychotropicInfluence']
 */
export function ruleFacts(rule: Rule): readonly ('ageYears' | BooleanFactName)[] {
  return rule.when.type === 'age-outside' ? ['ageYears'] : rule.when.facts;
}
