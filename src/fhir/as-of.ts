// What a resource says about the reference date `on`. A FHIR record is exported at one moment and
// screened as of another: its statuses (clinicalStatus, a medication's or device's status) describe
// the record when they were last written, and only its dates describe the patient on `on`. These
// rules decide, for one resource, whether the thing it records was present on `on`.
import type { FhirTime } from './fhir-time.js';

/**
 * What a resource's status says, as of the day the status was written: `never` when it says the
 * thing never happened under this record (a cancelled or never-taken order).
 */
export type StatusReading = 'active' | 'ended' | 'never' | 'unclear';

/**
 * One resource's dates and status, as the readers of each resource type find them.
 * `start` is when the recorded thing began (a Condition's onset, else its recordedDate; a
 * medication's authoredOn or effective start); `end` when it ended (an abatement, the end of a
 * period), or `'undated'` when the record says it ended without saying when.
 */
export interface Timeline {
  readonly start: FhirTime | undefined;
  readonly end: FhirTime | 'undated' | undefined;
  readonly status: StatusReading;
  /** The day (a day number) from which the status is known to hold (see `Mapping.statusSince`). */
  readonly statusSince: number | undefined;
}

/**
 * Present on `on`; absent on `on`; `future` when the record begins after `on` and so says
 * nothing about it; `unclear` when its dates or its status cannot tell.
 */
export type Presence =
  | { readonly on: 'present'; readonly why?: undefined }
  | { readonly on: 'absent'; readonly why: 'ended' | 'status' }
  | { readonly on: 'future'; readonly why?: undefined }
  | { readonly on: 'unclear'; readonly why: 'dates' | 'status' | 'contradiction' };

const PRESENT: Presence = { on: 'present' };
const FUTURE: Presence = { on: 'future' };
const ENDED: Presence = { on: 'absent', why: 'ended' };
const ENDED_BY_STATUS: Presence = { on: 'absent', why: 'status' };
const UNCLEAR_DATES: Presence = { on: 'unclear', why: 'dates' };
const UNCLEAR_STATUS: Presence = { on: 'unclear', why: 'status' };
const CONTRADICTION: Presence = { on: 'unclear', why: 'contradiction' };

/** True when the time certainly lies after the day (its first day is later). */
export function afterDay(time: FhirTime, day: number): boolean {
  return time.firstDay > day;
}

/** True when the time certainly lies on or before the day (its last day is not later). */
export function byDay(time: FhirTime, day: number): boolean {
  return time.lastDay <= day;
}

/**
 * Whether a resource's subject was present on the day `onDay`:
 *
 * - it begins after `on`: `future`, whatever else it says;
 * - its status says it never happened: absent, whatever its dates say;
 * - it ended before `on` (a dated end): absent, whatever its status says now; an active status
 *   with an end contradicts itself (FHIR invariant con-4) and is `unclear`;
 * - it began by `on` and ends on `on` or later: present, whatever its status says now;
 * - otherwise the status decides, but only when it is known to hold on `on` (it was written on
 *   or before `on`, see `statusSince`): an active status with a start by `on` holds since then;
 * - a date that straddles `on` (a partial date such as `2026`) cannot tell: `unclear`.
 */
export function presenceOn(timeline: Timeline, onDay: number): Presence {
  const { start, end, status, statusSince } = timeline;
  if (start !== undefined && afterDay(start, onDay)) return FUTURE;
  if (status === 'never') return ENDED_BY_STATUS;
  // A status that no day is known for never holds.
  const statusHolds = (statusSince ?? Number.POSITIVE_INFINITY) <= onDay;
  if (end !== undefined && end !== 'undated') {
    if (end.lastDay < onDay) return status === 'active' ? CONTRADICTION : ENDED;
    if (end.firstDay < onDay) return UNCLEAR_DATES;
    // The end is on `on` or later: present when it certainly began by `on`.
    if (start !== undefined) return byDay(start, onDay) ? PRESENT : UNCLEAR_DATES;
    return statusHolds && status === 'active' ? PRESENT : UNCLEAR_DATES;
  }
  if (end === 'undated' || status === 'ended') {
    // Ended at a date the record does not give: absent on `on` only if it had ended by then.
    if (status === 'active') return CONTRADICTION;
    return statusHolds ? ENDED_BY_STATUS : UNCLEAR_DATES;
  }
  if (status === 'unclear') return UNCLEAR_STATUS;
  // Active, with no end recorded: present since it began, if that was by `on`.
  if (start !== undefined) return byDay(start, onDay) ? PRESENT : UNCLEAR_DATES;
  return statusHolds ? PRESENT : UNCLEAR_DATES;
}

/**
 * Whether something that lasts once begun (a history: a cancer, treated or not, stays a history
 * of cancer) had begun by the day `onDay`: `future` when it begins after `on`; present when it
 * certainly began by then; without a start, present when the record is known to have held it on
 * `on` (see `statusSince`); otherwise `unclear`. Neither an end nor a status ends it.
 */
export function begunBy(start: FhirTime | undefined, statusSince: number | undefined, onDay: number): Presence {
  if (start === undefined) return (statusSince ?? Number.POSITIVE_INFINITY) <= onDay ? PRESENT : UNCLEAR_DATES;
  if (afterDay(start, onDay)) return FUTURE;
  return byDay(start, onDay) ? PRESENT : UNCLEAR_DATES;
}

/** Where a dated statement (an observation) lies against `on`: before, on the day, after, or across it. */
export function dayOf(time: FhirTime, onDay: number): 'before' | 'on' | 'after' | 'across' {
  if (time.firstDay > onDay) return 'after';
  if (time.lastDay < onDay) return 'before';
  return time.firstDay === onDay && time.lastDay === onDay ? 'on' : 'across';
}

/**
 * Where a statement over a period (an observation's effectivePeriod) lies against `on`: it is
 * `on` the day when it certainly began by then and had not ended; `across` when its ends cannot
 * tell.
 */
export function periodDayOf(
  period: { readonly start: FhirTime | undefined; readonly end: FhirTime | undefined },
  onDay: number,
): 'before' | 'on' | 'after' | 'across' {
  const { start, end } = period;
  if (start !== undefined && start.firstDay > onDay) return 'after';
  if (end !== undefined && end.lastDay < onDay) return 'before';
  const begun = start !== undefined && start.lastDay <= onDay;
  const going = end === undefined || end.firstDay >= onDay;
  return begun && going ? 'on' : 'across';
}
