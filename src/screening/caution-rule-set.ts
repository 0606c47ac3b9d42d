import { CAUTION_RULES, type CautionRuleId } from './caution-rules.js';
import { defineRuleSet } from './define-rule-set.js';

export type { CautionRuleId } from './caution-rules.js';

/**
 * Relative contraindications from safety guidance and trials: NOT part of the source protocol,
 * and never applied unless chosen. Each rule cites its reference. Add them to the protocol
 * with {@link extendProtocol}. Pregnancy stays absolute under the protocol; here it is the WHO's
 * restriction of lumbosacral and lower-abdominal points, for sets that leave the protocol out.
 *
 * @example
 * screen(
 *   { anticoagulantTherapy: true, pacemaker: false, skinLesionAtSite: false, needlePhobia: false, epilepsy: false, pregnant: false },
 *   { ruleSet: cautionRuleSet },
 * ).status;
 * // => 'caution'
 */
export const cautionRuleSet = /* @__PURE__ */ defineRuleSet<CautionRuleId>({
  id: 'acuspine-cautions',
  version: '1.0.0',
  rules: CAUTION_RULES,
});
