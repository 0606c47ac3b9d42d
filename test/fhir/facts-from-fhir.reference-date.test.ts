// The record read as of the reference date, and the inputs that once gave wrong all-clears: each
// case below screened as "eligible" (or read a fact as false) where the record says otherwise.
import { describe, expect, it } from 'vitest';
import { type FhirOptions, factsFromFhir } from '../../src/fhir/index.js';
import { ageRule, cautionRuleSet, defineRuleSet, protocolRuleSet, screen } from '../../src/index.js';
import {
  condition,
  ICD10,
  ICD10CM,
  LOINC,
  mapExtract,
  mapFacts,
  medicationRequest,
  NOT_PREGNANT,
  PREGNANT,
  patient,
  pregnancyStatus,
  RXNORM,
  SNOMED,
} from './fixtures/builders.js';

const mother = patient('1990-05-01');
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

describe('dates are read against the reference date, not the status written at export', () => {
  it('a pregnancy resolved since, whose dates cover the reference date, was a pregnancy then', () => {
    const pregnancy = condition('c1', SNOMED, '72892002', {
      clinical: 'resolved',
      onset: '2026-06-01',
      abatement: '2027-02-10',
    });
    const value = mapExtract([mother, pregnancy], { on: '2026-12-01', closedWorld: true });
    expect(value.facts.pregnant).toBe(true);
    expect(value.evidence.pregnant).toEqual([expect.objectContaining({ id: 'c1' })]);
    expect(screen(value.facts).status).toBe('contraindicated');
  });

  it('an acute infection resolved since was acute on a day inside its dates', () => {
    const pharyngitis = condition('c1', SNOMED, '195662009', {
      clinical: 'resolved',
      onset: '2021-03-10',
      abatement: '2021-03-20',
    });
    expect(
      mapExtract([patient('1970-01-01'), pharyngitis], { on: '2021-03-15', closedWorld: true }).facts.acuteInfection,
    ).toBe(true);
    expect(
      mapExtract([patient('1970-01-01'), pharyngitis], { on: '2021-03-21', closedWorld: true }).facts.acuteInfection,
    ).toBe(false);
    // The day it began and the day it ended count; the day before it began says nothing.
    expect(mapExtract([pharyngitis], { on: '2021-03-10' }).facts.acuteInfection).toBe(true);
    expect(mapExtract([pharyngitis], { on: '2021-03-20' }).facts.acuteInfection).toBe(true);
    expect(mapExtract([pharyngitis], { on: '2021-03-09', closedWorld: true }).facts.acuteInfection).toBe(false);
  });

  it('an order authored after the reference date does not count on it', () => {
    const later = { ...medicationRequest('m1', RXNORM, '855332'), authoredOn: '2026-12-02' };
    const value = mapFacts([patient('1950-01-01'), later], { on: '2026-12-01', closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBe(false);
    expect(value.notes.map((note) => note.code)).toContain('after-reference-date');
    const before = { ...later, authoredOn: '2026-11-30' };
    expect(mapFacts([before], { on: '2026-12-01' }).facts.anticoagulantTherapy).toBe(true);
  });

  it('conditions that begin years after the reference date suggest no region', () => {
    const back = condition('c1', SNOMED, '278860009', { onset: '2031-04-01' });
    expect(mapFacts([patient('1970-01-01'), back], { on: '2026-12-01' }).regions).toEqual([]);
    expect(mapFacts([patient('1970-01-01'), back], { on: '2031-04-01' }).regions).toEqual([
      { region: 'lumbosacral', evidence: [expect.objectContaining({ id: 'c1' })] },
    ]);
  });

  it('a "not pregnant" status recorded after the reference date cannot exclude a pregnancy on it', () => {
    const later = pregnancyStatus('o1', NOT_PREGNANT, '2026-12-05');
    const value = mapFacts([mother, later], { on: '2026-12-01' });
    expect(value.facts.pregnant).toBeUndefined();
    expect(mapFacts([mother, later], { on: '2026-12-05' }).facts.pregnant).toBe(false);
  });

  it('where the dates cannot tell, the fact stays unrecorded: a partial onset across the day, a status of unknown date', () => {
    const cancer = condition('c1', SNOMED, '254837009', { onset: '2026' });
    expect(mapFacts([cancer], { on: '2026-06-01', closedWorld: true }).facts.oncologicalDisease).toBeUndefined();
    // Resolved, with no abatement date, in a record extracted a year after the reference date.
    const resolved = condition('c2', SNOMED, '254837009', { clinical: 'resolved', onset: '2020-01-01' });
    const extracted = { on: '2025-06-01', extractedOn: '2026-06-01', closedWorld: true };
    const late = mapExtract([resolved], extracted);
    expect(late.facts.oncologicalDisease).toBeUndefined();
    expect(late.notes[1]?.code).toBe('dates-unclear');
    // The same record read on its extract date: the status holds, and the cancer is resolved.
    expect(mapExtract([resolved], { ...extracted, on: '2026-06-01' }).facts.oncologicalDisease).toBe(false);
  });

  it('a status holds from the resource’s meta.lastUpdated, else from the Bundle’s timestamp', () => {
    const resolved = condition('c1', SNOMED, '254837009', { clinical: 'resolved', onset: '2020-01-01' });
    const updated = { ...resolved, meta: { lastUpdated: '2024-02-01T10:00:00Z' } };
    expect(mapExtract([updated], { on: '2025-01-01', closedWorld: true }).facts.oncologicalDisease).toBe(false);
    expect(mapExtract([updated], { on: '2023-01-01', closedWorld: true }).facts.oncologicalDisease).toBeUndefined();
    const stamped = {
      resourceType: 'Bundle',
      type: 'searchset',
      timestamp: '2024-02-01T10:00:00Z',
      entry: [{ resource: resolved }],
    };
    expect(mapExtract(stamped, { on: '2025-01-01', closedWorld: true }).facts.oncologicalDisease).toBe(false);
    expect(mapExtract(stamped, { on: '2023-01-01', closedWorld: true }).facts.oncologicalDisease).toBeUndefined();
  });

  it('a medication period decides whatever the status says now; without one, a stopped order says nothing of an earlier day', () => {
    const stopped = {
      ...medicationRequest('m1', RXNORM, '855332', 'stopped'),
      authoredOn: '2026-01-01',
      dispenseRequest: { validityPeriod: { start: '2026-01-01', end: '2026-06-30' } },
    };
    expect(mapExtract([stopped], { on: '2026-03-01' }).facts.anticoagulantTherapy).toBe(true);
    expect(mapExtract([stopped], { on: '2026-07-01', closedWorld: true }).facts.anticoagulantTherapy).toBe(false);
    const { dispenseRequest: _period, ...undated } = stopped;
    expect(mapExtract([undated], { on: '2026-03-01', closedWorld: true }).facts.anticoagulantTherapy).toBeUndefined();
    const statement = {
      resourceType: 'MedicationStatement',
      id: 's1',
      status: 'completed',
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: '855332' }] },
      effectivePeriod: { start: '2025-01-01', end: '2025-12-31' },
    };
    expect(mapExtract([statement], { on: '2025-06-01' }).facts.anticoagulantTherapy).toBe(true);
    expect(mapExtract([statement], { on: '2026-01-01', closedWorld: true }).facts.anticoagulantTherapy).toBe(false);
  });
});

describe('a failed search is no empty record', () => {
  it('an OperationOutcome, alone or as a search outcome, keeps a closed world from reading absence as "no"', () => {
    const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception' }] };
    const alone = mapFacts([patient('1970-01-01'), outcome], { closedWorld: true });
    expect(alone.facts).toEqual({ ageYears: 56 });
    expect(alone.notes.map((note) => note.code)).toEqual(['search-failed']);
    const searchset = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: outcome, search: { mode: 'outcome' } }],
    };
    expect(mapFacts([patient('1970-01-01'), searchset], { closedWorld: true }).facts).toEqual({ ageYears: 56 });
    // One that only informs is no failure.
    const info = { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] };
    expect(mapFacts([patient('1970-01-01'), info], { closedWorld: true }).facts.pregnant).toBe(false);
  });
});

describe("another patient's resources", () => {
  it('are ignored when the caller names the patient, even if the Patient resource has no id', () => {
    const { id: _id, ...anonymous } = patient('1970-01-01');
    const theirs = condition('c1', SNOMED, '254837009', { subject: 'Patient/other' });
    expect(mapFacts([anonymous, theirs]).facts.oncologicalDisease).toBe(true);
    const value = mapFacts([anonymous, theirs], { patientId: 'p1', closedWorld: true });
    expect(value.facts.oncologicalDisease).toBe(false);
    expect(value.notes[0]).toMatchObject({ code: 'other-patient' });
  });

  it('a Patient resource of another patient than the one named is refused', () => {
    const result = factsFromFhir([patient('1970-01-01', 'other')], { on: '2026-12-01', patientId: 'p1' });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'patient-mismatch',
          path: [0, 'id'],
          message: 'the Patient is other, not p1, the patient given in the options',
        },
      ],
    });
  });

  it('a urn:uuid subject other than the Patient entry is another patient', () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [
        { fullUrl: 'urn:uuid:a', resource: patient('1970-01-01') },
        { resource: condition('c1', SNOMED, '254837009', { subject: 'urn:uuid:b' }) },
        { resource: condition('c2', SNOMED, '72892002', { subject: 'urn:uuid:a' }) },
      ],
    };
    const value = mapFacts(bundle);
    expect(value.facts).toEqual({ ageYears: 56, pregnant: true });
  });
});

describe('one meaning, every code system', () => {
  const one = (system: string, code: string) =>
    mapFacts([patient('1970-01-01'), condition('c1', system, code, { onset: '2026-01-01' })], { closedWorld: true });

  it('depression and urinary tract infection ask in ICD-10 as they do in SNOMED CT', () => {
    for (const [system, code] of [
      [SNOMED, '370143000'],
      [ICD10, 'F32.2'],
      [ICD10CM, 'F32.2'],
    ] as const) {
      expect(one(system, code).facts.acuteMentalIllness, `${system} ${code}`).toBeUndefined();
    }
    for (const [system, code] of [
      [SNOMED, '68566005'],
      [ICD10, 'N39.0'],
    ] as const) {
      expect(one(system, code).facts.acuteInfection, `${system} ${code}`).toBeUndefined();
    }
  });

  it('withdrawal delirium and a positive pregnancy test count in every classification', () => {
    expect(one(ICD10, 'F10.4').facts.acuteMentalIllness).toBe(true);
    expect(one(ICD10CM, 'F10.231').facts.acuteMentalIllness).toBe(true);
    expect(one(ICD10CM, 'Z32.01').facts.pregnant).toBe(true);
    expect(one(ICD10, 'Z32.1').facts.pregnant).toBe(true);
  });

  it('a miscarriage asks in ICD-10 as in SNOMED CT', () => {
    expect(one(ICD10, 'O03.9').facts.pregnant).toBeUndefined();
    expect(one(SNOMED, '17369002').facts.pregnant).toBeUndefined();
  });

  it('neck pain and low back pain suggest their regions in ICD-10 as in SNOMED CT', () => {
    expect(one(ICD10, 'M54.2').regions.map((suggestion) => suggestion.region)).toEqual(['cervical']);
    expect(one(ICD10, 'M54.5').regions.map((suggestion) => suggestion.region)).toEqual(['lumbosacral']);
    expect(one(ICD10CM, 'M54.50').regions.map((suggestion) => suggestion.region)).toEqual(['lumbosacral']);
    expect(one(SNOMED, '81680005').regions.map((suggestion) => suggestion.region)).toEqual(['cervical']);
  });
});

describe('codings of one concept are alternatives', () => {
  it('a clinicalStatus coded both resolved and active leaves the fact unrecorded', () => {
    const both = {
      ...condition('c1', SNOMED, '72892002'),
      clinicalStatus: {
        coding: [
          { system: CLINICAL, code: 'resolved' },
          { system: CLINICAL, code: 'active' },
        ],
      },
    };
    const value = mapFacts([mother, both], { closedWorld: true });
    expect(value.facts.pregnant).toBeUndefined();
    expect(value.notes[0]?.message).toBe(
      'Condition coded as pregnancy leaves it unrecorded: its clinicalStatus codings disagree',
    );
  });

  it('a pregnancy status coded both pregnant and not pregnant is not used', () => {
    const both = {
      ...pregnancyStatus('o1', NOT_PREGNANT, '2026-11-24'),
      valueCodeableConcept: {
        coding: [
          { system: LOINC, code: NOT_PREGNANT },
          { system: LOINC, code: PREGNANT },
        ],
      },
    };
    expect(mapFacts([mother, both], { closedWorld: true }).facts.pregnant).toBeUndefined();
  });
});

describe('a medication that cannot be read is never "no"', () => {
  it('an unknown status, such as "Active", leaves anticoagulant therapy unrecorded', () => {
    const value = mapFacts([medicationRequest('m1', RXNORM, '855332', 'Active')], { closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBeUndefined();
    expect(value.notes[1]?.message).toBe(
      'MedicationRequest for anticoagulant therapy has the unknown status "Active": anticoagulant therapy is not excluded',
    );
  });

  it('a drug given only as text or a display name leaves anticoagulant therapy unrecorded', () => {
    for (const medicationCodeableConcept of [{ text: 'warfarin' }, { coding: [{ display: 'Warfarin 5 mg' }] }]) {
      const order = { ...medicationRequest('m1', RXNORM, '855332'), medicationCodeableConcept };
      expect(mapFacts([order], { closedWorld: true }).facts.anticoagulantTherapy).toBeUndefined();
    }
  });
});

describe('every age bound of the rule set is checked for a partial birth date', () => {
  it('a birth year across the 65 of an 18-65 caution rule leaves the age unrecorded', () => {
    const options: Partial<FhirOptions> = {
      on: '2026-06-01',
      ageBounds: [
        { under: 3, over: 75 },
        { under: 18, over: 65 },
      ],
    };
    const value = mapFacts([patient('1960')], options);
    expect(value.facts.ageYears).toBeUndefined();
    expect(value.notes[0]?.message).toBe(
      'The birth date 1960 is partial: on 2026-06-01 the age is 65 to 66 years, across an age bound (under 18, over 65), so it is not recorded',
    );
    const clinic = defineRuleSet({
      id: 'clinic',
      version: '1',
      rules: [...protocolRuleSet.rules, { ...ageRule({ under: 18, over: 65 }), id: 'clinic-age', kind: 'relative' }],
    });
    expect(screen(value.facts, { ruleSet: clinic }).status).toBe('incomplete');
  });

  it('a partial birth date that gives one age whichever day it is still says it was partial', () => {
    const value = mapFacts([patient('1950-06')], { on: '2026-07-15' });
    expect(value.facts.ageYears).toBe(76);
    expect(value.notes[0]?.message).toBe(
      'The birth date 1950-06 is partial: on 2026-07-15 the age is 76 years whichever day it is, on the same side of every age bound; recorded as 76',
    );
  });
});

describe('implanted devices', () => {
  const pacemaker = {
    resourceType: 'Device',
    id: 'd1',
    status: 'active',
    manufactureDate: '2020-03-06T01:40:58-05:00',
    type: { coding: [{ system: SNOMED, code: '706004007' }] },
    patient: { reference: 'Patient/p1' },
  };

  it('an active implanted pacemaker sets pacemaker, and the caution set asks about electroacupuncture only', () => {
    const value = mapFacts([patient('1950-01-01'), pacemaker]);
    expect(value.facts.pacemaker).toBe(true);
    expect(value.evidence.pacemaker).toEqual([expect.objectContaining({ id: 'd1' })]);
    expect(screen(value.facts, { ruleSet: cautionRuleSet }).missing).toContain('electroacupuncturePlanned');
  });

  it('a device carries no implant date: its status decides only on or after the day it is known to hold', () => {
    expect(mapExtract([pacemaker], { on: '2026-11-24', closedWorld: true }).facts.pacemaker).toBeUndefined();
    expect(mapExtract([pacemaker], { on: '2019-01-01', closedWorld: true }).facts.pacemaker).toBe(false);
    expect(mapFacts([{ ...pacemaker, status: 'inactive' }], { closedWorld: true }).facts.pacemaker).toBe(false);
  });
});

describe('the result is frozen all the way down', () => {
  it('facts, evidence, references and their paths, notes', () => {
    const value = mapFacts([patient('1970-01-01'), condition('c1', SNOMED, '254837009')]);
    const [ref] = value.evidence.oncologicalDisease ?? [];
    expect(Object.isFrozen(value.evidence)).toBe(true);
    expect(Object.isFrozen(value.evidence.oncologicalDisease)).toBe(true);
    expect(Object.isFrozen(ref)).toBe(true);
    expect(Object.isFrozen(ref?.path)).toBe(true);
    const noted = mapFacts([patient('1970-01-01'), condition('c1', SNOMED, '254837009', { clinical: 'resolved' })]);
    expect(noted.notes.every((note) => Object.isFrozen(note))).toBe(true);
  });
});
