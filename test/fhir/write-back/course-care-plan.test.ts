import { beforeAll, describe, expect, test } from 'vitest';
import { courseCarePlan } from '../../../src/fhir/index.js';
import { buildCourse, type Course, explainCourse } from '../../../src/index.js';
import { ru } from '../../../src/locales/ru/index.js';
import { eligible } from '../../course/fixtures.js';
import { validateR4 } from '../r4-schema.js';

const built = buildCourse({ region: 'lumbosacral', screening: eligible, start: '2026-12-07' });
if (!built.ok) throw new Error('the fixture course was refused');
const course: Course = built.value;
const base = {
  id: 'plan-1',
  patient: 'Patient/p1',
  created: '2026-12-02T10:00:00+03:00',
  serviceRequest: 'ServiceRequest/course-1',
} as const;

// Compiling the R4 schema takes seconds on a busy machine: once, before the tests' own time starts.
beforeAll(() => {
  validateR4({ resourceType: 'Basic' });
}, 60_000);
describe('courseCarePlan', () => {
  test('a draft plan with US Core’s assess-plan category, the period, one activity and the course in words', () => {
    const result = courseCarePlan(course, base);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const plan = result.value;
    expect(validateR4(plan)).toEqual([]);
    const words = explainCourse(course, { sessions: true });
    expect(plan).toMatchObject({
      resourceType: 'CarePlan',
      id: 'plan-1',
      status: 'draft',
      intent: 'plan',
      category: [
        { coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', code: 'assess-plan' }] },
      ],
      description: words.summary,
      subject: { reference: 'Patient/p1' },
      period: { start: '2026-12-07', end: '2027-01-07' },
      created: '2026-12-02T10:00:00+03:00',
      activity: [{ reference: { reference: 'ServiceRequest/course-1' } }],
    });
    expect(plan.extension[0]?.extension?.map((part) => part.valueString)).toEqual([
      'acuspine-protocol',
      eligible.ruleSet.version,
    ]);
    expect(plan.text.status).toBe('generated');
    expect(plan.text.div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml"><p>')).toBe(true);
    // Every line of the course, and one per session, in the narrative.
    for (const line of [...words.lines, ...words.sessions]) expect(plan.text.div).toContain(`<li>${line}</li>`);
    expect(plan).not.toHaveProperty('author');
    expect(plan).not.toHaveProperty('addresses');
    expect(plan).not.toHaveProperty('supportingInfo');
  });

  test('in Russian, with the author, the conditions and the screening', () => {
    const result = courseCarePlan(course, {
      ...base,
      status: 'active',
      author: 'Practitioner/dr-1',
      addresses: ['Condition/c1'],
      screening: 'GuidanceResponse/g1',
      locale: ru,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(validateR4(result.value)).toEqual([]);
    expect(result.value).toMatchObject({
      status: 'active',
      author: { reference: 'Practitioner/dr-1' },
      addresses: [{ reference: 'Condition/c1' }],
      supportingInfo: [{ reference: 'GuidanceResponse/g1' }],
      description: explainCourse(course, { locale: ru }).summary,
    });
    expect(result.value.text.div).toContain('Число сеансов: 10');
  });

  test('narrative text is escaped for XHTML', () => {
    const overridden = buildCourse({
      region: 'cervical',
      screening: eligible,
      start: '2026-12-07',
      sessions: 14,
      override: { reason: 'a <b>bold</b> & risky reason' },
    });
    if (!overridden.ok) throw new Error('refused');
    const result = courseCarePlan(overridden.value, base);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.text.div).toContain('a &lt;b&gt;bold&lt;/b&gt; &amp; risky reason');
    expect(result.value.text.div).not.toContain('<b>');
  });

  test('bad options and values that are not courses are issues with paths', () => {
    const bad = courseCarePlan(course, { ...base, serviceRequest: 'CarePlan/x', locale: 'ru' } as never);
    expect(bad.ok ? [] : bad.issues.map((found) => [found.code, found.path.join('.')])).toEqual([
      ['invalid-option', 'serviceRequest'],
      ['invalid-option', 'locale'],
    ]);
    const missing = courseCarePlan(course, { id: 'x' } as never);
    expect(missing.ok ? [] : missing.issues.map((found) => found.path.join('.'))).toEqual([
      'patient',
      'created',
      'serviceRequest',
    ]);
    const notACourse = courseCarePlan({ ...course, sessions: [] }, base);
    expect(notACourse.ok ? [] : notACourse.issues.map((found) => found.code)).toEqual(['invalid-course']);
  });
});
