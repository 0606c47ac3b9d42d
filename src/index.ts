// The public API of 'acuspine': re-exports only.

export type { Failure, Issue, Ok, Result } from './_internal/result.js';
export type { StandardSchemaV1 } from './_internal/standard-schema.js';
export { ageOn } from './facts/age-on.js';
export { parsePatientFacts } from './facts/parse-patient-facts.js';
export {
  type BooleanFactName,
  cautionFactNames,
  type FactName,
  factNames,
  isFactName,
  MAX_AGE_YEARS,
  type PatientFacts,
  protocolFactNames,
} from './facts/patient-facts.js';
export { patientFactsSchema } from './facts/patient-facts-schema.js';
export { type AgeRuleOptions, ageRule, PROTOCOL_AGE_BOUNDS } from './screening/age-rule.js';
export { type CautionRuleId, cautionRuleSet } from './screening/caution-rule-set.js';
export { defineRuleSet, type RuleSetDefinition } from './screening/define-rule-set.js';
export { type ProtocolRuleId, protocolRuleSet } from './screening/protocol-rule-set.js';
export type {
  AgeOutsideCondition,
  AllFactsCondition,
  AnyFactCondition,
  Rule,
  RuleCondition,
  RuleKind,
  RuleSet,
  SourceCitation,
} from './screening/rule.js';
export { ruleFacts } from './screening/rule.js';
export { type ScreenOptions, screen } from './screening/screen.js';
export type { Finding, FindingOutcome, RuleSetRef, Screening, ScreeningStatus } from './screening/screening.js';
export { screeningStatuses } from './screening/screening.js';
export { PROTOCOL_TITLE } from './screening/sources.js';
