// presenceOn, rule by rule, at the boundaries of the reference day: whether a resource's subject
// was present on `on` from its start, its end and a status known to hold from some day.
import { describe, expect, it } from 'vitest';
import { begunBy, dayOf, type Presence, periodDayOf, presenceOn, type StatusReading } from '../../src/fhir/as-of.js';
import { type FhirTime, parseFhirTime } from '../../src/fhir/fhir-time.js';

const time = (text: string) => parseFhirTime(text) as FhirTime;
const ON = time('2026-11-24').firstDay;

function presence(
  start: string | undefined,
  end: string | 'undated' | undefined,
  status: StatusReading,
  statusSince?: string,
): Presence {
  return presenceOn(
    {
      start: start === undefined ? undefined : time(start),
      end: end === undefined || end === 'undated' ? end : time(end),
      status,
      statusSince: statusSince === undefined ? undefined : time(statusSince).lastDay,
    },
    ON,
  );
}

const PRESENT = { on: 'present' };
const FUTURE = { on: 'future' };
const ENDED = { on: 'absent', why: 'ended' };
const ENDED_BY_STATUS = { on: 'absent', why: 'status' };
const UNCLEAR_DATES = { on: 'unclear', why: 'dates' };
const UNCLEAR_STATUS = { on: 'unclear', why: 'status' };
const CONTRADICTION = { on: 'unclear', why: 'contradiction' };

describe('begunBy: a history, from its start on', () => {
  const begun = (start: string | undefined, statusSince?: string) =>
    begunBy(
      start === undefined ? undefined : time(start),
      statusSince === undefined ? undefined : time(statusSince).lastDay,
      ON,
    );

  it('a start before or on the reference day has begun; one after it is the future; one across it is unclear', () => {
    expect(begun('2010-03-01')).toEqual(PRESENT);
    expect(begun('2026-11-24')).toEqual(PRESENT);
    expect(begun('2026-11-23', '2026-12-01')).toEqual(PRESENT);
    expect(begun('2026-11-25', '2026-01-01')).toEqual(FUTURE);
    expect(begun('2026-11')).toEqual(UNCLEAR_DATES);
    expect(begun('2026')).toEqual(UNCLEAR_DATES);
    expect(begun('2026-12')).toEqual(FUTURE);
  });

  it('without a start: begun when the record is known to hold it on the reference day, else unclear', () => {
    expect(begun(undefined, '2026-11-23')).toEqual(PRESENT);
    expect(begun(undefined, '2026-11-24')).toEqual(PRESENT);
    expect(begun(undefined, '2026-11-25')).toEqual(UNCLEAR_DATES);
    expect(begun(undefined)).toEqual(UNCLEAR_DATES);
  });
});

describe('presenceOn', () => {
  it('a start after the reference day is the future, whatever the rest says', () => {
    expect(presence('2026-11-25', undefined, 'active', '2026-01-01')).toEqual(FUTURE);
    expect(presence('2026-12', '2027', 'ended')).toEqual(FUTURE);
    expect(presence('2026-11-24', undefined, 'active')).toEqual(PRESENT);
    expect(presence('2026-11-24T23:59:00Z', undefined, 'active')).toEqual(PRESENT);
  });

  it('an end before the reference day is absent, or a contradiction when the status says active', () => {
    expect(presence('2020-01-01', '2026-11-23', 'ended')).toEqual(ENDED);
    expect(presence('2020-01-01', '2026-11-23', 'unclear')).toEqual(ENDED);
    expect(presence('2020-01-01', '2026-11-23', 'active')).toEqual(CONTRADICTION);
  });

  it('dates that cover the reference day are present, whatever the status says now', () => {
    expect(presence('2020-01-01', '2026-11-24', 'ended')).toEqual(PRESENT);
    expect(presence('2026-11-24', '2027-02-10', 'ended')).toEqual(PRESENT);
    expect(presence('2026', '2027-02-10', 'ended')).toEqual(UNCLEAR_DATES);
    expect(presence('2020-01-01', '2026-11', 'ended')).toEqual(UNCLEAR_DATES);
  });

  it('an end on or after the day with no start is present only for an active status known to hold', () => {
    expect(presence(undefined, '2027-01-01', 'active', '2026-11-24')).toEqual(PRESENT);
    expect(presence(undefined, '2027-01-01', 'active', '2026-11-25')).toEqual(UNCLEAR_DATES);
    expect(presence(undefined, '2027-01-01', 'active')).toEqual(UNCLEAR_DATES);
    expect(presence(undefined, '2027-01-01', 'ended', '2026-11-01')).toEqual(UNCLEAR_DATES);
  });

  it('an end at an unknown date is absent only when the status is known to hold on the day', () => {
    expect(presence('2020-01-01', 'undated', 'ended', '2026-11-24')).toEqual(ENDED_BY_STATUS);
    expect(presence('2020-01-01', 'undated', 'unclear', '2026-11-24')).toEqual(ENDED_BY_STATUS);
    expect(presence('2020-01-01', 'undated', 'ended', '2026-11-25')).toEqual(UNCLEAR_DATES);
    expect(presence('2020-01-01', 'undated', 'active', '2026-11-24')).toEqual(CONTRADICTION);
  });

  it('an ended status with no end date decides only when it is known to hold on the day', () => {
    expect(presence('2020-01-01', undefined, 'ended', '2026-11-24')).toEqual(ENDED_BY_STATUS);
    expect(presence(undefined, undefined, 'ended', '2026-01-01')).toEqual(ENDED_BY_STATUS);
    expect(presence('2020-01-01', undefined, 'ended')).toEqual(UNCLEAR_DATES);
    expect(presence('2020-01-01', undefined, 'ended', '2026-11-25')).toEqual(UNCLEAR_DATES);
  });

  it('a status that says it never happened is absent, whatever the dates, unless it begins after the day', () => {
    expect(presence('2026-01-01', '2027-01-01', 'never')).toEqual(ENDED_BY_STATUS);
    expect(presence(undefined, undefined, 'never')).toEqual(ENDED_BY_STATUS);
    expect(presence('2026-11-25', undefined, 'never')).toEqual(FUTURE);
  });

  it('an unreadable status with no end is unclear', () => {
    expect(presence('2020-01-01', undefined, 'unclear', '2026-01-01')).toEqual(UNCLEAR_STATUS);
    expect(presence(undefined, undefined, 'unclear')).toEqual(UNCLEAR_STATUS);
  });

  it('an active status with no end is present since a start by the day, or from a status known to hold', () => {
    expect(presence('2020-01-01', undefined, 'active')).toEqual(PRESENT);
    expect(presence('2026', undefined, 'active', '2026-01-01')).toEqual(UNCLEAR_DATES);
    expect(presence(undefined, undefined, 'active', '2026-11-24')).toEqual(PRESENT);
    expect(presence(undefined, undefined, 'active', '2026-11-25')).toEqual(UNCLEAR_DATES);
    expect(presence(undefined, undefined, 'active')).toEqual(UNCLEAR_DATES);
  });
});

describe('dayOf: where a dated statement lies against the reference day', () => {
  const day = (text: string) => dayOf(time(text), ON);

  it('before, on or after the day', () => {
    expect(day('2026-11-23')).toBe('before');
    expect(day('2026-10')).toBe('before');
    expect(day('2026-11-24')).toBe('on');
    expect(day('2026-11-24T23:30:00-05:00')).toBe('on');
    expect(day('2026-11-25')).toBe('after');
    expect(day('2027')).toBe('after');
  });

  it('across the day when it may be before or after it, even when it begins or ends on it', () => {
    expect(day('2026-11')).toBe('across');
    expect(day('2026')).toBe('across');
    expect(dayOf(time('2026-11'), time('2026-11-01').firstDay)).toBe('across');
    expect(dayOf(time('2026-11'), time('2026-11-30').firstDay)).toBe('across');
  });
});

describe('periodDayOf: where a statement over a period lies against the reference day', () => {
  const period = (start: string | undefined, end: string | undefined) =>
    periodDayOf(
      { start: start === undefined ? undefined : time(start), end: end === undefined ? undefined : time(end) },
      ON,
    );

  it('after the day when it certainly begins after it; before when it certainly ended before', () => {
    expect(period('2026-11-25', undefined)).toBe('after');
    expect(period('2026-12', '2027-01-01')).toBe('after');
    expect(period('2026-11-01', '2026-11-23')).toBe('before');
    expect(period(undefined, '2026-10')).toBe('before');
  });

  it('on the day when it certainly began by then and had not ended before, to the day', () => {
    expect(period('2026-11-01', '2026-11-24')).toBe('on');
    expect(period('2026-11-24', '2026-11-24')).toBe('on');
    expect(period('2026-11-24', '2026-12-31')).toBe('on');
    expect(period('2026-01-01', undefined)).toBe('on');
  });

  it('across the day when its start or its end may lie on either side, or it has no start', () => {
    expect(period('2026-11', '2026-12-31')).toBe('across');
    expect(period('2026-10-01', '2026-11')).toBe('across');
    expect(period(undefined, '2026-12-31')).toBe('across');
  });
});
