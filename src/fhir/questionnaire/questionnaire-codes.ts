// What the questionnaire of missing facts and the reader of its answers agree on: the kind of
// answer each fact takes, the pregnancy status answers it offers, and the URLs of the SDC
// profile and the standard extensions it uses.
import { MAX_AGE_YEARS } from '../../facts/patient-facts.js';
import type { MessageCode } from '../../messages/message-code.js';
import { LOINC_URI } from '../code-systems.js';

/** The SDC profile of a Questionnaire (Structured Data Capture, R4). */
export const SDC_QUESTIONNAIRE_PROFILE = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire';

/** The core extensions that bound an integer answer. */
export const MIN_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** SDC's flag that an item's answer becomes an Observation on extraction. */
export const OBSERVATION_EXTRACT_URL =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract';

/** The core extension that asks a renderer for a control, and its code system. */
export const ITEM_CONTROL_URL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';

/** Where a questionnaire lives when the caller names no URL: under the project's site, by its id. */
export const QUESTIONNAIRE_URL_PREFIX = 'https://acuspine.github.io/fhir/Questionnaire/';

/** The oldest age an answer may give, in completed years: one below the age refused as a data-entry error. */
export const MAX_ANSWER_AGE = MAX_AGE_YEARS - 1;

/** LOINC's name of the pregnancy status observation, written with its code. */
export const PREGNANCY_STATUS_DISPLAY = 'Pregnancy status';

/**
 * The answers the pregnancy question offers: LOINC's answer list of 82810-3, in its order, each
 * with the message code of its words. "Unknown" is offered so that a clinician can say so; it
 * records nothing.
 */
export const PREGNANCY_ANSWERS: readonly {
  readonly system: string;
  readonly code: string;
  readonly message: MessageCode;
}[] = /* @__PURE__ */ Object.freeze([
  Object.freeze({ system: LOINC_URI, code: 'LA15173-0', message: 'questionnaire.answer.pregnant' as const }),
  Object.freeze({ system: LOINC_URI, code: 'LA26683-5', message: 'questionnaire.answer.not-pregnant' as const }),
  Object.freeze({ system: LOINC_URI, code: 'LA4489-6', message: 'questionnaire.answer.unknown' as const }),
]);

/** What answers a fact: a whole number of years for the age, a LOINC coded status for pregnancy, yes or no for the rest. */
export type AnswerKind = 'integer' | 'choice' | 'boolean';

/** The kind of answer a fact takes (a rule set's own facts are yes or no). */
export function answerKindOf(fact: string): AnswerKind {
  if (fact === 'ageYears') return 'integer';
  if (fact === 'pregnant') return 'choice';
  return 'boolean';
}

/** A FHIR id: 1 to 64 letters, digits, `-` and `.`. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
