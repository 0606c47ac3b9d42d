// The names of a rule set's own facts, for the readers of records that accept them
// (parsePatientFacts, screenCohort). Read without the screening engine, so that a parser's bundle
// stays small; `defineRuleSet` has checked the names of any set it made.
import { readProperty } from '../_internal/read-property.js';
import { isFactName } from './patient-facts.js';

/** A word of ASCII letters and digits that starts with a small letter: a safe key, column and field name. */
const CUSTOM_FACT_NAME = /^[a-z][A-Za-z0-9]*$/;

/** The longest name a fact of a rule set's own may have. */
export const MAX_CUSTOM_FACT_NAME_LENGTH = 64;

/**
 * The names that every object inherits from Object.prototype: a fact so named would read as
 * recorded (a function) in every record that lacks it, and `{}` would not type as a record.
 */
const INHERITED_NAMES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

/** Whether `name` may name a fact of a rule set's own: a word, not too long, not a shipped fact's name, and not inherited by every object. */
export function isCustomFactName(name: string): boolean {
  return (
    CUSTOM_FACT_NAME.test(name) &&
    name.length <= MAX_CUSTOM_FACT_NAME_LENGTH &&
    !isFactName(name) &&
    !INHERITED_NAMES.has(name)
  );
}

const NONE: readonly string[] = /* @__PURE__ */ Object.freeze([]);

/**
 * The names of the facts that `options.ruleSet` declares, in declaration order; none without a
 * rule set. Never from Object.prototype.
 *
 * @throws {TypeError} when `options` is not an object, or the rule set's `facts` is not an
 *   object whose keys are names a rule set may declare.
 */
export function customFactNamesOf(options: unknown, caller: string): readonly string[] {
  if (options === undefined) return NONE;
  if (typeof options !== 'object' || options === null) throw new TypeError(`${caller}: options must be an object`);
  const ruleSet = readProperty(options, 'ruleSet');
  if (ruleSet === undefined) return NONE;
  if (typeof ruleSet !== 'object' || ruleSet === null) {
    throw new TypeError(`${caller}: options.ruleSet must be a rule set`);
  }
  const facts = readProperty(ruleSet, 'facts');
  if (facts === undefined) return NONE;
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    throw new TypeError(`${caller}: options.ruleSet.facts must be an object of fact definitions keyed by name`);
  }
  const names = Object.keys(facts);
  const bad = names.find((name) => !isCustomFactName(name));
  if (bad !== undefined) {
    throw new TypeError(
      `${caller}: options.ruleSet.facts declares "${bad}", which is not a name a rule set may declare`,
    );
  }
  return names;
}
