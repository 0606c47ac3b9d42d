// The public API of 'acuspine/fhir': re-exports only. A separate entry point, so that the core
// ('acuspine') stays small for apps that do not read FHIR.

/**
 * Reading a patient's FHIR R4 record as of a reference date: the facts a screening reads, the
 * resources behind each fact, what could not be settled, and the regions the conditions suggest.
 *
 * @groupDescription FHIR
 * `factsFromFhir`, its options and what it returns.
 *
 * @groupDescription FHIR code lists
 * The documented code lists that map codes to facts and regions, and the code systems they use.
 *
 * @groupDescription FHIR resources
 * The parts of the FHIR R4 resources that the mapping reads.
 *
 * @module acuspine/fhir
 */

export {
  FACT_CODE_SYSTEM,
  type FactCoding,
  type FhirWrittenExtension,
  factCoding,
  RULE_SET_EXTENSION_URL,
  RULE_SET_FACT_CODE_SYSTEM_PREFIX,
  ruleSetExtension,
} from './acuspine-codes.js';
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
export {
  type AnswerSource,
  type FactConflict,
  type FactResolution,
  type FactSource,
  type MergedFacts,
  type MergeNote,
  type MergeNoteCode,
  type MergeRecordAndAnswersOptions,
  mergeRecordAndAnswers,
  type RecordSource,
  type ResolutionSource,
} from './merge-record-and-answers.js';
export {
  type AnsweredFacts,
  type AskedQuestionnaire,
  type AskedQuestionnaireItem,
  type FactAnswer,
  type FactsFromResponseOptions,
  type FhirQuestionnaireResponse,
  type FhirQuestionnaireResponseAnswer,
  type FhirQuestionnaireResponseItem,
  factsFromQuestionnaireResponse,
  type QuestionnaireResponseNote,
  type QuestionnaireResponseNoteCode,
  type QuestionnaireResponseRef,
} from './questionnaire/facts-from-questionnaire-response.js';
export {
  type FhirQuestionnaire,
  type FhirQuestionnaireAnswerOption,
  type FhirQuestionnaireItem,
  type FhirQuestionnaireItemExtension,
  type MissingFactsQuestionnaireOptions,
  missingFactsQuestionnaire,
} from './questionnaire/missing-facts-questionnaire.js';
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
export { type CourseCarePlanOptions, courseCarePlan } from './write-back/course-care-plan.js';
export { type CourseServiceRequestOptions, courseServiceRequest } from './write-back/course-service-request.js';
export { type ScreeningDetectedIssueOptions, screeningDetectedIssue } from './write-back/screening-detected-issue.js';
export {
  SCREENING_RESULT_EXTENSION_URL,
  type ScreeningGuidanceResponseOptions,
  screeningGuidanceResponse,
} from './write-back/screening-guidance-response.js';
export type {
  FhirWrittenAnnotation,
  FhirWrittenCarePlan,
  FhirWrittenCarePlanActivity,
  FhirWrittenCodeableConcept,
  FhirWrittenCodeFilter,
  FhirWrittenCoding,
  FhirWrittenDataRequirement,
  FhirWrittenDetectedIssue,
  FhirWrittenEvidence,
  FhirWrittenGuidanceResponse,
  FhirWrittenNarrative,
  FhirWrittenPeriod,
  FhirWrittenReference,
  FhirWrittenServiceRequest,
  FhirWrittenTiming,
  FhirWrittenTimingRepeat,
} from './write-back/written-resources.js';
