// The URIs as plain constants too, for the code lists: a property read (codeSystems.snomed) in a
// frozen list's data keeps the list in every bundle that imports the module, even unused, since a
// bundler cannot prove that reading a property has no side effect.
export const SNOMED_URI = 'http://snomed.info/sct';
export const ICD10_URI = 'http://hl7.org/fhir/sid/icd-10';
export const ICD10CM_URI = 'http://hl7.org/fhir/sid/icd-10-cm';
export const LOINC_URI = 'http://loinc.org';
export const RXNORM_URI = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const ATC_URI = 'http://www.whocc.no/atc';
/** CPT, as FHIR names it: the codes of acupuncture services (the code numbers only; the descriptors are the AMA's). */
export const CPT_URI = 'http://www.ama-assn.org/go/cpt';

/**
 * The code system URIs that the mapping reads, as FHIR R4 names them (HL7 terminology: "Using
 * external terminologies"; ATC as used by European FHIR implementation guides).
 *
 * @example
 * codeSystems.snomed; // => 'http://snomed.info/sct'
 */
export const codeSystems = /* @__PURE__ */ Object.freeze({
  /** SNOMED CT: what US EHR exports and Synthea use for conditions. */
  snomed: SNOMED_URI,
  /** WHO ICD-10. */
  icd10: ICD10_URI,
  /** ICD-10-CM, the US clinical modification. */
  icd10cm: ICD10CM_URI,
  /** LOINC: observation codes and answer lists. */
  loinc: LOINC_URI,
  /** RxNorm: US drug codes, used by Synthea. */
  rxnorm: RXNORM_URI,
  /** WHO Anatomical Therapeutic Chemical classification: European drug codes. */
  atc: ATC_URI,
} as const);

// Codes in these systems are compared without dots and in upper case (M42.12 = m4212), and may
// be matched by prefix or by category range.
const HIERARCHICAL: ReadonlySet<string> = /* @__PURE__ */ new Set([ICD10_URI, ICD10CM_URI, ATC_URI]);

/** True for ICD-10, ICD-10-CM and ATC, whose codes are read by prefix and without dots. */
export function isHierarchicalSystem(system: string): boolean {
  return HIERARCHICAL.has(system);
}

/** The form in which a code is compared: trimmed; for ICD-10 and ATC also without dots and in upper case. */
export function normalizeCode(system: string, code: string): string {
  const trimmed = code.trim();
  return HIERARCHICAL.has(system) ? trimmed.replaceAll('.', '').toUpperCase() : trimmed;
}
