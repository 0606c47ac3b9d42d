import { defineRuleSet } from './define-rule-set.js';
import { PROTOCOL_RULES, type ProtocolRuleId } from './protocol-rules.js';

export type { ProtocolRuleId } from './protocol-rules.js';

/**
 * The six contraindications of the source protocol ("Osteochondrosis and acupuncture", the
 * numbered contraindication list, items 1-6), all absolute. The default rule set of `screen`.
 *
 * | id | item | reads |
 * |---|---|---|
 * | `age` | 1 | `ageYears`: under 3 or over 75 completed years |
 * | `oncology` | 2 | `oncologicalDisease` |
 * | `pregnancy` | 3 | `pregnant` |
 * | `coagulation` | 4 | `coagulationDisorder` |
 * | `acute-infection` | 5 | `acuteInfection` |
 * | `acute-mental-state` | 6 | `acuteMentalIllness` or `psychotropicInfluence` |
 *
 * @example
 * protocolRuleSet.rules.map((rule) => rule.id);
 * // => ['age', 'oncology', 'pregnancy', 'coagulation', 'acute-infection', 'acute-mental-state']
 */
export const protocolRuleSet = /* @__PURE__ */ defineRuleSet<ProtocolRuleId>({
  id: 'acuspine-protocol',
  version: '1.0.0',
  rules: PROTOCOL_RULES,
});
