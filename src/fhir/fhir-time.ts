// FHIR date, dateTime and instant values as intervals of seconds (UTC), so that "later" can be
// decided even between a bare date and a time with a zone: a value is later than another only
// when it begins after the other ends. Only integer arithmetic on day numbers; no Date.
import { daysInMonth, formatIsoDate, fromDayNumber, toDayNumber } from '../_internal/iso-date.js';

/** A point or span in time, as FHIR gives it, widened to what it can mean. */
export interface FhirTime {
  /** The earliest moment it can mean, in seconds since 1970-01-01T00:00Z. */
  readonly earliest: number;
  /** The latest moment it can mean, in seconds. */
  readonly latest: number;
  /** The first calendar day it names, as written (local to the record), as a day number. */
  readonly firstDay: number;
  /** The last calendar day it names, as written, as a day number. */
  readonly lastDay: number;
  /** True when it has a time of day and a zone, so that it is an instant rather than whole days. */
  readonly exact: boolean;
}

const DAY = 86_400;
// A date without a zone can be local anywhere from UTC-12 to UTC+14.
const EARLIEST_ZONE = 14 * 3600;
const LATEST_ZONE = 12 * 3600;

const DATE_TIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/**
 * Parses a FHIR date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or dateTime/instant (with a time and a
 * zone). `dateOnly` refuses a time. Undefined for anything else, including impossible dates.
 */
export function parseFhirTime(text: string, dateOnly = false): FhirTime | undefined {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  if (year < 1) return undefined;
  const monthText = match[2];
  const dayText = match[3];
  const hourText = match[4];
  if (monthText === undefined) {
    const firstDay = toDayNumber({ year, month: 1, day: 1 });
    const lastDay = toDayNumber({ year, month: 12, day: 31 });
    return spanOfDays(firstDay, lastDay);
  }
  const month = Number(monthText);
  if (month < 1 || month > 12) return undefined;
  if (dayText === undefined) {
    const firstDay = toDayNumber({ year, month, day: 1 });
    const lastDay = toDayNumber({ year, month, day: daysInMonth(year, month) });
    return spanOfDays(firstDay, lastDay);
  }
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  const dayNumber = toDayNumber({ year, month, day });
  if (hourText === undefined) return spanOfDays(dayNumber, dayNumber);
  if (dateOnly) return undefined;
  const hour = Number(hourText);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const zone = match[7] as string;
  let offset = 0;
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, 'Z' read as an offset gives Number('') = 0 hours and minutes, the offset 0 set above
  if (zone !== 'Z') {
    const zoneHours = Number(zone.slice(1, 3));
    const zoneMinutes = Number(zone.slice(4, 6));
    if (zoneHours > 14 || zoneMinutes > 59) return undefined;
    offset = (zone.startsWith('-') ? -1 : 1) * (zoneHours * 3600 + zoneMinutes * 60);
  }
  const moment = dayNumber * DAY + hour * 3600 + minute * 60 + second - offset;
  return { earliest: moment, latest: moment + 1, firstDay: dayNumber, lastDay: dayNumber, exact: true };
}

function spanOfDays(firstDay: number, lastDay: number): FhirTime {
  return {
    earliest: firstDay * DAY - EARLIEST_ZONE,
    latest: (lastDay + 1) * DAY + LATEST_ZONE,
    firstDay,
    lastDay,
    exact: false,
  };
}

/** The span of a Period: from the earliest its start can mean to the latest its end can mean; open ends are unbounded. */
export function periodTime(start: FhirTime | undefined, end: FhirTime | undefined): FhirTime | undefined {
  if (start === undefined && end === undefined) return undefined;
  return {
    earliest: start?.earliest ?? Number.NEGATIVE_INFINITY,
    latest: end?.latest ?? Number.POSITIVE_INFINITY,
    firstDay: start?.firstDay ?? Number.NEGATIVE_INFINITY,
    lastDay: end?.lastDay ?? Number.POSITIVE_INFINITY,
    exact: (start?.exact ?? true) && (end?.exact ?? true),
  };
}

/**
 * True when `a` comes after `b`. Two instants are compared as instants; otherwise the calendar
 * days as written are compared (records of one system share a zone, and a reader compares
 * dates as written): `a` is after `b` when its first day is after `b`'s last day.
 */
export function isAfter(a: FhirTime, b: FhirTime): boolean {
  return a.exact && b.exact ? a.earliest >= b.latest : a.firstDay > b.lastDay;
}

/** The later of two times by their latest moment (for "the latest of several dates"). */
export function laterOf(a: FhirTime | undefined, b: FhirTime | undefined): FhirTime | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.latest > a.latest || (b.latest === a.latest && b.earliest > a.earliest) ? b : a;
}

/** Formats a time's first day for a message, as written in the record. */
export function describeTime(time: FhirTime): string {
  return Number.isFinite(time.firstDay) ? formatDay(time.firstDay) : 'an open start';
}

function formatDay(dayNumber: number): string {
  return formatIsoDate(fromDayNumber(dayNumber));
}
