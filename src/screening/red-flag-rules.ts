// The opt-in red flags as plain rules, apart from the rule set that 'defineRuleSet' makes of
// them, as the cautions are: explain and the cards compare a finding with them without carrying
// the screening engine into their bundles. None of this is in the source protocol.
//
// Urgency: where a reference sets it (cauda equina: emergency; spondyloarthritis: routine), the
// rule follows it. Where the reference gives a range ("emergency/urgent" for a neurological
// deficit) the rule takes the more urgent end, because it cannot tell how severe the deficit is.
// Where a reference sets none, the urgency is this library's choice and the evidence note says
// so; docs/red-flags.md gives the reasons. The clinician decides in every case.
import type { ReferralRule } from './rule.js';

/** The ids of the red-flag rules. */
export type RedFlagRuleId =
  | 'cauda-equina-syndrome'
  | 'neurological-deficit'
  | 'history-of-cancer'
  | 'possible-malignancy'
  | 'possible-fracture'
  | 'possible-spinal-infection'
  | 'cervical-myelopathy'
  | 'cervical-arterial-dysfunction'
  | 'inflammatory-back-disease';

// Literal strings, not spread objects or template literals: either keeps this set in bundles that never use it.
const FINUCANE_2020 =
  'Finucane LM, Downie A, Mercer C, et al. International Framework for Red Flags for Potential Serious Spinal Pathologies. J Orthop Sports Phys Ther 2020;50(7):350-372';
const DOWNIE_2013 =
  'Downie A, Williams CM, Henschke N, et al. Red flags to screen for malignancy and fracture in patients with low back pain: systematic review. BMJ 2013;347:f7095';

/** The red flags, in the order docs/red-flags.md lists them; all referrals. */
export const RED_FLAG_RULES: readonly ReferralRule<RedFlagRuleId>[] = [
  {
    id: 'cauda-equina-syndrome',
    kind: 'referral',
    urgency: 'emergency',
    evidence:
      'consensus of an international framework; single symptoms are not sensitive, so a suspicion is enough to refer',
    when: { type: 'any', facts: ['caudaEquinaSyndrome', 'newBladderOrBowelDysfunction', 'saddleAnaesthesia'] },
    source: { title: FINUCANE_2020, note: 'emergency referral on suspicion of cauda equina syndrome' },
  },
  {
    id: 'neurological-deficit',
    kind: 'referral',
    urgency: 'emergency',
    evidence:
      'a guideline recommendation; the reference gives "emergency or urgent" and the rule takes the more urgent end, because it cannot tell how severe the deficit is',
    when: { type: 'any', facts: ['severeOrProgressiveNeurologicalDeficit'] },
    source: {
      title:
        'Chou R, Qaseem A, Snow V, et al. Diagnosis and treatment of low back pain: a joint clinical practice guideline from the American College of Physicians and the American Pain Society. Ann Intern Med 2007;147(7):478-491',
      section: 'Recommendation 3',
    },
  },
  {
    id: 'history-of-cancer',
    kind: 'referral',
    urgency: 'urgent',
    evidence:
      'the one red flag for spinal malignancy that systematic reviews support (it raises the probability of a malignancy) (the reference sets no urgency: this is the library’s choice)',
    when: { type: 'any', facts: ['historyOfCancer'] },
    source: {
      title: DOWNIE_2013,
      note: 'and Henschke N, Maher CG, Ostelo RW, et al. Red flags to screen for malignancy in patients with low-back pain. Cochrane Database Syst Rev 2013;(2):CD008686',
    },
  },
  {
    id: 'possible-malignancy',
    kind: 'referral',
    urgency: 'routine',
    evidence:
      'weak: alone, neither flag changes the probability of a malignancy much; the clinician weighs them together with the history (the reference sets no urgency: this is the library’s choice)',
    when: { type: 'any', facts: ['unexplainedWeightLoss', 'nightPain'] },
    source: {
      title: DOWNIE_2013,
      note: 'onset after 50, the third weak flag, is left out: most patients with osteochondrosis are past 50, and age is a fact of its own',
    },
  },
  {
    id: 'possible-fracture',
    kind: 'referral',
    urgency: 'urgent',
    evidence:
      'moderate for the flags together (older age, prolonged corticosteroid use, severe trauma, contusion or abrasion), weak for each alone (the reference sets no urgency: this is the library’s choice)',
    when: {
      type: 'any',
      facts: ['prolongedCorticosteroidUse', 'severeTrauma', 'contusionOrAbrasion', 'osteoporosisWithMinorTrauma'],
    },
    source: {
      title: DOWNIE_2013,
      note: 'older age, a flag of the review, is left out: the review sets no age, and age is a fact of its own',
    },
  },
  {
    id: 'possible-spinal-infection',
    kind: 'referral',
    urgency: 'urgent',
    evidence:
      'consensus of an international framework; the diagnostic value of single flags is not known (the reference sets no urgency: this is the library’s choice)',
    when: {
      type: 'any',
      facts: ['feverOrSystemicallyUnwell', 'intravenousDrugUse', 'immunosuppression', 'recentBacterialInfection'],
    },
    source: { title: FINUCANE_2020 },
  },
  {
    id: 'cervical-myelopathy',
    kind: 'referral',
    urgency: 'urgent',
    evidence:
      'a guideline and a cluster of clinical findings; single signs are weak, a cluster of them is stronger (the reference sets no urgency: this is the library’s choice)',
    when: { type: 'any', facts: ['gaitDisturbance', 'clumsyHands', 'upperMotorNeuronSigns'] },
    source: {
      title:
        'Fehlings MG, Tetreault LA, Riew KD, et al. A Clinical Practice Guideline for the Management of Patients With Degenerative Cervical Myelopathy. Global Spine J 2017;7(3 Suppl):70S-83S',
      note: 'and Cook C, Brown C, Isaacs R, et al. Clustered clinical findings for diagnosis of cervical spine myelopathy. J Man Manip Ther 2010;18(4):175-180',
    },
  },
  {
    id: 'cervical-arterial-dysfunction',
    kind: 'referral',
    urgency: 'emergency',
    evidence:
      'an international framework built on expert consensus; the signs can mean an arterial dissection or a stroke in progress (the reference sets no urgency: this is the library’s choice)',
    when: { type: 'any', facts: ['cervicalArterialDysfunctionSigns'] },
    source: {
      title:
        'Rushton A, Carlesso LC, Flynn T, et al. International Framework for Examination of the Cervical Region for Potential of Vascular Pathologies of the Neck Prior to Musculoskeletal Intervention: International IFOMPT Cervical Framework. J Orthop Sports Phys Ther 2023;53(1):7-22',
    },
  },
  {
    id: 'inflammatory-back-disease',
    kind: 'referral',
    urgency: 'routine',
    evidence: 'national guidelines: refer for a specialist assessment of suspected spondyloarthritis; not an emergency',
    when: { type: 'any', facts: ['inflammatoryBackPain'] },
    source: {
      title: 'NICE. Spondyloarthritis in over 16s: diagnosis and management (NG65), 2017',
      url: 'https://www.nice.org.uk/guidance/ng65',
      note: 'and NICE. Low back pain and sciatica in over 16s (NG59), 2016',
    },
  },
];
