// A resource left out for a field that cannot be read: the exact note, with the field's path
// inside the resource (in a Bundle too), or in a resource it refers to, and the facts it names.
import { describe, expect, it } from 'vitest';
import type { FhirFacts } from '../../src/fhir/index.js';
import { condition, mapFacts, medicationRequest, patient, RXNORM, SNOMED } from './fixtures/builders.js';

const base = patient('1950-01-01');
const malformedNotes = (value: FhirFacts) => value.notes.filter((note) => note.code === 'malformed-resource');

describe('the path of the field that cannot be read', () => {
  it('in a Bundle, a field of a Medication that an order refers to is named as such, from the top', () => {
    const order = {
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'active',
      medicationReference: { reference: 'urn:uuid:med' },
      subject: { reference: 'Patient/p1' },
    };
    const record = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: base },
        { fullUrl: 'urn:uuid:med', resource: { resourceType: 'Medication', code: 'warfarin' } },
        { resource: order },
      ],
    };
    const value = mapFacts(record, { closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBeUndefined();
    expect(malformedNotes(value)).toStrictEqual([
      {
        code: 'malformed-resource',
        message:
          'MedicationRequest is left out: entry.1.resource.code (a resource it refers to) cannot be read, expected a CodeableConcept (an object), got the string "warfarin"; anticoagulant therapy stays unrecorded',
        resource: { resourceType: 'MedicationRequest', id: 'm1', path: ['entry', 2, 'resource'] },
        path: ['entry', 1, 'resource', 'code'],
      },
    ]);
  });

  it('a field of a dosage is named from the resource, with its index', () => {
    const order = {
      ...medicationRequest('m1', RXNORM, '855332'),
      dosageInstruction: [{ timing: { repeat: { boundsPeriod: { start: 'soon' } } } }],
    };
    expect(malformedNotes(mapFacts([base, order]))).toStrictEqual([
      {
        code: 'malformed-resource',
        message:
          'MedicationRequest is left out: dosageInstruction.0.timing.repeat.boundsPeriod.start cannot be read, expected a FHIR dateTime, got the string "soon"; anticoagulant therapy stays unrecorded',
        resource: { resourceType: 'MedicationRequest', id: 'm1', path: [1] },
        path: [1, 'dosageInstruction', 0, 'timing', 'repeat', 'boundsPeriod', 'start'],
      },
    ]);
  });

  it('a dosage that is not an object is named, and what came instead', () => {
    const order = { ...medicationRequest('m1', RXNORM, '855332'), dosageInstruction: [5] };
    expect(malformedNotes(mapFacts([base, order]))[0]?.message).toBe(
      'MedicationRequest is left out: dosageInstruction.0 cannot be read, expected an object, got the number 5; anticoagulant therapy stays unrecorded',
    );
  });

  it('a meta that is not an object is named, and what came instead', () => {
    const order = { ...medicationRequest('m1', RXNORM, '855332'), meta: 'today' };
    expect(malformedNotes(mapFacts([base, order]))[0]?.message).toBe(
      'MedicationRequest is left out: meta cannot be read, expected an object (an object), got the string "today"; anticoagulant therapy stays unrecorded',
    );
  });
});

describe('the facts a resource left out names', () => {
  it('none, when its code is read and decides no fact: a condition that only names a region', () => {
    const pain = { ...condition('c1', SNOMED, '278860009'), onsetDateTime: 'yesterday' };
    const value = mapFacts([base, pain], { closedWorld: true });
    expect(value.facts.oncologicalDisease).toBe(false);
    expect(value.regions).toEqual([]);
    expect(malformedNotes(value)).toStrictEqual([
      {
        code: 'malformed-resource',
        message:
          'Condition is left out: onsetDateTime cannot be read, expected a FHIR dateTime, got the string "yesterday"',
        resource: { resourceType: 'Condition', id: 'c1', path: [1] },
        path: [1, 'onsetDateTime'],
      },
    ]);
  });
});

describe('a medication reference to a contained Medication', () => {
  it('in an order without contained resources is not resolved, and no field is wrong', () => {
    const order = {
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'active',
      medicationReference: { reference: '#med' },
      subject: { reference: 'Patient/p1' },
    };
    expect(mapFacts([base, order]).notes.map((note) => note.code)).toEqual(['medication-unresolved']);
  });
});
