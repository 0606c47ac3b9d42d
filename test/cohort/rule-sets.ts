// Rule sets shared by the cohort tests: a clinic's own, with facts of its own, and the three
// shipped sets combined, which reads more inputs than one packed word holds.
import {
  cautionRuleSet,
  defineRuleSet,
  extendProtocol,
  protocolRuleSet,
  redFlagRuleSet,
  ruleFacts,
} from '../../src/index.js';

/**
 * The protocol, and two rules over facts the clinic declares: a caution and a referral. The
 * facts are declared in an order that is neither the rules' order nor code-unit order, so that
 * a test can tell which order a summary follows.
 */
export const clinicRuleSet = extendProtocol({
  id: 'clinic-own-facts',
  version: '1',
  facts: {
    recentSpinalSurgery: { label: { en: 'Spinal surgery in the last 6 months' } },
    metalAllergy: { label: { en: 'Allergy to metals such as nickel', ru: 'Аллергия на металлы, например на никель' } },
  },
  rules: [
    {
      id: 'metal-allergy',
      kind: 'relative',
      when: { type: 'any', facts: ['metalAllergy'] },
      source: { title: 'Clinic policy 7' },
    },
    {
      id: 'recent-spinal-surgery',
      kind: 'referral',
      urgency: 'routine',
      evidence: 'the clinic’s policy, not published evidence',
      when: { type: 'any', facts: ['recentSpinalSurgery'] },
      source: { title: 'Clinic policy 12' },
    },
  ],
});

/** Protocol, cautions and red flags in one set: well over 26 inputs. */
export const threeSets = defineRuleSet({
  id: 'protocol-cautions-red-flags',
  version: '1',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules, ...redFlagRuleSet.rules],
});

/** How many distinct facts a rule set reads. */
export function inputCount(ruleSet: { readonly rules: readonly Parameters<typeof ruleFacts>[0][] }): number {
  return new Set(ruleSet.rules.flatMap((rule) => ruleFacts(rule))).size;
}
