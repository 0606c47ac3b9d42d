import { fail, ok, type Result } from '../../_internal/result.js';
import { isFactName } from '../../facts/patient-facts.js';
import type { Locale } from '../../messages/message-code.js';
import type { RuleSet } from '../../screening/rule.js';
import { type FhirWrittenExtension, factCoding, ruleSetExtension } from '../acuspine-codes.js';
import { LOINC_URI } from '../code-systems.js';
import { PREGNANCY_STATUS_LOINC } from '../codes/pregnancy-status.js';
import { OptionReader } from './read-write-back-options.js';
import type { FhirWrittenDataRequirement, FhirWrittenGuidanceResponse } from './written-resources.js';
import { readWrittenScreening, screeningNarrative } from './written-screening.js';

/**
 * The extension on a written GuidanceResponse that records the screening's status and present
 * findings: sub-extension `status` (valueCode: eligible, caution, incomplete, contraindicated or
 * refer), then one `finding` per rule found present (valueString: the rule's id).
 */
export const SCREENING_RESULT_EXTENSION_URL = 'https://acuspine.github.io/fhir/StructureDefinition/screening-result';

/** What {@link screeningGuidanceResponse} takes beside the screening. */
export interface ScreeningGuidanceResponseOptions {
  /** The GuidanceResponse's logical id (a FHIR id). */
  readonly id: string;
  /** The patient, `Patient/{id}`. */
  readonly patient: string;
  /** When the screening was made, a FHIR dateTime. */
  readonly occurrenceDateTime: string;
  /** Who screened: `Practitioner/{id}` or `PractitionerRole/{id}`. */
  readonly performer?: string;
  /** The language of the narrative: English by default, or `ru` from 'acuspine/locales/ru'. */
  readonly locale?: Locale;
  /** The rule set that produced the screening, to name its own facts by their labels and code them in its code system. */
  readonly ruleSet?: RuleSet<string, string>;
}

/**
 * Writes a screening as a FHIR R4 GuidanceResponse: status `data-required` for an incomplete
 * screening and `success` for any other, one data requirement per fact to record (the age as the
 * Patient's birth date; pregnancy as a LOINC 82810-3 observation; every other fact as an
 * observation coded in acuspine's fact code system, or a clinic's own fact in its rule set's),
 * the screening's status and present findings in an extension, the rule set and version as
 * `moduleUri` and in an extension, and the screening in words as the narrative. Pure: the id,
 * the patient and the date are the caller's. Never throws.
 *
 * @param screening - a screening as returned by `screen`.
 * @param options - see {@link ScreeningGuidanceResponseOptions}.
 * @returns a fresh GuidanceResponse, or issues with the path of each bad option
 *   (`invalid-screening` at the root when `screening` is not a screening).
 * @example
 * import { screen } from 'acuspine';
 * import { screeningGuidanceResponse } from 'acuspine/fhir';
 *
 * const response = screeningGuidanceResponse(screen({ ageYears: 52 }), {
 *   id: 'screening-1', patient: 'Patient/p1', occurrenceDateTime: '2026-12-02',
 * });
 * if (response.ok) {
 *   response.value.status; // => 'data-required'
 *   response.value.dataRequirement?.[0];
 *   // => { type: 'Observation', codeFilter: [{ path: 'code', code: [{ system: 'https://acuspine.github.io/codes/patient-fact', code: 'oncologicalDisease' }] }] }
 * }
 */
export function screeningGuidanceResponse(
  screening: unknown,
  options: ScreeningGuidanceResponseOptions,
): Result<FhirWrittenGuidanceResponse> {
  const read = new OptionReader(options);
  const id = read.id('id');
  const subject = read.reference('patient', ['Patient'], true);
  const occurrenceDateTime = read.dateTime('occurrenceDateTime');
  const performer = read.reference('performer', ['Practitioner', 'PractitionerRole'], false);
  const found = readWrittenScreening(screening, read.raw('locale'), read.raw('ruleSet'), read.issues);
  if (found === undefined || read.issues.length > 0) return fail(read.issues);

  const { screening: value, words } = found;
  const requirements = value.missing.map((fact) => dataRequirement(fact, value.ruleSet.id));
  return ok({
    resourceType: 'GuidanceResponse',
    id,
    text: { status: 'generated', div: screeningNarrative(words) },
    extension: [ruleSetExtension(value.ruleSet), screeningResultExtension(value.status, value.findings)],
    moduleUri: `https://acuspine.github.io/rule-sets/${encodeURIComponent(value.ruleSet.id)}/${encodeURIComponent(value.ruleSet.version)}`,
    status: value.status === 'incomplete' ? 'data-required' : 'success',
    subject,
    occurrenceDateTime,
    ...(performer === undefined ? {} : { performer }),
    ...(requirements.length === 0 ? {} : { dataRequirement: requirements }),
  });
}

function dataRequirement(fact: string, ruleSetId: string): FhirWrittenDataRequirement {
  if (fact === 'ageYears') return { type: 'Patient', mustSupport: ['birthDate'] };
  const code =
    fact === 'pregnant'
      ? { system: LOINC_URI, code: PREGNANCY_STATUS_LOINC }
      : { ...factCoding(fact, isFactName(fact) ? undefined : ruleSetId) };
  return { type: 'Observation', codeFilter: [{ path: 'code', code: [code] }] };
}

function screeningResultExtension(
  status: string,
  findings: readonly { readonly rule: string; readonly outcome: string }[],
): FhirWrittenExtension {
  return {
    url: SCREENING_RESULT_EXTENSION_URL,
    extension: [
      { url: 'status', valueCode: status },
      ...findings
        .filter((finding) => finding.outcome === 'present')
        .map((finding) => ({ url: 'finding', valueString: finding.rule })),
    ],
  };
}
