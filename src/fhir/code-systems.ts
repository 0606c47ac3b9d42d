/**
 * The code system URIs that the mapping reads, as FHIR R4 names them (HL7 terminology: "Using
 * external terminologies"; ATC as used by European FHIR implementation guides).
 *
 * @example
 * codeSystems.snomed; // => 'http://snomed.info/sct'
 */
export const codeSystems = /* @__PURE__ */ Object.freeze({
  /** SNOMED CT: what US EHR exports and Synthea use for conditions. */
  snomed: 'http://snomed.info/sct',
  /** WHO ICD-10. */
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  /** ICD-10-CM, the US clinical modification. */
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  /** LOINC: observation codes and answer lists. */
  loinc: 'http://loinc.org',
  /** RxNorm: US drug codes, used by Synthea. */
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  /** WHO Anatomical Therapeutic Chemical classification: European drug codes. */
  atc: 'http://www.whocc.no/atc',
} as const);

// Codes in these systems are compared without dots and in upper case (M42.12 = m4212), and may
// be matched by prefix or by category range.
const HIERARCHICAL: ReadonlySet<string> = /* @__PURE__ */ new Set([
  codeSystems.icd10,
  codeSystems.icd10cm,
  codeSystems.atc,
]);

/** True for ICD-10, ICD-10-CM and ATC, whose codes are read by prefix and without dots. */
export function isHierarchicalSystem(system: string): boolean {
  return HIERARCHICAL.has(system);
}

/** The form in which a code is compared: trimmed; for ICD-10 and ATC also without dots and in upper case. */
export function normalizeCode(system: string, code: string): string {
  const trimmed = code.trim();
  return HIERARCHICAL.has(system) ? trimmed.replaceAll('.', '').toUpperCase() : trimmed;
}
