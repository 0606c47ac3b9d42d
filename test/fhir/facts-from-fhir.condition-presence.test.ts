// Conditions as of the reference date: the exact notes of a condition that had abated, whose
// dates cannot tell, or that begins after the date; the regions of those conditions; and a code
// with one coding that cannot be read.
import { describe, expect, it } from 'vitest';
import { type ConditionShape, condition, ICD10, ICD10CM, mapFacts, ON, patient, SNOMED } from './fixtures/builders.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CANCER = '254837009';
const LOW_BACK_PAIN = '278860009';
const conditionRef = { resourceType: 'Condition', id: 'c1', path: [1] };
const base = patient('1970-01-01');

function cancerNote(code: string, message: string) {
  return { code, message, fact: 'oncologicalDisease', resource: conditionRef };
}

/** The result for the Patient and one Condition, with `fields` over the builder's. */
function one(code: string, shape: ConditionShape, fields: Record<string, unknown> = {}, system = SNOMED) {
  return mapFacts([base, { ...condition('c1', system, code, shape), ...fields }], { closedWorld: true });
}
const withoutClosedWorld = (value: { readonly notes: readonly { readonly code: string }[] }) =>
  value.notes.filter((note) => note.code !== 'closed-world');

describe('a condition that had abated by the reference date, as the record said then', () => {
  it('without a clinical status: it has abated', () => {
    const value = one(CANCER, { clinical: null }, { abatementString: 'in childhood' });
    expect(value.facts.oncologicalDisease).toBe(false);
    expect(withoutClosedWorld(value)).toStrictEqual([
      cancerNote(
        'condition-inactive',
        `Condition coded as oncological disease does not count: it has abated, as the record said on or before ${ON}`,
      ),
    ]);
  });

  it('with clinical status codings that disagree: it has abated too', () => {
    const disagree = {
      clinicalStatus: {
        coding: [
          { system: CLINICAL, code: 'resolved' },
          { system: CLINICAL, code: 'inactive' },
        ],
      },
      abatementString: 'in childhood',
    };
    expect(withoutClosedWorld(one(CANCER, {}, disagree))).toStrictEqual([
      cancerNote(
        'condition-inactive',
        `Condition coded as oncological disease does not count: it has abated, as the record said on or before ${ON}`,
      ),
    ]);
  });

  it('with a clinical status that says so, in the note', () => {
    expect(withoutClosedWorld(one(CANCER, { clinical: 'remission' }))).toStrictEqual([
      cancerNote(
        'condition-inactive',
        `Condition coded as oncological disease does not count: clinicalStatus is remission, as the record said on or before ${ON}`,
      ),
    ]);
  });
});

describe('a condition whose dates cannot tell', () => {
  it('without a clinical status, the note says only that', () => {
    const value = one(CANCER, { clinical: null, onset: '2020-01-01', abatement: '2026-11' });
    expect(value.facts.oncologicalDisease).toBeUndefined();
    expect(withoutClosedWorld(value)).toStrictEqual([
      cancerNote(
        'dates-unclear',
        `Condition coded as oncological disease leaves it unrecorded: its dates do not tell whether it was present on ${ON}`,
      ),
    ]);
  });

  it('with a clinical status, the note says that it describes the record, not the reference date', () => {
    expect(withoutClosedWorld(one(CANCER, { onset: '2026' }))).toStrictEqual([
      cancerNote(
        'dates-unclear',
        `Condition coded as oncological disease leaves it unrecorded: its dates do not tell whether it was present on ${ON}, and its clinicalStatus (active) describes the record when it was written, not ${ON}`,
      ),
      {
        ...cancerNote(
          'dates-unclear',
          `Condition coded as a history of cancer leaves it unrecorded: its dates do not tell whether it was present on ${ON}, and its clinicalStatus (active) describes the record when it was written, not ${ON}`,
        ),
        fact: 'historyOfCancer',
      },
    ]);
  });
});

describe('the regions of conditions as of the reference date', () => {
  it('a condition that begins after the reference date suggests no region, silently', () => {
    const value = one(LOW_BACK_PAIN, { onset: '2026-12-01' });
    expect(value.regions).toEqual([]);
    expect(withoutClosedWorld(value)).toStrictEqual([]);
  });

  it('a condition whose dates cannot tell suggests no region, and says why', () => {
    const value = one(LOW_BACK_PAIN, { onset: '2026' });
    expect(value.regions).toEqual([]);
    expect(withoutClosedWorld(value)).toStrictEqual([
      {
        code: 'dates-unclear',
        message: `Condition naming the lumbosacral region is not used for region suggestions: its dates do not tell whether it was present on ${ON}, and its clinicalStatus (active) describes the record when it was written, not ${ON}`,
        resource: conditionRef,
      },
    ]);
  });

  it('a condition that had ended suggests no region, silently', () => {
    const value = one(LOW_BACK_PAIN, { clinical: 'resolved', onset: '2020-01-01', abatement: '2021-01-01' });
    expect(value.regions).toEqual([]);
    expect(withoutClosedWorld(value)).toStrictEqual([]);
  });

  it('only ICD-10 and ICD-10-CM codes are read for their site, never a code of another system', () => {
    const gm = 'http://fhir.de/CodeSystem/bfarm/icd-10-gm';
    const coded = {
      code: {
        coding: [
          { system: SNOMED, code: LOW_BACK_PAIN },
          { system: gm, code: 'M50.1' },
        ],
      },
    };
    const value = one(LOW_BACK_PAIN, { onset: '2020-01-01' }, coded);
    expect(value.regions).toEqual([{ region: 'lumbosacral', evidence: [conditionRef] }]);
    for (const system of [ICD10, ICD10CM]) {
      const icd10 = one('M50.1', { onset: '2020-01-01' }, {}, system);
      expect(icd10.regions).toEqual([{ region: 'cervical', evidence: [conditionRef] }]);
    }
  });
});

describe('a condition code with a coding that cannot be read', () => {
  const badCoding = (code: string) => ({
    code: { coding: [{ system: SNOMED, code }, 5] },
  });

  it('cannot be read at all: every fact a condition can record stays unrecorded', () => {
    const value = one(CANCER, { onset: '2020-01-01' }, badCoding(CANCER));
    expect(value.facts).toEqual({ ageYears: 56 });
    expect(withoutClosedWorld(value)).toStrictEqual([
      {
        code: 'malformed-resource',
        message:
          'Condition is left out: code.coding.1 cannot be read, expected a Coding (an object), got the number 5; oncological disease, pregnancy, coagulation disorder, acute infection, acute mental illness, influence of a psychotropic substance, anticoagulant therapy, an implanted electrical device, cauda equina syndrome, a history of cancer, prolonged corticosteroid use, immunosuppression stay unrecorded',
        resource: conditionRef,
        path: [1, 'code', 'coding', 1],
      },
    ]);
  });

  it('even when its other coding is on no list', () => {
    const value = one('22298006', { onset: '2020-01-01' }, badCoding('22298006'));
    expect(value.facts).toEqual({ ageYears: 56 });
    expect(withoutClosedWorld(value).map((note) => note.code)).toEqual(['malformed-resource']);
  });
});
