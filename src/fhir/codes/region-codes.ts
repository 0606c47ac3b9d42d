// Findings that name a region of the spine, for region suggestions: SNOMED CT neck and low back
// pain, and the ICD-10 pain codes whose region is in their title (cervicalgia, low back pain,
// pain in thoracic spine). Other ICD-10 codes of the dorsopathies name their region by the WHO
// site character, which regionFromIcd10 (src/regions) reads; it reads none of these three,
// because they have no site character in ICD-10-CM.

import { type FhirCodeList, freezeCodeLists } from '../code-list.js';
import { ICD10_URI, ICD10CM_URI, SNOMED_URI } from '../code-systems.js';

const SCT = 'SNOMED CT International Edition';
const ICD10 =
  'WHO. International Statistical Classification of Diseases and Related Health Problems, 10th Revision (ICD-10), 2019 edition';
const BOTH = [ICD10_URI, ICD10CM_URI];

/**
 * The region lists, frozen. See docs/fhir-mapping.md for the table.
 *
 * @example
 * regionCodeLists.map((list) => list.region);
 * // => ['cervical', 'lumbosacral', 'cervical', 'thoracic', 'lumbosacral']
 */
export const regionCodeLists: readonly FhirCodeList[] = /* @__PURE__ */ freezeCodeLists([
  {
    id: 'snomed-neck-pain',
    title: 'Neck pain',
    kind: 'region',
    region: 'cervical',
    systems: [SNOMED_URI],
    codes: [
      '1121000119107', // Chronic neck pain (Synthea)
      '81680005', // Neck pain
    ],
    source: { title: SCT, note: 'Synthea generates 1121000119107 (prescribing_opioids_for_chronic_pain module)' },
  },
  {
    id: 'snomed-low-back-pain',
    title: 'Low back pain',
    kind: 'region',
    region: 'lumbosacral',
    systems: [SNOMED_URI],
    codes: [
      '278860009', // Chronic low back pain (Synthea)
      '279039007', // Low back pain (finding site: back of the abdominopelvic segment of the trunk)
    ],
    source: { title: SCT, note: 'Synthea generates 278860009 (prescribing_opioids_for_chronic_pain module)' },
  },
  {
    id: 'icd10-cervicalgia',
    title: 'Cervicalgia',
    kind: 'region',
    region: 'cervical',
    systems: BOTH,
    prefixes: ['M542'],
    source: { title: ICD10, section: 'M54.2 cervicalgia; the same code in ICD-10-CM' },
  },
  {
    id: 'icd10-thoracic-spine-pain',
    title: 'Pain in thoracic spine',
    kind: 'region',
    region: 'thoracic',
    systems: BOTH,
    prefixes: ['M546'],
    source: { title: ICD10, section: 'M54.6 pain in thoracic spine; the same code in ICD-10-CM' },
  },
  {
    id: 'icd10-low-back-pain',
    title: 'Low back pain',
    kind: 'region',
    region: 'lumbosacral',
    systems: BOTH,
    prefixes: ['M545'],
    source: {
      title: ICD10,
      section:
        'M54.5 low back pain; ICD-10-CM since FY2022: M54.50 low back pain, unspecified, M54.51 vertebrogenic low back pain, M54.59 other low back pain',
      note: 'low back pain is lumbar or lumbosacral, which the region profiles treat as one region',
    },
  },
]);
