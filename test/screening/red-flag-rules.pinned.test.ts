// The red-flag rules exactly as reviewed: every id, urgency, note on the evidence, condition and
// source. Mutation testing leaves out the mutants that only module loading reaches (the rules'
// data); this comparison is what notices a changed word in them.
import { expect, it } from 'vitest';
import { redFlagRuleSet } from '../../src/index.js';

it('holds the red-flag rules exactly as reviewed', () => {
  expect(redFlagRuleSet.rules).toEqual([
    {
      id: 'cauda-equina-syndrome',
      kind: 'referral',
      urgency: 'emergency',
      evidence:
        'consensus of an international framework; single symptoms are not sensitive, so a suspicion is enough to refer',
      when: {
        type: 'any',
        facts: ['caudaEquinaSyndrome', 'newBladderOrBowelDysfunction', 'saddleAnaesthesia'],
      },
      source: {
        title:
          'Finucane LM, Downie A, Mercer C, et al. International Framework for Red Flags for Potential Serious Spinal Pathologies. J Orthop Sports Phys Ther 2020;50(7):350-372',
        note: 'emergency referral on suspicion of cauda equina syndrome',
      },
    },
    {
      id: 'neurological-deficit',
      kind: 'referral',
      urgency: 'emergency',
      evidence:
        'a guideline recommendation; the reference gives "emergency or urgent" and the rule takes the more urgent end, because it cannot tell how severe the deficit is',
      when: {
        type: 'any',
        facts: ['severeOrProgressiveNeurologicalDeficit'],
      },
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
      when: {
        type: 'any',
        facts: ['historyOfCancer'],
      },
      source: {
        title:
          'Downie A, Williams CM, Henschke N, et al. Red flags to screen for malignancy and fracture in patients with low back pain: systematic review. BMJ 2013;347:f7095',
        note: 'and Henschke N, Maher CG, Ostelo RW, et al. Red flags to screen for malignancy in patients with low-back pain. Cochrane Database Syst Rev 2013;(2):CD008686',
      },
    },
    {
      id: 'possible-malignancy',
      kind: 'referral',
      urgency: 'routine',
      evidence:
        'weak: alone, neither flag changes the probability of a malignancy much; the clinician weighs them together with the history (the reference sets no urgency: this is the library’s choice)',
      when: {
        type: 'any',
        facts: ['unexplainedWeightLoss', 'nightPain'],
      },
      source: {
        title:
          'Downie A, Williams CM, Henschke N, et al. Red flags to screen for malignancy and fracture in patients with low back pain: systematic review. BMJ 2013;347:f7095',
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
        title:
          'Downie A, Williams CM, Henschke N, et al. Red flags to screen for malignancy and fracture in patients with low back pain: systematic review. BMJ 2013;347:f7095',
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
      source: {
        title:
          'Finucane LM, Downie A, Mercer C, et al. International Framework for Red Flags for Potential Serious Spinal Pathologies. J Orthop Sports Phys Ther 2020;50(7):350-372',
      },
    },
    {
      id: 'cervical-myelopathy',
      kind: 'referral',
      urgency: 'urgent',
      evidence:
        'a guideline and a cluster of clinical findings; single signs are weak, a cluster of them is stronger (the reference sets no urgency: this is the library’s choice)',
      when: {
        type: 'any',
        facts: ['gaitDisturbance', 'clumsyHands', 'upperMotorNeuronSigns'],
      },
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
      when: {
        type: 'any',
        facts: ['cervicalArterialDysfunctionSigns'],
      },
      source: {
        title:
          'Rushton A, Carlesso LC, Flynn T, et al. International Framework for Examination of the Cervical Region for Potential of Vascular Pathologies of the Neck Prior to Musculoskeletal Intervention: International IFOMPT Cervical Framework. J Orthop Sports Phys Ther 2023;53(1):7-22',
      },
    },
    {
      id: 'inflammatory-back-disease',
      kind: 'referral',
      urgency: 'routine',
      evidence:
        'national guidelines: refer for a specialist assessment of suspected spondyloarthritis; not an emergency',
      when: {
        type: 'any',
        facts: ['inflammatoryBackPain'],
      },
      source: {
        title: 'NICE. Spondyloarthritis in over 16s: diagnosis and management (NG65), 2017',
        url: 'https://www.nice.org.uk/guidance/ng65',
        note: 'and NICE. Low back pain and sciatica in over 16s (NG59), 2016',
      },
    },
  ]);
});
