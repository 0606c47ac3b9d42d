// The opt-in cautions as plain rules, apart from the rule set that `defineRuleSet` makes of them:
// explain compares a finding with them without carrying the screening engine into its bundle.
import type { Rule } from './rule.js';

/** The ids of the opt-in cautions. */
export type CautionRuleId =
  | 'anticoagulant-therapy'
  | 'electroacupuncture-with-implanted-device'
  | 'skin-lesion-at-site'
  | 'needle-phobia'
  | 'epilepsy'
  | 'pregnancy-point-restrictions';

// Literal strings, not spread objects: a spread argument would keep this set in bundles that never use it.
const SIERPINA_FRENKEL = 'Sierpina VS, Frenkel MA. Acupuncture: a clinical review. South Med J 2005;98(3):330-7';

/** The cautions, in reporting order, all relative. */
export const CAUTION_RULES: readonly Rule<CautionRuleId>[] = [
  {
    id: 'anticoagulant-therapy',
    kind: 'relative',
    when: { type: 'any', facts: ['anticoagulantTherapy'] },
    source: {
      title: 'British Acupuncture Council: guidance on acupuncture for patients taking warfarin',
      note: 'superficial needling with fine needles; a systematic review (PMC4315381: 384 anticoagulated patients, 3,974 treatments) found no serious bleeding with appropriate location and depth',
      url: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4315381/',
    },
  },
  {
    id: 'electroacupuncture-with-implanted-device',
    kind: 'relative',
    when: { type: 'all', facts: ['pacemaker', 'electroacupuncturePlanned'] },
    source: {
      title: 'British Medical Acupuncture Society: guidance on electroacupuncture (2023); implanted device manuals',
      note: 'a pacemaker or implanted device contraindicates electroacupuncture, not manual needling',
    },
  },
  {
    id: 'skin-lesion-at-site',
    kind: 'relative',
    when: { type: 'any', facts: ['skinLesionAtSite'] },
    source: { title: SIERPINA_FRENKEL, note: 'local skin infection or lesion at the needling site' },
  },
  {
    id: 'needle-phobia',
    kind: 'relative',
    when: { type: 'any', facts: ['needlePhobia'] },
    source: { title: SIERPINA_FRENKEL, note: 'needle phobia or inability to cooperate' },
  },
  {
    id: 'epilepsy',
    kind: 'relative',
    when: { type: 'any', facts: ['epilepsy'] },
    source: {
      title: 'Exclusion criterion of the GERAC trials and of Cherkin et al., Arch Intern Med 2009;169(9):858-66',
    },
  },
  {
    id: 'pregnancy-point-restrictions',
    kind: 'relative',
    when: { type: 'any', facts: ['pregnant'] },
    source: {
      title: 'WHO. Guidelines on basic training and safety in acupuncture, 1999',
      section: '2.1',
      note: 'no lumbosacral or lower-abdominal points in the first trimester, and no lumbosacral points later',
    },
  },
];
