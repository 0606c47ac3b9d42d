// The age from Patient.birthDate: its bounds, partial dates, the notes that explain an age left
// unrecorded (compared whole, message and all), and how the patients of one input are told apart.
import { describe, expect, it } from 'vitest';
import { factsFromFhir } from '../../src/fhir/index.js';
import { condition, mapFacts, ON, patient, SNOMED } from './fixtures/builders.js';

const patientRef = { resourceType: 'Patient', id: 'p1', path: [0] };

function ageNote(code: string, message: string) {
  return { code, message, fact: 'ageYears', resource: patientRef };
}

describe('age from a full birth date', () => {
  it('is 0 for a patient born on the reference date, with the Patient as evidence and no note', () => {
    const value = mapFacts([patient(ON)]);
    expect(value.facts).toEqual({ ageYears: 0 });
    expect(value.evidence).toEqual({ ageYears: [patientRef] });
    expect(value.notes).toStrictEqual([]);
  });

  it('is not recorded for a birth date after the reference date, with a note that names both dates', () => {
    const value = mapFacts([patient('2026-11-25')]);
    expect(value.facts).toEqual({});
    expect(value.evidence).toEqual({});
    expect(value.notes).toStrictEqual([
      ageNote(
        'birth-date-after-reference',
        'The birth date 2026-11-25 is after the reference date 2026-11-24: the age is not recorded',
      ),
    ]);
  });

  it('is a data-entry error from 150 years on, and recorded at 149', () => {
    expect(mapFacts([patient('1876-11-25')]).facts).toEqual({ ageYears: 149 });
    const value = mapFacts([patient('1876-11-24')]);
    expect(value.facts).toEqual({});
    expect(value.notes).toStrictEqual([
      ageNote(
        'implausible-age',
        'The birth date 1876-11-24 gives an age of 150 or more years on 2026-11-24: the age is not recorded',
      ),
    ]);
  });
});

describe('age from a partial birth date', () => {
  const sameSide = (year: string, youngest: number, oldest: number) =>
    ageNote(
      'partial-birth-date',
      `The birth date ${year} is partial: on 2026-11-24 the age is ${youngest} to ${oldest} years, on the same side of every age bound; recorded as ${youngest}`,
    );

  it('is recorded as the lowest age when both possible ages are under the lower bound', () => {
    const value = mapFacts([patient('2024')]);
    expect(value.facts).toEqual({ ageYears: 1 });
    expect(value.notes).toStrictEqual([sameSide('2024', 1, 2)]);
  });

  it('is recorded when the lowest possible age equals the lower bound (not under it)', () => {
    const value = mapFacts([patient('2022')]);
    expect(value.facts).toEqual({ ageYears: 3 });
    expect(value.notes).toStrictEqual([sameSide('2022', 3, 4)]);
  });

  it('is recorded when the highest possible age equals the upper bound (not over it)', () => {
    const value = mapFacts([patient('1951')]);
    expect(value.facts).toEqual({ ageYears: 74 });
    expect(value.notes).toStrictEqual([sameSide('1951', 74, 75)]);
  });

  it('is recorded as the lowest age when both possible ages are over the upper bound', () => {
    const value = mapFacts([patient('1940')]);
    expect(value.facts).toEqual({ ageYears: 85 });
    expect(value.notes).toStrictEqual([sameSide('1940', 85, 86)]);
  });

  it('is not recorded when the possible ages straddle a bound, with a note naming the bounds', () => {
    const value = mapFacts([patient('1950')]);
    expect(value.facts).toEqual({});
    expect(value.notes).toStrictEqual([
      ageNote(
        'partial-birth-date',
        'The birth date 1950 is partial: on 2026-11-24 the age is 75 to 76 years, across an age bound (under 3, over 75), so it is not recorded',
      ),
    ]);
  });

  it('names every pair of bounds the possible ages straddle, in the order given', () => {
    const bounds = [
      { under: 3, over: 75 },
      { under: 18, over: 65 },
      { under: 76, over: 90 },
    ];
    const value = mapFacts([patient('1950')], { ageBounds: bounds });
    expect(value.facts).toEqual({});
    expect(value.notes).toStrictEqual([
      ageNote(
        'partial-birth-date',
        'The birth date 1950 is partial: on 2026-11-24 the age is 75 to 76 years, across an age bound (under 3, over 75; under 76, over 90), so it is not recorded',
      ),
    ]);
  });
});

describe('age notes', () => {
  it('without a Patient: a note about the age, with no resource', () => {
    expect(mapFacts([]).notes).toStrictEqual([
      { code: 'no-patient', message: 'No Patient resource: the age is not recorded', fact: 'ageYears' },
    ]);
  });

  it('without a birth date: a note with the Patient', () => {
    expect(mapFacts([patient()]).notes).toStrictEqual([
      ageNote('no-birth-date', 'The Patient has no birth date: the age is not recorded'),
    ]);
  });

  it('conflicting birth dates of the same patient are listed in the note', () => {
    const value = mapFacts([patient('1970-01-01'), patient('1971-01-01')]);
    expect(value.facts).toEqual({});
    expect(value.notes).toStrictEqual([
      ageNote(
        'conflicting-birth-dates',
        'The Patient has conflicting birth dates (1970-01-01, 1971-01-01): the age is not recorded',
      ),
    ]);
  });

  it('a copy of the Patient without a birth date does not conflict with one that has it', () => {
    for (const input of [
      [patient('1970-01-01'), patient()],
      [patient(), patient('1970-01-01')],
    ]) {
      const value = mapFacts(input);
      expect(value.facts).toEqual({ ageYears: 56 });
      expect(value.notes).toStrictEqual([]);
    }
  });

  it('a birth date that is not a string leaves the age unrecorded, with a note at its path', () => {
    const result = factsFromFhir([{ resourceType: 'Patient', id: 'p1', birthDate: 19700101 }], { on: ON });
    expect(result.ok && result.value.facts).toEqual({});
    expect(result.ok && result.value.notes).toEqual([
      {
        code: 'malformed-resource',
        message:
          "The Patient's birthDate cannot be read (expected a string, got the number 19700101): the age is not recorded",
        fact: 'ageYears',
        resource: { resourceType: 'Patient', id: 'p1', path: [0] },
        path: [0, 'birthDate'],
      },
    ]);
  });
});

describe('patients of one input', () => {
  it('two patients are refused with the path of the second', () => {
    const result = factsFromFhir([patient('1970-01-01', 'a'), patient('1970-01-01', 'b')], { on: ON });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'multiple-patients',
          path: [1],
          message: 'the input holds more than one patient; map one patient at a time',
        },
      ],
    });
  });

  it('a Patient without an id is never the same as one whose id looks like its path', () => {
    const input = {
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'Patient', id: 'entry.1.resource', birthDate: '1970-01-01' } },
        { resource: { resourceType: 'Patient', birthDate: '1980-01-01' } },
      ],
    };
    const result = factsFromFhir(input, { on: ON });
    expect(result.ok ? [] : result.issues.map((found) => [found.code, found.path])).toEqual([
      ['multiple-patients', ['entry', 1, 'resource']],
    ]);
  });

  it('a record about a patient is read when there is no Patient, or the Patient has no id', () => {
    const cancer = condition('c1', SNOMED, '254837009', { subject: 'Patient/x' });
    expect(mapFacts([cancer]).facts).toEqual({ oncologicalDisease: true, historyOfCancer: true });
    const anonymous = { resourceType: 'Patient', birthDate: '1970-01-01' };
    expect(mapFacts([anonymous, cancer]).facts).toEqual({
      ageYears: 56,
      oncologicalDisease: true,
      historyOfCancer: true,
    });
  });

  it('a subject is another patient only when it is a Patient reference with another id', () => {
    const cancer = (subject: string | undefined) => {
      const { subject: _subject, ...bare } = condition('c1', SNOMED, '254837009');
      return subject === undefined ? bare : { ...bare, subject: { reference: subject } };
    };
    const counted = (subject: string | undefined) =>
      mapFacts([patient('1970-01-01'), cancer(subject)]).facts.oncologicalDisease === true;
    expect(counted(undefined)).toBe(true);
    expect(counted('Group/g1')).toBe(true);
    expect(counted('Patient/p1/_history/3')).toBe(true);
    expect(counted('Patient/other/_history/12')).toBe(false);
    expect(counted('https://ehr.example/fhir/Patient/other')).toBe(false);
    // Not a Patient reference: a trailing segment that is not a version.
    expect(counted('Patient/other/extra')).toBe(true);
    expect(counted('urn:uuid:3f1c')).toBe(true);
  });
});
