import { beforeAll, describe, expect, test } from 'vitest';
import * as fhir from '../../../src/fhir/index.js';
import { courseServiceRequest, RULE_SET_EXTENSION_URL } from '../../../src/fhir/index.js';
import { buildCourse, type Course, type CourseRequest } from '../../../src/index.js';
import { eligible, withCaution } from '../../course/fixtures.js';
import { validateR4 } from '../r4-schema.js';

function courseOf(request: Partial<CourseRequest> = {}): Course {
  const built = buildCourse({ region: 'cervical', screening: eligible, start: '2026-12-07', ...request });
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  return built.value;
}

const base = { id: 'course-1', patient: 'Patient/p1', authoredOn: '2026-12-02' } as const;

function written(course: Course, options: Parameters<typeof courseServiceRequest>[1] = base) {
  const result = courseServiceRequest(course, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(validateR4(result.value)).toEqual([]);
  return result.value;
}

// Compiling the R4 schema takes seconds on a busy machine: once, before the tests' own time starts.
beforeAll(() => {
  validateR4({ resourceType: 'Basic' });
}, 60_000);
describe('courseServiceRequest', () => {
  test('carries the whole course in occurrenceTiming.repeat, with the defaults of a draft order', () => {
    const request = written(courseOf());
    expect(request).toEqual({
      resourceType: 'ServiceRequest',
      id: 'course-1',
      extension: [
        {
          url: RULE_SET_EXTENSION_URL,
          extension: [
            { url: 'id', valueString: 'acuspine-protocol' },
            { url: 'version', valueString: eligible.ruleSet.version },
          ],
        },
      ],
      status: 'draft',
      intent: 'order',
      category: [{ text: 'Acupuncture' }],
      code: {
        coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '97810' }],
        text: 'Acupuncture, course for osteochondrosis of the cervical spine',
      },
      occurrenceTiming: {
        repeat: {
          boundsPeriod: { start: '2026-12-07', end: '2027-01-07' },
          count: 10,
          duration: 30,
          durationUnit: 'min',
          frequency: 2,
          period: 1,
          periodUnit: 'wk',
          dayOfWeek: ['mon', 'thu'],
        },
      },
      subject: { reference: 'Patient/p1' },
      authoredOn: '2026-12-02',
    });
    // A fresh object on every call, the caller's to change before sending.
    expect(Object.isFrozen(request)).toBe(false);
    expect(written(courseOf())).not.toBe(request);
  });

  test('the bounds are the first and last session, which need not be the requested start', () => {
    // 2026-12-08 is a Tuesday: the first Monday/Thursday session is on the 10th.
    const request = written(
      courseOf({ start: '2026-12-08', sessions: 12, minutes: 25, weekdays: ['fri', 'tue', 'wed'] }),
    );
    expect(request.occurrenceTiming.repeat).toMatchObject({
      boundsPeriod: { start: '2026-12-08', end: '2027-01-01' },
      count: 12,
      duration: 25,
      frequency: 3,
      dayOfWeek: ['tue', 'wed', 'fri'],
    });
  });

  test('the caller’s parts: status, intent, requester, reasons, the screening, code and category', () => {
    const request = written(courseOf(), {
      ...base,
      authoredOn: '2026-12-02T09:30:00+03:00',
      status: 'active',
      intent: 'plan',
      requester: 'PractitionerRole/dr-1',
      reasonReference: ['Condition/c1', 'Condition/c2'],
      screening: 'GuidanceResponse/g1',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '123', display: 'Clinic code' }], text: 'Ours' },
      category: [{ coding: [{ system: 'http://example.org/cat', code: 'therapy' }] }],
    });
    expect(request).toMatchObject({
      status: 'active',
      intent: 'plan',
      authoredOn: '2026-12-02T09:30:00+03:00',
      requester: { reference: 'PractitionerRole/dr-1' },
      reasonReference: [{ reference: 'Condition/c1' }, { reference: 'Condition/c2' }],
      supportingInfo: [{ reference: 'GuidanceResponse/g1' }],
      code: { coding: [{ system: 'http://snomed.info/sct', code: '123', display: 'Clinic code' }], text: 'Ours' },
      category: [{ coding: [{ system: 'http://example.org/cat', code: 'therapy' }] }],
    });
    expect(written(courseOf(), { ...base, requester: 'Practitioner/p9', code: { text: 'Only text' } })).toMatchObject({
      requester: { reference: 'Practitioner/p9' },
      code: { text: 'Only text' },
    });
  });

  test('an override and the cautions are notes; none without them', () => {
    const course = courseOf({
      screening: withCaution,
      sessions: 14,
      override: { reason: 'slow response last time', by: 'Dr Ivanova' },
    });
    expect(written(course).note).toEqual([
      { text: 'Planned outside the protocol for sessions: slow response last time (Dr Ivanova)' },
      { text: 'Cautions from the screening: anticoagulant-therapy' },
    ]);
    const unsigned = courseOf({ sessions: 9, override: { reason: 'short' } });
    expect(written(unsigned).note).toEqual([{ text: 'Planned outside the protocol for sessions: short' }]);
    expect(written(courseOf())).not.toHaveProperty('note');
  });

  test('a course that went through JSON is read like the course itself', () => {
    const course = courseOf({ region: 'lumbosacral' });
    const copy = JSON.parse(JSON.stringify(course)) as Course;
    expect(courseServiceRequest(copy, base)).toEqual(courseServiceRequest(course, base));
  });

  test('bad options are issues with their paths, every one at once', () => {
    const result = courseServiceRequest(courseOf(), {
      id: 'bad id',
      patient: 'Practitioner/p1',
      authoredOn: '2026-12-02T09:30+03:00',
      status: 'final',
      intent: 'original-order',
      requester: 'Patient/p1',
      reasonReference: ['Condition/ok', 'Observation/o1', 7],
      screening: 'GuidanceResponse/',
      code: { coding: [{ system: 'http://x', code: ' padded' }] },
      category: [],
    } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((found) => [found.code, found.path.join('.')])).toEqual([
      ['invalid-option', 'id'],
      ['invalid-option', 'patient'],
      ['invalid-option', 'authoredOn'],
      ['invalid-option', 'status'],
      ['invalid-option', 'intent'],
      ['invalid-option', 'requester'],
      ['invalid-option', 'reasonReference.1'],
      ['invalid-option', 'reasonReference.2'],
      ['invalid-option', 'screening'],
      ['invalid-option', 'code'],
      ['invalid-option', 'category'],
    ]);
    expect(result.issues[0]?.message).toBe(
      'id must be a FHIR id (1-64 letters, digits, "-" or "."), got the string "bad id"',
    );
  });

  test('required options left out are named', () => {
    const result = courseServiceRequest(courseOf(), {} as never);
    expect(result.ok ? [] : result.issues.map((found) => [found.code, found.path.join('.'), found.message])).toEqual([
      ['missing', 'id', 'id is required: a FHIR id (1-64 letters, digits, "-" or ".")'],
      ['missing', 'patient', 'patient is required: a reference "Patient/{id}"'],
      [
        'missing',
        'authoredOn',
        'authoredOn is required: a FHIR dateTime (YYYY-MM-DD, or with a time, seconds and a zone)',
      ],
    ]);
  });

  test('dates: partial dates and instants pass, impossible ones do not', () => {
    for (const authoredOn of ['2026', '2026-12', '2026-12-02T09:30:00Z', '2026-12-02T09:30:00.250-05:00']) {
      expect(courseServiceRequest(courseOf(), { ...base, authoredOn }).ok).toBe(true);
    }
    for (const authoredOn of ['2026-02-30', '2026-13-01', '02.12.2026', '2026-12-02T25:00:00Z', ' 2026-12-02', '']) {
      expect(courseServiceRequest(courseOf(), { ...base, authoredOn }).ok).toBe(false);
    }
  });

  test('ids: 64 characters pass, 65 do not; a reference needs a type and an id', () => {
    expect(courseServiceRequest(courseOf(), { ...base, id: 'a'.repeat(64) }).ok).toBe(true);
    expect(courseServiceRequest(courseOf(), { ...base, id: 'a'.repeat(65) }).ok).toBe(false);
    for (const patient of ['p1', '/p1', 'Patient/', 'Patient/p 1', 'Patient/p1/_history/2', 'patient/p1']) {
      expect(courseServiceRequest(courseOf(), { ...base, patient }).ok).toBe(false);
    }
  });

  test('codes and categories are read whole or refused', () => {
    const refused = [
      'CPT 97810',
      { coding: 'x' },
      { coding: [{ code: '1' }] },
      { coding: [{ system: 'has space', code: '1' }] },
      { coding: [{ system: 'http://x', code: '1', display: 5 }] },
      { coding: [] },
      { text: '  ' },
      {},
    ];
    for (const code of refused) {
      const result = courseServiceRequest(courseOf(), { ...base, code } as never);
      expect(result.ok ? [] : result.issues.map((found) => found.path.join('.'))).toEqual(['code']);
    }
    const category = courseServiceRequest(courseOf(), { ...base, category: [{ text: 'ok' }, 'no'] } as never);
    expect(category.ok ? [] : category.issues.map((found) => found.path.join('.'))).toEqual(['category.1']);
    expect(courseServiceRequest(courseOf(), { ...base, category: 'x' } as never).ok).toBe(false);
    expect(courseServiceRequest(courseOf(), { ...base, reasonReference: 'Condition/c1' } as never).ok).toBe(false);
    expect(courseServiceRequest(courseOf(), { ...base, reasonReference: [] }).ok).toBe(true);
    expect(written(courseOf(), { ...base, reasonReference: [] })).not.toHaveProperty('reasonReference');
  });

  test('what is not a course, and options that cannot be read, are issues, never thrown', () => {
    for (const course of [undefined, null, {}, { region: 'cervical' }, 'course']) {
      const result = courseServiceRequest(course, base);
      expect(result.ok ? [] : result.issues.map((found) => [found.code, found.path])).toEqual([['invalid-course', []]]);
    }
    expect(courseServiceRequest(courseOf(), undefined as never)).toEqual({
      ok: false,
      issues: [
        { code: 'invalid-options', path: [], message: 'expected an options object, got a value of type undefined' },
      ],
    });
    const hostile = Object.defineProperty({ ...base }, 'id', {
      get() {
        throw new Error('no');
      },
    });
    const read = courseServiceRequest(courseOf(), hostile);
    expect(read.ok ? [] : read.issues.map((found) => [found.code, found.path])).toEqual([['unreadable', ['id']]]);
    const hostileCode = {
      ...base,
      code: {
        get coding(): never {
          throw new Error('no');
        },
      },
    };
    const code = courseServiceRequest(courseOf(), hostileCode as never);
    expect(code.ok ? [] : code.issues.map((found) => [found.code, found.path])).toEqual([['unreadable', ['code']]]);
  });

  test('an Object.prototype polluted with options decides nothing', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype['status'] = 'active';
    prototype['requester'] = 'Practitioner/evil';
    let result: ReturnType<typeof courseServiceRequest>;
    try {
      result = courseServiceRequest(courseOf(), base);
    } finally {
      delete prototype['status'];
      delete prototype['requester'];
    }
    expect(result.ok && result.value.status).toBe('draft');
    expect(result.ok && Object.hasOwn(result.value, 'requester')).toBe(false);
    expect(result.ok && validateR4(result.value)).toEqual([]);
  });
  test('lists with holes or throwing elements, and codings that are not objects, are issues', () => {
    const throwing = ['Condition/c1', 'Condition/c2'];
    Object.defineProperty(throwing, 1, {
      get() {
        throw new Error('no');
      },
    });
    // biome-ignore lint/suspicious/noSparseArray: a hole is the point of the test
    const holed = ['Condition/c1', , 'Condition/c3'];
    const concepts = [{ text: 'ok' }, { text: 'ok' }];
    Object.defineProperty(concepts, 0, {
      get() {
        throw new Error('no');
      },
    });
    const result = courseServiceRequest(courseOf(), {
      ...base,
      reasonReference: throwing,
      screening: holed,
      category: concepts,
      code: { coding: ['97810'] },
    } as never);
    expect(result.ok ? [] : result.issues.map((found) => [found.code, found.path.join('.')])).toEqual([
      ['unreadable', 'reasonReference.1'],
      ['invalid-option', 'screening'],
      ['invalid-option', 'code'],
      ['unreadable', 'category.0'],
    ]);
    const withHole = courseServiceRequest(courseOf(), { ...base, reasonReference: holed } as never);
    expect(withHole.ok ? [] : withHole.issues.map((found) => [found.code, found.path.join('.')])).toEqual([
      ['invalid-option', 'reasonReference.1'],
    ]);
  });

  test('a locale whose getter throws is unreadable, and only that is said', () => {
    const { courseCarePlan } = fhir;
    const direct = courseCarePlan(
      courseOf(),
      Object.defineProperty(
        { id: 'p', patient: 'Patient/p', created: '2026-12-02', serviceRequest: 'ServiceRequest/s' },
        'locale',
        {
          get() {
            throw new Error('no');
          },
        },
      ),
    );
    expect(direct.ok ? [] : direct.issues.map((found) => [found.code, found.path.join('.')])).toEqual([
      ['unreadable', 'locale'],
    ]);
  });
});
