// ICD-10 (WHO) and ICD-10-CM code lists for the source protocol's contraindications. Ranges are
// whole blocks or categories as the classifications title them; acute infection and acute
// mental states list only codes that are acute by their own title or definition, because a
// coded infection or mental disorder says nothing by itself about the acute period that the
// protocol names (domain notes, section 4: infections count as acute only when the record says so).

import { type FhirCodeList, freezeCodeLists } from '../code-list.js';
import { codeSystems } from '../code-systems.js';

const ICD10 =
  'WHO. International Statistical Classification of Diseases and Related Health Problems, 10th Revision (ICD-10), 2019 edition';
const ICD10CM = 'CDC/NCHS. ICD-10-CM Tabular List of Diseases and Injuries, FY2025';
const BOTH = [codeSystems.icd10, codeSystems.icd10cm];

// F10-F19 without F17 (tobacco), whose ICD-10-CM subcodes use the 5th character for the product.
const SUBSTANCES_CM = ['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F18', 'F19'];
const SUBSTANCES_WHO = [...SUBSTANCES_CM, 'F17'].sort();

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
    ranges: [{ from: 'C00', to: 'C97' }],
    source: { title: ICD10, section: 'Chapter II, blocks C00-C97 (malignant neoplasms); the same range in ICD-10-CM' },
  },
  {
    id: 'icd10-neoplasms-not-stated-malignant',
    title: 'In situ neoplasms and neoplasms of uncertain or unknown behaviour',
    kind: 'uncertain',
    fact: 'oncologicalDisease',
    systems: BOTH,
    ranges: [
      { from: 'D00', to: 'D09' },
      // Two ranges, so that ICD-10-CM's D3A (benign neuroendocrine tumours) stays out.
      { from: 'D37', to: 'D39' },
      { from: 'D40', to: 'D49' },
    ],
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
  {
    id: 'icd10-pregnancy',
    title: 'Pregnancy, childbirth and the puerperium; pregnant state; supervision of pregnancy',
    kind: 'counts',
    fact: 'pregnant',
    systems: BOTH,
    ranges: [
      { from: 'O00', to: 'O9A' },
      { from: 'Z33', to: 'Z34' },
      { from: 'Z3A', to: 'Z3A' },
    ],
    source: {
      title: ICD10,
      section:
        'Chapter XV (O00-O99), Z33 pregnant state, Z34 supervision of normal pregnancy; ICD-10-CM extends chapter 15 to O9A and adds Z3A weeks of gestation',
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
      note: 'an infection counts as acute only when the record says so (domain notes, section 4): ask whether it is in its acute period',
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
  {
    id: 'icd10-withdrawal-delirium',
    title: 'Withdrawal state with delirium (WHO ICD-10 fourth character .4)',
    kind: 'counts',
    fact: 'acuteMentalIllness',
    systems: [codeSystems.icd10],
    prefixes: SUBSTANCES_WHO.map((category) => `${category}4`),
    source: { title: ICD10, section: 'F10-F19, fourth character .4: withdrawal state with delirium' },
  },
  {
    id: 'icd10-acute-intoxication',
    title: 'Acute intoxication by psychoactive substances (WHO ICD-10 fourth character .0)',
    kind: 'counts',
    fact: 'psychotropicInfluence',
    systems: [codeSystems.icd10],
    prefixes: SUBSTANCES_WHO.map((category) => `${category}0`),
    source: { title: ICD10, section: 'F10-F19, fourth character .0: acute intoxication' },
  },
  {
    id: 'icd10cm-intoxication',
    title: 'Abuse, dependence or use with intoxication (ICD-10-CM)',
    kind: 'counts',
    fact: 'psychotropicInfluence',
    systems: [codeSystems.icd10cm],
    prefixes: SUBSTANCES_CM.flatMap((category) => [`${category}12`, `${category}22`, `${category}92`]),
    source: {
      title: ICD10CM,
      section: 'F10-F19 except F17: subcategories .12, .22 and .92 (abuse, dependence or use, with intoxication)',
      note: 'ICD-10-CM has no F1x.0; F17 (nicotine) uses these characters for the tobacco product, and WHO F1x.22 means a maintenance regime, so the lists are kept per system',
    },
  },
]);
