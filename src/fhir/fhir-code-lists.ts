import type { FhirCodeList } from './code-list.js';
import { deviceCodeLists } from './codes/device-codes.js';
import { icd10CodeLists } from './codes/icd10-codes.js';
import { medicationCodeLists } from './codes/medication-codes.js';
import { redFlagCodeLists } from './codes/red-flag-codes.js';
import { regionCodeLists } from './codes/region-codes.js';
import { snomedCodeLists } from './codes/snomed-codes.js';

/**
 * Every code list that `factsFromFhir` reads, frozen: ICD-10 and ICD-10-CM, SNOMED CT,
 * RxNorm and ATC, implanted devices, the region findings, and the red flags that a code states.
 * Each list names its source; the table is in docs/fhir-mapping.md. Pregnancy status
 * observations (LOINC 82810-3) are read apart.
 *
 * @example
 * fhirCodeLists.filter((list) => list.fact === 'anticoagulantTherapy' && list.kind === 'counts').map((list) => list.id);
 * // => ['rxnorm-anticoagulants', 'atc-anticoagulants']
 */
// concat, not spreads: a bundler keeps a spread (it may run an iterator) even when the lists are unused.
export const fhirCodeLists: readonly FhirCodeList[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ icd10CodeLists.concat(
    snomedCodeLists,
    medicationCodeLists,
    deviceCodeLists,
    regionCodeLists,
    redFlagCodeLists,
  ),
);
