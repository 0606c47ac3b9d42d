// A deliberately plain reading of the screening rules, written from their statement in
// docs/screening.md and docs/rule-sets.md (three-valued logic, status precedence) and kept
// separate from the interpreter in src/screening/program.ts, so that tests can compare the two.
// Referrals outrank everything; a rule set's own facts are read like shipped ones.
import {
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
  readonly referrals: readonly { readonly rule: string; readonly urgency: string }[];
  readonly missing: readonly string[];
  readonly invalid: readonly string[];
}

function read(facts: unknown, fact: string): unknown {
  return typeof facts === 'object' && facts !== null ? (facts as Record<string, unknown>)[fact] : undefined;
}

function stateOf(rule: Rule<string, string>, value: unknown): FactState {
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

function outcomeOf(rule: Rule<string, string>, facts: unknown): FindingOutcome {
  const states = ruleFacts(rule).map((fact) => stateOf(rule, read(facts, fact)));
  if (rule.when.type === 'all') {
    if (states.includes('false')) return 'absent';
    return states.every((s) => s === 'true') ? 'present' : 'unknown';
  }
  if (states.includes('true')) return 'present';
  return states.every((s) => s === 'false') ? 'absent' : 'unknown';
}

/** The screening that the guides describe, computed the slow and obvious way. */
export function referenceScreening(facts: unknown, ruleSet: RuleSet<string, string>): ExpectedScreening {
  const outcomes = ruleSet.rules.map((rule) => outcomeOf(rule, facts));
  const present = (kind: Rule['kind']) =>
    ruleSet.rules.filter((rule, i) => rule.kind === kind && outcomes[i] === 'present').map((rule) => rule.id);
  const contraindications = present('absolute');
  const cautions = present('relative');
  const urgencyRank = ['emergency', 'urgent', 'routine'];
  const referrals = ruleSet.rules
    .filter((rule, i) => rule.kind === 'referral' && outcomes[i] === 'present')
    .map((rule) => ({ rule: rule.id, urgency: rule.kind === 'referral' ? rule.urgency : '' }))
    .sort((a, b) => urgencyRank.indexOf(a.urgency) - urgencyRank.indexOf(b.urgency));

  const factsInOrder = [...new Set(ruleSet.rules.flatMap((rule) => ruleFacts(rule)))];
  const isInvalid = (fact: string) =>
    ruleSet.rules.some(
      (rule) => ruleFacts(rule).includes(fact as never) && stateOf(rule, read(facts, fact)) === 'invalid',
    );
  const settlesUnknownRule = (fact: string) =>
    ruleSet.rules.some(
      (rule, i) =>
        outcomes[i] === 'unknown' &&
        ruleFacts(rule).includes(fact as never) &&
        stateOf(rule, read(facts, fact)) === 'missing',
    );
  const invalid = factsInOrder.filter(isInvalid);
  const missing = factsInOrder.filter((fact) => isInvalid(fact) || settlesUnknownRule(fact));

  const status: ScreeningStatus =
    referrals.length > 0
      ? 'refer'
      : contraindications.length > 0
        ? 'contraindicated'
        : outcomes.includes('unknown')
          ? 'incomplete'
          : cautions.length > 0
            ? 'caution'
            : 'eligible';
  return { status, outcomes, contraindications, cautions, referrals, missing, invalid };
}
