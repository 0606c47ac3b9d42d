import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/_internal/result.js';
import { parseFhirTime } from '../../src/fhir/fhir-time.js';
import type { FhirPath } from '../../src/fhir/index.js';
import { collectResources, FieldReader, readConcept, refOf } from '../../src/fhir/read-input.js';

const SNOMED = 'http://snomed.info/sct';

function collect(input: unknown) {
  const issues: Issue[] = [];
  const { found, unreadable, entriesWithout } = collectResources(input, issues);
  return { found, issues, unreadable, without: entriesWithout };
}

function reader(object: Record<string, unknown>) {
  const issues: Issue[] = [];
  return { read: new FieldReader(issues, ['entry', 0, 'resource'], object), issues };
}

const at = (code: string, path: FhirPath, message: string) => ({ code, path, message });

/** A Bundle holding `inner` as its only entry's resource, `levels` deep. */
function nested(levels: number, inner: unknown): unknown {
  let value = inner;
  for (let level = 0; level < levels; level++) value = { resourceType: 'Bundle', entry: [{ resource: value }] };
  return value;
}

describe('the reference to a resource', () => {
  it('has the id only when the id is a non-empty string', () => {
    expect(refOf('Condition', { id: 'c1' }, [2])).toEqual({ resourceType: 'Condition', id: 'c1', path: [2] });
    expect(refOf('Condition', { id: '' }, [2])).toEqual({ resourceType: 'Condition', path: [2] });
    expect(refOf('Condition', { id: 7 }, [2])).toEqual({ resourceType: 'Condition', path: [2] });
    expect(refOf('Condition', {}, [])).toEqual({ resourceType: 'Condition', path: [] });
  });
});

describe('collecting the resources of the input', () => {
  const part = (path: FhirPath, message: string) => ({ path, message });

  it('refuses only an input that is neither an object nor an array', () => {
    expect(collect(5).issues).toEqual([
      at('not-an-object', [], 'expected a FHIR Bundle or an array of resources, got the number 5'),
    ]);
  });

  it('collects an item that is not an object as unreadable, at its own path', () => {
    expect(collect([5])).toEqual({
      found: [],
      issues: [],
      unreadable: [part([0], 'expected a FHIR resource (an object), got the number 5')],
      without: [],
    });
  });

  it('collects a resource without a resourceType string as unreadable', () => {
    expect(collect([{ resourceType: '' }, { id: 'x' }]).unreadable).toEqual([
      part([0, 'resourceType'], 'expected a resourceType string, got the string ""'),
      part([1, 'resourceType'], 'expected a resourceType string, got none'),
    ]);
  });

  it('reads Bundles nested up to four deep and leaves a fifth out', () => {
    const patient = { resourceType: 'Patient', id: 'p1' };
    const four = collect(nested(4, patient));
    const path = ['entry', 0, 'resource', 'entry', 0, 'resource', 'entry', 0, 'resource', 'entry', 0, 'resource'];
    expect(four.unreadable).toEqual([]);
    expect(four.found).toEqual([
      {
        resource: patient,
        type: 'Patient',
        path,
        fullUrl: undefined,
        ref: { resourceType: 'Patient', id: 'p1', path },
        bundleTimestamp: undefined,
      },
    ]);
    const five = collect(nested(5, patient));
    expect(five.found).toEqual([]);
    expect(five.unreadable).toEqual([part(path, 'Bundles nested more than 4 deep are not read')]);
  });

  it('leaves out entries that are not an array of objects', () => {
    expect(collect({ resourceType: 'Bundle', entry: {} }).unreadable).toEqual([
      part(['entry'], 'expected an array of entries, got a value of type object'),
    ]);
    expect(collect({ resourceType: 'Bundle', entry: ['x'] }).unreadable).toEqual([
      part(['entry', 0], 'expected a Bundle entry (an object), got the string "x"'),
    ]);
  });

  it('keeps a string fullUrl and the Bundle timestamp, and leaves out an entry with any other fullUrl', () => {
    const patient = { resourceType: 'Patient' };
    const path = ['entry', 0, 'resource'];
    const ref = { resourceType: 'Patient', path };
    expect(
      collect({
        resourceType: 'Bundle',
        timestamp: '2026-11-24T10:00:00Z',
        entry: [{ fullUrl: 'urn:uuid:1', resource: patient }],
      }).found,
    ).toEqual([
      {
        resource: patient,
        type: 'Patient',
        path,
        fullUrl: 'urn:uuid:1',
        ref,
        bundleTimestamp: parseFhirTime('2026-11-24T10:00:00Z'),
      },
    ]);
    expect(collect({ resourceType: 'Bundle', entry: [{ fullUrl: 5, resource: patient }] })).toEqual({
      found: [],
      issues: [],
      unreadable: [part(['entry', 0, 'fullUrl'], 'expected a string, got the number 5')],
      without: [],
    });
    expect(collect({ resourceType: 'Bundle', timestamp: 5 }).unreadable).toEqual([
      part(['timestamp'], 'expected an instant, got the number 5'),
    ]);
  });

  it('lists the entries without a resource', () => {
    expect(collect({ resourceType: 'Bundle', entry: [{ fullUrl: 'urn:uuid:1' }] })).toEqual({
      found: [],
      issues: [],
      unreadable: [],
      without: [['entry', 0]],
    });
  });
});

describe('reading the fields of a resource', () => {
  it('reads a string, and refuses any other type at the field path', () => {
    const { read, issues } = reader({ status: 'final', id: 3 });
    expect(read.string('status')).toBe('final');
    expect(read.string('absent')).toBeUndefined();
    expect(read.string('id')).toBeUndefined();
    expect(issues).toEqual([at('invalid-type', ['entry', 0, 'resource', 'id'], 'expected a string, got the number 3')]);
  });

  it('tells whether a field is present', () => {
    const { read } = reader({ abatementAge: { value: 40 }, abatementString: undefined });
    expect(read.has('abatementAge')).toBe(true);
    expect(read.has('abatementString')).toBe(false);
    expect(read.has('abatementRange')).toBe(false);
  });

  it('reads the reference of a Reference, with the path of a bad one', () => {
    const { read, issues } = reader({
      subject: { reference: 'Patient/p1' },
      performer: 'Practitioner/x',
      asserter: { reference: 5 },
    });
    expect(read.reference('subject')).toBe('Patient/p1');
    expect(read.reference('performer')).toBeUndefined();
    expect(read.reference('asserter')).toBeUndefined();
    expect(read.reference('recorder')).toBeUndefined();
    expect(issues).toEqual([
      at(
        'invalid-type',
        ['entry', 0, 'resource', 'performer'],
        'expected a Reference (an object), got the string "Practitioner/x"',
      ),
      at('invalid-type', ['entry', 0, 'resource', 'asserter', 'reference'], 'expected a string, got the number 5'),
    ]);
  });

  it('reads a date or a dateTime, saying which form was expected', () => {
    const { read, issues } = reader({
      birthDate: '2026-11-24T10:00:00Z',
      issued: '2026-11-24T10:00',
      recordedDate: '2026',
    });
    expect(read.time('birthDate', true)).toBeUndefined();
    expect(read.time('issued')).toBeUndefined();
    expect(read.time('recordedDate')?.firstDay).toBe(Date.UTC(2026, 0, 1) / 86_400_000);
    expect(issues).toEqual([
      at(
        'invalid-date',
        ['entry', 0, 'resource', 'birthDate'],
        'expected YYYY, YYYY-MM or YYYY-MM-DD, got the string "2026-11-24T10:00:00Z"',
      ),
      at(
        'invalid-date',
        ['entry', 0, 'resource', 'issued'],
        'expected a FHIR dateTime, got the string "2026-11-24T10:00"',
      ),
    ]);
  });

  it('reads a Period, with the paths of its bad parts', () => {
    const { read, issues } = reader({
      onsetPeriod: { start: '2026-11-01', end: '2026-11-30' },
      abatementPeriod: '2026',
      effectivePeriod: { start: '2026-13' },
    });
    expect(read.period('onsetPeriod')).toMatchObject({
      firstDay: Date.UTC(2026, 10, 1) / 86_400_000,
      lastDay: Date.UTC(2026, 10, 30) / 86_400_000,
    });
    expect(read.period('abatementPeriod')).toBeUndefined();
    expect(read.period('effectivePeriod')).toBeUndefined();
    expect(read.period('absent')).toBeUndefined();
    expect(issues).toEqual([
      at(
        'invalid-type',
        ['entry', 0, 'resource', 'abatementPeriod'],
        'expected a Period (an object), got the string "2026"',
      ),
      at(
        'invalid-date',
        ['entry', 0, 'resource', 'effectivePeriod', 'start'],
        'expected a FHIR dateTime, got the string "2026-13"',
      ),
    ]);
  });

  it('reads an empty Period as no Period', () => {
    const { read, issues } = reader({ effectivePeriod: {} });
    expect(read.periodEnds('effectivePeriod')).toBeUndefined();
    expect(issues).toEqual([]);
  });

  it('reads a nested object, saying what was expected of one that is not', () => {
    const { read, issues } = reader({ meta: { lastUpdated: '2026-11-24' }, dispenseRequest: 5 });
    expect(read.object('meta')?.string('lastUpdated')).toBe('2026-11-24');
    expect(read.object('dispenseRequest')).toBeUndefined();
    expect(read.object('absent')).toBeUndefined();
    expect(issues).toEqual([
      at(
        'invalid-type',
        ['entry', 0, 'resource', 'dispenseRequest'],
        'expected an object (an object), got the number 5',
      ),
    ]);
  });

  it('reads the objects of an array, each at its index, and refuses what is not an array of objects', () => {
    const { read, issues } = reader({ dosageInstruction: [{ text: 'daily' }, 'x', { text: 'at night' }] });
    const dosages = read.objects('dosageInstruction');
    expect(dosages.map((dosage) => dosage.string('text'))).toEqual(['daily', 'at night']);
    expect(read.objects('absent')).toEqual([]);
    const notArray = reader({ dosageInstruction: 'daily' });
    expect(notArray.read.objects('dosageInstruction')).toEqual([]);
    expect([...issues, ...notArray.issues]).toEqual([
      at('invalid-type', ['entry', 0, 'resource', 'dosageInstruction', 1], 'expected an object, got the string "x"'),
      at('invalid-type', ['entry', 0, 'resource', 'dosageInstruction'], 'expected an array, got the string "daily"'),
    ]);
    const nested = reader({ dosageInstruction: [{ text: 5 }, { text: 6 }] });
    for (const dosage of nested.read.objects('dosageInstruction')) dosage.string('text');
    expect(nested.issues.map((found) => found.path)).toEqual([
      ['entry', 0, 'resource', 'dosageInstruction', 0, 'text'],
      ['entry', 0, 'resource', 'dosageInstruction', 1, 'text'],
    ]);
  });

  it('lists the contained resources that are objects', () => {
    const medication = { resourceType: 'Medication', id: 'm' };
    const none = reader({});
    expect(none.read.contained()).toEqual([]);
    expect(none.issues).toEqual([]);
    expect(reader({ contained: [5, medication, null] }).read.contained()).toEqual([medication]);
    const bad = reader({ contained: medication });
    expect(bad.read.contained()).toEqual([]);
    expect(bad.issues).toEqual([
      at('invalid-type', ['entry', 0, 'resource', 'contained'], 'expected an array, got a value of type object'),
    ]);
  });

  it('reads a CodeableConcept field, undefined when absent', () => {
    const { read } = reader({ code: { coding: [{ system: SNOMED, code: '1' }] } });
    expect(read.concept('code')).toEqual([{ system: SNOMED, code: '1' }]);
    expect(read.concept('bodySite')).toBeUndefined();
  });
});

describe('reading a CodeableConcept', () => {
  function concept(value: unknown) {
    const issues: Issue[] = [];
    return { codings: readConcept(value, ['code'], issues), issues };
  }

  it('keeps the codings that have both a system and a code', () => {
    expect(concept({ coding: [{ system: SNOMED }, { code: '1' }, { system: SNOMED, code: '2' }] })).toEqual({
      codings: [{ system: SNOMED, code: '2' }],
      issues: [],
    });
    expect(concept({ text: 'back pain' })).toEqual({ codings: [], issues: [] });
  });

  it('refuses a concept that is not an object, a coding that is not an array, and a coding that is not an object', () => {
    expect(concept('M54.5')).toEqual({
      codings: [],
      issues: [at('invalid-type', ['code'], 'expected a CodeableConcept (an object), got the string "M54.5"')],
    });
    expect(concept({ coding: { code: '1' } })).toEqual({
      codings: [],
      issues: [at('invalid-type', ['code', 'coding'], 'expected an array of codings, got a value of type object')],
    });
    expect(concept({ coding: ['1', { system: SNOMED, code: '2' }] })).toEqual({
      codings: [{ system: SNOMED, code: '2' }],
      issues: [at('invalid-type', ['code', 'coding', 0], 'expected a Coding (an object), got the string "1"')],
    });
  });
});
