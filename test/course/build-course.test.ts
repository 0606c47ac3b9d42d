import { beforeEach, describe, expect, test } from 'vitest';
import { MAX_ISSUES } from '../../src/_internal/result.js';
import { screeningCards } from '../../src/cds-hooks/index.js';
import {
  buildCourse,
  type Course,
  type CourseRequest,
  courseDefaults,
  defineRuleSet,
  type Issue,
  PROTOCOL_TITLE,
  procedureStepIds,
  type Result,
  regionProfiles,
  type Screening,
  type SpinalRegion,
  screen,
  spinalRegions,
  strictaItems,
  weekdays,
} from '../../src/index.js';
import {
  contraindicated,
  eligible,
  healthyFacts,
  incomplete,
  noRedFlags,
  protocolAndRedFlags,
  referredFor,
  weekdayOf,
  withCaution,
} from './fixtures.js';

const ESSENCE = 'The essence of acupuncture';
const THORACIC = 'Acupuncture for osteochondrosis of the thoracic region spine';
const LUMBOSACRAL = 'Acupuncture for lumbosacral osteochondrosis';

const base: CourseRequest = { region: 'lumbosacral', screening: eligible, start: '2026-03-02' };

function course(request: Readonly<Record<string, unknown>> = {}): Course {
  const result = buildCourse({ ...base, ...request } as CourseRequest);
  if (!result.ok) throw new Error(`expected a course, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

function issues(request: unknown): readonly Issue[] {
  const result: Result<Course> = buildCourse(request as CourseRequest);
  if (result.ok) throw new Error('expected issues, got a course');
  return result.issues;
}

function issuesOf(request: Record<string, unknown>): readonly Issue[] {
  return issues({ ...base, ...request });
}

function isDeeplyFrozen(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value !== 'object' || value === null || seen.has(value)) return true;
  seen.add(value);
  return Object.isFrozen(value) && Object.values(value).every((inner) => isDeeplyFrozen(inner, seen));
}

const phaseCounts = (planned: Course) => {
  const counts: Record<string, number> = {};
  for (const session of planned.sessions) counts[session.phase as string] = (counts[session.phase as string] ?? 0) + 1;
  return counts;
};

describe('buildCourse: a default lumbosacral course for an eligible patient', () => {
  // Planned in each test, not when the file loads, so that the mutation run (which switches a
  // mutant on while tests run) sees the course of the mutated code.
  let planned: Course;
  beforeEach(() => {
    planned = course();
  });

  test('has the typical 10 sessions, numbered from 1', () => {
    expect(planned.sessions.map((session) => session.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('falls on Mondays and Thursdays from the start date', () => {
    expect(planned.sessions.map((session) => session.date)).toEqual([
      '2026-03-02',
      '2026-03-05',
      '2026-03-09',
      '2026-03-12',
      '2026-03-16',
      '2026-03-19',
      '2026-03-23',
      '2026-03-26',
      '2026-03-30',
      '2026-04-02',
    ]);
    for (const session of planned.sessions) expect(weekdayOf(session.date)).toBe(session.weekday);
  });

  test('has 30-minute sessions with the protocol steps, the needles retained for the session minutes', () => {
    for (const session of planned.sessions) {
      expect(session.minutes).toBe(30);
      expect(session.steps.map((step) => step.id)).toEqual([...procedureStepIds]);
      expect(session.steps).toEqual([
        { id: 'antiseptic-before' },
        { id: 'insert-needles' },
        { id: 'retain-needles', minutes: 30 },
        { id: 'remove-needles' },
        { id: 'antiseptic-after' },
      ]);
      expect(session.pointGroups).toEqual(['local', 'segmental', 'remote']);
      expect(session.contralateral).toBe(false);
    }
  });

  test('lays out the four phases as 3, 3, 2, 2 sessions in the protocol order', () => {
    expect(planned.sessions.map((session) => session.phase)).toEqual([
      'nerve-pain',
      'nerve-pain',
      'nerve-pain',
      'spasm-and-inflammation',
      'spasm-and-inflammation',
      'spasm-and-inflammation',
      'circulation-and-metabolism',
      'circulation-and-metabolism',
      'consolidation',
      'consolidation',
    ]);
    expect(planned.omittedPhases).toEqual([]);
  });

  test('records the defaults it used, with their basis', () => {
    expect(planned.settings.sessions).toMatchObject({ value: 10, from: 'default', outsideProtocol: false });
    expect(planned.settings.sessions.basis.map((source) => source.section)).toEqual([LUMBOSACRAL, ESSENCE]);
    expect(planned.settings.minutes).toMatchObject({
      value: 30,
      from: 'default',
      outsideProtocol: false,
      carriedOverFrom: 'thoracic',
    });
    expect(planned.settings.minutes.basis).toEqual(courseDefaults.minutesBasis);
    expect(planned.settings.minutes.basis[0]?.section).toBe(THORACIC);
    expect(planned.settings.minutes.basis[1]?.title).toContain('GERAC');
    expect(planned.settings.weekdays).toMatchObject({ value: ['mon', 'thu'], from: 'default', outsideProtocol: false });
    expect(planned.settings.weekdays.basis[0]?.title).toContain('GERAC');
    expect(planned.settings.contralateral).toMatchObject({ value: false, from: 'default', basis: [] });
  });

  test('records the screening it was built from and no override', () => {
    expect(planned.ruleSet).toEqual({ id: 'acuspine-protocol', version: '1.0.0' });
    expect(planned.screeningStatus).toBe('eligible');
    expect(planned.cautions).toEqual([]);
    expect(planned.override).toBeUndefined();
  });

  test('records its protocol basis: the general section, the lumbosacral section and the thoracic one for minutes and point groups', () => {
    expect(planned.protocolBasis).toEqual([
      { title: PROTOCOL_TITLE, section: ESSENCE },
      { title: PROTOCOL_TITLE, section: LUMBOSACRAL },
      { title: PROTOCOL_TITLE, section: THORACIC },
    ]);
  });

  test('is frozen all the way down', () => {
    expect(isDeeplyFrozen(buildCourse(base))).toBe(true);
  });

  test('is the same for the same request', () => {
    expect(course()).toEqual(planned);
  });
});

describe('buildCourse: other regions', () => {
  test('cervical and thoracic courses have no phase and list no omitted phases', () => {
    for (const region of ['cervical', 'thoracic'] as const) {
      const planned = course({ region });
      expect(planned.sessions).toHaveLength(10);
      for (const session of planned.sessions) expect(session).not.toHaveProperty('phase');
      expect(planned.omittedPhases).toEqual([]);
    }
  });

  test('thoracic minutes are stated by the protocol; cervical minutes are carried over from thoracic', () => {
    expect(course({ region: 'thoracic' }).settings.minutes).not.toHaveProperty('carriedOverFrom');
    expect(course({ region: 'cervical' }).settings.minutes.carriedOverFrom).toBe('thoracic');
  });

  test('the protocol basis of a thoracic course is the general and the thoracic sections', () => {
    expect(course({ region: 'thoracic' }).protocolBasis.map((source) => source.section)).toEqual([ESSENCE, THORACIC]);
  });
});

describe('buildCourse: refusals', () => {
  test('a contraindicated screening is refused: the issue names the contraindications and another method of treatment', () => {
    const found = issuesOf({ screening: contraindicated });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'contraindicated', path: ['screening'] });
    expect(found[0]?.message).toContain('age');
    expect(found[0]?.message).toContain('pregnancy');
    expect(found[0]?.message).toContain('another method of treatment');
  });

  test('an incomplete screening is refused with the missing facts', () => {
    const found = issuesOf({ screening: incomplete });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'screening-incomplete', path: ['screening', 'missing'] });
    for (const fact of incomplete.missing) expect(found[0]?.message).toContain(fact);
  });

  test('an override never lifts a contraindication or an incomplete screening', () => {
    const override = { reason: 'the patient insists' };
    expect(issuesOf({ screening: contraindicated, override }).map((found) => found.code)).toEqual(['contraindicated']);
    expect(issuesOf({ screening: incomplete, override }).map((found) => found.code)).toEqual(['screening-incomplete']);
  });

  test('a screening that claims eligibility while listing contraindications or missing facts is refused', () => {
    const forgedContra = { ...eligible, contraindications: ['oncology'] };
    expect(issuesOf({ screening: forgedContra })[0]).toMatchObject({
      code: 'invalid-screening',
      path: ['screening', 'contraindications'],
    });
    const forgedMissing = { ...eligible, missing: ['pregnant'] };
    expect(issuesOf({ screening: forgedMissing })[0]).toMatchObject({
      code: 'invalid-screening',
      path: ['screening', 'missing'],
    });
  });

  test('an eligible screening that lists a fact whose value could not be read is refused until it is recorded', () => {
    const screening = screen({ pacemaker: 'yes', electroacupuncturePlanned: false } as never, {
      ruleSet: defineRuleSet({
        id: 'electro',
        version: '1',
        rules: [
          {
            id: 'device',
            kind: 'absolute',
            when: { type: 'all', facts: ['pacemaker', 'electroacupuncturePlanned'] },
            source: { title: 'T' },
          },
        ],
      }),
    });
    expect(screening.status).toBe('eligible');
    expect(issuesOf({ screening })).toEqual([
      {
        code: 'screening-incomplete',
        path: ['screening', 'missing'],
        message: 'the screening is incomplete: record these facts and screen again before planning a course: pacemaker',
      },
    ]);
  });

  test('the refusal names every contraindication and every missing fact, separated by commas', () => {
    expect(issuesOf({ screening: contraindicated })).toEqual([
      {
        code: 'contraindicated',
        path: ['screening'],
        message:
          'acupuncture is contraindicated (age, pregnancy): no course is planned, and the patient needs another method of treatment',
      },
    ]);
    expect(issuesOf({ screening: incomplete })).toEqual([
      {
        code: 'screening-incomplete',
        path: ['screening', 'missing'],
        message:
          'the screening is incomplete: record these facts and screen again before planning a course: oncologicalDisease, coagulationDisorder, acuteInfection, acuteMentalIllness, psychotropicInfluence',
      },
    ]);
  });

  test('a screening without its rule set is refused with that one issue', () => {
    const { ruleSet: _ruleSet, ...withoutRuleSet } = eligible;
    const expected = [
      {
        code: 'invalid-screening',
        path: ['screening', 'ruleSet'],
        message: 'expected the rule set { id, version } that screen() records',
      },
    ];
    expect(issuesOf({ screening: withoutRuleSet })).toEqual(expected);
    expect(issuesOf({ screening: { ...eligible, ruleSet: 'protocol 1' } })).toEqual(expected);
    expect(issuesOf({ screening: { ...eligible, ruleSet: null } })).toEqual(expected);
  });

  test('a rule set whose id cannot be read is refused, naming the field', () => {
    const fail = () => {
      throw new Error('unreadable');
    };
    const ruleSet = Object.defineProperties(
      {},
      { id: { get: fail, enumerable: true }, version: { get: fail, enumerable: true } },
    );
    expect(issuesOf({ screening: { ...eligible, ruleSet } })).toEqual([
      { code: 'unreadable', path: ['screening', 'ruleSet', 'id'], message: 'the value of "id" could not be read' },
    ]);
  });

  test('a screening that says contraindicated or incomplete without naming why is refused as inconsistent', () => {
    expect(issuesOf({ screening: { ...contraindicated, contraindications: [] } })[0]).toMatchObject({
      code: 'invalid-screening',
      path: ['screening', 'contraindications'],
    });
    expect(issuesOf({ screening: { ...incomplete, missing: [] } })[0]).toMatchObject({
      code: 'invalid-screening',
      path: ['screening', 'missing'],
    });
  });

  test('a caution screening gets a course that carries the cautions and the rule set', () => {
    const planned = course({ screening: withCaution });
    expect(planned.screeningStatus).toBe('caution');
    expect(planned.cautions).toEqual(['anticoagulant-therapy']);
    expect(planned.ruleSet).toEqual({ id: 'protocol-and-cautions', version: '2' });
  });
});

describe('buildCourse: sessions and the override', () => {
  test('10, 11 and 12 sessions are within the protocol', () => {
    for (const sessions of [10, 11, 12]) {
      const planned = course({ sessions });
      expect(planned.sessions).toHaveLength(sessions);
      expect(planned.settings.sessions).toMatchObject({ value: sessions, from: 'request', outsideProtocol: false });
    }
  });

  test('9 or 13 sessions without an override are refused as outside the protocol', () => {
    for (const sessions of [9, 13]) {
      const found = issuesOf({ sessions });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ code: 'outside-protocol', path: ['sessions'] });
      expect(found[0]?.message).toContain('10-12');
    }
  });

  test('with an override and a reason, the course is built and records the override and what it covers', () => {
    const planned = course({
      sessions: 15,
      override: { reason: '  severe, long-standing pain  ', by: ' Dr Ivanova ' },
    });
    expect(planned.sessions).toHaveLength(15);
    expect(planned.settings.sessions).toMatchObject({ value: 15, from: 'request', outsideProtocol: true });
    expect(planned.override).toEqual({ reason: 'severe, long-standing pain', by: 'Dr Ivanova', covers: ['sessions'] });
  });

  test('an override without `by` records no `by`', () => {
    const planned = course({ sessions: 8, override: { reason: 'mild case' } });
    expect(planned.override).toEqual({ reason: 'mild case', covers: ['sessions'] });
    expect(planned.override).not.toHaveProperty('by');
  });

  test('an override that nothing needs is recorded, covering nothing', () => {
    expect(course({ override: { reason: 'for the record' } }).override).toEqual({
      reason: 'for the record',
      covers: [],
    });
  });

  test('an override with a blank, missing or non-text reason does not allow going outside the protocol', () => {
    expect(issuesOf({ sessions: 20, override: { reason: '   ' } }).map((found) => [found.code, found.path])).toEqual([
      ['blank', ['override', 'reason']],
      ['outside-protocol', ['sessions']],
    ]);
    expect(issuesOf({ sessions: 20, override: {} }).map((found) => found.code)).toEqual([
      'missing',
      'outside-protocol',
    ]);
    expect(issuesOf({ sessions: 20, override: { reason: 42 } }).map((found) => found.code)).toEqual([
      'invalid-type',
      'outside-protocol',
    ]);
    expect(issuesOf({ override: 'because' })).toMatchObject([{ code: 'invalid-type', path: ['override'] }]);
    expect(issuesOf({ override: { reason: 'ok', by: '' } })).toMatchObject([
      { code: 'blank', path: ['override', 'by'] },
    ]);
    expect(issuesOf({ override: { reason: 'ok', who: 'me' } })).toMatchObject([
      { code: 'unknown-key', path: ['override', 'who'] },
    ]);
  });

  test('even with an override, a course has from 1 to 100 sessions', () => {
    const override = { reason: 'test' };
    expect(issuesOf({ sessions: 0, override })).toMatchObject([{ code: 'out-of-range', path: ['sessions'] }]);
    expect(issuesOf({ sessions: 101, override })).toMatchObject([{ code: 'out-of-range', path: ['sessions'] }]);
    expect(course({ sessions: 100, override }).sessions).toHaveLength(100);
  });
});

describe('buildCourse: minutes', () => {
  test('20 and 40 minutes are within the protocol and used in every session and retention step', () => {
    for (const minutes of [20, 40]) {
      const planned = course({ minutes });
      expect(planned.settings.minutes).toMatchObject({ value: minutes, from: 'request', outsideProtocol: false });
      for (const session of planned.sessions) {
        expect(session.minutes).toBe(minutes);
        expect(session.steps[2]).toEqual({ id: 'retain-needles', minutes });
      }
    }
  });

  test('19 or 41 minutes need an override; with one they are recorded as outside the protocol', () => {
    for (const minutes of [19, 41]) {
      expect(issuesOf({ minutes })).toMatchObject([{ code: 'outside-protocol', path: ['minutes'] }]);
      const planned = course({ minutes, override: { reason: 'tolerance' } });
      expect(planned.settings.minutes.outsideProtocol).toBe(true);
      expect(planned.override?.covers).toEqual(['minutes']);
    }
  });

  test('an override can cover sessions and minutes together, and the STRICTA summary lists both', () => {
    const planned = course({ sessions: 6, minutes: 15, override: { reason: 'frail patient' } });
    expect(planned.override?.covers).toEqual(['sessions', 'minutes']);
    const item = planned.stricta.items.find((candidate) => candidate.id === '1c');
    expect(item?.status === 'filled' ? item.text : undefined).toBe(
      "A fixed plan of 6 sessions of 15 minutes; the points within each group are chosen by the practitioner at each session. Outside the protocol by the doctor's decision (sessions, minutes): frail patient.",
    );
  });

  test('an override without a reason covers nothing: the settings outside the protocol are refused too', () => {
    expect(issuesOf({ sessions: 30, override: {} })).toEqual([
      {
        code: 'missing',
        path: ['override', 'reason'],
        message: 'an override needs the reason for going outside the protocol',
      },
      {
        code: 'outside-protocol',
        path: ['sessions'],
        message:
          "30 sessions is outside the protocol's 10-12 for the lumbosacral region; an override with a reason is needed to go outside it",
      },
    ]);
  });

  test('minutes must be a whole number from 1 to 120', () => {
    const override = { reason: 'test' };
    expect(issuesOf({ minutes: 30.5 })).toMatchObject([{ code: 'not-an-integer', path: ['minutes'] }]);
    expect(issuesOf({ minutes: 0, override })).toMatchObject([{ code: 'out-of-range', path: ['minutes'] }]);
    expect(issuesOf({ minutes: 121, override })).toMatchObject([{ code: 'out-of-range', path: ['minutes'] }]);
    expect(issuesOf({ minutes: '30' })).toMatchObject([{ code: 'invalid-type', path: ['minutes'] }]);
  });
});

describe('buildCourse: contralateral (balance) selection', () => {
  test('is allowed for the cervical region, recorded with the cervical section as its basis', () => {
    const planned = course({ region: 'cervical', contralateral: true });
    for (const session of planned.sessions) expect(session.contralateral).toBe(true);
    expect(planned.settings.contralateral).toMatchObject({ value: true, from: 'request', outsideProtocol: false });
    expect(planned.settings.contralateral.basis[0]?.section).toBe(
      'Acupuncture for cervical osteochondrosis of the spine',
    );
  });

  test('needs an override for the thoracic and lumbosacral regions', () => {
    for (const region of ['thoracic', 'lumbosacral'] as const) {
      expect(issuesOf({ region, contralateral: true })).toMatchObject([
        { code: 'outside-protocol', path: ['contralateral'] },
      ]);
      const planned = course({ region, contralateral: true, override: { reason: 'clinic practice' } });
      expect(planned.settings.contralateral.outsideProtocol).toBe(true);
      expect(planned.override?.covers).toEqual(['contralateral']);
    }
  });

  test('false is always allowed', () => {
    expect(course({ region: 'thoracic', contralateral: false }).settings.contralateral.value).toBe(false);
  });
});

describe('buildCourse: lumbosacral phase layout', () => {
  test('4 sessions: one per phase', () => {
    expect(course({ sessions: 4, override: { reason: 'short course' } }).sessions.map((s) => s.phase)).toEqual([
      'nerve-pain',
      'spasm-and-inflammation',
      'circulation-and-metabolism',
      'consolidation',
    ]);
  });

  test.each([
    [10, { 'nerve-pain': 3, 'spasm-and-inflammation': 3, 'circulation-and-metabolism': 2, consolidation: 2 }],
    [11, { 'nerve-pain': 3, 'spasm-and-inflammation': 3, 'circulation-and-metabolism': 3, consolidation: 2 }],
    [12, { 'nerve-pain': 3, 'spasm-and-inflammation': 3, 'circulation-and-metabolism': 3, consolidation: 3 }],
    [13, { 'nerve-pain': 4, 'spasm-and-inflammation': 3, 'circulation-and-metabolism': 3, consolidation: 3 }],
    [20, { 'nerve-pain': 5, 'spasm-and-inflammation': 5, 'circulation-and-metabolism': 5, consolidation: 5 }],
  ])('%i sessions: near-equal blocks, the earlier phases taking the extra sessions', (sessions, expected) => {
    const planned = course({ sessions, override: { reason: 'test' } });
    expect(phaseCounts(planned)).toEqual(expected);
    expect(planned.sessions[0]?.phase).toBe('nerve-pain');
    expect(planned.sessions.at(-1)?.phase).toBe('consolidation');
    expect(planned.omittedPhases).toEqual([]);
  });

  test('1 session (overridden): the first phase only; the others are listed as omitted', () => {
    const planned = course({ sessions: 1, override: { reason: 'single session' } });
    expect(planned.sessions.map((s) => s.phase)).toEqual(['nerve-pain']);
    expect(planned.omittedPhases).toEqual(['spasm-and-inflammation', 'circulation-and-metabolism', 'consolidation']);
  });

  test('2 sessions (overridden): the first phase, then consolidation', () => {
    const planned = course({ sessions: 2, override: { reason: 'test' } });
    expect(planned.sessions.map((s) => s.phase)).toEqual(['nerve-pain', 'consolidation']);
    expect(planned.omittedPhases).toEqual(['spasm-and-inflammation', 'circulation-and-metabolism']);
  });

  test('3 sessions (overridden): the first two phases, then consolidation', () => {
    const planned = course({ sessions: 3, override: { reason: 'test' } });
    expect(planned.sessions.map((s) => s.phase)).toEqual(['nerve-pain', 'spasm-and-inflammation', 'consolidation']);
    expect(planned.omittedPhases).toEqual(['circulation-and-metabolism']);
  });
});

describe('buildCourse: calendar', () => {
  test('the first session is on the first allowed weekday on or after the start', () => {
    // 2026-03-03 is a Tuesday: the next Thursday is 03-05.
    expect(course({ start: '2026-03-03' }).sessions[0]?.date).toBe('2026-03-05');
    expect(course({ start: '2026-03-05' }).sessions[0]?.date).toBe('2026-03-05');
  });

  test('crosses a leap day: 2028-02-28, 02-29, 03-01 on consecutive days', () => {
    const planned = course({ start: '2028-02-28', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] });
    expect(planned.sessions.slice(0, 3).map((s) => [s.date, s.weekday])).toEqual([
      ['2028-02-28', 'mon'],
      ['2028-02-29', 'tue'],
      ['2028-03-01', 'wed'],
    ]);
  });

  test('goes from 28 February to 1 March in a year that is not a leap year', () => {
    const planned = course({ start: '2027-02-27', weekdays: ['sat', 'sun', 'mon'] });
    expect(planned.sessions.slice(0, 3).map((s) => s.date)).toEqual(['2027-02-27', '2027-02-28', '2027-03-01']);
  });

  test('2100 is not a leap year, 2000 is', () => {
    const daily = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
    expect(course({ start: '2100-02-28', weekdays: daily }).sessions[1]?.date).toBe('2100-03-01');
    expect(course({ start: '2000-02-28', weekdays: daily }).sessions[1]?.date).toBe('2000-02-29');
  });

  test('crosses a year end on the allowed weekdays', () => {
    const planned = course({ start: '2026-12-28' });
    expect(planned.sessions.slice(0, 4).map((s) => [s.date, s.weekday])).toEqual([
      ['2026-12-28', 'mon'],
      ['2026-12-31', 'thu'],
      ['2027-01-04', 'mon'],
      ['2027-01-07', 'thu'],
    ]);
  });

  test('weekdays given out of order are recorded in week order', () => {
    const planned = course({ weekdays: ['fri', 'tue'] });
    expect(planned.settings.weekdays).toMatchObject({ value: ['tue', 'fri'], from: 'request', basis: [] });
    expect(new Set(planned.sessions.map((s) => s.weekday))).toEqual(new Set(['tue', 'fri']));
  });

  test('a single weekday gives weekly sessions', () => {
    const planned = course({ weekdays: ['wed'] });
    expect(planned.sessions.map((s) => s.date).slice(0, 3)).toEqual(['2026-03-04', '2026-03-11', '2026-03-18']);
  });

  test('a course that would end after 9999-12-31 is refused', () => {
    expect(issuesOf({ start: '9999-12-20' })).toMatchObject([{ code: 'out-of-range', path: ['start'] }]);
  });
});

describe('buildCourse: bad input is an issue with its path, never a throw', () => {
  test.each([
    ['an impossible date', { start: '2026-02-30' }, 'invalid-date', ['start']],
    ['a month 13', { start: '2026-13-01' }, 'invalid-date', ['start']],
    ['a date in another format', { start: '02/03/2026' }, 'invalid-date', ['start']],
    ['a date with a time', { start: '2026-03-02T10:00:00Z' }, 'invalid-date', ['start']],
    ['a number as the date', { start: 20260302 }, 'invalid-type', ['start']],
    ['no date', { start: undefined }, 'missing', ['start']],
    ['empty weekdays', { weekdays: [] }, 'empty', ['weekdays']],
    ['a capitalised weekday', { weekdays: ['mon', 'Thu'] }, 'unknown-weekday', ['weekdays', 1]],
    ['a weekday written out', { weekdays: ['monday'] }, 'unknown-weekday', ['weekdays', 0]],
    ['a weekday number', { weekdays: [1] }, 'unknown-weekday', ['weekdays', 0]],
    ['a repeated weekday', { weekdays: ['mon', 'thu', 'mon'] }, 'duplicate-weekday', ['weekdays', 2]],
    ['weekdays as a string', { weekdays: 'mon,thu' }, 'invalid-type', ['weekdays']],
    ['non-integer sessions', { sessions: 10.5 }, 'not-an-integer', ['sessions']],
    ['NaN sessions', { sessions: Number.NaN }, 'not-an-integer', ['sessions']],
    ['infinite sessions', { sessions: Number.POSITIVE_INFINITY }, 'not-an-integer', ['sessions']],
    ['sessions as a string', { sessions: '10' }, 'invalid-type', ['sessions']],
    ['contralateral as a string', { contralateral: 'yes' }, 'invalid-type', ['contralateral']],
    ['a synonym for the region', { region: 'lumbar' }, 'unknown-region', ['region']],
    ['a number for the region', { region: 3 }, 'invalid-type', ['region']],
    ['no region', { region: undefined }, 'missing', ['region']],
    ['no screening', { screening: undefined }, 'missing', ['screening']],
    ['a screening that is a string', { screening: 'eligible' }, 'invalid-type', ['screening']],
    [
      'a screening with an unknown status',
      { screening: { ...eligible, status: 'ok' } },
      'invalid-screening',
      ['screening', 'status'],
    ],
    [
      'a screening without lists',
      { screening: { status: 'eligible', ruleSet: eligible.ruleSet } },
      'invalid-screening',
      ['screening', 'findings'],
    ],
    [
      'a screening whose rule set has an empty version',
      { screening: { ...eligible, ruleSet: { id: 'acuspine-protocol', version: '' } } },
      'invalid-screening',
      ['screening', 'ruleSet'],
    ],
    [
      'a screening without a rule set',
      { screening: { ...eligible, ruleSet: undefined } },
      'invalid-screening',
      ['screening', 'ruleSet'],
    ],
    ['an unknown field', { session: 12 }, 'unknown-key', ['session']],
  ] as const)('%s', (_, request, code, path) => {
    const found = issuesOf(request as Record<string, unknown>);
    expect(found.map((item) => ({ code: item.code, path: item.path }))).toContainEqual({ code, path: [...path] });
  });

  test('a request that is not an object is one not-an-object issue', () => {
    for (const value of [undefined, null, 42, 'lumbosacral', [], true]) {
      expect(issues(value)).toEqual([{ code: 'not-an-object', path: [], message: expect.any(String) }]);
    }
  });

  test('every problem is reported at once', () => {
    const found = issues({ region: 'knee', screening: eligible, start: 'soon', sessions: -1, weekdays: [] });
    expect(found.map((item) => item.path[0])).toEqual(['region', 'start', 'sessions', 'weekdays']);
  });

  test('null optional settings take their defaults', () => {
    const planned = course({ sessions: null, minutes: null, weekdays: null, contralateral: null, override: null });
    expect(planned.sessions).toHaveLength(10);
    expect(planned.settings.minutes.from).toBe('default');
  });

  test('getters that throw and hostile proxies give issues, not exceptions', () => {
    const throwing = Object.defineProperty({ ...base }, 'sessions', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(issues(throwing)).toMatchObject([{ code: 'unreadable', path: ['sessions'] }]);
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(issues(hostile)).toMatchObject([{ code: 'unreadable', path: [] }]);
    const hostileList = new Proxy(['mon'], {
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf({ weekdays: hostileList })).toMatchObject([{ code: 'unreadable', path: ['weekdays'] }]);
    const hostileOverride = new Proxy(
      { reason: 'requested by the patient' },
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(issuesOf({ override: hostileOverride })).toMatchObject([{ code: 'unreadable', path: ['override'] }]);
  });

  test('names null in the message when null stands in a list of weekdays', () => {
    expect(issuesOf({ weekdays: ['mon', null] })).toEqual([
      { code: 'unknown-weekday', path: ['weekdays', 1], message: expect.stringMatching(/, got null$/) },
    ]);
  });

  test('refusals are frozen too', () => {
    expect(isDeeplyFrozen(buildCourse({ ...base, start: 'x' }))).toBe(true);
  });
});

describe('buildCourse: the STRICTA 2010 summary', () => {
  // Planned in each test, not when the file loads, so that the mutation run (which switches a
  // mutant on while tests run) sees the course of the mutated code.
  let planned: Course;
  beforeEach(() => {
    planned = course();
  });
  const item = (id: string) => planned.stricta.items.find((entry) => entry.id === id);

  test('lists all seventeen items in the checklist order and cites the checklist', () => {
    expect(planned.stricta.items.map((entry) => entry.id)).toEqual(strictaItems.map((entry) => entry.id));
    expect(planned.stricta.items).toHaveLength(17);
    expect(planned.stricta.source.title).toContain('STRICTA');
  });

  test('fills 1a-1c, 2b, 2f, 3a and 3b and leaves the others for the clinic', () => {
    const filled = planned.stricta.items.filter((entry) => entry.status === 'filled').map((entry) => entry.id);
    expect(filled).toEqual(['1a', '1b', '1c', '2b', '2f', '3a', '3b']);
    for (const entry of planned.stricta.items) {
      if (entry.status === 'for-clinic') expect(entry).not.toHaveProperty('text');
    }
    expect(planned.stricta.items.filter((entry) => entry.status === 'for-clinic')).toHaveLength(10);
  });

  test('describes the course it summarises', () => {
    expect(item('1a')).toMatchObject({ text: expect.stringContaining(LUMBOSACRAL) });
    expect(item('1b')).toMatchObject({ text: expect.stringContaining('acuspine-protocol 1.0.0') });
    expect(item('2b')).toMatchObject({ text: expect.stringContaining('local, segmental, remote') });
    expect(item('2f')).toMatchObject({ text: '30 minutes.' });
    expect(item('3a')).toMatchObject({ text: '10 sessions.' });
    expect(item('3b')).toMatchObject({
      text: '2 sessions a week (Monday, Thursday), from 2026-03-02 to 2026-04-02 (32 days).',
    });
  });

  test('names the override and its reason in 1c, and the balance method in 2b', () => {
    const overridden = course({
      region: 'cervical',
      sessions: 14,
      contralateral: true,
      override: { reason: 'chronic' },
    });
    const text = (id: string) => {
      const entry = overridden.stricta.items.find((candidate) => candidate.id === id);
      return entry?.status === 'filled' ? entry.text : '';
    };
    expect(text('1c')).toContain('chronic');
    expect(text('1c')).toContain('sessions');
    expect(text('2b')).toContain('opposite');
    expect(text('3a')).toBe('14 sessions.');
  });
});

describe('buildCourse: defaults', () => {
  test('the documented defaults are what a bare request gets, for every region', () => {
    for (const region of spinalRegions as readonly SpinalRegion[]) {
      const planned = course({ region });
      expect(planned.settings.minutes.value).toBe(courseDefaults.minutes);
      expect(planned.settings.weekdays.value).toEqual(courseDefaults.weekdays);
      expect(planned.settings.contralateral.value).toBe(courseDefaults.contralateral);
    }
  });

  test('courseDefaults is frozen', () => {
    expect(isDeeplyFrozen(courseDefaults)).toBe(true);
  });
});

describe('buildCourse: one issue per bad field, naming what it got', () => {
  const regions = 'cervical, thoracic, lumbosacral';
  const days = 'mon, tue, wed, thu, fri, sat, sun';
  const long = 'x'.repeat(42);
  const clipped = `${'x'.repeat(40)}…`;
  test.each([
    ['a region of null', { region: null }, 'missing', ['region'], `a region is required: ${regions}`],
    [
      'a region that is a number',
      { region: 3 },
      'invalid-type',
      ['region'],
      `expected a region id (${regions}), got the number 3`,
    ],
    [
      'a region that is a list',
      { region: ['cervical'] },
      'invalid-type',
      ['region'],
      `expected a region id (${regions}), got an array`,
    ],
    [
      'an unknown region of 41 characters, quoted in full',
      { region: 'x'.repeat(41) },
      'unknown-region',
      ['region'],
      `"${'x'.repeat(41)}" is not a region id: expected ${regions} (parseRegion reads synonyms such as "lower back")`,
    ],
    [
      'a long unknown region',
      { region: long },
      'unknown-region',
      ['region'],
      `"${clipped}" is not a region id: expected ${regions} (parseRegion reads synonyms such as "lower back")`,
    ],
    ['a screening of null', { screening: null }, 'missing', ['screening'], 'a screening from screen() is required'],
    ['a start of null', { start: null }, 'missing', ['start'], 'a start date YYYY-MM-DD is required'],
    [
      'a start that is a list',
      { start: ['2026-03-02'] },
      'invalid-type',
      ['start'],
      'expected a date as YYYY-MM-DD, got an array',
    ],
    ['a long start', { start: long }, 'invalid-date', ['start'], `"${clipped}" is not a calendar date as YYYY-MM-DD`],
    [
      'sessions as a string',
      { sessions: '10' },
      'invalid-type',
      ['sessions'],
      'expected a whole number of sessions, got the string "10"',
    ],
    [
      'fractional sessions',
      { sessions: 10.5 },
      'not-an-integer',
      ['sessions'],
      'expected a whole number of sessions, got 10.5',
    ],
    [
      'sessions past the maximum',
      { sessions: 101 },
      'out-of-range',
      ['sessions'],
      'expected 1 to 100 sessions, got 101',
    ],
    [
      'minutes as a boolean',
      { minutes: true },
      'invalid-type',
      ['minutes'],
      'expected a whole number of minutes, got the boolean true',
    ],
    [
      'fractional minutes',
      { minutes: 30.5 },
      'not-an-integer',
      ['minutes'],
      'expected a whole number of minutes, got 30.5',
    ],
    [
      'weekdays as an object',
      { weekdays: { mon: true } },
      'invalid-type',
      ['weekdays'],
      "expected a list of weekdays such as ['mon', 'thu'], got a value of type object",
    ],
    [
      'a weekday number',
      { weekdays: ['mon', 4] },
      'unknown-weekday',
      ['weekdays', 1],
      `expected one of ${days}, got the number 4`,
    ],
    [
      'a long weekday',
      { weekdays: [long] },
      'unknown-weekday',
      ['weekdays', 0],
      `expected one of ${days}, got the string "${clipped}"`,
    ],
    [
      'a repeated weekday',
      { weekdays: ['thu', 'thu'] },
      'duplicate-weekday',
      ['weekdays', 1],
      '"thu" is listed more than once',
    ],
    [
      'contralateral as a number',
      { contralateral: 1 },
      'invalid-type',
      ['contralateral'],
      'expected true or false, got the number 1',
    ],
    [
      'an override that is a string',
      { override: 'chronic' },
      'invalid-type',
      ['override'],
      'expected { reason, by? }, got the string "chronic"',
    ],
    [
      'an override that is a list',
      { override: ['chronic'] },
      'invalid-type',
      ['override'],
      'expected { reason, by? }, got an array',
    ],
    [
      'an override without a reason',
      { override: { by: 'Dr Ivanova' } },
      'missing',
      ['override', 'reason'],
      'an override needs the reason for going outside the protocol',
    ],
    [
      'an override whose reason is null',
      { override: { reason: null } },
      'missing',
      ['override', 'reason'],
      'an override needs the reason for going outside the protocol',
    ],
    [
      'an override whose reason is a number',
      { override: { reason: 7 } },
      'invalid-type',
      ['override', 'reason'],
      'expected text, got the number 7',
    ],
    [
      'an override whose author is a number',
      { override: { reason: 'chronic', by: 7 } },
      'invalid-type',
      ['override', 'by'],
      'expected text, got the number 7',
    ],
    [
      'an override with a blank author',
      { override: { reason: 'chronic', by: ' ' } },
      'blank',
      ['override', 'by'],
      'override.by must not be blank',
    ],
    [
      'an override with an unknown field',
      { override: { reason: 'chronic', date: 'today' } },
      'unknown-key',
      ['override', 'date'],
      '"date" is not an override field (reason, by)',
    ],
    ['an unknown field', { session: 12 }, 'unknown-key', ['session'], '"session" is not a course request field'],
  ] as const)('%s', (_, request, code, path, message) => {
    expect(issuesOf(request as Record<string, unknown>)).toEqual([{ code, path: [...path], message }]);
  });

  test('an invalid override leaves a setting outside the protocol refused, as if there were none', () => {
    expect(
      issuesOf({ sessions: 14, override: { reason: 'chronic', date: 'today' } }).map((found) => found.code),
    ).toEqual(['unknown-key', 'outside-protocol']);
    expect(issuesOf({ sessions: 14, override: { by: 'Dr Ivanova' } }).map((found) => found.code)).toEqual([
      'missing',
      'outside-protocol',
    ]);
    expect(issuesOf({ sessions: 14, override: { reason: 'chronic', by: 7 } }).map((found) => found.code)).toEqual([
      'invalid-type',
      'outside-protocol',
    ]);
    expect(issuesOf({ sessions: 14, override: { reason: 'chronic', by: ' ' } }).map((found) => found.code)).toEqual([
      'blank',
      'outside-protocol',
    ]);
    const unreadableReason = Object.defineProperty({}, 'reason', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf({ override: unreadableReason }).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'unreadable', path: ['override', 'reason'] },
      { code: 'missing', path: ['override', 'reason'] },
    ]);
  });

  test('names the range and the region in the issue of a setting outside the protocol', () => {
    expect(issuesOf({ minutes: 45 })).toEqual([
      {
        code: 'outside-protocol',
        path: ['minutes'],
        message:
          "45 minutes is outside the protocol's 20-40 minutes a session; an override with a reason is needed to go outside it",
      },
    ]);
    expect(issuesOf({ region: 'thoracic', contralateral: true })).toEqual([
      {
        code: 'outside-protocol',
        path: ['contralateral'],
        message:
          'the protocol describes contralateral (balance) selection for the cervical region only, not the thoracic region; an override with a reason is needed to go outside it',
      },
    ]);
  });

  test('a request that is not an object names what it got', () => {
    expect(issues(42)).toEqual([
      { code: 'not-an-object', path: [], message: 'expected a course request object, got the number 42' },
    ]);
    expect(issues(null)).toEqual([
      { code: 'not-an-object', path: [], message: 'expected a course request object, got null' },
    ]);
  });

  test('says what could not be read: the keys, a value or a list', () => {
    const hostileKeys = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(issues(hostileKeys)).toEqual([{ code: 'unreadable', path: [], message: 'the keys could not be read' }]);
    const throwing = Object.defineProperty({ ...base }, 'minutes', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(issues(throwing)).toEqual([
      { code: 'unreadable', path: ['minutes'], message: 'the value of "minutes" could not be read' },
    ]);
    const hostileList = new Proxy(['mon'], {
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf({ weekdays: hostileList })).toEqual([
      { code: 'unreadable', path: ['weekdays'], message: 'the list could not be read' },
    ]);
  });

  test('reads a field defined with a getter, as a JSON body never has but a class instance may', () => {
    const withGetter = Object.defineProperty({ ...base }, 'sessions', { enumerable: true, get: () => 11 });
    expect(buildCourse(withGetter as CourseRequest)).toMatchObject({ ok: true, value: { sessions: { length: 11 } } });
  });
});

describe('buildCourse: the last day', () => {
  test('a course may end on 9999-12-31, and not a day later', () => {
    const lastMonday = course({ start: '9999-12-27', sessions: 1, weekdays: ['fri'], override: { reason: 'test' } });
    expect(lastMonday.sessions.map((session) => session.date)).toEqual(['9999-12-31']);
    expect(issuesOf({ start: '9999-12-27', sessions: 2, weekdays: ['fri'], override: { reason: 'test' } })).toEqual([
      { code: 'out-of-range', path: ['start'], message: 'the course would end after 9999-12-31' },
    ]);
  });
});

describe('buildCourse: the STRICTA texts of other courses', () => {
  const textOf = (planned: Course, id: string) => {
    const entry = planned.stricta.items.find((candidate) => candidate.id === id);
    return entry?.status === 'filled' ? entry.text : undefined;
  };

  test('one session on one weekday is "1 session", "1 session a week" and "1 day"', () => {
    const single = course({ sessions: 1, weekdays: ['mon'], override: { reason: 'a single trial session' } });
    expect(textOf(single, '1c')).toBe(
      "A fixed plan of 1 session of 30 minutes; the points within each group are chosen by the practitioner at each session. Outside the protocol by the doctor's decision (sessions): a single trial session.",
    );
    expect(textOf(single, '3a')).toBe('1 session.');
    expect(textOf(single, '3b')).toBe('1 session a week (Monday), from 2026-03-02 to 2026-03-02 (1 day).');
  });

  test('an override that covers nothing adds no sentence to 1c', () => {
    const needless = course({ override: { reason: 'just in case' } });
    expect(textOf(needless, '1c')).toBe(
      'A fixed plan of 10 sessions of 30 minutes; the points within each group are chosen by the practitioner at each session.',
    );
  });

  test('1b lists the lumbosacral phases in order, and no phases for a region without them', () => {
    const phases = regionProfiles.lumbosacral.phases.map((phase) => phase.title.toLowerCase()).join('; ');
    const groups = (region: SpinalRegion) => regionProfiles[region].pointGroups.value.join(', ');
    expect(textOf(course(), '1b')).toBe(
      `Points from the ${groups('lumbosacral')} groups; phases in order: ${phases}. The patient was screened with rule set acuspine-protocol 1.0.0 (status eligible).`,
    );
    expect(textOf(course({ region: 'cervical' }), '1b')).toBe(
      `Points from the ${groups('cervical')} groups. The patient was screened with rule set acuspine-protocol 1.0.0 (status eligible).`,
    );
  });

  test('records the basis of the minutes: the defaults when not asked, the region profile when asked', () => {
    expect(course().settings.minutes.basis).toEqual(courseDefaults.minutesBasis);
    expect(course({ minutes: 25 }).settings.minutes.basis).toEqual([regionProfiles.lumbosacral.sessionMinutes.source]);
  });
});

describe('buildCourse: a screening read from untrusted data', () => {
  test.each(['contraindications', 'cautions', 'missing', 'invalid', 'uncheckedProtocolRules'])(
    'a screening whose %s is not a list is one invalid-screening issue at that field',
    (key) => {
      for (const value of ['none', undefined]) {
        const found = issuesOf({ screening: { ...eligible, [key]: value } });
        expect(found.map(({ code, path }) => ({ code, path }))).toEqual([
          { code: 'invalid-screening', path: ['screening', key] },
        ]);
      }
    },
  );

  test.each([
    ['no rule set', undefined],
    ['an empty id', { id: '', version: '1.0.0' }],
    ['an id that is not a string', { id: 1, version: '1.0.0' }],
    ['a version that is not a string', { id: 'acuspine-protocol', version: 1 }],
  ])('a screening with %s is one issue at its rule set', (_, ruleSet) => {
    expect(issuesOf({ screening: { ...eligible, ruleSet } })).toEqual([
      {
        code: 'invalid-screening',
        path: ['screening', 'ruleSet'],
        message: 'expected the rule set { id, version } that screen() records',
      },
    ]);
  });

  test('reads a screening after a JSON round trip, as a stored screening comes back', () => {
    const planned = course({ screening: JSON.parse(JSON.stringify(withCaution)) });
    expect(planned.cautions).toEqual(['anticoagulant-therapy']);
    expect(planned.ruleSet).toEqual({ id: 'protocol-and-cautions', version: '2' });
  });
});

describe('buildCourse: red flags', () => {
  test('one red flag refuses the course, naming the referral and its urgency', () => {
    const screening = referredFor({ saddleAnaesthesia: true });
    expect(screening.status).toBe('refer');
    expect(issuesOf({ screening })).toEqual([
      {
        code: 'referral-present',
        path: ['screening', 'referrals'],
        message:
          'a red flag calls for assessment or referral before any needling: cauda-equina-syndrome (emergency); no course is planned',
      },
    ]);
  });

  test('every referral is named with its urgency, most urgent first', () => {
    const screening = referredFor({ nightPain: true, historyOfCancer: true, saddleAnaesthesia: true });
    expect(issuesOf({ screening })[0]?.message).toBe(
      'a red flag calls for assessment or referral before any needling: cauda-equina-syndrome (emergency), history-of-cancer (urgent), possible-malignancy (routine); no course is planned',
    );
  });

  test.each([
    ['routine', { inflammatoryBackPain: true }, 'inflammatory-back-disease'],
    ['urgent', { immunosuppression: true }, 'possible-spinal-infection'],
    ['emergency', { cervicalArterialDysfunctionSigns: true }, 'cervical-arterial-dysfunction'],
  ])('a %s referral alone refuses the course too', (urgency, facts, rule) => {
    const found = issuesOf({ screening: referredFor(facts) });
    expect(found).toHaveLength(1);
    expect(found[0]?.code).toBe('referral-present');
    expect(found[0]?.message).toContain(`${rule} (${urgency})`);
  });

  test('a referral outranks a contraindication: one issue, which names both', () => {
    const screening = referredFor({ ageYears: 80, pregnant: true, severeTrauma: true });
    expect(screening.contraindications).toEqual(['age', 'pregnancy']);
    expect(issuesOf({ screening })).toEqual([
      {
        code: 'referral-present',
        path: ['screening', 'referrals'],
        message:
          'a red flag calls for assessment or referral before any needling: possible-fracture (urgent); no course is planned; acupuncture is also contraindicated (age, pregnancy)',
      },
    ]);
  });

  test('a referral outranks facts left to record', () => {
    const screening = screen({ ageYears: 52, caudaEquinaSyndrome: true }, { ruleSet: protocolAndRedFlags });
    expect(screening.status).toBe('refer');
    expect(screening.missing.length).toBeGreaterThan(0);
    expect(issuesOf({ screening }).map((found) => found.code)).toEqual(['referral-present']);
  });

  test('an override never lifts a referral, and a stored screening is refused alike', () => {
    const screening = referredFor({ gaitDisturbance: true });
    const override = { reason: 'the patient insists' };
    expect(issuesOf({ screening, override }).map((found) => found.code)).toEqual(['referral-present']);
    expect(issuesOf({ screening: JSON.parse(JSON.stringify(screening)) })[0]?.message).toContain(
      'cervical-myelopathy (urgent)',
    );
  });

  test('every red flag recorded absent gets a course; one not recorded leaves the screening incomplete', () => {
    const clear = screen({ ...healthyFacts, ...noRedFlags }, { ruleSet: protocolAndRedFlags });
    expect(clear.status).toBe('eligible');
    expect(course({ screening: clear }).screeningStatus).toBe('eligible');
    const { nightPain: _nightPain, ...withoutNightPain } = noRedFlags;
    const unknown = screen({ ...healthyFacts, ...withoutNightPain }, { ruleSet: protocolAndRedFlags });
    expect(issuesOf({ screening: unknown })).toEqual([
      {
        code: 'screening-incomplete',
        path: ['screening', 'missing'],
        message: 'the screening is incomplete: record these facts and screen again before planning a course: nightPain',
      },
    ]);
  });

  test('a screening that says refer without its referrals is refused as inconsistent', () => {
    const screening = referredFor({ historyOfCancer: true });
    expect(issuesOf({ screening: { ...screening, referrals: [] } })[0]).toMatchObject({
      code: 'invalid-screening',
      path: ['screening', 'referrals'],
    });
  });
});

describe('buildCourse: a screening that does not follow from its findings', () => {
  test('is refused, as screeningCards refuses it: every finding present and the status eligible', () => {
    const everyFinding = JSON.parse(JSON.stringify(contraindicated));
    const forged = { ...everyFinding, status: 'eligible', contraindications: [] };
    expect(issuesOf({ screening: forged })).toEqual([
      {
        code: 'invalid-screening',
        path: ['screening', 'contraindications'],
        message: 'expected the ids of the absolute rules found present, as screen() lists them: ["age","pregnancy"]',
      },
    ]);
    const [card] = screeningCards(forged, { source: { label: 'x' } });
    expect(card?.summary).toMatch(/could not be read/);
  });

  test('refuses every value that the cards refuse, and plans a course from every screening they read', () => {
    const values: unknown[] = [
      eligible,
      withCaution,
      { ...eligible, status: 'caution' },
      { ...eligible, missing: ['pregnant'] },
      { ...withCaution, cautions: [] },
      { ...eligible, uncheckedProtocolRules: undefined },
      { ...eligible, findings: [] },
      { ...eligible, invalid: undefined },
    ];
    for (const screening of values) {
      const cards = screeningCards(screening as Screening, { source: { label: 'x' } });
      const unreadable = cards.some((card) => /could not be read/.test(card.summary));
      const result = buildCourse({ ...base, screening } as CourseRequest);
      expect(result.ok, JSON.stringify(screening)).toBe(!unreadable);
      if (!result.ok) expect(result.issues[0]?.code).toBe('invalid-screening');
    }
  });
});

describe('buildCourse: a rule set that leaves out the protocol', () => {
  const electroOnly = defineRuleSet({
    id: 'clinic-electro',
    version: '1',
    rules: [
      {
        id: 'implanted-device',
        kind: 'absolute',
        when: { type: 'all', facts: ['pacemaker', 'electroacupuncturePlanned'] },
        source: { title: 'Clinic policy on electroacupuncture' },
      },
    ],
  });
  const ALL = ['age', 'oncology', 'pregnancy', 'coagulation', 'acute-infection', 'acute-mental-state'];

  test('the course carries the protocol rules that its screening did not check', () => {
    const screening = screen(
      { ageYears: 1, pregnant: true, oncologicalDisease: true, pacemaker: true, electroacupuncturePlanned: false },
      { ruleSet: electroOnly },
    );
    expect(screening.status).toBe('eligible');
    const planned = course({ screening });
    expect(planned.uncheckedProtocolRules).toEqual(ALL);
    expect(Object.isFrozen(planned.uncheckedProtocolRules)).toBe(true);
    expect(course().uncheckedProtocolRules).toEqual([]);
  });

  test('STRICTA 1b says which protocol rules the screening did not check', () => {
    const screening = screen({ pacemaker: false, electroacupuncturePlanned: false }, { ruleSet: electroOnly });
    const entry = course({ screening }).stricta.items.find((item) => item.id === '1b');
    expect(entry?.status === 'filled' && entry.text).toMatch(
      /The patient was screened with rule set clinic-electro 1 \(status eligible\), which does not check these contraindications of the protocol: age, oncology, pregnancy, coagulation, acute-infection, acute-mental-state\.$/,
    );
  });
});

describe('buildCourse: revoked proxies and other values that cannot be read', () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const revokedFunction = () => {
    const { proxy, revoke } = Proxy.revocable(() => undefined, {});
    revoke();
    return proxy;
  };

  test('a revoked proxy as the request is one unreadable issue, never a throw', () => {
    expect(issues(revoked())).toEqual([{ code: 'unreadable', path: [], message: 'the value could not be read' }]);
  });

  test.each([
    ['region', ['region']],
    ['screening', ['screening']],
    ['start', ['start']],
    ['sessions', ['sessions']],
    ['minutes', ['minutes']],
    ['weekdays', ['weekdays']],
    ['contralateral', ['contralateral']],
    ['override', ['override']],
  ])('a revoked proxy as %s is an issue at that field, never a throw', (field, path) => {
    for (const value of [revoked(), revokedFunction()]) {
      const found = issuesOf({ [field]: value });
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]?.path).toEqual(path);
    }
  });

  test('names a value that cannot be described as such', () => {
    expect(issuesOf({ sessions: revokedFunction() })).toEqual([
      {
        code: 'invalid-type',
        path: ['sessions'],
        message: 'expected a whole number of sessions, got a value that could not be read',
      },
    ]);
  });

  test('a list of weekdays whose length is not a positive number is empty', () => {
    for (const length of ['many', -1, Number.NaN]) {
      const odd = new Proxy(['mon'], { get: (target, key) => (key === 'length' ? length : Reflect.get(target, key)) });
      expect(issuesOf({ weekdays: odd })).toEqual([
        { code: 'empty', path: ['weekdays'], message: 'expected at least one weekday' },
      ]);
    }
  });

  test('a weekday entry that cannot be read is unreadable at its index', () => {
    const list = ['mon', 'thu'];
    Object.defineProperty(list, 1, {
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf({ weekdays: list }).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'unreadable', path: ['weekdays', 1] },
      { code: 'unknown-weekday', path: ['weekdays', 1] },
    ]);
  });
});

describe('buildCourse: a bounded list of issues, read at a bounded cost', () => {
  const TOO_MANY = {
    code: 'too-many-issues',
    path: [],
    message: `more issues were found than the ${MAX_ISSUES - 1} listed, and the rest of the request was not checked`,
  };

  test(`lists ${MAX_ISSUES - 1} issues of a million weekdays, and then says that it stopped`, () => {
    const started = performance.now();
    const found = issuesOf({ weekdays: Array.from({ length: 1_000_000 }, () => 'someday') });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found).toHaveLength(MAX_ISSUES);
    expect(found.slice(0, -1).map((item) => item.path)).toEqual(
      Array.from({ length: MAX_ISSUES - 1 }, (_, index) => ['weekdays', index]),
    );
    expect(found.at(-1)).toEqual(TOO_MANY);
  });

  test('stops reading a sparse list of weekdays of the greatest length an array can have', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    const found = issuesOf({ weekdays: sparse });
    expect(found).toHaveLength(MAX_ISSUES);
    expect(found.at(-1)).toEqual(TOO_MANY);
  }, 2000);

  test('repeats of the seven weekdays count too', () => {
    const found = issuesOf({ weekdays: Array.from({ length: 10_000 }, (_, index) => weekdays[index % 7]) });
    expect(found.slice(0, 3).map((item) => item.code)).toEqual(Array(3).fill('duplicate-weekday'));
    expect(found[0]?.path).toEqual(['weekdays', 7]);
    expect(found.at(-1)).toEqual(TOO_MANY);
  });

  test('stops at unknown fields of the request and of the override alike', () => {
    const keys = (prefix: string) => Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`${prefix}${i}`, 1]));
    const request = issuesOf(keys('field'));
    expect(request).toHaveLength(MAX_ISSUES);
    expect(request.at(-1)).toEqual(TOO_MANY);
    const override = issuesOf({ override: { reason: 'r', ...keys('note') } });
    expect(override).toHaveLength(MAX_ISSUES);
    expect(override[0]?.path).toEqual(['override', 'note0']);
    expect(override.at(-1)).toEqual(TOO_MANY);
  });

  test(`lists ${MAX_ISSUES - 1} issues in full, with no note that more were found`, () => {
    const found = issuesOf({ weekdays: Array.from({ length: MAX_ISSUES - 1 + 7 }, (_, i) => weekdays[i % 7]) });
    expect(found).toHaveLength(MAX_ISSUES - 1);
    expect(found.every((item) => item.code === 'duplicate-weekday')).toBe(true);
  });
});
