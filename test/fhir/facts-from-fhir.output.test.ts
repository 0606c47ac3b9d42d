// The whole result of factsFromFhir: the issues that stop a mapping, and the notes about the
// input as a whole (entries without resources, types not read, the closed world), compared whole.
import { describe, expect, it } from 'vitest';
import { factsFromFhir } from '../../src/fhir/index.js';
import { bundle, mapFacts, ON, patient } from './fixtures/builders.js';

describe('issues', () => {
  it('a value whose properties cannot be read is one issue at the root', () => {
    const hostile = {
      get resourceType(): string {
        throw new Error('no');
      },
    };
    expect(factsFromFhir(hostile, { on: ON })).toEqual({
      ok: false,
      issues: [{ code: 'unreadable', path: [], message: 'the input could not be read as JSON data' }],
    });
  });

  it('an input that is not made of resources is the only issue; bad parts inside it are notes', () => {
    expect(factsFromFhir('oops', { on: ON })).toEqual({
      ok: false,
      issues: [
        {
          code: 'not-an-object',
          path: [],
          message: 'expected a FHIR Bundle or an array of resources, got the string "oops"',
        },
      ],
    });
    const input = { resourceType: 'Bundle', entry: ['oops', { resource: patient('1970-02-30') }] };
    const result = factsFromFhir(input, { on: ON });
    expect(result.ok && result.value.notes.map((note) => [note.code, note.path])).toEqual([
      ['malformed-resource', ['entry', 1, 'resource', 'birthDate']],
      ['malformed-entry', ['entry', 0]],
    ]);
  });
});

describe('notes about the input', () => {
  it('a clean record has no notes at all', () => {
    const value = mapFacts(bundle([patient('1970-01-01')]));
    expect(value).toStrictEqual({
      facts: { ageYears: 56 },
      evidence: { ageYears: [{ resourceType: 'Patient', id: 'p1', path: ['entry', 0, 'resource'] }] },
      notes: [],
      regions: [],
    });
  });

  it('counts the Bundle entries without a resource, in the singular and the plural', () => {
    const withEmpty = (count: number) => ({
      resourceType: 'Bundle',
      entry: [{ resource: patient('1970-01-01') }, ...Array.from({ length: count }, () => ({ request: {} }))],
    });
    expect(mapFacts(withEmpty(1)).notes).toStrictEqual([
      { code: 'entry-without-resource', message: '1 Bundle entry has no resource and was skipped' },
    ]);
    expect(mapFacts(withEmpty(2)).notes).toStrictEqual([
      { code: 'entry-without-resource', message: '2 Bundle entries have no resource and were skipped' },
    ]);
  });

  it('counts the resources of types not read, the most frequent first, then by name', () => {
    const input = [
      patient('1970-01-01'),
      { resourceType: 'Procedure' },
      { resourceType: 'Encounter' },
      { resourceType: 'Claim' },
      { resourceType: 'Encounter' },
      { resourceType: 'Medication', id: 'unused' },
    ];
    expect(mapFacts(input).notes).toStrictEqual([
      {
        code: 'not-read',
        message: 'Resources of types the mapping does not read: Encounter (2), Claim (1), Procedure (1)',
      },
    ]);
  });

  it('in a closed world, names each fact set to false, in the order of the facts', () => {
    const notes = mapFacts([patient('1970-01-01')], { closedWorld: true }).notes;
    const words = [
      ['oncologicalDisease', 'oncological disease'],
      ['pregnant', 'pregnancy'],
      ['coagulationDisorder', 'coagulation disorder'],
      ['acuteInfection', 'acute infection'],
      ['acuteMentalIllness', 'acute mental illness'],
      ['psychotropicInfluence', 'influence of a psychotropic substance'],
      ['anticoagulantTherapy', 'anticoagulant therapy'],
      ['pacemaker', 'an implanted electrical device'],
      ['caudaEquinaSyndrome', 'cauda equina syndrome'],
      ['historyOfCancer', 'a history of cancer'],
    ];
    expect(notes).toStrictEqual(
      words.map(([fact, name]) => ({
        code: 'closed-world',
        message: `No current record of ${name}: set to false (closed world)`,
        fact,
      })),
    );
  });
});
