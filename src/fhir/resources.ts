// The few FHIR R4 resource shapes that factsFromFhir reads, written by hand so that the package
// needs no FHIR library. Every property is optional and readonly, so that any real R4 resource
// (for example from @types/fhir's `fhir4` namespace) is assignable to these types; the type tests
// in test/fhir check exactly that. Only the elements read are listed.

/**
 * A FHIR R4 Coding: a code in a code system.
 *
 * @example
 * const coding: FhirCoding = { system: 'http://snomed.info/sct', code: '278860009' };
 */
export interface FhirCoding {
  /** The code system's URI, e.g. `http://snomed.info/sct`. */
  readonly system?: string | undefined;
  /** The code in that system. */
  readonly code?: string | undefined;
  /** The code's display text; never read by the mapping. */
  readonly display?: string | undefined;
}

/**
 * A FHIR R4 CodeableConcept: one concept, coded in one or more code systems.
 *
 * @example
 * const concept: FhirCodeableConcept = { coding: [{ system: 'http://loinc.org', code: '82810-3' }] };
 */
export interface FhirCodeableConcept {
  /** The codings; any one of them may match a code list. */
  readonly coding?: readonly FhirCoding[] | undefined;
  /** Free text; never read by the mapping. */
  readonly text?: string | undefined;
}

/**
 * A FHIR R4 Reference to another resource.
 *
 * @example
 * const subject: FhirReference = { reference: 'Patient/123' };
 */
export interface FhirReference {
  /** A relative, absolute or `urn:uuid:` reference, or `#id` for a contained resource. */
  readonly reference?: string | undefined;
  /** Free text; never read by the mapping. */
  readonly display?: string | undefined;
}

/**
 * A FHIR R4 Period.
 *
 * @example
 * const period: FhirPeriod = { start: '2026-01-01', end: '2026-02-01' };
 */
export interface FhirPeriod {
  /** The start, a FHIR dateTime. */
  readonly start?: string | undefined;
  /** The end, a FHIR dateTime. */
  readonly end?: string | undefined;
}

/**
 * Any FHIR R4 resource: its type and id. Resources of types the mapping does not read are
 * counted in a note and otherwise left alone.
 *
 * @example
 * const claim: FhirAnyResource = { resourceType: 'Claim', id: 'c1' };
 */
export interface FhirAnyResource {
  /** The resource type, e.g. `'Condition'`. */
  readonly resourceType: string;
  /** The logical id. */
  readonly id?: string | undefined;
}

/**
 * The elements of a FHIR R4 Patient that the mapping reads.
 *
 * @example
 * const patient: FhirPatient = { resourceType: 'Patient', id: 'p1', birthDate: '1984-01-16' };
 */
export interface FhirPatient {
  /** Always `'Patient'`. */
  readonly resourceType: 'Patient';
  /** The logical id; subjects of other resources are checked against it. */
  readonly id?: string | undefined;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly birthDate?: string | undefined;
}

/**
 * The elements of a FHIR R4 Condition that the mapping reads.
 *
 * @example
 * const condition: FhirCondition = {
 *   resourceType: 'Condition',
 *   clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
 *   verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
 *   code: { coding: [{ system: 'http://snomed.info/sct', code: '278860009' }] },
 *   subject: { reference: 'Patient/p1' },
 * };
 */
export interface FhirCondition {
  /** Always `'Condition'`. */
  readonly resourceType: 'Condition';
  /** The logical id. */
  readonly id?: string | undefined;
  /** active | recurrence | relapse | inactive | remission | resolved. */
  readonly clinicalStatus?: FhirCodeableConcept | undefined;
  /** unconfirmed | provisional | differential | confirmed | refuted | entered-in-error. */
  readonly verificationStatus?: FhirCodeableConcept | undefined;
  /** What the condition is: ICD-10, ICD-10-CM or SNOMED CT codings are read. */
  readonly code?: FhirCodeableConcept | undefined;
  /** The patient the condition is about. */
  readonly subject?: FhirReference | undefined;
  /** When the condition began. */
  readonly onsetDateTime?: string | undefined;
  /** When the condition began, as a period. */
  readonly onsetPeriod?: FhirPeriod | undefined;
  /** When the condition abated. */
  readonly abatementDateTime?: string | undefined;
  /** When the condition abated, as a period. */
  readonly abatementPeriod?: FhirPeriod | undefined;
  /** Abated at an age: only its presence is read. */
  readonly abatementAge?: unknown;
  /** Abated within an age range: only its presence is read. */
  readonly abatementRange?: unknown;
  /** Abated, described in words: only its presence is read. */
  readonly abatementString?: string | undefined;
  /** When the condition was first recorded. */
  readonly recordedDate?: string | undefined;
}

/**
 * The elements of a FHIR R4 Observation that the mapping reads (pregnancy status, LOINC 82810-3).
 *
 * @example
 * const status: FhirObservation = {
 *   resourceType: 'Observation',
 *   status: 'final',
 *   code: { coding: [{ system: 'http://loinc.org', code: '82810-3' }] },
 *   effectiveDateTime: '2026-11-24',
 *   valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA26683-5' }] },
 * };
 */
export interface FhirObservation {
  /** Always `'Observation'`. */
  readonly resourceType: 'Observation';
  /** The logical id. */
  readonly id?: string | undefined;
  /** registered | preliminary | final | amended | corrected | cancelled | entered-in-error | unknown. */
  readonly status?: string | undefined;
  /** What was observed. */
  readonly code?: FhirCodeableConcept | undefined;
  /** The patient observed. */
  readonly subject?: FhirReference | undefined;
  /** When the observation applies. */
  readonly effectiveDateTime?: string | undefined;
  /** When the observation applies, as a period. */
  readonly effectivePeriod?: FhirPeriod | undefined;
  /** When the observation applies, as an instant. */
  readonly effectiveInstant?: string | undefined;
  /** When the result was issued: the date used when no effective time is given. */
  readonly issued?: string | undefined;
  /** The coded result. */
  readonly valueCodeableConcept?: FhirCodeableConcept | undefined;
}

/**
 * The elements of a FHIR R4 Medication that the mapping reads (when a request or statement
 * refers to it instead of coding the drug inline).
 *
 * @example
 * const warfarin: FhirMedication = { resourceType: 'Medication', id: 'm1', code: { coding: [{ system: 'http://www.whocc.no/atc', code: 'B01AA03' }] } };
 */
export interface FhirMedication {
  /** Always `'Medication'`. */
  readonly resourceType: 'Medication';
  /** The logical id. */
  readonly id?: string | undefined;
  /** The drug: RxNorm or ATC codings are read. */
  readonly code?: FhirCodeableConcept | undefined;
}

/**
 * The elements of a FHIR R4 MedicationRequest that the mapping reads.
 *
 * @example
 * const order: FhirMedicationRequest = {
 *   resourceType: 'MedicationRequest',
 *   status: 'active',
 *   medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '855332' }] },
 * };
 */
export interface FhirMedicationRequest {
  /** Always `'MedicationRequest'`. */
  readonly resourceType: 'MedicationRequest';
  /** The logical id. */
  readonly id?: string | undefined;
  /** active | on-hold | cancelled | completed | entered-in-error | stopped | draft | unknown. */
  readonly status?: string | undefined;
  /** The drug, coded inline. */
  readonly medicationCodeableConcept?: FhirCodeableConcept | undefined;
  /** The drug, as a reference to a Medication (contained or in the same input). */
  readonly medicationReference?: FhirReference | undefined;
  /** The patient. */
  readonly subject?: FhirReference | undefined;
  /** Resources held inside this one: a referenced Medication may be here. */
  readonly contained?: readonly FhirAnyResource[] | undefined;
}

/**
 * The elements of a FHIR R4 MedicationStatement that the mapping reads.
 *
 * @example
 * const statement: FhirMedicationStatement = {
 *   resourceType: 'MedicationStatement',
 *   status: 'active',
 *   medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'B01AF02' }] },
 * };
 */
export interface FhirMedicationStatement {
  /** Always `'MedicationStatement'`. */
  readonly resourceType: 'MedicationStatement';
  /** The logical id. */
  readonly id?: string | undefined;
  /** active | completed | entered-in-error | intended | stopped | on-hold | unknown | not-taken. */
  readonly status?: string | undefined;
  /** The drug, coded inline. */
  readonly medicationCodeableConcept?: FhirCodeableConcept | undefined;
  /** The drug, as a reference to a Medication (contained or in the same input). */
  readonly medicationReference?: FhirReference | undefined;
  /** The patient. */
  readonly subject?: FhirReference | undefined;
  /** Resources held inside this one: a referenced Medication may be here. */
  readonly contained?: readonly FhirAnyResource[] | undefined;
}

/**
 * One entry of a FHIR R4 Bundle.
 *
 * @example
 * const entry: FhirBundleEntry = { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Patient', id: '1' } };
 */
export interface FhirBundleEntry {
  /** The entry's absolute URL; `urn:uuid:` references point here. */
  readonly fullUrl?: string | undefined;
  /** The resource; an entry without one is noted and skipped. */
  readonly resource?: FhirAnyResource | undefined;
}

/**
 * A FHIR R4 Bundle of any type (transaction, collection, searchset, document...).
 *
 * @example
 * const bundle: FhirBundle = { resourceType: 'Bundle', type: 'collection', entry: [] };
 */
export interface FhirBundle {
  /** Always `'Bundle'`. */
  readonly resourceType: 'Bundle';
  /** The logical id. */
  readonly id?: string | undefined;
  /** The bundle type; any type is read the same way. */
  readonly type?: string | undefined;
  /** The entries. */
  readonly entry?: readonly FhirBundleEntry[] | undefined;
}

/** A resource that the mapping reads. */
export type FhirResource =
  | FhirPatient
  | FhirCondition
  | FhirObservation
  | FhirMedication
  | FhirMedicationRequest
  | FhirMedicationStatement
  | FhirBundle;

/**
 * What `factsFromFhir` takes: a Bundle of any type, or an array of resources (a Bundle in the
 * array is read as its entries). The function accepts `unknown` and checks the shape itself.
 *
 * @example
 * const input: FhirInput = [{ resourceType: 'Patient', id: 'p1', birthDate: '1970-05-01' }];
 */
export type FhirInput = FhirBundle | readonly (FhirResource | FhirAnyResource)[];
