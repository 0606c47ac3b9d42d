// SNOMED CT code lists: the concepts that Synthea's modules generate (read from the module
// files: lung_cancer, breast_cancer, colorectal_cancer, veteran_prostate_cancer,
// acute_myeloid_leukemia, trigger_bone_marrow_transplant, pregnancy, sinusitis, sore_throat,
// bronchitis, covid19, urinary_tract_infections, sepsis, cystic_fibrosis, veteran_self_harm,
// opioid_addiction and others), plus a few general concepts of the SNOMED CT International
// Edition (each list's source says which), and the common counterparts of what the ICD-10 lists
// cover, taken from NLM VSAC value sets. These are not a full SNOMED CT hierarchy: a clinic adds
// its own concepts through FhirOptions.extraCodes.

import { type FhirCodeList, freezeCodeLists } from '../code-list.js';
import { SNOMED_URI } from '../code-systems.js';

const SNOMED = [SNOMED_URI];
const SYNTHEA = 'Synthea (MITRE), synthetic patient generator: module definitions in src/main/resources/modules';
const SCT = 'SNOMED CT International Edition';
const VSAC = 'NLM VSAC value sets of the CMS eCQMs, 2024 (SNOMED CT US Edition 2023-09)';

/** Malignant neoplasms that Synthea writes: oncologicalDisease now, and a history of cancer (red-flag-codes.ts). */
export const SNOMED_MALIGNANCIES: readonly string[] = [
  '363346000', // Malignant neoplastic disease
  '254837009', // Malignant neoplasm of breast
  '254637007', // Non-small cell lung cancer
  '424132000', // Non-small cell carcinoma of lung, TNM stage 1
  '425048006', // ... stage 2
  '422968005', // ... stage 3
  '423121009', // ... stage 4
  '254632001', // Small cell carcinoma of lung
  '67811000119102', // Primary small cell malignant neoplasm of lung, TNM stage 1
  '67821000119109', // ... stage 2
  '67831000119107', // ... stage 3
  '67841000119103', // ... stage 4
  '93761005', // Primary malignant neoplasm of colon
  '109838007', // Overlapping malignant neoplasm of colon
  '363406005', // Malignant neoplasm of colon
  '94260004', // Metastatic (secondary) malignant neoplasm to colon
  '94503003', // Metastatic malignant neoplasm to prostate
  '314994000', // Metastasis from malignant tumor of prostate
  '91861009', // Acute myeloid leukemia
  '93143009', // Leukemia, disease
  '109989006', // Multiple myeloma
];

/** Suspected cancers and neoplasms not stated to be malignant, read the same way for both facts. */
export const SNOMED_NEOPLASMS_NOT_STATED_MALIGNANT: readonly string[] = [
  '126906006', // Neoplasm of prostate (benign or malignant)
  '92691004', // Carcinoma in situ of prostate
  '162573006', // Suspected lung cancer (situation)
  '315268008', // Suspected prostate cancer (situation)
];

/**
 * The SNOMED CT lists for conditions, frozen. See docs/fhir-mapping.md for the table.
 *
 * @example
 * snomedCodeLists.some((list) => list.codes?.includes('254837009')); // => true
 */
export const snomedCodeLists: readonly FhirCodeList[] = /* @__PURE__ */ freezeCodeLists([
  {
    id: 'snomed-malignancies',
    title: 'Malignant neoplasms',
    kind: 'counts',
    fact: 'oncologicalDisease',
    systems: SNOMED,
    codes: SNOMED_MALIGNANCIES,
    source: { title: SYNTHEA, note: 'concepts from SNOMED CT International Edition' },
  },
  {
    id: 'snomed-neoplasms-not-stated-malignant',
    title: 'Suspected cancer, carcinoma in situ, neoplasm not stated to be malignant',
    kind: 'uncertain',
    fact: 'oncologicalDisease',
    systems: SNOMED,
    codes: SNOMED_NEOPLASMS_NOT_STATED_MALIGNANT,
    source: { title: SYNTHEA, note: 'a suspicion or a neoplasm of unstated behaviour: the clinician decides' },
  },
  {
    id: 'snomed-pregnancy',
    title: 'Pregnancy and conditions that exist only during pregnancy',
    kind: 'counts',
    fact: 'pregnant',
    systems: SNOMED,
    codes: [
      '77386006', // Pregnant (finding); also a value of the pregnancy status observation (LOINC 82810-3)
      '72892002', // Normal pregnancy
      '47200007', // High risk pregnancy
      '79586000', // Tubal pregnancy
      '34801009', // Ectopic pregnancy
      '417044008', // Hydatidiform mole, benign
      '35999006', // Blighted ovum
      '198992004', // Eclampsia in pregnancy (antepartum eclampsia)
      '398254007', // Pre-eclampsia
      '609496007', // Complication occurring during pregnancy
      '267253006', // Fetus with chromosomal abnormality
    ],
    source: {
      title: SYNTHEA,
      section: 'pregnancy module',
      note: 'ectopic pregnancy, hydatidiform mole: NLM VSAC value sets of the CMS eCQMs, 2024 (SNOMED CT US Edition 2023-09); as ICD-10 O00-O02, a pregnancy that is going on. History-of codes are not listed',
    },
  },
  {
    id: 'snomed-pregnancy-ended-or-ending',
    title: 'Miscarriage, termination of pregnancy, postpartum haemorrhage: the pregnancy may have ended',
    kind: 'uncertain',
    fact: 'pregnant',
    systems: SNOMED,
    codes: [
      '17369002', // Miscarriage
      '19169002', // Miscarriage in first trimester (Synthea)
      '156073000', // Complete miscarriage
      '57797005', // Induced termination of pregnancy
      '47821001', // Postpartum hemorrhage
    ],
    source: {
      title: VSAC,
      section: 'Complications of Pregnancy, Childbirth and the Puerperium (2.16.840.1.113883.3.464.1003.111.12.1012)',
      note: 'it may follow the end of a pregnancy: ask whether the patient is still pregnant',
    },
  },
  {
    id: 'snomed-coagulation-disorders',
    title: 'Disorders of blood coagulation',
    kind: 'counts',
    fact: 'coagulationDisorder',
    systems: SNOMED,
    codes: [
      '64779008', // Blood coagulation disorder
      '234466008', // Acquired coagulation disorder (Synthea covid19 module)
      '28293008', // Hereditary factor VIII deficiency disease (haemophilia A)
      '67406007', // Disseminated intravascular coagulation
      '278365007', // Anticoagulant-induced bleeding (Synthea heart surgery outcomes)
    ],
    source: { title: SYNTHEA, note: 'with general concepts from SNOMED CT International Edition' },
  },
  {
    id: 'snomed-acute-infections',
    title: 'Infections that are acute by definition',
    kind: 'counts',
    fact: 'acuteInfection',
    systems: SNOMED,
    codes: [
      '195662009', // Acute viral pharyngitis
      '43878008', // Streptococcal sore throat
      '444814009', // Viral sinusitis (Synthea resolves it within weeks)
      '75498004', // Acute bacterial sinusitis
      '10509002', // Acute bronchitis
      '840539006', // COVID-19 (disease caused by SARS-CoV-2)
      '233604007', // Pneumonia
      '307426000', // Acute infective cystitis
      '36689008', // Acute pyelonephritis (VSAC)
      '91302008', // Sepsis
      '770349000', // Sepsis caused by virus
      '448813005', // Sepsis caused by Pseudomonas
      '448417001', // Sepsis caused by Staphylococcus aureus
      '698819004', // Postoperative sepsis
      '76571007', // Septic shock
      '5758002', // Bacteremia
    ],
    source: {
      title: SYNTHEA,
      section: 'sinusitis, sore_throat, bronchitis, covid19, urinary_tract_infections, sepsis modules',
      note: 'acute pyelonephritis: NLM VSAC value sets of the CMS eCQMs, 2024 (SNOMED CT US Edition 2023-09)',
    },
  },
  {
    id: 'snomed-infections-acuity-not-stated',
    title: 'Infections not stated to be acute, and suspected infections',
    kind: 'uncertain',
    fact: 'acuteInfection',
    systems: SNOMED,
    codes: [
      '840544004', // Suspected COVID-19 (situation)
      '36971009', // Sinusitis (acute or chronic)
      '40055000', // Chronic sinusitis (VSAC)
      '65363002', // Otitis media
      '68566005', // Urinary tract infectious disease
      '301011002', // Escherichia coli urinary tract infection
      '197927001', // Recurrent urinary tract infection
      '38822007', // Cystitis
      '45816000', // Pyelonephritis
      '87628006', // Bacterial infectious disease
      '11218009', // Infection caused by Pseudomonas aeruginosa
      '406602003', // Infection caused by Staphylococcus aureus
      '427898007', // Infection of tooth
      '312157006', // Infectious mediastinitis
      '86406008', // Human immunodeficiency virus infection
      '62479008', // Acquired immune deficiency syndrome
      '128302006', // Chronic hepatitis C
      '61977001', // Chronic type B viral hepatitis
    ],
    source: {
      title: SYNTHEA,
      note: 'an infection counts as acute only when the record says so: ask whether it is in its acute period',
    },
  },
  {
    id: 'snomed-acute-mental-states',
    title: 'Acute mental states',
    kind: 'counts',
    fact: 'acuteMentalIllness',
    systems: SNOMED,
    codes: [
      '2776000', // Delirium
      '8635005', // Alcohol withdrawal delirium
      '67195008', // Acute stress disorder
      '5464005', // Brief reactive psychosis
      '6471006', // Suicidal thoughts
      '287185009', // Attempted suicide by cutting or stabbing
      '287182007', // Attempted suicide by suffocation
      '86849004', // Suicidal poisoning
    ],
    source: {
      title: SYNTHEA,
      section: 'veteran_self_harm module',
      note: 'delirium: SNOMED CT International Edition; withdrawal delirium, acute stress disorder, brief reactive psychosis (ICD-10 F10.4, F43.0, F23): NLM VSAC value sets of the CMS eCQMs, 2024 (SNOMED CT US Edition 2023-09)',
    },
  },
  {
    id: 'snomed-mental-acuity-not-stated',
    title: 'Mental disorders in episodes, not stated to be in an acute period',
    kind: 'uncertain',
    fact: 'acuteMentalIllness',
    systems: SNOMED,
    codes: [
      '36923009', // Major depression, single episode
      '370143000', // Major depressive disorder
      '80583007', // Severe anxiety (panic)
      '225444004', // At increased risk for suicide
      '35489007', // Depressive disorder
      '66344007', // Recurrent major depression
      '78667006', // Dysthymia
      '13746004', // Bipolar disorder
      '371596008', // Bipolar I disorder
      '231494001', // Mania
      '58214004', // Schizophrenia
      '68890003', // Schizoaffective disorder
      '48500005', // Delusional disorder
      '69322001', // Psychotic disorder
      '197480006', // Anxiety disorder
      '21897009', // Generalized anxiety disorder
      '371631005', // Panic disorder
      '47505003', // Posttraumatic stress disorder
      '191736004', // Obsessive-compulsive disorder
      '17226007', // Adjustment disorder
    ],
    source: {
      title: SYNTHEA,
      section:
        'veteran_mdd, anxiety_screening, veteran_ptsd modules; the counterparts of ICD-10 F20-F44 from NLM VSAC value sets of the CMS eCQMs, 2024 (SNOMED CT US Edition 2023-09), Mental Health Diagnoses',
    },
  },
  {
    id: 'snomed-acute-intoxication',
    title: 'Acute intoxication',
    kind: 'counts',
    fact: 'psychotropicInfluence',
    systems: SNOMED,
    codes: [
      '25702006', // Alcohol intoxication
    ],
    source: { title: SCT },
  },
  {
    id: 'snomed-overdose',
    title: 'Overdose of an unnamed substance',
    kind: 'uncertain',
    fact: 'psychotropicInfluence',
    systems: SNOMED,
    codes: [
      '55680006', // Drug overdose
      '1149222004', // Overdose
    ],
    source: { title: SYNTHEA, section: 'opioid_addiction module', note: 'the substance is not named: ask' },
  },
  {
    id: 'snomed-substance-use',
    title: 'Substance use disorders (noted, never read as the acute effect of a substance)',
    kind: 'note',
    fact: 'psychotropicInfluence',
    systems: SNOMED,
    codes: [
      '5602001', // Opioid abuse
      '6525002', // Dependent drug abuse
      '7200002', // Alcoholism
      '361055000', // Misuses drugs
      '10939881000119105', // Unhealthy alcohol drinking behavior
    ],
    source: {
      title: SYNTHEA,
      note: 'contraindication 6 is the state at the visit: a disorder is noted for the clinician',
    },
  },
]);
