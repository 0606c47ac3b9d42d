// acuspine's own code systems and extension, for what no standard code system names: the patient
// facts a screening reads, a clinic's own facts, and the rule set behind a resource. They live
// under the project's documentation site so that the URIs stay stable and resolvable.
import type { RuleSetRef } from '../screening/screening.js';

/**
 * The code system of the patient facts that acuspine ships: the code is the fact's name (for
 * example `oncologicalDisease`), and the fact's meaning is its documentation in `PatientFacts`.
 */
export const FACT_CODE_SYSTEM = 'https://acuspine.github.io/codes/patient-fact';

/**
 * The code system of a clinic's own facts, one per rule set: this prefix, then the rule set's id
 * (URI-encoded), then `/fact`. The code is the fact's name. Two clinics' facts of the same name
 * never share a code, since their meanings are their own.
 */
export const RULE_SET_FACT_CODE_SYSTEM_PREFIX = 'https://acuspine.github.io/codes/rule-set/';

/**
 * The extension that records the rule set, and its version, behind a resource acuspine writes:
 * two sub-extensions, `id` and `version`, each a `valueString`.
 */
export const RULE_SET_EXTENSION_URL = 'https://acuspine.github.io/fhir/StructureDefinition/rule-set';

/** The coding of a patient fact: its code system and its name. */
export interface FactCoding {
  /** {@link FACT_CODE_SYSTEM}, or the code system of the rule set that declares the fact. */
  readonly system: string;
  /** The fact's name. */
  readonly code: string;
}

/**
 * The coding of a patient fact: a shipped fact in {@link FACT_CODE_SYSTEM}; a rule set's own fact
 * in that rule set's code system.
 *
 * @param fact - the fact's name.
 * @param ruleSetId - the id of the rule set that declares the fact, for a fact acuspine does not
 *   ship; leave out for a shipped fact.
 * @returns the coding, frozen.
 * @example
 * factCoding('pregnant'); // => { system: 'https://acuspine.github.io/codes/patient-fact', code: 'pregnant' }
 * factCoding('recentSpinalSurgery', 'clinic');
 * // => { system: 'https://acuspine.github.io/codes/rule-set/clinic/fact', code: 'recentSpinalSurgery' }
 */
export function factCoding(fact: string, ruleSetId?: string): FactCoding {
  const system =
    ruleSetId === undefined
      ? FACT_CODE_SYSTEM
      : `${RULE_SET_FACT_CODE_SYSTEM_PREFIX}${encodeURIComponent(ruleSetId)}/fact`;
  return Object.freeze({ system, code: fact });
}

/** An extension as acuspine writes it: a url, and either nested extensions or a value. Mutable, like every written resource. */
export interface FhirWrittenExtension {
  /** The extension's URL. */
  url: string;
  /** The nested extensions, for a complex extension. */
  extension?: FhirWrittenExtension[];
  /** A text value, for a simple extension. */
  valueString?: string;
  /** A code value, for a simple extension. */
  valueCode?: string;
}

/**
 * The extension that records a rule set and its version on a resource.
 *
 * @param ruleSet - the rule set's id and version, as a screening or a course records them.
 * @returns the extension, a fresh object on every call.
 * @example
 * ruleSetExtension({ id: 'acuspine-protocol', version: '1.0.0' });
 * // => { url: 'https://acuspine.github.io/fhir/StructureDefinition/rule-set',
 * //      extension: [{ url: 'id', valueString: 'acuspine-protocol' }, { url: 'version', valueString: '1.0.0' }] }
 */
export function ruleSetExtension(ruleSet: RuleSetRef): FhirWrittenExtension {
  return {
    url: RULE_SET_EXTENSION_URL,
    extension: [
      { url: 'id', valueString: ruleSet.id },
      { url: 'version', valueString: ruleSet.version },
    ],
  };
}
