// Pregnancy status observations: LOINC 82810-3 with its LOINC answer list (LL4129-4), and the
// SNOMED CT values that Synthea writes into the same observation.
import { LOINC_URI, SNOMED_URI } from '../code-systems.js';

/** The LOINC code of the pregnancy status observation. */
export const PREGNANCY_STATUS_LOINC = '82810-3';

/**
 * How long a "pregnant" status stays current: 294 days (42 completed weeks), the start of
 * post-term in the WHO ICD-10 definitions (Volume 2, standards for perinatal statistics). An
 * older "pregnant" status cannot describe the same pregnancy and is not used.
 */
export const PREGNANCY_STATUS_CURRENT_DAYS = 294;

/** The value of a pregnancy status: true pregnant, false not pregnant, undefined unknown. */
export type PregnancyStatusValue = boolean | undefined;

/**
 * The answers a pregnancy status value is read from, each with what it means: the LOINC answer
 * list, and the SNOMED CT findings Synthea's pregnancy module writes. Any other value is unreadable.
 */
export const PREGNANCY_STATUS_ANSWERS: readonly {
  readonly system: string;
  readonly code: string;
  readonly value: PregnancyStatusValue;
}[] = /* @__PURE__ */ Object.freeze([
  Object.freeze({ system: LOINC_URI, code: 'LA15173-0', value: true }), // Pregnant
  Object.freeze({ system: LOINC_URI, code: 'LA26683-5', value: false }), // Not pregnant
  Object.freeze({ system: LOINC_URI, code: 'LA4489-6', value: undefined }), // Unknown
  Object.freeze({ system: SNOMED_URI, code: '77386006', value: true }), // Pregnant (finding)
  Object.freeze({ system: SNOMED_URI, code: '60001007', value: false }), // Not pregnant (finding)
]);

const VALUES: ReadonlyMap<string, PregnancyStatusValue> = /* @__PURE__ */ new Map<string, PregnancyStatusValue>(
  /* @__PURE__ */ PREGNANCY_STATUS_ANSWERS.map(({ system, code, value }) => [`${system}|${code}`, value]),
);

/** Reads one coding of a pregnancy status value; `null` when the coding is not a known answer. */
export function pregnancyStatusValue(system: string, code: string): PregnancyStatusValue | null {
  const key = `${system}|${code.trim()}`;
  return VALUES.has(key) ? VALUES.get(key) : null;
}
