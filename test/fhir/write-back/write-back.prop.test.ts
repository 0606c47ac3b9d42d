import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import {
  courseCarePlan,
  courseServiceRequest,
  screeningDetectedIssue,
  screeningGuidanceResponse,
} from '../../../src/fhir/index.js';
import {
  buildCourse,
  type CourseRequest,
  defineRuleSet,
  factNames,
  type PatientFacts,
  protocolRuleSet,
  redFlagRuleSet,
  screen,
  spinalRegions,
  weekdays,
} from '../../../src/index.js';
import { ru } from '../../../src/locales/ru/index.js';
import { eligible, withCaution } from '../../course/fixtures.js';
import { validateR4 } from '../r4-schema.js';

beforeAll(() => {
  validateR4({ resourceType: 'Basic' });
}, 60_000);

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const anyCourse = fc
  .record({
    region: fc.constantFrom(...spinalRegions),
    screening: fc.constantFrom(eligible, withCaution),
    start: isoDate,
    sessions: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    minutes: fc.option(fc.integer({ min: 5, max: 90 }), { nil: undefined }),
    weekdays: fc.option(fc.subarray([...weekdays], { minLength: 1 }), { nil: undefined }),
    contralateral: fc.option(fc.boolean(), { nil: undefined }),
    override: fc.option(fc.record({ reason: fc.string({ minLength: 1 }).filter((text) => text.trim() !== '') }), {
      nil: undefined,
    }),
  })
  .map((request): CourseRequest => ({ ...request, override: request.override ?? { reason: 'property test' } }));

const both = defineRuleSet({ id: 'both', version: '1', rules: [...protocolRuleSet.rules, ...redFlagRuleSet.rules] });
const anyFacts = fc.record(
  Object.fromEntries(
    factNames.map((name) => [
      name,
      name === 'ageYears'
        ? fc.option(fc.integer({ min: 0, max: 149 }), { nil: undefined })
        : fc.option(fc.boolean(), { nil: undefined }),
    ]),
  ),
  { requiredKeys: [] },
) as fc.Arbitrary<PatientFacts>;

describe('write-back properties', () => {
  test.prop([anyCourse, fc.boolean()])(
    'every course drawn gives a ServiceRequest and a CarePlan valid by the R4 schema, with the course’s sessions',
    (request, russian) => {
      const built = buildCourse(request);
      if (!built.ok) throw new Error(JSON.stringify(built.issues));
      const course = built.value;
      const service = courseServiceRequest(course, { id: 'c', patient: 'Patient/p', authoredOn: '2026-12-02' });
      const plan = courseCarePlan(course, {
        id: 'p',
        patient: 'Patient/p',
        created: '2026-12-02',
        serviceRequest: 'ServiceRequest/c',
        ...(russian ? { locale: ru } : {}),
      });
      if (!service.ok || !plan.ok) throw new Error('refused a course buildCourse made');
      expect(validateR4(service.value)).toEqual([]);
      expect(validateR4(plan.value)).toEqual([]);
      const { repeat } = service.value.occurrenceTiming;
      expect(repeat.count).toBe(course.sessions.length);
      expect(repeat.boundsPeriod).toEqual({ start: course.sessions[0]?.date, end: course.sessions.at(-1)?.date });
      expect(plan.value.period).toEqual(repeat.boundsPeriod);
      expect(new Set(course.sessions.map((session) => session.weekday)).size).toBeLessThanOrEqual(repeat.frequency);
    },
  );

  test.prop([anyFacts])(
    'every screening gives a valid GuidanceResponse that asks exactly what is missing, and a DetectedIssue exactly when it found something',
    (facts) => {
      const screening = screen(facts, { ruleSet: both });
      const options = { id: 'g', patient: 'Patient/p', occurrenceDateTime: '2026-12-02' };
      const response = screeningGuidanceResponse(screening, options);
      if (!response.ok) throw new Error(JSON.stringify(response.issues));
      expect(validateR4(response.value)).toEqual([]);
      expect(response.value.status).toBe(screening.status === 'incomplete' ? 'data-required' : 'success');
      expect(response.value.dataRequirement?.length ?? 0).toBe(screening.missing.length);
      const detected = screeningDetectedIssue(screening, {
        id: 'd',
        patient: 'Patient/p',
        order: 'ServiceRequest/o',
        identifiedDateTime: '2026-12-02',
      });
      const foundSomething =
        screening.status === 'refer' || screening.status === 'contraindicated' || screening.status === 'caution';
      expect(detected.ok).toBe(foundSomething);
      if (detected.ok) {
        expect(validateR4(detected.value)).toEqual([]);
        expect(detected.value.evidence.length).toBe(
          screening.findings.filter((finding) => finding.outcome === 'present').length,
        );
      }
    },
  );
});
