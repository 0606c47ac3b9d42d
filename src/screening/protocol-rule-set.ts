import { ageRule } from './age-rule.js';
import { defineRuleSet } from './define-rule-set.js';
import { PROTOCOL_TITLE } from './sources.js';

/** The ids of the source protocol's contraindications. */
export type ProtocolRuleId =
  | 'age'
  | 'oncology'
  | 'pregnancy'
  | 'coagulation'
  | 'acute-infection'
  | 'acute-mental-state';

const item = (n: number) => ({ title: PROTOCOL_TITLE, section: 'Contraindications', item: n });

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
  rules: [
    ageRule(),
    { id: 'oncology', kind: 'absolute', when: { type: 'any', facts: ['oncologicalDisease'] }, source: item(2) },
    { id: 'pregnancy', kind: 'absolute', when: { type: 'any', facts: ['pregnant'] }, source: item(3) },
    { id: 'coagulation', kind: 'absolute', when: { type: 'any', facts: ['coagulationDisorder'] }, source: item(4) },
    { id: 'acute-infection', kind: 'absolute', when: { type: 'any', facts: ['acuteInfection'] }, source: item(5) },
    {
      id: 'acute-mental-state',
      kind: 'absolute',
      when: { type: 'any', facts: ['acuteMentalIllness', 'psychotropicInfluence'] },
      source: item(6),
    },
  ],
});
