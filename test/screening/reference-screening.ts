// A deliberately plain reading of the screening rules, written from their statement in
// docs/screening.md and docs/rule-sets.md (three-valued logic, status precedence) and kept
// separate from the interpreter in src/screening/program.ts, so that tests can compare the two.
import {
  type FactName,
  type FindingOutcome,
  MAX_AGE_YEARS,
  type Rule,
  type RuleSet,
  ruleFacts,
  type ScreeningStatus,
} from '../../src/index.js';

type FactState = 'true' | 'false' | 'missing' | 'invalid';

/** What a screening should hold, without the frozen-object details. */
export interface ExpectedScreening {
  readonly status: ScreeningStatus;
  readonly outcomes: readonly FindingOutcome[];
  readonly contraindications: readonly string[];
  readonly cautions: readonly string[];
  readonly missing: readonly FactName[];
  readonly invalid: readonly FactName[];
}

function read(facts: unknown, fact: FactName): unknown {
  return typeof facts === 'object' && facts !== null ? (facts as Record<string, unknown>)[fact] : undefined;
}

function stateOf(rule: Rule, value: unknown): FactState {
  if (value === null || value === undefined) return 'missing';
  if (rule.when.type === 'age-outside') {
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0 || value >= MAX_AGE_YEARS) return 'invalid';
    const completed = Math.floor(value);
    return completed < rule.when.under || completed > rule.when.over ? 'true' : 'false';
  }
  if (value === true) return 'true';
  if (value === false) return 'false';
  return 'invalid';
}

function outcomeOf(rule: Rule, facts: unknown): FindingOutcome {
  const states = ruleFacts(rule).map((fact) => stateOf(rule, read(facts, fact)));
  if (rule.when.type === 'all') {
    if (states.includes('false')) return 'absent';
    return states.every((s) => s === 'true') ? 'present' : 'unknown';
  }
  if (states.includes('true')) return 'present';
  return states.every((s) => s === 'false') ? 'absent' : 'unknown';
}

/** The screening that the guides describe, computed the slow and obvious way. */
export function referenceScreening(facts: unknown, ruleSet: RuleSet): ExpectedScreening {
  const outcomes = ruleSet.rules.map((rule) => outcomeOf(rule, facts));
  const present = (kind: Rule['kind']) =>
    ruleSet.rules.filter((rule, i) => rule.kind === kind && outcomes[i] === 'present').map((rule) => rule.id);
  const contraindications = present('absolute');
  const cautions = present('relative');

  const factsInOrder = [...new Set(ruleSet.rules.flatMap((rule) => ruleFacts(rule)))];
  const isInvalid = (fact: FactName) =>
    ruleSet.rules.some(
      (rule) => ruleFacts(rule).includes(fact as never) && stateOf(rule, read(facts, fact)) === 'invalid',
    );
  const settlesUnknownRule = (fact: FactName) =>
    ruleSet.rules.some(
      (rule, i) =>
        outcomes[i] === 'unknown' &&
        ruleFacts(rule).includes(fact as never) &&
        stateOf(rule, read(facts, fact)) === 'missing',
    );
  const invalid = factsInOrder.filter(isInvalid);
  const missing = factsInOrder.filter((fact) => isInvalid(fact) || settlesUnknownRule(fact));

  const status: ScreeningStatus =
    contraindications.length > 0
      ? 'contraindicated'
      : outcomes.includes('unknown')
        ? 'incomplete'
        : cautions.length > 0
          ? 'caution'
          : 'eligible';
  return { status, outcomes, contraindications, cautions, missing, invalid };
}
