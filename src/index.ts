// The public API of 'acuspine': re-exports only.

/**
 * The core of acuspine: screening a patient's facts for the contraindications of the source
 * protocol (and, when asked, for cited cautions), the protocol's region profiles, course
 * planning, cohort statistics, and explanations in English (built in) and Russian (imported from
 * {@link acuspine/locales/ru! | acuspine/locales/ru}). Pure functions: nothing here reads the
 * clock, the network or the environment.
 *
 * FHIR input is in {@link acuspine/fhir! | acuspine/fhir}, CDS Hooks output in
 * {@link acuspine/cds-hooks! | acuspine/cds-hooks}; each is a separate entry point, so that an
 * app that needs neither does not bundle them.
 *
 * @groupDescription Screening
 * Screen a patient's facts against a rule set: the protocol's six contraindications, the opt-in
 * cautions, or a clinic's own rules. Each rule is present, absent or unknown.
 *
 * @groupDescription Patient facts
 * The facts a screening reads, and the strict parser for untrusted input.
 *
 * @groupDescription Regions
 * The three spinal regions, what the protocol says of each, and reading a region from an ICD-10
 * code or a word.
 *
 * @groupDescription Courses
 * Planning a course of sessions for one region from a screening, and the STRICTA summary of a
 * course.
 *
 * @groupDescription Cohorts
 * Screening many records at once and summarizing them: counts, proportions and Wilson intervals.
 *
 * @groupDescription Messages
 * Screenings, courses and issues explained in words: in English, the default; in Russian, with
 * `ru` from 'acuspine/locales/ru'; or in an app's own catalog.
 *
 * @groupDescription Results and issues
 * What every reader of untrusted input returns: a value, or the issues found.
 *
 * @module acuspine
 */

export type { Failure, Issue, Ok, Result } from './_internal/result.js';
export type { StandardSchemaV1 } from './_internal/standard-schema.js';
// Cohort analysis
export { ageBand } from './cohort/age-band.js';
export type { CohortEntry, InvalidEntry, ScreenedEntry } from './cohort/cohort-entry.js';
export type {
  CohortProportions,
  CohortStatistics,
  CohortSummary,
  Proportion,
  RuleCounts,
  RuleProportions,
} from './cohort/cohort-summary.js';
export { mergeSummaries } from './cohort/merge-summaries.js';
export { type ScreenCohortOptions, screenCohort } from './cohort/screen-cohort.js';
export { type SummarizeCohortOptions, summarizeCohort } from './cohort/summarize-cohort.js';
export { type SummaryRow, type SummaryTableOptions, summaryTable } from './cohort/summary-table.js';
export { type WilsonInterval, wilsonInterval } from './cohort/wilson-interval.js';
// Course planning
export { buildCourse } from './course/build-course.js';
export type {
  Course,
  CourseOverride,
  CourseOverrideRecord,
  CourseRequest,
  CourseSetting,
  CourseSettings,
  OverridableSetting,
  Session,
} from './course/course.js';
export { type CourseCalendarOptions, courseCalendar } from './course/course-calendar.js';
export {
  type CourseDefaults,
  courseDefaults,
  MAX_COURSE_SESSIONS,
  MAX_SESSION_MINUTES,
} from './course/course-defaults.js';
export {
  type NeedleRetention,
  PROCEDURE_SOURCE,
  type ProcedureAction,
  type ProcedureStep,
  type ProcedureStepId,
  procedureStepIds,
} from './course/procedure-steps.js';
export {
  type FilledStrictaItem,
  type FilledStrictaItemId,
  type OpenStrictaItem,
  STRICTA_SOURCE,
  type StrictaItem,
  type StrictaItemHeading,
  type StrictaItemId,
  type StrictaSummary,
  strictaItems,
} from './course/stricta.js';
export { type Weekday, weekdays } from './course/weekday.js';
export { ageOn } from './facts/age-on.js';
export { type ParsePatientFactsOptions, parsePatientFacts } from './facts/parse-patient-facts.js';
export {
  type BooleanFactName,
  cautionFactNames,
  type FactName,
  factNames,
  isFactName,
  MAX_AGE_YEARS,
  type PatientFacts,
  type PatientFactsWith,
  protocolFactNames,
  redFlagFactNames,
} from './facts/patient-facts.js';
export { patientFactsSchema } from './facts/patient-facts-schema.js';
// Explanations
export { en, messagesEn } from './messages/en.js';
export {
  type ExplainOptions,
  type Explanation,
  explain,
  type FactQuestion,
  type FindingExplanation,
} from './messages/explain.js';
export {
  type CourseExplanation,
  type ExplainCourseOptions,
  explainCourse,
  type PhaseExplanation,
} from './messages/explain-course.js';
export { explainIssues, type IssueExplanation, type IssuesExplanation } from './messages/explain-issues.js';
export type {
  CourseFieldName,
  KnownIssueCode,
  Locale,
  MessageCatalog,
  MessageCode,
  ProtocolSectionId,
} from './messages/message-code.js';
export type { MessageOptions } from './messages/message-options.js';
export { parseRegion, regionSynonyms } from './regions/parse-region.js';
export { regionFromIcd10 } from './regions/region-from-icd10.js';
export {
  type CarriedOverValue,
  type DiseasePhase,
  type ExpectedSensations,
  type LumbosacralPhaseId,
  type MinuteRange,
  type PointGroup,
  type ProfileValue,
  type ReferenceValue,
  type RegionIcd10,
  type RegionPrevalence,
  type RegionProfile,
  type RegionRisk,
  regionProfile,
  type SensationKind,
  type SessionCountRange,
  type StatedValue,
  type TreatableWhen,
  type TreatmentPhase,
  type ValueBasis,
} from './regions/region-profile.js';
export { regionProfiles } from './regions/region-profiles.js';
export { regionSafetyNotes, type SafetyNote, type SafetyNoteId } from './regions/region-safety-notes.js';
export { isSpinalRegion, type SpinalRegion, spinalRegions } from './regions/spinal-region.js';
export { type AgeRuleOptions, ageRule, PROTOCOL_AGE_BOUNDS } from './screening/age-rule.js';
export { type CautionRuleId, cautionRuleSet } from './screening/caution-rule-set.js';
export { defineRuleSet, type RuleId, type RuleSetDefinition, RuleSetError } from './screening/define-rule-set.js';
export { extendProtocol, type ProtocolExtension } from './screening/extend-protocol.js';
export { type ProtocolRuleId, protocolRuleSet } from './screening/protocol-rule-set.js';
export { type RedFlagRuleId, redFlagRuleSet } from './screening/red-flag-rule-set.js';
export type {
  AgeOutsideCondition,
  AllFactsCondition,
  AnyFactCondition,
  ContraindicationRule,
  CustomFact,
  CustomFactLabel,
  ReferralRule,
  ReferralUrgency,
  Rule,
  RuleCondition,
  RuleKind,
  RuleSet,
  SourceCitation,
} from './screening/rule.js';
export { referralUrgencies, ruleFacts } from './screening/rule.js';
export { type ScreenOptions, screen } from './screening/screen.js';
export type {
  Finding,
  FindingOutcome,
  Referral,
  RuleSetRef,
  Screening,
  ScreeningStatus,
} from './screening/screening.js';
export { screeningStatuses } from './screening/screening.js';
export { PROTOCOL_TITLE } from './screening/sources.js';
