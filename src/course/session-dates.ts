// Session dates as integer day numbers (days since 1970-01-01 in the proleptic Gregorian
// calendar), so that month ends, leap days and year ends need no special case and no time zone
// can move a date.
import { isoWeekday } from '../_internal/iso-date.js';

/**
 * The day numbers of `count` sessions: the first on or after `startDay` on an allowed weekday,
 * each next one on the next allowed weekday after it. `allowed[0]` is Monday ... `allowed[6]`
 * Sunday; at least one must be true.
 */
export function sessionDays(startDay: number, allowed: readonly boolean[], count: number): number[] {
  const days: number[] = [];
  if (!allowed.includes(true)) return days;
  let day = startDay;
  while (days.length < count) {
    if (allowed[isoWeekday(day)] === true) days.push(day);
    day += 1;
  }
  return days;
}
