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

export { type Instrument, type InstrumentId, instruments } from './instruments.js';
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
