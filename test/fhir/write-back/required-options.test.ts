// A resource written without its patient, its date or its id would reach the EHR unanchored:
// every required option left out is an issue of its own, for each of the four resources.
import { describe, expect, test } from 'vitest';
import {
  courseCarePlan,
  courseServiceRequest,
  screeningDetectedIssue,
  screeningGuidanceResponse,
} from '../../../src/fhir/index.js';
import { buildCourse, screen } from '../../../src/index.js';
import { eligible } from '../../course/fixtures.js';

const built = buildCourse({ region: 'thoracic', screening: eligible, start: '2026-12-07' });
if (!built.ok) throw new Error('the fixture course was refused');
const course = built.value;
const contraindicated = screen({ pregnant: true });

function missing(result: { ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[] }[] }) {
  return result.ok ? [] : (result.issues ?? []).map((found) => `${found.code} ${found.path.join('.')}`);
}

describe('required options', () => {
  test('each left out is named, and nothing is written', () => {
    expect(missing(courseServiceRequest(course, {} as never))).toEqual([
      'missing id',
      'missing patient',
      'missing authoredOn',
    ]);
    expect(missing(courseCarePlan(course, {} as never))).toEqual([
      'missing id',
      'missing patient',
      'missing created',
      'missing serviceRequest',
    ]);
    expect(missing(screeningGuidanceResponse(eligible, {} as never))).toEqual([
      'missing id',
      'missing patient',
      'missing occurrenceDateTime',
    ]);
    expect(missing(screeningDetectedIssue(contraindicated, {} as never))).toEqual([
      'missing id',
      'missing patient',
      'missing order',
      'missing identifiedDateTime',
    ]);
  });

  test('the defaults of the optional ones', () => {
    const plan = courseCarePlan(course, {
      id: 'p',
      patient: 'Patient/p',
      created: '2026',
      serviceRequest: 'ServiceRequest/s',
    });
    expect(plan.ok && plan.value.status).toBe('draft');
    const found = screeningDetectedIssue(contraindicated, {
      id: 'd',
      patient: 'Patient/p',
      order: 'ServiceRequest/s',
      identifiedDateTime: '2026',
    });
    expect(found.ok && [found.value.status, found.value.evidence[0]?.detail]).toEqual(['final', undefined]);
    const guidance = screeningGuidanceResponse(eligible, { id: 'g', patient: 'Patient/p', occurrenceDateTime: '2026' });
    expect(guidance.ok && Object.hasOwn(guidance.value, 'performer')).toBe(false);
  });

  test('options that are not an object are one issue, for each of the four', () => {
    for (const result of [
      courseServiceRequest(course, null as never),
      courseCarePlan(course, 'plan' as never),
      screeningGuidanceResponse(eligible, [] as never),
      screeningDetectedIssue(contraindicated, 7 as never),
    ]) {
      expect(missing(result)).toEqual(['invalid-options ']);
    }
  });
});
