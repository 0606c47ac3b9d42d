// Pregnancy records against the reference date: statuses dated after it, across it, over periods
// that cover or straddle it, undated ones whose record is or is not known to be from it, and
// pregnancy conditions whose dates cover it. The exact notes and facts of each.
import { describe, expect, it } from 'vitest';
import {
  condition,
  ICD10,
  LOINC,
  mapExtract,
  mapFacts,
  NOT_PREGNANT,
  ON,
  PREGNANT,
  patient,
  pregnancyStatus,
  SNOMED,
} from './fixtures/builders.js';

const mother = patient('1990-01-01');
const ref = (id: string, index: number, resourceType = 'Observation') => ({ resourceType, id, path: [index] });
const pregnancyNote = (code: string, message: string, resource: ReturnType<typeof ref>) => ({
  code,
  message,
  fact: 'pregnant',
  resource,
});
/** The notes about pregnancy, without the closed world's. */
const pregnancyNotes = (value: { readonly notes: readonly { readonly code: string; readonly fact?: string }[] }) =>
  value.notes.filter((found) => found.fact === 'pregnant' && found.code !== 'closed-world');

/** A pregnancy status over `effectivePeriod`, with no effectiveDateTime. */
function overPeriod(id: string, value: string, start: string | undefined, end: string | undefined) {
  const { effectiveDateTime: _date, ...undated } = pregnancyStatus(id, value, ON);
  return {
    ...undated,
    effectivePeriod: { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) },
  };
}

describe('a pregnancy status dated after the reference date', () => {
  it('says nothing about it: passed over with a note, and a closed world excludes pregnancy', () => {
    const value = mapFacts([mother, pregnancyStatus('o1', PREGNANT, '2026-11-25')], { closedWorld: true });
    expect(value.facts.pregnant).toBe(false);
    expect(pregnancyNotes(value)).toStrictEqual([
      pregnancyNote(
        'after-reference-date',
        `Pregnancy status of 2026-11-25 is after ${ON}: it says nothing about ${ON}`,
        ref('o1', 1),
      ),
    ]);
  });
});

describe('a pregnancy status whose date straddles the reference date', () => {
  it('is not used, and says why', () => {
    const value = mapFacts([mother, pregnancyStatus('o1', NOT_PREGNANT, '2026-11')], { closedWorld: true });
    expect(value.facts.pregnant).toBeUndefined();
    expect(pregnancyNotes(value)).toStrictEqual([
      pregnancyNote(
        'dates-unclear',
        `Pregnancy status of 2026-11-01 may be before or after ${ON}: it is not used`,
        ref('o1', 1),
      ),
    ]);
  });

  it('a month that begins or ends on the reference date still straddles it', () => {
    for (const on of ['2026-11-01', '2026-11-30']) {
      const value = mapFacts([mother, pregnancyStatus('o1', PREGNANT, '2026-11')], { on, extractedOn: on });
      expect(value.facts.pregnant).toBeUndefined();
      expect(pregnancyNotes(value).map((found) => found.code)).toEqual(['dates-unclear']);
    }
  });
});

describe('a pregnancy status over a period', () => {
  it('that covers the reference date, to its last day, is a status of that date: "not pregnant" excludes', () => {
    for (const [start, end] of [
      ['2026-11-01', ON],
      [ON, ON],
      ['2026-11-20', '2026-12-31'],
      ['2026-11-20T08:00:00Z', undefined],
    ]) {
      const value = mapFacts([mother, overPeriod('o1', NOT_PREGNANT, start, end)]);
      expect(value.facts).toEqual({ ageYears: 36, pregnant: false });
      expect(value.evidence.pregnant).toEqual([ref('o1', 1)]);
    }
  });

  it('that ended before the reference date is an earlier status: "not pregnant" is not current', () => {
    const value = mapFacts([mother, overPeriod('o1', NOT_PREGNANT, '2026-11-01', '2026-11-23')]);
    expect(value.facts).toEqual({ ageYears: 36 });
    expect(value.notes).toStrictEqual([
      pregnancyNote(
        'pregnancy-not-current',
        `The latest pregnancy record says not pregnant as of 2026-11-01, before ${ON}: a pregnancy since then is not excluded`,
        ref('o1', 1),
      ),
    ]);
  });

  it('whose start or end may lie on either side of the reference date, or with no start, is not used', () => {
    for (const [start, end] of [
      ['2026-11', '2026-12-31'],
      ['2026-10-01', '2026-11'],
      [undefined, '2026-12-31'],
    ]) {
      const value = mapFacts([mother, overPeriod('o1', NOT_PREGNANT, start, end)], { closedWorld: true });
      expect(value.facts.pregnant).toBeUndefined();
      expect(pregnancyNotes(value).map((found) => found.code)).toEqual(['dates-unclear']);
    }
  });

  it('an empty period is no date: the status is dated by issued', () => {
    const issued = { ...overPeriod('o1', NOT_PREGNANT, undefined, undefined), issued: `${ON}T09:00:00Z` };
    expect(mapFacts([mother, issued]).facts).toEqual({ ageYears: 36, pregnant: false });
  });
});

describe('an undated pregnancy status', () => {
  const { effectiveDateTime: _date, ...undated } = pregnancyStatus('o1', PREGNANT, ON);

  it('in a record that may be from after the reference date is not used, and says why', () => {
    const value = mapExtract([mother, undated], { closedWorld: true });
    expect(value.facts.pregnant).toBeUndefined();
    expect(pregnancyNotes(value)).toStrictEqual([
      pregnancyNote(
        'dates-unclear',
        `Pregnancy status has no date, and the record may be from after ${ON}: it is not used`,
        ref('o1', 1),
      ),
    ]);
  });

  it('is used when meta.lastUpdated is on the reference date or before, whatever the extract date', () => {
    const updated = (lastUpdated: string) => ({ ...undated, meta: { lastUpdated } });
    expect(mapExtract([mother, updated(`${ON}T22:00:00Z`)]).facts).toEqual({ ageYears: 36, pregnant: true });
    expect(mapExtract([mother, updated('2026-11-01')]).facts).toEqual({ ageYears: 36, pregnant: true });
    const later = mapFacts([mother, updated('2026-11-25T06:00:00Z')]);
    expect(later.facts).toEqual({ ageYears: 36 });
    expect(pregnancyNotes(later).map((found) => found.code)).toEqual(['dates-unclear']);
  });

  it('is used in a record extracted on the reference date', () => {
    expect(mapFacts([mother, undated]).facts).toEqual({ ageYears: 36, pregnant: true });
  });
});

describe('observations that may be pregnancy statuses', () => {
  it('an answer from the pregnancy status list under another code is not used, and pregnancy is not excluded', () => {
    const otherCode = {
      ...pregnancyStatus('o1', NOT_PREGNANT, ON),
      code: { coding: [{ system: LOINC, code: '2106-3' }] },
    };
    const value = mapFacts([mother, otherCode], { closedWorld: true });
    expect(value.facts.pregnant).toBeUndefined();
    expect(pregnancyNotes(value)).toStrictEqual([
      pregnancyNote(
        'unreadable-code',
        'Observation has a pregnancy status answer but not the code of a pregnancy status (LOINC 82810-3): it is not used, and pregnancy is not excluded',
        ref('o1', 1),
      ),
    ]);
  });

  it('an observation whose code cannot be read, without a value, is left out and keeps pregnancy from being excluded', () => {
    const { valueCodeableConcept: _value, ...noValue } = pregnancyStatus('o1', PREGNANT, ON);
    const value = mapFacts([mother, { ...noValue, code: 'pregnancy' }], { closedWorld: true });
    expect(value.facts.pregnant).toBeUndefined();
    expect(value.notes.filter((found) => found.code !== 'closed-world')).toStrictEqual([
      {
        code: 'malformed-resource',
        message:
          'Observation is left out: code cannot be read, expected a CodeableConcept (an object), got the string "pregnancy"; pregnancy stays unrecorded',
        resource: ref('o1', 1),
        path: [1, 'code'],
      },
    ]);
  });
});

describe('pregnancy conditions whose dates cover the reference date', () => {
  const pregnancy = (fields: Parameters<typeof condition>[3]) => condition('c1', SNOMED, '72892002', fields);

  it('a condition that ends on or after the reference date is a record of that date: it outweighs an earlier "not pregnant"', () => {
    const value = mapFacts([
      mother,
      pregnancy({ onset: '2026-05-01', abatement: '2026-12-20' }),
      pregnancyStatus('o1', NOT_PREGNANT, '2026-10-01'),
    ]);
    expect(value.facts).toEqual({ ageYears: 36, pregnant: true });
    expect(value.evidence.pregnant).toEqual([ref('c1', 1, 'Condition')]);
    expect(value.notes).toStrictEqual([]);
  });

  it('one that began more than 42 weeks before, and ends after the reference date, needs no check', () => {
    const value = mapFacts([mother, pregnancy({ onset: '2025-12-01', abatement: '2026-12-20' })]);
    expect(value.facts).toEqual({ ageYears: 36, pregnant: true });
    expect(value.notes).toStrictEqual([]);
  });

  it('one that begins after the reference date, and its end, say nothing about it', () => {
    const value = mapFacts([
      mother,
      condition('c1', ICD10, 'Z33', { onset: '2026-12-01', abatement: '2027-08-01' }),
      pregnancyStatus('o1', PREGNANT, ON),
    ]);
    expect(value.facts).toEqual({ ageYears: 36, pregnant: true });
    expect(value.evidence.pregnant).toEqual([ref('o1', 2)]);
    expect(value.notes).toStrictEqual([
      pregnancyNote(
        'after-reference-date',
        `Condition coded as pregnancy begins 2026-12-01, after ${ON}: it says nothing about ${ON}`,
        ref('c1', 1, 'Condition'),
      ),
    ]);
  });
});
