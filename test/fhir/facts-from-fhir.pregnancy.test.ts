// Pregnancy status observations and how the records about pregnancy are weighed against each
// other: the exact notes, evidence and facts.
import { describe, expect, it } from 'vitest';
import {
  condition,
  LOINC,
  mapFacts,
  NOT_PREGNANT,
  ON,
  PREGNANT,
  patient,
  pregnancyStatus,
  SNOMED,
  UNKNOWN,
} from './fixtures/builders.js';

const mother = patient('1990-01-01');
const ref = (id: string, index: number, resourceType = 'Observation') => ({ resourceType, id, path: [index] });

function pregnancyNote(code: string, message: string, resource?: ReturnType<typeof ref>) {
  return resource === undefined ? { code, message, fact: 'pregnant' } : { code, message, fact: 'pregnant', resource };
}

describe('pregnancy status observations', () => {
  it('a current "not pregnant" excludes pregnancy and no other fact', () => {
    const value = mapFacts([mother, pregnancyStatus('o1', NOT_PREGNANT, ON)]);
    expect(value.facts).toEqual({ ageYears: 36, pregnant: false });
    expect(value.evidence).toEqual({ ageYears: [ref('p1', 0, 'Patient')], pregnant: [ref('o1', 1)] });
    expect(value.notes).toStrictEqual([]);
  });

  it('is dated by effectiveInstant or issued when it has no effective date', () => {
    const { effectiveDateTime: _date, ...undated } = pregnancyStatus('o1', NOT_PREGNANT, ON);
    for (const time of [{ effectiveInstant: `${ON}T08:00:00Z` }, { issued: `${ON}T08:00:00Z` }]) {
      const value = mapFacts([mother, { ...undated, ...time }]);
      expect(value.facts).toEqual({ ageYears: 36, pregnant: false });
      expect(value.notes).toStrictEqual([]);
    }
  });

  it('is read when any of its codings is the LOINC code, and not without codings', () => {
    const coded = (coding: object[]) => ({
      ...pregnancyStatus('o1', PREGNANT, ON),
      code: { text: 'Pregnancy', coding },
    });
    const alsoSnomed = coded([
      { system: SNOMED, code: '364320009' },
      { system: LOINC, code: '82810-3' },
    ]);
    expect(mapFacts([mother, alsoSnomed]).facts).toEqual({ ageYears: 36, pregnant: true });
    expect(mapFacts([mother, coded([])]).facts).toEqual({ ageYears: 36 });
  });

  it('is read only under the LOINC code, trimmed', () => {
    const otherSystem = {
      ...pregnancyStatus('o1', PREGNANT, ON),
      code: { coding: [{ system: SNOMED, code: '82810-3' }] },
    };
    expect(mapFacts([mother, otherSystem]).facts).toEqual({ ageYears: 36 });
    const padded = { ...pregnancyStatus('o1', PREGNANT, ON), code: { coding: [{ system: LOINC, code: ' 82810-3 ' }] } };
    expect(mapFacts([mother, padded]).facts).toEqual({ ageYears: 36, pregnant: true });
  });

  it('reads the answer from its list among the values; answers that disagree leave pregnancy unrecorded', () => {
    const withValues = (coding: object[]) => ({
      ...pregnancyStatus('o1', PREGNANT, ON),
      valueCodeableConcept: { coding },
    });
    const answer = { system: LOINC, code: PREGNANT };
    const other = { system: 'urn:clinic', code: 'P' };
    expect(mapFacts([mother, withValues([other, answer])]).facts.pregnant).toBe(true);
    expect(mapFacts([mother, withValues([answer, other])]).facts.pregnant).toBe(true);
    for (const order of [
      [answer, { system: LOINC, code: NOT_PREGNANT }],
      [{ system: LOINC, code: NOT_PREGNANT }, answer],
    ]) {
      const value = mapFacts([mother, withValues(order)], { closedWorld: true });
      expect(value.facts.pregnant).toBeUndefined();
      expect(value.notes.find((note) => note.fact === 'pregnant')?.message).toBe(
        'Pregnancy status has codings that disagree: it is not used',
      );
    }
  });

  it('amended and corrected statuses are final', () => {
    for (const status of ['amended', 'corrected']) {
      expect(mapFacts([mother, pregnancyStatus('o1', NOT_PREGNANT, ON, status)]).facts.pregnant).toBe(false);
    }
  });

  it('cancelled and entered-in-error are ignored, with the status in the note', () => {
    for (const status of ['cancelled', 'entered-in-error']) {
      const value = mapFacts([mother, pregnancyStatus('o1', PREGNANT, ON, status)], { closedWorld: true });
      expect(value.facts.pregnant).toBe(false);
      expect(value.notes.filter((note) => note.code !== 'closed-world')).toStrictEqual([
        pregnancyNote('observation-ignored', `Pregnancy status is ignored: its status is ${status}`, ref('o1', 1)),
      ]);
    }
  });

  it('a status that is not final, or none, is not used and keeps pregnancy from being excluded', () => {
    const preliminary = mapFacts([mother, pregnancyStatus('o1', NOT_PREGNANT, ON, 'preliminary')], {
      closedWorld: true,
    });
    expect(preliminary.facts.pregnant).toBeUndefined();
    expect(preliminary.notes.filter((note) => note.fact === 'pregnant')).toStrictEqual([
      pregnancyNote(
        'observation-not-final',
        'Pregnancy status is "preliminary", not final: it is not used, and pregnancy is not excluded',
        ref('o1', 1),
      ),
    ]);
    const { status: _status, ...noStatus } = pregnancyStatus('o1', NOT_PREGNANT, ON);
    expect(mapFacts([mother, noStatus]).notes).toStrictEqual([
      pregnancyNote(
        'observation-not-final',
        'Pregnancy status is without a status, not final: it is not used, and pregnancy is not excluded',
        ref('o1', 1),
      ),
    ]);
  });

  it('an answer from another list is not used, with a note', () => {
    const value = mapFacts([mother, pregnancyStatus('o1', '12345-6', ON)], { closedWorld: true });
    expect(value.facts.pregnant).toBeUndefined();
    expect(value.notes.filter((note) => note.fact === 'pregnant')).toStrictEqual([
      pregnancyNote(
        'pregnancy-status-unreadable',
        'Pregnancy status has no value from its answer list: it is not used',
        ref('o1', 1),
      ),
    ]);
  });

  it('about another patient: ignored, with a note that names no fact', () => {
    const observation = { ...pregnancyStatus('o1', PREGNANT, ON), subject: { reference: 'Patient/other' } };
    expect(mapFacts([mother, observation]).notes).toStrictEqual([
      {
        code: 'other-patient',
        message: 'Observation is about Patient/other, not the Patient: ignored',
        resource: ref('o1', 1),
      },
    ]);
  });

  it('"pregnant" is stale from more than 294 days before the reference date', () => {
    expect(mapFacts([mother, pregnancyStatus('o1', PREGNANT, '2026-02-03')]).facts.pregnant).toBe(true);
    const stale = mapFacts([mother, pregnancyStatus('o1', PREGNANT, '2026-02-02')]);
    expect(stale.facts.pregnant).toBeUndefined();
    expect(stale.notes).toStrictEqual([
      pregnancyNote(
        'pregnancy-status-stale',
        '"Pregnant" status of 2026-02-02 is more than 42 weeks before 2026-11-24: it cannot describe a current pregnancy',
        ref('o1', 1),
      ),
    ]);
  });

  it('an old "not pregnant" is never stale: it is the latest record, not a current one', () => {
    const value = mapFacts([mother, pregnancyStatus('o1', NOT_PREGNANT, '2025-01-01')]);
    expect(value.facts.pregnant).toBeUndefined();
    expect(value.notes).toStrictEqual([
      pregnancyNote(
        'pregnancy-not-current',
        'The latest pregnancy record says not pregnant as of 2025-01-01, before 2026-11-24: a pregnancy since then is not excluded',
        ref('o1', 1),
      ),
    ]);
  });

  it('an undated "not pregnant" says so without a date', () => {
    expect(mapFacts([mother, pregnancyStatus('o1', NOT_PREGNANT)]).notes).toStrictEqual([
      pregnancyNote(
        'pregnancy-not-current',
        'The latest pregnancy record says not pregnant, before 2026-11-24: a pregnancy since then is not excluded',
        ref('o1', 1),
      ),
    ]);
  });
});

describe('weighing pregnancy records', () => {
  it('"unknown" as the latest status leaves pregnancy unrecorded, with the observation', () => {
    const value = mapFacts(
      [mother, pregnancyStatus('o1', PREGNANT, '2026-11-01'), pregnancyStatus('o2', UNKNOWN, ON)],
      {
        closedWorld: true,
      },
    );
    expect(value.facts.pregnant).toBeUndefined();
    expect(value.notes.filter((note) => note.fact === 'pregnant')).toStrictEqual([
      pregnancyNote(
        'pregnancy-status-unknown',
        'The latest pregnancy status is "unknown": pregnancy is not recorded',
        ref('o2', 2),
      ),
    ]);
  });

  it('records of the same date that disagree are named in the note', () => {
    const value = mapFacts([mother, pregnancyStatus('o1', PREGNANT, ON), pregnancyStatus('o2', NOT_PREGNANT, ON)]);
    expect(value.facts.pregnant).toBeUndefined();
    expect(value.notes).toStrictEqual([
      pregnancyNote(
        'pregnancy-conflict',
        'Pregnancy records disagree (Observation/o1, Observation/o2): records of the same date disagree, so pregnancy is not recorded',
      ),
    ]);
  });

  it('undated records that disagree are named in the note', () => {
    const value = mapFacts([mother, pregnancyStatus('o1', PREGNANT), pregnancyStatus('o2', NOT_PREGNANT)]);
    expect(value.notes).toStrictEqual([
      pregnancyNote(
        'pregnancy-conflict',
        'Pregnancy records disagree (Observation/o1, Observation/o2): undated records disagree, so pregnancy is not recorded',
      ),
    ]);
  });

  it('an undated record that disagrees with the latest is named in the note', () => {
    const value = mapFacts([mother, condition('c1', SNOMED, '72892002'), pregnancyStatus('o2', NOT_PREGNANT, ON)], {
      closedWorld: true,
    });
    expect(value.facts.pregnant).toBeUndefined();
    expect(value.notes.filter((note) => note.fact === 'pregnant')).toStrictEqual([
      pregnancyNote(
        'pregnancy-conflict',
        'Pregnancy records disagree (Observation/o2, Condition/c1): an undated record disagrees with the latest, so pregnancy is not recorded',
      ),
    ]);
  });

  it('the evidence is the latest records, then the undated ones that agree, each once', () => {
    const undatedOnly = mapFacts([mother, pregnancyStatus('o1', PREGNANT), pregnancyStatus('o2', PREGNANT)]);
    expect(undatedOnly.evidence.pregnant).toEqual([ref('o1', 1), ref('o2', 2)]);
    const mixed = mapFacts([
      mother,
      pregnancyStatus('o1', PREGNANT),
      pregnancyStatus('o2', PREGNANT, '2026-10-01'),
      pregnancyStatus('o3', PREGNANT, '2026-11-01'),
    ]);
    expect(mixed.facts.pregnant).toBe(true);
    expect(mixed.evidence.pregnant).toEqual([ref('o3', 3), ref('o1', 1)]);
    expect(mixed.notes).toStrictEqual([]);
  });
});
