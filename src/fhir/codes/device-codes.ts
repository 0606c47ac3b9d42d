// Implanted electrical devices, for the caution "cardiac pacemaker or another implanted
// electrical device" of cautionRuleSet (a caution against electroacupuncture, not against manual
// needling; see src/screening/caution-rules.ts): the SNOMED CT device types that a FHIR Device
// names (Device.type), and the SNOMED CT findings and ICD-10 status codes that a Condition uses
// to say that such a device is in place.

import { type FhirCodeList, freezeCodeLists } from '../code-list.js';
import { ICD10_URI, ICD10CM_URI, SNOMED_URI } from '../code-systems.js';

const SNOMED = [SNOMED_URI];
const ICD10 =
  'WHO. International Statistical Classification of Diseases and Related Health Problems, 10th Revision (ICD-10), 2019 edition';

/**
 * The implanted device lists, frozen. See docs/fhir-mapping.md for the table.
 *
 * @example
 * deviceCodeLists.find((list) => list.id === 'snomed-implanted-electrical-devices')?.codes?.includes('706004007');
 * // => true
 */
export const deviceCodeLists: readonly FhirCodeList[] = /* @__PURE__ */ freezeCodeLists([
  // Pacemaker and defibrillator as Synthea writes them (cardiovascular disease module); the
  // resynchronization devices as the German Medical Informatics Initiative's cardiology module
  // lists them; neurostimulator and cochlear prosthesis as the Belgian eHealth referral guide
  // lists implant types (expanded on SNOMED CT International Edition 2025-02).
  {
    id: 'snomed-implanted-electrical-devices',
    title: 'Implanted electrical devices: device types',
    kind: 'counts',
    fact: 'pacemaker',
    systems: SNOMED,
    codes: [
      '706004007', // Implantable cardiac pacemaker (physical object); Synthea
      '72506001', // Implantable defibrillator, device (physical object); Synthea
      '704708004', // Cardiac resynchronization therapy implantable pacemaker (physical object)
      '704707009', // Cardiac resynchronization therapy implantable defibrillator (physical object)
      '25937001', // Neurostimulator, device (physical object)
      '43252007', // Cochlear prosthesis, device (physical object)
    ],
    source: { title: 'SNOMED CT International Edition', section: 'device (physical object) hierarchy' },
  },
  {
    id: 'snomed-implanted-device-findings',
    title: 'Cardiac pacemaker or defibrillator in situ',
    kind: 'counts',
    fact: 'pacemaker',
    systems: SNOMED,
    codes: [
      '441509002', // Cardiac pacemaker in situ (finding)
      '441769002', // Cardiac defibrillator in situ (finding)
      '443325000', // Automatic implantable cardiac defibrillator in situ (finding)
    ],
    source: {
      title: 'NLM VSAC value sets of the CMS eCQMs, 2024 (SNOMED CT US Edition 2023-09)',
      section: 'Cardiac Pacer in Situ (2.16.840.1.113883.3.526.3.368)',
    },
  },
  // WHO Z96.2 (otological and audiological implants) also holds implants without electronics,
  // and is left out.
  {
    id: 'icd10-implanted-electrical-devices',
    title: 'Presence of an electronic cardiac device, neurostimulator or cochlear implant',
    kind: 'counts',
    fact: 'pacemaker',
    systems: [ICD10_URI, ICD10CM_URI],
    prefixes: ['Z950'],
    codes: ['Z95810', 'Z9621', 'Z9682'],
    source: {
      title: ICD10,
      section: 'Z95.0; ICD-10-CM Z95.810, Z96.21, Z96.82',
    },
  },
]);
