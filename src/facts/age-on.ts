import { compareDates, completedYears, parseIsoDate } from '../_internal/iso-date.js';

/**
 * Completed years of age on a given date: the clinical convention for age limits. The
 * reference date is an argument because the library never reads the clock. A 29 February
 * birthday is reached on 1 March in non-leap years.
 *
 * @param birthDate - the date of birth, `YYYY-MM-DD`.
 * @param on - the reference date (the visit), `YYYY-MM-DD`.
 * @returns whole years completed on `on`.
 * @throws {RangeError} when `birthDate` or `on` is not a real calendar date in `YYYY-MM-DD` form,
 *   or when `on` is before `birthDate`; the message names the argument.
 * @example
 * ageOn('1950-06-15', '2026-06-14'); // => 75
 * ageOn('1950-06-15', '2026-06-15'); // => 76
 * ageOn('2004-02-29', '2025-03-01'); // => 21
 */
export function ageOn(birthDate: string, on: string): number {
  const birth = parseIsoDate(birthDate);
  if (birth === undefined) {
    throw new RangeError(`ageOn: birthDate must be a calendar date as YYYY-MM-DD, got ${quote(birthDate)}`);
  }
  const reference = parseIsoDate(on);
  if (reference === undefined) {
    throw new RangeError(`ageOn: on must be a calendar date as YYYY-MM-DD, got ${quote(on)}`);
  }
  if (compareDates(reference, birth) < 0) {
    throw new RangeError(`ageOn: on (${on}) is before birthDate (${birthDate})`);
  }
  return completedYears(birth, reference);
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : `a value of type ${typeof value}`;
}
