import { fail, ok, type Result } from '../../_internal/result.js';
import { ruleSetExtension } from '../acuspine-codes.js';
import { CPT_URI } from '../code-systems.js';
import type { FhirCodeableConcept } from '../resources.js';
import { OptionReader } from './read-write-back-options.js';
import { readCourse } from './written-course.js';
import type { FhirWrittenAnnotation, FhirWrittenServiceRequest } from './written-resources.js';

/**
 * What {@link courseServiceRequest} takes beside the course. Ids, references and dates are the
 * caller's: the function reads no clock and makes no id.
 */
export interface CourseServiceRequestOptions {
  /** The ServiceRequest's logical id (a FHIR id). */
  readonly id: string;
  /** The patient, `Patient/{id}`. */
  readonly patient: string;
  /** When the request is written, a FHIR dateTime (`2026-12-02` or `2026-12-02T09:30:00+03:00`). */
  readonly authoredOn: string;
  /** `draft` (default: for a clinician to sign in the EHR) or `active`. */
  readonly status?: 'draft' | 'active';
  /** `order` (default), `plan` or `proposal`. */
  readonly intent?: 'order' | 'plan' | 'proposal';
  /** Who asks for the course: `Practitioner/{id}` or `PractitionerRole/{id}`. */
  readonly requester?: string;
  /** The conditions the course treats: `Condition/{id}` each. */
  readonly reasonReference?: readonly string[];
  /** The screening behind the course: `GuidanceResponse/{id}` (see `screeningGuidanceResponse`). */
  readonly screening?: string;
  /**
   * What is ordered. Default: CPT 97810 (acupuncture without electrical stimulation; code number
   * only) with a text naming the course's region. A clinic that orders by another code (its
   * SNOMED CT concept, 97813 for electroacupuncture) gives its own.
   */
  readonly code?: FhirCodeableConcept;
  /**
   * The category. Default: a text-only "Acupuncture" category: none of US Core's ServiceRequest
   * category codes names a therapy, and acuspine ships no code it could not check against a
   * terminology source. A clinic gives its own coded category here.
   */
  readonly category?: readonly FhirCodeableConcept[];
}

/**
 * Writes a planned course as a FHIR R4 ServiceRequest shaped to US Core: status, intent,
 * category, code, subject, authoredOn, and `occurrenceTiming.repeat` carrying the course:
 * the number of sessions, how many a week, on which days, how long each, and the first and last
 * session's dates. The conditions treated and the screening behind the course go in as
 * references; an override outside the protocol and the cautions the clinician weighs go in as
 * notes; the rule set and version behind the course go in an extension. Pure: the ids, the
 * patient and the date are the caller's. Never throws.
 *
 * @param course - a course as returned by `buildCourse` (its `value`).
 * @param options - the id, patient, date and the optional parts; see {@link CourseServiceRequestOptions}.
 * @returns a fresh ServiceRequest, or issues with the path of each bad option
 *   (`invalid-course` at the root when `course` is not a course).
 * @example
 * import { buildCourse, screen } from 'acuspine';
 * import { courseServiceRequest } from 'acuspine/fhir';
 *
 * const screening = screen({ ageYears: 52, oncologicalDisease: false, pregnant: false, coagulationDisorder: false,
 *   acuteInfection: false, acuteMentalIllness: false, psychotropicInfluence: false });
 * const course = buildCourse({ region: 'cervical', screening, start: '2026-12-07' });
 * if (course.ok) {
 *   const request = courseServiceRequest(course.value, { id: 'course-1', patient: 'Patient/p1', authoredOn: '2026-12-02' });
 *   if (request.ok) request.value.occurrenceTiming.repeat;
 *   // => { boundsPeriod: { start: '2026-12-07', end: '2027-01-07' }, count: 10, duration: 30, durationUnit: 'min',
 *   //      frequency: 2, period: 1, periodUnit: 'wk', dayOfWeek: ['mon', 'thu'] }
 * }
 */
export function courseServiceRequest(
  course: unknown,
  options: CourseServiceRequestOptions,
): Result<FhirWrittenServiceRequest> {
  const read = new OptionReader(options);
  const id = read.id('id');
  const subject = read.reference('patient', ['Patient'], true);
  const authoredOn = read.dateTime('authoredOn');
  const status = read.choice('status', ['draft', 'active'], 'draft');
  const intent = read.choice('intent', ['order', 'plan', 'proposal'], 'order');
  const requester = read.reference('requester', ['Practitioner', 'PractitionerRole'], false);
  const reasonReference = read.references('reasonReference', ['Condition']);
  const screening = read.reference('screening', ['GuidanceResponse'], false);
  const code = read.concept('code');
  const category = read.concepts('category');
  const planned = readCourse(course, {}, read.issues);
  if (planned === undefined || read.issues.length > 0) return fail(read.issues);

  const { course: value, period } = planned;
  const notes: FhirWrittenAnnotation[] = [];
  if (value.override !== undefined) {
    const by = value.override.by === undefined ? '' : ` (${value.override.by})`;
    notes.push({
      text: `Planned outside the protocol for ${value.override.covers.join(', ')}: ${value.override.reason}${by}`,
    });
  }
  if (value.cautions.length > 0) notes.push({ text: `Cautions from the screening: ${value.cautions.join(', ')}` });

  return ok({
    resourceType: 'ServiceRequest',
    id,
    extension: [ruleSetExtension(value.ruleSet)],
    status,
    intent,
    category: category ?? [{ text: 'Acupuncture' }],
    code: code ?? {
      coding: [{ system: CPT_URI, code: '97810' }],
      text: `Acupuncture, course for osteochondrosis of the ${value.region} spine`,
    },
    occurrenceTiming: {
      repeat: {
        boundsPeriod: period,
        count: value.sessions.length,
        duration: value.settings.minutes.value,
        durationUnit: 'min',
        frequency: value.settings.weekdays.value.length,
        period: 1,
        periodUnit: 'wk',
        dayOfWeek: [...value.settings.weekdays.value],
      },
    },
    subject,
    authoredOn,
    ...(requester === undefined ? {} : { requester }),
    ...(reasonReference === undefined ? {} : { reasonReference }),
    ...(screening === undefined ? {} : { supportingInfo: [screening] }),
    ...(notes.length === 0 ? {} : { note: notes }),
  });
}
