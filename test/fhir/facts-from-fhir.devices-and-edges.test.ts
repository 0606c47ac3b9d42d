// Devices, and the less travelled paths of the other readers: a resource left out for one bad
// field, statuses that cannot be read, periods of dosage, search outcomes, options.
import { describe, expect, it } from 'vitest';
import { factsFromFhir } from '../../src/fhir/index.js';
import {
  condition,
  LOINC,
  mapExtract,
  mapFacts,
  medicationRequest,
  ON,
  PREGNANT,
  patient,
  pregnancyStatus,
  RXNORM,
  SNOMED,
} from './fixtures/builders.js';

/** The notes about the resources under test: without those about the absent Patient and the closed world. */
const notesOf = <Note extends { readonly code: string }>(value: { readonly notes: readonly Note[] }) =>
  value.notes.filter((note) => note.code !== 'no-patient' && note.code !== 'closed-world');
const codes = (value: { readonly notes: readonly { readonly code: string }[] }) =>
  notesOf(value).map((note) => note.code);

const device = (fields: Record<string, unknown> = {}) => ({
  resourceType: 'Device',
  id: 'd1',
  status: 'active',
  type: { coding: [{ system: SNOMED, code: '706004007' }] },
  patient: { reference: 'Patient/p1' },
  ...fields,
});

describe('devices', () => {
  it('a status that is unknown or missing leaves pacemaker unrecorded, and says which', () => {
    const unknown = mapFacts([device({ status: 'unknown' })], { closedWorld: true });
    expect(unknown.facts.pacemaker).toBeUndefined();
    expect(notesOf(unknown)[0]?.message).toBe(
      'Device for an implanted electrical device: its status is "unknown"; an implanted electrical device is not excluded',
    );
    const { status: _status, ...without } = device();
    expect(notesOf(mapFacts([without]))[0]?.message).toBe(
      'Device for an implanted electrical device: its status is not given; an implanted electrical device is not excluded',
    );
  });

  it('an active device in a record of unknown date cannot place the implant: unrecorded, and says why', () => {
    const value = mapExtract([device()], { closedWorld: true });
    expect(value.facts.pacemaker).toBeUndefined();
    expect(notesOf(value)[0]).toEqual({
      code: 'device-status-unclear',
      message: `Device for an implanted electrical device: its status (active) describes the record when it was written, not ${ON}, and a Device has no implant date; an implanted electrical device is not excluded`,
      fact: 'pacemaker',
      resource: { resourceType: 'Device', id: 'd1', path: [0] },
    });
  });

  it('an inactive device does not count, with a note', () => {
    expect(notesOf(mapFacts([device({ status: 'inactive' })]))).toEqual([
      {
        code: 'device-not-active',
        message: 'Device for an implanted electrical device does not count: its status is inactive',
        fact: 'pacemaker',
        resource: { resourceType: 'Device', id: 'd1', path: [0] },
      },
    ]);
  });

  it('a device named only in words cannot be read; one of another type is passed over; entered in error is ignored', () => {
    const words = mapFacts([device({ type: { text: 'pacemaker' } })], { closedWorld: true });
    expect(words.facts.pacemaker).toBeUndefined();
    expect(codes(words)).toEqual(['unreadable-code']);
    const crutch = mapFacts([device({ type: { coding: [{ system: SNOMED, code: '87405001' }] } })], {
      closedWorld: true,
    });
    expect(crutch.facts.pacemaker).toBe(false);
    expect(codes(crutch)).toEqual([]);
    expect(mapFacts([device({ status: 'entered-in-error' })], { closedWorld: true }).facts.pacemaker).toBe(false);
    // Inactive in words: the status holds on the day, and the device has been removed, whatever it was.
    expect(
      mapFacts([device({ status: 'inactive', type: { text: 'pacemaker' } })], { closedWorld: true }).facts.pacemaker,
    ).toBe(false);
  });

  it("another patient's device is ignored; a device with a field that cannot be read is left out", () => {
    expect(codes(mapFacts([patient('1950-01-01'), device({ patient: { reference: 'Patient/other' } })]))).toEqual([
      'other-patient',
    ]);
    const malformed = mapFacts([device({ manufactureDate: 'last year' })], { closedWorld: true });
    expect(malformed.facts.pacemaker).toBeUndefined();
    expect(notesOf(malformed)[0]?.message).toBe(
      'Device is left out: manufactureDate cannot be read, expected a FHIR dateTime, got the string "last year"; an implanted electrical device stays unrecorded',
    );
    const badType = mapFacts([device({ type: 'pacemaker' })], { closedWorld: true });
    expect(badType.facts.pacemaker).toBeUndefined();
    expect(notesOf(badType)[0]?.path).toEqual([0, 'type']);
  });
});

describe('medications: dates and malformed fields', () => {
  const warfarin = (fields: Record<string, unknown>) => ({ ...medicationRequest('m1', RXNORM, '855332'), ...fields });

  it('a dosage period decides when the order was taken; the latest end of several counts', () => {
    const dosed = warfarin({
      status: 'completed',
      authoredOn: '2026-01-01',
      dosageInstruction: [
        { timing: { repeat: { boundsPeriod: { start: '2026-02-01', end: '2026-03-01' } } } },
        { text: 'as needed' },
        { timing: { repeat: { boundsPeriod: { start: '2026-01-15', end: '2026-05-01' } } } },
      ],
    });
    expect(mapExtract([dosed], { on: '2026-04-01' }).facts.anticoagulantTherapy).toBe(true);
    expect(mapExtract([dosed], { on: '2026-05-02', closedWorld: true }).facts.anticoagulantTherapy).toBe(false);
    // The therapy starts at the latest start: before it, the order says nothing about the day.
    expect(codes(mapExtract([dosed], { on: '2026-01-20' }))).toEqual(['after-reference-date']);
  });

  it('a dosage that is not an object, or dosages that are not an array, leave the order out', () => {
    const notObjects = mapFacts([warfarin({ dosageInstruction: ['daily'] })], { closedWorld: true });
    expect(notObjects.facts.anticoagulantTherapy).toBeUndefined();
    expect(notesOf(notObjects)[0]?.path).toEqual([0, 'dosageInstruction', 0]);
    const notArray = mapFacts([warfarin({ dosageInstruction: { text: 'daily' } })], { closedWorld: true });
    expect(notesOf(notArray)[0]?.message).toBe(
      'MedicationRequest is left out: dosageInstruction cannot be read, expected an array, got a value of type object; anticoagulant therapy stays unrecorded',
    );
  });

  it('a statement taken since its dateAsserted, and one whose dates straddle the day', () => {
    const statement = (fields: Record<string, unknown>) => ({
      resourceType: 'MedicationStatement',
      id: 's1',
      status: 'active',
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: '855332' }] },
      ...fields,
    });
    expect(mapExtract([statement({ dateAsserted: '2026-10-01' })]).facts.anticoagulantTherapy).toBe(true);
    expect(codes(mapExtract([statement({ dateAsserted: '2026-12-01' })]))).toEqual(['after-reference-date']);
    const straddles = mapExtract(
      [statement({ status: 'stopped', effectivePeriod: { start: '2026-01-01', end: '2026-11' } })],
      {
        closedWorld: true,
      },
    );
    expect(straddles.facts.anticoagulantTherapy).toBeUndefined();
    expect(notesOf(straddles)[0]?.message).toBe(
      `MedicationStatement for anticoagulant therapy has status stopped, and its dates do not tell whether it was taken on ${ON}: anticoagulant therapy is not excluded`,
    );
  });

  it('a malformed request whose drug can be read leaves unrecorded only what its drug decides', () => {
    const opioid = { ...medicationRequest('m1', RXNORM, '856987'), authoredOn: 'soon' };
    const value = mapFacts([opioid], { closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBe(false);
    expect(notesOf(value)[0]?.message).toBe(
      'MedicationRequest is left out: authoredOn cannot be read, expected a FHIR dateTime, got the string "soon"',
    );
  });
});

describe('observations and outcomes', () => {
  it('a pregnancy status with a field that cannot be read is left out, and pregnancy stays unrecorded', () => {
    const bad = { ...pregnancyStatus('o1', PREGNANT, ON), status: 7 };
    const value = mapFacts([patient('1990-01-01'), bad], { closedWorld: true });
    expect(value.facts.pregnant).toBeUndefined();
    expect(notesOf(value)[0]).toMatchObject({ code: 'malformed-resource', path: [1, 'status'] });
    const badCode = { ...pregnancyStatus('o2', PREGNANT, ON), code: { coding: 'x' } };
    expect(mapFacts([badCode], { closedWorld: true }).facts.pregnant).toBeUndefined();
    const other = { ...pregnancyStatus('o3', PREGNANT, ON), code: { coding: [{ system: LOINC, code: '8302-2' }] } };
    expect(codes(mapFacts([other]))).toEqual(['unreadable-code']);
  });

  it('an OperationOutcome that gives no issue, or an issue without a severity, is a failure', () => {
    expect(notesOf(mapFacts([{ resourceType: 'OperationOutcome' }]))[0]?.message).toBe(
      'An OperationOutcome says part of the record could not be read (it gives no issue): no fact is set to false for want of a record',
    );
    const noSeverity = mapFacts([{ resourceType: 'OperationOutcome', issue: [{ code: 'processing' }] }], {
      closedWorld: true,
    });
    expect(noSeverity.facts).toEqual({});
    expect(notesOf(noSeverity)[0]?.message).toBe(
      'An OperationOutcome says part of the record could not be read: no fact is set to false for want of a record',
    );
  });

  it('a verificationStatus whose codings disagree is no confirmation', () => {
    const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
    const both = {
      ...condition('c1', SNOMED, '254837009'),
      verificationStatus: {
        coding: [
          { system: VERIFICATION, code: 'confirmed' },
          { system: VERIFICATION, code: 'refuted' },
        ],
      },
    };
    const value = mapFacts([both], { closedWorld: true });
    expect(value.facts.oncologicalDisease).toBeUndefined();
    expect(notesOf(value)[0]?.message).toBe(
      'Condition coded as oncological disease leaves it unrecorded: its verificationStatus codings disagree',
    );
  });
});

describe('when a status is known to hold', () => {
  const resolved = condition('c1', SNOMED, '254837009', { clinical: 'resolved', onset: '2020-01-01' });
  const stamped = (timestamp: string) => ({ resourceType: 'Bundle', timestamp, entry: [{ resource: resolved }] });

  it('from the earlier of the Bundle timestamp and the extract date', () => {
    const options = { on: '2025-01-01', closedWorld: true };
    expect(mapExtract(stamped('2024-06-01'), { ...options, extractedOn: '2025-06-01' }).facts.oncologicalDisease).toBe(
      false,
    );
    expect(mapExtract(stamped('2025-06-01'), { ...options, extractedOn: '2024-06-01' }).facts.oncologicalDisease).toBe(
      false,
    );
    expect(
      mapExtract(stamped('2025-06-01'), { ...options, extractedOn: '2025-03-01' }).facts.oncologicalDisease,
    ).toBeUndefined();
  });

  it('a timestamp that cannot be read tells nothing', () => {
    expect(
      mapExtract(stamped('June'), { on: '2025-01-01', closedWorld: true }).facts.oncologicalDisease,
    ).toBeUndefined();
  });
});

describe('options of the record', () => {
  const issuesOf = (options: object) => {
    const result = factsFromFhir([], { on: ON, ...options });
    return result.ok ? [] : result.issues;
  };

  it('extractedOn must be a date, patientId a FHIR id', () => {
    expect(issuesOf({ extractedOn: '2026-02-30' })).toEqual([
      {
        code: 'invalid-option',
        path: ['options', 'extractedOn'],
        message: 'expected the extract date as YYYY-MM-DD, got the string "2026-02-30"',
      },
    ]);
    expect(issuesOf({ patientId: 'p 1' })).toEqual([
      {
        code: 'invalid-option',
        path: ['options', 'patientId'],
        message: 'expected a FHIR logical id (1-64 letters, digits, - and .), got the string "p 1"',
      },
    ]);
    expect(issuesOf({ patientId: 'A-1.b' })).toEqual([]);
  });

  it('ageBounds as a list needs at least one pair, each an object, each checked at its own path', () => {
    expect(issuesOf({ ageBounds: [] })).toEqual([
      {
        code: 'invalid-option',
        path: ['options', 'ageBounds'],
        message: 'expected { under, over } or a non-empty array of them',
      },
    ]);
    expect(issuesOf({ ageBounds: [{ under: 3 }, 'x', { under: 9, over: 1 }] })).toEqual([
      {
        code: 'invalid-option',
        path: ['options', 'ageBounds', 1],
        message: 'expected { under, over }, got the string "x"',
      },
      {
        code: 'invalid-option',
        path: ['options', 'ageBounds', 2],
        message: 'expected whole years with 0 <= under <= over',
      },
    ]);
  });
});

describe('more paths of the readers', () => {
  it('a device without a type cannot be read; a clinic list that does not settle a device leaves it unrecorded', () => {
    const { type: _type, ...untyped } = device();
    expect(mapFacts([untyped], { closedWorld: true }).facts.pacemaker).toBeUndefined();
    const maybe = {
      id: 'clinic-devices',
      title: 'Devices to ask about',
      kind: 'uncertain' as const,
      fact: 'pacemaker' as const,
      systems: ['urn:clinic'],
      codes: ['STIM'],
      source: { title: 'Clinic book' },
    };
    const value = mapFacts([device({ type: { coding: [{ system: 'urn:clinic', code: 'STIM' }] } })], {
      extraCodes: [maybe],
      closedWorld: true,
    });
    expect(value.facts.pacemaker).toBeUndefined();
    expect(notesOf(value)[0]?.message).toBe(
      'Device for an implanted electrical device: its type does not settle it; an implanted electrical device is not excluded',
    );
  });

  it('a pregnancy status over a period that begins after the reference date says nothing about it', () => {
    const later = { ...pregnancyStatus('o1', PREGNANT), effectivePeriod: { start: '2026-12-01' } };
    expect(codes(mapFacts([later]))).toEqual(['after-reference-date']);
  });

  it('a resource with several bad fields names the first and counts the others', () => {
    const bad = { ...condition('c1', SNOMED, '254837009'), onsetDateTime: 'x', recordedDate: 'y' };
    expect(notesOf(mapFacts([bad]))[0]?.message).toBe(
      'Condition is left out: onsetDateTime cannot be read, expected a FHIR dateTime, got the string "x" (and 1 more); oncological disease, a history of cancer stay unrecorded',
    );
  });
});

describe('devices: the exact notes, and a status known to hold from meta.lastUpdated', () => {
  const deviceRef = { resourceType: 'Device', id: 'd1', path: [1] };
  const base = patient('1950-01-01');

  it('an active device last updated by the reference day counts, in a record of unknown date', () => {
    expect(mapExtract([base, device({ meta: { lastUpdated: `${ON}T20:00:00Z` } })]).facts).toEqual({
      ageYears: 76,
      pacemaker: true,
    });
    const later = mapFacts([base, device({ meta: { lastUpdated: '2026-11-25T07:00:00Z' } })]);
    expect(later.facts).toEqual({ ageYears: 76 });
    expect(codes(later)).toEqual(['device-status-unclear']);
  });

  it('an inactive device last updated after the reference day cannot tell, and says why', () => {
    const value = mapFacts([base, device({ status: 'inactive', meta: { lastUpdated: '2026-12-01' } })], {
      closedWorld: true,
    });
    expect(value.facts.pacemaker).toBeUndefined();
    expect(notesOf(value)).toStrictEqual([
      {
        code: 'device-status-unclear',
        message: `Device for an implanted electrical device: its status (inactive) describes the record when it was written, not ${ON}, and a Device has no implant date; an implanted electrical device is not excluded`,
        fact: 'pacemaker',
        resource: deviceRef,
      },
    ]);
  });

  it('a device made after the reference day says nothing about it', () => {
    const value = mapFacts([base, device({ manufactureDate: '2026-12-01' })], { closedWorld: true });
    expect(value.facts.pacemaker).toBe(false);
    expect(notesOf(value)).toStrictEqual([
      {
        code: 'after-reference-date',
        message: `Device made 2026-12-01, after ${ON}: it says nothing about ${ON}`,
        resource: deviceRef,
      },
    ]);
  });

  it("another patient's device is ignored, with a note that names the patient", () => {
    expect(notesOf(mapFacts([base, device({ patient: { reference: 'Patient/other' } })]))).toStrictEqual([
      {
        code: 'other-patient',
        message: 'Device is about Patient/other, not the Patient: ignored',
        resource: deviceRef,
      },
    ]);
  });

  it('a device of a type on no list says nothing, whoever it is about and whenever it was made', () => {
    const crutch = { type: { coding: [{ system: SNOMED, code: '87405001' }] } };
    const value = mapFacts([
      base,
      device({ ...crutch, patient: { reference: 'Patient/other' } }),
      device({ ...crutch, id: 'd2', manufactureDate: '2027' }),
    ]);
    expect(notesOf(value)).toStrictEqual([]);
  });

  it('a device named only in words: unreadable, with the note that says so', () => {
    expect(notesOf(mapFacts([base, device({ type: { text: 'pacemaker' } })]))).toStrictEqual([
      {
        code: 'unreadable-code',
        message:
          'Device for an implanted electrical device: its type is given only in words or in a code system the mapping does not read; an implanted electrical device is not excluded',
        fact: 'pacemaker',
        resource: deviceRef,
      },
    ]);
  });

  it('a type with a coding that cannot be read is left out, even when its other coding is on no list', () => {
    const value = mapFacts([base, device({ type: { coding: [{ system: SNOMED, code: '87405001' }, 5] } })], {
      closedWorld: true,
    });
    expect(value.facts.pacemaker).toBeUndefined();
    expect(notesOf(value)).toStrictEqual([
      {
        code: 'malformed-resource',
        message:
          'Device is left out: type.coding.1 cannot be read, expected a Coding (an object), got the number 5; an implanted electrical device stays unrecorded',
        resource: deviceRef,
        path: [1, 'type', 'coding', 1],
      },
    ]);
  });
});
