// The calendar read back by an independent parser (ical.js): every event is a session of the
// course, on its date, at the time asked for, for its minutes, under its UID.
import { fc, test } from '@fast-check/vitest';
import ICAL from 'ical.js';
import { describe, expect } from 'vitest';
import { buildCourse, type CourseRequest, courseCalendar, spinalRegions, weekdays } from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';
import { addDays, eligible, withCaution } from './fixtures.js';

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const request = fc
  .record({
    region: fc.constantFrom(...spinalRegions),
    screening: fc.constantFrom(eligible, withCaution),
    start: isoDate,
    sessions: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    minutes: fc.option(fc.integer({ min: 5, max: 120 }), { nil: undefined }),
    weekdays: fc.option(fc.subarray([...weekdays], { minLength: 1 }), { nil: undefined }),
    contralateral: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((drawn): CourseRequest => ({ ...drawn, override: { reason: 'property test' } }));

const pad = (n: number) => String(n).padStart(2, '0');
const startTime = fc.option(
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`),
  { nil: undefined },
);
// Text of any script, with the characters TEXT must escape, that is not blank.
const text = fc
  .string({
    unit: fc.constantFrom('a', 'Ж', 'ё', '诊', '🏥', ' ', ',', ';', '\\', '\n', ':', '"'),
    minLength: 1,
    maxLength: 120,
  })
  .filter((value) => value.trim() !== '');

/** The ISO date of an ICAL.Time. */
const isoOf = (time: ICAL.Time) => `${String(time.year).padStart(4, '0')}-${pad(time.month)}-${pad(time.day)}`;

describe('courseCalendar properties', () => {
  test.prop([
    request,
    startTime,
    fc.option(text, { nil: undefined }),
    fc.option(text, { nil: undefined }),
    fc.boolean(),
  ])(
    'ical.js reads back every session: date, time, duration, UID, and the caller’s title and location',
    (drawn, time, summary, location, russian) => {
      const built = buildCourse(drawn);
      if (!built.ok) throw new Error(JSON.stringify(built.issues));
      const course = built.value;
      const result = courseCalendar(course, {
        uid: 'course-7@clinic.example',
        stamp: '2026-03-01T12:00:00Z',
        startTime: time,
        summary,
        location,
        locale: russian ? ru : undefined,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      for (const line of result.value.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

      const calendar = new ICAL.Component(ICAL.parse(result.value));
      expect(calendar.getFirstPropertyValue('prodid')).toBe('-//acuspine//course calendar//EN');
      const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
      expect(events).toHaveLength(course.sessions.length);
      events.forEach((event, index) => {
        const session = course.sessions[index];
        if (session === undefined) throw new Error('no session');
        expect(event.uid).toBe(`${session.number}-course-7@clinic.example`);
        expect(isoOf(event.startDate)).toBe(session.date);
        if (time === undefined) {
          expect(event.startDate.isDate).toBe(true);
          expect(isoOf(event.endDate)).toBe(addDays(session.date, 1));
        } else {
          expect(event.startDate.isDate).toBe(false);
          expect(`${pad(event.startDate.hour)}:${pad(event.startDate.minute)}`).toBe(time);
          expect(event.duration.toSeconds()).toBe(session.minutes * 60);
        }
        if (summary !== undefined) expect(event.summary).toBe(summary);
        else expect(event.summary).toContain(String(course.sessions.length));
        expect(event.location ?? undefined).toBe(location);
        expect(event.component.getFirstPropertyValue('x-acuspine-rule-set')).toBe(
          `${course.ruleSet.id}|${course.ruleSet.version}`,
        );
        expect(event.description).toContain(course.ruleSet.id);
      });
    },
  );
});
