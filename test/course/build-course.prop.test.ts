import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { buildCourse, type CourseRequest, regionProfiles, spinalRegions, weekdays } from '../../src/index.js';
import { addDays, eligible, weekdayOf, withCaution } from './fixtures.js';

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const validRequest = fc
  .record({
    region: fc.constantFrom(...spinalRegions),
    screening: fc.constantFrom(eligible, withCaution),
    start: isoDate,
    sessions: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    minutes: fc.option(fc.integer({ min: 5, max: 90 }), { nil: undefined }),
    weekdays: fc.option(fc.subarray([...weekdays], { minLength: 1 }), { nil: undefined }),
    contralateral: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((request): CourseRequest => ({ ...request, override: { reason: 'property test' } }));

const withinProtocol = fc.record({
  region: fc.constantFrom(...spinalRegions),
  screening: fc.constantFrom(eligible, withCaution),
  start: isoDate,
  sessions: fc.integer({ min: 10, max: 12 }),
  minutes: fc.integer({ min: 20, max: 40 }),
  weekdays: fc.subarray([...weekdays], { minLength: 1 }),
});

const phaseOrder = regionProfiles.lumbosacral.phases.map((phase) => phase.id);

describe('buildCourse properties', () => {
  test.prop([validRequest])('a valid request (with an override) always gets a course', (request) => {
    expect(buildCourse(request).ok).toBe(true);
  });

  test.prop([withinProtocol])('a request within the protocol needs no override and records none', (request) => {
    const result = buildCourse(request);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.override).toBeUndefined();
    expect(Object.values(result.value.settings).some((setting) => setting.outsideProtocol)).toBe(false);
  });

  test.prop([validRequest])('the course has exactly the sessions asked, numbered 1..n', (request) => {
    const result = buildCourse(request);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const expected = request.sessions ?? regionProfiles[request.region].sessions.value.typical;
    expect(result.value.sessions).toHaveLength(expected);
    expect(result.value.sessions.map((session) => session.number)).toEqual(
      Array.from({ length: expected }, (_, i) => i + 1),
    );
  });

  test.prop([validRequest])(
    'dates strictly increase, fall on the allowed weekdays, and skip no allowed day from the start on',
    (request) => {
      const result = buildCourse(request);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const allowed = new Set<string>(request.weekdays ?? ['mon', 'thu']);
      let previous = addDays(request.start, -1);
      for (const session of result.value.sessions) {
        expect(session.date > previous).toBe(true);
        expect(allowed.has(weekdayOf(session.date))).toBe(true);
        expect(session.weekday).toBe(weekdayOf(session.date));
        for (let day = addDays(previous, 1); day < session.date; day = addDays(day, 1)) {
          expect(allowed.has(weekdayOf(day))).toBe(false);
        }
        previous = session.date;
      }
    },
  );

  test.prop([validRequest])(
    'lumbosacral phases never go backwards, start in the first and end in consolidation',
    (request) => {
      const result = buildCourse({ ...request, region: 'lumbosacral' });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const positions = result.value.sessions.map((session) => phaseOrder.indexOf(session.phase!));
      expect(positions.every((position) => position >= 0)).toBe(true);
      for (let index = 1; index < positions.length; index += 1) {
        expect(positions[index]).toBeGreaterThanOrEqual(positions[index - 1] as number);
      }
      expect(positions[0]).toBe(0);
      if (positions.length >= 2) expect(positions.at(-1)).toBe(phaseOrder.length - 1);
      if (positions.length >= 4) expect(new Set(positions).size).toBe(phaseOrder.length);
      expect(result.value.omittedPhases.length + new Set(positions).size).toBe(phaseOrder.length);
    },
  );

  test.prop([validRequest])('every session has the course minutes in its retention step', (request) => {
    const result = buildCourse(request);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    for (const session of result.value.sessions) {
      expect(session.steps).toContainEqual({ id: 'retain-needles', minutes: session.minutes });
      expect(session.minutes).toBe(result.value.settings.minutes.value);
    }
  });

  test.prop([fc.anything()])('never throws on any value', (value) => {
    const result = buildCourse(value as CourseRequest);
    expect(result.ok || result.issues.length > 0).toBe(true);
  });

  test.prop([
    fc.record(
      {
        region: fc.oneof(fc.constantFrom(...spinalRegions), fc.anything()),
        screening: fc.oneof(fc.constant(eligible), fc.anything()),
        start: fc.oneof(isoDate, fc.string(), fc.anything()),
        sessions: fc.oneof(fc.integer(), fc.double(), fc.anything()),
        minutes: fc.oneof(fc.integer(), fc.double(), fc.anything()),
        weekdays: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...weekdays), fc.string())), fc.anything()),
        contralateral: fc.anything(),
        override: fc.oneof(fc.record({ reason: fc.string(), by: fc.anything() }, { requiredKeys: [] }), fc.anything()),
      },
      { requiredKeys: [] },
    ),
  ])('never throws on near-valid requests, and every issue has a code, a path and a message', (value) => {
    const result = buildCourse(value as CourseRequest);
    if (result.ok) return;
    for (const found of result.issues) {
      expect(typeof found.code).toBe('string');
      expect(Array.isArray(found.path)).toBe(true);
      expect(found.message.length).toBeGreaterThan(0);
    }
  });
});
