import { describe, expect, test } from 'vitest';
import {
  type Course,
  type CourseRequest,
  defineRuleSet,
  explainCourse,
  type Screening,
  screen,
} from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';
import { allAbsent, everyShippedRule, expectNoRawCodes, healthy, planned } from './fixtures.js';

// Every result is computed inside a test, so that a mutation run sees which test reaches which line.
const eligible = (): Screening => screen(healthy);
const withCaution = (): Screening =>
  screen({ ...allAbsent, anticoagulantTherapy: true }, { ruleSet: everyShippedRule });
const lumbosacral = (request: Partial<CourseRequest> = {}): Course => planned({ screening: eligible(), ...request });

const STEPS_EN =
  'Steps of each session: treat the site with an antiseptic; insert the needles; leave the needles in place for 30 min; remove the needles; treat the site with an antiseptic again.';
const POINT_GROUPS_EN =
  'Point groups: local, segmental, remote; the points within each group are the practitioner’s choice.';
const ESSENCE_EN = 'Osteochondrosis and acupuncture, section “The essence of acupuncture”';
const THORACIC_EN =
  'Osteochondrosis and acupuncture, section “Acupuncture for osteochondrosis of the thoracic region spine”';

describe('explainCourse: a default lumbosacral course', () => {
  test('sums the course up with its region and dates', () => {
    expect(explainCourse(lumbosacral()).summary).toBe(
      'Planned course of acupuncture for osteochondrosis of the lumbosacral spine, from 2026-03-02 to 2026-04-02.',
    );
  });

  test('says everything about the course, line by line, in order', () => {
    expect(explainCourse(lumbosacral()).lines).toEqual([
      'Region: lumbosacral spine.',
      'Sessions: 10, 30 min each.',
      'The protocol states the session length of 20 to 40 min for the thoracic region only; acuspine applies it here.',
      'Days of the week: Monday, Thursday.',
      'Dates: from 2026-03-02 to 2026-04-02.',
      'Phase 1, stop the pain from pinched nerve roots: sessions 1 to 3.',
      'Phase 2, ease muscle spasm and inflammation: sessions 4 to 6.',
      'Phase 3, restore circulation and metabolism: sessions 7 to 8.',
      'Phase 4, consolidate the result: sessions 9 to 10.',
      POINT_GROUPS_EN,
      'Contralateral (balance) selection of points is not used.',
      STEPS_EN,
      'Settings left at acuspine’s defaults: number of sessions, session length, days of the week, contralateral selection.',
      'Screening result: no contraindication found (rule set acuspine-protocol, version 1.0.0).',
      `Sources in the protocol: ${ESSENCE_EN}; Osteochondrosis and acupuncture, section “Acupuncture for lumbosacral osteochondrosis”; ${THORACIC_EN}.`,
    ]);
  });

  test('lists the four phases with their order and sessions', () => {
    expect(explainCourse(lumbosacral()).phases).toEqual([
      {
        id: 'nerve-pain',
        order: 1,
        title: 'stop the pain from pinched nerve roots',
        first: 1,
        last: 3,
        text: 'Phase 1, stop the pain from pinched nerve roots: sessions 1 to 3.',
      },
      {
        id: 'spasm-and-inflammation',
        order: 2,
        title: 'ease muscle spasm and inflammation',
        first: 4,
        last: 6,
        text: 'Phase 2, ease muscle spasm and inflammation: sessions 4 to 6.',
      },
      {
        id: 'circulation-and-metabolism',
        order: 3,
        title: 'restore circulation and metabolism',
        first: 7,
        last: 8,
        text: 'Phase 3, restore circulation and metabolism: sessions 7 to 8.',
      },
      {
        id: 'consolidation',
        order: 4,
        title: 'consolidate the result',
        first: 9,
        last: 10,
        text: 'Phase 4, consolidate the result: sessions 9 to 10.',
      },
    ]);
  });

  test('lists the steps of a session, with the minutes the needles stay in', () => {
    expect(explainCourse(lumbosacral({ minutes: 25 })).steps).toEqual([
      'treat the site with an antiseptic',
      'insert the needles',
      'leave the needles in place for 25 min',
      'remove the needles',
      'treat the site with an antiseptic again',
    ]);
  });

  test('cites the protocol sections the course rests on', () => {
    expect(explainCourse(lumbosacral()).sources).toEqual([
      ESSENCE_EN,
      'Osteochondrosis and acupuncture, section “Acupuncture for lumbosacral osteochondrosis”',
      THORACIC_EN,
    ]);
  });

  test('has no session lines unless asked, and no fallbacks', () => {
    const explanation = explainCourse(lumbosacral());
    expect(explanation.sessions).toEqual([]);
    expect(explainCourse(lumbosacral(), { sessions: false }).sessions).toEqual([]);
    expect(explanation.fallbacks).toEqual([]);
    expect(explanation.text).toBe([explanation.summary, ...explanation.lines].join('\n'));
  });

  test('with sessions, the text ends with one line per session', () => {
    const explanation = explainCourse(lumbosacral(), { sessions: true });
    expect(explanation.sessions).toHaveLength(10);
    expect(explanation.sessions[3]).toBe(
      'Session 4: 2026-03-12, Thursday, 30 min; phase 2, ease muscle spasm and inflammation.',
    );
    expect(explanation.text).toBe([explanation.summary, ...explanation.lines, ...explanation.sessions].join('\n'));
  });

  test('is frozen', () => {
    const explanation = explainCourse(lumbosacral());
    expect(Object.isFrozen(explanation)).toBe(true);
    for (const part of [
      explanation.lines,
      explanation.phases,
      explanation.steps,
      explanation.sessions,
      explanation.sources,
    ]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(explanation.phases.every(Object.isFrozen)).toBe(true);
  });
});

describe('explainCourse: in Russian', () => {
  test('inflects the region and writes dates as DD.MM.YYYY', () => {
    const explanation = explainCourse(lumbosacral(), { locale: ru });
    expect(explanation.summary).toBe(
      'План курса иглорефлексотерапии при остеохондрозе пояснично-крестцового отдела позвоночника: с 02.03.2026 по 02.04.2026.',
    );
    expect(explanation.lines.slice(0, 5)).toEqual([
      'Отдел позвоночника: пояснично-крестцовый.',
      'Число сеансов: 10; продолжительность сеанса: 30 мин.',
      'Продолжительность сеанса 20–40 мин указана в протоколе только для грудного отдела; acuspine применяет её и здесь.',
      'Дни недели: понедельник, четверг.',
      'Сроки: с 02.03.2026 по 02.04.2026.',
    ]);
  });

  test('names the protocol sections by their Russian headings', () => {
    expect(explainCourse(lumbosacral(), { locale: ru }).sources).toEqual([
      'Остеохондроз и иглоукалывание, раздел «Суть метода иглоукалывания»',
      'Остеохондроз и иглоукалывание, раздел «Иглоукалывание при пояснично-крестцовом остеохондрозе»',
      'Остеохондроз и иглоукалывание, раздел «Иглоукалывание при остеохондрозе грудного отдела позвоночника»',
    ]);
    expect(explainCourse(planned({ region: 'cervical', screening: eligible() }), { locale: ru }).sources).toEqual([
      'Остеохондроз и иглоукалывание, раздел «Суть метода иглоукалывания»',
      'Остеохондроз и иглоукалывание, раздел «Иглоукалывание при шейном остеохондрозе позвоночника»',
      'Остеохондроз и иглоукалывание, раздел «Иглоукалывание при остеохондрозе грудного отдела позвоночника»',
    ]);
  });

  test('describes every session with its phase', () => {
    const explanation = explainCourse(lumbosacral(), { locale: ru, sessions: true });
    expect(explanation.sessions).toHaveLength(10);
    expect(explanation.sessions[0]).toBe(
      'Сеанс 1: 02.03.2026, понедельник, 30 мин; этап 1 — купирование боли, вызванной ущемлением нервных корешков.',
    );
    expect(explanation.sessions[9]).toBe('Сеанс 10: 02.04.2026, четверг, 30 мин; этап 4 — закрепление результата.');
    expect(explanation.text.split('\n').slice(-10)).toEqual(explanation.sessions);
  });

  test('a session with no phase is described without one', () => {
    const course = planned({ region: 'thoracic', screening: eligible(), weekdays: ['wed'] });
    expect(explainCourse(course, { locale: ru, sessions: true }).sessions[0]).toBe(
      'Сеанс 1: 04.03.2026, среда, 30 мин.',
    );
  });
});

describe('explainCourse: other regions and settings', () => {
  test('a cervical course with contralateral selection, cautions and a named override', () => {
    const course = planned({
      region: 'cervical',
      screening: withCaution(),
      sessions: 8,
      minutes: 20,
      weekdays: ['tue', 'fri'],
      contralateral: true,
      override: { reason: 'short course agreed with the patient', by: 'Dr Petrova' },
    });
    const explanation = explainCourse(course, { sessions: true });
    expect(explanation.phases).toEqual([]);
    expect(explanation.lines).toEqual([
      'Region: cervical spine.',
      'Sessions: 8, 20 min each.',
      'The protocol states the session length of 20 to 40 min for the thoracic region only; acuspine applies it here.',
      'Days of the week: Tuesday, Friday.',
      'Dates: from 2026-03-03 to 2026-03-27.',
      POINT_GROUPS_EN,
      'Points are selected on the side opposite the complaint (the balance method).',
      'Steps of each session: treat the site with an antiseptic; insert the needles; leave the needles in place for 20 min; remove the needles; treat the site with an antiseptic again.',
      'Cautions from the screening, for the clinician to weigh at each session: anticoagulant therapy.',
      'Outside the protocol by the decision of Dr Petrova (number of sessions): short course agreed with the patient.',
      'Screening result: caution (rule set protocol-cautions-and-red-flags, version 1).',
      `Sources in the protocol: ${ESSENCE_EN}; Osteochondrosis and acupuncture, section “Acupuncture for cervical osteochondrosis of the spine”; ${THORACIC_EN}.`,
    ]);
    expect(explanation.sessions[0]).toBe('Session 1: 2026-03-03, Tuesday, 20 min.');
  });

  test('a thoracic course carries no session length over, and names only the settings left at their defaults', () => {
    const course = planned({
      region: 'thoracic',
      screening: eligible(),
      sessions: 12,
      weekdays: ['mon', 'wed', 'fri'],
    });
    expect(explainCourse(course).lines).toEqual([
      'Region: thoracic spine.',
      'Sessions: 12, 30 min each.',
      'Days of the week: Monday, Wednesday, Friday.',
      'Dates: from 2026-03-02 to 2026-03-27.',
      POINT_GROUPS_EN,
      'Contralateral (balance) selection of points is not used.',
      STEPS_EN,
      'Settings left at acuspine’s defaults: session length, contralateral selection.',
      'Screening result: no contraindication found (rule set acuspine-protocol, version 1.0.0).',
      `Sources in the protocol: ${ESSENCE_EN}; ${THORACIC_EN}.`,
    ]);
  });

  test('the region a session length is carried over from is inflected in Russian', () => {
    const course = planned({ region: 'cervical', screening: eligible() });
    expect(explainCourse(course, { locale: ru }).lines[2]).toBe(
      'Продолжительность сеанса 20–40 мин указана в протоколе только для грудного отдела; acuspine применяет её и здесь.',
    );
  });

  test('an override with no name, and one that covers nothing', () => {
    const outside = planned({
      region: 'thoracic',
      screening: eligible(),
      minutes: 45,
      override: { reason: 'long session' },
    });
    expect(explainCourse(outside).lines).toContain(
      'Outside the protocol by the doctor’s decision (session length): long session.',
    );
    expect(explainCourse(outside, { locale: ru }).lines).toContain(
      'Отступление от протокола (продолжительность сеанса) по решению врача: long session.',
    );
    const within = planned({ region: 'thoracic', screening: eligible(), override: { reason: 'just in case' } });
    expect(explainCourse(within).lines).toContain(
      'An override was recorded (just in case), but every setting lies within the protocol.',
    );
    expect(explainCourse(within).lines.some((line) => line.includes('stated for the'))).toBe(false);
  });

  test('a short lumbosacral course names the phases it leaves out, and a one-session phase', () => {
    const explanation = explainCourse(lumbosacral({ sessions: 3, override: { reason: 'trial' } }));
    expect(explanation.phases.map((phase) => phase.text)).toEqual([
      'Phase 1, stop the pain from pinched nerve roots: session 1.',
      'Phase 2, ease muscle spasm and inflammation: session 2.',
      'Phase 4, consolidate the result: session 3.',
    ]);
    expect(explanation.phases.map(({ first, last }) => [first, last])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(explanation.lines).toContain('Phases with no session in this course: restore circulation and metabolism.');
  });

  test('a caution of a custom rule is named by its id', () => {
    const course = { ...lumbosacral(), cautions: ['clinic-rule'] } as Course;
    expect(explainCourse(course).lines).toContain(
      'Cautions from the screening, for the clinician to weigh at each session: clinic-rule.',
    );
  });

  test('a date that is not ISO is shown as given', () => {
    const course = lumbosacral();
    const odd = {
      ...course,
      sessions: [{ ...course.sessions[0], date: 'soon' }, ...course.sessions.slice(1)],
    } as Course;
    expect(explainCourse(odd).summary).toMatch(/from soon to 2026-04-02/);
  });

  test('a date is reformatted only when it is exactly YYYY-MM-DD', () => {
    const course = lumbosacral();
    const withDates = (first: string, last: string): Course =>
      ({
        ...course,
        sessions: [
          { ...course.sessions[0], date: first },
          ...course.sessions.slice(1, -1),
          { ...course.sessions.at(-1), date: last },
        ],
      }) as Course;
    const dates = (first: string, last: string): string =>
      explainCourse(withDates(first, last), { locale: ru }).lines[4] as string;
    expect(dates('x2026-03-02', '2026-04-02x')).toBe('Сроки: с x2026-03-02 по 2026-04-02x.');
    expect(dates('26-03-02', '2026-4-02')).toBe('Сроки: с 26-03-02 по 2026-4-02.');
    expect(dates('2026-03-2', '2026-04-02')).toBe('Сроки: с 2026-03-2 по 02.04.2026.');
  });

  test('every output is free of placeholders and raw codes', () => {
    expectNoRawCodes(
      explainCourse(planned({ screening: withCaution(), region: 'cervical', contralateral: true }), { sessions: true }),
    );
  });
});

describe('explainCourse: programmer errors', () => {
  const NOT_A_COURSE = new TypeError('explainCourse: expected a course as returned by buildCourse() (its value)');

  test.each([
    ['no unchecked protocol rules', () => ({ ...lumbosacral(), uncheckedProtocolRules: 'none' })],
    ['null', () => null],
    ['a string', () => 'course'],
    ['an empty object', () => ({})],
    ['a function with the fields of a course', () => Object.assign(() => undefined, lumbosacral())],
    ['an unknown region', () => ({ ...lumbosacral(), region: 'knee' })],
    ['no sessions', () => ({ ...lumbosacral(), sessions: [] })],
    ['sessions that are not a list', () => ({ ...lumbosacral(), sessions: 'many' })],
    ['null settings', () => ({ ...lumbosacral(), settings: null })],
    ['settings that are not an object', () => ({ ...lumbosacral(), settings: 'defaults' })],
    ['cautions that are not a list', () => ({ ...lumbosacral(), cautions: 'none' })],
    ['no omitted phases', () => ({ ...lumbosacral(), omittedPhases: undefined })],
    ['no protocol basis', () => ({ ...lumbosacral(), protocolBasis: undefined })],
    ['an incomplete screening status', () => ({ ...lumbosacral(), screeningStatus: 'incomplete' })],
    ['a null rule set', () => ({ ...lumbosacral(), ruleSet: null })],
    ['a rule set that is not an object', () => ({ ...lumbosacral(), ruleSet: 'acuspine-protocol' })],
  ])('%s is not a course: a TypeError', (_name, value) => {
    const course = value() as unknown as Course;
    expect(() => explainCourse(course)).toThrow(NOT_A_COURSE);
  });

  test.each([
    [
      'a weekday',
      'weekday.someday',
      (course: Course) => ({
        ...course,
        settings: { ...course.settings, weekdays: { ...course.settings.weekdays, value: ['mon', 'someday'] } },
      }),
    ],
    [
      'a session phase',
      'phase.rest',
      (course: Course) => ({
        ...course,
        sessions: [{ ...course.sessions[0], phase: 'rest' }, ...course.sessions.slice(1)],
      }),
    ],
    ['an omitted phase', 'phase.rest', (course: Course) => ({ ...course, omittedPhases: ['rest'] })],
    [
      'a point group',
      'pointGroup.auricular',
      (course: Course) => ({
        ...course,
        sessions: [{ ...course.sessions[0], pointGroups: ['local', 'auricular'] }, ...course.sessions.slice(1)],
      }),
    ],
    [
      'a step',
      'step.cupping',
      (course: Course) => ({
        ...course,
        sessions: [{ ...course.sessions[0], steps: [{ id: 'cupping' }] }, ...course.sessions.slice(1)],
      }),
    ],
    [
      'an override setting',
      'setting.region',
      (course: Course) => ({
        ...course,
        override: { reason: 'trial', covers: ['region'] },
      }),
    ],
  ])('a course with %s that has no words is not a course: a TypeError, never a silent gap', (_name, code, forge) => {
    const forged = forge(lumbosacral()) as unknown as Course;
    expect(() => explainCourse(forged)).toThrow(
      new TypeError(`explainCourse: no message has the code "${code}": the value is not as acuspine returns it`),
    );
  });

  test("the tag 'ru' is a RangeError that names explainCourse and the import to write", () => {
    expect(() => explainCourse(lumbosacral(), { locale: 'ru' })).toThrow(
      new RangeError(
        `explainCourse: the locale "ru" is an import, not a string: import { ru } from 'acuspine/locales/ru' and pass { locale: ru }`,
      ),
    );
  });

  test('an unknown locale without messages is a RangeError that names explainCourse', () => {
    expect(() => explainCourse(lumbosacral(), { locale: 'fr' })).toThrow(
      new RangeError(
        `explainCourse: no messages for locale "fr": pass options.messages for a locale of your own, or a Locale as options.locale (en from 'acuspine', ru from 'acuspine/locales/ru')`,
      ),
    );
  });
});

describe('explainCourse: a course whose screening left out the protocol', () => {
  const electroOnly = () =>
    defineRuleSet({
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
  const SENTENCE =
    'The rule set used does not check these contraindications of the protocol: age limits, oncological disease, pregnancy, blood clotting disorder, acute period of an infectious disease, acute mental illness or psychotropic substances. This result says nothing about them: check them before treatment.';

  test('says which protocol contraindications were not checked, after the screening and before the sources', () => {
    const screening = screen(
      { ageYears: 1, pregnant: true, oncologicalDisease: true, pacemaker: true, electroacupuncturePlanned: false },
      { ruleSet: electroOnly() },
    );
    const explanation = explainCourse(planned({ screening }));
    expect(explanation.uncheckedProtocol).toBe(SENTENCE);
    expect(explanation.lines.slice(-3)).toEqual([
      'Screening result: no contraindication found (rule set clinic-electro, version 1).',
      SENTENCE,
      expect.stringMatching(/^Sources in the protocol: /),
    ]);
    expect(explanation.text).toContain(SENTENCE);
    expect(explainCourse(planned({ screening }), { locale: ru }).uncheckedProtocol).toMatch(
      /^Используемый набор правил не проверяет следующие противопоказания протокола: возрастные ограничения, /,
    );
  });

  test('says nothing of the kind for a course whose screening checked the protocol', () => {
    const explanation = explainCourse(lumbosacral());
    expect(explanation.uncheckedProtocol).toBeUndefined();
    expect(explanation.text).not.toContain('does not check');
  });
});

describe('explainCourse: values that cannot be read', () => {
  const NOT_A_COURSE = /^explainCourse: expected a course as returned by buildCourse\(\) \(its value\)/;

  test('a course without the protocol rules its screening left out is not a course', () => {
    const { uncheckedProtocolRules: _unchecked, ...rest } = lumbosacral();
    expect(() => explainCourse(rest as Course)).toThrow(NOT_A_COURSE);
    expect(() => explainCourse({ ...lumbosacral(), uncheckedProtocolRules: ['knee'] } as never)).toThrow(TypeError);
  });

  test('a getter that throws is a TypeError, never its own error', () => {
    const throwing = Object.defineProperty({ ...lumbosacral() }, 'settings', {
      get() {
        throw new RangeError('boom');
      },
    });
    expect(() => explainCourse(throwing)).toThrow(TypeError);
    expect(() => explainCourse(throwing)).toThrow(NOT_A_COURSE);
    const course = lumbosacral();
    const sessions = [...course.sessions];
    Object.defineProperty(sessions, 3, {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => explainCourse({ ...course, sessions }, { sessions: true })).toThrow(NOT_A_COURSE);
  });

  test('a revoked proxy is a TypeError that names explainCourse', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => explainCourse(proxy as Course)).toThrow(NOT_A_COURSE);
  });
});
