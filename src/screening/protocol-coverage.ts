// Which contraindications of the source protocol a rule set checks. A set checks one when an
// absolute rule of it is present whenever the protocol's rule is: then, fact for fact, the set
// is never less strict than the protocol there (present or unknown where the protocol is present
// or unknown). Only absolute rules count: a relative rule cautions and never contraindicates.
import type { BooleanFactName } from '../facts/patient-facts.js';
import { PROTOCOL_RULES, type ProtocolRuleId } from './protocol-rules.js';
import type { AgeOutsideCondition, Rule, RuleCondition } from './rule.js';

/** The ids of the protocol's contraindications that none of `rules` checks, in the protocol's order; frozen. */
export function uncheckedProtocolRules(rules: readonly Rule[]): readonly ProtocolRuleId[] {
  const absolute = rules.filter((rule) => rule.kind === 'absolute').map((rule) => rule.when);
  return Object.freeze(PROTOCOL_RULES.filter((rule) => !checks(absolute, rule.when)).map((rule) => rule.id));
}

/** Whether the conditions together are present whenever `protocol` is. */
function checks(conditions: readonly RuleCondition[], protocol: RuleCondition): boolean {
  if (protocol.type === 'age-outside') {
    // Each bound may be checked by its own rule: one for the young, one for the old. A condition
    // over boolean facts has no bounds, and undefined compares false with any number.
    const ages = conditions as readonly AgeOutsideCondition[];
    return ages.some((when) => when.under >= protocol.under) && ages.some((when) => when.over <= protocol.over);
  }
  // The protocol's other items are `any` conditions: each of their facts must be checked.
  return protocol.facts.every((fact) => conditions.some((when) => presentWhenTrue(when, fact)));
}

/** Whether a condition is present whenever `fact` is true: an `any` that reads it, or an `all` of it alone. */
function presentWhenTrue(when: RuleCondition, fact: BooleanFactName): boolean {
  if (when.type === 'age-outside') return false;
  return when.type === 'any' ? when.facts.includes(fact) : when.facts.every((other) => other === fact);
}
