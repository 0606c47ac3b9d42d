import { describe, expect, it } from 'vitest';
import { type FhirFacts, type FhirOptions, factsFromFhir } from '../../src/fhir/index.js';
import {
  ATC,
  bundle,
  condition,
  ICD10,
  ICD10CM,
  LOINC,
  mapFacts,
  medicationRequest,
  medicationStatement,
  NOT_PREGNANT,
  ON,
  PREGNANT,
  patient,
  pregnancyStatus,
  RXNORM,
  SNOMED,
  UNKNOWN,
} from './fixtures/builders.js';

function issuesOf(input: unknown, options: unknown = { on: ON }) {
  const result = factsFromFhir(input, options as FhirOptions);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

const codes = (value: FhirFacts) => value.notes.map((note) => note.code);

describe('input shapes', () => {
  it('reads a Bundle of any type, an array of resources, and Bundles inside an array alike', () => {
    const resources = [patient('1970-01-01'), condition('c1', SNOMED, '254837009')];
    for (const input of [
      bundle(resources, 'transaction'),
      bundle(resources, 'searchset'),
      resources,
      [bundle(resources)],
    ]) {
      expect(mapFacts(input).facts).toEqual({ ageYears: 56, oncologicalDisease: true, historyOfCancer: true });
    }
  });

  it('a value that is not an object is an issue at the root, never a throw', () => {
    for (const input of [null, 42, 'Bundle', true, undefined]) {
      expect(issuesOf(input)).toEqual([expect.objectContaining({ code: 'not-an-object', path: [] })]);
    }
  });

  it('Bundle entries that are not resources are left out with a note, and no fact is set to false on their account', () => {
    const input = {
      resourceType: 'Bundle',
      entry: [{ resource: patient('1970-01-01') }, 'oops', { resource: { id: 'x' } }],
    };
    const value = mapFacts(input, { closedWorld: true });
    expect(value.facts).toEqual({ ageYears: 56 });
    expect(value.notes.filter((note) => note.code === 'malformed-entry').map((note) => note.message)).toEqual([
      'The input at entry.1 is not a readable resource (expected a Bundle entry (an object), got the string "oops"): it is left out, and no fact is set to false on its account',
      'The input at entry.2.resource.resourceType is not a readable resource (expected a resourceType string, got none): it is left out, and no fact is set to false on its account',
    ]);
    expect(codes(mapFacts({ resourceType: 'Bundle', entry: {} }))).toEqual(['no-patient', 'malformed-entry']);
  });

  it('an entry without a resource (a deletion in a history Bundle) is skipped with a note', () => {
    const value = mapFacts({
      resourceType: 'Bundle',
      entry: [{ resource: patient('1970-01-01') }, { request: { method: 'DELETE' } }],
    });
    expect(codes(value)).toContain('entry-without-resource');
  });

  it('an impossible date leaves its resource out, with a note naming the field, and the rest is read', () => {
    const malformedBirth = mapFacts(bundle([patient('1984-02-30')]));
    expect(malformedBirth.facts).toEqual({});
    expect(malformedBirth.notes[0]).toMatchObject({ code: 'malformed-resource', fact: 'ageYears' });
    const value = mapFacts(
      [patient('1970-01-01'), condition('c1', SNOMED, '254837009', { onset: '2020-13-01T00:00:00Z' })],
      { closedWorld: true },
    );
    expect(value.facts.ageYears).toBe(56);
    expect(value.facts.oncologicalDisease).toBeUndefined();
    expect(value.facts.historyOfCancer).toBeUndefined();
    expect(value.facts.pregnant).toBe(false);
    expect(value.notes[0]).toEqual({
      code: 'malformed-resource',
      message:
        'Condition is left out: onsetDateTime cannot be read, expected a FHIR dateTime, got the string "2020-13-01T00:00:00Z"; oncological disease, a history of cancer stay unrecorded',
      resource: { resourceType: 'Condition', id: 'c1', path: [1] },
      path: [1, 'onsetDateTime'],
    });
  });

  it('an element of the wrong type leaves its resource out, and a code that cannot be read leaves every condition fact unrecorded', () => {
    const bad = { ...condition('c1', SNOMED, '254837009'), clinicalStatus: 'active' };
    const value = mapFacts([patient('1970-01-01'), bad], { closedWorld: true });
    expect(value.facts.oncologicalDisease).toBeUndefined();
    expect(value.notes[0]?.message).toBe(
      'Condition is left out: clinicalStatus cannot be read, expected a CodeableConcept (an object), got the string "active"; oncological disease, a history of cancer stay unrecorded',
    );
    const badCoding = {
      ...condition('c2', SNOMED, '254837009'),
      code: { coding: [{ system: SNOMED, code: 254837009 }] },
    };
    const unreadable = mapFacts([patient('1970-01-01'), badCoding], { closedWorld: true });
    expect(unreadable.facts).toEqual({ ageYears: 56 });
    expect(unreadable.notes[0]?.message).toMatch(
      /^Condition is left out: code\.coding\.0\.code cannot be read, expected a string, got the number 254837009; oncological disease, pregnancy, /,
    );
  });

  it('two different patients in one input are refused', () => {
    expect(issuesOf([patient('1970-01-01', 'a'), patient('1980-01-01', 'b')])).toEqual([
      expect.objectContaining({ code: 'multiple-patients', path: [1] }),
    ]);
  });

  it('bad options are issues under "options", never throws', () => {
    expect(issuesOf([], { on: '2026-02-30' })).toEqual([
      expect.objectContaining({ code: 'invalid-option', path: ['options', 'on'] }),
    ]);
    expect(issuesOf([], null)).toEqual([expect.objectContaining({ path: ['options'] })]);
    expect(issuesOf([], { on: ON, closedworld: true })).toEqual([
      expect.objectContaining({ path: ['options', 'closedworld'] }),
    ]);
    expect(issuesOf([], { on: ON, closedWorld: 'yes' })[0]?.path).toEqual(['options', 'closedWorld']);
    expect(issuesOf([], { on: ON, ageBounds: { under: 5, over: 2 } })[0]?.path).toEqual(['options', 'ageBounds']);
    expect(issuesOf([], { on: ON, extraCodes: [{ id: 'x', kind: 'counts' }] }).map((i) => i.path)).toContainEqual([
      'options',
      'extraCodes',
      0,
      'systems',
    ]);
  });
});

describe('age', () => {
  it('is completed years on the reference date', () => {
    expect(mapFacts([patient('1950-11-24')]).facts.ageYears).toBe(76);
    expect(mapFacts([patient('1950-11-25')]).facts.ageYears).toBe(75);
    expect(mapFacts([patient('1950-11-25')]).evidence.ageYears).toEqual([
      { resourceType: 'Patient', id: 'p1', path: [0] },
    ]);
  });

  it('stays unrecorded, with a note, without a Patient, without a birth date, or when born after the reference date', () => {
    expect(mapFacts([]).facts.ageYears).toBeUndefined();
    expect(codes(mapFacts([]))).toContain('no-patient');
    expect(codes(mapFacts([patient()]))).toContain('no-birth-date');
    const unborn = mapFacts([patient('2027-01-01')]);
    expect(unborn.facts.ageYears).toBeUndefined();
    expect(codes(unborn)).toContain('birth-date-after-reference');
  });

  it('from a birth year alone, is recorded (as the lowest possible age) when every possible age is on one side of both bounds', () => {
    const value = mapFacts([patient('1984')]);
    expect(value.facts.ageYears).toBe(41);
    expect(value.notes).toContainEqual(expect.objectContaining({ code: 'partial-birth-date', fact: 'ageYears' }));
  });

  it('from a birth year alone, stays unrecorded when the possible ages straddle a bound', () => {
    expect(mapFacts([patient('1950')], { on: '2026-06-01' }).facts.ageYears).toBeUndefined();
    expect(mapFacts([patient('2023')], { on: '2026-06-01' }).facts.ageYears).toBeUndefined();
  });

  it('from a birth year and month, is exact when the month is past', () => {
    expect(mapFacts([patient('1950-05')], { on: '2026-06-01' }).facts.ageYears).toBe(76);
    expect(mapFacts([patient('1950-06')], { on: '2026-06-01' }).facts.ageYears).toBeUndefined();
  });

  it('uses the bounds the caller screens with', () => {
    expect(mapFacts([patient('2008')], { on: '2026-06-01' }).facts.ageYears).toBe(17);
    expect(
      mapFacts([patient('2008')], { on: '2026-06-01', ageBounds: { under: 18, over: 75 } }).facts.ageYears,
    ).toBeUndefined();
  });
});

describe('condition statuses', () => {
  const cancer = (shape: Parameters<typeof condition>[3]) => [
    patient('1970-01-01'),
    condition('c1', SNOMED, '254837009', shape),
  ];

  it('active, recurrence and relapse with confirmed count, with the condition as evidence', () => {
    for (const clinical of ['active', 'recurrence', 'relapse']) {
      const value = mapFacts(cancer({ clinical }));
      expect(value.facts.oncologicalDisease).toBe(true);
      expect(value.evidence.oncologicalDisease).toEqual([{ resourceType: 'Condition', id: 'c1', path: [1] }]);
    }
  });

  it('unconfirmed, provisional and differential leave the fact unrecorded, even in a closed world', () => {
    for (const verification of ['unconfirmed', 'provisional', 'differential']) {
      const value = mapFacts(cancer({ verification }), { closedWorld: true });
      expect(value.facts.oncologicalDisease).toBeUndefined();
      expect(value.notes).toContainEqual(
        expect.objectContaining({ code: 'condition-not-confirmed', fact: 'oncologicalDisease' }),
      );
    }
  });

  it('a missing verificationStatus is not a confirmation: the fact stays unrecorded', () => {
    const value = mapFacts(cancer({ verification: null }), { closedWorld: true });
    expect(value.facts.oncologicalDisease).toBeUndefined();
    expect(value.notes[0]?.message).toMatch(/no verificationStatus/);
  });

  it('refuted and entered-in-error are ignored', () => {
    for (const verification of ['refuted', 'entered-in-error']) {
      expect(mapFacts(cancer({ verification })).facts.oncologicalDisease).toBeUndefined();
      expect(mapFacts(cancer({ verification }), { closedWorld: true }).facts.oncologicalDisease).toBe(false);
      expect(codes(mapFacts(cancer({ verification })))).toContain('condition-ignored');
    }
  });

  it('inactive, remission and resolved do not count', () => {
    for (const clinical of ['inactive', 'remission', 'resolved']) {
      expect(mapFacts(cancer({ clinical })).facts.oncologicalDisease).toBeUndefined();
      expect(mapFacts(cancer({ clinical }), { closedWorld: true }).facts.oncologicalDisease).toBe(false);
    }
  });

  it('an abated condition without a clinical status does not count; an active one with an abatement contradicts itself', () => {
    expect(
      mapFacts(cancer({ clinical: null, abatement: '2020-01-01' }), { closedWorld: true }).facts.oncologicalDisease,
    ).toBe(false);
    const contradictory = mapFacts(cancer({ abatement: '2020-01-01' }), { closedWorld: true });
    expect(contradictory.facts.oncologicalDisease).toBeUndefined();
    expect(codes(contradictory)).toContain('condition-contradictory-status');
  });

  it('a condition without any status leaves the fact unrecorded', () => {
    const value = mapFacts(cancer({ clinical: null }), { closedWorld: true });
    expect(value.facts.oncologicalDisease).toBeUndefined();
    expect(codes(value)).toContain('condition-without-status');
  });

  it('a condition about another patient is ignored with a note', () => {
    const value = mapFacts(cancer({ subject: 'Patient/someone-else' }));
    expect(value.facts.oncologicalDisease).toBeUndefined();
    expect(codes(value)).toContain('other-patient');
    expect(mapFacts(cancer({ subject: 'https://ehr.example/fhir/Patient/p1' })).facts.oncologicalDisease).toBe(true);
  });
});

describe('condition codes', () => {
  const one = (system: string, code: string) =>
    mapFacts([patient('1970-01-01'), condition('c1', system, code)], { closedWorld: true }).facts;

  it('reads ICD-10 and ICD-10-CM malignant neoplasms, coagulation defects and pregnancy ranges', () => {
    expect(one(ICD10, 'C50.9').oncologicalDisease).toBe(true);
    expect(one(ICD10CM, 'C50.911').oncologicalDisease).toBe(true);
    expect(one(ICD10CM, 'C7A.00').oncologicalDisease).toBe(true);
    expect(one(ICD10, 'C98').oncologicalDisease).toBe(false);
    expect(one(ICD10, 'D68.0').coagulationDisorder).toBe(true);
    expect(one(ICD10, 'D70').coagulationDisorder).toBe(false);
    expect(one(ICD10, 'O24.4').pregnant).toBe(true);
    // Delivery and the conditions that may follow a pregnancy do not say it goes on: asked.
    expect(one(ICD10, 'O80').pregnant).toBeUndefined();
    expect(one(ICD10CM, 'O9A.111').pregnant).toBeUndefined();
    expect(one(ICD10, 'Z33').pregnant).toBe(true);
    expect(one(ICD10, 'Z34.0').pregnant).toBe(true);
  });

  it('in situ neoplasms and neoplasms of uncertain behaviour leave oncology unrecorded, benign ones do not touch it', () => {
    expect(one(ICD10, 'D05.1').oncologicalDisease).toBeUndefined();
    expect(one(ICD10, 'D48.5').oncologicalDisease).toBeUndefined();
    expect(one(ICD10CM, 'D3A.010').oncologicalDisease).toBe(false);
    expect(one(SNOMED, '162573006').oncologicalDisease).toBeUndefined();
  });

  it('reads infections that are acute by their title, and leaves other infections unrecorded', () => {
    expect(one(ICD10, 'J06.9').acuteInfection).toBe(true);
    expect(one(ICD10, 'J18.9').acuteInfection).toBe(true);
    expect(one(ICD10, 'U07.1').acuteInfection).toBe(true);
    expect(one(ICD10, 'A41.9').acuteInfection).toBe(true);
    expect(one(ICD10, 'A15.0').acuteInfection).toBeUndefined();
    expect(one(ICD10, 'J32.0').acuteInfection).toBeUndefined();
    expect(one(ICD10, 'M54.5').acuteInfection).toBe(false);
    expect(one(SNOMED, '444814009').acuteInfection).toBe(true);
    expect(one(SNOMED, '10509002').acuteInfection).toBe(true);
    expect(one(SNOMED, '36971009').acuteInfection).toBeUndefined();
    expect(one(SNOMED, '840544004').acuteInfection).toBeUndefined();
  });

  it('reads acute mental states and acute intoxication, per classification', () => {
    expect(one(ICD10, 'F23.0').acuteMentalIllness).toBe(true);
    expect(one(ICD10, 'F05.0').acuteMentalIllness).toBe(true);
    expect(one(ICD10, 'F10.4').acuteMentalIllness).toBe(true);
    expect(one(ICD10, 'F10.0').psychotropicInfluence).toBe(true);
    expect(one(ICD10, 'F12.0').psychotropicInfluence).toBe(true);
    expect(one(ICD10CM, 'F10.129').psychotropicInfluence).toBe(true);
    expect(one(ICD10CM, 'F11.920').psychotropicInfluence).toBe(true);
    // WHO F10.22: dependence on a maintenance regime; ICD-10-CM F17.220: nicotine, chewing tobacco.
    expect(one(ICD10, 'F10.22').psychotropicInfluence).toBe(false);
    expect(one(ICD10CM, 'F17.220').psychotropicInfluence).toBe(false);
    expect(one(ICD10, 'F20.0').acuteMentalIllness).toBeUndefined();
    expect(one(ICD10, 'F70').acuteMentalIllness).toBe(false);
    expect(one(SNOMED, '2776000').acuteMentalIllness).toBe(true);
    expect(one(SNOMED, '25702006').psychotropicInfluence).toBe(true);
    expect(one(SNOMED, '370143000').acuteMentalIllness).toBeUndefined();
  });

  it('a substance use disorder is noted and never read as the acute effect of a substance', () => {
    const value = mapFacts([patient('1970-01-01'), condition('c1', SNOMED, '7200002')], { closedWorld: true });
    expect(value.facts.psychotropicInfluence).toBe(false);
    expect(value.notes).toContainEqual(expect.objectContaining({ code: 'noted-code', fact: 'psychotropicInfluence' }));
  });

  it('reads a clinic’s own code list', () => {
    const local = {
      id: 'clinic-oncology',
      title: 'Local oncology codes',
      kind: 'counts' as const,
      fact: 'oncologicalDisease' as const,
      systems: ['https://clinic.example/codes'],
      codes: ['ONC-1'],
      source: { title: 'Clinic code book' },
    };
    const input = [patient('1970-01-01'), condition('c1', 'https://clinic.example/codes', 'ONC-1')];
    expect(mapFacts(input).facts.oncologicalDisease).toBeUndefined();
    expect(mapFacts(input, { extraCodes: [local] }).facts.oncologicalDisease).toBe(true);
  });
});

describe('pregnancy status', () => {
  const mother = patient('1990-01-01');

  it('reads pregnant and not pregnant (LOINC answers and SNOMED CT values) and leaves "unknown" unrecorded', () => {
    expect(mapFacts([mother, pregnancyStatus('o1', PREGNANT, '2026-11-01')]).facts.pregnant).toBe(true);
    expect(mapFacts([mother, pregnancyStatus('o1', '77386006', '2026-11-01', 'final', SNOMED)]).facts.pregnant).toBe(
      true,
    );
    const negative = mapFacts([mother, pregnancyStatus('o1', NOT_PREGNANT, ON)]);
    expect(negative.facts.pregnant).toBe(false);
    expect(negative.evidence.pregnant).toEqual([{ resourceType: 'Observation', id: 'o1', path: [1] }]);
    const unknown = mapFacts([mother, pregnancyStatus('o1', UNKNOWN, ON)], { closedWorld: true });
    expect(unknown.facts.pregnant).toBeUndefined();
    expect(codes(unknown)).toContain('pregnancy-status-unknown');
  });

  it('the latest observation wins', () => {
    const earlier = pregnancyStatus('o1', PREGNANT, '2026-10-01');
    const later = pregnancyStatus('o2', NOT_PREGNANT, `${ON}T09:30:00+01:00`);
    expect(mapFacts([mother, earlier, later]).facts.pregnant).toBe(false);
    expect(mapFacts([mother, later, earlier]).facts.pregnant).toBe(false);
    expect(
      mapFacts([
        mother,
        pregnancyStatus('o1', NOT_PREGNANT, '2026-10-01'),
        pregnancyStatus('o2', PREGNANT, '2026-11-01'),
      ]).facts.pregnant,
    ).toBe(true);
  });

  it('conflicting observations of the same date leave pregnancy unrecorded, with a note', () => {
    const value = mapFacts([mother, pregnancyStatus('o1', PREGNANT, ON), pregnancyStatus('o2', NOT_PREGNANT, ON)], {
      closedWorld: true,
    });
    expect(value.facts.pregnant).toBeUndefined();
    expect(codes(value)).toContain('pregnancy-conflict');
  });

  it('"not pregnant" recorded before the reference date does not exclude pregnancy', () => {
    const old = [mother, pregnancyStatus('o1', NOT_PREGNANT, '2026-11-23')];
    expect(mapFacts(old).facts.pregnant).toBeUndefined();
    expect(codes(mapFacts(old))).toContain('pregnancy-not-current');
    expect(mapFacts(old, { closedWorld: true }).facts.pregnant).toBe(false);
  });

  it('"pregnant" more than 42 weeks before the reference date is stale', () => {
    const value = mapFacts([mother, pregnancyStatus('o1', PREGNANT, '2026-01-01')]);
    expect(value.facts.pregnant).toBeUndefined();
    expect(codes(value)).toContain('pregnancy-status-stale');
  });

  it('a preliminary status is not used and keeps pregnancy from being excluded; an entered-in-error one is ignored', () => {
    const preliminary = mapFacts([mother, pregnancyStatus('o1', NOT_PREGNANT, ON, 'preliminary')], {
      closedWorld: true,
    });
    expect(preliminary.facts.pregnant).toBeUndefined();
    expect(codes(preliminary)).toContain('observation-not-final');
    const wrong = mapFacts([mother, pregnancyStatus('o1', PREGNANT, ON, 'entered-in-error')], { closedWorld: true });
    expect(wrong.facts.pregnant).toBe(false);
    expect(codes(wrong)).toContain('observation-ignored');
  });

  it('a later "not pregnant" status wins over an earlier active pregnancy condition', () => {
    const pregnancy = condition('c1', SNOMED, '72892002', { onset: '2026-05-01' });
    expect(mapFacts([mother, pregnancy]).facts.pregnant).toBe(true);
    expect(mapFacts([mother, pregnancy, pregnancyStatus('o1', NOT_PREGNANT, ON)]).facts.pregnant).toBe(false);
  });

  it('an equally dated or undated condition that disagrees leaves pregnancy unrecorded, with a note', () => {
    const sameDay = condition('c1', SNOMED, '72892002', { onset: ON });
    const undated = condition('c2', SNOMED, '72892002');
    for (const pregnancy of [sameDay, undated]) {
      const value = mapFacts([mother, pregnancy, pregnancyStatus('o1', NOT_PREGNANT, ON)], { closedWorld: true });
      expect(value.facts.pregnant).toBeUndefined();
      expect(value.notes).toContainEqual(expect.objectContaining({ code: 'pregnancy-conflict', fact: 'pregnant' }));
    }
  });

  it('a pregnancy resolved after a "pregnant" status supersedes it', () => {
    const status = pregnancyStatus('o1', PREGNANT, '2026-03-01');
    const resolved = condition('c1', SNOMED, '72892002', {
      clinical: 'resolved',
      onset: '2026-02-20',
      abatement: '2026-10-30',
    });
    expect(mapFacts([mother, status]).facts.pregnant).toBe(true);
    expect(mapFacts([mother, status, resolved]).facts.pregnant).toBeUndefined();
    expect(mapFacts([mother, status, resolved], { closedWorld: true }).facts.pregnant).toBe(false);
  });

  it('observations of other codes are not read, unless their value is a pregnancy status answer', () => {
    const height = {
      ...pregnancyStatus('o1', PREGNANT, ON),
      code: { coding: [{ system: LOINC, code: '8302-2' }] },
      valueCodeableConcept: { coding: [{ system: 'http://unitsofmeasure.org', code: 'cm' }] },
    };
    expect(mapFacts([mother, height], { closedWorld: true }).facts.pregnant).toBe(false);
    const localStatus = { ...pregnancyStatus('o2', PREGNANT, ON), code: { text: 'Pregnant?' } };
    const asked = mapFacts([mother, localStatus], { closedWorld: true });
    expect(asked.facts.pregnant).toBeUndefined();
    expect(codes(asked)).toContain('unreadable-code');
  });
});

describe('medications', () => {
  const base = patient('1950-01-01');

  it('an active anticoagulant by RxNorm clinical drug, RxNorm ingredient or ATC sets anticoagulant therapy', () => {
    expect(mapFacts([base, medicationRequest('m1', RXNORM, '855332')]).facts.anticoagulantTherapy).toBe(true);
    expect(mapFacts([base, medicationStatement('m1', RXNORM, '11289')]).facts.anticoagulantTherapy).toBe(true);
    expect(mapFacts([base, medicationStatement('m1', ATC, 'B01AF01')]).facts.anticoagulantTherapy).toBe(true);
    expect(mapFacts([base, medicationRequest('m1', ATC, 'B01AA03')]).evidence.anticoagulantTherapy).toEqual([
      { resourceType: 'MedicationRequest', id: 'm1', path: [1] },
    ]);
  });

  it('an antiplatelet drug is noted, not read as an anticoagulant', () => {
    const value = mapFacts([base, medicationStatement('m1', ATC, 'B01AC06')], { closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBe(false);
    expect(codes(value)).toContain('noted-code');
  });

  it('a stopped or completed order does not count; an order on hold leaves it unrecorded', () => {
    for (const status of ['stopped', 'completed', 'cancelled', 'entered-in-error']) {
      expect(
        mapFacts([base, medicationRequest('m1', RXNORM, '855332', status)], { closedWorld: true }).facts
          .anticoagulantTherapy,
      ).toBe(false);
    }
    const held = mapFacts([base, medicationRequest('m1', RXNORM, '855332', 'on-hold')], { closedWorld: true });
    expect(held.facts.anticoagulantTherapy).toBeUndefined();
    expect(codes(held)).toContain('medication-status-unclear');
  });

  it('reads the drug through a reference to a contained or bundled Medication', () => {
    const contained = {
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'active',
      contained: [{ resourceType: 'Medication', id: 'med', code: { coding: [{ system: ATC, code: 'B01AB05' }] } }],
      medicationReference: { reference: '#med' },
    };
    expect(mapFacts([base, contained]).facts.anticoagulantTherapy).toBe(true);
    const byUrl = {
      resourceType: 'Bundle',
      entry: [
        { resource: base },
        {
          fullUrl: 'urn:uuid:med-1',
          resource: {
            resourceType: 'Medication',
            id: 'med-1',
            code: { coding: [{ system: RXNORM, code: '1364445' }] },
          },
        },
        {
          resource: {
            resourceType: 'MedicationStatement',
            id: 's1',
            status: 'active',
            medicationReference: { reference: 'urn:uuid:med-1' },
          },
        },
        {
          resource: {
            resourceType: 'MedicationStatement',
            id: 's2',
            status: 'active',
            medicationReference: { reference: 'Medication/med-1' },
          },
        },
      ],
    };
    expect(mapFacts(byUrl).evidence.anticoagulantTherapy?.map((ref) => ref.id)).toEqual(['s1', 's2']);
  });

  it('a reference to a Medication that is not in the input leaves anticoagulant therapy unrecorded', () => {
    const order = {
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'active',
      medicationReference: { reference: 'Medication/x' },
    };
    const value = mapFacts([base, order], { closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBeUndefined();
    expect(codes(value)).toContain('medication-unresolved');
  });

  it('an active opioid prescription is noted and never sets the influence of a psychotropic substance', () => {
    const value = mapFacts([base, medicationRequest('m1', RXNORM, '856987')], { closedWorld: true });
    expect(value.facts.psychotropicInfluence).toBe(false);
    expect(value.notes).toContainEqual(expect.objectContaining({ code: 'noted-code', fact: 'psychotropicInfluence' }));
  });
});

describe('regions', () => {
  it('active conditions suggest regions by SNOMED CT and ICD-10, each with its evidence, from the head down', () => {
    const value = mapFacts([
      patient('1970-01-01'),
      condition('low', SNOMED, '278860009'),
      condition('neck', SNOMED, '1121000119107'),
      condition('disc', ICD10, 'M42.12'),
      condition('lumbar', ICD10, 'M47.26'),
    ]);
    expect(value.regions).toEqual([
      {
        region: 'cervical',
        evidence: [expect.objectContaining({ id: 'neck' }), expect.objectContaining({ id: 'disc' })],
      },
      {
        region: 'lumbosacral',
        evidence: [expect.objectContaining({ id: 'low' }), expect.objectContaining({ id: 'lumbar' })],
      },
    ]);
  });

  it('resolved or unconfirmed conditions suggest no region', () => {
    expect(mapFacts([condition('low', SNOMED, '278860009', { clinical: 'resolved' })]).regions).toEqual([]);
    const unconfirmed = mapFacts([condition('low', SNOMED, '278860009', { verification: 'provisional' })]);
    expect(unconfirmed.regions).toEqual([]);
    expect(codes(unconfirmed)).toContain('condition-not-confirmed');
  });
});

describe('closed world', () => {
  it('open (the default): a fact with no resource about it stays unrecorded', () => {
    expect(mapFacts([patient('1970-01-01')]).facts).toEqual({ ageYears: 56 });
  });

  it('closed: every coded fact with no resource about it is false, with a note', () => {
    const value = mapFacts([patient('1970-01-01')], { closedWorld: true });
    expect(value.facts).toEqual({
      ageYears: 56,
      oncologicalDisease: false,
      pregnant: false,
      coagulationDisorder: false,
      acuteInfection: false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
      anticoagulantTherapy: false,
      pacemaker: false,
      caudaEquinaSyndrome: false,
      historyOfCancer: false,
    });
    expect(value.notes.filter((note) => note.code === 'closed-world')).toHaveLength(10);
    expect(value.evidence.oncologicalDisease).toBeUndefined();
  });

  it('the result is frozen', () => {
    const value = mapFacts([patient('1970-01-01')]);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.facts)).toBe(true);
    expect(Object.isFrozen(value.notes)).toBe(true);
  });
});
