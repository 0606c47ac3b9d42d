import type { PatientFacts } from '../facts/patient-facts.js';
import type { SpinalRegion } from '../regions/spinal-region.js';
import type { AgeRuleOptions } from '../screening/age-rule.js';
import type { FhirCodeList, FhirMappedFact } from './code-list.js';

/** A path into the input: keys and array indices from the root. */
export type FhirPath = readonly (string | number)[];

/**
 * Which resource decided a fact or a note: its type, its id when it has one, and where it sits
 * in the input.
 *
 * @example
 * const ref: FhirResourceRef = { resourceType: 'Condition', id: 'c1', path: ['entry', 3, 'resource'] };
 */
export interface FhirResourceRef {
  /** The resource type, e.g. `'Condition'`. */
  readonly resourceType: string;
  /** The resource's logical id, when it has one. */
  readonly id?: string;
  /** Where the resource sits in the input. */
  readonly path: FhirPath;
}

/**
 * For each recorded fact, the resources that decided it. A fact set to false by
 * `closedWorld` has no resources and no entry here (a note says so).
 *
 * @example
 * const evidence: FhirEvidence = { ageYears: [{ resourceType: 'Patient', id: 'p1', path: [0] }] };
 */
export interface FhirEvidence {
  /** The Patient whose birth date gave the age. */
  readonly ageYears?: readonly FhirResourceRef[];
  /** The active, confirmed conditions coded as malignant. */
  readonly oncologicalDisease?: readonly FhirResourceRef[];
  /** The conditions or pregnancy status observations that decided pregnancy. */
  readonly pregnant?: readonly FhirResourceRef[];
  /** The active, confirmed conditions coded as coagulation disorders. */
  readonly coagulationDisorder?: readonly FhirResourceRef[];
  /** The active, confirmed conditions coded as acute infections. */
  readonly acuteInfection?: readonly FhirResourceRef[];
  /** The active, confirmed conditions coded as acute mental states. */
  readonly acuteMentalIllness?: readonly FhirResourceRef[];
  /** The active, confirmed conditions coded as acute intoxication. */
  readonly psychotropicInfluence?: readonly FhirResourceRef[];
  /** The active anticoagulant prescriptions or statements. */
  readonly anticoagulantTherapy?: readonly FhirResourceRef[];
  /** The active implanted devices (a pacemaker or another implanted electrical device). */
  readonly pacemaker?: readonly FhirResourceRef[];
  /** The active, confirmed conditions coded as cauda equina syndrome. */
  readonly caudaEquinaSyndrome?: readonly FhirResourceRef[];
  /** The confirmed conditions coded as a malignant neoplasm or a personal history of one, begun by the reference date, whatever their status now. */
  readonly historyOfCancer?: readonly FhirResourceRef[];
  /** The active, confirmed conditions coded as long-term use of systemic steroids. */
  readonly prolongedCorticosteroidUse?: readonly FhirResourceRef[];
  /** The active, confirmed conditions coded as an immunodeficiency. */
  readonly immunosuppression?: readonly FhirResourceRef[];
}

/** The stable codes of {@link FhirNote}. */
export type FhirNoteCode =
  | 'not-read'
  | 'entry-without-resource'
  | 'other-patient'
  | 'no-patient'
  | 'no-birth-date'
  | 'partial-birth-date'
  | 'birth-date-after-reference'
  | 'implausible-age'
  | 'conflicting-birth-dates'
  | 'condition-not-confirmed'
  | 'condition-without-status'
  | 'condition-contradictory-status'
  | 'condition-inactive'
  | 'condition-ignored'
  | 'uncertain-code'
  | 'noted-code'
  | 'pregnancy-condition-old'
  | 'pregnancy-status-stale'
  | 'pregnancy-status-unknown'
  | 'pregnancy-status-unreadable'
  | 'pregnancy-conflict'
  | 'pregnancy-not-current'
  | 'observation-not-final'
  | 'observation-ignored'
  | 'medication-not-active'
  | 'medication-status-unclear'
  | 'medication-unresolved'
  | 'closed-world'
  | 'after-reference-date'
  | 'dates-unclear'
  | 'unreadable-code'
  | 'malformed-resource'
  | 'malformed-entry'
  | 'search-failed'
  | 'device-not-active'
  | 'device-status-unclear';

/**
 * Something the mapping ignored, could not settle, or wants the clinician to know, and why.
 *
 * @example
 * const note: FhirNote = {
 *   code: 'condition-inactive',
 *   message: 'Condition is resolved: it does not count',
 *   fact: 'pregnant',
 *   resource: { resourceType: 'Condition', id: 'c1', path: ['entry', 1, 'resource'] },
 * };
 */
export interface FhirNote {
  /** A stable, machine-readable code. */
  readonly code: FhirNoteCode;
  /** A sentence for the clinician or the log. */
  readonly message: string;
  /** The fact the note is about, if any. */
  readonly fact?: FhirMappedFact;
  /** The resource the note is about, if any. */
  readonly resource?: FhirResourceRef;
  /** Where the part that could not be read sits in the input: for `malformed-resource` and `malformed-entry`. */
  readonly path?: FhirPath;
}

/**
 * A spinal region that the patient's active conditions suggest, with the conditions.
 *
 * @example
 * const suggestion: RegionSuggestion = { region: 'lumbosacral', evidence: [{ resourceType: 'Condition', id: 'c2', path: [2] }] };
 */
export interface RegionSuggestion {
  /** The region. */
  readonly region: SpinalRegion;
  /** The active, confirmed conditions that name it. */
  readonly evidence: readonly FhirResourceRef[];
}

/**
 * What `factsFromFhir` found: the facts to screen, why, what it ignored, and the regions.
 *
 * @example
 * const found: FhirFacts = { facts: { ageYears: 42 }, evidence: {}, notes: [], regions: [] };
 */
export interface FhirFacts {
  /** The recorded facts only, ready for `screen`; an unrecorded fact is left out. */
  readonly facts: PatientFacts;
  /** The resources that decided each recorded fact. */
  readonly evidence: FhirEvidence;
  /** What was ignored or left unrecorded, and why, in input order. */
  readonly notes: readonly FhirNote[];
  /** The spinal regions suggested by active conditions, from the head down. */
  readonly regions: readonly RegionSuggestion[];
}

/**
 * Options for `factsFromFhir`.
 *
 * @example
 * const options: FhirOptions = { on: '2026-11-24', closedWorld: false };
 */
export interface FhirOptions {
  /**
   * The reference date (the visit, or a study's index date), `YYYY-MM-DD`. The record is read as
   * of this day: ages are computed on it, a resource that begins after it says nothing about it,
   * and a condition, medication or device counts only if its dates (or a status known to hold
   * on it) place it on this day. Required.
   */
  readonly on: string;
  /**
   * `false` (default): an extract from an EHR, where no resource about a fact means nothing is
   * known, so the fact stays unrecorded. `true`: a curated registry, where no resource means
   * the fact is absent, so it is set to false (a note says so).
   */
  readonly closedWorld?: boolean;
  /**
   * The day the record was extracted, `YYYY-MM-DD`, when known: a status (clinicalStatus, a
   * medication's or device's status) describes the patient from then on, so it decides for an
   * `on` on or after this day. A record read live on the visit day, as CDS Hooks prefetch is,
   * was extracted `on`. Without it, a resource's `meta.lastUpdated` or its Bundle's `timestamp`
   * tells; with none of them, only dates decide, and a status alone leaves the fact unrecorded.
   */
  readonly extractedOn?: string;
  /**
   * The patient's logical id, when the caller knows it (CDS Hooks: `context.patientId`).
   * Resources whose subject is another patient are ignored with a note, even when the Patient
   * resource has no id; a Patient resource with another id is an issue (`patient-mismatch`).
   */
  readonly patientId?: string;
  /**
   * The age bounds that an age from a partial birth date (year, or year and month) must not
   * straddle: one `{ under, over }`, or one per age rule of the rule set you screen with (each
   * is checked). Default: the source protocol's bounds, `PROTOCOL_AGE_BOUNDS` (under 3, over 75).
   */
  readonly ageBounds?: AgeRuleOptions | readonly AgeRuleOptions[];
  /** A clinic's own code lists, read alongside the shipped ones (see `fhirCodeLists`). */
  readonly extraCodes?: readonly FhirCodeList[];
}
