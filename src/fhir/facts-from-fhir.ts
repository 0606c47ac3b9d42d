import { parseIsoDate, toDayNumber } from '../_internal/iso-date.js';
import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import type { PatientFacts } from '../facts/patient-facts.js';
import { spinalRegions } from '../regions/spinal-region.js';
import { CODED_FACTS, OPEN_WORLD_FACTS } from './code-list.js';
import type { FhirFacts, FhirOptions, RegionSuggestion } from './fhir-facts.js';
import { mapCondition } from './map-condition.js';
import { mapDevice } from './map-device.js';
import { indexMedications, mapMedication } from './map-medication.js';
import { mapObservation, resolvePregnancy } from './map-observation.js';
import { mapAge } from './map-patient.js';
import { FACT_WORDS, Mapping } from './mapping.js';
import { collectResources, FieldReader, type Found } from './read-input.js';
import { readOptions } from './read-options.js';

const READ_TYPES: ReadonlySet<string> = new Set([
  'Patient',
  'Condition',
  'Observation',
  'Medication',
  'MedicationRequest',
  'MedicationStatement',
  'Device',
  'OperationOutcome',
]);

/**
 * Maps a patient's FHIR R4 record to {@link PatientFacts} for `screen`, as of the reference date
 * `options.on`, with the resources behind each fact, notes on what was ignored or could not be
 * settled, and the spinal regions its conditions suggest. Pure. Never throws: only an input that
 * is not a FHIR Bundle, a resource or an array of resources, two different patients, or bad
 * options are issues; a resource with a field that cannot be read is left out with a note, and
 * the facts it might have decided stay unrecorded.
 *
 * - As of `on`: a resource that begins after `on` says nothing about it; a condition whose dates
 *   cover `on` was present then, whatever its status says now; a status (clinicalStatus, a
 *   medication's or a device's) decides only when it is known to hold on `on` (see
 *   `extractedOn`); where neither tells, the fact stays unrecorded.
 * - Age: completed years from Patient.birthDate. A partial birth date (`YYYY`, `YYYY-MM`) gives
 *   an age only when every possible age falls on the same side of every pair of age bounds.
 * - Conditions (ICD-10, ICD-10-CM, SNOMED CT; see `fhirCodeLists`) present on `on` and confirmed
 *   count; unconfirmed, without a verificationStatus, or with codings that disagree, they leave
 *   the fact unrecorded (never false). Refuted and entered-in-error are ignored.
 * - Pregnancy: status observations (LOINC 82810-3) and pregnancy conditions up to `on`; the
 *   latest wins. "Not pregnant" excludes pregnancy only as a status recorded on `on`.
 * - Medications (RxNorm or ATC, inline or by reference) taken on `on` set `anticoagulantTherapy`;
 *   a drug that cannot be read (only text, an unknown status) leaves it unrecorded. Devices
 *   (SNOMED CT) set `pacemaker`.
 * - Red flags, only where a code states one: `caudaEquinaSyndrome` (an active, confirmed cauda
 *   equina syndrome), `historyOfCancer` (a personal history of malignant neoplasm, or any
 *   confirmed malignant neoplasm that began by `on`, whatever its status now),
 *   `prolongedCorticosteroidUse` (ICD-10-CM Z79.52) and `immunosuppression` (an
 *   immunodeficiency, ICD-10 D80-D84), each active and confirmed on `on`. The other red flags are
 *   signs at the visit that the record does not state: never set.
 * - `closedWorld: true` sets the coded facts with no resource about them to false, unless part of
 *   the record could not be read (an OperationOutcome, an entry that is not a resource); never
 *   `prolongedCorticosteroidUse` or `immunosuppression`, whose main source, the drugs, the
 *   mapping does not read for them.
 *
 * @param input - a FHIR R4 Bundle of any type, or an array of resources; any value is accepted.
 * @param options - `on` (required), `closedWorld`, `extractedOn`, `patientId`, `ageBounds`, `extraCodes`.
 * @returns `{ ok: true, value: { facts, evidence, notes, regions } }`, or `{ ok: false, issues }`.
 *   Issue codes: `not-an-object`, `multiple-patients`, `patient-mismatch`, `invalid-option`,
 *   `unreadable`.
 * @example
 * const result = factsFromFhir(
 *   [
 *     { resourceType: 'Patient', id: 'p1', birthDate: '1948-03-01' },
 *     {
 *       resourceType: 'MedicationRequest',
 *       id: 'm1',
 *       status: 'active',
 *       authoredOn: '2026-10-02',
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

function mapRecord(input: unknown, rawOptions: FhirOptions): Result<FhirFacts> {
  const options = readOptions(rawOptions, (on) =>
    toDayNumber(parseIsoDate(on) as NonNullable<ReturnType<typeof parseIsoDate>>),
  );
  if (Array.isArray(options)) return fail(options);
  const mapping = new Mapping(options);
  const issues: Issue[] = [];
  const { found, unreadable, entriesWithout } = collectResources(input, issues);
  if (issues.length > 0) return fail(issues);

  const patients = found.filter((item) => item.type === 'Patient');
  // Patients are the same by their id; a Patient without an id is only itself.
  const identity = (patient: Found): string | Found => patient.ref.id ?? patient;
  const other = patients.find((patient) => identity(patient) !== identity(patients[0] as Found));
  if (other !== undefined) {
    return fail([
      issue('multiple-patients', other.path, 'the input holds more than one patient; map one patient at a time'),
    ]);
  }
  const mismatch = patients.find(
    (patient) =>
      patient.ref.id !== undefined && options.patientId !== undefined && patient.ref.id !== options.patientId,
  );
  if (mismatch !== undefined) {
    return fail([
      issue(
        'patient-mismatch',
        [...mismatch.path, 'id'],
        `the Patient is ${mismatch.ref.id}, not ${options.patientId}, the patient given in the options`,
      ),
    ]);
  }
  mapping.patientId ??= patients[0]?.ref.id;
  mapping.patientUrl = patients[0]?.fullUrl;
  mapAge(mapping, patients);

  for (const part of unreadable) {
    mapping.unsettle(CODED_FACTS);
    mapping.note(
      'malformed-entry',
      `The input at ${part.path.join('.')} is not a readable resource (${part.message}): it is left out, and no fact is set to false on its account`,
      undefined,
      undefined,
      part.path,
    );
  }
  const medications = indexMedications(found);
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
        mapMedication(mapping, item, medications);
        break;
      case 'Device':
        mapDevice(mapping, item);
        break;
      case 'OperationOutcome':
        mapOutcome(mapping, item);
        break;
      default:
        if (!READ_TYPES.has(item.type)) notRead.set(item.type, (notRead.get(item.type) ?? 0) + 1);
    }
  }

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
      facts: Object.freeze(mapping.facts) as PatientFacts,
      evidence: Object.freeze(mapping.evidence),
      notes: Object.freeze(mapping.notes),
      regions: Object.freeze(regions),
    }),
  );
}

/**
 * An OperationOutcome in a record is a search or read that failed or came back incomplete (CDS
 * Hooks 2.0 lets a client send one for a prefetch it could not fill): no fact may be read as
 * false for want of the records it stands for. One that only informs is passed over.
 */
function mapOutcome(mapping: Mapping, item: Found): void {
  const issues: Issue[] = [];
  const severities = new FieldReader(issues, item.path, item.resource)
    .objects('issue')
    .map((entry) => entry.string('severity'));
  if (issues.length === 0 && severities.length > 0 && severities.every((severity) => severity === 'information'))
    return;
  mapping.unsettle(CODED_FACTS);
  mapping.note(
    'search-failed',
    `An OperationOutcome says part of the record could not be read${severities.length === 0 ? ' (it gives no issue)' : ''}: no fact is set to false for want of a record`,
    undefined,
    item.ref,
  );
}

function settleCodedFacts(mapping: Mapping): void {
  for (const fact of CODED_FACTS) {
    const state = mapping.state(fact);
    if (state.counts.length > 0) {
      mapping.facts[fact] = true;
      mapping.evidence[fact] = Object.freeze([...new Set(state.counts)]);
      continue;
    }
    if (state.uncertain) continue;
    const excluded = fact === 'pregnant' ? mapping.pregnancyExcludedBy : undefined;
    if (excluded !== undefined) {
      mapping.facts[fact] = false;
      mapping.evidence[fact] = Object.freeze([...excluded]);
      continue;
    }
    // A closed world speaks for the codes the mapping reads; not for facts it reads only in part.
    if (mapping.options.closedWorld && !OPEN_WORLD_FACTS.includes(fact)) {
      mapping.facts[fact] = false;
      mapping.note('closed-world', `No current record of ${FACT_WORDS[fact]}: set to false (closed world)`, fact);
    }
  }
}
