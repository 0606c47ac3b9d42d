import { resolve } from 'node:path';
import { build } from 'esbuild';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { escapeText, fold } from '../../src/course/course-calendar.js';
import {
  buildCourse,
  type Course,
  type CourseCalendarOptions,
  type CourseRequest,
  courseCalendar,
  defineRuleSet,
  en,
  explainIssues,
  type Issue,
  protocolRuleSet,
  type Result,
  screen,
} from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';
import { eligible, healthyFacts, withCaution } from './fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: a forged course is edited freely, as a hand-edited JSON would be
type Any = any;

const options: CourseCalendarOptions = { uid: 'course-123@clinic.example', stamp: '2026-03-01T09:05:07Z' };

function course(request: Partial<CourseRequest<string>> = {}): Course {
  const result = buildCourse<string>({ region: 'cervical', screening: eligible, start: '2026-03-02', ...request });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function calendar(value: unknown, given: unknown = options): string {
  const result = courseCalendar(value as Course, given as CourseCalendarOptions);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** The content lines, unfolded (RFC 5545, 3.1). */
function contentLines(text: string): string[] {
  return text.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

/** The value of each line that starts with `name` (and `:` or `;`), in order. */
function values(text: string, name: string): string[] {
  return contentLines(text)
    .filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))
    .map((line) => line.slice(line.indexOf(':') + 1));
}

function issuesOf(result: Result<string>): readonly Issue[] {
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

function events(text: string): ICAL.Event[] {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

/** A course as JSON, changed by `edit`: what a hand-edited or forged value looks like. */
function forged(edit: (value: Record<string, Any>) => void, from: Course = course()): unknown {
  const value = JSON.parse(JSON.stringify(from)) as Record<string, Any>;
  edit(value);
  return value;
}

function courseIssues(value: unknown): { code: string; path: readonly (string | number)[] }[] {
  return issuesOf(courseCalendar(value as Course, options)).map(({ code, path }) => ({ code, path }));
}

describe('courseCalendar: the calendar', () => {
  test('a course of 10 sessions gives a VCALENDAR of 10 all-day events, CRLF line ends', () => {
    const text = calendar(course());
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//acuspine//course calendar//EN\r\n')).toBe(true);
    expect(text.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(values(text, 'CALSCALE')).toEqual(['GREGORIAN']);
    expect(values(text, 'METHOD')).toEqual(['PUBLISH']);
    expect(values(text, 'UID')).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}-course-123@clinic.example`));
    expect(new Set(values(text, 'DTSTAMP'))).toEqual(new Set(['20260301T090507Z']));
    expect(values(text, 'DTSTART').slice(0, 3)).toEqual(['20260302', '20260305', '20260309']);
    expect(contentLines(text)).toContain('DTSTART;VALUE=DATE:20260302');
    expect(contentLines(text)).toContain('DTEND;VALUE=DATE:20260303');
    expect(values(text, 'DURATION')).toEqual([]);
    expect(values(text, 'LOCATION')).toEqual([]);
    expect(values(text, 'SUMMARY')[0]).toBe('Acupuncture\\, cervical spine: session 1 of 10');
    expect(values(text, 'X-ACUSPINE-RULE-SET')[0]).toBe('acuspine-protocol|1.0.0');
  });

  test('with a start time, each event starts at that floating local time and lasts the session’s minutes', () => {
    const text = calendar(course({ minutes: 25 }), { ...options, startTime: '09:30' });
    expect(values(text, 'DTSTART').slice(0, 2)).toEqual(['20260302T093000', '20260305T093000']);
    expect(values(text, 'DURATION')).toEqual(Array(10).fill('PT25M'));
    expect(values(text, 'DTEND')).toEqual([]);
    const [first] = events(text);
    expect(first?.startDate.isDate).toBe(false);
    expect(first?.startDate.zone?.tzid).toBe('floating');
    expect([first?.startDate.hour, first?.startDate.minute]).toEqual([9, 30]);
    expect(first?.duration.toSeconds()).toBe(25 * 60);
    expect(calendar(course(), { ...options, startTime: '00:00' })).toContain('DTSTART:20260302T000000');
    expect(calendar(course(), { ...options, startTime: '23:59' })).toContain('DTSTART:20260302T235900');
  });

  test('the description says the session’s date, phase, point groups and steps, and the screening’s rule set', () => {
    const text = calendar(course({ region: 'lumbosacral' }));
    const [first] = events(text);
    expect(first?.description.split('\n')).toEqual([
      'Session 1: 2026-03-02, Monday, 30 min; phase 1, stop the pain from pinched nerve roots.',
      'Point groups: local, segmental, remote; the points within each group are the practitioner’s choice.',
      'Steps of each session: treat the site with an antiseptic; insert the needles; leave the needles in place for 30 min; remove the needles; treat the site with an antiseptic again.',
      'Screening result: no contraindication found (rule set acuspine-protocol, version 1.0.0).',
    ]);
    expect(events(text)[9]?.description).toContain(
      'Session 10: 2026-04-02, Thursday, 30 min; phase 4, consolidate the result.',
    );
    expect(first?.summary).toBe('Acupuncture, lumbosacral spine: session 1 of 10');
    // Without phases: the plain session line.
    expect(events(calendar(course()))[0]?.description.split('\n')[0]).toBe('Session 1: 2026-03-02, Monday, 30 min.');
  });

  test('contralateral selection, the cautions and the protocol rules a set leaves unchecked are in every description', () => {
    const contralateral = events(calendar(course({ contralateral: true })))[0]?.description ?? '';
    expect(contralateral).toContain('Points are selected on the side opposite the complaint (the balance method).');
    expect(events(calendar(course()))[0]?.description).not.toContain('balance method');

    const cautious = events(calendar(course({ screening: withCaution })));
    for (const event of cautious) {
      expect(event.description).toContain(
        'Cautions from the screening, for the clinician to weigh at each session: anticoagulant therapy.',
      );
      expect(event.description).toContain('Screening result: caution (rule set protocol-and-cautions, version 2).');
    }
    // A rule set's own caution has no words in the catalogs: it is named by its id.
    const own = defineRuleSet({
      id: 'without-age',
      version: '3',
      facts: { metalAllergy: { label: { en: 'Allergy to metals' } } },
      rules: [
        ...protocolRuleSet.rules.filter((rule) => rule.id !== 'age'),
        {
          id: 'metal-allergy',
          kind: 'relative',
          when: { type: 'any', facts: ['metalAllergy'] },
          source: { title: 'Clinic' },
        },
      ],
    });
    const screening = screen({ ...healthyFacts, metalAllergy: true }, { ruleSet: own });
    const description = events(calendar(course({ screening })))[0]?.description ?? '';
    expect(description).toContain('at each session: metal-allergy.');
    expect(description).toContain('age limits');
    expect(values(calendar(course({ screening })), 'X-ACUSPINE-RULE-SET')[0]).toBe('without-age|3');
  });

  test('in Russian: the default title and the description in Russian words, dates in the Russian format', () => {
    const text = calendar(course({ region: 'lumbosacral' }), { ...options, locale: ru });
    const [first] = events(text);
    expect(first?.summary).toBe('Иглорефлексотерапия пояснично-крестцового отдела позвоночника: сеанс 1 из 10');
    expect(first?.description).toContain('Сеанс 1: 02.03.2026, понедельник, 30 мин; этап 1');
    expect(values(text, 'PRODID')).toEqual(['-//acuspine//course calendar//EN']);
    expect(events(calendar(course(), { ...options, locale: en }))[0]?.summary).toBe(
      'Acupuncture, cervical spine: session 1 of 10',
    );
  });

  test('a title and a location of the caller’s, escaped', () => {
    const text = calendar(course(), {
      ...options,
      summary: 'Acupuncture; Dr. Ivanova, room 4\\5',
      location: 'Clinic, 1 Main St.\nFloor 2',
    });
    expect(values(text, 'SUMMARY')).toEqual(Array(10).fill('Acupuncture\\; Dr. Ivanova\\, room 4\\\\5'));
    expect(values(text, 'LOCATION')[0]).toBe('Clinic\\, 1 Main St.\\nFloor 2');
    const [first] = events(text);
    expect(first?.summary).toBe('Acupuncture; Dr. Ivanova, room 4\\5');
    expect(first?.location).toBe('Clinic, 1 Main St.\nFloor 2');
  });

  test('a session on 9999-12-31, the last day a DATE can write, lasts one day instead of ending on the next', () => {
    const last = course({ start: '9999-12-31', sessions: 1, weekdays: ['fri'], override: { reason: 'a test' } });
    const text = calendar(last);
    expect(contentLines(text)).toContain('DTSTART;VALUE=DATE:99991231');
    expect(values(text, 'DURATION')).toEqual(['P1D']);
    expect(values(text, 'DTEND')).toEqual([]);
  });

  test('the same course and options give the same text; the result is frozen', () => {
    const result = courseCalendar(course(), options);
    expect(result).toEqual(courseCalendar(course(), options));
    expect(Object.isFrozen(result)).toBe(true);
  });

  test('every physical line is at most 75 octets, and the text parses back', () => {
    const long = 'Долгое название кабинета иглорефлексотерапии, корпус Б, этаж 3 — 🏥 诊室';
    const text = calendar(course({ region: 'lumbosacral' }), { ...options, location: long, locale: ru });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(events(text)[0]?.location).toBe(long);
  });
});

describe('courseCalendar: bad options are issues with their paths', () => {
  const bad = (given: unknown) =>
    issuesOf(courseCalendar(course(), given as CourseCalendarOptions)).map(({ code, path }) => ({ code, path }));

  test('options that are not an object', () => {
    for (const given of [undefined, null, [], 'uid']) {
      expect(bad(given)).toEqual([{ code: 'not-an-object', path: ['options'] }]);
    }
  });

  test('an unknown option, and uid and stamp left out', () => {
    expect(bad({ uid: 'x', stamp: options.stamp, timezone: 'Europe/Moscow' })).toEqual([
      { code: 'unknown-key', path: ['options', 'timezone'] },
    ]);
    expect(bad({})).toEqual([
      { code: 'missing', path: ['options', 'uid'] },
      { code: 'missing', path: ['options', 'stamp'] },
    ]);
  });

  test.each([
    ['blank', '  ', 'blank'],
    ['a number', 123, 'invalid-type'],
    ['two lines', 'a\nb', 'out-of-range'],
    ['a control character', 'a\u0007b', 'out-of-range'],
    ['a lone surrogate', 'a\ud800b', 'out-of-range'],
  ])('a uid that is %s', (_, uid, code) => {
    expect(bad({ ...options, uid })).toEqual([{ code, path: ['options', 'uid'] }]);
  });

  test.each([
    '2026-03-01',
    '2026-03-01T09:00:00',
    '2026-03-01T09:00:00+03:00',
    '2026-02-30T09:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T09:60:00Z',
    '2026-03-01T09:00:60Z',
  ])('a stamp that is no UTC instant: %s', (stamp) => {
    expect(bad({ ...options, stamp })).toEqual([{ code: 'invalid-date', path: ['options', 'stamp'] }]);
  });

  test('a stamp that is not text', () => {
    expect(bad({ ...options, stamp: 20260301 })).toEqual([{ code: 'invalid-type', path: ['options', 'stamp'] }]);
  });

  test.each([
    ['9:30', 'out-of-range'],
    ['09:30:00', 'out-of-range'],
    ['24:00', 'out-of-range'],
    ['12:60', 'out-of-range'],
    [930, 'invalid-type'],
    [null, 'invalid-type'],
  ])('a start time that is no time of day: %j', (startTime, code) => {
    expect(bad({ ...options, startTime })).toEqual([{ code, path: ['options', 'startTime'] }]);
  });

  test.each([
    ['summary', '', 'blank'],
    ['summary', 12, 'invalid-type'],
    ['location', ' \n ', 'blank'],
    ['location', 'Room\u00004', 'out-of-range'],
  ])('a %s that is not text: %j', (key, value, code) => {
    expect(bad({ ...options, [key]: value })).toEqual([{ code, path: ['options', key] }]);
  });

  test.each([
    ['the tag ru', 'ru'],
    ['a Locale without messages', { code: 'ru' }],
    ['a Locale without a code', { messages: {} }],
    ['an array', [ru]],
  ])('a locale that is %s', (_, locale) => {
    const issues = issuesOf(courseCalendar(course(), { ...options, locale } as unknown as CourseCalendarOptions));
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'invalid-type', path: ['options', 'locale'] },
    ]);
    expect(issues[0]?.message).toContain("ru from 'acuspine/locales/ru'");
  });

  test('options read without Object.prototype deciding them', () => {
    const polluted = Object.prototype as Record<string, unknown>;
    polluted['location'] = 'Polluted';
    try {
      expect(values(calendar(course()), 'LOCATION')).toEqual([]);
    } finally {
      delete polluted['location'];
    }
  });

  test('bad options and a bad course are reported together', () => {
    const issues = issuesOf(courseCalendar({} as Course, { uid: '', stamp: options.stamp }));
    expect(issues.map((found) => found.path[0])).toEqual([
      'options',
      'region',
      'screeningStatus',
      'ruleSet',
      'cautions',
      'uncheckedProtocolRules',
      'sessions',
    ]);
  });
});

describe('courseCalendar: a value that is not a course is an issue with its path', () => {
  test.each([undefined, null, 'course', [], 42])('not an object: %j', (value) => {
    expect(courseIssues(value)).toEqual([{ code: 'not-an-object', path: [] }]);
  });

  test.each<[string, (value: Record<string, Any>) => void, readonly (string | number)[], string?]>([
    ['an unknown region', (v) => (v['region'] = 'sacral'), ['region'], 'unknown-region'],
    ['a status that gets no course', (v) => (v['screeningStatus'] = 'contraindicated'), ['screeningStatus']],
    ['no rule set', (v) => (v['ruleSet'] = null), ['ruleSet']],
    ['a rule set without an id', (v) => (v['ruleSet'] = { version: '1' }), ['ruleSet', 'id']],
    ['a rule set version with a control character', (v) => (v['ruleSet'].version = '1\u0001'), ['ruleSet', 'version']],
    ['cautions that are not a list', (v) => (v['cautions'] = 'epilepsy'), ['cautions']],
    ['a caution that is not text', (v) => (v['cautions'] = ['epilepsy', 3]), ['cautions', 1]],
    [
      'an unknown unchecked protocol rule',
      (v) => (v['uncheckedProtocolRules'] = ['pregnancy', 'pregnant']),
      ['uncheckedProtocolRules', 1],
    ],
    ['no unchecked list', (v) => delete v['uncheckedProtocolRules'], ['uncheckedProtocolRules']],
    ['no sessions', (v) => (v['sessions'] = []), ['sessions'], 'empty'],
    ['sessions that are not a list', (v) => (v['sessions'] = {}), ['sessions']],
    [
      'more than 100 sessions',
      (v) => (v['sessions'] = Array(101).fill(v['sessions'][0])),
      ['sessions'],
      'out-of-range',
    ],
    ['a session that is not an object', (v) => (v['sessions'][2] = null), ['sessions', 2]],
    ['a session out of order', (v) => (v['sessions'][1].number = 3), ['sessions', 1, 'number'], 'out-of-range'],
    ['a date that is no date', (v) => (v['sessions'][0].date = '2026-02-30'), ['sessions', 0, 'date'], 'invalid-date'],
    [
      'a weekday that is not the date’s',
      (v) => (v['sessions'][0].weekday = 'tue'),
      ['sessions', 0, 'weekday'],
      'unknown-weekday',
    ],
    [
      'minutes that are not whole',
      (v) => (v['sessions'][0].minutes = 30.5),
      ['sessions', 0, 'minutes'],
      'out-of-range',
    ],
    ['minutes over 120', (v) => (v['sessions'][0].minutes = 121), ['sessions', 0, 'minutes'], 'out-of-range'],
    ['no minutes', (v) => (v['sessions'][0].minutes = 0), ['sessions', 0, 'minutes'], 'out-of-range'],
    [
      'point groups that are not a list',
      (v) => (v['sessions'][0].pointGroups = 'local'),
      ['sessions', 0, 'pointGroups'],
    ],
    ['no point groups', (v) => (v['sessions'][0].pointGroups = []), ['sessions', 0, 'pointGroups'], 'empty'],
    [
      'an unknown point group',
      (v) => (v['sessions'][0].pointGroups = ['local', 'distal']),
      ['sessions', 0, 'pointGroups', 1],
    ],
    ['a point group that is not text', (v) => (v['sessions'][0].pointGroups = [1]), ['sessions', 0, 'pointGroups', 0]],
    [
      'contralateral that is not a boolean',
      (v) => (v['sessions'][0].contralateral = 'no'),
      ['sessions', 0, 'contralateral'],
    ],
    ['an unknown phase', (v) => (v['sessions'][0].phase = 'recovery'), ['sessions', 0, 'phase']],
    ['steps that are not a list', (v) => (v['sessions'][0].steps = null), ['sessions', 0, 'steps']],
    ['no steps', (v) => (v['sessions'][0].steps = []), ['sessions', 0, 'steps'], 'empty'],
    [
      'a step that is not an object',
      (v) => (v['sessions'][0].steps[0] = 'insert-needles'),
      ['sessions', 0, 'steps', 0],
    ],
    ['an unknown step', (v) => (v['sessions'][0].steps[1] = { id: 'cupping' }), ['sessions', 0, 'steps', 1]],
    [
      'a retention without minutes',
      (v) => (v['sessions'][0].steps[2] = { id: 'retain-needles' }),
      ['sessions', 0, 'steps', 2],
    ],
  ])('%s', (_, edit, path, code = 'invalid-type') => {
    expect(courseIssues(forged(edit))).toEqual([{ code, path }]);
  });

  test('issues a form can show: explainIssues has words for each', () => {
    const issues = issuesOf(
      courseCalendar(forged((v) => (v['sessions'][0].date = '2026-02-30')) as Course, { uid: 'x', stamp: 'now' }),
    );
    const explained = explainIssues(issues);
    expect(explained.issues.map((entry) => entry.text.split(': ')[1])).toEqual([
      'the value is not a calendar date in the form YYYY-MM-DD.',
      'the value is not a calendar date in the form YYYY-MM-DD.',
    ]);
    expect(explained.issues[0]?.text).toContain('“stamp”');
  });

  test('a sparse list of the greatest length costs one step: its first hole is reported', () => {
    expect(courseIssues(forged((v) => (v['cautions'] = new Array(2 ** 32 - 1))))).toEqual([
      { code: 'invalid-type', path: ['cautions', 0] },
    ]);
  });

  test('a date that is no date is not also reported for its weekday', () => {
    expect(courseIssues(forged((v) => (v['sessions'][0].date = 'soon')))).toEqual([
      { code: 'invalid-date', path: ['sessions', 0, 'date'] },
    ]);
  });

  test('a course read as JSON is a course: no freezing or class is needed', () => {
    expect(courseCalendar(forged(() => {}) as Course, options)).toEqual(courseCalendar(course(), options));
  });

  test('a value whose reading throws is unreadable, never an exception', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(courseCalendar(hostile as Course, options)).toEqual({
      ok: false,
      issues: [{ code: 'unreadable', path: [], message: 'the course or the options could not be read' }],
    });
    const options2 = {
      ...options,
      get summary(): string {
        throw new Error('no');
      },
    };
    expect(issuesOf(courseCalendar(course(), options2))[0]?.code).toBe('unreadable');
  });
});

describe('iCalendar text', () => {
  test('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg:h')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng:h');
  });

  test('a line of 75 octets stays whole; one of 76 is folded with CRLF and a space', () => {
    expect(fold('x'.repeat(75))).toBe('x'.repeat(75));
    expect(fold('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // A continuation holds 74 octets after its space.
    expect(fold('x'.repeat(75 + 74 + 1))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
    expect(fold('')).toBe('');
  });

  test('a Cyrillic letter that would straddle the 75th octet moves whole to the next line', () => {
    // 74 ASCII octets, then "Ж" (2 octets): 76 would not fit.
    expect(fold(`${'x'.repeat(74)}Жy`)).toBe(`${'x'.repeat(74)}\r\n Жy`);
    // 73 ASCII octets and "Ж" end exactly at 75.
    expect(fold(`${'x'.repeat(73)}Жy`)).toBe(`${'x'.repeat(73)}Ж\r\n y`);
    const cyrillic = 'Иглорефлексотерапия пояснично-крестцового отдела позвоночника: сеанс 10 из 12';
    const folded = fold(`SUMMARY:${cyrillic}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${cyrillic}`);
    expect(Buffer.from(folded, 'utf8').toString('utf8')).toBe(folded);
  });

  test('three- and four-octet characters are never split either', () => {
    expect(fold(`${'x'.repeat(73)}诊`)).toBe(`${'x'.repeat(73)}\r\n 诊`);
    expect(fold(`${'x'.repeat(72)}诊`)).toBe(`${'x'.repeat(72)}诊`);
    expect(fold(`${'x'.repeat(72)}🏥`)).toBe(`${'x'.repeat(72)}\r\n 🏥`);
    expect(fold(`${'x'.repeat(71)}🏥`)).toBe(`${'x'.repeat(71)}🏥`);
  });
});

describe('courseCalendar in a bundle', () => {
  const root = resolve(import.meta.dirname, '../..');
  const bundle = async (names: string): Promise<string> => {
    const result = await build({
      stdin: { contents: `export { ${names} } from './src/index.ts';`, resolveDir: root, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      treeShaking: true,
      pure: ['Object.freeze'],
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  };

  test('an app that plans courses without a calendar does not bundle it', async () => {
    const code = await bundle('buildCourse, explainCourse');
    expect(code).not.toContain('course calendar');
    expect(code).not.toContain('X-ACUSPINE-RULE-SET');
    expect(await bundle('courseCalendar')).toContain('course calendar');
  });
});
