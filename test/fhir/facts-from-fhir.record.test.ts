// The record as a whole: whose resources are the patient's when the Patient is known by its
// Bundle entry, when a Bundle was assembled, searches that failed, and the options about it.
import { describe, expect, it } from 'vitest';
import { factsFromFhir } from '../../src/fhir/index.js';
import { condition, mapExtract, mapFacts, ON, SNOMED } from './fixtures/builders.js';

const CANCER = '254837009';
const cancer = (subject: string) => condition('c1', SNOMED, CANCER, { onset: '2020-01-01', subject });
const { id: _id, ...anonymous } = { resourceType: 'Patient', id: 'x', birthDate: '1970-01-01' };

/** A Bundle with the Patient (without an id) at `patientUrl` and a cancer about `subject`. */
function record(patientUrl: string, subject: string) {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ fullUrl: patientUrl, resource: anonymous }, { resource: cancer(subject) }],
  };
}

describe("the patient's resources when the Patient is known by its Bundle entry", () => {
  it("a urn:uuid subject is the patient's when the Patient's entry is not a urn", () => {
    const value = mapFacts(record('https://ehr.example/fhir/Patient/1', 'urn:uuid:2'));
    expect(value.facts).toEqual({ ageYears: 56, oncologicalDisease: true, historyOfCancer: true });
    expect(value.notes).toStrictEqual([]);
  });

  it("a subject that is not a urn nor a Patient/<id> is the patient's beside a urn:uuid Patient", () => {
    const value = mapFacts(record('urn:uuid:1', 'Patient?identifier=https://ehr.example/mrn|12345'));
    expect(value.facts).toEqual({ ageYears: 56, oncologicalDisease: true, historyOfCancer: true });
  });

  it('another urn:uuid beside a urn:uuid Patient is another patient', () => {
    const value = mapFacts(record('urn:uuid:1', 'urn:uuid:2'));
    expect(value.facts).toEqual({ ageYears: 56 });
    expect(value.notes.map((note) => note.code)).toEqual(['other-patient']);
    expect(mapFacts(record('urn:uuid:1', 'urn:uuid:1')).facts).toEqual({
      ageYears: 56,
      oncologicalDisease: true,
      historyOfCancer: true,
    });
  });
});

describe('when a Bundle was assembled', () => {
  const device = {
    resourceType: 'Device',
    id: 'd1',
    status: 'active',
    type: { coding: [{ system: SNOMED, code: '706004007' }] },
  };
  const stamped = (timestamp: unknown) => ({ resourceType: 'Bundle', timestamp, entry: [{ resource: device }] });

  it('its timestamp on or before the reference date holds the statuses in it', () => {
    expect(mapExtract(stamped(`${ON}T09:00:00Z`)).facts).toEqual({ pacemaker: true });
    expect(mapExtract(stamped('2026-11-25T09:00:00Z')).facts).toEqual({});
  });

  it('a timestamp that is not a string is left out, and holds nothing, whatever it reads as', () => {
    const value = mapExtract(stamped(1999));
    expect(value.facts).toEqual({});
    expect(value.notes.map((note) => note.code)).toEqual(['no-patient', 'malformed-entry', 'device-status-unclear']);
  });
});

describe('an OperationOutcome among the resources', () => {
  const outcome = (issue: unknown[]) => ({ resourceType: 'OperationOutcome', id: 'oo', issue });
  const failed = (value: { readonly notes: readonly { readonly code: string }[] }) =>
    value.notes.filter((note) => note.code === 'search-failed').length;

  it('is passed over only when every issue in it informs', () => {
    const informs = mapFacts([outcome([{ severity: 'information' }, { severity: 'information' }])], {
      closedWorld: true,
    });
    expect(informs.facts.oncologicalDisease).toBe(false);
    expect(failed(informs)).toBe(0);
    const mixed = mapFacts([outcome([{ severity: 'information' }, { severity: 'warning' }])], { closedWorld: true });
    expect(mixed.facts.oncologicalDisease).toBeUndefined();
    expect(failed(mixed)).toBe(1);
  });

  it('is a failure when an issue in it cannot be read, beside issues that inform', () => {
    const value = mapFacts([outcome([{ severity: 'information' }, 'timeout'])], { closedWorld: true });
    expect(value.facts.oncologicalDisease).toBeUndefined();
    expect(failed(value)).toBe(1);
  });
});

describe('the patientId option', () => {
  it('must be a string: a number that reads as an id is refused too', () => {
    const result = factsFromFhir([], { on: ON, patientId: 12345 as unknown as string });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'invalid-option',
          path: ['options', 'patientId'],
          message: 'expected a FHIR logical id (1-64 letters, digits, - and .), got the number 12345',
        },
      ],
    });
  });
});
