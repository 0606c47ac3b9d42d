import type { BooleanFactName } from '../facts/patient-facts.js';
import { type AgeRuleOptions, ageRule } from './age-rule.js';
import { defineRuleSet, type RuleSetDefinition } from './define-rule-set.js';
import { type ProtocolRuleId, protocolRuleSet } from './protocol-rule-set.js';
import type { Rule, RuleSet } from './rule.js';

/**
 * What {@link extendProtocol} takes: a rule set's definition, whose `rules` are the clinic's own
 * and come after the protocol's, and the bounds of the protocol's age rule.
 *
 * @example
 * const extension: ProtocolExtension<never> = { id: 'clinic-adults', version: '1', rules: [], age: { under: 18 } };
 */
export interface ProtocolExtension<Id extends string, Fact extends string = never> extends RuleSetDefinition<Id, Fact> {
  /**
   * The bounds of the age rule (the protocol's item 1), as `ageRule` takes them. Default: the
   * protocol's, under 3 and over 75 completed years. Looser bounds (under below 3, or over above
   * 75) leave `'age'` in every screening's `uncheckedProtocolRules`.
   */
  readonly age?: AgeRuleOptions | undefined;
}

/**
 * Extends the source protocol with a clinic's own rules: the rule set holds the protocol's six
 * contraindications, in its order and unchanged but for the age bounds you choose, followed by
 * your rules. Unlike a set written with `defineRuleSet`, it cannot leave a protocol rule out by
 * accident, so its screenings check every contraindication of the protocol (their
 * `uncheckedProtocolRules` is empty, unless `age` loosens a bound).
 *
 * @param extension - the set's `id` and `version`, your `rules` (none is fine), your own
 *   `facts` if any (as `defineRuleSet` takes them), and `age`, the bounds of the protocol's age rule.
 * @returns the frozen rule set, as `defineRuleSet` returns it, with the protocol's rule ids and
 *   yours as its literal id type.
 * @throws {TypeError} when `extension` is not an object, `rules` is not an array, `age` is not an
 *   object, a rule of yours has the id of a protocol rule (set the age bounds with `age`), or
 *   `defineRuleSet` refuses the set (see there).
 * @throws {RangeError} when an age bound is not whole years, as `ageRule` throws.
 * @example
 * const clinic = extendProtocol({
 *   id: 'clinic-adults',
 *   version: '2026-11',
 *   age: { under: 18 },
 *   rules: [...cautionRuleSet.rules],
 * });
 * clinic.rules.length; // => 12
 * const screening = screen({ ageYears: 16 }, { ruleSet: clinic });
 * screening.contraindications; // => ['age']
 * screening.uncheckedProtocolRules; // => []
 */
export function extendProtocol<const Id extends string = never, const Fact extends string = never>(
  extension: ProtocolExtension<Id, Fact>,
): RuleSet<ProtocolRuleId | Id, Fact> {
  if (typeof extension !== 'object' || extension === null) {
    throw new TypeError('extendProtocol: expected { id, version, rules, age? }');
  }
  const { age, rules, ...definition } = extension;
  const named = `extendProtocol: rule set "${String(definition.id)}"`;
  if (!Array.isArray(rules)) throw new TypeError(`${named}: rules must be an array of the clinic's own rules`);
  if (age !== undefined && (typeof age !== 'object' || age === null)) {
    throw new TypeError(`${named}: age must be { under?, over? }`);
  }
  rules.forEach((rule: Rule<Id, string> | null | undefined, index) => {
    const id: unknown = rule?.id;
    if (protocolRuleSet.rules.some((protocolRule) => protocolRule.id === id)) {
      throw new TypeError(
        `${named}, rules[${index}] has the id "${String(id)}" of a protocol rule, which the set holds already: give it an id of its own (set the age bounds with \`age\`)`,
      );
    }
  });
  const protocol = [ageRule(age), ...protocolRuleSet.rules.slice(1)];
  return defineRuleSet<ProtocolRuleId | Id, Fact>({
    ...definition,
    rules: [...protocol, ...(rules as readonly Rule<Id, BooleanFactName | Fact>[])],
  });
}
