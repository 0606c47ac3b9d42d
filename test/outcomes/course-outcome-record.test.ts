// Course outcome records read from untrusted JSON: scores by the published rules, nothing
// unrecorded read as "no", every issue with the path of its field, a polluted Object.prototype
// deciding nothing, the template of a planned course, lazy reading of a cohort's rows, and
// properties over any JSON and any valid record.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MAX_ISSUES } from '../../src/_internal/result.js';
import { buildCourse, type Course, type CourseRequest, type Issue, spinalRegions } from '../../src/index.js';
import {
  type CourseOutcomeRecord,
  MAX_RECORDED_SESSIONS,
  outcomeRecordTemplate,
  type ParseOutcomeOptions,
  parseCourseOutcomeRecord,
  sensationKinds,
} from '../../src/outcomes/course-outcome-record.js';
import { type InstrumentId, instruments } from '../../src/outcomes/instruments.js';
import { byRegion, type OutcomeEntry, readOutcomeRecords } from '../../src/outcomes/outcome-entries.js';
import { eligible } from '../course/fixtures.js';
import { unfrozenPaths } from '../fixtures/deep-frozen.js';
import { withPrototypeValue } from '../fixtures/polluted-prototype.js';

type Found = { code: string; path: readonly (string | number)[] };

/** The smallest valid record: what every issue case below adds its one fault to. */
const base = { id: 'p-001', region: 'lumbosacral', plannedSessions: 10 } as const;

function recordOf(input: unknown, options?: ParseOutcomeOptions): CourseOutcomeRecord {
  const result = parseCourseOutcomeRecord(input, options);
  if (!result.ok) throw new Error(`expected a record, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

function issuesOf(input: unknown, options?: ParseOutcomeOptions): Found[] {
  const result = parseCourseOutcomeRecord(input, options);
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.value)}`);
  return result.issues.map(({ code, path }) => ({ code, path }));
}

/** Answers giving each item of an instrument the values listed, in the instrument's order. */
function answersOf(instrument: InstrumentId, values: readonly (number | null)[]): Record<string, number | null> {
  return Object.fromEntries(instruments[instrument].items.map((item, index) => [item, values[index] ?? null]));
}

/** A record of `base` with one session holding `session`'s fields. */
const withSession = (session: Record<string, unknown>) => ({ ...base, sessions: [{ number: 1, ...session }] });

/** A record of `base` with a baseline assessment of these answers. */
const withAnswers = (answers: unknown) => ({ ...base, baseline: { answers } });

/** Every object and array in a value, itself included. */
function objectsIn(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value !== 'object' || value === null || found.has(value)) return found;
  found.add(value);
  for (const key of Reflect.ownKeys(value)) objectsIn((value as Record<PropertyKey, unknown>)[key], found);
  return found;
}

/** A session with nothing recorded but its number: every other field undefined. */
const unrecordedSession = (number: number) => ({
  number,
  date: undefined,
  tookPlace: undefined,
  painBefore: undefined,
  painAfter: undefined,
  sensations: undefined,
  adverseEvents: undefined,
});

describe('a full valid record', () => {
  const input = () => ({
    id: 'p-001',
    region: 'lumbosacral',
    plannedSessions: 10,
    ruleSet: { id: 'acuspine-protocol', version: '1.0.0' },
    baseline: {
      date: '2026-01-05',
      answers: {
        // 16 points over 9 sections, the sex life section unanswered: 16 / 45 = 35.6%.
        odi: answersOf('odi', [2, 1, 3, 1, 2, 2, 1, null, 2, 2]),
        'pain-nrs': { 'nrs.pain': 7 },
      },
    },
    followUp: {
      date: '2026-02-16',
      answers: {
        ndi: answersOf('ndi', [3, 2, 2, 1, 3, 2, 2, 1, 2, 2]),
        rmdq: answersOf(
          'rmdq',
          Array.from({ length: 24 }, (_, index) => (index % 3 === 0 ? 1 : 0)),
        ),
        'pain-nrs': { 'nrs.pain': 3 },
      },
    },
    sessions: [
      {
        number: 3,
        date: '2026-01-12',
        tookPlace: true,
        painBefore: 5,
        painAfter: 3,
        sensations: [{ kind: 'tingling', extent: 'local', persisted: false }],
        adverseEvents: [{ kind: 'bruising', severity: 'mild' }],
      },
      {
        number: 1,
        date: '2026-01-05',
        tookPlace: true,
        painBefore: 7,
        painAfter: 5,
        sensations: [],
        adverseEvents: [],
      },
      { number: 2, date: '2026-01-08', tookPlace: false },
    ],
  });

  it('keeps the identity, region, planned sessions and rule set', () => {
    const record = recordOf(input());
    expect(record.id).toBe('p-001');
    expect(record.region).toBe('lumbosacral');
    expect(record.plannedSessions).toBe(10);
    expect(record.ruleSet).toStrictEqual({ id: 'acuspine-protocol', version: '1.0.0' });
    expect(Object.keys(record).sort()).toEqual(
      ['baseline', 'followUp', 'id', 'plannedSessions', 'region', 'ruleSet', 'sessions'].sort(),
    );
  });

  it('scores the ODI by its published rule: 16 of 45 answered points, prorated, is 35.6%', () => {
    const odi = recordOf(input()).baseline?.scores.odi;
    expect(odi?.value).toBeCloseTo(35.5556, 4);
    expect(odi?.value).toBeCloseTo((16 / 45) * 100, 10);
    expect(odi?.percent).toBeCloseTo((16 / 45) * 100, 10);
    expect(odi).toMatchObject({ instrument: 'odi', version: '2.1a', prorated: true, missing: ['odi.sexLife'] });
    expect(odi?.answered).toHaveLength(9);
    expect(odi?.source.title).toContain('Fairbank');
  });

  it('scores the NDI (20 of 50 points, 40%), the RMDQ (8 of 24) and the pain NRS', () => {
    const record = recordOf(input());
    expect(record.baseline?.scores['pain-nrs']).toMatchObject({ instrument: 'pain-nrs', value: 7, percent: 70 });
    const followUp = record.followUp?.scores;
    expect(followUp?.ndi).toMatchObject({ instrument: 'ndi', value: 20, percent: 40, prorated: false });
    expect(followUp?.rmdq?.value).toBe(8);
    expect(followUp?.rmdq?.percent).toBeCloseTo(100 / 3, 10);
    expect(followUp?.['pain-nrs']?.value).toBe(3);
    expect(Object.keys(record.baseline?.scores ?? {}).sort()).toEqual(['odi', 'pain-nrs']);
    expect(Object.keys(followUp ?? {}).sort()).toEqual(['ndi', 'pain-nrs', 'rmdq']);
    expect(record.baseline?.unscored).toEqual([]);
    expect(record.followUp?.unscored).toEqual([]);
  });

  it('keeps the dates of the assessments and of the sessions', () => {
    const record = recordOf(input());
    expect(record.baseline?.date).toBe('2026-01-05');
    expect(record.followUp?.date).toBe('2026-02-16');
    expect(record.sessions.map((session) => session.date)).toEqual(['2026-01-05', '2026-01-08', '2026-01-12']);
  });

  it('sorts the sessions by number and keeps every field of each', () => {
    expect(recordOf(input()).sessions).toStrictEqual([
      {
        number: 1,
        date: '2026-01-05',
        tookPlace: true,
        painBefore: 7,
        painAfter: 5,
        sensations: [],
        adverseEvents: [],
      },
      {
        number: 2,
        date: '2026-01-08',
        tookPlace: false,
        painBefore: undefined,
        painAfter: undefined,
        sensations: undefined,
        adverseEvents: undefined,
      },
      {
        number: 3,
        date: '2026-01-12',
        tookPlace: true,
        painBefore: 5,
        painAfter: 3,
        sensations: [{ kind: 'tingling', extent: 'local', persisted: false }],
        adverseEvents: [{ kind: 'bruising', severity: 'mild' }],
      },
    ]);
  });

  it('is frozen all the way down', () => {
    const result = parseCourseOutcomeRecord(input());
    expect(unfrozenPaths(result)).toEqual([]);
  });

  it('neither shares nor mutates anything of the input', () => {
    const given = input();
    const copy = structuredClone(given);
    const record = recordOf(given);
    expect(given).toStrictEqual(copy);
    const inputObjects = objectsIn(given);
    expect([...inputObjects].filter((object) => Object.isFrozen(object))).toEqual([]);
    expect([...objectsIn(record)].filter((object) => inputObjects.has(object))).toEqual([]);
  });

  it('gives a plain object, whatever the input', () => {
    const record = recordOf(input());
    for (const object of [
      record,
      record.ruleSet,
      record.baseline,
      record.sessions[0],
      record.sessions[2]?.sensations?.[0],
    ]) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    }
    expect(Array.isArray(record.sessions)).toBe(true);
  });

  it('the sessions of a record are the same whatever order they are given in', () => {
    const given = input();
    const reversed = { ...given, sessions: [...given.sessions].reverse() };
    expect(recordOf(reversed)).toStrictEqual(recordOf(given));
  });

  it('takes the most sessions a record may hold, and sessions numbered to the most', () => {
    const sessions = Array.from({ length: MAX_RECORDED_SESSIONS }, (_, index) => ({ number: index + 1 }));
    const record = recordOf({ ...base, plannedSessions: MAX_RECORDED_SESSIONS, sessions });
    expect(record.plannedSessions).toBe(MAX_RECORDED_SESSIONS);
    expect(record.sessions).toHaveLength(MAX_RECORDED_SESSIONS);
    expect(record.sessions.at(-1)?.number).toBe(MAX_RECORDED_SESSIONS);
  });

  it('takes the ends of the pain scale, a one-session course and a leap day', () => {
    const record = recordOf({
      ...base,
      plannedSessions: 1,
      sessions: [{ number: 1, date: '2028-02-29', painBefore: 10, painAfter: 0 }],
    });
    expect(record.sessions[0]).toMatchObject({ date: '2028-02-29', painBefore: 10, painAfter: 0 });
  });

  it('the documented example reads a follow-up pain score of 3', () => {
    const record = recordOf({
      id: 'p-001',
      region: 'lumbosacral',
      plannedSessions: 10,
      baseline: { date: '2026-01-05', answers: { 'pain-nrs': { 'nrs.pain': 7 } } },
      followUp: { date: '2026-02-16', answers: { 'pain-nrs': { 'nrs.pain': 3 } } },
      sessions: [{ number: 1, date: '2026-01-05', tookPlace: true, painBefore: 7, painAfter: 5 }],
    });
    expect(record.followUp?.scores['pain-nrs']?.value).toBe(3);
  });

  it('the sensation kinds are the protocol’s four, frozen', () => {
    expect(sensationKinds).toEqual(['numbness', 'burning', 'tingling', 'cold']);
    expect(Object.isFrozen(sensationKinds)).toBe(true);
    for (const kind of sensationKinds) {
      expect(recordOf(withSession({ sensations: [{ kind }] })).sessions[0]?.sensations?.[0]?.kind).toBe(kind);
    }
  });
});

describe('unrecorded never means "no"', () => {
  it('a session with only its number: everything else undefined, tookPlace too', () => {
    const session = recordOf(withSession({})).sessions[0];
    expect(session).toStrictEqual(unrecordedSession(1));
    expect(Object.hasOwn(session ?? {}, 'tookPlace')).toBe(true);
  });

  it('no sessions, no assessments, no rule set: undefined, and an empty list of sessions', () => {
    expect(recordOf(base)).toStrictEqual({
      ...base,
      ruleSet: undefined,
      baseline: undefined,
      followUp: undefined,
      sessions: [],
    });
  });

  it('[] is "recorded none"; absent is "not recorded"', () => {
    const [none, absent] = recordOf({
      ...base,
      sessions: [{ number: 1, sensations: [], adverseEvents: [] }, { number: 2 }],
    }).sessions;
    expect(none?.sensations).toEqual([]);
    expect(none?.adverseEvents).toEqual([]);
    expect(absent?.sensations).toBeUndefined();
    expect(absent?.adverseEvents).toBeUndefined();
  });

  it('null is "not recorded" for every optional field of a session', () => {
    const session = recordOf(
      withSession({
        date: null,
        tookPlace: null,
        painBefore: null,
        painAfter: null,
        sensations: null,
        adverseEvents: null,
      }),
    ).sessions[0];
    expect(session).toStrictEqual(unrecordedSession(1));
  });

  it('null is "not recorded" for the optional fields of the record, of an assessment, a sensation and an event', () => {
    const record = recordOf({
      ...base,
      ruleSet: null,
      baseline: { date: null, answers: {} },
      followUp: null,
      sessions: [
        {
          number: 1,
          sensations: [{ kind: 'cold', extent: null, persisted: null }],
          adverseEvents: [{ kind: 'fainting', severity: null }],
        },
      ],
    });
    expect(record.ruleSet).toBeUndefined();
    expect(record.followUp).toBeUndefined();
    expect(record.baseline).toStrictEqual({ date: undefined, scores: {}, unscored: [] });
    expect(record.sessions[0]?.sensations).toStrictEqual([{ kind: 'cold', extent: undefined, persisted: undefined }]);
    expect(record.sessions[0]?.adverseEvents).toStrictEqual([{ kind: 'fainting', severity: undefined }]);
    expect(recordOf({ ...base, sessions: null }).sessions).toEqual([]);
  });

  it('a sensation and an event keep what was recorded of them', () => {
    const session = recordOf(
      withSession({
        sensations: [
          { kind: 'numbness', extent: 'general', persisted: true },
          { kind: 'burning', extent: 'local' },
        ],
        adverseEvents: [
          { kind: 'fainting', severity: 'severe' },
          { kind: 'MedDRA 10016059', severity: 'moderate' },
        ],
      }),
    ).sessions[0];
    expect(session?.sensations).toStrictEqual([
      { kind: 'numbness', extent: 'general', persisted: true },
      { kind: 'burning', extent: 'local', persisted: undefined },
    ]);
    expect(session?.adverseEvents).toStrictEqual([
      { kind: 'fainting', severity: 'severe' },
      { kind: 'MedDRA 10016059', severity: 'moderate' },
    ]);
  });

  it('pain without tookPlace is not a contradiction: the session is not known to have been missed', () => {
    expect(recordOf(withSession({ painBefore: 4, sensations: [{ kind: 'cold' }] })).sessions[0]?.tookPlace).toBe(
      undefined,
    );
  });

  it.each([
    ['nothing else', {}],
    ['empty lists', { sensations: [], adverseEvents: [] }],
    ['pain as null', { painBefore: null, painAfter: null }],
  ])('tookPlace false with %s is a missed session, not a contradiction', (_name, fields) => {
    expect(recordOf(withSession({ tookPlace: false, ...fields })).sessions[0]?.tookPlace).toBe(false);
  });
});

describe('every issue, with the path of its field', () => {
  const cases: [string, unknown, Found[]][] = [
    // not-an-object
    ...[null, undefined, [], [base], 'p-001', 42, true].map((input): [string, unknown, Found[]] => [
      `a record that is ${JSON.stringify(input) ?? 'undefined'}`,
      input,
      [{ code: 'not-an-object', path: [] }],
    ]),
    // unknown-key, at each level
    ['an unknown field of the record', { ...base, notes: 'x' }, [{ code: 'unknown-key', path: ['notes'] }]],
    [
      'an unknown field of an assessment',
      { ...base, baseline: { answers: {}, when: 'before' } },
      [{ code: 'unknown-key', path: ['baseline', 'when'] }],
    ],
    [
      'an unknown field of the follow-up',
      { ...base, followUp: { answers: {}, scores: {} } },
      [{ code: 'unknown-key', path: ['followUp', 'scores'] }],
    ],
    [
      'an unknown field of a session',
      withSession({ pain: 3 }),
      [{ code: 'unknown-key', path: ['sessions', 0, 'pain'] }],
    ],
    [
      'an unknown field of a sensation',
      withSession({ sensations: [{ kind: 'cold', where: 'leg' }] }),
      [{ code: 'unknown-key', path: ['sessions', 0, 'sensations', 0, 'where'] }],
    ],
    [
      'an unknown field of an adverse event',
      withSession({ adverseEvents: [{ kind: 'bruising', grade: 1 }] }),
      [{ code: 'unknown-key', path: ['sessions', 0, 'adverseEvents', 0, 'grade'] }],
    ],
    [
      'an unknown field of the rule set',
      { ...base, ruleSet: { id: 'acuspine-protocol', version: '1.0.0', name: 'x' } },
      [{ code: 'unknown-key', path: ['ruleSet', 'name'] }],
    ],
    // missing
    ['no id', { region: 'cervical', plannedSessions: 10 }, [{ code: 'missing', path: ['id'] }]],
    ['an id of null', { ...base, id: null }, [{ code: 'missing', path: ['id'] }]],
    ['no region', { id: 'p', plannedSessions: 10 }, [{ code: 'missing', path: ['region'] }]],
    ['a region of null', { ...base, region: null }, [{ code: 'missing', path: ['region'] }]],
    ['no planned sessions', { id: 'p', region: 'cervical' }, [{ code: 'missing', path: ['plannedSessions'] }]],
    ['planned sessions of null', { ...base, plannedSessions: null }, [{ code: 'missing', path: ['plannedSessions'] }]],
    [
      'an empty object',
      {},
      [
        { code: 'missing', path: ['id'] },
        { code: 'missing', path: ['region'] },
        { code: 'missing', path: ['plannedSessions'] },
      ],
    ],
    [
      'a session without a number',
      { ...base, sessions: [{ date: '2026-01-05' }] },
      [{ code: 'missing', path: ['sessions', 0, 'number'] }],
    ],
    [
      'a sensation without a kind',
      withSession({ sensations: [{ extent: 'local' }] }),
      [{ code: 'missing', path: ['sessions', 0, 'sensations', 0, 'kind'] }],
    ],
    [
      'a sensation of kind null',
      withSession({ sensations: [{ kind: null }] }),
      [{ code: 'missing', path: ['sessions', 0, 'sensations', 0, 'kind'] }],
    ],
    [
      'an adverse event without a kind',
      withSession({ adverseEvents: [{ severity: 'mild' }] }),
      [{ code: 'missing', path: ['sessions', 0, 'adverseEvents', 0, 'kind'] }],
    ],
    [
      'an assessment without answers',
      { ...base, baseline: { date: '2026-01-05' } },
      [{ code: 'missing', path: ['baseline', 'answers'] }],
    ],
    ['answers of null', { ...base, followUp: { answers: null } }, [{ code: 'missing', path: ['followUp', 'answers'] }]],
    // invalid-type
    ['an id that is a number', { ...base, id: 42 }, [{ code: 'invalid-type', path: ['id'] }]],
    [
      'planned sessions as text',
      { ...base, plannedSessions: '10' },
      [{ code: 'invalid-type', path: ['plannedSessions'] }],
    ],
    ['a rule set as text', { ...base, ruleSet: 'acuspine-protocol@1' }, [{ code: 'invalid-type', path: ['ruleSet'] }]],
    ['a rule set that is a list', { ...base, ruleSet: ['a', '1'] }, [{ code: 'invalid-type', path: ['ruleSet'] }]],
    [
      'a rule set without a version',
      { ...base, ruleSet: { id: 'acuspine-protocol' } },
      [{ code: 'missing', path: ['ruleSet', 'version'] }],
    ],
    [
      'a rule set with a blank id and a numeric version',
      { ...base, ruleSet: { id: '  ', version: 1 } },
      [
        { code: 'blank', path: ['ruleSet', 'id'] },
        { code: 'invalid-type', path: ['ruleSet', 'version'] },
      ],
    ],
    ['a baseline as text', { ...base, baseline: 'done' }, [{ code: 'invalid-type', path: ['baseline'] }]],
    ['a follow-up that is a list', { ...base, followUp: [] }, [{ code: 'invalid-type', path: ['followUp'] }]],
    ['answers that are a list', withAnswers([7]), [{ code: 'invalid-type', path: ['baseline', 'answers'] }]],
    ['answers as text', withAnswers('7'), [{ code: 'invalid-type', path: ['baseline', 'answers'] }]],
    [
      'a questionnaire’s answers that are a number',
      withAnswers({ odi: 5 }),
      [{ code: 'invalid-type', path: ['baseline', 'answers', 'odi'] }],
    ],
    ['sessions that are an object', { ...base, sessions: { 1: {} } }, [{ code: 'invalid-type', path: ['sessions'] }]],
    ['sessions as text', { ...base, sessions: 'ten' }, [{ code: 'invalid-type', path: ['sessions'] }]],
    ['a session as text', { ...base, sessions: ['first'] }, [{ code: 'invalid-type', path: ['sessions', 0] }]],
    ['a session of null', { ...base, sessions: [null] }, [{ code: 'invalid-type', path: ['sessions', 0] }]],
    [
      'a session number as text',
      { ...base, sessions: [{ number: '1' }] },
      [{ code: 'invalid-type', path: ['sessions', 0, 'number'] }],
    ],
    [
      'tookPlace as text',
      withSession({ tookPlace: 'yes' }),
      [{ code: 'invalid-type', path: ['sessions', 0, 'tookPlace'] }],
    ],
    ['tookPlace as 0', withSession({ tookPlace: 0 }), [{ code: 'invalid-type', path: ['sessions', 0, 'tookPlace'] }]],
    ['pain as text', withSession({ painBefore: '7' }), [{ code: 'invalid-type', path: ['sessions', 0, 'painBefore'] }]],
    [
      'sensations as text',
      withSession({ sensations: 'numbness' }),
      [{ code: 'invalid-type', path: ['sessions', 0, 'sensations'] }],
    ],
    [
      'adverse events that are an object',
      withSession({ adverseEvents: { kind: 'bruising' } }),
      [{ code: 'invalid-type', path: ['sessions', 0, 'adverseEvents'] }],
    ],
    [
      'a sensation as text',
      withSession({ sensations: ['numbness'] }),
      [{ code: 'invalid-type', path: ['sessions', 0, 'sensations', 0] }],
    ],
    [
      'a sensation of an unknown kind',
      withSession({ sensations: [{ kind: 'itching' }] }),
      [{ code: 'invalid-type', path: ['sessions', 0, 'sensations', 0, 'kind'] }],
    ],
    [
      'a sensation of an unknown extent',
      withSession({ sensations: [{ kind: 'cold', extent: 'everywhere' }] }),
      [{ code: 'invalid-type', path: ['sessions', 0, 'sensations', 0, 'extent'] }],
    ],
    [
      'a sensation whose persistence is text',
      withSession({ sensations: [{ kind: 'cold', persisted: 'no' }] }),
      [{ code: 'invalid-type', path: ['sessions', 0, 'sensations', 0, 'persisted'] }],
    ],
    [
      'an adverse event as text',
      withSession({ adverseEvents: ['bruising'] }),
      [{ code: 'invalid-type', path: ['sessions', 0, 'adverseEvents', 0] }],
    ],
    [
      'an adverse event whose kind is a number',
      withSession({ adverseEvents: [{ kind: 10016059 }] }),
      [{ code: 'invalid-type', path: ['sessions', 0, 'adverseEvents', 0, 'kind'] }],
    ],
    [
      'an adverse event of an unknown severity',
      withSession({ adverseEvents: [{ kind: 'fainting', severity: 'fatal' }] }),
      [{ code: 'invalid-type', path: ['sessions', 0, 'adverseEvents', 0, 'severity'] }],
    ],
    // blank
    ['a blank id', { ...base, id: '   ' }, [{ code: 'blank', path: ['id'] }]],
    ['an empty id', { ...base, id: '' }, [{ code: 'blank', path: ['id'] }]],
    [
      'a blank adverse event',
      withSession({ adverseEvents: [{ kind: ' \t' }] }),
      [{ code: 'blank', path: ['sessions', 0, 'adverseEvents', 0, 'kind'] }],
    ],
    // unknown-region
    ['an unknown region', { ...base, region: 'neck' }, [{ code: 'unknown-region', path: ['region'] }]],
    ['a region in other case', { ...base, region: 'Cervical' }, [{ code: 'unknown-region', path: ['region'] }]],
    ['a region that is a number', { ...base, region: 1 }, [{ code: 'unknown-region', path: ['region'] }]],
    // not-an-integer
    [
      'planned sessions of 10.5',
      { ...base, plannedSessions: 10.5 },
      [{ code: 'not-an-integer', path: ['plannedSessions'] }],
    ],
    [
      'planned sessions of NaN',
      { ...base, plannedSessions: Number.NaN },
      [{ code: 'not-an-integer', path: ['plannedSessions'] }],
    ],
    [
      'planned sessions of Infinity',
      { ...base, plannedSessions: Number.POSITIVE_INFINITY },
      [{ code: 'not-an-integer', path: ['plannedSessions'] }],
    ],
    [
      'a session number of 1.5',
      { ...base, sessions: [{ number: 1.5 }] },
      [{ code: 'not-an-integer', path: ['sessions', 0, 'number'] }],
    ],
    ['pain of 6.5', withSession({ painAfter: 6.5 }), [{ code: 'not-an-integer', path: ['sessions', 0, 'painAfter'] }]],
    // out-of-range
    ['planned sessions of 0', { ...base, plannedSessions: 0 }, [{ code: 'out-of-range', path: ['plannedSessions'] }]],
    ['planned sessions of -1', { ...base, plannedSessions: -1 }, [{ code: 'out-of-range', path: ['plannedSessions'] }]],
    [
      `planned sessions of ${MAX_RECORDED_SESSIONS + 1}`,
      { ...base, plannedSessions: MAX_RECORDED_SESSIONS + 1 },
      [{ code: 'out-of-range', path: ['plannedSessions'] }],
    ],
    [
      'pain before of -1',
      withSession({ painBefore: -1 }),
      [{ code: 'out-of-range', path: ['sessions', 0, 'painBefore'] }],
    ],
    [
      'pain after of 11',
      withSession({ painAfter: 11 }),
      [{ code: 'out-of-range', path: ['sessions', 0, 'painAfter'] }],
    ],
    [
      'a session number of 0',
      { ...base, sessions: [{ number: 0 }] },
      [{ code: 'out-of-range', path: ['sessions', 0, 'number'] }],
    ],
    [
      `a session number of ${MAX_RECORDED_SESSIONS + 1}`,
      { ...base, sessions: [{ number: MAX_RECORDED_SESSIONS + 1 }] },
      [{ code: 'out-of-range', path: ['sessions', 0, 'number'] }],
    ],
    [
      `${MAX_RECORDED_SESSIONS + 1} sessions`,
      {
        ...base,
        sessions: Array.from({ length: MAX_RECORDED_SESSIONS + 1 }, (_, index) => ({ number: (index % 100) + 1 })),
      },
      [{ code: 'out-of-range', path: ['sessions'] }],
    ],
    // invalid-date
    ['30 February', withSession({ date: '2026-02-30' }), [{ code: 'invalid-date', path: ['sessions', 0, 'date'] }]],
    [
      '29 February of a common year',
      withSession({ date: '2026-02-29' }),
      [{ code: 'invalid-date', path: ['sessions', 0, 'date'] }],
    ],
    [
      'a date without padding',
      withSession({ date: '2026-1-5' }),
      [{ code: 'invalid-date', path: ['sessions', 0, 'date'] }],
    ],
    [
      'a date with a time',
      withSession({ date: '2026-01-05T10:00' }),
      [{ code: 'invalid-date', path: ['sessions', 0, 'date'] }],
    ],
    [
      'a Date object',
      withSession({ date: new Date('2026-01-05T00:00:00Z') }),
      [{ code: 'invalid-date', path: ['sessions', 0, 'date'] }],
    ],
    [
      'a baseline of 30 February',
      { ...base, baseline: { date: '2026-02-30', answers: {} } },
      [{ code: 'invalid-date', path: ['baseline', 'date'] }],
    ],
    [
      'a follow-up dated by a number',
      { ...base, followUp: { date: 20260105, answers: {} } },
      [{ code: 'invalid-date', path: ['followUp', 'date'] }],
    ],
    // unknown-instrument, unknown-item, out-of-range of an answer
    [
      'an unknown instrument',
      withAnswers({ vas: { 'vas.pain': 3 } }),
      [{ code: 'unknown-instrument', path: ['baseline', 'answers', 'vas'] }],
    ],
    [
      'an instrument named by a prototype key',
      withAnswers({ toString: {} }),
      [{ code: 'unknown-instrument', path: ['baseline', 'answers', 'toString'] }],
    ],
    [
      'a misspelt item',
      withAnswers({ odi: { 'odi.Walking': 2 } }),
      [{ code: 'unknown-item', path: ['baseline', 'answers', 'odi', 'odi.Walking'] }],
    ],
    [
      'another instrument’s item',
      withAnswers({ odi: { ...answersOf('odi', Array(10).fill(1)), 'ndi.reading': 2 } }),
      [{ code: 'unknown-item', path: ['baseline', 'answers', 'odi', 'ndi.reading'] }],
    ],
    [
      'an answer above the item’s range',
      withAnswers({ odi: { ...answersOf('odi', Array(10).fill(1)), 'odi.walking': 6 } }),
      [{ code: 'out-of-range', path: ['baseline', 'answers', 'odi', 'odi.walking'] }],
    ],
    [
      'an answer given as text, in the follow-up',
      { ...base, followUp: { answers: { 'pain-nrs': { 'nrs.pain': '6' } } } },
      [{ code: 'out-of-range', path: ['followUp', 'answers', 'pain-nrs', 'nrs.pain'] }],
    ],
    // duplicate-session
    [
      'a session number given twice',
      { ...base, sessions: [{ number: 1 }, { number: 2 }, { number: 1 }] },
      [{ code: 'duplicate-session', path: ['sessions', 2, 'number'] }],
    ],
    // contradiction
    ...(
      [
        ['pain before', { painBefore: 0 }],
        ['pain after', { painAfter: 3 }],
        ['a sensation', { sensations: [{ kind: 'numbness' }] }],
        ['an adverse event', { adverseEvents: [{ kind: 'fainting' }] }],
        ['an adverse event and no sensations', { sensations: [], adverseEvents: [{ kind: 'fainting' }] }],
      ] as const
    ).map(([name, fields]): [string, unknown, Found[]] => [
      `a session that did not take place, with ${name}`,
      withSession({ tookPlace: false, ...fields }),
      [{ code: 'contradiction', path: ['sessions', 0, 'tookPlace'] }],
    ]),
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });

  it('every issue has a message, and the failure is frozen', () => {
    const result = parseCourseOutcomeRecord({ ...base, id: 42, sessions: [{ number: 0 }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const found of result.issues) expect(found.message.length).toBeGreaterThan(0);
    expect(unfrozenPaths(result)).toEqual([]);
  });

  it('messages name what was expected and what was given', () => {
    const messages = (input: unknown) => {
      const result = parseCourseOutcomeRecord(input);
      return result.ok ? [] : result.issues.map((found: Issue) => found.message);
    };
    expect(messages([])).toEqual(['expected a record object, got an array']);
    expect(messages({ ...base, plannedSessions: 0 })).toEqual([`expected 1 to ${MAX_RECORDED_SESSIONS}, got 0`]);
    expect(messages({ ...base, region: 'neck' })).toEqual([
      'expected one of cervical, thoracic, lumbosacral, got the string "neck"',
    ]);
    expect(messages({ ...base, sessions: [{ number: 2 }, { number: 2 }] })).toEqual(['session 2 is recorded twice']);
  });

  it('reports every issue at once, at every level, in the order of the record', () => {
    expect(
      issuesOf({
        id: '',
        region: 'neck',
        plannedSessions: 0,
        extra: true,
        ruleSet: { id: 'x' },
        baseline: { date: '2026-02-30', answers: { vas: {}, odi: { 'odi.walking': 9 } } },
        followUp: { answers: null },
        sessions: [
          { number: 1, tookPlace: false, painBefore: 4 },
          { number: 1.5 },
          { number: 2, sensations: [{ kind: 'warm' }], adverseEvents: [{ kind: '' }] },
          { number: 2, date: '2026-1-5' },
        ],
      }),
    ).toEqual([
      { code: 'unknown-key', path: ['extra'] },
      { code: 'blank', path: ['id'] },
      { code: 'unknown-region', path: ['region'] },
      { code: 'out-of-range', path: ['plannedSessions'] },
      { code: 'missing', path: ['ruleSet', 'version'] },
      { code: 'invalid-date', path: ['baseline', 'date'] },
      { code: 'unknown-instrument', path: ['baseline', 'answers', 'vas'] },
      { code: 'out-of-range', path: ['baseline', 'answers', 'odi', 'odi.walking'] },
      { code: 'missing', path: ['followUp', 'answers'] },
      { code: 'contradiction', path: ['sessions', 0, 'tookPlace'] },
      { code: 'not-an-integer', path: ['sessions', 1, 'number'] },
      { code: 'invalid-type', path: ['sessions', 2, 'sensations', 0, 'kind'] },
      { code: 'blank', path: ['sessions', 2, 'adverseEvents', 0, 'kind'] },
      { code: 'invalid-date', path: ['sessions', 3, 'date'] },
    ]);
  });

  it('a session with an issue is left out of the duplicate check; a valid duplicate after it is caught', () => {
    expect(issuesOf({ ...base, sessions: [{ number: 1, painBefore: 11 }, { number: 1 }, { number: 1 }] })).toEqual([
      { code: 'out-of-range', path: ['sessions', 0, 'painBefore'] },
      { code: 'duplicate-session', path: ['sessions', 2, 'number'] },
    ]);
  });

  it('every issue of every sensation and event of a session', () => {
    expect(
      issuesOf(
        withSession({
          sensations: [{ kind: 'cold' }, 'numbness', { kind: 'itching', extent: 'all', persisted: 1 }],
          adverseEvents: [{ kind: 'bruising' }, { kind: 1, severity: 'grave' }],
        }),
      ),
    ).toEqual([
      { code: 'invalid-type', path: ['sessions', 0, 'sensations', 1] },
      { code: 'invalid-type', path: ['sessions', 0, 'sensations', 2, 'kind'] },
      { code: 'invalid-type', path: ['sessions', 0, 'sensations', 2, 'extent'] },
      { code: 'invalid-type', path: ['sessions', 0, 'sensations', 2, 'persisted'] },
      { code: 'invalid-type', path: ['sessions', 0, 'adverseEvents', 1, 'kind'] },
      { code: 'invalid-type', path: ['sessions', 0, 'adverseEvents', 1, 'severity'] },
    ]);
  });

  it(`lists at most ${MAX_ISSUES} issues, and counts the rest`, () => {
    const input = { ...base, ...Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`note${index}`, 1])) };
    const found = issuesOf(input);
    expect(found).toHaveLength(MAX_ISSUES + 1);
    expect(found.slice(0, MAX_ISSUES).every(({ code }) => code === 'unknown-key')).toBe(true);
    expect(found.at(-1)).toEqual({ code: 'too-many-issues', path: [] });
  });
});

describe('a questionnaire with too many items unanswered', () => {
  const twoOdiSectionsUnanswered = answersOf('odi', [2, 1, 3, 1, 2, 2, 1, null, null, 2]);
  const oneRmdqItemUnanswered = answersOf(
    'rmdq',
    Array.from({ length: 24 }, (_, index) => (index < 12 ? 1 : index === 23 ? null : 0)),
  );

  it('is no error: the record is valid, without a score, and unscored says why', () => {
    const baseline = recordOf(withAnswers({ odi: twoOdiSectionsUnanswered, 'pain-nrs': { 'nrs.pain': 6 } })).baseline;
    expect(baseline?.scores.odi).toBeUndefined();
    expect(Object.keys(baseline?.scores ?? {})).toEqual(['pain-nrs']);
    expect(baseline?.unscored).toHaveLength(1);
    expect(baseline?.unscored[0]?.instrument).toBe('odi');
    expect(baseline?.unscored[0]?.issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'too-many-missing', path: [] },
    ]);
    expect(baseline?.unscored[0]?.issues[0]?.message).toContain('2 of 10 items unanswered');
    expect(unfrozenPaths(baseline)).toEqual([]);
  });

  it('a pain NRS left blank or null is unscored, in the order of the answers', () => {
    const unscored = recordOf({
      ...base,
      followUp: { answers: { 'pain-nrs': { 'nrs.pain': null }, rmdq: oneRmdqItemUnanswered } },
    }).followUp?.unscored;
    expect(unscored?.map(({ instrument }) => instrument)).toEqual(['pain-nrs', 'rmdq']);
    expect(recordOf(withAnswers({ 'pain-nrs': {} })).baseline?.unscored.map(({ instrument }) => instrument)).toEqual([
      'pain-nrs',
    ]);
  });

  it('missingAllowed per instrument scores what the default leaves unscored', () => {
    const record = recordOf(
      {
        ...base,
        baseline: { answers: { odi: twoOdiSectionsUnanswered } },
        followUp: { answers: { rmdq: oneRmdqItemUnanswered } },
      },
      { missingAllowed: { odi: 2, rmdq: 1 } },
    );
    expect(record.baseline?.scores.odi?.value).toBeCloseTo((14 / 40) * 100, 10);
    expect(record.baseline?.scores.odi?.prorated).toBe(true);
    expect(record.followUp?.scores.rmdq?.value).toBeCloseTo((12 / 23) * 24, 10);
    expect(record.baseline?.unscored).toEqual([]);
    expect(record.followUp?.unscored).toEqual([]);
  });

  it('missingAllowed of 0 leaves even one ODI section unanswered unscored', () => {
    const oneUnanswered = answersOf('odi', [2, 1, 3, 1, 2, 2, 1, null, 2, 2]);
    expect(recordOf(withAnswers({ odi: oneUnanswered })).baseline?.scores.odi?.prorated).toBe(true);
    const strict = recordOf(withAnswers({ odi: oneUnanswered }), { missingAllowed: { odi: 0 } }).baseline;
    expect(strict?.scores.odi).toBeUndefined();
    expect(strict?.unscored.map(({ instrument }) => instrument)).toEqual(['odi']);
  });

  it('an allowance for one instrument leaves the others at their default', () => {
    const baseline = recordOf(withAnswers({ odi: twoOdiSectionsUnanswered, rmdq: oneRmdqItemUnanswered }), {
      missingAllowed: { odi: 2 },
    }).baseline;
    expect(Object.keys(baseline?.scores ?? {})).toEqual(['odi']);
    expect(baseline?.unscored.map(({ instrument }) => instrument)).toEqual(['rmdq']);
  });

  it.each([
    ['odi', -1],
    ['odi', 1.5],
    ['odi', '1'],
    ['odi', 10],
    ['pain-nrs', 1],
  ] as const)('a bad allowance for %s (%s) is reported at options.missingAllowed.%s', (instrument, allowance) => {
    const answers = instrument === 'odi' ? answersOf('odi', Array(10).fill(1)) : { 'nrs.pain': 3 };
    expect(
      issuesOf(withAnswers({ [instrument]: answers }), { missingAllowed: { [instrument]: allowance as number } }),
    ).toEqual([{ code: 'invalid-option', path: ['options', 'missingAllowed', instrument] }]);
  });

  it('options that are not an object, or empty, leave the defaults', () => {
    const input = withAnswers({ odi: answersOf('odi', [1, 1, 1, 1, 1, 1, 1, 1, 1, null]) });
    const expected = recordOf(input);
    expect(expected.baseline?.scores.odi?.prorated).toBe(true);
    expect(recordOf(input, null as never)).toStrictEqual(expected);
    expect(recordOf(input, {})).toStrictEqual(expected);
    expect(recordOf(input, { missingAllowed: {} })).toStrictEqual(expected);
  });

  it('a bad allowance is one issue, whether or not its questionnaire is given, and however often', () => {
    const odi = answersOf('odi', [1, 1, 1, 1, 1, 1, 1, 1, 1, null]);
    const both = { ...base, baseline: { answers: { odi } }, followUp: { answers: { odi } } };
    expect(issuesOf(both, { missingAllowed: { odi: -1 } })).toEqual([
      { code: 'invalid-option', path: ['options', 'missingAllowed', 'odi'] },
    ]);
    expect(issuesOf(base, { missingAllowed: { odi: -1 } })).toEqual([
      { code: 'invalid-option', path: ['options', 'missingAllowed', 'odi'] },
    ]);
    expect(issuesOf(base, { missingAllowed: 5 as never })).toEqual([
      { code: 'invalid-option', path: ['options', 'missingAllowed'] },
    ]);
    expect(issuesOf(base, { missingAllowed: { odi: null as never, vas: 1 } as never })).toEqual([
      { code: 'invalid-option', path: ['options', 'missingAllowed', 'odi'] },
      { code: 'invalid-option', path: ['options', 'missingAllowed', 'vas'] },
    ]);
    // The pain NRS, a single item, allows none missing; the RMDQ may be prorated when asked.
    expect(issuesOf(base, { missingAllowed: { 'pain-nrs': 1 } })).toEqual([
      { code: 'invalid-option', path: ['options', 'missingAllowed', 'pain-nrs'] },
    ]);
    expect(recordOf(base, { missingAllowed: { rmdq: 3, 'pain-nrs': 0 } })).toMatchObject({ id: 'p-001' });
  });

  it('an answer item named options is an unknown item under the answers', () => {
    expect(issuesOf(withAnswers({ odi: { options: 1 } }))).toEqual([
      { code: 'unknown-item', path: ['baseline', 'answers', 'odi', 'options'] },
    ]);
  });
});

describe('a polluted Object.prototype', () => {
  const full = {
    ...base,
    ruleSet: { id: 'acuspine-protocol', version: '1.0.0' },
    baseline: { answers: { odi: answersOf('odi', [2, 1, 3, 1, 2, 2, 1, null, 2, 2]) } },
    followUp: { answers: { 'pain-nrs': { 'nrs.pain': 2 } } },
    sessions: [
      { number: 2, sensations: [{ kind: 'cold' }], adverseEvents: [{ kind: 'bruising' }] },
      { number: 1, tookPlace: false },
    ],
  };

  /** Plausible values for every field name the parser reads, valid where they stand. */
  const pollutions: [string, unknown][] = [
    ['id', 'p-polluted'],
    ['region', 'cervical'],
    ['plannedSessions', 5],
    ['ruleSet', { id: 'polluted', version: '6.6.6' }],
    ['baseline', { answers: { 'pain-nrs': { 'nrs.pain': 9 } } }],
    ['followUp', { date: '2026-01-01', answers: {} }],
    ['sessions', [{ number: 3 }]],
    ['answers', { 'pain-nrs': { 'nrs.pain': 9 } }],
    ['date', '2026-01-01'],
    ['number', 7],
    ['tookPlace', false],
    ['painBefore', 9],
    ['painAfter', 9],
    ['sensations', [{ kind: 'burning' }]],
    ['adverseEvents', [{ kind: 'fainting' }]],
    ['kind', 'numbness'],
    ['extent', 'general'],
    ['persisted', true],
    ['severity', 'severe'],
    ['version', '9'],
    ['nrs.pain', 9],
    ['odi.sexLife', 5],
    ['missingAllowed', { odi: 9, 'pain-nrs': 1 }],
    ['odi', 9],
    ['ndi', { 'ndi.reading': 1 }],
  ];

  it.each(pollutions)('holding %s injects nothing', (name, value) => {
    const clean = parseCourseOutcomeRecord(full);
    const polluted = withPrototypeValue(name, value, () => parseCourseOutcomeRecord(full));
    expect(polluted).toStrictEqual(clean);
    expect(clean.ok).toBe(true);
  });

  it.each(pollutions)('holding %s fills in no field that the input leaves out', (name, value) => {
    const sparse = { sessions: [{ sensations: [{}], adverseEvents: [{}] }], baseline: {} };
    const clean = parseCourseOutcomeRecord(sparse);
    const polluted = withPrototypeValue(name, value, () => parseCourseOutcomeRecord(sparse));
    expect(polluted).toStrictEqual(clean);
  });

  it('a session with only its number stays unrecorded', () => {
    const session = withPrototypeValue('tookPlace', false, () =>
      withPrototypeValue('sensations', [], () => recordOf(withSession({}))),
    ).sessions[0];
    expect(session).toStrictEqual(unrecordedSession(1));
  });

  it('an options object inherits no allowance', () => {
    const input = withAnswers({ odi: answersOf('odi', [1, 1, 1, 1, 1, 1, 1, 1, null, null]) });
    const baseline = withPrototypeValue('missingAllowed', { odi: 2 }, () => recordOf(input, {})).baseline;
    expect(baseline?.scores.odi).toBeUndefined();
    expect(baseline?.unscored.map(({ instrument }) => instrument)).toEqual(['odi']);
  });
});

describe('__proto__ in the input', () => {
  it('as a key of JSON at each level: an unknown key, an unknown instrument or item', () => {
    const input = JSON.parse(
      `{"id":"p","region":"cervical","plannedSessions":3,"__proto__":{"plannedSessions":5},
        "ruleSet":{"id":"r","version":"1","__proto__":{}},
        "baseline":{"answers":{"__proto__":{},"odi":{"__proto__":1}},"__proto__":null},
        "sessions":[{"number":1,"__proto__":{"tookPlace":false},
          "sensations":[{"kind":"cold","__proto__":{}}],"adverseEvents":[{"kind":"x","__proto__":{}}]}]}`,
    );
    expect(issuesOf(input)).toEqual([
      { code: 'unknown-key', path: ['__proto__'] },
      { code: 'unknown-key', path: ['ruleSet', '__proto__'] },
      { code: 'unknown-key', path: ['baseline', '__proto__'] },
      { code: 'unknown-instrument', path: ['baseline', 'answers', '__proto__'] },
      { code: 'unknown-item', path: ['baseline', 'answers', 'odi', '__proto__'] },
      { code: 'unknown-key', path: ['sessions', 0, '__proto__'] },
      { code: 'unknown-key', path: ['sessions', 0, 'sensations', 0, '__proto__'] },
      { code: 'unknown-key', path: ['sessions', 0, 'adverseEvents', 0, '__proto__'] },
    ]);
  });

  it('as a key of JSON options: no allowance comes from it', () => {
    const input = withAnswers({ odi: answersOf('odi', [1, 1, 1, 1, 1, 1, 1, 1, null, null]) });
    const outer = JSON.parse('{"__proto__":{"missingAllowed":{"odi":2}}}');
    expect(recordOf(input, outer).baseline?.unscored.map(({ instrument }) => instrument)).toEqual(['odi']);
    // Inside missingAllowed, "__proto__" is a key like any other: not an instrument.
    const inner = JSON.parse('{"missingAllowed":{"__proto__":{"odi":2}}}');
    expect(issuesOf(input, inner)).toEqual([
      { code: 'invalid-option', path: ['options', 'missingAllowed', '__proto__'] },
    ]);
  });

  it('as the prototype of an object literal: the result is still a plain object, with only its own fields', () => {
    const hostile = { polluted: true, toString: () => 'hostile' };
    const record = recordOf({
      __proto__: hostile,
      ...base,
      sessions: [{ __proto__: hostile, number: 1 }],
      ruleSet: { __proto__: hostile, id: 'r', version: '1' },
    });
    for (const object of [record, record.sessions[0], record.ruleSet, record.sessions]) {
      expect(Object.getPrototypeOf(object)).toBe(Array.isArray(object) ? Array.prototype : Object.prototype);
      expect(Object.hasOwn(object ?? {}, 'polluted')).toBe(false);
    }
    expect(Object.keys(record)).not.toContain('polluted');
    expect(JSON.stringify(record)).not.toContain('polluted');
  });
});

describe('outcomeRecordTemplate', () => {
  function courseOf(request: Partial<CourseRequest> = {}): Course {
    const result = buildCourse({ region: 'cervical', screening: eligible, start: '2026-03-02', ...request });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.value;
  }

  it('carries the region, the planned sessions with their numbers and dates, and the rule set', () => {
    const course = courseOf();
    expect(outcomeRecordTemplate(course, 'p-001')).toStrictEqual({
      id: 'p-001',
      region: 'cervical',
      plannedSessions: 10,
      ruleSet: { id: 'acuspine-protocol', version: '1.0.0' },
      sessions: [
        { number: 1, date: '2026-03-02' },
        { number: 2, date: '2026-03-05' },
        { number: 3, date: '2026-03-09' },
        { number: 4, date: '2026-03-12' },
        { number: 5, date: '2026-03-16' },
        { number: 6, date: '2026-03-19' },
        { number: 7, date: '2026-03-23' },
        { number: 8, date: '2026-03-26' },
        { number: 9, date: '2026-03-30' },
        { number: 10, date: '2026-04-02' },
      ],
    });
  });

  it.each(spinalRegions)('a %s course’s template parses back with every session unrecorded', (region) => {
    const course = courseOf({ region, sessions: 12 });
    const template = outcomeRecordTemplate(course, 'p-002');
    expect(template.region).toBe(region);
    expect(template.ruleSet).toStrictEqual({ id: course.ruleSet.id, version: course.ruleSet.version });
    const record = recordOf(template);
    expect(record).toMatchObject({ id: 'p-002', region, plannedSessions: 12, ruleSet: course.ruleSet });
    expect(record.baseline).toBeUndefined();
    expect(record.followUp).toBeUndefined();
    expect(record.sessions).toStrictEqual(
      course.sessions.map((session) => ({ ...unrecordedSession(session.number), date: session.date })),
    );
    expect(recordOf(JSON.parse(JSON.stringify(template)))).toStrictEqual(record);
  });

  it('the longest course acuspine plans fits in a record', () => {
    const course = courseOf({ sessions: MAX_RECORDED_SESSIONS, override: { reason: 'a study protocol' } });
    const record = recordOf(outcomeRecordTemplate(course, 'p-003'));
    expect(record.plannedSessions).toBe(MAX_RECORDED_SESSIONS);
    expect(record.sessions.every((session) => session.tookPlace === undefined)).toBe(true);
  });

  it('shares nothing with the course', () => {
    const course = courseOf();
    const template = outcomeRecordTemplate(course, 'p-004');
    const courseObjects = objectsIn(course);
    expect([...objectsIn(template)].filter((object) => courseObjects.has(object))).toEqual([]);
  });
});

describe('readOutcomeRecords', () => {
  const valid = { ...base, region: 'cervical' };
  const invalid = { ...base, plannedSessions: 0 };
  const rows = [valid, invalid, { ...base, region: 'thoracic' }];

  /** A generator of the rows that counts how many have been pulled. */
  function counted<T>(items: readonly T[]) {
    const state = { pulled: 0 };
    function* generate() {
      for (const item of items) {
        state.pulled++;
        yield item;
      }
    }
    return { state, rows: generate() };
  }

  it('reads an iterable into an iterable of entries, in order, invalid rows kept with their issues', () => {
    const read = readOutcomeRecords(rows);
    expect(typeof (read as Iterable<unknown>)[Symbol.iterator]).toBe('function');
    expect(Symbol.asyncIterator in read).toBe(false);
    const entries = [...read];
    expect(entries.map(({ index, ok }) => ({ index, ok }))).toEqual([
      { index: 0, ok: true },
      { index: 1, ok: false },
      { index: 2, ok: true },
    ]);
    expect(entries.map((entry) => entry.row)).toEqual(rows);
    for (const [index, entry] of entries.entries()) expect(entry.row).toBe(rows[index]);
    const [first, second] = entries;
    expect(first?.ok && first.record).toStrictEqual(recordOf(valid));
    expect(!second?.ok && second?.issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'out-of-range', path: ['plannedSessions'] },
    ]);
    expect(Object.keys(first ?? {}).sort()).toEqual(['index', 'ok', 'record', 'row']);
    expect(Object.keys(second ?? {}).sort()).toEqual(['index', 'issues', 'ok', 'row']);
    for (const entry of entries) expect(Object.isFrozen(entry)).toBe(true);
  });

  it('reads an async iterable into an async iterable of entries', async () => {
    async function* lines() {
      for (const row of rows) yield row;
    }
    const read = readOutcomeRecords(lines());
    expect(typeof (read as AsyncIterable<unknown>)[Symbol.asyncIterator]).toBe('function');
    expect(Symbol.iterator in read).toBe(false);
    const entries: OutcomeEntry[] = [];
    for await (const entry of read as AsyncIterable<OutcomeEntry>) entries.push(entry);
    expect(entries.map(({ index, ok }) => ({ index, ok }))).toEqual([
      { index: 0, ok: true },
      { index: 1, ok: false },
      { index: 2, ok: true },
    ]);
    expect(entries[0]?.row).toBe(valid);
  });

  it('is lazy: one row is pulled for each entry, and none before the first', () => {
    const { state, rows: source } = counted(rows);
    const iterator = readOutcomeRecords(source)[Symbol.iterator]();
    expect(state.pulled).toBe(0);
    expect(iterator.next().value?.index).toBe(0);
    expect(state.pulled).toBe(1);
    expect(iterator.next().value?.index).toBe(1);
    expect(state.pulled).toBe(2);
  });

  it('is lazy over an async iterable too', async () => {
    let pulled = 0;
    async function* lines() {
      for (const row of rows) {
        pulled++;
        yield row;
      }
    }
    const iterator = (readOutcomeRecords(lines()) as AsyncIterable<OutcomeEntry>)[Symbol.asyncIterator]();
    expect(pulled).toBe(0);
    expect((await iterator.next()).value?.index).toBe(0);
    expect(pulled).toBe(1);
    expect((await iterator.next()).value?.index).toBe(1);
    expect(pulled).toBe(2);
  });

  it('passes the options to every row', () => {
    const row = withAnswers({ odi: answersOf('odi', [1, 1, 1, 1, 1, 1, 1, 1, null, null]) });
    const [plain] = [...readOutcomeRecords([row])];
    const [allowed] = [...readOutcomeRecords([row], { missingAllowed: { odi: 2 } })];
    expect(plain?.ok && plain.record.baseline?.scores.odi).toBeUndefined();
    expect(allowed?.ok && allowed.record.baseline?.scores.odi?.value).toBe(20);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['a plain object', { 0: base, length: 1 }],
    ['a string, iterable by character', 'ab'],
  ])('throws a TypeError for %s', (_name, rows) => {
    expect(() => readOutcomeRecords(rows as never)).toThrow(
      new TypeError('readOutcomeRecords: rows must be an Iterable or an AsyncIterable'),
    );
  });

  it('byRegion gives the region of a record, or invalid', () => {
    expect([...readOutcomeRecords(rows)].map(byRegion)).toEqual(['cervical', 'invalid', 'thoracic']);
  });
});

/** The value at `path` of `value`, by own properties only; `found` is false when a step is not there. */
function at(value: unknown, path: readonly (string | number)[]): { found: boolean; value: unknown } {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return { found: false, value: undefined };
    const descriptor = Object.getOwnPropertyDescriptor(current, key);
    if (descriptor === undefined) return { found: false, value: undefined };
    current = descriptor.value;
  }
  return { found: true, value: current };
}

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const nonBlank = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== '');
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const instrumentIds = Object.keys(instruments) as InstrumentId[];

/** Answers to one instrument: each item answered in range, null, or left out. */
const answersTo = (id: InstrumentId) =>
  fc.record(
    Object.fromEntries(
      instruments[id].items.map((item) => [
        item,
        fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: instruments[id].itemMin, max: instruments[id].itemMax }) },
          { weight: 1, arbitrary: fc.constant(null) },
        ),
      ]),
    ),
    { requiredKeys: [] },
  );

const assessment = fc.record(
  {
    date: fc.oneof(isoDate, fc.constant(null)),
    answers: fc.record(Object.fromEntries(instrumentIds.map((id) => [id, answersTo(id)])), { requiredKeys: [] }),
  },
  { requiredKeys: ['answers'] },
);

const sensation = fc.record(
  {
    kind: fc.constantFrom(...sensationKinds),
    extent: fc.constantFrom('general', 'local', null),
    persisted: fc.constantFrom(true, false, null),
  },
  { requiredKeys: ['kind'] },
);
const adverseEvent = fc.record(
  { kind: nonBlank, severity: fc.constantFrom('mild', 'moderate', 'severe', null) },
  { requiredKeys: ['kind'] },
);

const session = (number: number) =>
  fc.boolean().chain((missed) =>
    fc.record(
      {
        number: fc.constant(number),
        date: fc.oneof(isoDate, fc.constant(null)),
        tookPlace: missed ? fc.constant(false) : fc.constantFrom(true, null),
        painBefore: missed ? fc.constant(null) : fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)),
        painAfter: missed ? fc.constant(null) : fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)),
        sensations: missed ? fc.constant([]) : fc.array(sensation, { maxLength: 3 }),
        adverseEvents: missed ? fc.constant([]) : fc.array(adverseEvent, { maxLength: 2 }),
      },
      { requiredKeys: ['number'] },
    ),
  );

/** Any valid record input, now and then with fields given as undefined, which JSON drops. */
const validRecord = fc.record(
  {
    id: nonBlank,
    region: fc.constantFrom(...spinalRegions),
    plannedSessions: fc.integer({ min: 1, max: MAX_RECORDED_SESSIONS }),
    ruleSet: optional(fc.oneof(fc.record({ id: nonBlank, version: nonBlank }), fc.constant(null))),
    baseline: optional(assessment),
    followUp: optional(assessment),
    sessions: optional(
      fc
        .uniqueArray(fc.integer({ min: 1, max: MAX_RECORDED_SESSIONS }), { maxLength: 12 })
        .chain((numbers) => fc.tuple(...numbers.map(session))),
    ),
  },
  { requiredKeys: ['id', 'region', 'plannedSessions'] },
);

/** A record's shape with any field, at any depth, now and then replaced by any JSON value. */
const json = fc.jsonValue({ maxDepth: 3 });
const spoil = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary }, { weight: 1, arbitrary: json as fc.Arbitrary<unknown> });
const spoilt = fc
  .tuple(
    fc.record(
      {
        id: spoil(nonBlank),
        region: spoil(fc.constantFrom(...spinalRegions)),
        plannedSessions: spoil(fc.integer({ min: -1, max: MAX_RECORDED_SESSIONS + 1 })),
        ruleSet: spoil(fc.record({ id: spoil(nonBlank), version: spoil(nonBlank) }, { requiredKeys: [] })),
        baseline: spoil(
          fc.record(
            {
              date: spoil(isoDate),
              answers: spoil(
                fc.dictionary(
                  fc.constantFrom(...instrumentIds, 'vas'),
                  spoil(
                    fc.dictionary(
                      fc.constantFrom(...instruments.odi.items, 'nrs.pain', 'x'),
                      spoil(fc.integer({ min: -1, max: 6 })),
                    ),
                  ),
                ),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
        sessions: spoil(
          fc.array(
            spoil(
              fc.record(
                {
                  number: spoil(fc.integer({ min: 0, max: 4 })),
                  date: spoil(isoDate),
                  tookPlace: spoil(fc.boolean()),
                  painBefore: spoil(fc.integer({ min: -1, max: 11 })),
                  sensations: spoil(fc.array(spoil(fc.record({ kind: spoil(fc.constantFrom(...sensationKinds)) })))),
                  adverseEvents: spoil(fc.array(spoil(fc.record({ kind: spoil(nonBlank) })))),
                },
                { requiredKeys: [] },
              ),
            ),
            { maxLength: 4 },
          ),
        ),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.string({ maxLength: 4 }), json, { maxKeys: 2 }),
  )
  .map(([record, extra]) => ({ ...extra, ...record }));

describe('properties', () => {
  test.prop([fc.oneof(json, spoilt)])(
    'never throws on JSON; ok, or at least one issue, each at a path into the input',
    (input) => {
      const result = parseCourseOutcomeRecord(input);
      if (result.ok) return;
      expect(result.issues.length).toBeGreaterThan(0);
      for (const found of result.issues) {
        const where = `${found.code} at ${JSON.stringify(found.path)}`;
        // Every issue is in the input, or (the record itself) at its root.
        expect(at(input, found.path.slice(0, -1)).found, where).toBe(true);
        // A missing field's path names where it should be; so does an absent field of the rule
        // set, which the parser reports as invalid-type. Any other issue's value is in the input.
        const absentAllowed = found.code === 'missing' || (found.path[0] === 'ruleSet' && found.path.length === 2);
        if (!absentAllowed) expect(at(input, found.path).found, where).toBe(true);
      }
    },
  );

  test.prop([validRecord])(
    'any valid record parses, and its JSON round trip parses to a deep-equal record',
    (input) => {
      const record = recordOf(input);
      expect(recordOf(JSON.parse(JSON.stringify(input)))).toStrictEqual(record);
      expect(record.sessions.map((session) => session.number)).toEqual(
        (input.sessions ?? []).map((session) => session.number).sort((a, b) => a - b),
      );
      for (const session of input.sessions ?? []) {
        expect(record.sessions.find((read) => read.number === session.number)?.tookPlace).toBe(
          session.tookPlace ?? undefined,
        );
      }
      expect(unfrozenPaths(record)).toEqual([]);
    },
  );

  test.prop([validRecord])('every questionnaire given is scored or unscored, never both, never dropped', (input) => {
    const record = recordOf(input);
    for (const [given, read] of [
      [input.baseline, record.baseline],
      [input.followUp, record.followUp],
    ] as const) {
      if (given === undefined) {
        expect(read).toBeUndefined();
        continue;
      }
      const scored = Object.keys(read?.scores ?? {});
      const unscored = (read?.unscored ?? []).map(({ instrument }) => instrument);
      expect([...scored, ...unscored].sort()).toEqual(Object.keys(given.answers).sort());
    }
  });
});

describe('input that fights back', () => {
  it('a getter that throws, or a revoked proxy, is unreadable, never a throw', () => {
    const throwing = {
      ...base,
      get sessions(): never {
        throw new Error('no');
      },
    };
    expect(issuesOf(throwing)).toEqual([{ code: 'unreadable', path: [] }]);
    const { proxy, revoke } = Proxy.revocable({ ...base }, {});
    revoke();
    expect(issuesOf(proxy)).toEqual([{ code: 'unreadable', path: [] }]);
    expect(issuesOf({ ...base, sessions: [proxy] })).toEqual([{ code: 'unreadable', path: [] }]);
  });

  it('a hole in a list is an issue, never skipped, and never filled from a polluted prototype', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const sparse = withSession({ sensations: [, { kind: 'cold' }] });
    expect(issuesOf(sparse)).toEqual([{ code: 'invalid-type', path: ['sessions', 0, 'sensations', 0] }]);
    withPrototypeValue('0', { kind: 'numbness' }, () => {
      expect(issuesOf(sparse)).toEqual([{ code: 'invalid-type', path: ['sessions', 0, 'sensations', 0] }]);
    });
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(issuesOf({ ...base, sessions: [, { number: 2 }] })).toEqual([
      { code: 'invalid-type', path: ['sessions', 0] },
    ]);
  });

  it('a list of sensations or adverse events is bounded', () => {
    const many = Array.from({ length: 51 }, () => ({ kind: 'cold' }));
    expect(issuesOf(withSession({ sensations: many }))).toEqual([
      { code: 'out-of-range', path: ['sessions', 0, 'sensations'] },
    ]);
    expect(
      recordOf(withSession({ adverseEvents: many.slice(1).map(() => ({ kind: 'bruising' })) })).sessions[0]
        ?.adverseEvents,
    ).toHaveLength(50);
    // A sparse list of a huge length is refused by its length, at once.
    expect(issuesOf(withSession({ adverseEvents: new Array(2 ** 32 - 1) }))).toEqual([
      { code: 'out-of-range', path: ['sessions', 0, 'adverseEvents'] },
    ]);
  });

  it('thousands of unknown keys, instruments or items cost a count, and are counted', () => {
    const keys = (prefix: string) => Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`${prefix}${i}`, 1]));
    for (const [input, first] of [
      [{ ...base, ...keys('x') }, ['x0']],
      [withAnswers(keys('vas')), ['baseline', 'answers', 'vas0']],
      [withAnswers({ odi: keys('odi.x') }), ['baseline', 'answers', 'odi', 'odi.x0']],
    ] as const) {
      const result = parseCourseOutcomeRecord(input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toHaveLength(MAX_ISSUES + 1);
      expect(result.issues[0]?.path).toEqual(first);
      expect(result.issues[MAX_ISSUES]).toMatchObject({
        code: 'too-many-issues',
        message: `${5_000 - MAX_ISSUES} more issues were found and not listed`,
      });
    }
  });
});
