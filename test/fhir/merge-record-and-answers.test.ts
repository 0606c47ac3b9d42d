import { describe, expect, test } from 'vitest';
import {
  type AnsweredFacts,
  type FactAnswer,
  type FhirFacts,
  factsFromFhir,
  mergeRecordAndAnswers,
} from '../../src/fhir/index.js';
import { type PatientFacts, screen } from '../../src/index.js';

function answers(
  facts: PatientFacts & Record<string, boolean | number | undefined>,
  response: Partial<AnsweredFacts['response']> = {},
): AnsweredFacts<'recentSpinalSurgery'> {
  const answered: Record<string, FactAnswer> = {};
  Object.entries(facts).forEach(([fact, value], index) => {
    if (value === undefined) return;
    answered[fact] = {
      linkId: fact,
      path: ['item', index, 'answer', 0],
      value,
      ...(response.authored === undefined ? {} : { authored: response.authored }),
      ...(response.author === undefined ? {} : { author: response.author }),
      ...(response.id === undefined ? {} : { responseId: response.id }),
    };
  });
  return {
    facts: facts as AnsweredFacts<'recentSpinalSurgery'>['facts'],
    answers: answered,
    response: { status: 'completed', ...response },
    notes: [],
  };
}

const pregnancyCondition = { resourceType: 'Condition', id: 'preg-1', path: ['entry', 1, 'resource'] } as const;
const record: FhirFacts = {
  facts: { ageYears: 34, pregnant: true },
  evidence: {
    ageYears: [{ resourceType: 'Patient', id: 'p1', path: ['entry', 0, 'resource'] }],
    pregnant: [pregnancyCondition],
  },
  notes: [],
  regions: [],
};

describe('mergeRecordAndAnswers', () => {
  test('the record fills what the clinician did not answer, and the answers what the record lacks', () => {
    const merged = mergeRecordAndAnswers(record, answers({ oncologicalDisease: false, epilepsy: true }, { id: 'qr1' }));
    expect(merged.facts).toEqual({ ageYears: 34, pregnant: true, oncologicalDisease: false, epilepsy: true });
    // Shipped facts in their order, whatever the order of the sources.
    expect(Object.keys(merged.sources)).toEqual(['ageYears', 'oncologicalDisease', 'pregnant', 'epilepsy']);
    expect(merged.sources.pregnant).toEqual([{ from: 'record', value: true, resources: [pregnancyCondition] }]);
    expect(merged.sources.oncologicalDisease).toEqual([
      {
        from: 'answer',
        value: false,
        answer: { linkId: 'oncologicalDisease', path: ['item', 0, 'answer', 0], value: false, responseId: 'qr1' },
      },
    ]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.notes).toEqual([]);
    expect(Object.isFrozen(merged.facts)).toBe(true);
  });

  test('agreement keeps every source', () => {
    const merged = mergeRecordAndAnswers(record, answers({ pregnant: true, ageYears: 34 }));
    expect(merged.facts).toEqual({ ageYears: 34, pregnant: true });
    expect(merged.sources.pregnant?.map((source) => source.from)).toEqual(['record', 'answer']);
    expect(merged.sources.ageYears?.map((source) => source.from)).toEqual(['record', 'answer']);
  });

  test('the record says pregnant, the clinician says not: a named conflict, the fact unrecorded, the screening asks again', () => {
    const merged = mergeRecordAndAnswers(
      record,
      answers({ pregnant: false }, { id: 'qr7', author: 'Practitioner/dr-1', authored: '2026-12-02T10:00:00Z' }),
    );
    expect(merged.facts).toEqual({ ageYears: 34 });
    expect(merged.sources).not.toHaveProperty('pregnant');
    expect(merged.conflicts).toHaveLength(1);
    expect(merged.conflicts[0]?.fact).toBe('pregnant');
    expect(merged.conflicts[0]?.sources.map((source) => [source.from, source.value])).toEqual([
      ['record', true],
      ['answer', false],
    ]);
    expect(merged.conflicts[0]?.message).toBe(
      'pregnant: the record says true (Condition/preg-1); answered false in QuestionnaireResponse/qr7 by Practitioner/dr-1 on 2026-12-02T10:00:00Z. Left unrecorded until a clinician resolves it',
    );
    const screening = screen(merged.facts);
    expect(screening.status).toBe('incomplete');
    expect(screening.missing).toContain('pregnant');
    expect(screening.contraindications).not.toContain('pregnancy');
  });

  test('two answers that disagree are a conflict too; an age is compared as a number', () => {
    const merged = mergeRecordAndAnswers(undefined, [
      answers({ epilepsy: true, ageYears: 50 }),
      answers({ epilepsy: false, ageYears: 50 }),
    ]);
    expect(merged.facts).toEqual({ ageYears: 50 });
    expect(merged.conflicts.map((conflict) => conflict.fact)).toEqual(['epilepsy']);
    const ages = mergeRecordAndAnswers(record, answers({ ageYears: 35 }));
    expect(ages.conflicts.map((conflict) => conflict.fact)).toEqual(['ageYears']);
    expect(ages.facts).toEqual({ pregnant: true });
  });

  test('a closed-world "no" is a source without resources, and conflicts with a "yes"', () => {
    const closed: FhirFacts = { facts: { epilepsy: false }, evidence: {}, notes: [], regions: [] };
    const merged = mergeRecordAndAnswers(closed, answers({ epilepsy: true }));
    expect(merged.conflicts[0]?.message).toBe(
      'epilepsy: the record says false (closed world: nothing recorded); answered true. Left unrecorded until a clinician resolves it',
    );
  });

  test('a resolution settles a conflict with its reason, and keeps what it overrode for the audit', () => {
    const resolution = {
      fact: 'pregnant',
      value: false,
      reason: 'Delivered in March; the record is out of date',
      by: 'Practitioner/dr-1',
      on: '2026-12-02',
    };
    const merged = mergeRecordAndAnswers(record, answers({ pregnant: false }), { resolutions: [resolution] });
    expect(merged.facts).toEqual({ ageYears: 34, pregnant: false });
    expect(merged.conflicts).toEqual([]);
    expect(merged.sources.pregnant?.map((source) => [source.from, source.value])).toEqual([
      ['resolution', false],
      ['record', true],
      ['answer', false],
    ]);
    expect(merged.sources.pregnant?.[0]).toEqual({ from: 'resolution', value: false, resolution });
    expect(merged.notes).toEqual([
      {
        code: 'resolved',
        message: 'pregnant: the sources disagreed; settled as false (Delivered in March; the record is out of date)',
        fact: 'pregnant',
      },
    ]);
  });

  test('a resolution where nothing disagrees changes nothing, and says so', () => {
    const merged = mergeRecordAndAnswers(record, answers({ pregnant: true }), {
      resolutions: [
        { fact: 'pregnant', value: false, reason: 'mistaken' },
        { fact: 'epilepsy', value: false, reason: 'nothing records it' },
      ],
    });
    expect(merged.facts).toEqual({ ageYears: 34, pregnant: true });
    expect(merged.notes.map((found) => [found.code, found.fact, found.message])).toEqual([
      ['resolution-unused', 'pregnant', 'pregnant: its sources agree, so the resolution changes nothing'],
      ['resolution-unused', 'epilepsy', 'epilepsy: nothing records it, so the resolution changes nothing'],
    ]);
  });

  test('a resolution without a reason, or with a value of the wrong type, is refused', () => {
    expect(() =>
      mergeRecordAndAnswers(record, [], { resolutions: [{ fact: 'pregnant', value: false, reason: ' ' }] }),
    ).toThrow(new TypeError('mergeRecordAndAnswers: the resolution of pregnant needs a reason'));
    expect(() =>
      mergeRecordAndAnswers(record, [], { resolutions: [{ fact: 'pregnant', value: 1, reason: 'x' }] }),
    ).toThrow(new TypeError('mergeRecordAndAnswers: the resolution of pregnant needs true or false'));
    expect(() =>
      mergeRecordAndAnswers(record, [], { resolutions: [{ fact: 'ageYears', value: 34.5, reason: 'x' }] }),
    ).toThrow(new TypeError('mergeRecordAndAnswers: the resolution of ageYears needs a whole number of years'));
    expect(() =>
      mergeRecordAndAnswers(record, [], { resolutions: [{ fact: 'ageYears', value: true, reason: 'x' }] }),
    ).toThrow('needs a whole number of years');
    expect(() => mergeRecordAndAnswers(record, [], { resolutions: [{ fact: 'x', value: true } as never] })).toThrow(
      'needs a reason',
    );
  });

  test('another patient’s answers never join the record', () => {
    const foreign = answers({ pregnant: false, epilepsy: false }, { subject: 'Patient/p2' });
    const own = answers({ oncologicalDisease: false }, { subject: 'https://ehr.example/fhir/Patient/p1' });
    const merged = mergeRecordAndAnswers(record, [foreign, own], { patientId: 'p1' });
    expect(merged.facts).toEqual({ ageYears: 34, oncologicalDisease: false, pregnant: true });
    expect(merged.notes).toEqual([
      {
        code: 'other-patient',
        message: 'The answers at 0 are about Patient/p2, not Patient/p1: set aside',
        answers: 0,
      },
    ]);
    // Without the patient's id nothing can be checked: both join.
    expect(mergeRecordAndAnswers(undefined, [foreign]).facts).toEqual({ pregnant: false, epilepsy: false });
    // A response without a subject is not another patient's.
    expect(mergeRecordAndAnswers(undefined, [answers({ epilepsy: true })], { patientId: 'p1' }).facts).toEqual({
      epilepsy: true,
    });
  });

  test('a clinic’s own facts come after the shipped ones, in the order first seen', () => {
    const merged = mergeRecordAndAnswers(
      undefined,
      answers({ recentSpinalSurgery: true, nightPain: false, epilepsy: false }),
    );
    expect(Object.keys(merged.facts)).toEqual(['epilepsy', 'nightPain', 'recentSpinalSurgery']);
  });

  test('with a record read by factsFromFhir: the answers complete it to an all-clear whose every fact has a source', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: '1972-05-01' } }],
    };
    const read = factsFromFhir(bundle, { on: '2026-12-02', patientId: 'p1' });
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const merged = mergeRecordAndAnswers(
      read.value,
      answers(
        {
          oncologicalDisease: false,
          pregnant: false,
          coagulationDisorder: false,
          acuteInfection: false,
          acuteMentalIllness: false,
          psychotropicInfluence: false,
        },
        { subject: 'Patient/p1', id: 'qr1' },
      ),
      { patientId: 'p1' },
    );
    expect(screen(merged.facts).status).toBe('eligible');
    for (const fact of Object.keys(merged.facts)) expect(merged.sources[fact as 'ageYears']?.length).toBeGreaterThan(0);
    expect(merged.sources.ageYears?.[0]).toMatchObject({ from: 'record', value: 54 });
  });
  test('a resource without an id is named by its type', () => {
    const observed: FhirFacts = {
      facts: { pregnant: false },
      evidence: { pregnant: [{ resourceType: 'Observation', path: ['entry', 4, 'resource'] }] },
      notes: [],
      regions: [],
    };
    expect(mergeRecordAndAnswers(observed, answers({ pregnant: true })).conflicts[0]?.message).toBe(
      'pregnant: the record says false (Observation); answered true. Left unrecorded until a clinician resolves it',
    );
  });
});
