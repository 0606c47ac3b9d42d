// The less travelled paths of the FHIR mapping: malformed elements, odd dates, options, and
// the notes that explain what was left out.
import { describe, expect, it } from 'vitest';
import { type FhirCodeList, type FhirFacts, type FhirOptions, factsFromFhir } from '../../src/fhir/index.js';
import {
  condition,
  ICD10,
  mapFacts,
  medicationRequest,
  NOT_PREGNANT,
  ON,
  PREGNANT,
  patient,
  pregnancyStatus,
  RXNORM,
  SNOMED,
} from './fixtures/builders.js';

/** The paths of the parts that were left out as unreadable (or, for a refused input, of its issues). */
function paths(input: unknown, options: unknown = { on: ON }) {
  const result = factsFromFhir(input, options as FhirOptions);
  if (!result.ok) return result.issues.map((found) => found.path);
  return result.value.notes.flatMap((note) => (note.path === undefined ? [] : [note.path]));
}

const codes = (value: FhirFacts) => value.notes.map((note) => note.code);

describe('dates', () => {
  it('refuses year 0000, a time in a birth date, hour 24 and a zone beyond ±14:00', () => {
    expect(paths([patient('0000-01-01')])).toEqual([[0, 'birthDate']]);
    expect(paths([patient('1970-01-01T00:00:00Z')])).toEqual([[0, 'birthDate']]);
    expect(paths([condition('c', SNOMED, '254837009', { onset: '2020-01-01T24:00:00Z' })])).toEqual([
      [0, 'onsetDateTime'],
    ]);
    expect(paths([condition('c', SNOMED, '254837009', { onset: '2020-01-01T10:00:00+15:00' })])).toEqual([
      [0, 'onsetDateTime'],
    ]);
    expect(paths([condition('c', SNOMED, '254837009', { onset: '2020-02' })])).toEqual([]);
  });

  it('reads periods with an open start or end, and an empty period as no date', () => {
    const withPeriod = (onsetPeriod: object) => ({ ...condition('c1', SNOMED, '72892002'), onsetPeriod });
    expect(mapFacts([patient('1990-01-01'), withPeriod({})]).facts.pregnant).toBe(true);
    const open = mapFacts([
      patient('1990-01-01'),
      withPeriod({ end: '2026-11-20' }),
      pregnancyStatus('o1', NOT_PREGNANT, ON),
    ]);
    expect(open.facts.pregnant).toBe(false);
    // A status over a period that began by the reference date and has not ended holds on it.
    const status = { ...pregnancyStatus('o1', NOT_PREGNANT), effectivePeriod: { start: '2026-11-01' } };
    expect(mapFacts([patient('1990-01-01'), status]).facts.pregnant).toBe(false);
    const ended = {
      ...pregnancyStatus('o1', NOT_PREGNANT),
      effectivePeriod: { start: '2026-11-01', end: '2026-11-10' },
    };
    expect(codes(mapFacts([patient('1990-01-01'), ended]))).toContain('pregnancy-not-current');
    const unbegun = { ...pregnancyStatus('o1', NOT_PREGNANT), effectivePeriod: { end: '2026-12-10' } };
    expect(codes(mapFacts([patient('1990-01-01'), unbegun]))).toContain('dates-unclear');
    const issuedOnly = { ...pregnancyStatus('o1', PREGNANT), issued: '2026-11-20T08:00:00.000+01:00' };
    expect(mapFacts([issuedOnly]).facts.pregnant).toBe(true);
  });

  it('compares two instants as instants, across zones', () => {
    const early = pregnancyStatus('o1', PREGNANT, `${ON}T10:00:00+05:00`);
    const late = pregnancyStatus('o2', NOT_PREGNANT, `${ON}T06:00:00Z`);
    expect(mapFacts([early, late]).facts.pregnant).toBe(false);
    const same = pregnancyStatus('o3', NOT_PREGNANT, `${ON}T05:00:00Z`);
    expect(mapFacts([early, same]).facts.pregnant).toBeUndefined();
  });
});

describe('malformed elements', () => {
  it('leave their resource or entry out, with the path of the bad field in the note', () => {
    const cases: [unknown, (string | number)[]][] = [
      [{ resourceType: 'Bundle', entry: [{ fullUrl: 7, resource: patient('1970-01-01') }] }, ['entry', 0, 'fullUrl']],
      [[{ ...condition('c', SNOMED, '254837009'), subject: 'Patient/p1' }], [0, 'subject']],
      [[{ ...condition('c', SNOMED, '254837009'), onsetPeriod: '2020' }], [0, 'onsetPeriod']],
      [[{ ...condition('c', SNOMED, '254837009'), code: 'C50' }], [0, 'code']],
      [[{ ...condition('c', SNOMED, '254837009'), code: { coding: {} } }], [0, 'code', 'coding']],
      [[{ ...condition('c', SNOMED, '254837009'), code: { coding: ['C50'] } }], [0, 'code', 'coding', 0]],
      [
        [
          {
            ...medicationRequest('m', RXNORM, '855332'),
            medicationCodeableConcept: undefined,
            contained: {},
            medicationReference: { reference: '#x' },
          },
        ],
        [0, 'contained'],
      ],
    ];
    for (const [input, path] of cases) expect(paths(input)).toContainEqual(path);
  });

  it('Bundles nested too deep are left out with a note; a Bundle without entries is empty', () => {
    let nested: object = { resourceType: 'Bundle', entry: [{ resource: patient('1970-01-01') }] };
    for (let i = 0; i < 5; i++) nested = { resourceType: 'Bundle', entry: [{ resource: nested }] };
    const deep = mapFacts(nested, { closedWorld: true });
    expect(deep.facts).toEqual({});
    expect(deep.notes[1]?.message).toMatch(/Bundles nested more than 4 deep are not read/);
    expect(mapFacts({ resourceType: 'Bundle', type: 'searchset' }).facts).toEqual({});
  });

  it('a value whose properties cannot be read is an issue, never a throw', () => {
    const hostile = {
      get resourceType(): string {
        throw new Error('no');
      },
    };
    expect(factsFromFhir(hostile, { on: ON })).toMatchObject({ ok: false, issues: [{ code: 'unreadable' }] });
  });

  it('a blank code cannot be read; a code shorter than a category matches nothing', () => {
    expect(
      mapFacts([patient('1970-01-01'), condition('c', ICD10, '  ')], { closedWorld: true }).facts.oncologicalDisease,
    ).toBeUndefined();
    expect(
      mapFacts([patient('1970-01-01'), condition('c', ICD10, 'C5')], { closedWorld: true }).facts.oncologicalDisease,
    ).toBe(false);
  });
});

describe('options', () => {
  const list: FhirCodeList = {
    id: 'clinic',
    title: 'Clinic',
    kind: 'counts',
    fact: 'oncologicalDisease',
    systems: ['urn:clinic'],
    codes: ['X'],
    source: { title: 'Clinic book' },
  };

  it('check every field of a clinic code list', () => {
    const bad = (changes: object) => paths([], { on: ON, extraCodes: [{ ...list, ...changes }] });
    expect(bad({ id: '' })).toEqual([['options', 'extraCodes', 0, 'id']]);
    expect(bad({ title: 3 })).toEqual([['options', 'extraCodes', 0, 'title']]);
    expect(bad({ kind: 'maybe' })).toEqual([['options', 'extraCodes', 0, 'kind']]);
    expect(bad({ fact: 'ageYears' })).toEqual([['options', 'extraCodes', 0, 'fact']]);
    expect(bad({ kind: 'region', region: 'sacral' })).toEqual([['options', 'extraCodes', 0, 'region']]);
    expect(bad({ systems: [] })).toEqual([['options', 'extraCodes', 0, 'systems']]);
    expect(bad({ codes: [1] })).toEqual([['options', 'extraCodes', 0, 'codes']]);
    expect(bad({ prefixes: 'X' })).toEqual([['options', 'extraCodes', 0, 'prefixes']]);
    expect(bad({ ranges: [{ from: 'C0', to: 'C97' }] })).toEqual([['options', 'extraCodes', 0, 'ranges']]);
    expect(bad({ codes: undefined })).toEqual([['options', 'extraCodes', 0]]);
    expect(bad({ source: {} })).toEqual([['options', 'extraCodes', 0, 'source']]);
    expect(paths([], { on: ON, extraCodes: 'x' })).toEqual([['options', 'extraCodes']]);
    expect(paths([], { on: ON, extraCodes: [null] })).toEqual([['options', 'extraCodes', 0]]);
    expect(paths([], { on: ON, ageBounds: 75 })).toEqual([['options', 'ageBounds']]);
  });

  it('reads clinic lists of every kind, with prefixes, ranges and regions', () => {
    const { codes: _codes, ...listWithoutCodes } = list;
    const lists: FhirCodeList[] = [
      { ...list, codes: ['X', 'X'] },
      { ...listWithoutCodes, id: 'r', kind: 'uncertain', fact: 'acuteInfection', prefixes: ['INF'] },
      { ...list, id: 'n', kind: 'note', fact: 'acuteMentalIllness', codes: ['MOOD'] },
      {
        id: 'reg',
        title: 'Back',
        kind: 'region',
        region: 'thoracic',
        systems: ['urn:clinic'],
        codes: ['BACK'],
        source: { title: 'Clinic book' },
      },
      { ...listWithoutCodes, id: 'g', systems: [ICD10], ranges: [{ from: 'X00', to: 'X09' }] },
    ];
    const value = mapFacts(
      [
        patient('1970-01-01'),
        condition('a', 'urn:clinic', 'X'),
        condition('b', 'urn:clinic', 'INF-7'),
        condition('c', 'urn:clinic', 'MOOD'),
        condition('d', 'urn:clinic', 'BACK'),
        condition('e', ICD10, 'X01.2'),
        condition('f', 'urn:clinic', 'MOOD', { clinical: 'resolved' }),
      ],
      { extraCodes: lists, ageBounds: { under: 3 } },
    );
    expect(value.facts).toMatchObject({ oncologicalDisease: true });
    expect(value.evidence.oncologicalDisease?.map((ref) => ref.id)).toEqual(['a', 'e']);
    expect(value.facts.acuteInfection).toBeUndefined();
    expect(value.regions).toEqual([{ region: 'thoracic', evidence: [expect.objectContaining({ id: 'd' })] }]);
    expect(codes(value)).toContain('noted-code');
  });
});

describe('notes', () => {
  it('conflicting birth dates for the same patient leave the age unrecorded', () => {
    const value = mapFacts([patient('1970-01-01'), patient('1971-01-01')]);
    expect(value.facts.ageYears).toBeUndefined();
    expect(codes(value)).toContain('conflicting-birth-dates');
    expect(mapFacts([patient('1970-01-01'), patient('1970-01-01')]).facts.ageYears).toBe(56);
  });

  it('an age of 150 years or more is a data-entry error, not a patient', () => {
    const value = mapFacts([patient('1850-01-01')]);
    expect(value.facts.ageYears).toBeUndefined();
    expect(codes(value)).toContain('implausible-age');
  });

  it('a partial birth date in the reference month counts from birth', () => {
    expect(mapFacts([patient('2026-11')], { ageBounds: { under: 0, over: 75 } }).facts.ageYears).toBe(0);
  });

  it('an active pregnancy condition that began long ago counts, with a note to check the record', () => {
    const value = mapFacts([patient('1990-01-01'), condition('c1', SNOMED, '72892002', { onset: '2024-01-01' })]);
    expect(value.facts.pregnant).toBe(true);
    expect(codes(value)).toContain('pregnancy-condition-old');
  });

  it('observations and orders about another patient are ignored', () => {
    const observation = { ...pregnancyStatus('o1', PREGNANT, ON), subject: { reference: 'Patient/other' } };
    const order = { ...medicationRequest('m1', RXNORM, '855332'), subject: { reference: 'Patient/other' } };
    const value = mapFacts([patient('1990-01-01'), observation, order]);
    expect(value.facts).toEqual({ ageYears: 36 });
    expect(codes(value).filter((code) => code === 'other-patient')).toHaveLength(2);
  });

  it('a pregnancy status with an answer from another list, or without a status, is not used', () => {
    const odd = pregnancyStatus('o1', '12345-6', ON);
    expect(codes(mapFacts([odd], { closedWorld: true }))).toContain('pregnancy-status-unreadable');
    const { status: _status, ...noStatus } = pregnancyStatus('o2', PREGNANT, ON);
    expect(mapFacts([noStatus], { closedWorld: true }).facts.pregnant).toBeUndefined();
  });

  it('undated pregnancy records that disagree leave pregnancy unrecorded', () => {
    const value = mapFacts([pregnancyStatus('o1', PREGNANT), pregnancyStatus('o2', UNKNOWN_ANSWER)]);
    expect(value.facts.pregnant).toBeUndefined();
    expect(value.notes.find((note) => note.code === 'pregnancy-conflict')?.message).toMatch(/undated records disagree/);
  });

  it('a medication reference that is not to a Medication, or an order without status, leaves the fact unrecorded', () => {
    const toPatient = {
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'active',
      medicationReference: { reference: 'urn:uuid:p' },
    };
    const withPatient = {
      resourceType: 'Bundle',
      entry: [{ fullUrl: 'urn:uuid:p', resource: patient('1970-01-01') }, { resource: toPatient }],
    };
    expect(codes(mapFacts(withPatient))).toContain('medication-unresolved');
    const odd = { ...toPatient, medicationReference: { reference: 'https://example.org/drug' } };
    expect(codes(mapFacts([odd]))).toContain('medication-unresolved');
    const { status: _status, ...noStatus } = medicationRequest('m2', RXNORM, '855332');
    expect(mapFacts([noStatus], { closedWorld: true }).facts.anticoagulantTherapy).toBeUndefined();
    const stoppedUnresolved = { ...toPatient, status: 'stopped' };
    expect(codes(mapFacts([stoppedUnresolved]))).not.toContain('medication-unresolved');
    const noCode = { resourceType: 'Medication', id: 'm' };
    const orderOfNoCode = {
      resourceType: 'MedicationRequest',
      id: 'o',
      status: 'active',
      medicationReference: { reference: 'Medication/m' },
    };
    // A Medication without a code names no drug: which drug was taken cannot be read.
    expect(mapFacts([noCode, orderOfNoCode], { closedWorld: true }).facts.anticoagulantTherapy).toBeUndefined();
  });

  it('the same resource reached twice is one piece of evidence', () => {
    const cancer = condition('c1', SNOMED, '254837009');
    const twice = {
      ...cancer,
      code: {
        coding: [
          { system: SNOMED, code: '254837009' },
          { system: ICD10, code: 'C50.9' },
        ],
      },
    };
    expect(mapFacts([twice]).evidence.oncologicalDisease).toHaveLength(1);
  });
});

const UNKNOWN_ANSWER = 'LA4489-6';

describe('more shapes', () => {
  it('patients without ids: one is read, two are refused', () => {
    const anonymous = { resourceType: 'Patient', birthDate: '1970-01-01' };
    expect(mapFacts([anonymous]).facts.ageYears).toBe(56);
    expect(paths([anonymous, { ...anonymous }])).toEqual([[1]]);
  });

  it('codings that repeat a list, in shipped and clinic lists, count once', () => {
    const twice = {
      ...condition('c1', SNOMED, '254837009'),
      code: {
        coding: [
          { system: SNOMED, code: '254837009' },
          { system: SNOMED, code: '363346000' },
          { system: 'urn:clinic', code: 'A' },
          { system: 'urn:clinic', code: 'B' },
        ],
      },
    };
    const clinic: FhirCodeList = {
      id: 'c',
      title: 'C',
      kind: 'counts',
      fact: 'oncologicalDisease',
      systems: ['urn:clinic'],
      codes: ['A', 'B'],
      source: { title: 'Clinic book' },
    };
    const region: FhirCodeList = {
      id: 'r',
      title: 'R',
      kind: 'region',
      region: 'cervical',
      systems: ['urn:clinic'],
      codes: ['A'],
      source: { title: 'Clinic book' },
    };
    const value = mapFacts([twice], { extraCodes: [clinic, region] });
    expect(value.evidence.oncologicalDisease).toEqual([expect.objectContaining({ id: 'c1' })]);
    expect(value.regions.map((suggestion) => suggestion.region)).toEqual(['cervical']);
  });

  it('reads observation and medication resources with elements missing', () => {
    expect(
      mapFacts([{ resourceType: 'Observation', id: 'o', status: 'final' }], { closedWorld: true }).facts.pregnant,
    ).toBe(false);
    const { valueCodeableConcept: _value, ...noValue } = pregnancyStatus('o0', PREGNANT, ON);
    expect(mapFacts([noValue], { closedWorld: true }).facts.pregnant).toBeUndefined();
    const instant = { ...pregnancyStatus('o1', PREGNANT), effectiveInstant: `${ON}T08:00:00Z` };
    expect(mapFacts([instant]).facts.pregnant).toBe(true);
    // An order that names no drug, or a condition named only in words, cannot be read: never "no".
    expect(
      mapFacts([{ resourceType: 'MedicationRequest', id: 'm', status: 'active' }], { closedWorld: true }).facts
        .anticoagulantTherapy,
    ).toBeUndefined();
    expect(
      mapFacts([{ ...condition('c', SNOMED, '254837009'), code: { text: 'cancer' } }], { closedWorld: true }).facts
        .oncologicalDisease,
    ).toBeUndefined();
  });

  it('explains an undated "not pregnant" and a conflict between records without ids', () => {
    const undated = mapFacts([pregnancyStatus('o1', NOT_PREGNANT)]);
    expect(undated.notes.find((note) => note.code === 'pregnancy-not-current')?.message).toMatch(
      /says not pregnant, before/,
    );
    const open = mapFacts([{ ...pregnancyStatus('o1', NOT_PREGNANT), effectivePeriod: { end: '2026-11-01' } }]);
    expect(open.notes.find((note) => note.code === 'pregnancy-not-current')?.message).toMatch(/as of an open start/);
    const { id: _id, ...withoutId } = pregnancyStatus('o2', PREGNANT);
    const conflict = mapFacts([withoutId, pregnancyStatus('o3', NOT_PREGNANT)]);
    expect(conflict.notes.find((note) => note.code === 'pregnancy-conflict')?.message).toContain(
      '(Observation, Observation/o3)',
    );
  });

  it('dates a pregnancy condition by the later of onset and recorded date, and reads times without seconds', () => {
    const recordedLater = condition('c1', SNOMED, '72892002', { onset: '2026-11-01', recorded: '2026-11-24T09:00Z' });
    const status = pregnancyStatus('o1', NOT_PREGNANT, `${ON}T08:00:00Z`);
    expect(mapFacts([recordedLater, status]).facts.pregnant).toBe(true);
    const recordedEarlier = condition('c2', SNOMED, '72892002', { onset: '2026-11-01', recorded: '2026-10-01' });
    expect(mapFacts([recordedEarlier, status]).facts.pregnant).toBe(false);
    // A status over a period that covers the reference date speaks for that day: it disagrees
    // with a pregnancy recorded on the same day, so pregnancy is not recorded.
    const exactStart = { ...pregnancyStatus('o2', NOT_PREGNANT), effectivePeriod: { start: `${ON}T10:00:00Z` } };
    expect(mapFacts([recordedLater, exactStart]).facts.pregnant).toBeUndefined();
  });

  it('describes long strings briefly, and takes one age bound alone', () => {
    const result = factsFromFhir('x'.repeat(60), { on: ON });
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(/…"$/);
    expect(mapFacts([patient('1950')], { on: '2026-06-01', ageBounds: { over: 80 } }).facts.ageYears).toBe(75);
  });
});
