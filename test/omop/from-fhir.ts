// A small FHIR R4 -> OMOP CDM v5.4 converter for tests: it turns the FHIR bundles the tests build
// into the OMOP rows a SQL query of patient facts reads, in the way OHDSI ETLs do (ETL-Synthea,
// the THEMIS conventions, the CDM's own ETL conventions). OMOP keeps less than FHIR: no status of a
// condition or a drug, no verification status, one date where FHIR has a period, a required drug end
// date that is often derived. Each place where the rows therefore differ from what `factsFromFhir`
// reads in the same bundle is a named constant or a comment marked "FHIR path:", so that a test
// comparing the two can name the difference.
//
// Concepts: there is no OMOP vocabulary here, so every code met becomes a row of `concept`, with a
// local id (from FIRST_LOCAL_CONCEPT_ID, the CDM's range for local concepts, in first-seen order),
// the vocabulary_id of the OMOP vocabulary its FHIR system names, and the code as OMOP writes it
// (ICD-10 with its dot). A query finds a code by vocabulary_id and concept_code, never by id.

import { codeSystems, type FhirBundle, PREGNANCY_STATUS_LOINC } from '../../src/fhir/index.js';
import type {
  CdmTables,
  Concept,
  ConditionOccurrence,
  DeviceExposure,
  DrugExposure,
  Measurement,
  Observation,
  ObservationPeriod,
  Person,
} from './cdm.js';

type Json = Readonly<Record<string, unknown>>;

// ---- Concepts that OMOP defines, with their real ids: gender as ETL-Synthea writes it, 0 and the
// Type Concept as the OMOP vocabulary's concept rows give them.

/** The CDM's "No matching concept": a code with no standard concept, or none at all. */
export const NO_MATCHING_CONCEPT = 0;
/** Gender concepts, as ETL-Synthea writes them from FHIR `gender`. */
export const MALE = 8507;
export const FEMALE = 8532;
/** Type Concept "EHR": every row comes from an EHR extract. */
export const EHR = 32817;
/** Local concept ids begin above 2,000,000,000 in OMOP, so they never meet a real concept's id. */
export const FIRST_LOCAL_CONCEPT_ID = 2_000_000_001;

const FIXED_CONCEPTS: readonly Concept[] = [
  concept(NO_MATCHING_CONCEPT, 'No matching concept', 'Metadata', 'None', 'Undefined', null, 'No matching concept'),
  concept(MALE, 'MALE', 'Gender', 'Gender', 'Gender', 'S', 'M'),
  concept(FEMALE, 'FEMALE', 'Gender', 'Gender', 'Gender', 'S', 'F'),
  concept(EHR, 'EHR', 'Type Concept', 'Type Concept', 'Type Concept', 'S', 'OMOP4976890'),
];

function concept(
  concept_id: number,
  concept_name: string,
  domain_id: string,
  vocabulary_id: string,
  concept_class_id: string,
  standard_concept: Concept['standard_concept'],
  concept_code: string,
): Concept {
  return {
    concept_id,
    concept_name,
    domain_id,
    vocabulary_id,
    concept_class_id,
    standard_concept,
    concept_code,
    valid_start_date: '1970-01-01',
    valid_end_date: '2099-12-31',
    invalid_reason: null,
  };
}

// ---- The ETL's choices. FHIR path: what factsFromFhir does instead.

/**
 * Which Conditions become condition_occurrence rows, by verificationStatus. OMOP has no
 * verification status, and the CDM's guidance for condition_occurrence is that rule-out and
 * "question of" diagnoses do not belong there; OHDSI ETLs drop entered-in-error records, and a
 * refuted diagnosis is no diagnosis. So only confirmed Conditions, and those without a
 * verificationStatus (a problem-list entry is recorded as it stands; see
 * CONDITION_WITHOUT_VERIFICATION), are kept.
 * FHIR path: unconfirmed, provisional and differential leave the fact unrecorded (never false);
 * here they leave no row, so a closed-world reading of OMOP would call the fact false.
 */
export const CONDITION_VERIFICATION: Readonly<Record<string, 'keep' | 'drop'>> = {
  confirmed: 'keep',
  unconfirmed: 'drop',
  provisional: 'drop',
  differential: 'drop',
  refuted: 'drop',
  'entered-in-error': 'drop',
};

/**
 * A Condition with no verificationStatus, or one with a code FHIR R4 does not define, is kept as a
 * condition_occurrence (OHDSI ETLs record conditions as they exist in the source).
 * FHIR path: it is not confirmed, so the fact stays unrecorded; in OMOP it is a diagnosis like any other.
 * Codings that disagree: the Condition is dropped when any of them says drop, else kept.
 */
export const CONDITION_WITHOUT_VERIFICATION = 'keep';

/**
 * MedicationRequest and MedicationStatement statuses that mean the drug was never taken under the
 * record: no drug_exposure row (the same set factsFromFhir reads as "never"). Every other status,
 * including on-hold, unknown, none, and stopped, gives a row, since OMOP has no status.
 * FHIR path: on-hold, unknown and no status leave anticoagulant therapy unrecorded.
 */
export const MEDICATION_STATUSES_DROPPED: readonly string[] = [
  'cancelled',
  'draft',
  'not-taken',
  'intended',
  'entered-in-error',
];

/**
 * Observation statuses left out, as factsFromFhir ignores them. Registered, preliminary, unknown
 * or no status: kept, since OMOP has no status.
 * FHIR path: a pregnancy status that is not final, amended or corrected is not used.
 */
export const OBSERVATION_STATUSES_DROPPED: readonly string[] = ['cancelled', 'entered-in-error'];

/**
 * Device statuses left out. An inactive device has no implant or removal date in FHIR R4, so no
 * span of exposure can be written for it. Active, unknown and no status give a device_exposure.
 * FHIR path: unknown and no status leave pacemaker unrecorded.
 */
export const DEVICE_STATUSES_DROPPED: readonly string[] = ['entered-in-error', 'inactive'];

/**
 * The days a written prescription lasts when its end is not recorded: THEMIS convention for
 * drug_exposure_end_date ("a written prescription: end date = start date + 29"). A statement with
 * no end lasts one day (its end is its start, as for an administration record).
 * FHIR path: an active request or statement with no end is taken from its start on, with no end.
 */
export const WRITTEN_PRESCRIPTION_DAYS = 30;

/**
 * A partial FHIR date (`2019`, `2019-04`) in an event becomes the first day it names: OMOP dates
 * are whole days. FHIR path: a partial date that straddles the reference date leaves the fact
 * unrecorded (dates-unclear). Birth dates are split instead (see `person`).
 */
export const PARTIAL_DATES = 'first-day';

export interface CdmOptions {
  /**
   * Where pregnancy status observations (LOINC 82810-3) go. OHDSI ETLs route a record by its
   * concept's domain; the observation table is the default, and some databases hold the same code in
   * measurement. Default 'observation'.
   */
  readonly pregnancyStatusTable?: 'observation' | 'measurement';
  /**
   * Where Conditions whose source code is an ICD-10 or ICD-10-CM code of chapter XXI (Z codes: a
   * personal history of cancer, long-term steroid use, a pacemaker in situ) go. A real OMOP
   * database maps many of them to concepts of the Observation domain ("history of" is no
   * condition), so they land in observation, without an end date. Default 'condition_occurrence'.
   */
  readonly icd10ZCodesTable?: 'condition_occurrence' | 'observation';
}

/** Why a resource that factsFromFhir reads gave no row. */
export type DropReason =
  | 'no-birth-date' // a Patient without a readable birth date: year_of_birth is required, so no person
  | 'no-person' // a resource whose patient is not a person here (unknown, or dropped)
  | 'verification' // a Condition whose verificationStatus drops it (CONDITION_VERIFICATION)
  | 'status' // a status in MEDICATION_/OBSERVATION_/DEVICE_STATUSES_DROPPED
  | 'no-date'; // no date to start the row with (every OMOP event needs one)

export interface Dropped {
  readonly resourceType: string;
  readonly id: string | undefined;
  readonly why: DropReason;
}

/** The tables, and the resources that gave no row. */
export interface CdmFromFhir extends CdmTables {
  readonly dropped: readonly Dropped[];
}

// ---- Code systems and vocabularies.

interface Vocabulary {
  readonly vocabulary_id: string;
  readonly standard_concept: Concept['standard_concept'];
}

/**
 * The OMOP vocabulary of each FHIR system the mapping reads (src/fhir/code-systems.ts). SNOMED CT,
 * LOINC (answers too) and RxNorm are standard; ICD-10 and ICD-10-CM are source vocabularies; ATC
 * is a classification ('C', as in the OMOP vocabulary), never a drug_concept_id.
 */
export const VOCABULARIES: Readonly<Record<string, Vocabulary>> = {
  [codeSystems.snomed]: { vocabulary_id: 'SNOMED', standard_concept: 'S' },
  [codeSystems.loinc]: { vocabulary_id: 'LOINC', standard_concept: 'S' },
  [codeSystems.rxnorm]: { vocabulary_id: 'RxNorm', standard_concept: 'S' },
  [codeSystems.icd10]: { vocabulary_id: 'ICD10', standard_concept: null },
  [codeSystems.icd10cm]: { vocabulary_id: 'ICD10CM', standard_concept: null },
  [codeSystems.atc]: { vocabulary_id: 'ATC', standard_concept: 'C' },
};

/** The code as OMOP writes it: ICD-10 codes in upper case with the dot after the category (C509 -> C50.9). */
export function omopCode(vocabulary_id: string, code: string): string {
  const trimmed = code.trim();
  if (vocabulary_id === 'ICD10' || vocabulary_id === 'ICD10CM') {
    const bare = trimmed.replaceAll('.', '').toUpperCase();
    return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
  }
  return vocabulary_id === 'ATC' ? trimmed.toUpperCase() : trimmed;
}

/** Where a code was met: it gives the concept's domain and class. */
type Role = 'Condition' | 'Drug' | 'Device' | 'Observation' | 'Measurement' | 'Value';

// The ATC level by the code's length: A, A01, A01A, A01AA, A01AA01.
const ATC_LEVELS: ReadonlyMap<number, string> = new Map([
  [1, 'ATC 1st'],
  [3, 'ATC 2nd'],
  [4, 'ATC 3rd'],
  [5, 'ATC 4th'],
]);

function conceptClass(vocabulary_id: string, code: string, role: Role): string {
  switch (vocabulary_id) {
    case 'SNOMED':
      return role === 'Device' ? 'Physical Object' : 'Clinical Finding';
    case 'LOINC':
      return /^LA\d+-\d$/.test(code) ? 'Answer' : 'Clinical Observation';
    case 'RxNorm':
      return 'Clinical Drug';
    case 'ATC':
      return ATC_LEVELS.get(code.length) ?? 'ATC 5th';
    default:
      return 'ICD10 code';
  }
}

interface Coding {
  readonly vocabulary: Vocabulary;
  /** The code as OMOP writes it (omopCode). */
  readonly code: string;
  /** The code as the FHIR coding writes it: the rows' *_source_value. */
  readonly verbatim: string;
  readonly display: string | undefined;
}

/** The concept table being built: one concept per vocabulary and code, ids in first-seen order. */
class Concepts {
  readonly rows: Concept[] = [...FIXED_CONCEPTS];
  // The index in rows of each `vocabulary|code`.
  private readonly index = new Map<string, number>();

  id(coding: Coding, role: Role): number {
    const { vocabulary_id, standard_concept } = coding.vocabulary;
    const key = `${vocabulary_id}|${coding.code}`;
    const at = this.index.get(key);
    const name = coding.display?.slice(0, 255);
    if (at !== undefined) {
      const row = this.rows[at] as Concept;
      // The name is the first display met; a code first met without one is named by its code until then.
      if (name !== undefined && row.concept_name === `${vocabulary_id} ${coding.code}`) {
        this.rows[at] = { ...row, concept_name: name };
      }
      return row.concept_id;
    }
    const id = FIRST_LOCAL_CONCEPT_ID + this.index.size;
    this.index.set(key, this.rows.length);
    const cls = conceptClass(vocabulary_id, coding.code, role);
    // Answers and values are of the domain 'Meas Value', as LOINC answers are in OMOP.
    const domain = role === 'Value' || cls === 'Answer' ? 'Meas Value' : role;
    const named = name ?? `${vocabulary_id} ${coding.code}`;
    this.rows.push(concept(id, named, domain, vocabulary_id, cls, standard_concept, coding.code));
    return id;
  }
}

// ---- Reading FHIR JSON (the fixtures are well formed; anything unexpected is read as absent).

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(resource: Json, key: string): Json | undefined {
  const value = resource[key];
  return isJson(value) ? value : undefined;
}

function text(resource: Json | undefined, key: string): string | undefined {
  const value = resource?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function list(resource: Json | undefined, key: string): Json[] {
  const value = resource?.[key];
  return Array.isArray(value) ? value.filter(isJson) : [];
}

/** A concept's codings: every coding with a system and a code, in order. */
function codingsOf(concept: Json | undefined): { system: string; code: string; display: string | undefined }[] {
  return list(concept, 'coding').flatMap((coding) => {
    const system = text(coding, 'system');
    const code = text(coding, 'code');
    return system === undefined || code === undefined ? [] : [{ system, code, display: text(coding, 'display') }];
  });
}

/** The codings in the vocabularies OMOP knows here; codings in other systems have no concept. */
function known(codings: ReturnType<typeof codingsOf>): Coding[] {
  return codings.flatMap(({ system, code, display }) => {
    const vocabulary = VOCABULARIES[system];
    return vocabulary === undefined
      ? []
      : [{ vocabulary, code: omopCode(vocabulary.vocabulary_id, code), verbatim: code, display }];
  });
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A Patient's birthDate split into its parts: a FHIR date, never with a time of day. */
function birthParts(value: unknown): { year: number; month?: number; day?: number } | undefined {
  return typeof value === 'string' && !value.includes('T') ? dateParts(value) : undefined;
}

/** A FHIR date or dateTime split into its parts as written (the local date, not UTC); undefined when it cannot be read. */
function dateParts(value: unknown): { year: number; month?: number; day?: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value);
  if (match === null) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** The OMOP date (YYYY-MM-DD) of a FHIR date or dateTime: its calendar date as written; a partial date's first day (PARTIAL_DATES). */
function dayOf(value: unknown): string | undefined {
  const parts = dateParts(value);
  if (parts === undefined) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(parts.year).padStart(4, '0')}-${pad(parts.month ?? 1)}-${pad(parts.day ?? 1)}`;
}

function plusDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

function laterDay(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

/** A source value: the CDM's columns hold 50 characters. */
function sourceValue(value: string | undefined): string | null {
  return value === undefined ? null : value.slice(0, 50);
}

// ---- The resources of the bundles.

interface Item {
  readonly resource: Json;
  readonly type: string;
  readonly fullUrl: string | undefined;
  /** The Bundle it came in: its position among the inputs, and its timestamp. */
  readonly bundle: { readonly index: number; readonly timestamp: string | undefined };
}

function collect(bundle: Json, index: number, timestamp: string | undefined, into: Item[]): void {
  const stamp = text(bundle, 'timestamp') ?? timestamp;
  for (const entry of list(bundle, 'entry')) {
    const resource = field(entry, 'resource');
    const type = text(resource, 'resourceType');
    if (resource === undefined || type === undefined) continue;
    // A Bundle inside a Bundle (a searchset in a collection) is read as its entries.
    if (type === 'Bundle') collect(resource, index, stamp, into);
    else into.push({ resource, type, fullUrl: text(entry, 'fullUrl'), bundle: { index, timestamp: stamp } });
  }
}

const PATIENT_REFERENCE = /(?:^|\/)Patient\/([^/?#]+)(?:\/_history\/[^/?#]+)?$/;
const MEDICATION_REFERENCE = /(?:^|\/)Medication\/([^/?#]+)(?:\/_history\/[^/?#]+)?$/;
const VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/**
 * Converts FHIR R4 bundles to OMOP CDM v5.4 rows: one person per Patient (by its id, across all
 * the bundles), and the Conditions, MedicationRequests and MedicationStatements, Observations and
 * Devices of each, with the concepts of every code they use. Encounters only widen the observation
 * period. Other resource types (Procedure, MedicationAdministration, Claim...) are not read, as
 * factsFromFhir does not read them; nor is an OperationOutcome (OMOP has no trace of a failed search).
 */
export function cdmFromFhir(bundles: readonly FhirBundle[], options: CdmOptions = {}): CdmFromFhir {
  const items: Item[] = [];
  bundles.forEach((bundle, index) => {
    collect(bundle as unknown as Json, index, undefined, items);
  });
  const etl = new Etl(options, items);
  for (const item of items) if (item.type === 'Patient') etl.readPatient(item);
  for (const item of items) {
    switch (item.type) {
      case 'Condition':
        etl.readCondition(item);
        break;
      case 'MedicationRequest':
      case 'MedicationStatement':
        etl.readMedication(item);
        break;
      case 'Observation':
        etl.readObservation(item);
        break;
      case 'Device':
        etl.readDevice(item);
        break;
      case 'Encounter':
        etl.readEncounter(item);
        break;
    }
  }
  return etl.tables();
}

/** The rows being built, and what each person's records have dated so far. */
class Etl {
  readonly person: Person[] = [];
  readonly condition_occurrence: ConditionOccurrence[] = [];
  readonly drug_exposure: DrugExposure[] = [];
  readonly observation: Observation[] = [];
  readonly measurement: Measurement[] = [];
  readonly device_exposure: DeviceExposure[] = [];
  readonly concepts = new Concepts();
  readonly dropped: Dropped[] = [];
  // The person of each Patient id, and of each Patient entry's fullUrl (per bundle); null when the
  // Patient gave no person.
  private readonly byId = new Map<string, number | null>();
  private readonly byUrl = new Map<string, number | null>();
  private readonly patientsInBundle = new Map<number, (number | null)[]>();
  // The Medications that references can point to, by `bundle|fullUrl` and `bundle|Medication/id`.
  private readonly medications = new Map<string, Json>();
  // Every date of each person's rows and Encounters, for the observation period.
  private readonly dates = new Map<number, string[]>();

  constructor(
    private readonly options: CdmOptions,
    items: readonly Item[],
  ) {
    for (const item of items) {
      if (item.type !== 'Medication') continue;
      const id = text(item.resource, 'id');
      if (item.fullUrl !== undefined) this.medications.set(`${item.bundle.index}|${item.fullUrl}`, item.resource);
      if (id !== undefined) this.medications.set(`${item.bundle.index}|Medication/${id}`, item.resource);
    }
  }

  private drop(item: Item, why: DropReason): void {
    this.dropped.push({ resourceType: item.type, id: text(item.resource, 'id'), why });
  }

  private seen(personId: number, ...days: (string | null | undefined)[]): void {
    const known = this.dates.get(personId) ?? [];
    for (const day of days) if (typeof day === 'string') known.push(day);
    this.dates.set(personId, known);
  }

  /** person: one per Patient id (the first Patient of an id decides); a Patient without an id is a person of its own. */
  readPatient(item: Item): void {
    const id = text(item.resource, 'id');
    let personId = id === undefined ? undefined : this.byId.get(id);
    if (personId === undefined) {
      personId = this.newPerson(item, id);
      if (id !== undefined) this.byId.set(id, personId);
    }
    if (item.fullUrl !== undefined) this.byUrl.set(`${item.bundle.index}|${item.fullUrl}`, personId);
    const inBundle = this.patientsInBundle.get(item.bundle.index) ?? [];
    if (!inBundle.includes(personId)) inBundle.push(personId);
    this.patientsInBundle.set(item.bundle.index, inBundle);
  }

  private newPerson(item: Item, id: string | undefined): number | null {
    const birth = birthParts(item.resource['birthDate']);
    // year_of_birth is required; the CDM drops a person without one, and all of their data.
    // FHIR path: no birth date, or one that cannot be read, leaves only the age unrecorded.
    if (birth === undefined) {
      this.drop(item, 'no-birth-date');
      return null;
    }
    const personId = this.person.length + 1;
    const gender = text(item.resource, 'gender');
    this.person.push({
      person_id: personId,
      gender_concept_id: gender === 'male' ? MALE : gender === 'female' ? FEMALE : NO_MATCHING_CONCEPT,
      year_of_birth: birth.year,
      // A partial birth date gives only what it says; the rest stays NULL (never guessed).
      month_of_birth: birth.month ?? null,
      day_of_birth: birth.day ?? null,
      birth_datetime: null,
      race_concept_id: NO_MATCHING_CONCEPT,
      ethnicity_concept_id: NO_MATCHING_CONCEPT,
      person_source_value: sourceValue(id),
      gender_source_value: sourceValue(gender),
    });
    return personId;
  }

  /**
   * The person a resource is about: `Patient/<id>` (in any bundle), a Patient entry's fullUrl (in
   * the same bundle), or, with no reference, the bundle's only Patient. Undefined when there is
   * none, or when that Patient gave no person.
   */
  private personAbout(item: Item, key: string): number | undefined {
    const reference = text(field(item.resource, key), 'reference');
    if (reference === undefined) {
      const inBundle = this.patientsInBundle.get(item.bundle.index) ?? [];
      return inBundle.length === 1 ? (inBundle[0] ?? undefined) : undefined;
    }
    const id = PATIENT_REFERENCE.exec(reference)?.[1];
    const found = id !== undefined ? this.byId.get(id) : this.byUrl.get(`${item.bundle.index}|${reference}`);
    return found ?? undefined;
  }

  /** The person of a resource that gives a row; with none, the resource is dropped ('no-person'). */
  private personOf(item: Item, key: string): number | undefined {
    const found = this.personAbout(item, key);
    if (found === undefined) this.drop(item, 'no-person');
    return found;
  }

  readCondition(item: Item): void {
    const { resource } = item;
    // Codings that disagree: any "drop" wins (see CONDITION_VERIFICATION).
    const verification = codingsOf(field(resource, 'verificationStatus'))
      .filter((coding) => coding.system === VERIFICATION_SYSTEM)
      .map((coding) => coding.code.trim());
    if (verification.some((code) => CONDITION_VERIFICATION[code] === 'drop')) {
      this.drop(item, 'verification');
      return;
    }
    const personId = this.personOf(item, 'subject');
    if (personId === undefined) return;
    const all = codingsOf(field(resource, 'code'));
    const codings = known(all);
    for (const coding of codings) this.concepts.id(coding, 'Condition');
    // The standard concept is the SNOMED CT coding; the source is the ICD-10 (or ICD-10-CM) coding,
    // else the SNOMED CT one. An ICD-10 code with no SNOMED CT coding beside it maps to 0, as there
    // is no vocabulary here to map it (a real database maps it through concept_relationship).
    // FHIR path: every coding is matched against the code lists; here only these two are kept. A
    // code in another system, or only text, leaves every fact a condition can record unrecorded
    // there; here it is a row with concept 0 and source concept 0.
    const standard = codings.find((coding) => coding.vocabulary.vocabulary_id === 'SNOMED');
    const source = codings.find((coding) => coding.vocabulary.standard_concept === null) ?? standard;
    // The onset, else the start of an onset period, else its end (it began by then), else the
    // recordedDate. FHIR path: the same order, a period read as a span.
    const onsetPeriod = field(resource, 'onsetPeriod');
    const start =
      dayOf(resource['onsetDateTime']) ??
      dayOf(onsetPeriod?.['start']) ??
      dayOf(onsetPeriod?.['end']) ??
      dayOf(resource['recordedDate']);
    if (start === undefined) {
      // FHIR path: an undated active Condition counts when the record is known to hold it on the
      // reference date (meta.lastUpdated, the Bundle's timestamp, extractedOn).
      this.drop(item, 'no-date');
      return;
    }
    // The abatement date, else the end (or start) of an abatement period. An abatement given as an
    // age, a range or a string has no date: the row stays open. clinicalStatus is not read: OMOP
    // has no place for it.
    // FHIR path: a resolved Condition with no abatement date is absent once its status is known to
    // hold; here it looks ongoing. An active one with an abatement (invariant con-4) is unclear there.
    const abatementPeriod = field(resource, 'abatementPeriod');
    const end =
      dayOf(resource['abatementDateTime']) ?? dayOf(abatementPeriod?.['end']) ?? dayOf(abatementPeriod?.['start']);
    const conceptId = standard === undefined ? NO_MATCHING_CONCEPT : this.concepts.id(standard, 'Condition');
    const sourceConceptId = source === undefined ? NO_MATCHING_CONCEPT : this.concepts.id(source, 'Condition');
    const sourceCode = sourceValue(source?.verbatim ?? all[0]?.code);
    const zCode = source?.vocabulary.standard_concept === null && source.code.startsWith('Z');
    if (zCode && this.options.icd10ZCodesTable === 'observation') {
      this.addObservation({
        person_id: personId,
        observation_concept_id: conceptId,
        observation_date: start,
        value_as_concept_id: null,
        observation_source_value: sourceCode,
        observation_source_concept_id: sourceConceptId,
        value_source_value: null,
      });
      return;
    }
    this.condition_occurrence.push({
      condition_occurrence_id: this.condition_occurrence.length + 1,
      person_id: personId,
      condition_concept_id: conceptId,
      condition_start_date: start,
      condition_end_date: end ?? null,
      condition_type_concept_id: EHR,
      // The Condition Status vocabulary says when in a visit a diagnosis was made, not whether it is
      // confirmed: the verification code is kept as the source value, unmapped (0).
      condition_status_concept_id: verification.length === 0 ? null : NO_MATCHING_CONCEPT,
      condition_source_value: sourceCode,
      condition_source_concept_id: sourceConceptId,
      condition_status_source_value: sourceValue(verification[0]),
    });
    this.seen(personId, start, end);
  }

  readMedication(item: Item): void {
    const { resource, type } = item;
    const status = text(resource, 'status');
    if (status !== undefined && MEDICATION_STATUSES_DROPPED.includes(status)) {
      this.drop(item, 'status');
      return;
    }
    const personId = this.personOf(item, 'subject');
    if (personId === undefined) return;
    const all = codingsOf(drugConcept(item, this.medications));
    const codings = known(all);
    for (const coding of codings) this.concepts.id(coding, 'Drug');
    // The standard concept is the RxNorm coding; the source is the ATC coding, else the RxNorm one.
    // A drug whose reference cannot be resolved, or named only in words, is a row with concept 0.
    // FHIR path: such a drug leaves anticoagulant therapy unrecorded (medication-unresolved).
    const standard = codings.find((coding) => coding.vocabulary.vocabulary_id === 'RxNorm');
    const source = codings.find((coding) => coding.vocabulary.vocabulary_id === 'ATC') ?? standard;
    const { start, end } = drugDates(resource, type);
    if (start === undefined) {
      // FHIR path: an undated active order counts when its status is known to hold on the date.
      this.drop(item, 'no-date');
      return;
    }
    // The CDM requires an end on or after the start: a recorded end before the start is kept only
    // as verbatim_end_date. With no recorded end, one is derived (WRITTEN_PRESCRIPTION_DAYS).
    const derived = type === 'MedicationRequest' ? plusDays(start, supplyDays(resource) - 1) : start;
    const endDate = end === undefined ? derived : (laterDay(end, start) as string);
    this.drug_exposure.push({
      drug_exposure_id: this.drug_exposure.length + 1,
      person_id: personId,
      drug_concept_id: standard === undefined ? NO_MATCHING_CONCEPT : this.concepts.id(standard, 'Drug'),
      drug_exposure_start_date: start,
      drug_exposure_end_date: endDate,
      verbatim_end_date: end ?? null,
      drug_type_concept_id: EHR,
      drug_source_value: sourceValue(source?.verbatim ?? all[0]?.code),
      drug_source_concept_id: source === undefined ? NO_MATCHING_CONCEPT : this.concepts.id(source, 'Drug'),
    });
    this.seen(personId, start, endDate);
  }

  readObservation(item: Item): void {
    const { resource } = item;
    const status = text(resource, 'status');
    if (status !== undefined && OBSERVATION_STATUSES_DROPPED.includes(status)) {
      this.drop(item, 'status');
      return;
    }
    const personId = this.personOf(item, 'subject');
    if (personId === undefined) return;
    const all = codingsOf(field(resource, 'code'));
    const isPregnancyStatus = all.some(
      (coding) => coding.system === codeSystems.loinc && coding.code.trim() === PREGNANCY_STATUS_LOINC,
    );
    // Pregnancy status where the options say; any other result with a number is a measurement;
    // the rest (coded answers, pregnancy answers under another code) observations.
    // FHIR path: a pregnancy status answer under another code leaves pregnancy unrecorded; here it
    // is an observation of another concept, which a query of 82810-3 does not see.
    const quantity = field(resource, 'valueQuantity');
    const table = isPregnancyStatus
      ? (this.options.pregnancyStatusTable ?? 'observation')
      : quantity !== undefined
        ? 'measurement'
        : 'observation';
    const role: Role = table === 'measurement' ? 'Measurement' : 'Observation';
    const codings = known(all);
    for (const coding of codings) this.concepts.id(coding, role);
    const standard = codings.find((coding) => coding.vocabulary.standard_concept === 'S');
    // One date: effective[x], else issued; a period gives its start.
    // FHIR path: a status over a period that covers the reference date is a status on that date;
    // here it is dated by the period's start.
    const period = field(resource, 'effectivePeriod');
    const date =
      dayOf(resource['effectiveDateTime']) ??
      dayOf(period?.['start']) ??
      dayOf(period?.['end']) ??
      dayOf(resource['effectiveInstant']) ??
      dayOf(resource['issued']);
    if (date === undefined) {
      // FHIR path: an undated status is used when the record is known to be from the date or earlier.
      this.drop(item, 'no-date');
      return;
    }
    // A coded value: the first coding in a known vocabulary (a LOINC answer, or SNOMED CT as
    // Synthea writes), 0 when the value is coded otherwise, NULL when there is none.
    // FHIR path: answers that disagree leave pregnancy unrecorded; here the first wins.
    const valueCodings = codingsOf(field(resource, 'valueCodeableConcept'));
    const value = known(valueCodings)[0];
    const valueConcept =
      value !== undefined ? this.concepts.id(value, 'Value') : valueCodings.length > 0 ? NO_MATCHING_CONCEPT : null;
    const conceptId = standard === undefined ? NO_MATCHING_CONCEPT : this.concepts.id(standard, role);
    const code = sourceValue(standard?.verbatim ?? all[0]?.code);
    const valueSource = sourceValue(value?.verbatim ?? valueCodings[0]?.code);
    if (table === 'observation') {
      this.addObservation({
        person_id: personId,
        observation_concept_id: conceptId,
        observation_date: date,
        value_as_concept_id: valueConcept,
        observation_source_value: code,
        observation_source_concept_id: conceptId,
        value_source_value: valueSource,
      });
      return;
    }
    const number = quantity?.['value'];
    this.measurement.push({
      measurement_id: this.measurement.length + 1,
      person_id: personId,
      measurement_concept_id: conceptId,
      measurement_date: date,
      measurement_type_concept_id: EHR,
      value_as_number: typeof number === 'number' ? number : null,
      value_as_concept_id: valueConcept,
      measurement_source_value: code,
      measurement_source_concept_id: conceptId,
      unit_source_value: sourceValue(text(quantity, 'unit') ?? text(quantity, 'code')),
      value_source_value: valueSource,
    });
    this.seen(personId, date);
  }

  private addObservation(row: Omit<Observation, 'observation_id' | 'observation_type_concept_id'>): void {
    this.observation.push({ observation_id: this.observation.length + 1, observation_type_concept_id: EHR, ...row });
    this.seen(row.person_id, row.observation_date);
  }

  readDevice(item: Item): void {
    const { resource } = item;
    const status = text(resource, 'status');
    if (status !== undefined && DEVICE_STATUSES_DROPPED.includes(status)) {
      this.drop(item, 'status');
      return;
    }
    const personId = this.personOf(item, 'patient');
    if (personId === undefined) return;
    // FHIR R4 Device has no implant date: the device is known to be there from the day the record
    // says so, its meta.lastUpdated, else the Bundle's timestamp; with neither, no row.
    // FHIR path: the same days decide whether its status holds on the reference date; a
    // manufactureDate after that date puts the device out of it, here it is not read.
    const start = dayOf(field(resource, 'meta')?.['lastUpdated']) ?? dayOf(item.bundle.timestamp);
    if (start === undefined) {
      this.drop(item, 'no-date');
      return;
    }
    const all = codingsOf(field(resource, 'type'));
    const codings = known(all);
    for (const coding of codings) this.concepts.id(coding, 'Device');
    const standard = codings.find((coding) => coding.vocabulary.vocabulary_id === 'SNOMED');
    const conceptId = standard === undefined ? NO_MATCHING_CONCEPT : this.concepts.id(standard, 'Device');
    this.device_exposure.push({
      device_exposure_id: this.device_exposure.length + 1,
      person_id: personId,
      device_concept_id: conceptId,
      device_exposure_start_date: start,
      device_exposure_end_date: null,
      device_type_concept_id: EHR,
      device_source_value: sourceValue(standard?.verbatim ?? all[0]?.code),
      device_source_concept_id: conceptId,
    });
    this.seen(personId, start);
  }

  /**
   * Encounters are no events here, but the record covers them: they widen the observation period,
   * as ETL-Synthea builds it from encounters. An Encounter of no known person is passed over.
   */
  readEncounter(item: Item): void {
    const personId = this.personAbout(item, 'subject');
    const period = field(item.resource, 'period');
    if (personId !== undefined) this.seen(personId, dayOf(period?.['start']), dayOf(period?.['end']));
  }

  /**
   * The tables, with observation_period: one per person, from the earliest to the latest date of
   * their rows and Encounters (the CDM's fallback for EHR data without enrolment). A person with no
   * dated record has none.
   * FHIR path: no observation period; whether a missing record means "no" is the closedWorld option.
   */
  tables(): CdmFromFhir {
    const observation_period: ObservationPeriod[] = [];
    for (const { person_id } of this.person) {
      const days = [...(this.dates.get(person_id) ?? [])].sort();
      const first = days[0];
      const last = days[days.length - 1];
      if (first === undefined || last === undefined) continue;
      observation_period.push({
        observation_period_id: observation_period.length + 1,
        person_id,
        observation_period_start_date: first,
        observation_period_end_date: last,
        period_type_concept_id: EHR,
      });
    }
    return {
      person: this.person,
      observation_period,
      condition_occurrence: this.condition_occurrence,
      drug_exposure: this.drug_exposure,
      observation: this.observation,
      measurement: this.measurement,
      device_exposure: this.device_exposure,
      concept: this.concepts.rows,
      dropped: this.dropped,
    };
  }
}

/** The drug of a request or statement: inline, or the code of the Medication it refers to (contained, or in the same bundle). */
function drugConcept(item: Item, medications: ReadonlyMap<string, Json>): Json | undefined {
  const inline = field(item.resource, 'medicationCodeableConcept');
  if (inline !== undefined) return inline;
  const reference = text(field(item.resource, 'medicationReference'), 'reference');
  if (reference === undefined) return undefined;
  if (reference.startsWith('#')) {
    const contained = list(item.resource, 'contained').find(
      (resource) => resource['resourceType'] === 'Medication' && resource['id'] === reference.slice(1),
    );
    return field(contained ?? {}, 'code');
  }
  const byId = MEDICATION_REFERENCE.exec(reference)?.[1];
  const target =
    medications.get(`${item.bundle.index}|${reference}`) ??
    (byId === undefined ? undefined : medications.get(`${item.bundle.index}|Medication/${byId}`));
  return target === undefined ? undefined : field(target, 'code');
}

/**
 * When the drug was taken, as factsFromFhir reads it: a request from its authoredOn, or the start
 * of its validity or dosage period when later, to the latest end of those periods; a statement
 * over its effective[x], else from its dateAsserted. Each as a day (PARTIAL_DATES).
 */
function drugDates(resource: Json, type: string): { start: string | undefined; end: string | undefined } {
  if (type === 'MedicationStatement') {
    const period = field(resource, 'effectivePeriod');
    return {
      start: dayOf(resource['effectiveDateTime']) ?? dayOf(period?.['start']) ?? dayOf(resource['dateAsserted']),
      end: dayOf(period?.['end']),
    };
  }
  const validity = field(field(resource, 'dispenseRequest') ?? {}, 'validityPeriod');
  let start = laterDay(dayOf(resource['authoredOn']), dayOf(validity?.['start']));
  let end = dayOf(validity?.['end']);
  for (const dosage of list(resource, 'dosageInstruction')) {
    const bounds = field(field(field(dosage, 'timing') ?? {}, 'repeat') ?? {}, 'boundsPeriod');
    start = laterDay(start, dayOf(bounds?.['start']));
    end = laterDay(end, dayOf(bounds?.['end']));
  }
  return { start, end };
}

/**
 * How many days a request with no recorded end lasts: its expected supply duration when given in
 * days (THEMIS: start + days supply - 1), else WRITTEN_PRESCRIPTION_DAYS.
 * FHIR path: the supply duration is not read.
 */
function supplyDays(resource: Json): number {
  const duration = field(field(resource, 'dispenseRequest') ?? {}, 'expectedSupplyDuration');
  const value = duration?.['value'];
  const unit = text(duration, 'code') ?? text(duration, 'unit');
  const inDays = unit === 'd' || unit === 'day' || unit === 'days';
  return inDays && typeof value === 'number' && Number.isInteger(value) && value >= 1
    ? value
    : WRITTEN_PRESCRIPTION_DAYS;
}
