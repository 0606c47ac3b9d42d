// Code lists for the red flags (the opt-in red-flag rule set): only codes that state a flag
// unambiguously. Cauda equina syndrome by its own code; a history of cancer from a personal
// history of malignant neoplasm or from any malignant neoplasm on record (the same codes as
// oncologicalDisease, read as history: see HISTORY_FACTS); long-term use of systemic steroids
// (ICD-10-CM only: WHO ICD-10 has no such code); an immunodeficiency (ICD-10 D80-D84, which leave
// out HIV disease). The other red flags are signs at the visit that no code in these systems
// states: they stay unrecorded, and the clinician asks.

import { type FhirCodeList, freezeCodeLists } from '../code-list.js';
import { ICD10_URI, ICD10CM_URI, SNOMED_URI } from '../code-systems.js';
import { MALIGNANT_NEOPLASM_RANGES, NEOPLASM_NOT_STATED_MALIGNANT_RANGES } from './icd10-codes.js';
import { SNOMED_MALIGNANCIES, SNOMED_NEOPLASMS_NOT_STATED_MALIGNANT } from './snomed-codes.js';

const ICD10 =
  'WHO. International Statistical Classification of Diseases and Related Health Problems, 10th Revision (ICD-10), 2019 edition';
const ICD10CM = 'CDC/NCHS. ICD-10-CM Tabular List of Diseases and Injuries, FY2025';
const SCT = 'SNOMED CT International Edition';
const SYNTHEA = 'Synthea (MITRE), synthetic patient generator: module definitions in src/main/resources/modules';
const BOTH = [ICD10_URI, ICD10CM_URI];
const SNOMED = [SNOMED_URI];
const HISTORY = 'read as history: it counts from its onset on, whatever its status now';

/**
 * The red-flag lists, frozen. See docs/fhir-mapping.md for the table.
 *
 * @example
 * redFlagCodeLists.map((list) => list.fact);
 * // => ['caudaEquinaSyndrome', 'caudaEquinaSyndrome', 'historyOfCancer', 'historyOfCancer', 'historyOfCancer', 'historyOfCancer', 'prolongedCorticosteroidUse', 'immunosuppression']
 */
export const redFlagCodeLists: readonly FhirCodeList[] = /* @__PURE__ */ freezeCodeLists([
  {
    id: 'icd10-cauda-equina-syndrome',
    title: 'Cauda equina syndrome',
    kind: 'counts',
    fact: 'caudaEquinaSyndrome',
    systems: BOTH,
    codes: ['G834'],
    source: { title: ICD10, section: 'Chapter VI, G83.4 cauda equina syndrome; the same code in ICD-10-CM' },
  },
  {
    id: 'snomed-cauda-equina-syndrome',
    title: 'Cauda equina syndrome',
    kind: 'counts',
    fact: 'caudaEquinaSyndrome',
    systems: SNOMED,
    codes: ['192970008'],
    source: { title: SCT, note: 'cauda equina syndrome (disorder)' },
  },
  {
    id: 'icd10-history-of-malignant-neoplasm',
    title: 'Malignant neoplasms, current or past, and personal history of malignant neoplasm',
    kind: 'counts',
    fact: 'historyOfCancer',
    systems: BOTH,
    ranges: /* @__PURE__ */ MALIGNANT_NEOPLASM_RANGES.concat({ from: 'Z85', to: 'Z85' }),
    source: {
      title: ICD10,
      section:
        'Chapter II, blocks C00-C97 (malignant neoplasms); Chapter XXI, Z85 (personal history of malignant neoplasm); the same in ICD-10-CM',
      note: HISTORY,
    },
  },
  {
    id: 'icd10-neoplasms-not-stated-malignant-history',
    title: 'In situ neoplasms and neoplasms of uncertain or unknown behaviour, current or past',
    kind: 'uncertain',
    fact: 'historyOfCancer',
    systems: BOTH,
    ranges: NEOPLASM_NOT_STATED_MALIGNANT_RANGES,
    source: {
      title: ICD10,
      section: 'Chapter II, blocks D00-D09 (in situ) and D37-D48 (uncertain or unknown behaviour); ICD-10-CM D37-D49',
      note: 'not malignant by the classification, not benign either: the clinician decides',
    },
  },
  {
    id: 'snomed-history-of-malignancy',
    title: 'Malignant neoplasms, current or past',
    kind: 'counts',
    fact: 'historyOfCancer',
    systems: SNOMED,
    codes: SNOMED_MALIGNANCIES,
    source: {
      title: SYNTHEA,
      note: 'concepts from SNOMED CT International Edition, the same as for oncological disease; read as history: it counts from its onset on, whatever its status now',
    },
  },
  {
    id: 'snomed-neoplasms-not-stated-malignant-history',
    title: 'Suspected cancer, carcinoma in situ, neoplasm not stated to be malignant, current or past',
    kind: 'uncertain',
    fact: 'historyOfCancer',
    systems: SNOMED,
    codes: SNOMED_NEOPLASMS_NOT_STATED_MALIGNANT,
    source: { title: SYNTHEA, note: 'a suspicion or a neoplasm of unstated behaviour: the clinician decides' },
  },
  {
    id: 'icd10cm-long-term-systemic-steroids',
    title: 'Long term (current) use of systemic steroids',
    kind: 'counts',
    fact: 'prolongedCorticosteroidUse',
    systems: [ICD10CM_URI],
    codes: ['Z7952'],
    source: { title: ICD10CM, section: 'Z79.52 long term (current) use of systemic steroids' },
  },
  {
    id: 'icd10-immunodeficiency',
    title: 'Immunodeficiency',
    kind: 'counts',
    fact: 'immunosuppression',
    systems: BOTH,
    ranges: [{ from: 'D80', to: 'D84' }],
    source: {
      title: ICD10,
      section:
        'Chapter III, D80-D84 (immunodeficiency with antibody defects, combined, with other major defects, common variable, other: D84.9 immunodeficiency, unspecified, includes "immunosuppressed NOS" in ICD-10-CM); the same categories in ICD-10-CM; HIV disease (B20-B24) is classified apart',
    },
  },
]);
