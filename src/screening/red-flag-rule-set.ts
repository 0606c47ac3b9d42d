import { defineRuleSet } from './define-rule-set.js';
import { RED_FLAG_RULES, type RedFlagRuleId } from './red-flag-rules.js';

export type { RedFlagRuleId } from './red-flag-rules.js';

/**
 * Red flags of serious spinal pathology (cauda equina syndrome, fracture, malignancy,
 * infection, myelopathy, cervical arterial dysfunction, inflammatory disease) as referral
 * rules: NOT part of the source protocol, and never applied unless chosen. A red flag found
 * present makes the screening `refer`, with the flag's urgency: assess or refer before any
 * needling. It is not a diagnosis and not "never treat"; the evidence for single flags is weak,
 * each rule's `evidence` says how weak, and the clinician decides. Each rule cites its reference.
 * Combine it with the protocol with {@link extendProtocol}.
 *
 * @example
 * const withRedFlags = extendProtocol({ id: 'protocol-and-red-flags', version: '1', rules: [...redFlagRuleSet.rules] });
 * const screening = screen({ ageYears: 60, saddleAnaesthesia: true }, { ruleSet: withRedFlags });
 * screening.status; // => 'refer'
 * screening.referrals; // => [{ rule: 'cauda-equina-syndrome', urgency: 'emergency' }]
 */
export const redFlagRuleSet = /* @__PURE__ */ defineRuleSet<RedFlagRuleId>({
  id: 'acuspine-red-flags',
  version: '1.0.0',
  rules: RED_FLAG_RULES,
});
