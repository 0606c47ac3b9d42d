import { fail, ok, type Result } from '../../_internal/result.js';
import type { Locale } from '../../messages/message-code.js';
import { ruleSetExtension } from '../acuspine-codes.js';
import { OptionReader } from './read-write-back-options.js';
import { narrativeDiv, readCourse } from './written-course.js';
import type { FhirWrittenCarePlan } from './written-resources.js';

/** US Core's care plan category code system. */
const US_CORE_CAREPLAN_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category';

/** What {@link courseCarePlan} takes beside the course. */
export interface CourseCarePlanOptions {
  /** The CarePlan's logical id (a FHIR id). */
  readonly id: string;
  /** The patient, `Patient/{id}`. */
  readonly patient: string;
  /** When the plan is written, a FHIR dateTime. */
  readonly created: string;
  /** The course's ServiceRequest, `ServiceRequest/{id}` (see `courseServiceRequest`): the plan's one activity. */
  readonly serviceRequest: string;
  /** `draft` (default) or `active`. */
  readonly status?: 'draft' | 'active';
  /** Who writes the plan: `Practitioner/{id}` or `PractitionerRole/{id}`. */
  readonly author?: string;
  /** The conditions the plan addresses: `Condition/{id}` each. */
  readonly addresses?: readonly string[];
  /** The screening behind the course: `GuidanceResponse/{id}`. */
  readonly screening?: string;
  /** The language of the narrative: English by default, or `ru` from 'acuspine/locales/ru'. */
  readonly locale?: Locale;
}

/**
 * Writes a planned course as a FHIR R4 CarePlan: status, intent `plan`, US Core's `assess-plan`
 * category, the patient, the period from the first to the last session, one activity (the
 * course's ServiceRequest), and a narrative that says the course in words (`explainCourse`,
 * one line per session). The rule set and version behind the course go in an extension. Pure:
 * the ids, the patient and the date are the caller's. Never throws.
 *
 * @param course - a course as returned by `buildCourse` (its `value`).
 * @param options - see {@link CourseCarePlanOptions}.
 * @returns a fresh CarePlan, or issues with the path of each bad option (`invalid-course` at
 *   the root when `course` is not a course).
 * @example
 * import { buildCourse, screen } from 'acuspine';
 * import { courseCarePlan } from 'acuspine/fhir';
 *
 * const screening = screen({ ageYears: 52, oncologicalDisease: false, pregnant: false, coagulationDisorder: false,
 *   acuteInfection: false, acuteMentalIllness: false, psychotropicInfluence: false });
 * const course = buildCourse({ region: 'cervical', screening, start: '2026-12-07' });
 * if (course.ok) {
 *   const plan = courseCarePlan(course.value, {
 *     id: 'plan-1', patient: 'Patient/p1', created: '2026-12-02', serviceRequest: 'ServiceRequest/course-1',
 *   });
 *   if (plan.ok) plan.value.activity; // => [{ reference: { reference: 'ServiceRequest/course-1' } }]
 * }
 */
export function courseCarePlan(course: unknown, options: CourseCarePlanOptions): Result<FhirWrittenCarePlan> {
  const read = new OptionReader(options);
  const id = read.id('id');
  const subject = read.reference('patient', ['Patient'], true);
  const created = read.dateTime('created');
  const activity = read.reference('serviceRequest', ['ServiceRequest'], true);
  const status = read.choice('status', ['draft', 'active'], 'draft');
  const author = read.reference('author', ['Practitioner', 'PractitionerRole'], false);
  const addresses = read.references('addresses', ['Condition']);
  const screening = read.reference('screening', ['GuidanceResponse'], false);
  const locale = read.raw('locale');
  const planned = readCourse(course, locale === undefined ? {} : { locale: locale as Locale }, read.issues);
  if (planned === undefined || read.issues.length > 0) return fail(read.issues);

  const { course: value, words, period } = planned;
  return ok({
    resourceType: 'CarePlan',
    id,
    text: { status: 'generated', div: narrativeDiv(words.summary, [...words.lines, ...words.sessions]) },
    extension: [ruleSetExtension(value.ruleSet)],
    status,
    intent: 'plan',
    category: [{ coding: [{ system: US_CORE_CAREPLAN_CATEGORY, code: 'assess-plan' }] }],
    description: words.summary,
    subject,
    period,
    created,
    ...(author === undefined ? {} : { author }),
    ...(addresses === undefined ? {} : { addresses }),
    ...(screening === undefined ? {} : { supportingInfo: [screening] }),
    activity: [{ reference: activity }],
  });
}
