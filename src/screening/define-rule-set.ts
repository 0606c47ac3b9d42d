import { readProperties } from '../_internal/read-property.js';
import { type BooleanFactName, isFactName } from '../facts/patient-facts.js';
import { compileProgram, MAX_INPUTS, type Program } from './program.js';
import { protocolItemOf } from './protocol-citation.js';
import { PROTOCOL_RULES } from './protocol-rules.js';
import type {
  AgeOutsideCondition,
  AnyFactCondition,
  Rule,
  RuleCondition,
  RuleKind,
  RuleSet,
  SourceCitation,
} from './rule.js';

/** What {@link defineRuleSet} takes. */
export interface RuleSetDefinition<Id extends string> {
  /** A stable id for the set, recorded in every screening. */
  readonly id: string;
  /** The set's version, recorded in every screening. */
  readonly version: string;
  /** The rules, in reporting order; ids must be unique. */
  readonly rules: readonly Rule<Id>[];
}

const programs = /* @__PURE__ */ new WeakMap<RuleSet, Program>();
let lastProgram: Program = /* @__PURE__ */ compileProgram(
  // Stryker disable next-line StringLiteral: equivalent, a placeholder set that no caller holds: its id and version are never read
  /* @__PURE__ */ Object.freeze({ id: '', version: '', rules: [] }),
);

/**
 * Validates and freezes a rule set, for example the protocol and caution sets combined. The
 * returned set is a deep, frozen copy. To add rules to the protocol, or to change its age bounds,
 * prefer {@link extendProtocol}, which cannot leave a protocol rule out; every screening of a set
 * that does lists what it leaves out in `uncheckedProtocolRules`.
 *
 * @param definition - the id, version and rules.
 * @returns the frozen rule set, ready for `screen(facts, { ruleSet })`.
 * @throws {TypeError} when the id or version is not a non-empty string, there are no rules, two
 *   rules share an id, a rule has an unknown kind, an unknown fact, an empty fact list, invalid
 *   age bounds, a source without a title or with an empty section, url or note or an item that
 *   is not a whole number from 1, a source that cites an item of the protocol's contraindications
 *   with no note on a rule that is not that item's own (its note must say how the rule differs,
 *   as `ageRule` notes other bounds), or the set reads more than 26 distinct inputs (facts
 *   and age conditions); the message names the rule and the problem.
 * @example
 * const withCautions = defineRuleSet({
 *   id: 'protocol-and-cautions',
 *   version: '1',
 *   rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
 * });
 * screen({ ageYears: 40 }, { ruleSet: withCautions }).ruleSet;
 * // => { id: 'protocol-and-cautions', version: '1' }
 */
export function defineRuleSet<const Id extends string>(definition: RuleSetDefinition<Id>): RuleSet<Id> {
  if (typeof definition !== 'object' || definition === null) {
    throw new TypeError('defineRuleSet: expected { id, version, rules }');
  }
  const { id, version, rules } = readProperties(definition, ['id', 'version', 'rules']);
  if (typeof id !== 'string' || id === '') throw new TypeError('defineRuleSet: id must be a non-empty string');
  if (typeof version !== 'string' || version === '') {
    throw new TypeError(`defineRuleSet: rule set "${id}": version must be a non-empty string`);
  }
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new TypeError(`defineRuleSet: rule set "${id}": rules must be a non-empty array`);
  }
  const seen = new Set<string>();
  const frozenRules = (rules as readonly Rule<Id>[]).map((rule, index) => {
    const copy = checkedRule(rule, `rule set "${id}", rules[${index}]`);
    if (seen.has(copy.id)) throw new TypeError(`defineRuleSet: rule set "${id}": duplicate rule id "${copy.id}"`);
    seen.add(copy.id);
    return copy;
  });
  const ruleSet: RuleSet<Id> = Object.freeze({ id, version, rules: Object.freeze(frozenRules) });
  const program = compileProgram(ruleSet);
  if (program.inputFacts.length > MAX_INPUTS) {
    throw new TypeError(`defineRuleSet: rule set "${id}" reads more than ${MAX_INPUTS} distinct inputs`);
  }
  programs.set(ruleSet, program);
  return ruleSet;
}

/**
 * The compiled program of a rule set. Sets made by {@link defineRuleSet} are frozen and compiled
 * once. A rule set written as a plain object could change between calls, so it is validated and
 * compiled on every call: correct, but slow; `defineRuleSet` it once for speed.
 */
export function programOf(ruleSet: RuleSet): Program {
  // Most callers screen many records with one rule set: skip the WeakMap for a repeat.
  // Stryker disable next-line ConditionalExpression: equivalent, without this shortcut the WeakMap below returns the same program
  if (ruleSet === lastProgram.ruleSet) return lastProgram;
  const program = programs.get(ruleSet);
  if (program === undefined) return programs.get(defineRuleSet(ruleSet)) as Program;
  lastProgram = program;
  return program;
}

function checkedRule<Id extends string>(rule: Rule<Id>, where: string): Rule<Id> {
  if (typeof rule !== 'object' || rule === null) throw new TypeError(`defineRuleSet: ${where} is not a rule object`);
  const { id, kind, when, source } = readProperties(rule, ['id', 'kind', 'when', 'source']);
  if (typeof id !== 'string' || id === '')
    throw new TypeError(`defineRuleSet: ${where}: id must be a non-empty string`);
  const named = `${where} ("${id}")`;
  if (kind !== 'absolute' && kind !== 'relative') {
    throw new TypeError(`defineRuleSet: ${named}: kind must be 'absolute' or 'relative', got ${String(kind)}`);
  }
  const condition = checkedCondition(when as RuleCondition, named);
  const citation = checkedSource(source as SourceCitation, named);
  checkedProtocolCitation(kind, condition, citation, named);
  return Object.freeze({ id: id as Id, kind, when: condition, source: citation });
}

/**
 * A citation of an item of the protocol's contraindications with no note is read, in
 * explanations and on cards, as that item's own rule: refuse it on any other rule, whose note
 * must say how it differs (as `ageRule` notes other bounds).
 */
function checkedProtocolCitation(kind: RuleKind, when: RuleCondition, source: SourceCitation, where: string): void {
  const item = protocolItemOf(source);
  if (item === undefined || source.note !== undefined) return;
  const cited = PROTOCOL_RULES[item - 1];
  if (cited === undefined || kind !== cited.kind || !sameCondition(when, cited.when)) {
    throw new TypeError(
      `defineRuleSet: ${where}: its source cites the protocol's contraindication item ${item} with no note, but the rule is not that item's rule: say in source.note how it differs`,
    );
  }
}

/** Whether a condition is the protocol's: the same type, and the same bounds or the same facts in any order. */
function sameCondition(when: RuleCondition, protocol: RuleCondition): boolean {
  if (when.type !== protocol.type) return false;
  if (when.type === 'age-outside') {
    const bounds = protocol as AgeOutsideCondition;
    return when.under === bounds.under && when.over === bounds.over;
  }
  const facts = (protocol as AnyFactCondition).facts;
  return when.facts.every((fact) => facts.includes(fact)) && facts.every((fact) => when.facts.includes(fact));
}

function checkedCondition(condition: RuleCondition, where: string): RuleCondition {
  if (typeof condition !== 'object' || condition === null) {
    throw new TypeError(`defineRuleSet: ${where}: when must be an object`);
  }
  const when = readProperties(condition, ['type', 'under', 'over', 'facts']) as RuleCondition;
  if (when.type === 'age-outside') {
    const { under, over } = when;
    if (!Number.isInteger(under) || !Number.isInteger(over) || under < 0 || over < under) {
      throw new TypeError(
        `defineRuleSet: ${where}: age bounds must be whole years with 0 <= under <= over, got under ${String(under)}, over ${String(over)}`,
      );
    }
    return Object.freeze({ type: 'age-outside', under, over });
  }
  if (when.type !== 'any' && when.type !== 'all') {
    throw new TypeError(`defineRuleSet: ${where}: when.type must be 'any', 'all' or 'age-outside'`);
  }
  if (!Array.isArray(when.facts) || when.facts.length === 0) {
    throw new TypeError(`defineRuleSet: ${where}: when.facts must be a non-empty array of fact names`);
  }
  for (const fact of when.facts as readonly unknown[]) {
    if (
      // Stryker disable next-line ConditionalExpression: equivalent, isFactName is false for a non-string too; this narrows the type
      typeof fact !== 'string' ||
      !isFactName(fact) ||
      fact === 'ageYears'
    ) {
      throw new TypeError(`defineRuleSet: ${where}: ${String(fact)} is not a boolean patient fact`);
    }
  }
  return Object.freeze({ type: when.type, facts: Object.freeze([...when.facts] as BooleanFactName[]) });
}

/** The optional text fields of a citation: when given, each must say something, or the citation shows a blank. */
const CITATION_TEXTS = ['section', 'url', 'note'] as const;

function checkedSource(citation: SourceCitation, where: string): SourceCitation {
  const source = (
    typeof citation === 'object' && citation !== null
      ? readProperties(citation, ['title', 'section', 'item', 'url', 'note'])
      : citation
  ) as SourceCitation;
  if (typeof source !== 'object' || source === null || typeof source.title !== 'string' || source.title === '') {
    throw new TypeError(`defineRuleSet: ${where}: source must name a title`);
  }
  for (const key of CITATION_TEXTS) {
    const value: unknown = source[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new TypeError(`defineRuleSet: ${where}: source.${key} must be a non-empty string when given`);
    }
  }
  const item: unknown = source.item;
  if (item !== undefined && !(Number.isInteger(item) && (item as number) >= 1)) {
    throw new TypeError(`defineRuleSet: ${where}: source.item must be a whole number from 1 when given`);
  }
  return Object.freeze({ ...citation });
}
