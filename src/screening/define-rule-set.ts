import { readProperties } from '../_internal/read-property.js';
import type { Issue } from '../_internal/result.js';
import { isCustomFactName, MAX_CUSTOM_FACT_NAME_LENGTH } from '../facts/custom-fact-names.js';
import { type BooleanFactName, isFactName } from '../facts/patient-facts.js';
import { compileProgram, type Program } from './program.js';
import { protocolItemOf } from './protocol-citation.js';
import { PROTOCOL_RULES } from './protocol-rules.js';
import {
  type AgeOutsideCondition,
  type AnyFactCondition,
  type CustomFact,
  type ReferralUrgency,
  type Rule,
  type RuleCondition,
  type RuleKind,
  type RuleSet,
  referralUrgencies,
  type SourceCitation,
} from './rule.js';

/**
 * What {@link defineRuleSet} takes.
 *
 * @typeParam Id - the rules' ids.
 * @typeParam Fact - the names of the set's own facts, from the keys of `facts`.
 */
export interface RuleSetDefinition<Id extends string, Fact extends string = never> {
  /** A stable id for the set, recorded in every screening. */
  readonly id: string;
  /** The set's version, recorded in every screening. */
  readonly version: string;
  /**
   * The set's own facts, by name, next to the shipped ones: each a boolean with a label per
   * locale. A name is a word of letters and digits that starts with a small letter (it becomes a
   * key of records, a column, a form field) and is not a shipped fact's.
   */
  readonly facts?: { readonly [Name in Fact]: CustomFact } | undefined;
  /** The rules, in reporting order; ids must be unique, and the facts they read shipped or declared in `facts`. */
  readonly rules: readonly (Rule<string, BooleanFactName | NoInfer<Fact>> & RuleId<Id>)[];
}

/**
 * A rule's id as a literal type: the rules of a definition meet here, so that their ids, whether
 * spread from another set, made by `ageRule` or written out, are inferred together.
 */
export interface RuleId<Id extends string> {
  /** The rule's id. */
  readonly id: Id;
}

/**
 * Thrown by {@link defineRuleSet} (and by `screen` given a rule set it refuses): a `TypeError`
 * whose `issues` say what is wrong and where, each with the path of the field in the definition
 * (for example `['rules', 2, 'when', 'facts', 0]`). The message names the first.
 */
export class RuleSetError extends TypeError {
  /** Every problem found, at least one, each with its path in the definition. */
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`defineRuleSet: ${first?.message ?? 'the rule set is not valid'}${more}`);
    this.name = 'RuleSetError';
    this.issues = Object.freeze(
      issues.map((found) => Object.freeze({ ...found, path: Object.freeze([...found.path]) })),
    );
  }
}

type Path = readonly (string | number)[];

function refuse(code: string, path: Path, message: string): never {
  throw new RuleSetError([{ code, path, message }]);
}

const programs = /* @__PURE__ */ new WeakMap<RuleSet, Program>();
let lastProgram: Program = /* @__PURE__ */ compileProgram(
  // Stryker disable next-line StringLiteral: equivalent, a placeholder set that no caller holds: its id and version are never read
  /* @__PURE__ */ Object.freeze({ id: '', version: '', rules: [] }),
);

/**
 * Validates and freezes a rule set, for example the protocol and caution sets combined, or a
 * clinic's own with facts of its own. The returned set is a deep, frozen copy. To add rules to
 * the protocol, or to change its age bounds, prefer {@link extendProtocol}, which cannot leave a
 * protocol rule out; every screening of a set that does lists what it leaves out in
 * `uncheckedProtocolRules`.
 *
 * @param definition - the id, version, rules, and the set's own `facts` if any.
 * @returns the frozen rule set, ready for `screen(facts, { ruleSet })`; its `facts` is always
 *   there (empty when the set declares none).
 * @throws {RuleSetError} (a `TypeError`) when the id or version is not a non-empty string, there
 *   are no rules, two rules share an id, a rule has an unknown kind, a referral lacks its urgency
 *   or evidence (or a rule that is not a referral has them), a rule reads a fact that is neither
 *   shipped nor declared, an empty fact list, invalid age bounds, a source without a title or
 *   with an empty section, url or note or an item that is not a whole number from 1, a source that
 *   cites an item of the protocol's contraindications with no note on a rule that is not that
 *   item's own (its note must say how the rule differs, as `ageRule` notes other bounds), or a
 *   declared fact has a name that is not a word, clashes with a shipped fact, or lacks a
 *   non-empty English label. Its `issues` give each problem's path; the message names the first.
 * @example
 * const withCautions = defineRuleSet({
 *   id: 'protocol-and-cautions',
 *   version: '1',
 *   rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
 * });
 * screen({ ageYears: 40 }, { ruleSet: withCautions }).ruleSet;
 * // => { id: 'protocol-and-cautions', version: '1' }
 *
 * const clinic = defineRuleSet({
 *   id: 'clinic-surgery',
 *   version: '1',
 *   facts: { recentSpinalSurgery: { label: { en: 'Spinal surgery in the last 6 months' } } },
 *   rules: [{
 *     id: 'recent-spinal-surgery',
 *     kind: 'absolute',
 *     when: { type: 'any', facts: ['recentSpinalSurgery'] },
 *     source: { title: 'Clinic policy 12' },
 *   }],
 * });
 * screen({ recentSpinalSurgery: true }, { ruleSet: clinic }).status; // => 'contraindicated'
 */
export function defineRuleSet<const Id extends string, const Fact extends string = never>(
  definition: RuleSetDefinition<Id, Fact>,
): RuleSet<Id, Fact> {
  if (typeof definition !== 'object' || definition === null) {
    refuse('invalid-type', [], 'expected { id, version, rules } and, optionally, facts');
  }
  const { id, version, rules, facts } = readProperties(definition, ['id', 'version', 'rules', 'facts']);
  if (typeof id !== 'string' || id === '') refuse('invalid-type', ['id'], 'id must be a non-empty string');
  if (typeof version !== 'string' || version === '') {
    refuse('invalid-type', ['version'], `rule set "${id}": version must be a non-empty string`);
  }
  if (!Array.isArray(rules) || rules.length === 0) {
    refuse('invalid-type', ['rules'], `rule set "${id}": rules must be a non-empty array`);
  }
  const ownFacts = checkedFacts(facts, `rule set "${id}"`);
  const seen = new Set<string>();
  const frozenRules = (rules as readonly Rule<Id, string>[]).map((rule, index) => {
    const copy = checkedRule(rule, `rule set "${id}", rules[${index}]`, ['rules', index], ownFacts);
    if (seen.has(copy.id))
      refuse('duplicate-rule', ['rules', index, 'id'], `rule set "${id}": duplicate rule id "${copy.id}"`);
    seen.add(copy.id);
    return copy;
  });
  const ruleSet = Object.freeze({
    id,
    version,
    rules: Object.freeze(frozenRules),
    facts: ownFacts,
  }) as unknown as RuleSet<Id, Fact>;
  programs.set(ruleSet as RuleSet, compileProgram(ruleSet as RuleSet));
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

/** The set's own facts, checked and frozen, in declaration order; every problem found is listed. */
function checkedFacts(facts: unknown, where: string): Readonly<Record<string, CustomFact>> {
  if (facts === undefined) return EMPTY_FACTS;
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    refuse('invalid-type', ['facts'], `${where}: facts must be an object of fact definitions keyed by name`);
  }
  const issues: Issue[] = [];
  const checked: Record<string, { label: CustomFact['label'] | undefined }> = {};
  for (const name of Object.keys(facts)) {
    const path = ['facts', name];
    if (isFactName(name)) {
      issues.push({
        code: 'fact-name-clash',
        path,
        message: `${where}: the fact "${name}" is a shipped fact: give yours a name of its own`,
      });
      continue;
    }
    if (!isCustomFactName(name)) {
      issues.push({
        code: 'invalid-fact-name',
        path,
        message: `${where}: the fact name "${name}" must be letters and digits that start with a small letter, at most ${MAX_CUSTOM_FACT_NAME_LENGTH} characters, and not a name every object inherits (such as "constructor")`,
      });
      continue;
    }
    const label = checkedLabel((facts as Record<string, unknown>)[name], `${where}, facts.${name}`, path, issues);
    checked[name] = Object.freeze({ label });
  }
  if (issues.length > 0) throw new RuleSetError(issues);
  // Every label is whole here: a label that is not has left an issue, and the set was refused.
  return Object.freeze(checked) as Readonly<Record<string, CustomFact>>;
}

const EMPTY_FACTS: Readonly<Record<string, CustomFact>> = /* @__PURE__ */ Object.freeze({});

function checkedLabel(
  definition: unknown,
  where: string,
  path: Path,
  issues: Issue[],
): CustomFact['label'] | undefined {
  const label =
    typeof definition === 'object' && definition !== null ? readProperties(definition, ['label']).label : undefined;
  if (typeof label !== 'object' || label === null || Array.isArray(label)) {
    issues.push({
      code: 'invalid-type',
      path: [...path, 'label'],
      message: `${where}: label must be an object of texts by locale, English ('en') at least`,
    });
    return undefined;
  }
  const texts: Record<string, string> = {};
  const locales = Object.keys(label);
  if (!locales.includes('en')) {
    issues.push({
      code: 'empty-label',
      path: [...path, 'label', 'en'],
      message: `${where}: label.en must be a non-empty string`,
    });
  }
  for (const locale of locales) {
    const text: unknown = (label as Record<string, unknown>)[locale];
    if (typeof text !== 'string' || text.trim() === '') {
      issues.push({
        code: 'empty-label',
        path: [...path, 'label', locale],
        message: `${where}: label.${locale} must be a non-empty string`,
      });
    } else {
      texts[locale] = text;
    }
  }
  // Whole only when no issue was added above; the caller refuses the set otherwise.
  return Object.freeze(texts) as CustomFact['label'];
}

function checkedRule<Id extends string>(
  rule: Rule<Id, string>,
  where: string,
  path: Path,
  ownFacts: Readonly<Record<string, CustomFact>>,
): Rule<Id, string> {
  if (typeof rule !== 'object' || rule === null) refuse('invalid-type', path, `${where} is not a rule object`);
  const { id, kind, when, source, urgency, evidence } = readProperties(rule, [
    'id',
    'kind',
    'when',
    'source',
    'urgency',
    'evidence',
  ]);
  if (typeof id !== 'string' || id === '')
    refuse('invalid-type', [...path, 'id'], `${where}: id must be a non-empty string`);
  const named = `${where} ("${id}")`;
  if (kind !== 'absolute' && kind !== 'relative' && kind !== 'referral') {
    refuse(
      'invalid-kind',
      [...path, 'kind'],
      `${named}: kind must be 'absolute', 'relative' or 'referral', got ${String(kind)}`,
    );
  }
  const condition = checkedCondition(when as RuleCondition<string>, named, [...path, 'when'], ownFacts);
  const citation = checkedSource(source as SourceCitation, named, [...path, 'source']);
  checkedProtocolCitation(kind, condition, citation, named, [...path, 'source']);
  if (kind !== 'referral') {
    if (urgency !== undefined || evidence !== undefined) {
      refuse(
        'invalid-kind',
        [...path, urgency !== undefined ? 'urgency' : 'evidence'],
        `${named}: only a referral rule has an urgency and evidence`,
      );
    }
    return Object.freeze({ id: id as Id, kind, when: condition, source: citation });
  }
  if (!referralUrgencies.includes(urgency as ReferralUrgency)) {
    refuse(
      'invalid-urgency',
      [...path, 'urgency'],
      `${named}: a referral's urgency must be 'emergency', 'urgent' or 'routine', got ${String(urgency)}`,
    );
  }
  if (typeof evidence !== 'string' || evidence.trim() === '') {
    refuse(
      'invalid-type',
      [...path, 'evidence'],
      `${named}: a referral must say how strong its evidence is, in evidence`,
    );
  }
  return Object.freeze({
    id: id as Id,
    kind,
    urgency: urgency as ReferralUrgency,
    evidence,
    when: condition,
    source: citation,
  });
}

/**
 * A citation of an item of the protocol's contraindications with no note is read, in
 * explanations and on cards, as that item's own rule: refuse it on any other rule, whose note
 * must say how it differs (as `ageRule` notes other bounds).
 */
function checkedProtocolCitation(
  kind: RuleKind,
  when: RuleCondition<string>,
  source: SourceCitation,
  where: string,
  path: Path,
): void {
  const item = protocolItemOf(source);
  if (item === undefined || source.note !== undefined) return;
  const cited = PROTOCOL_RULES[item - 1];
  if (cited === undefined || kind !== cited.kind || !sameCondition(when, cited.when)) {
    refuse(
      'uncited-change',
      path,
      `${where}: its source cites the protocol's contraindication item ${item} with no note, but the rule is not that item's rule: say in source.note how it differs`,
    );
  }
}

/** Whether a condition is the protocol's: the same type, and the same bounds or the same facts in any order. */
function sameCondition(when: RuleCondition<string>, protocol: RuleCondition): boolean {
  if (when.type !== protocol.type) return false;
  if (when.type === 'age-outside') {
    const bounds = protocol as AgeOutsideCondition;
    return when.under === bounds.under && when.over === bounds.over;
  }
  const facts: readonly string[] = (protocol as AnyFactCondition).facts;
  return when.facts.every((fact) => facts.includes(fact)) && facts.every((fact) => when.facts.includes(fact));
}

function checkedCondition(
  condition: RuleCondition<string>,
  where: string,
  path: Path,
  ownFacts: Readonly<Record<string, CustomFact>>,
): RuleCondition<string> {
  if (typeof condition !== 'object' || condition === null) {
    refuse('invalid-type', path, `${where}: when must be an object`);
  }
  const when = readProperties(condition, ['type', 'under', 'over', 'facts']) as RuleCondition<string>;
  if (when.type === 'age-outside') {
    const { under, over } = when;
    if (!Number.isInteger(under) || !Number.isInteger(over) || under < 0 || over < under) {
      refuse(
        'invalid-bounds',
        path,
        `${where}: age bounds must be whole years with 0 <= under <= over, got under ${String(under)}, over ${String(over)}`,
      );
    }
    return Object.freeze({ type: 'age-outside', under, over });
  }
  if (when.type !== 'any' && when.type !== 'all') {
    refuse('invalid-type', [...path, 'type'], `${where}: when.type must be 'any', 'all' or 'age-outside'`);
  }
  if (!Array.isArray(when.facts) || when.facts.length === 0) {
    refuse('invalid-type', [...path, 'facts'], `${where}: when.facts must be a non-empty array of fact names`);
  }
  (when.facts as readonly unknown[]).forEach((fact, index) => {
    const shipped =
      // Stryker disable next-line ConditionalExpression: equivalent, isFactName is false for a non-string too; this narrows the type
      typeof fact === 'string' && isFactName(fact) && fact !== 'ageYears';
    if (!shipped && !(typeof fact === 'string' && Object.hasOwn(ownFacts, fact))) {
      refuse(
        'undeclared-fact',
        [...path, 'facts', index],
        `${where}: ${String(fact)} is not a boolean patient fact, nor a fact the set declares in facts`,
      );
    }
  });
  return Object.freeze({ type: when.type, facts: Object.freeze([...(when.facts as readonly string[])]) });
}

/** The optional text fields of a citation: when given, each must say something, or the citation shows a blank. */
const CITATION_TEXTS = ['section', 'url', 'note'] as const;

function checkedSource(citation: SourceCitation, where: string, path: Path): SourceCitation {
  const source = (
    typeof citation === 'object' && citation !== null
      ? readProperties(citation, ['title', 'section', 'item', 'url', 'note'])
      : citation
  ) as SourceCitation;
  if (typeof source !== 'object' || source === null || typeof source.title !== 'string' || source.title === '') {
    refuse('invalid-source', [...path, 'title'], `${where}: source must name a title`);
  }
  for (const key of CITATION_TEXTS) {
    const value: unknown = source[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      refuse('invalid-source', [...path, key], `${where}: source.${key} must be a non-empty string when given`);
    }
  }
  const item: unknown = source.item;
  if (item !== undefined && !(Number.isInteger(item) && (item as number) >= 1)) {
    refuse('invalid-source', [...path, 'item'], `${where}: source.item must be a whole number from 1 when given`);
  }
  return Object.freeze({ ...citation });
}
