// Age from Patient.birthDate on the reference date, in completed years.
import { completedYears, fromDayNumber } from '../_internal/iso-date.js';
import type { Issue } from '../_internal/result.js';
import { MAX_AGE_YEARS } from '../facts/patient-facts.js';
import type { FhirTime } from './fhir-time.js';
import type { Mapping } from './mapping.js';
import { FieldReader, type Found, own } from './read-input.js';

/**
 * Sets `ageYears` from the Patient's birth date. A partial date (`YYYY`, `YYYY-MM`) gives a range
 * of ages: the age is recorded (the lowest) only when the whole range lies on one side of every
 * pair of age bounds, and a note says the date was partial either way.
 */
export function mapAge(mapping: Mapping, patients: readonly Found[]): void {
  const { on, onDay, ageBounds } = mapping.options;
  const patient = patients[0];
  if (patient === undefined) {
    mapping.note('no-patient', 'No Patient resource: the age is not recorded', 'ageYears');
    return;
  }
  const dates = new Map<string, FhirTime>();
  for (const { path, resource, ref } of patients) {
    const issues: Issue[] = [];
    const time = new FieldReader(issues, path, resource).time('birthDate', true);
    const [problem] = issues;
    if (problem !== undefined) {
      mapping.note(
        'malformed-resource',
        `The Patient's birthDate cannot be read (${problem.message}): the age is not recorded`,
        'ageYears',
        ref,
        problem.path,
      );
      return;
    }
    // A time is read only from a string.
    if (time !== undefined) dates.set(own(resource, 'birthDate') as string, time);
  }
  if (dates.size > 1) {
    mapping.note(
      'conflicting-birth-dates',
      `The Patient has conflicting birth dates (${[...dates.keys()].join(', ')}): the age is not recorded`,
      'ageYears',
      patient.ref,
    );
    return;
  }
  const [date] = dates;
  if (date === undefined) {
    mapping.note('no-birth-date', 'The Patient has no birth date: the age is not recorded', 'ageYears', patient.ref);
    return;
  }
  const [text, birth] = date;
  if (birth.firstDay > onDay) {
    mapping.note(
      'birth-date-after-reference',
      `The birth date ${text} is after the reference date ${on}: the age is not recorded`,
      'ageYears',
      patient.ref,
    );
    return;
  }
  const reference = fromDayNumber(onDay);
  const oldest = completedYears(fromDayNumber(birth.firstDay), reference);
  // A partial date may end after the reference date: completedYears is then negative.
  const youngest = Math.max(0, completedYears(fromDayNumber(birth.lastDay), reference));
  if (oldest >= MAX_AGE_YEARS) {
    mapping.note(
      'implausible-age',
      `The birth date ${text} gives an age of ${oldest} or more years on ${on}: the age is not recorded`,
      'ageYears',
      patient.ref,
    );
    return;
  }
  if (birth.firstDay !== birth.lastDay) {
    const across = ageBounds.filter(
      ({ under, over }) => youngest < under !== oldest < under || youngest > over !== oldest > over,
    );
    const range = youngest === oldest ? `${youngest} years whichever day it is` : `${youngest} to ${oldest} years`;
    if (across.length > 0) {
      const bounds = across.map(({ under, over }) => `under ${under}, over ${over}`).join('; ');
      mapping.note(
        'partial-birth-date',
        `The birth date ${text} is partial: on ${on} the age is ${range}, across an age bound (${bounds}), so it is not recorded`,
        'ageYears',
        patient.ref,
      );
      return;
    }
    mapping.note(
      'partial-birth-date',
      `The birth date ${text} is partial: on ${on} the age is ${range}, on the same side of every age bound; recorded as ${youngest}`,
      'ageYears',
      patient.ref,
    );
  }
  mapping.facts.ageYears = youngest;
  mapping.evidence.ageYears = Object.freeze([patient.ref]);
}
