import { completedYears, fromDayNumber, parseIsoDate, toDayNumber } from '../_internal/iso-date.js';
import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import { MAX_AGE_YEARS, type PatientFacts } from '../facts/patient-facts.js';
import { regionFromIcd10 } from '../regions/region-from-icd10.js';
import { type SpinalRegion, spinalRegions } from '../regions/spinal-region.js';
import { buildCodeIndex, type CodeIndex } from './code-index.js';
import { CODED_FACTS, type CodedFact, type CodeListKind, type FhirCodeList } from './code-list.js';
import { codeSystems } from './code-systems.js';
import {
  PREGNANCY_STATUS_CURRENT_DAYS,
  PREGNANCY_STATUS_LOINC,
  pregnancyStatusValue,
} from './codes/pregnancy-status.js';
import { fhirCodeLists } from './fhir-code-lists.js';
import type {
  FhirEvidence,
  FhirFacts,
  FhirNote,
  FhirNoteCode,
  FhirOptions,
  FhirPath,
  FhirResourceRef,
  RegionSuggestion,
} from './fhir-facts.js';
import { describeTime, type FhirTime, isAfter, laterOf } from './fhir-time.js';
import {
  collectResources,
  FieldReader,
  type Found,
  type Json,
  own,
  type ReadCoding,
  readConcept,
} from './read-input.js';
import { type ReadOptions, readOptions } from './read-options.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const READ_TYPES: ReadonlySet<string> = new Set([
  'Patient',
  'Condition',
  'Observation',
  'Medication',
  'MedicationRequest',
  'MedicationStatement',
]);
const FACT_WORDS: Readonly<Record<CodedFact, string>> = {
  oncologicalDisease: 'oncological disease',
  pregnant: 'pregnancy',
  coagulationDisorder: 'coagulation disorder',
  acuteInfection: 'acute infection',
  acuteMentalIllness: 'acute mental illness',
  psychotropicInfluence: 'influence of a psychotropic substance',
  anticoagulantTherapy: 'anticoagulant therapy',
  pacemaker: 'an implanted electrical device',
};

let shippedIndex: CodeIndex | undefined;

/**
 * Maps a patient's FHIR R4 record to {@link PatientFacts} for `screen`, with the resources
 * behind each fact, notes on what was ignored, and the spinal regions its active conditions
 * suggest. Pure: the reference date comes in `options.on`. Never throws: malformed input (not an
 * object, entries that are not resources, impossible dates, wrong types) and bad options are
 * issues with their paths.
 *
 * - Age: completed years from Patient.birthDate on `options.on`. A partial birth date (`YYYY`,
 *   `YYYY-MM`) gives an age only when every possible age falls on the same side of both age
 *   bounds (then the lowest possible age); otherwise the age stays unrecorded, with a note.
 * - Conditions (ICD-10, ICD-10-CM, SNOMED CT; see `fhirCodeLists`): clinicalStatus active,
 *   recurrence or relapse with verificationStatus confirmed counts. A missing verificationStatus
 *   is not a confirmation: like unconfirmed, provisional and differential it leaves the fact
 *   unrecorded (never false), with a note. Refuted and entered-in-error are ignored; inactive,
 *   remission, resolved and abated conditions do not count. An active condition with an
 *   abatement date contradicts itself and leaves the fact unrecorded.
 * - Pregnancy status (LOINC 82810-3): pregnant, not pregnant, unknown. The latest dated record
 *   wins, among status observations, active pregnancy conditions and the abatement of resolved
 *   ones; equally dated or undated disagreeing records leave the fact unrecorded. A "pregnant"
 *   status older than 294 days is stale; "not pregnant" excludes pregnancy only when recorded
 *   on `options.on` or later.
 * - Medications (MedicationRequest, MedicationStatement; RxNorm or ATC, inline or by a
 *   reference to a Medication): an active anticoagulant sets `anticoagulantTherapy`. Opioid
 *   and other psychotropic prescriptions are noted and never set `psychotropicInfluence`.
 * - `closedWorld: true` sets the coded facts with no resource about them to false.
 *
 * @param input - a FHIR R4 Bundle of any type, or an array of resources; any value is accepted.
 * @param options - `on` (required), `closedWorld`, `ageBounds`, `extraCodes`.
 * @returns `{ ok: true, value: { facts, evidence, notes, regions } }`, or `{ ok: false, issues }`.
 *   Issue codes: `not-an-object`, `not-a-resource`, `invalid-type`, `invalid-date`,
 *   `multiple-patients`, `too-deep`, `invalid-option`, `unreadable`.
 * @example
 * const result = factsFromFhir(
 *   [
 *     { resourceType: 'Patient', id: 'p1', birthDate: '1948-03-01' },
 *     {
 *       resourceType: 'MedicationRequest',
 *       id: 'm1',
 *       status: 'active',
 *       medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '855332' }] },
 *     },
 *   ],
 *   { on: '2026-11-24' },
 * );
 * result.ok && result.value.facts; // => { ageYears: 78, anticoagulantTherapy: true }
 */
export function factsFromFhir(input: unknown, options: FhirOptions): Result<FhirFacts> {
  try {
    return mapRecord(input, options);
  } catch {
    return fail([issue('unreadable', [], 'the input could not be read as JSON data')]);
  }
}

type Status = 'counts' | 'uncertain' | 'inactive' | 'ignored';

interface FactState {
  readonly counts: FhirResourceRef[];
  /** Set when a record leaves the fact unrecorded, unless another record counts. */
  uncertain: boolean;
}

interface PregnancyStatement {
  readonly value: boolean | undefined;
  readonly time: FhirTime | undefined;
  readonly ref: FhirResourceRef;
  /** Set on pregnancy status observations: only their "not pregnant" excludes a pregnancy. */
  readonly fromStatus?: true;
}

class Mapping {
  readonly issues: Issue[] = [];
  readonly notes: FhirNote[] = [];
  readonly states = new Map<CodedFact, FactState>(CODED_FACTS.map((fact) => [fact, { counts: [], uncertain: false }]));
  readonly regions = new Map<SpinalRegion, FhirResourceRef[]>();
  readonly pregnancy: PregnancyStatement[] = [];
  readonly facts: { -readonly [K in keyof PatientFacts]: PatientFacts[K] } = {};
  readonly evidence: { -readonly [K in keyof FhirEvidence]: FhirEvidence[K] } = {};
  patientId: string | undefined;
  /** Set when a current "not pregnant" status excludes pregnancy. */
  pregnancyExcludedBy: FhirResourceRef[] | undefined;

  constructor(
    readonly options: ReadOptions,
    readonly extraIndex: CodeIndex,
  ) {}

  note(code: FhirNoteCode, message: string, fact?: CodedFact | 'ageYears', resource?: FhirResourceRef): void {
    const note: { -readonly [K in keyof FhirNote]: FhirNote[K] } = { code, message };
    if (fact !== undefined) note.fact = fact;
    if (resource !== undefined) note.resource = resource;
    this.notes.push(note);
  }

  state(fact: CodedFact): FactState {
    return this.states.get(fact) as FactState;
  }

  lists(codings: readonly ReadCoding[]): FhirCodeList[] {
    shippedIndex ??= buildCodeIndex(fhirCodeLists);
    const found = new Set<FhirCodeList>();
    for (const { system, code } of codings) {
      for (const list of shippedIndex.match(system, code)) found.add(list);
      for (const list of this.extraIndex.match(system, code)) found.add(list);
    }
    return [...found];
  }

  /** Checks a subject reference against the patient: a `Patient/<other id>` reference is another patient. */
  otherPatient(reference: string | undefined): boolean {
    if (this.patientId === undefined) return false;
    const id = reference?.match(/(?:^|\/)Patient\/([^/?#]+)(?:\/_history\/[^/?#]+)?$/)?.[1];
    return id !== undefined && id !== this.patientId;
  }
}

function mapRecord(input: unknown, rawOptions: FhirOptions): Result<FhirFacts> {
  const options = readOptions(rawOptions, (on) =>
    toDayNumber(parseIsoDate(on) as NonNullable<ReturnType<typeof parseIsoDate>>),
  );
  if (Array.isArray(options)) return fail(options);
  const mapping = new Mapping(options, buildCodeIndex(options.extraCodes));
  const entriesWithout: FhirPath[] = [];
  const found = collectResources(input, mapping.issues, entriesWithout);
  if (mapping.issues.length > 0) return fail(mapping.issues);

  const patients = found.filter((item) => item.type === 'Patient');
  // Patients are the same by their id; a Patient without an id is only itself.
  const identity = (patient: Found): string | Found => patient.ref.id ?? patient;
  const other = patients.find((patient) => identity(patient) !== identity(patients[0] as Found));
  if (other !== undefined) {
    return fail([
      issue('multiple-patients', other.path, 'the input holds more than one patient; map one patient at a time'),
    ]);
  }
  mapping.patientId = patients[0]?.ref.id;
  mapAge(mapping, patients);

  const medications = found.filter((item) => item.type === 'Medication');
  const notRead = new Map<string, number>();
  for (const item of found) {
    switch (item.type) {
      case 'Condition':
        mapCondition(mapping, item);
        break;
      case 'Observation':
        mapObservation(mapping, item);
        break;
      case 'MedicationRequest':
      case 'MedicationStatement':
        mapMedication(mapping, item, found, medications);
        break;
      default:
        if (!READ_TYPES.has(item.type)) notRead.set(item.type, (notRead.get(item.type) ?? 0) + 1);
    }
  }
  if (mapping.issues.length > 0) return fail(mapping.issues);

  resolvePregnancy(mapping);
  settleCodedFacts(mapping);
  if (entriesWithout.length > 0) {
    mapping.note(
      'entry-without-resource',
      `${entriesWithout.length} Bundle ${entriesWithout.length === 1 ? 'entry has' : 'entries have'} no resource and ${entriesWithout.length === 1 ? 'was' : 'were'} skipped`,
    );
  }
  if (notRead.size > 0) {
    // The most frequent first, then by name: the names are sorted first, and a sort is stable.
    const count = (type: string) => notRead.get(type) as number;
    const types = [...notRead.keys()].sort().sort((a, b) => count(b) - count(a));
    mapping.note(
      'not-read',
      `Resources of types the mapping does not read: ${types.map((type) => `${type} (${count(type)})`).join(', ')}`,
    );
  }
  const regions: RegionSuggestion[] = [];
  for (const region of spinalRegions) {
    const evidence = mapping.regions.get(region);
    if (evidence !== undefined) regions.push(Object.freeze({ region, evidence: Object.freeze(evidence) }));
  }
  return ok(
    Object.freeze({
      facts: Object.freeze(mapping.facts),
      evidence: Object.freeze(mapping.evidence),
      notes: Object.freeze(mapping.notes.map((note) => Object.freeze(note))),
      regions: Object.freeze(regions),
    }),
  );
}

function mapAge(mapping: Mapping, patients: readonly Found[]): void {
  const { on, onDay, under, over } = mapping.options;
  const patient = patients[0];
  if (patient === undefined) {
    mapping.note('no-patient', 'No Patient resource: the age is not recorded', 'ageYears');
    return;
  }
  const dates = new Map<string, FhirTime>();
  for (const { path, resource } of patients) {
    const time = new FieldReader(mapping.issues, path, resource).time('birthDate', true);
    // A time is read only from a string.
    if (time !== undefined) dates.set(own(resource, 'birthDate') as string, time);
  }
  if (dates.size > 1) {
    mapping.note(
      'conflicting-birth-dates',
      `The Patient has conflicting birth dates (${[...dates.keys()].join(', ')}): the age is not recorded`,
      'ageYears',
      patient.ref,
    );
    return;
  }
  const [date] = dates;
  if (date === undefined) {
    mapping.note('no-birth-date', 'The Patient has no birth date: the age is not recorded', 'ageYears', patient.ref);
    return;
  }
  const [text, birth] = date;
  if (birth.firstDay > onDay) {
    mapping.note(
      'birth-date-after-reference',
      `The birth date ${text} is after the reference date ${on}: the age is not recorded`,
      'ageYears',
      patient.ref,
    );
    return;
  }
  const reference = fromDayNumber(onDay);
  const oldest = completedYears(fromDayNumber(birth.firstDay), reference);
  // A partial date may end after the reference date: completedYears is then negative.
  const youngest = Math.max(0, completedYears(fromDayNumber(birth.lastDay), reference));
  if (oldest >= MAX_AGE_YEARS) {
    mapping.note(
      'implausible-age',
      `The birth date ${text} gives an age of ${oldest} or more years on ${on}: the age is not recorded`,
      'ageYears',
      patient.ref,
    );
    return;
  }
  if (youngest !== oldest) {
    const sameSide = youngest < under === oldest < under && youngest > over === oldest > over;
    if (!sameSide) {
      mapping.note(
        'partial-birth-date',
        `The birth date ${text} is partial: on ${on} the age is ${youngest} to ${oldest} years, across an age bound (under ${under}, over ${over}), so it is not recorded`,
        'ageYears',
        patient.ref,
      );
      return;
    }
    mapping.note(
      'partial-birth-date',
      `The birth date ${text} is partial: on ${on} the age is ${youngest} to ${oldest} years, on the same side of the age bounds; recorded as ${youngest}`,
      'ageYears',
      patient.ref,
    );
  }
  mapping.facts.ageYears = youngest;
  mapping.evidence.ageYears = Object.freeze([patient.ref]);
}

function statusCode(codings: readonly ReadCoding[] | undefined, system: string): string | undefined {
  return codings?.find((coding) => coding.system === system)?.code.trim();
}

function mapCondition(mapping: Mapping, item: Found): void {
  const reader = new FieldReader(mapping.issues, item.path, item.resource);
  const subject = reader.reference('subject');
  // Stryker disable next-line ArrayDeclaration: equivalent, a string in place of a coding has no system or code and matches nothing
  const codings = reader.concept('code') ?? [];
  const clinical = statusCode(reader.concept('clinicalStatus'), CLINICAL);
  const verification = statusCode(reader.concept('verificationStatus'), VERIFICATION);
  const onset = laterOf(reader.time('onsetDateTime'), reader.period('onsetPeriod'));
  const recorded = reader.time('recordedDate');
  const abatementTime = laterOf(reader.time('abatementDateTime'), reader.period('abatementPeriod'));
  const abated =
    abatementTime !== undefined ||
    reader.has('abatementAge') ||
    reader.has('abatementRange') ||
    reader.string('abatementString') !== undefined;
  const lists = mapping.lists(codings);
  const regions = new Set<SpinalRegion>();
  for (const { system, code } of codings) {
    if (system === codeSystems.icd10 || system === codeSystems.icd10cm) {
      const region = regionFromIcd10(code);
      if (region !== undefined) regions.add(region);
    }
  }
  // readOptions makes each region list of extraCodes name its region, as the shipped ones do.
  for (const list of lists) if (list.kind === 'region') regions.add(list.region as SpinalRegion);
  const byFact = strongestKinds(lists);
  if (byFact.size === 0 && regions.size === 0) return;
  if (mapping.otherPatient(subject)) {
    mapping.note('other-patient', `Condition is about ${subject}, not the Patient: ignored`, undefined, item.ref);
    return;
  }

  let status: Status;
  // Stryker disable next-line StringLiteral: equivalent, every status but 'counts' sets why, and 'counts' never shows it
  let why = '';
  let whyCode: FhirNoteCode = 'condition-not-confirmed';
  if (verification === 'entered-in-error' || verification === 'refuted') {
    status = 'ignored';
    why = `verificationStatus is ${verification}`;
  } else if (clinical === 'inactive' || clinical === 'remission' || clinical === 'resolved') {
    status = 'inactive';
    why = `clinicalStatus is ${clinical}`;
  } else if (clinical === 'active' || clinical === 'recurrence' || clinical === 'relapse') {
    if (abated) {
      status = 'uncertain';
      whyCode = 'condition-contradictory-status';
      why = `clinicalStatus is ${clinical} but the condition has an abatement`;
    } else if (verification === 'confirmed') {
      status = 'counts';
    } else {
      status = 'uncertain';
      why =
        verification === undefined
          ? 'it has no verificationStatus, so it is not confirmed'
          : `verificationStatus is ${verification}`;
    }
  } else if (abated) {
    status = 'inactive';
    why = 'it has abated';
  } else {
    status = 'uncertain';
    whyCode = 'condition-without-status';
    why = clinical === undefined ? 'it has no clinicalStatus' : `its clinicalStatus "${clinical}" is not a known code`;
  }

  for (const [fact, kind] of byFact) {
    const words = FACT_WORDS[fact];
    const list = lists.find((candidate) => candidate.fact === fact && candidate.kind === kind) as FhirCodeList;
    if (status === 'ignored') {
      mapping.note('condition-ignored', `Condition coded as ${words} is ignored: ${why}`, fact, item.ref);
      continue;
    }
    if (status === 'inactive') {
      if (kind === 'note') continue;
      mapping.note('condition-inactive', `Condition coded as ${words} does not count: ${why}`, fact, item.ref);
      if (fact === 'pregnant' && kind === 'counts' && abatementTime !== undefined) {
        mapping.pregnancy.push({ value: false, time: abatementTime, ref: item.ref });
      }
      continue;
    }
    if (kind === 'note') {
      mapping.note(
        'noted-code',
        `Condition "${list.title}" is noted for the clinician; it does not set ${words}`,
        fact,
        item.ref,
      );
      continue;
    }
    if (kind === 'uncertain') {
      mapping.state(fact).uncertain = true;
      mapping.note(
        'uncertain-code',
        `Condition "${list.title}" does not settle ${words}: ${list.source.note ?? 'ask the clinician'}`,
        fact,
        item.ref,
      );
      continue;
    }
    if (status === 'uncertain') {
      mapping.state(fact).uncertain = true;
      mapping.note(whyCode, `Condition coded as ${words} leaves it unrecorded: ${why}`, fact, item.ref);
      continue;
    }
    if (fact === 'pregnant') {
      const time = laterOf(onset, recorded);
      mapping.pregnancy.push({ value: true, time, ref: item.ref });
      if (onset !== undefined && onset.lastDay < mapping.options.onDay - PREGNANCY_STATUS_CURRENT_DAYS) {
        mapping.note(
          'pregnancy-condition-old',
          `Active pregnancy condition began ${describeTime(onset)}, more than 42 weeks before ${mapping.options.on}: it counts, but check the record`,
          fact,
          item.ref,
        );
      }
    } else {
      mapping.state(fact).counts.push(item.ref);
    }
  }

  if (regions.size > 0) {
    if (status === 'counts') {
      for (const region of regions) {
        const evidence = mapping.regions.get(region) ?? [];
        evidence.push(item.ref);
        mapping.regions.set(region, evidence);
      }
    } else if (status === 'uncertain') {
      mapping.note(
        whyCode,
        `Condition naming the ${[...regions].join(' and ')} region is not used for region suggestions: ${why}`,
        undefined,
        item.ref,
      );
    }
  }
}

const RANK: Readonly<Record<CodeListKind, number>> = { counts: 3, uncertain: 2, note: 1, region: 0 };

/** For each fact the codes match, the strongest kind of match (counts > uncertain > note). */
function strongestKinds(lists: readonly FhirCodeList[]): Map<CodedFact, CodeListKind> {
  const byFact = new Map<CodedFact, CodeListKind>();
  for (const list of lists) {
    if (list.kind === 'region') continue;
    // readOptions makes each list of extraCodes of another kind name its fact, as the shipped ones do.
    const fact = list.fact as CodedFact;
    const current = byFact.get(fact);
    if (
      current === undefined ||
      // Stryker disable next-line EqualityOperator: equivalent for >=, as an equal rank is the same kind, set again
      RANK[list.kind] > RANK[current]
    ) {
      byFact.set(fact, list.kind);
    }
  }
  return byFact;
}

function mapObservation(mapping: Mapping, item: Found): void {
  const reader = new FieldReader(mapping.issues, item.path, item.resource);
  const codings = reader.concept('code');
  if (!codings?.some((coding) => coding.system === codeSystems.loinc && coding.code.trim() === PREGNANCY_STATUS_LOINC))
    return;
  const subject = reader.reference('subject');
  const status = reader.string('status');
  const time =
    reader.time('effectiveDateTime') ??
    reader.period('effectivePeriod') ??
    reader.time('effectiveInstant') ??
    reader.time('issued');
  const values = reader.concept('valueCodeableConcept') ?? [];
  if (mapping.otherPatient(subject)) {
    mapping.note('other-patient', `Observation is about ${subject}, not the Patient: ignored`, undefined, item.ref);
    return;
  }
  if (status === 'cancelled' || status === 'entered-in-error') {
    mapping.note('observation-ignored', `Pregnancy status is ignored: its status is ${status}`, 'pregnant', item.ref);
    return;
  }
  if (status !== 'final' && status !== 'amended' && status !== 'corrected') {
    mapping.state('pregnant').uncertain = true;
    mapping.note(
      'observation-not-final',
      `Pregnancy status is ${status === undefined ? 'without a status' : `"${status}"`}, not final: it is not used, and pregnancy is not excluded`,
      'pregnant',
      item.ref,
    );
    return;
  }
  let value: boolean | undefined | null = null;
  for (const { system, code } of values) {
    value = pregnancyStatusValue(system, code);
    if (value !== null) break;
  }
  if (value === null) {
    mapping.state('pregnant').uncertain = true;
    mapping.note(
      'pregnancy-status-unreadable',
      'Pregnancy status has no value from its answer list: it is not used',
      'pregnant',
      item.ref,
    );
    return;
  }
  if (value === true && time !== undefined && time.lastDay < mapping.options.onDay - PREGNANCY_STATUS_CURRENT_DAYS) {
    mapping.note(
      'pregnancy-status-stale',
      `"Pregnant" status of ${describeTime(time)} is more than 42 weeks before ${mapping.options.on}: it cannot describe a current pregnancy`,
      'pregnant',
      item.ref,
    );
    return;
  }
  mapping.pregnancy.push({ value, time, ref: item.ref, fromStatus: true });
}

function mapMedication(mapping: Mapping, item: Found, found: readonly Found[], medications: readonly Found[]): void {
  const reader = new FieldReader(mapping.issues, item.path, item.resource);
  const subject = reader.reference('subject');
  const status = reader.string('status');
  const kind = item.type;
  const active = status === 'active';
  const unclear = status === 'on-hold' || status === 'unknown' || status === undefined;
  const aboutOther = (): boolean => {
    if (!mapping.otherPatient(subject)) return false;
    mapping.note('other-patient', `${kind} is about ${subject}, not the Patient: ignored`, undefined, item.ref);
    return true;
  };
  let codings = reader.concept('medicationCodeableConcept');
  if (codings === undefined) {
    const reference = reader.reference('medicationReference');
    const contained = reader.contained();
    if (reference === undefined) return;
    const target = resolveMedication(reference, item, contained, found, medications);
    if (target === undefined) {
      if ((active || unclear) && !aboutOther()) {
        mapping.state('anticoagulantTherapy').uncertain = true;
        mapping.note(
          'medication-unresolved',
          `${kind} refers to ${reference}, which is not in the input: the drug cannot be read, so anticoagulant therapy is not excluded`,
          'anticoagulantTherapy',
          item.ref,
        );
      }
      return;
    }
    const code = own(target.resource, 'code');
    // A Medication without a code names no drug: read as a concept without codings.
    codings = readConcept(code === undefined ? {} : code, [...target.path, 'code'], mapping.issues);
  }
  const lists = mapping.lists(codings);
  const byFact = strongestKinds(lists);
  if (byFact.size === 0 || aboutOther()) return;
  for (const [fact, listKind] of byFact) {
    const words = FACT_WORDS[fact];
    if (listKind === 'note') {
      if (active) {
        const list = lists.find((candidate) => candidate.fact === fact && candidate.kind === 'note') as FhirCodeList;
        mapping.note(
          'noted-code',
          `Active ${kind} (${list.title}): noted for the clinician; it does not set ${words}`,
          fact,
          item.ref,
        );
      }
      continue;
    }
    if (active && listKind === 'counts') {
      mapping.state(fact).counts.push(item.ref);
    } else if (active || unclear) {
      mapping.state(fact).uncertain = true;
      mapping.note(
        'medication-status-unclear',
        `${kind} for ${words} has ${status === undefined ? 'no status' : `status ${status}`}: ${words} is not excluded`,
        fact,
        item.ref,
      );
    } else {
      mapping.note(
        'medication-not-active',
        `${kind} for ${words} does not count: its status is ${status}`,
        fact,
        item.ref,
      );
    }
  }
}

function resolveMedication(
  reference: string,
  item: Found,
  contained: readonly Json[],
  found: readonly Found[],
  medications: readonly Found[],
): { readonly resource: Json; readonly path: FhirPath } | undefined {
  if (reference.startsWith('#')) {
    const id = reference.slice(1);
    const target = contained.find(
      (resource) => own(resource, 'resourceType') === 'Medication' && own(resource, 'id') === id,
    );
    if (target === undefined) return undefined;
    // A contained resource was read from the array `contained`: its index there is its path.
    const index = (own(item.resource, 'contained') as readonly unknown[]).indexOf(target);
    return { resource: target, path: [...item.path, 'contained', index] };
  }
  const byUrl = found.find((candidate) => candidate.fullUrl === reference);
  if (byUrl !== undefined) return byUrl.type === 'Medication' ? byUrl : undefined;
  const id = reference.match(/(?:^|\/)Medication\/([^/?#]+)(?:\/_history\/[^/?#]+)?$/)?.[1];
  return id === undefined ? undefined : medications.find((medication) => medication.ref.id === id);
}

function resolvePregnancy(mapping: Mapping): void {
  const statements = mapping.pregnancy;
  if (statements.length === 0) return;
  const state = mapping.state('pregnant');
  const dated = statements.filter((statement) => statement.time !== undefined);
  const undated = statements.filter((statement) => statement.time === undefined);
  const latest = dated.filter((s) => !dated.some((other) => isAfter(other.time as FhirTime, s.time as FhirTime)));
  const pool = latest.length > 0 ? latest : undated;
  const first = pool[0] as PregnancyStatement;
  const value = first.value;
  if ([...pool, ...undated].some((statement) => statement.value !== value)) {
    const refs = [...new Set([...pool, ...undated])].map((statement) => describeRef(statement.ref)).join(', ');
    const latestDisagree = pool.some((statement) => statement.value !== value);
    const why = !latestDisagree
      ? 'an undated record disagrees with the latest'
      : pool === undated
        ? 'undated records disagree'
        : 'records of the same date disagree';
    mapping.note(
      'pregnancy-conflict',
      `Pregnancy records disagree (${refs}): ${why}, so pregnancy is not recorded`,
      'pregnant',
    );
    state.uncertain = true;
    return;
  }
  if (value === undefined) {
    mapping.note(
      'pregnancy-status-unknown',
      'The latest pregnancy status is "unknown": pregnancy is not recorded',
      'pregnant',
      first.ref,
    );
    state.uncertain = true;
    return;
  }
  const winners = [...pool, ...undated.filter((statement) => !pool.includes(statement))];
  if (value) {
    state.counts.push(...winners.map((statement) => statement.ref));
    return;
  }
  const current = winners.filter(
    (statement) =>
      statement.fromStatus === true && statement.time !== undefined && statement.time.firstDay >= mapping.options.onDay,
  );
  if (current.length > 0) {
    mapping.pregnancyExcludedBy = current.map((statement) => statement.ref);
    return;
  }
  const when = first.time;
  mapping.note(
    'pregnancy-not-current',
    `The latest pregnancy record says not pregnant${when === undefined ? '' : ` as of ${describeTime(when)}`}, before ${mapping.options.on}: a pregnancy since then is not excluded`,
    'pregnant',
    first.ref,
  );
}

function settleCodedFacts(mapping: Mapping): void {
  for (const fact of CODED_FACTS) {
    const state = mapping.state(fact);
    if (state.counts.length > 0) {
      mapping.facts[fact] = true;
      mapping.evidence[fact] = Object.freeze([...state.counts]);
      continue;
    }
    if (state.uncertain) continue;
    const excluded = fact === 'pregnant' ? mapping.pregnancyExcludedBy : undefined;
    if (excluded !== undefined) {
      mapping.facts[fact] = false;
      mapping.evidence[fact] = Object.freeze([...excluded]);
      continue;
    }
    if (mapping.options.closedWorld) {
      mapping.facts[fact] = false;
      mapping.note('closed-world', `No current record of ${FACT_WORDS[fact]}: set to false (closed world)`, fact);
    }
  }
}

function describeRef(ref: FhirResourceRef): string {
  return ref.id === undefined ? ref.resourceType : `${ref.resourceType}/${ref.id}`;
}
