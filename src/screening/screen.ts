import { readProperty } from '../_internal/read-property.js';
import type { PatientFactsWith } from '../facts/patient-facts.js';
import { programOf } from './define-rule-set.js';
import { run } from './program.js';
import { type ProtocolRuleId, protocolRuleSet } from './protocol-rule-set.js';
import type { RuleSet } from './rule.js';
import type { Screening } from './screening.js';

/** Options for {@link screen}. */
export interface ScreenOptions<Id extends string = ProtocolRuleId, Fact extends string = never> {
  /** The rules to apply. Default: {@link protocolRuleSet}, the source protocol's six contraindications. */
  readonly ruleSet?: RuleSet<Id, Fact>;
}

/**
 * Screens a patient against a rule set. Missing data is never read as "no": a fact that is
 * `undefined`, `null`, or of the wrong type leaves its rule unknown, and the screening is then
 * `incomplete` and names the facts to ask for in `missing`. A rule set's own facts are read
 * the same way, and a red flag found present (a referral rule) makes the status `refer`. Never throws on any `facts` value,
 * and reads only the facts its rule set uses (validate the whole record with
 * `parsePatientFacts`). The result is frozen, and equal inputs may share one result object.
 *
 * @param facts - what is known about the patient; any value is accepted.
 * @param options - `ruleSet`, default {@link protocolRuleSet}. Pass a set made by `defineRuleSet`:
 *   a plain-object rule set works, but is validated again on every call.
 * @returns the screening, recording the rule set's id and version.
 * @throws {TypeError} only when `options.ruleSet` is not a valid rule set (see `defineRuleSet`).
 * @example
 * const result = screen({ ageYears: 52, oncologicalDisease: false, pregnant: false,
 *   coagulationDisorder: false, acuteInfection: true, acuteMentalIllness: false, psychotropicInfluence: false });
 * result.status; // => 'contraindicated'
 * result.contraindications; // => ['acute-infection']
 * screen({ ageYears: 52 }).missing;
 * // => ['oncologicalDisease', 'pregnant', 'coagulationDisorder', 'acuteInfection', 'acuteMentalIllness', 'psychotropicInfluence']
 */
export function screen<Id extends string = ProtocolRuleId, Fact extends string = never>(
  facts: PatientFactsWith<NoInfer<Fact>>,
  options?: ScreenOptions<Id, Fact>,
): Screening<Id, Fact> {
  // Never Object.prototype's ruleSet: a polluted one would decide every screening.
  const chosen = options == null ? undefined : readProperty(options, 'ruleSet');
  const ruleSet = (chosen ?? protocolRuleSet) as RuleSet;
  return run(programOf(ruleSet), facts) as unknown as Screening<Id, Fact>;
}
