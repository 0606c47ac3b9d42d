// The source protocol's six contraindications as plain rules, apart from the rule set that
// `defineRuleSet` makes of them: compiling any rule set compares its rules with these (see
// protocol-coverage.ts), so they must exist before the first set is defined.
import { ageRule } from './age-rule.js';
import type { Rule } from './rule.js';
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

/** The protocol's contraindications, items 1-6 in order, all absolute. */
export const PROTOCOL_RULES: readonly Rule<ProtocolRuleId>[] = [
  /* @__PURE__ */ ageRule(),
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
];
