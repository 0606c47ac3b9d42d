// Conditions: how their statuses, abatements and codes set a fact or a region, and the exact
// notes that explain a condition left out.
import { describe, expect, it } from 'vitest';
import type { FhirCodeList, FhirOptions } from '../../src/fhir/index.js';
import { type ConditionShape, condition, ICD10, ICD10CM, mapFacts, ON, patient, SNOMED } from './fixtures/builders.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const conditionRef = { resourceType: 'Condition', id: 'c1', path: [1] };
const CANCER = '254837009';

/** The result for the Patient and one Condition with the given code. */
function one(code: string, shape: ConditionShape = {}, system = SNOMED, options: Partial<FhirOptions> = {}) {
  return mapFacts([patient('1970-01-01'), condition('c1', system, code, shape)], options);
}

function cancerNote(code: string, message: string) {
  return { code, message, fact: 'oncologicalDisease', resource: conditionRef };
}

/** The same note about the history of cancer, which a malignant neoplasm records too. */
function historyNote(code: string, message: string) {
  return { code, message, fact: 'historyOfCancer', resource: conditionRef };
}

describe('condition status notes', () => {
  it('a confirmed active condition counts without a note', () => {
    const value = one(CANCER);
    expect(value.facts).toEqual({ ageYears: 56, oncologicalDisease: true, historyOfCancer: true });
    expect(value.evidence.oncologicalDisease).toEqual([conditionRef]);
    expect(value.evidence.historyOfCancer).toEqual([conditionRef]);
    expect(value.notes).toStrictEqual([]);
  });

  it('refuted: ignored, with the verification status in the note', () => {
    expect(one(CANCER, { verification: 'refuted' }).notes).toStrictEqual([
      cancerNote(
        'condition-ignored',
        'Condition coded as oncological disease is ignored: verificationStatus is refuted',
      ),
      historyNote(
        'condition-ignored',
        'Condition coded as a history of cancer is ignored: verificationStatus is refuted',
      ),
    ]);
  });

  it('resolved: does not count, with the clinical status in the note', () => {
    expect(one(CANCER, { clinical: 'resolved' }).notes).toStrictEqual([
      cancerNote(
        'condition-inactive',
        'Condition coded as oncological disease does not count: clinicalStatus is resolved, as the record said on or before 2026-11-24',
      ),
    ]);
  });

  it('abated without a clinical status: does not count', () => {
    expect(one(CANCER, { clinical: null, abatement: '2020-01-01' }).notes).toStrictEqual([
      cancerNote(
        'condition-inactive',
        'Condition coded as oncological disease does not count: it ended 2020-01-01, before 2026-11-24',
      ),
    ]);
  });

  it('active with an abatement: contradicts itself', () => {
    expect(one(CANCER, { abatement: '2020-01-01' }).notes).toStrictEqual([
      cancerNote(
        'condition-contradictory-status',
        'Condition coded as oncological disease leaves it unrecorded: clinicalStatus is active but the condition has an abatement',
      ),
    ]);
  });

  it('an abatement of any form (period, age, range, string) is an abatement', () => {
    const abatements = [
      { abatementPeriod: { end: '2020-01-01' } },
      { abatementAge: { value: 40, unit: 'a' } },
      { abatementRange: { low: { value: 40 } } },
      { abatementString: 'in her forties' },
    ];
    for (const abatement of abatements) {
      const active = { ...condition('c1', SNOMED, CANCER), ...abatement };
      const value = mapFacts([patient('1970-01-01'), active], { closedWorld: true });
      expect(value.facts.oncologicalDisease).toBeUndefined();
      expect(value.notes.map((note) => note.code)).toContain('condition-contradictory-status');
      const { clinicalStatus: _clinical, ...withoutStatus } = active;
      expect(mapFacts([patient('1970-01-01'), withoutStatus], { closedWorld: true }).facts.oncologicalDisease).toBe(
        false,
      );
    }
  });

  it('unconfirmed: the verification status is in the note', () => {
    expect(one(CANCER, { verification: 'provisional' }).notes).toStrictEqual([
      cancerNote(
        'condition-not-confirmed',
        'Condition coded as oncological disease leaves it unrecorded: verificationStatus is provisional',
      ),
      historyNote(
        'condition-not-confirmed',
        'Condition coded as a history of cancer leaves it unrecorded: verificationStatus is provisional',
      ),
    ]);
  });

  it('without a verification status: not confirmed', () => {
    expect(one(CANCER, { verification: null }).notes).toStrictEqual([
      cancerNote(
        'condition-not-confirmed',
        'Condition coded as oncological disease leaves it unrecorded: it has no verificationStatus, so it is not confirmed',
      ),
      historyNote(
        'condition-not-confirmed',
        'Condition coded as a history of cancer leaves it unrecorded: it has no verificationStatus, so it is not confirmed',
      ),
    ]);
  });

  it('without a clinical status, or with an unknown one: the note says which', () => {
    expect(one(CANCER, { clinical: null }).notes).toStrictEqual([
      cancerNote(
        'condition-without-status',
        'Condition coded as oncological disease leaves it unrecorded: it has no clinicalStatus',
      ),
    ]);
    expect(one(CANCER, { clinical: 'dormant' }).notes).toStrictEqual([
      cancerNote(
        'condition-without-status',
        'Condition coded as oncological disease leaves it unrecorded: its clinicalStatus "dormant" is not a known code',
      ),
    ]);
  });

  it('about another patient: ignored, with the subject in a note that names no fact', () => {
    const value = one(CANCER, { subject: 'Patient/someone-else' });
    expect(value.facts).toEqual({ ageYears: 56 });
    expect(value.notes).toStrictEqual([
      {
        code: 'other-patient',
        message: 'Condition is about Patient/someone-else, not the Patient: ignored',
        resource: conditionRef,
      },
    ]);
  });

  it('a condition whose codes match no list and name no region is passed over silently, whoever it is about', () => {
    for (const shape of [{ subject: 'Patient/someone-else' }, { verification: 'provisional' }]) {
      const value = one('Z00.0', shape, ICD10);
      expect(value.facts).toEqual({ ageYears: 56 });
      expect(value.notes).toStrictEqual([]);
    }
  });

  it('a condition without a code cannot be read: in a closed world, no fact is set to false', () => {
    const { code: _code, ...uncoded } = condition('c1', SNOMED, CANCER, { verification: 'provisional' });
    const value = mapFacts([patient('1970-01-01'), uncoded], { closedWorld: true });
    expect(value.facts).toEqual({ ageYears: 56 });
    expect(value.notes).toStrictEqual([
      {
        code: 'unreadable-code',
        message:
          'Condition has no code in a system the mapping reads (only text, or another code system): the facts a condition can record stay unrecorded',
        resource: conditionRef,
      },
    ]);
    const resolved = condition('c1', 'urn:clinic', 'X1', { clinical: 'resolved' });
    expect(mapFacts([patient('1970-01-01'), resolved], { closedWorld: true }).facts.oncologicalDisease).toBe(false);
  });

  it('reads the clinical status from its own code system, trimmed', () => {
    const withStatus = (clinicalStatus: object) => ({ ...condition('c1', SNOMED, CANCER), clinicalStatus });
    const foreignFirst = withStatus({
      coding: [
        { system: 'urn:clinic:status', code: 'inactive' },
        { system: CLINICAL, code: 'active' },
      ],
    });
    expect(mapFacts([patient('1970-01-01'), foreignFirst]).facts.oncologicalDisease).toBe(true);
    const padded = withStatus({ coding: [{ system: CLINICAL, code: ' active ' }] });
    expect(mapFacts([patient('1970-01-01'), padded]).facts.oncologicalDisease).toBe(true);
  });
});

describe('condition code kinds', () => {
  it('a noted code is noted with its list title; resolved, it is not noted at all', () => {
    expect(one('7200002').notes).toStrictEqual([
      {
        code: 'noted-code',
        message:
          'Condition "Substance use disorders (noted, never read as the acute effect of a substance)" is noted for the clinician; it does not set influence of a psychotropic substance',
        fact: 'psychotropicInfluence',
        resource: conditionRef,
      },
    ]);
    expect(one('7200002', { clinical: 'resolved' }).notes).toStrictEqual([]);
  });

  it('an uncertain code names its list and the list’s advice, or asks the clinician', () => {
    const suspected = one('162573006');
    expect(suspected.facts).toEqual({ ageYears: 56 });
    expect(suspected.notes).toStrictEqual([
      cancerNote(
        'uncertain-code',
        'Condition "Suspected cancer, carcinoma in situ, neoplasm not stated to be malignant" does not settle oncological disease: a suspicion or a neoplasm of unstated behaviour: the clinician decides',
      ),
      historyNote(
        'uncertain-code',
        'Condition "Suspected cancer, carcinoma in situ, neoplasm not stated to be malignant, current or past" does not settle a history of cancer: a suspicion or a neoplasm of unstated behaviour: the clinician decides',
      ),
    ]);
    expect(one('370143000').notes).toStrictEqual([
      {
        code: 'uncertain-code',
        message:
          'Condition "Mental disorders in episodes, not stated to be in an acute period" does not settle acute mental illness: ask the clinician',
        fact: 'acuteMentalIllness',
        resource: conditionRef,
      },
    ]);
  });

  it('when the codes match lists of different kinds for one fact, the strongest decides', () => {
    const both = {
      ...condition('c1', SNOMED, CANCER),
      code: {
        coding: [
          { system: SNOMED, code: '162573006' },
          { system: SNOMED, code: CANCER },
        ],
      },
    };
    const value = mapFacts([patient('1970-01-01'), both]);
    expect(value.facts).toEqual({ ageYears: 56, oncologicalDisease: true, historyOfCancer: true });
    expect(value.notes).toStrictEqual([]);
  });

  it('a clinic region list that also names a fact suggests the region and never sets the fact', () => {
    const back: FhirCodeList = {
      id: 'clinic-back',
      title: 'Back',
      kind: 'region',
      region: 'thoracic',
      fact: 'oncologicalDisease',
      systems: ['urn:clinic'],
      codes: ['BACK'],
      source: { title: 'Clinic book' },
    };
    const value = one('BACK', {}, 'urn:clinic', { extraCodes: [back], closedWorld: true });
    expect(value.facts.oncologicalDisease).toBe(false);
    expect(value.regions).toEqual([{ region: 'thoracic', evidence: [conditionRef] }]);
  });
});

describe('condition regions', () => {
  it('reads ICD-10-CM codes for regions, and ICD-10 codes only under the ICD-10 systems', () => {
    expect(one('M50.121', {}, ICD10CM).regions).toEqual([{ region: 'cervical', evidence: [conditionRef] }]);
    expect(one('M50.121', {}, ICD10).regions).toEqual([{ region: 'cervical', evidence: [conditionRef] }]);
    const local = one('M50.121', {}, 'urn:clinic');
    expect(local.regions).toEqual([]);
    expect(local.notes.map((note) => note.code)).toStrictEqual(['unreadable-code']);
  });

  it('an unconfirmed condition names its regions in a note and suggests none', () => {
    const both = {
      ...condition('c1', SNOMED, '1121000119107', { verification: 'provisional' }),
      code: {
        coding: [
          { system: SNOMED, code: '1121000119107' },
          { system: SNOMED, code: '278860009' },
        ],
      },
    };
    const value = mapFacts([patient('1970-01-01'), both]);
    expect(value.regions).toEqual([]);
    expect(value.notes).toStrictEqual([
      {
        code: 'condition-not-confirmed',
        message:
          'Condition naming the cervical and lumbosacral region is not used for region suggestions: verificationStatus is provisional',
        resource: conditionRef,
      },
    ]);
  });

  it('an unconfirmed condition that names no region has no region note', () => {
    expect(one(CANCER, { verification: 'provisional' }).notes.map((note) => note.code)).toEqual([
      'condition-not-confirmed',
      'condition-not-confirmed',
    ]);
  });

  it('a resolved condition naming a region suggests none, silently', () => {
    const value = one('278860009', { clinical: 'resolved' });
    expect(value.regions).toEqual([]);
    expect(value.notes).toStrictEqual([]);
  });
});

describe('conditions and pregnancy', () => {
  const PREGNANCY = '72892002';

  it('a resolved pregnancy that abated is a "not pregnant" record as of its abatement', () => {
    const value = one(PREGNANCY, { clinical: 'resolved', abatement: '2026-10-30' });
    expect(value.facts).toEqual({ ageYears: 56 });
    expect(value.notes).toStrictEqual([
      {
        code: 'condition-inactive',
        message: 'Condition coded as pregnancy does not count: it ended 2026-10-30, before 2026-11-24',
        fact: 'pregnant',
        resource: conditionRef,
      },
      {
        code: 'pregnancy-not-current',
        message:
          'The latest pregnancy record says not pregnant as of 2026-10-30, before 2026-11-24: a pregnancy since then is not excluded',
        fact: 'pregnant',
        resource: conditionRef,
      },
    ]);
  });

  it('a pregnancy that abated on the reference date, with no onset, may have gone on that day: not recorded, never false', () => {
    const value = one(PREGNANCY, { clinical: 'resolved', abatement: ON }, SNOMED, { closedWorld: true });
    expect(value.facts.pregnant).toBeUndefined();
    expect(value.notes.map((note) => note.code).filter((code) => code !== 'closed-world')).toEqual(['dates-unclear']);
    const began = one(PREGNANCY, { clinical: 'resolved', onset: '2026-03-01', abatement: ON });
    expect(began.facts.pregnant).toBe(true);
  });

  it('a resolved pregnancy without an abatement date, or another resolved condition, is no pregnancy record', () => {
    expect(one(PREGNANCY, { clinical: 'resolved' }).notes.map((note) => note.code)).toEqual(['condition-inactive']);
    expect(one(CANCER, { clinical: 'resolved', abatement: '2026-10-30' }).notes.map((note) => note.code)).toEqual([
      'condition-inactive',
    ]);
  });

  it('a resolved condition of an uncertain pregnancy list is no pregnancy record', () => {
    const suspected: FhirCodeList = {
      id: 'clinic-suspected-pregnancy',
      title: 'Suspected pregnancy',
      kind: 'uncertain',
      fact: 'pregnant',
      systems: ['urn:clinic'],
      codes: ['PREG?'],
      source: { title: 'Clinic book' },
    };
    const value = one('PREG?', { clinical: 'resolved', abatement: '2026-10-30' }, 'urn:clinic', {
      extraCodes: [suspected],
    });
    expect(value.notes.map((note) => note.code)).toEqual(['condition-inactive']);
  });

  it('an active pregnancy condition is old from 294 days before the reference date, with a note', () => {
    expect(one(PREGNANCY, { onset: '2026-02-03' }).notes).toStrictEqual([]);
    expect(one(PREGNANCY, { onset: '2026-10-01' }).notes).toStrictEqual([]);
    const old = one(PREGNANCY, { onset: '2026-02-02' });
    expect(old.facts).toEqual({ ageYears: 56, pregnant: true });
    expect(old.notes).toStrictEqual([
      {
        code: 'pregnancy-condition-old',
        message:
          'Active pregnancy condition began 2026-02-02, more than 42 weeks before 2026-11-24: it counts, but check the record',
        fact: 'pregnant',
        resource: conditionRef,
      },
    ]);
  });
});
