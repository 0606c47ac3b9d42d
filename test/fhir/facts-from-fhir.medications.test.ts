// Medications: statuses, the exact notes, and how a medicationReference is resolved (contained,
// by fullUrl, by Medication/id), with the paths of issues inside the referenced Medication.
import { describe, expect, it } from 'vitest';
import type { FhirCodeList } from '../../src/fhir/index.js';
import { ATC, mapFacts, medicationRequest, medicationStatement, patient, RXNORM } from './fixtures/builders.js';

const base = patient('1950-01-01');
const WARFARIN = '855332';
const orderRef = { resourceType: 'MedicationRequest', id: 'm1', path: [1] };

function anticoagulantNote(code: string, message: string) {
  return { code, message, fact: 'anticoagulantTherapy', resource: orderRef };
}

/** A MedicationRequest m1 that names its drug by reference only. */
function orderOf(reference: string, extra: object = {}) {
  return {
    resourceType: 'MedicationRequest',
    id: 'm1',
    status: 'active',
    medicationReference: { reference },
    subject: { reference: 'Patient/p1' },
    ...extra,
  };
}

const warfarin = (id: string) => ({
  resourceType: 'Medication',
  id,
  code: { coding: [{ system: RXNORM, code: WARFARIN }] },
});
const aspirin = (id: string) => ({
  resourceType: 'Medication',
  id,
  code: { coding: [{ system: ATC, code: 'B01AC06' }] },
});

describe('medication statuses', () => {
  it('an active anticoagulant counts without a note', () => {
    const value = mapFacts([base, medicationRequest('m1', RXNORM, WARFARIN)]);
    expect(value.facts).toEqual({ ageYears: 76, anticoagulantTherapy: true });
    expect(value.notes).toStrictEqual([]);
  });

  it('on hold, unknown or without a status: not excluded, with the status in the note', () => {
    for (const status of ['on-hold', 'unknown']) {
      const value = mapFacts([base, medicationRequest('m1', RXNORM, WARFARIN, status)], { closedWorld: true });
      expect(value.facts.anticoagulantTherapy).toBeUndefined();
      expect(value.notes.filter((note) => note.fact === 'anticoagulantTherapy')).toStrictEqual([
        anticoagulantNote(
          'medication-status-unclear',
          `MedicationRequest for anticoagulant therapy has status ${status}: anticoagulant therapy is not excluded`,
        ),
      ]);
    }
    const { status: _status, ...noStatus } = medicationRequest('m1', RXNORM, WARFARIN);
    expect(mapFacts([base, noStatus]).notes).toStrictEqual([
      anticoagulantNote(
        'medication-status-unclear',
        'MedicationRequest for anticoagulant therapy has no status: anticoagulant therapy is not excluded',
      ),
    ]);
  });

  it('stopped: does not count, with the status in the note', () => {
    expect(mapFacts([base, medicationRequest('m1', RXNORM, WARFARIN, 'stopped')]).notes).toStrictEqual([
      anticoagulantNote(
        'medication-not-active',
        'MedicationRequest for anticoagulant therapy does not count: its status is stopped',
      ),
    ]);
  });

  it('an active drug of a noted list is noted with the list title; a stopped one is not noted', () => {
    expect(mapFacts([base, medicationStatement('m1', ATC, 'B01AC06')]).notes).toStrictEqual([
      {
        code: 'noted-code',
        message:
          'MedicationStatement (Platelet aggregation inhibitors and thrombolytic enzymes (ATC B01AC, B01AD): noted only) taken on 2026-11-24: noted for the clinician; it does not set anticoagulant therapy',
        fact: 'anticoagulantTherapy',
        resource: { resourceType: 'MedicationStatement', id: 'm1', path: [1] },
      },
    ]);
    expect(mapFacts([base, medicationStatement('m1', ATC, 'B01AC06', 'stopped')]).notes).toStrictEqual([]);
  });

  it('an active drug of an uncertain clinic list leaves the fact unrecorded', () => {
    const maybe: FhirCodeList = {
      id: 'clinic-maybe-anticoagulant',
      title: 'Trial drugs',
      kind: 'uncertain',
      fact: 'anticoagulantTherapy',
      systems: ['urn:clinic'],
      codes: ['TRIAL-1'],
      source: { title: 'Clinic book' },
    };
    const value = mapFacts([base, medicationRequest('m1', 'urn:clinic', 'TRIAL-1')], {
      extraCodes: [maybe],
      closedWorld: true,
    });
    expect(value.facts.anticoagulantTherapy).toBeUndefined();
    expect(value.notes.filter((note) => note.fact === 'anticoagulantTherapy')).toStrictEqual([
      anticoagulantNote(
        'medication-status-unclear',
        'MedicationRequest "Trial drugs" does not settle anticoagulant therapy: anticoagulant therapy is not excluded',
      ),
    ]);
  });

  it('about another patient: ignored with a note, unless its drug matches no list', () => {
    const other = { subject: { reference: 'Patient/other' } };
    expect(mapFacts([base, { ...medicationRequest('m1', RXNORM, WARFARIN), ...other }]).notes).toStrictEqual([
      {
        code: 'other-patient',
        message: 'MedicationRequest is about Patient/other, not the Patient: ignored',
        resource: orderRef,
      },
    ]);
    expect(mapFacts([base, { ...medicationRequest('m1', RXNORM, '000000'), ...other }]).notes).toStrictEqual([]);
  });
});

describe('unresolved medication references', () => {
  const unresolvedNote = anticoagulantNote(
    'medication-unresolved',
    'MedicationRequest refers to Medication/x, which is not in the input: the drug cannot be read, so anticoagulant therapy is not excluded',
  );

  it('leave anticoagulant therapy unrecorded while the order may be current', () => {
    for (const status of ['active', 'on-hold', 'unknown', undefined]) {
      const order =
        status === undefined ? orderOf('Medication/x', { status: undefined }) : orderOf('Medication/x', { status });
      const value = mapFacts([base, order], { closedWorld: true });
      expect(value.facts.anticoagulantTherapy).toBeUndefined();
      expect(value.notes.filter((note) => note.fact === 'anticoagulantTherapy')).toStrictEqual([unresolvedNote]);
    }
    expect(mapFacts([base, orderOf('Medication/x', { status: 'completed' })]).notes).toStrictEqual([]);
  });

  it('of an order about another patient are ignored like the order', () => {
    const value = mapFacts([base, orderOf('Medication/x', { subject: { reference: 'Patient/other' } })], {
      closedWorld: true,
    });
    expect(value.facts.anticoagulantTherapy).toBe(false);
    expect(value.notes.filter((note) => note.code !== 'closed-world')).toStrictEqual([
      {
        code: 'other-patient',
        message: 'MedicationRequest is about Patient/other, not the Patient: ignored',
        resource: orderRef,
      },
    ]);
  });

  it('a reference to a resource that is not a Medication is not resolved', () => {
    const input = [base, orderOf('Medication/s1'), { ...warfarin('s1'), resourceType: 'Substance' }];
    expect(mapFacts(input).notes.map((note) => note.code)).toEqual(['medication-unresolved', 'not-read']);
  });

  it('a reference that is not to Medication/<id> is not resolved, even with Medications present', () => {
    const { id: _id, ...withoutId } = warfarin('med-0');
    for (const reference of ['https://example.org/drug', 'Medication/med-1/extra']) {
      const value = mapFacts([base, orderOf(reference), withoutId, warfarin('med-1')]);
      expect(value.facts.anticoagulantTherapy).toBeUndefined();
      expect(value.notes.map((note) => note.code)).toEqual(['medication-unresolved']);
    }
  });
});

describe('resolving medication references', () => {
  it('by Medication/<id>, with or without a version, to the Medication with that id', () => {
    for (const reference of [
      'Medication/med-2',
      'Medication/med-2/_history/12',
      'https://ehr.example/Medication/med-2',
    ]) {
      const value = mapFacts([base, orderOf(reference), aspirin('med-1'), warfarin('med-2')]);
      expect(value.facts).toEqual({ ageYears: 76, anticoagulantTherapy: true });
      expect(value.notes).toStrictEqual([]);
    }
  });

  it('by the fullUrl of a Bundle entry, among entries that have other fullUrls', () => {
    const input = {
      resourceType: 'Bundle',
      entry: [
        { fullUrl: 'urn:uuid:p', resource: base },
        { fullUrl: 'urn:uuid:a', resource: aspirin('a') },
        { fullUrl: 'urn:uuid:w', resource: warfarin('w') },
        { resource: orderOf('urn:uuid:w') },
      ],
    };
    const value = mapFacts(input);
    expect(value.facts).toEqual({ ageYears: 76, anticoagulantTherapy: true });
    expect(value.notes).toStrictEqual([]);
  });

  it('by #id to the contained Medication with that id, never to another contained resource', () => {
    const contained = [aspirin('aspirin'), { ...warfarin('med'), resourceType: 'Substance' }, warfarin('med')];
    const value = mapFacts([base, orderOf('#med', { contained })]);
    expect(value.facts).toEqual({ ageYears: 76, anticoagulantTherapy: true });
    expect(value.notes).toStrictEqual([]);
    const onlySubstance = mapFacts([base, orderOf('#med', { contained: contained.slice(0, 2) })]);
    expect(onlySubstance.notes.map((note) => note.code)).toEqual(['medication-unresolved']);
  });

  it('a drug named inline is read even when the order also has a reference', () => {
    const both = { ...medicationRequest('m1', RXNORM, WARFARIN), medicationReference: { reference: 'Medication/x' } };
    expect(mapFacts([base, both]).facts).toEqual({ ageYears: 76, anticoagulantTherapy: true });
  });

  it('a malformed code in the referenced Medication leaves the order out, with the path of the code', () => {
    const leftOut = (input: unknown) => {
      const value = mapFacts(input, { closedWorld: true });
      expect(value.facts.anticoagulantTherapy).toBeUndefined();
      return value.notes
        .filter((note) => note.code === 'malformed-resource')
        .map(({ path, message }) => ({ path, message }));
    };
    const bad = { resourceType: 'Medication', id: 'med', code: 'warfarin' };
    const because = (path: (string | number)[], field: string, got: string) => ({
      path,
      message: `MedicationRequest is left out: ${field} cannot be read, expected a CodeableConcept (an object), got ${got}; anticoagulant therapy stays unrecorded`,
    });
    expect(leftOut([orderOf('#med', { contained: [aspirin('a'), bad] })])).toEqual([
      because([0, 'contained', 1, 'code'], 'contained.1.code', 'the string "warfarin"'),
    ]);
    const referred = '0.code (a resource it refers to)';
    expect(leftOut([bad, orderOf('Medication/med')])).toEqual([
      because([0, 'code'], referred, 'the string "warfarin"'),
    ]);
    expect(leftOut([{ ...bad, code: null }, orderOf('Medication/med')])).toEqual([
      because([0, 'code'], referred, 'null'),
    ]);
  });

  it('a referenced Medication without a code names no drug: it cannot be read, so it is never "no"', () => {
    const value = mapFacts([base, orderOf('Medication/med'), { resourceType: 'Medication', id: 'med' }], {
      closedWorld: true,
    });
    expect(value.facts.anticoagulantTherapy).toBeUndefined();
    expect(value.notes.map((note) => note.code)).toContain('unreadable-code');
  });
});
