// SNOMED CT findings that name a region of the spine, for region suggestions. ICD-10 codes of
// the dorsopathies are read by regionFromIcd10 (src/regions), not listed here.

import { type FhirCodeList, freezeCodeLists } from '../code-list.js';
import { codeSystems } from '../code-systems.js';

const SCT = 'SNOMED CT International Edition';

/**
 * The SNOMED CT region lists, frozen. See docs/fhir-mapping.md for the table.
 *
 * @example
 * regionCodeLists.map((list) => list.region); // => ['cervical', 'lumbosacral']
 */
export const regionCodeLists: readonly FhirCodeList[] = /* @__PURE__ */ freezeCodeLists([
  {
    id: 'snomed-neck-pain',
    title: 'Neck pain',
    kind: 'region',
    region: 'cervical',
    systems: [codeSystems.snomed],
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
    systems: [codeSystems.snomed],
    codes: [
      '278860009', // Chronic low back pain (Synthea)
      '279039007', // Low back pain (finding site: back of the abdominopelvic segment of the trunk)
    ],
    source: { title: SCT, note: 'Synthea generates 278860009 (prescribing_opioids_for_chronic_pain module)' },
  },
]);
