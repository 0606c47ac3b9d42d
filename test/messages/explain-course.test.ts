import { describe, expect, test } from 'vitest';
import { type Course, explainCourse, screen } from '../../src/index.js';
import { allAbsent, everyShippedRule, expectNoRawCodes, healthy, planned } from './fixtures.js';

const eligible = screen(healthy);
const withCaution = screen({ ...allAbsent, anticoagulantTherapy: true }, { ruleSet: everyShippedRule });

describe('explainCourse: a default lumbosacral course', () => {
  const course = planned({ screening: eligible });
  const explanation = explainCourse(course);

  test('sums the course up with its region and dates', () => {
    expect(explanation.summary).toBe(
      'Planned course of acupuncture for osteochondrosis of the lumbosacral spine, from 2026-03-02 to 2026-04-02.',
    );
  });

  test('states the sessions, the minutes, the weekdays and the dates', () => {
    expect(explanation.lines).toContain('Sessions: 10, 30 min each.');
    expect(explanation.lines).toContain('Days of the week: Monday, Thursday.');
    expect(explanation.lines).toContain('Dates: from 2026-03-02 to 2026-04-02.');
  });

  test('says that the session length is stated for the thoracic region only', () => {
    expect(explanation.lines).toContain(
      'The protocol states the session length of 20 to 40 min for the thoracic region only; acuspine applies it here.',
    );
  });

  test('lists the four phases with their sessions, in order', () => {
    expect(explanation.phases.map(({ id, order, first, last }) => [id, order, first, last])).toEqual([
      ['nerve-pain', 1, 1, 3],
      ['spasm-and-inflammation', 2, 4, 6],
      ['circulation-and-metabolism', 3, 7, 8],
      ['consolidation', 4, 9, 10],
    ]);
    expect(explanation.phases[3]?.text).toBe('Phase 4, consolidate the result: sessions 9 to 10.');
  });

  test('names the point groups, contralateral selection, the steps and the defaults', () => {
    expect(explanation.lines).toContain(
      'Point groups: local, segmental, remote; the points within each group are the practitioner’s choice.',
    );
    expect(explanation.lines).toContain('Contralateral (balance) selection of points is not used.');
    expect(explanation.steps).toEqual([
      'treat the site with an antiseptic',
      'insert the needles',
      'leave the needles in place for 30 min',
      'remove the needles',
      'treat the site with an antiseptic again',
    ]);
    expect(explanation.lines).toContain(
      'Settings left at acuspine’s defaults: number of sessions, session length, days of the week, contralateral selection.',
    );
  });

  test('names the screening and the protocol sections the course rests on', () => {
    expect(explanation.lines).toContain(
      'Screening result: no contraindication found (rule set acuspine-protocol, version 1.0.0).',
    );
    expect(explanation.sources).toEqual([
      'Osteochondrosis and acupuncture, section “The essence of acupuncture”',
      'Osteochondrosis and acupuncture, section “Acupuncture for lumbosacral osteochondrosis”',
      'Osteochondrosis and acupuncture, section “Acupuncture for osteochondrosis of the thoracic region spine”',
    ]);
  });

  test('has no session lines unless asked, and no fallbacks', () => {
    expect(explanation.sessions).toEqual([]);
    expect(explanation.fallbacks).toEqual([]);
    expect(explanation.text.split('\n')).toEqual([explanation.summary, ...explanation.lines]);
  });

  test('is frozen', () => {
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
  const explanation = explainCourse(planned({ screening: eligible }), { locale: 'ru', sessions: true });

  test('inflects the region and writes dates as DD.MM.YYYY', () => {
    expect(explanation.summary).toBe(
      'План курса иглорефлексотерапии при остеохондрозе пояснично-крестцового отдела позвоночника: с 02.03.2026 по 02.04.2026.',
    );
    expect(explanation.lines).toContain(
      'Продолжительность сеанса 20–40 мин указана в протоколе только для грудного отдела; acuspine применяет её и здесь.',
    );
  });

  test('describes every session with its phase', () => {
    expect(explanation.sessions).toHaveLength(10);
    expect(explanation.sessions[0]).toBe(
      'Сеанс 1: 02.03.2026, понедельник, 30 мин; этап 1 — купирование боли, вызванной ущемлением нервных корешков.',
    );
    expect(explanation.text.split('\n').slice(-10)).toEqual(explanation.sessions);
  });
});

describe('explainCourse: other regions and settings', () => {
  test('a cervical course with contralateral selection, cautions and a named override', () => {
    const course = planned({
      region: 'cervical',
      screening: withCaution,
      sessions: 8,
      minutes: 20,
      weekdays: ['tue', 'fri'],
      contralateral: true,
      override: { reason: 'short course agreed with the patient', by: 'Dr Petrova' },
    });
    const explanation = explainCourse(course, { sessions: true });
    expect(explanation.phases).toEqual([]);
    expect(explanation.lines).toContain('Points are selected on the side opposite the complaint (the balance method).');
    expect(explanation.lines).toContain(
      'Cautions from the screening, for the clinician to weigh at each session: anticoagulant therapy.',
    );
    expect(explanation.lines).toContain(
      'Outside the protocol by the decision of Dr Petrova (number of sessions): short course agreed with the patient.',
    );
    expect(explanation.lines.some((line) => line.startsWith('Settings left at'))).toBe(false);
    expect(explanation.lines).toContain('Screening result: caution (rule set protocol-and-cautions, version 1).');
    expect(explanation.sessions[0]).toBe('Session 1: 2026-03-03, Tuesday, 20 min.');
  });

  test('an override with no name, and one that covers nothing', () => {
    const outside = planned({
      region: 'thoracic',
      screening: eligible,
      minutes: 45,
      override: { reason: 'long session' },
    });
    expect(explainCourse(outside).lines).toContain(
      'Outside the protocol by the doctor’s decision (session length): long session.',
    );
    expect(explainCourse(outside, { locale: 'ru' }).lines).toContain(
      'Отступление от протокола (продолжительность сеанса) по решению врача: long session.',
    );
    const within = planned({ region: 'thoracic', screening: eligible, override: { reason: 'just in case' } });
    expect(explainCourse(within).lines).toContain(
      'An override was recorded (just in case), but every setting lies within the protocol.',
    );
    expect(explainCourse(within).lines.some((line) => line.includes('stated for the'))).toBe(false);
  });

  test('a short lumbosacral course names the phases it leaves out, and a one-session phase', () => {
    const course = planned({ screening: eligible, sessions: 3, override: { reason: 'trial' } });
    const explanation = explainCourse(course);
    expect(explanation.phases.map((phase) => phase.text)).toEqual([
      'Phase 1, stop the pain from pinched nerve roots: session 1.',
      'Phase 2, ease muscle spasm and inflammation: session 2.',
      'Phase 4, consolidate the result: session 3.',
    ]);
    expect(explanation.lines).toContain('Phases with no session in this course: restore circulation and metabolism.');
  });

  test('a caution of a custom rule is named by its id', () => {
    const course = { ...planned({ screening: eligible }), cautions: ['clinic-rule'] } as Course;
    expect(explainCourse(course).lines).toContain(
      'Cautions from the screening, for the clinician to weigh at each session: clinic-rule.',
    );
  });

  test('a date that is not ISO is shown as given', () => {
    const course = planned({ screening: eligible });
    const odd = {
      ...course,
      sessions: [{ ...course.sessions[0], date: 'soon' }, ...course.sessions.slice(1)],
    } as Course;
    expect(explainCourse(odd).summary).toMatch(/from soon to 2026-04-02/);
  });

  test('every output is free of placeholders and raw codes', () => {
    expectNoRawCodes(
      explainCourse(planned({ screening: withCaution, region: 'cervical', contralateral: true }), { sessions: true }),
    );
  });
});

describe('explainCourse: programmer errors', () => {
  const course = planned({ screening: eligible });
  test.each([
    null,
    'course',
    {},
    { ...course, region: 'knee' },
    { ...course, sessions: [] },
    { ...course, settings: null },
    { ...course, cautions: 'none' },
    { ...course, omittedPhases: undefined },
    { ...course, protocolBasis: undefined },
    { ...course, screeningStatus: 'incomplete' },
    { ...course, ruleSet: null },
  ])('a value that is not a course is a TypeError (%#)', (value) => {
    expect(() => explainCourse(value as Course)).toThrow(TypeError);
  });

  test('an unknown locale without messages is a RangeError', () => {
    expect(() => explainCourse(course, { locale: 'fr' })).toThrow(RangeError);
  });
});
