// The public API of 'acuspine/outcomes': re-exports only. A separate entry point: apps that screen
// and plan never load the outcome instruments.

/**
 * Outcomes of a course, measured and never claimed: spine questionnaire scores from item ids and
 * ordinal values (pain NRS, Oswestry Disability Index 2.1a, Neck Disability Index, Roland-Morris
 * Disability Questionnaire), the change between two scores, and response by published definitions
 * (IMMPACT, Ostelo, the NDI's per source) or a clinic's own, in three values. No item or answer text of the licensed questionnaires is shipped: a
 * clinic shows its licensed wording and hands over the values.
 *
 * @groupDescription Outcomes
 * The instruments, their scoring and what it returns.
 *
 * @module acuspine/outcomes
 */

export {
  type AdverseEvent,
  type AdverseEventSeverity,
  type AssessmentInput,
  type CourseOutcomeInput,
  type CourseOutcomeRecord,
  MAX_RECORDED_SESSIONS,
  type OutcomeAssessment,
  outcomeRecordTemplate,
  type ParseOutcomeOptions,
  parseCourseOutcomeRecord,
  type Sensation,
  type SensationKind,
  type SessionInput,
  type SessionOutcome,
  sensationKinds,
  type UnscoredQuestionnaire,
} from './course-outcome-record.js';
export {
  explainChange,
  explainResponse,
  explainScore,
  type LocaleCode,
  type OutcomeWordsOptions,
  type ResponseWordsOptions,
} from './explain-outcomes.js';
export { type Instrument, type InstrumentId, instruments } from './instruments.js';
export { mergeOutcomeSummaries } from './merge-outcome-summaries.js';
export {
  byRegion,
  type InvalidOutcomeEntry,
  type OutcomeEntry,
  type ReadOutcomeEntry,
  readOutcomeRecords,
} from './outcome-entries.js';
export type {
  AdverseEventCounts,
  ChangeCount,
  ChangeStatistics,
  FirstResponseCounts,
  OutcomeAnalysis,
  OutcomeStatistics,
  OutcomeSummary,
  PainCounts,
  ResponderCounts,
  SensationCounts,
  SensationStatistics,
  SessionCount,
  SessionCounts,
  SessionPain,
} from './outcome-summary.js';
export { type OutcomeRow, type OutcomeTableOptions, outcomeSummaryTable } from './outcome-summary-table.js';
export {
  type ClassifyResponseOptions,
  classifyResponse,
  defineResponder,
  type ResponderDefinition,
  type ResponderResult,
  responderDefinitions,
  type ScoreChange,
  scoreChange,
} from './responders.js';
export { type QuestionnaireScore, type ScoreOptions, scoreQuestionnaire } from './score.js';
export { strictaWithOutcomes } from './stricta-outcomes.js';
export { type SummarizeOutcomesOptions, summarizeOutcomes } from './summarize-outcomes.js';
