import type { SpinalRegion } from '../regions/spinal-region.js';
import type { SourceCitation } from '../screening/rule.js';

/** The facts that the FHIR mapping can set. */
export type FhirMappedFact =
  | 'ageYears'
  | 'oncologicalDisease'
  | 'pregnant'
  | 'coagulationDisorder'
  | 'acuteInfection'
  | 'acuteMentalIllness'
  | 'psychotropicInfluence'
  | 'anticoagulantTherapy'
  | 'pacemaker'
  | 'caudaEquinaSyndrome'
  | 'historyOfCancer'
  | 'prolongedCorticosteroidUse'
  | 'immunosuppression';

/** The mapped facts that come from codes (every mapped fact but age). */
export type CodedFact = Exclude<FhirMappedFact, 'ageYears'>;

/** The coded facts, in the order the protocol lists them, then the cautions, then the red flags. */
export const CODED_FACTS: readonly CodedFact[] = /* @__PURE__ */ Object.freeze([
  'oncologicalDisease',
  'pregnant',
  'coagulationDisorder',
  'acuteInfection',
  'acuteMentalIllness',
  'psychotropicInfluence',
  'anticoagulantTherapy',
  'pacemaker',
  'caudaEquinaSyndrome',
  'historyOfCancer',
  'prolongedCorticosteroidUse',
  'immunosuppression',
] as const);

/**
 * Facts of history: once a condition coded for one has begun, it stays true, whatever the
 * condition's status or abatement says (a cancer treated years ago is still a history of cancer).
 * A condition counts for them from its onset (else its recordedDate) on.
 */
export const HISTORY_FACTS: readonly CodedFact[] = /* @__PURE__ */ Object.freeze(['historyOfCancer'] as const);

/**
 * Coded facts that a closed world never sets to false: the mapping reads them from conditions
 * only, while their main source is the record's drugs (corticosteroids, immunosuppressants,
 * chemotherapy), which it does not read for them. A code sets them true; nothing sets them false.
 */
export const OPEN_WORLD_FACTS: readonly CodedFact[] = /* @__PURE__ */ Object.freeze([
  'prolongedCorticosteroidUse',
  'immunosuppression',
] as const);

/**
 * What a match in a code list means:
 * - `counts`: an active, confirmed condition (or an active medication) with the code sets the fact to true;
 * - `uncertain`: the code does not settle the fact (a suspected diagnosis, a neoplasm not stated
 *   to be malignant, an infection not stated to be acute): the fact stays unrecorded, with a note;
 * - `note`: the code is noted for the clinician and never sets the fact (an opioid
 *   prescription, a substance use disorder, an antiplatelet drug);
 * - `region`: an active condition with the code suggests a spinal region.
 */
export type CodeListKind = 'counts' | 'uncertain' | 'note' | 'region';

/**
 * An inclusive range of ICD-10 categories (the first three characters), e.g. C00-C97.
 *
 * @example
 * const malignant: CodeRange = { from: 'C00', to: 'C97' };
 */
export interface CodeRange {
  /** The first category, three characters. */
  readonly from: string;
  /** The last category, three characters, inclusive. */
  readonly to: string;
}

/**
 * A documented, sourced list of codes and what a match means. The shipped lists are frozen
 * data (see `fhirCodeLists`); a clinic passes its local codes in the same form through
 * `FhirOptions.extraCodes`.
 *
 * @example
 * const localOncology: FhirCodeList = {
 *   id: 'clinic-oncology',
 *   title: 'Local oncology codes',
 *   kind: 'counts',
 *   fact: 'oncologicalDisease',
 *   systems: ['https://clinic.example/codes'],
 *   codes: ['ONC-1'],
 *   source: { title: 'Clinic code book, 2026 edition' },
 * };
 */
export interface FhirCodeList {
  /** A stable id, unique among the lists in use, e.g. `'icd10-malignant-neoplasms'`. */
  readonly id: string;
  /** What the codes are, in a few words, e.g. `'Malignant neoplasms'`. */
  readonly title: string;
  /** What a match means. */
  readonly kind: CodeListKind;
  /** The fact the list is about; required unless `kind` is `'region'`. */
  readonly fact?: CodedFact;
  /** The region suggested; required when `kind` is `'region'`. */
  readonly region?: SpinalRegion;
  /** The code system URIs the list applies to. */
  readonly systems: readonly string[];
  /** Exact codes (for ICD-10 and ATC compared without dots, in upper case). */
  readonly codes?: readonly string[];
  /** Code prefixes, for ICD-10 and ATC (without dots, e.g. `'F100'` matches F10.0 and F10.07). */
  readonly prefixes?: readonly string[];
  /** Inclusive ranges of ICD-10 categories. */
  readonly ranges?: readonly CodeRange[];
  /** Where the list comes from. */
  readonly source: SourceCitation;
}

/** Freezes code lists deeply: shipped lists are data that no caller can change. */
/* @__NO_SIDE_EFFECTS__ */
export function freezeCodeLists(lists: readonly FhirCodeList[]): readonly FhirCodeList[] {
  return Object.freeze(
    lists.map((list) => {
      const copy: { -readonly [K in keyof FhirCodeList]: FhirCodeList[K] } = {
        ...list,
        systems: Object.freeze([...list.systems]),
        source: Object.freeze({ ...list.source }),
      };
      if (list.codes !== undefined) copy.codes = Object.freeze([...list.codes]);
      if (list.prefixes !== undefined) copy.prefixes = Object.freeze([...list.prefixes]);
      if (list.ranges !== undefined)
        copy.ranges = Object.freeze(list.ranges.map((range) => Object.freeze({ ...range })));
      return Object.freeze(copy);
    }),
  );
}
