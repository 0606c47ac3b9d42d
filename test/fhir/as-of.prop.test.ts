// The two promises of reading a record as of a reference date, over generated records: what the
// record says about the patient's future never changes a screening on an earlier day, and no
// failed, foreign or unreadable input ever turns a fact false.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CODED_FACTS } from '../../src/fhir/code-list.js';
import { type CodedFact, type FhirFacts, type FhirOptions, factsFromFhir } from '../../src/fhir/index.js';
import { screen } from '../../src/index.js';
import { ICD10, LOINC, NOT_PREGNANT, ON, PREGNANT, patient, RXNORM, SNOMED } from './fixtures/builders.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

const codings = fc.constantFrom(
  [SNOMED, '254837009'],
  [SNOMED, '72892002'],
  [SNOMED, '444814009'],
  [SNOMED, '36971009'],
  [SNOMED, '278860009'],
  [ICD10, 'C50.9'],
  [ICD10, 'O24.4'],
  [ICD10, 'F10.0'],
  [ICD10, 'A15.0'],
  [ICD10, 'M54.2'],
);
const clinical = fc.option(fc.constantFrom('active', 'recurrence', 'inactive', 'resolved', 'remission'), {
  nil: undefined,
});
const verification = fc.option(fc.constantFrom('confirmed', 'provisional', 'refuted'), { nil: undefined });

/** Dates on or before the reference date, whole or partial, with and without a time. */
const past = fc.constantFrom('2019', '2024-03', '2026-06-01', '2026-11-23', ON, `${ON}T08:00:00Z`);
/** Dates certainly after the reference date. */
const future = fc.constantFrom('2026-11-25', '2026-12', '2027', '2031-02-03T10:00:00+01:00');
/** Any date, before, on, across or after the reference date. */
const anyDate = fc.oneof(past, future, fc.constantFrom('2026', '2026-11'));

let next = 0;
const id = (prefix: string) => `${prefix}${next++}`;

function conditionOf(
  [system, code]: readonly string[],
  status: string | undefined,
  verified: string | undefined,
  dates: { onset?: string | undefined; recorded?: string | undefined; abatement?: string | undefined },
) {
  return {
    resourceType: 'Condition',
    id: id('c'),
    ...(status === undefined ? {} : { clinicalStatus: { coding: [{ system: CLINICAL, code: status }] } }),
    ...(verified === undefined ? {} : { verificationStatus: { coding: [{ system: VERIFICATION, code: verified }] } }),
    code: { coding: [{ system, code }] },
    subject: { reference: 'Patient/p1' },
    ...(dates.onset === undefined ? {} : { onsetDateTime: dates.onset }),
    ...(dates.recorded === undefined ? {} : { recordedDate: dates.recorded }),
    ...(dates.abatement === undefined ? {} : { abatementDateTime: dates.abatement }),
  };
}

const statusObservation = (value: string, effective: string | undefined, status = 'final') => ({
  resourceType: 'Observation',
  id: id('o'),
  status,
  code: { coding: [{ system: LOINC, code: '82810-3' }] },
  subject: { reference: 'Patient/p1' },
  ...(effective === undefined ? {} : { effectiveDateTime: effective }),
  valueCodeableConcept: { coding: [{ system: LOINC, code: value }] },
});

const order = (code: string, status: string, authoredOn: string | undefined) => ({
  resourceType: 'MedicationRequest',
  id: id('m'),
  status,
  medicationCodeableConcept: { coding: [{ system: RXNORM, code }] },
  subject: { reference: 'Patient/p1' },
  ...(authoredOn === undefined ? {} : { authoredOn }),
});

const device = (status: string, manufactureDate: string | undefined) => ({
  resourceType: 'Device',
  id: id('d'),
  status,
  type: { coding: [{ system: SNOMED, code: '706004007' }] },
  patient: { reference: 'Patient/p1' },
  ...(manufactureDate === undefined ? {} : { manufactureDate }),
});

/** A record of the patient: resources dated anywhere, some undated. */
const record = fc.array(
  fc.oneof(
    fc
      .tuple(
        codings,
        clinical,
        verification,
        fc.option(anyDate, { nil: undefined }),
        fc.option(anyDate, { nil: undefined }),
      )
      .map(([coding, status, verified, onset, abatement]) =>
        conditionOf(coding, status, verified, { onset, abatement }),
      ),
    fc
      .tuple(fc.constantFrom(PREGNANT, NOT_PREGNANT), fc.option(anyDate, { nil: undefined }))
      .map(([value, effective]) => statusObservation(value, effective)),
    fc
      .tuple(
        fc.constantFrom('855332', '309362'),
        fc.constantFrom('active', 'stopped', 'on-hold'),
        fc.option(anyDate, { nil: undefined }),
      )
      .map(([code, status, authored]) => order(code, status, authored)),
    fc
      .tuple(fc.constantFrom('active', 'inactive'), fc.option(anyDate, { nil: undefined }))
      .map(([status, made]) => device(status, made)),
  ),
  { maxLength: 6 },
);

/** A resource about the patient's future: every date it has lies after the reference date. */
const aboutTheFuture = fc.oneof(
  fc
    .tuple(
      codings,
      clinical,
      verification,
      future,
      fc.option(future, { nil: undefined }),
      fc.option(future, { nil: undefined }),
    )
    .map(([coding, status, verified, onset, recorded, abatement]) =>
      conditionOf(coding, status, verified, { onset, recorded, abatement }),
    ),
  fc
    .tuple(codings, clinical, verification, future)
    .map(([coding, status, verified, recorded]) => conditionOf(coding, status, verified, { recorded })),
  fc
    .tuple(fc.constantFrom(PREGNANT, NOT_PREGNANT), future, fc.constantFrom('final', 'preliminary'))
    .map(([value, effective, status]) => statusObservation(value, effective, status)),
  fc
    .tuple(fc.constantFrom('855332', '309362'), fc.constantFrom('active', 'stopped', 'on-hold', 'Active'), future)
    .map(([code, status, authored]) => order(code, status, authored)),
  fc.tuple(fc.constantFrom('active', 'unknown'), future).map(([status, made]) => device(status, made)),
);

const ALL = CODED_FACTS;
type Fact = CodedFact;

/**
 * Input that is no record of the patient, with the facts it must leave unrecorded: a failed
 * search, or data that cannot be read, leaves what it might have decided unrecorded; another
 * patient's data is passed over.
 */
const notTheRecord: fc.Arbitrary<{ readonly input: unknown; readonly unrecorded: readonly Fact[] }> = fc.oneof(
  fc.constant({
    input: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'timeout' }] },
    unrecorded: ALL,
  }),
  fc
    .tuple(codings, clinical, verification, fc.option(anyDate, { nil: undefined }))
    .map(([coding, status, verified, onset]) => ({
      input: { ...conditionOf(coding, status, verified, { onset }), subject: { reference: 'Patient/someone-else' } },
      unrecorded: [],
    })),
  fc.tuple(fc.constantFrom(NOT_PREGNANT, PREGNANT), fc.constantFrom(ON, '2026-11-01')).map(([value, effective]) => ({
    input: { ...statusObservation(value, effective), subject: { reference: 'Patient/other' } },
    unrecorded: [],
  })),
  fc.constant({
    input: { ...conditionOf([SNOMED, '254837009'], 'active', 'confirmed', {}), onsetDateTime: 'last spring' },
    unrecorded: ['oncologicalDisease'],
  }),
  fc.constant({
    input: { ...conditionOf([SNOMED, '254837009'], 'active', 'confirmed', {}), code: { text: 'cancer' } },
    unrecorded: ALL.slice(0, 6),
  }),
  fc.constant({
    input: conditionOf(['http://hl7.org/fhir/sid/icd-9-cm', '174.9'], 'active', 'confirmed', {}),
    unrecorded: ALL.slice(0, 6),
  }),
  fc.constant({ input: order('855332', 'Active', '2026-01-01'), unrecorded: ['anticoagulantTherapy'] }),
  fc.constant({
    input: { ...order('855332', 'active', '2026-01-01'), medicationCodeableConcept: { text: 'warfarin 5 mg' } },
    unrecorded: ['anticoagulantTherapy'],
  }),
  fc.constant({
    input: {
      ...order('855332', 'active', '2026-01-01'),
      medicationCodeableConcept: undefined,
      medicationReference: { reference: 'Medication/absent' },
    },
    unrecorded: ['anticoagulantTherapy'],
  }),
  fc.constant({ input: { ...device('active', undefined), type: { text: 'pacemaker' } }, unrecorded: ['pacemaker'] }),
  fc.constant({ input: 'not a resource', unrecorded: ALL }),
  fc.constant({ input: { id: 'no-type' }, unrecorded: ALL }),
);

function facts(input: readonly unknown[], options: Partial<FhirOptions>): FhirFacts {
  const result = factsFromFhir(input, { on: ON, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const optionsArbitrary = fc.record({
  closedWorld: fc.boolean(),
  extract: fc.constantFrom<'none' | 'on' | 'later'>('none', 'on', 'later'),
});
const optionsOf = ({ closedWorld, extract }: { closedWorld: boolean; extract: 'none' | 'on' | 'later' }) => ({
  closedWorld,
  ...(extract === 'none' ? {} : { extractedOn: extract === 'on' ? ON : '2027-06-30' }),
});

describe('reading a record as of the reference date', () => {
  test.prop([record, fc.array(aboutTheFuture, { minLength: 1, maxLength: 3 }), optionsArbitrary])(
    "no record about the patient's future changes the facts or the screening on an earlier date",
    (resources, later, options) => {
      const before = facts([patient('1970-01-01'), ...resources], optionsOf(options));
      const after = facts([patient('1970-01-01'), ...resources, ...later], optionsOf(options));
      expect(after.facts).toEqual(before.facts);
      expect(after.regions).toEqual(before.regions);
      expect(screen(after.facts)).toEqual(screen(before.facts));
    },
  );

  test.prop([record, fc.array(notTheRecord, { minLength: 1, maxLength: 3 }), optionsArbitrary])(
    'no failed, foreign or unreadable input ever turns a fact false',
    (resources, bad, options) => {
      const clean = facts([patient('1970-01-01'), ...resources], optionsOf(options));
      const mixed = facts([patient('1970-01-01'), ...resources, ...bad.map((item) => item.input)], optionsOf(options));
      for (const [fact, value] of Object.entries(mixed.facts)) {
        if (value === false) expect(clean.facts[fact as Fact], fact).toBe(false);
      }
      // What failed or could not be read is never read as "no", even in a closed world.
      for (const fact of new Set(bad.flatMap((item) => item.unrecorded))) {
        expect(mixed.facts[fact], fact).not.toBe(false);
      }
    },
  );
});
