// Pregnancy status observations: LOINC 82810-3 with its LOINC answer list (LL4129-4), and the
// SNOMED CT values that Synthea writes into the same observation.
import { codeSystems } from '../code-systems.js';

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

const VALUES: ReadonlyMap<string, PregnancyStatusValue> = /* @__PURE__ */ new Map<string, PregnancyStatusValue>([
  [`${codeSystems.loinc}|LA15173-0`, true], // Pregnant
  [`${codeSystems.loinc}|LA26683-5`, false], // Not pregnant
  [`${codeSystems.loinc}|LA4489-6`, undefined], // Unknown
  [`${codeSystems.snomed}|77386006`, true], // Pregnant (finding); Synthea's pregnancy module
  [`${codeSystems.snomed}|60001007`, false], // Not pregnant (finding)
]);

/** Reads one coding of a pregnancy status value; `null` when the coding is not a known answer. */
export function pregnancyStatusValue(system: string, code: string): PregnancyStatusValue | null {
  const key = `${system}|${code.trim()}`;
  return VALUES.has(key) ? VALUES.get(key) : null;
}
