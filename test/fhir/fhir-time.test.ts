import { describe, expect, it } from 'vitest';
import { describeTime, isAfter, laterOf, parseFhirTime, periodTime } from '../../src/fhir/fhir-time.js';

const time = (text: string) => parseFhirTime(text) as NonNullable<ReturnType<typeof parseFhirTime>>;

describe('FHIR times', () => {
  it('widen a date without a zone to every zone, and keep an instant exact', () => {
    expect(time('2026-11-24')).toMatchObject({ exact: false, firstDay: time('2026-11-24').lastDay });
    expect(time('2026-11-24T00:00:00Z').latest - time('2026-11-24T00:00:00Z').earliest).toBe(1);
    expect(time('2026-11').lastDay - time('2026-11').firstDay).toBe(29);
    expect(time('2024').lastDay - time('2024').firstDay).toBe(365);
  });

  it('the later of two times is the one that can end later, then the one that begins later', () => {
    const month = time('2026-11');
    const lastDay = time('2026-11-30');
    expect(laterOf(month, lastDay)).toBe(lastDay);
    expect(laterOf(lastDay, month)).toBe(lastDay);
    expect(laterOf(time('2026-11-01'), month)).toBe(month);
    expect(laterOf(undefined, month)).toBe(month);
  });

  it('compares days as written unless both are instants', () => {
    expect(isAfter(time('2026-11-25'), time('2026-11-24T23:59:59+14:00'))).toBe(true);
    expect(isAfter(time('2026-11-24T10:00:00Z'), time('2026-11-24T09:00:00Z'))).toBe(true);
    expect(isAfter(time('2026-11-24T10:00:00Z'), time('2026-11-24'))).toBe(false);
  });
});

const DAY = 86_400;
/** The day number of a calendar date (days since 1970-01-01). */
const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

describe('parsing FHIR dates and dateTimes', () => {
  it('refuses text that is not a FHIR date or dateTime', () => {
    for (const text of ['', 'abc', '26-11-24', '2026-1-24', '2026-11-24T10:00:00', '2026-11-24 10:00:00Z']) {
      expect(parseFhirTime(text)).toBeUndefined();
    }
  });

  it('refuses the year 0 and impossible months, days and times', () => {
    for (const text of ['0000', '2026-00', '2026-13', '2026-02-29', '2026-04-00', '2026-04-31']) {
      expect(parseFhirTime(text)).toBeUndefined();
    }
    for (const text of ['2026-11-24T24:00:00Z', '2026-11-24T23:60:00Z', '2026-11-24T23:59:61Z']) {
      expect(parseFhirTime(text)).toBeUndefined();
    }
    // 0001-01-01 is 719,162 days before 1970-01-01 (Date.UTC reads years below 100 as 19xx).
    expect(parseFhirTime('0001')?.firstDay).toBe(-719_162);
    expect(parseFhirTime('2024-02-29')?.firstDay).toBe(dayOf(2024, 2, 29));
  });

  it('accepts a leap second', () => {
    expect(time('2016-12-31T23:59:60Z').earliest).toBe(dayOf(2017, 1, 1) * DAY);
  });

  it('refuses a time with dateOnly, and keeps a date', () => {
    expect(parseFhirTime('2026-11-24T10:00:00Z', true)).toBeUndefined();
    expect(parseFhirTime('2026-11-24', true)?.firstDay).toBe(dayOf(2026, 11, 24));
  });

  it('widens a date to the zones from UTC+14 to UTC-12', () => {
    const day = dayOf(2026, 11, 24);
    expect(time('2026-11-24')).toEqual({
      earliest: day * DAY - 14 * 3600,
      latest: (day + 1) * DAY + 12 * 3600,
      firstDay: day,
      lastDay: day,
      exact: false,
    });
    expect(time('2026-02')).toEqual({
      earliest: dayOf(2026, 2, 1) * DAY - 14 * 3600,
      latest: dayOf(2026, 3, 1) * DAY + 12 * 3600,
      firstDay: dayOf(2026, 2, 1),
      lastDay: dayOf(2026, 2, 28),
      exact: false,
    });
  });

  it('reads an instant to the second, in UTC', () => {
    const midnight = dayOf(2026, 11, 24) * DAY;
    const moment = midnight + 10 * 3600 + 20 * 60 + 30;
    expect(time('2026-11-24T10:20:30Z')).toEqual({
      earliest: moment,
      latest: moment + 1,
      firstDay: dayOf(2026, 11, 24),
      lastDay: dayOf(2026, 11, 24),
      exact: true,
    });
    expect(time('2026-11-24T10:20Z').earliest).toBe(midnight + 10 * 3600 + 20 * 60);
    expect(time('2026-11-24T10:20:30.123456789Z').earliest).toBe(moment);
  });

  it('subtracts the zone offset, hours and minutes, east and west', () => {
    const moment = dayOf(2026, 11, 24) * DAY + 10 * 3600 + 20 * 60 + 30;
    expect(time('2026-11-24T10:20:30+05:30').earliest).toBe(moment - (5 * 3600 + 30 * 60));
    expect(time('2026-11-24T10:20:30-03:45').earliest).toBe(moment + 3 * 3600 + 45 * 60);
    expect(time('2026-11-24T10:20:30+00:00').earliest).toBe(moment);
  });

  it('accepts zones up to 14:59 and refuses beyond', () => {
    expect(time('2026-11-24T00:00:00+14:59').earliest).toBe(dayOf(2026, 11, 24) * DAY - 14 * 3600 - 59 * 60);
    expect(parseFhirTime('2026-11-24T00:00:00+15:00')).toBeUndefined();
    expect(parseFhirTime('2026-11-24T00:00:00-01:60')).toBeUndefined();
  });
});

describe('the span of a Period', () => {
  const start = time('2026-11-01');
  const end = time('2026-11-30T12:00:00Z');

  it('is undefined without a start and an end', () => {
    expect(periodTime(undefined, undefined)).toBeUndefined();
  });

  it('runs from the start to the end, exact only when both are', () => {
    expect(periodTime(start, end)).toEqual({
      earliest: start.earliest,
      latest: end.latest,
      firstDay: start.firstDay,
      lastDay: end.lastDay,
      exact: false,
    });
    expect(periodTime(end, end)?.exact).toBe(true);
  });

  it('is unbounded at an open end, and exact when its one end is', () => {
    expect(periodTime(start, undefined)).toEqual({
      earliest: start.earliest,
      latest: Number.POSITIVE_INFINITY,
      firstDay: start.firstDay,
      lastDay: Number.POSITIVE_INFINITY,
      exact: false,
    });
    expect(periodTime(undefined, end)).toEqual({
      earliest: Number.NEGATIVE_INFINITY,
      latest: end.latest,
      firstDay: Number.NEGATIVE_INFINITY,
      lastDay: end.lastDay,
      exact: true,
    });
    expect(periodTime(end, undefined)?.exact).toBe(true);
  });
});

describe('comparing and describing FHIR times', () => {
  it('an instant is after another from the second the other ends', () => {
    expect(isAfter(time('2026-11-24T10:00:01Z'), time('2026-11-24T10:00:00Z'))).toBe(true);
    expect(isAfter(time('2026-11-24T10:00:00Z'), time('2026-11-24T10:00:00Z'))).toBe(false);
  });

  it('an instant and a date compare by the days as written', () => {
    expect(isAfter(time('2026-11-25T01:00:00Z'), time('2026-11-24'))).toBe(true);
    expect(isAfter(time('2026-11-25'), time('2026-11-24T23:00:00-05:00'))).toBe(true);
    expect(isAfter(time('2026-11-24'), time('2026-11-23T23:00:00Z'))).toBe(true);
    expect(isAfter(time('2026-11-24'), time('2026-11-24'))).toBe(false);
  });

  it('the later of two equal times is the first', () => {
    const first = time('2026-11-24');
    const second = time('2026-11-24');
    expect(laterOf(first, second)).toBe(first);
    expect(laterOf(second, first)).toBe(second);
    expect(laterOf(first, undefined)).toBe(first);
  });

  it('a time inside another that ends later is not the later one', () => {
    const month = time('2026-11');
    const day = time('2026-11-15');
    expect(laterOf(month, day)).toBe(month);
    expect(laterOf(day, month)).toBe(month);
  });

  it('describes a time by its first day as written, or as an open start', () => {
    expect(describeTime(time('2026-11-24T23:30:00-05:00'))).toBe('2026-11-24');
    expect(describeTime(time('2026-02'))).toBe('2026-02-01');
    expect(describeTime(periodTime(undefined, time('2026-11-24')) as NonNullable<ReturnType<typeof periodTime>>)).toBe(
      'an open start',
    );
  });
});
