// ICD-10 (WHO) and ICD-10-CM code lists for the source protocol's contraindications. Ranges are
// whole blocks or categories as the classifications title them; acute infection and acute
// mental states count only codes that are acute by their own title or definition, because a
// coded infection or mental disorder says nothing by itself about the acute period that the
// protocol names (contraindication 5: an infection counts as acute only when the record says
// so). Infections and episodic mental disorders not stated to be acute are `uncertain`: the
// screening asks, as it does for the same meanings coded in SNOMED CT (test/fhir/code-meanings.test.ts).

import { type CodeRange, type FhirCodeList, freezeCodeLists } from '../code-list.js';
import { ICD10_URI, ICD10CM_URI } from '../code-systems.js';

const ICD10 =
  'WHO. International Statistical Classification of Diseases and Related Health Problems, 10th Revision (ICD-10), 2019 edition';
const ICD10CM = 'CDC/NCHS. ICD-10-CM Tabular List of Diseases and Injuries, FY2025';
const BOTH = [ICD10_URI, ICD10CM_URI];

/** Malignant neoplasms, current or past: oncologicalDisease now, and a history of cancer (red-flag-codes.ts). */
export const MALIGNANT_NEOPLASM_RANGES: readonly CodeRange[] = [{ from: 'C00', to: 'C97' }];

/** Neoplasms not stated to be malignant, read the same way for both facts. */
export const NEOPLASM_NOT_STATED_MALIGNANT_RANGES: readonly CodeRange[] = [
  { from: 'D00', to: 'D09' },
  // Two ranges, so that ICD-10-CM's D3A (benign neuroendocrine tumours) stays out.
  { from: 'D37', to: 'D39' },
  { from: 'D40', to: 'D49' },
];

// F10-F19 without F17 (tobacco), whose ICD-10-CM subcodes use the 5th character for the product.
const SUBSTANCES_CM = ['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F18', 'F19'];
const SUBSTANCES_WHO = /* @__PURE__ */ SUBSTANCES_CM.concat('F17').sort();

/**
 * The ICD-10 and ICD-10-CM lists, frozen. See docs/fhir-mapping.md for the table.
 *
 * @example
 * icd10CodeLists.find((list) => list.id === 'icd10-malignant-neoplasms')?.ranges;
 * // => [{ from: 'C00', to: 'C97' }]
 */
export const icd10CodeLists: readonly FhirCodeList[] = /* @__PURE__ */ freezeCodeLists([
  {
    id: 'icd10-malignant-neoplasms',
    title: 'Malignant neoplasms',
    kind: 'counts',
    fact: 'oncologicalDisease',
    systems: BOTH,
    ranges: MALIGNANT_NEOPLASM_RANGES,
    source: { title: ICD10, section: 'Chapter II, blocks C00-C97 (malignant neoplasms); the same range in ICD-10-CM' },
  },
  {
    id: 'icd10-neoplasms-not-stated-malignant',
    title: 'In situ neoplasms and neoplasms of uncertain or unknown behaviour',
    kind: 'uncertain',
    fact: 'oncologicalDisease',
    systems: BOTH,
    ranges: NEOPLASM_NOT_STATED_MALIGNANT_RANGES,
    source: {
      title: ICD10,
      section: 'Chapter II, blocks D00-D09 (in situ) and D37-D48 (uncertain or unknown behaviour); ICD-10-CM D37-D49',
      note: 'not malignant by the classification, not benign either: the clinician decides',
    },
  },
  {
    id: 'icd10-coagulation-defects',
    title: 'Coagulation defects, purpura and other haemorrhagic conditions',
    kind: 'counts',
    fact: 'coagulationDisorder',
    systems: BOTH,
    ranges: [{ from: 'D65', to: 'D69' }],
    source: { title: ICD10, section: 'Chapter III, block D65-D69; the same block in ICD-10-CM' },
  },
  // Chapter XV, block by block: what an active condition says about being pregnant on the
  // reference date. Counts: O00-O02 (ectopic pregnancy, mole, other products of conception still
  // in the uterus, such as a blighted ovum or a missed abortion), ICD-10-CM O09 (supervision of a
  // high-risk pregnancy), O10-O16 (oedema, proteinuria, hypertension in pregnancy), O20-O29
  // (other maternal disorders of pregnancy), O30-O48 (maternal care for the fetus and amniotic
  // cavity): each describes a pregnancy that is going on. Uncertain (next list): O03-O08 (abortive
  // outcomes), O60-O84 (labour and delivery), O85-O92 (the puerperium) and O94-O9A (other
  // obstetric conditions, whose codes cover pregnancy, childbirth and the puerperium alike): they
  // belong to or may follow the end of a pregnancy. ICD-10-CM splits some categories of the
  // counting blocks by episode (for example O15.2 eclampsia in the puerperium); they count with
  // their block.
  {
    id: 'icd10-pregnancy',
    title: 'Pregnancy itself: conditions of pregnancy, pregnant state, supervision of pregnancy, confirmed pregnancy',
    kind: 'counts',
    fact: 'pregnant',
    systems: BOTH,
    ranges: [
      { from: 'O00', to: 'O02' },
      { from: 'O09', to: 'O48' },
      { from: 'Z34', to: 'Z36' },
      { from: 'Z3A', to: 'Z3A' },
    ],
    codes: ['Z33', 'Z321', 'Z3201'],
    prefixes: ['Z331', 'Z333'],
    source: {
      title: ICD10,
      section:
        'Chapter XV: O00-O02, O10-O48 (ICD-10-CM O09-O48); Z32.1 (ICD-10-CM Z32.01), Z33 (ICD-10-CM Z33.1, Z33.3), Z34-Z36; ICD-10-CM Z3A',
      note: 'conditions of a pregnancy that is going on',
    },
  },
  {
    id: 'icd10-pregnancy-ended-or-ending',
    title:
      'Abortive outcomes, labour, delivery, the puerperium and other obstetric conditions: the pregnancy may have ended',
    kind: 'uncertain',
    fact: 'pregnant',
    systems: BOTH,
    ranges: [
      { from: 'O03', to: 'O08' },
      { from: 'O60', to: 'O9A' },
    ],
    prefixes: ['Z332'],
    source: {
      title: ICD10,
      section: 'Chapter XV: O03-O08, O60-O99 (ICD-10-CM O60-O9A); ICD-10-CM Z33.2',
      note: 'it may follow the end of a pregnancy: ask whether the patient is still pregnant',
    },
  },
  {
    id: 'icd10-pregnancy-test-unconfirmed',
    title: 'Pregnancy not (yet) confirmed, pregnancy test result unknown',
    kind: 'uncertain',
    fact: 'pregnant',
    systems: BOTH,
    codes: ['Z320', 'Z3200'],
    source: {
      title: ICD10,
      section: 'Z32.0; ICD-10-CM Z32.00',
      note: 'a test without a result neither confirms nor excludes pregnancy: ask',
    },
  },
  {
    id: 'icd10-acute-infections',
    title: 'Infections that are acute by their title',
    kind: 'counts',
    fact: 'acuteInfection',
    systems: BOTH,
    ranges: [
      { from: 'J00', to: 'J06' },
      { from: 'J09', to: 'J18' },
      { from: 'J20', to: 'J22' },
      { from: 'A40', to: 'A41' },
      { from: 'B15', to: 'B17' },
      { from: 'N10', to: 'N10' },
    ],
    prefixes: ['U071', 'U072', 'N300', 'H660'],
    source: {
      title: ICD10,
      section:
        'J00-J06 acute upper respiratory infections; J09-J18 influenza and pneumonia, which the next block title ("other acute lower respiratory infections", J20-J22) places among the acute lower respiratory infections; A40-A41 sepsis; B15-B17 acute viral hepatitis; N10 acute pyelonephritis (tubulo-interstitial nephritis); N30.0 acute cystitis; H66.0 acute suppurative otitis media; U07.1 and U07.2 COVID-19 (WHO emergency codes)',
    },
  },
  {
    id: 'icd10-infections-acuity-not-stated',
    title: 'Certain infectious and parasitic diseases not stated to be acute',
    kind: 'uncertain',
    fact: 'acuteInfection',
    systems: BOTH,
    ranges: [{ from: 'A00', to: 'B99' }],
    source: {
      title: ICD10,
      section: 'Chapter I (A00-B99)',
      note: 'an infection counts as acute only when the record says so: ask whether it is in its acute period',
    },
  },
  // N30.1 interstitial and N30.4 irradiation cystitis, and H65 nonsuppurative otitis media, are
  // not infections by their title and are left out.
  {
    id: 'icd10-local-infections-acuity-not-stated',
    title: 'Urinary, kidney, sinus and middle ear infections not stated to be acute',
    kind: 'uncertain',
    fact: 'acuteInfection',
    systems: BOTH,
    ranges: [
      { from: 'N11', to: 'N12' },
      { from: 'J32', to: 'J32' },
    ],
    prefixes: ['N390', 'N302', 'N303', 'N308', 'N309', 'H661', 'H662', 'H663', 'H664', 'H669'],
    source: {
      title: ICD10,
      section: 'N39.0, N30.2, N30.3, N30.8, N30.9, N11, N12, J32, H66.1-H66.4, H66.9; the same in ICD-10-CM',
      note: 'an infection counts as acute only when the record says so: ask whether it is in its acute period',
    },
  },
  {
    id: 'icd10-acute-mental-states',
    title: 'Delirium, acute and transient psychotic disorders, acute stress reaction',
    kind: 'counts',
    fact: 'acuteMentalIllness',
    systems: BOTH,
    prefixes: ['F05', 'F23', 'F430'],
    source: {
      title: ICD10,
      section:
        'F05 delirium (inclusion terms: acute or subacute confusional state), F23 acute and transient psychotic disorders (ICD-10-CM: brief psychotic disorder), F43.0 acute stress reaction',
    },
  },
  // These disorders run in episodes or exacerbations, and the code does not say whether one is
  // going on. F23 and F43.0 are acute by their title and count (icd10-acute-mental-states). F45
  // somatoform and F48 other neurotic disorders are persistent rather than episodic, and
  // somatoform pain is common among people with back pain: they are left out. Codes in remission
  // are asked about too.
  {
    id: 'icd10-mental-acuity-not-stated',
    title: 'Mental disorders in episodes, not stated to be in an acute period',
    kind: 'uncertain',
    fact: 'acuteMentalIllness',
    systems: BOTH,
    ranges: [
      { from: 'F20', to: 'F29' },
      { from: 'F30', to: 'F39' },
      { from: 'F40', to: 'F44' },
    ],
    source: {
      title: ICD10,
      section: 'Chapter V: F20-F29, F30-F39, F40-F44; the same in ICD-10-CM',
    },
  },
  // The counterparts of the SNOMED CT suicidal thoughts and attempted suicide concepts. The
  // seventh character of ICD-10-CM (A initial, D subsequent encounter, S sequela) is not read: an
  // attempt long past should be recorded as resolved, not active.
  {
    id: 'icd10-suicidal-ideation-and-self-harm',
    title: 'Suicidal ideation, suicide attempt and intentional self-harm',
    kind: 'counts',
    fact: 'acuteMentalIllness',
    systems: BOTH,
    ranges: [{ from: 'X60', to: 'X84' }],
    prefixes: ['R45851', 'T1491'],
    source: {
      title: ICD10,
      section: 'Chapter XX, X60-X84 (ICD-10-CM X71-X83); ICD-10-CM R45.851, T14.91',
    },
  },
  {
    id: 'icd10-withdrawal-delirium',
    title: 'Withdrawal state with delirium (WHO ICD-10 fourth character .4)',
    kind: 'counts',
    fact: 'acuteMentalIllness',
    systems: [ICD10_URI],
    prefixes: /* @__PURE__ */ SUBSTANCES_WHO.map((category) => `${category}4`),
    source: { title: ICD10, section: 'F10-F19, fourth character .4: withdrawal state with delirium' },
  },
  // The ICD-10-CM counterparts of WHO F1x.4; no other substance has a withdrawal delirium code.
  {
    id: 'icd10cm-withdrawal-delirium',
    title: 'Abuse, dependence or use with withdrawal delirium (ICD-10-CM)',
    kind: 'counts',
    fact: 'acuteMentalIllness',
    systems: [ICD10CM_URI],
    codes: ['F10131', 'F10231', 'F10931', 'F13131', 'F13231', 'F13931', 'F19131', 'F19231', 'F19931'],
    source: {
      title: ICD10CM,
      section: 'F10, F13, F19: .131, .231, .931 (abuse, dependence or use, with withdrawal delirium)',
    },
  },
  {
    id: 'icd10-acute-intoxication',
    title: 'Acute intoxication by psychoactive substances (WHO ICD-10 fourth character .0)',
    kind: 'counts',
    fact: 'psychotropicInfluence',
    systems: [ICD10_URI],
    prefixes: /* @__PURE__ */ SUBSTANCES_WHO.map((category) => `${category}0`),
    source: { title: ICD10, section: 'F10-F19, fourth character .0: acute intoxication' },
  },
  {
    id: 'icd10cm-intoxication',
    title: 'Abuse, dependence or use with intoxication (ICD-10-CM)',
    kind: 'counts',
    fact: 'psychotropicInfluence',
    systems: [ICD10CM_URI],
    prefixes: /* @__PURE__ */ SUBSTANCES_CM.flatMap((category) => [`${category}12`, `${category}22`, `${category}92`]),
    source: {
      title: ICD10CM,
      section: 'F10-F19 except F17: subcategories .12, .22 and .92 (abuse, dependence or use, with intoxication)',
      note: 'ICD-10-CM has no F1x.0; F17 (nicotine) uses these characters for the tobacco product, and WHO F1x.22 means a maintenance regime, so the lists are kept per system',
    },
  },
  // Contraindication 6 is the state at the visit (an acute episode, intoxication or the acute
  // effect of a substance; docs/rule-sets.md): a disorder is noted
  // for the clinician, as in the SNOMED CT list; acute intoxication counts through the lists above.
  {
    id: 'icd10-substance-use',
    title:
      'Mental and behavioural disorders due to psychoactive substance use (noted, never read as the acute effect of a substance)',
    kind: 'note',
    fact: 'psychotropicInfluence',
    systems: BOTH,
    ranges: [
      { from: 'F10', to: 'F16' },
      { from: 'F18', to: 'F19' },
    ],
    source: {
      title: ICD10,
      section: 'F10-F19 without F17 (tobacco); the same in ICD-10-CM',
    },
  },
]);
