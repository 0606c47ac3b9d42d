// The public API of 'acuspine/fhir': re-exports only. A separate entry point, so that the core
// ('acuspine') stays small for apps that do not read FHIR.

export type { CodedFact, CodeListKind, CodeRange, FhirCodeList, FhirMappedFact } from './code-list.js';
export { codeSystems } from './code-systems.js';
export { PREGNANCY_STATUS_CURRENT_DAYS, PREGNANCY_STATUS_LOINC } from './codes/pregnancy-status.js';
export { factsFromFhir } from './facts-from-fhir.js';
export { fhirCodeLists } from './fhir-code-lists.js';
export type {
  FhirEvidence,
  FhirFacts,
  FhirNote,
  FhirNoteCode,
  FhirOptions,
  FhirPath,
  FhirResourceRef,
  RegionSuggestion,
} from './fhir-facts.js';
export type {
  FhirAnyResource,
  FhirBundle,
  FhirBundleEntry,
  FhirCodeableConcept,
  FhirCoding,
  FhirCondition,
  FhirInput,
  FhirMedication,
  FhirMedicationRequest,
  FhirMedicationStatement,
  FhirObservation,
  FhirPatient,
  FhirPeriod,
  FhirReference,
  FhirResource,
} from './resources.js';
