import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  compareDates,
  completedYears,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  isLeapYear,
  isoWeekday,
  parseIsoDate,
  toDayNumber,
} from '../../src/_internal/iso-date.js';

const MONDAY = 0;
const THURSDAY = 3;
const SATURDAY = 5;
const SUNDAY = 6;

const dayOf = (text: string) => toDayNumber(parseIsoDate(text) as CalendarDate);

/** A valid calendar date in years 1-9999. */
const calendarDate = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

/** The same date counted by the JavaScript Date in UTC, as an independent oracle. */
function dayNumberByDate({ year, month, day }: CalendarDate): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / 86_400_000);
}

describe('toDayNumber and fromDayNumber', () => {
  it('count days from 1970-01-01', () => {
    expect(toDayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(toDayNumber({ year: 1970, month: 1, day: 2 })).toBe(1);
    expect(toDayNumber({ year: 1969, month: 12, day: 31 })).toBe(-1);
    expect(toDayNumber({ year: 2000, month: 3, day: 1 })).toBe(11_017);
    expect(fromDayNumber(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(fromDayNumber(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  test.prop([fc.integer({ min: -3_000_000, max: 3_000_000 })])(
    'fromDayNumber then toDayNumber gives the day back',
    (n) => {
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
    },
  );

  test.prop([calendarDate])('toDayNumber then fromDayNumber gives the date back', (date) => {
    expect(fromDayNumber(toDayNumber(date))).toEqual(date);
  });

  test.prop([calendarDate])('agree with the JavaScript Date in UTC', (date) => {
    expect(toDayNumber(date)).toBe(dayNumberByDate(date));
  });

  test.prop([fc.integer({ min: -1_000_000, max: 1_000_000 })])('the next day number is the next calendar day', (n) => {
    const today = fromDayNumber(n);
    const tomorrow = fromDayNumber(n + 1);
    const lastOfMonth = today.day === daysInMonth(today.year, today.month);
    const lastOfYear = lastOfMonth && today.month === 12;
    expect(tomorrow).toEqual(
      lastOfYear
        ? { year: today.year + 1, month: 1, day: 1 }
        : lastOfMonth
          ? { year: today.year, month: today.month + 1, day: 1 }
          : { year: today.year, month: today.month, day: today.day + 1 },
    );
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2024-02-29', THURSDAY],
    ['2000-01-01', SATURDAY],
    ['1970-01-01', THURSDAY],
    ['1969-12-28', SUNDAY],
    ['1900-01-01', MONDAY],
    ['2026-01-05', MONDAY],
  ])('%s falls on ISO weekday %i (0 = Monday)', (date, weekday) => {
    expect(isoWeekday(dayOf(date))).toBe(weekday);
  });

  test.prop([calendarDate])('agrees with the JavaScript Date and stays within 0-6', (date) => {
    const weekday = isoWeekday(toDayNumber(date));
    const byDate = new Date(dayNumberByDate(date) * 86_400_000).getUTCDay();
    expect(weekday).toBe((byDate + 6) % 7);
  });
});

describe('leap years', () => {
  it.each([
    [1900, false],
    [2000, true],
    [2023, false],
    [2024, true],
    [2100, false],
    [2400, true],
  ])('%i is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
    expect(parseIsoDate(`${year}-02-29`) !== undefined).toBe(leap);
  });

  it('gives every month its number of days', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2023, month))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
});

describe('parseIsoDate and formatIsoDate', () => {
  it('parse a calendar date and format it back', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(formatIsoDate({ year: 2024, month: 2, day: 29 })).toBe('2024-02-29');
    expect(formatIsoDate({ year: 5, month: 1, day: 2 })).toBe('0005-01-02');
  });

  it.each([
    '2023-02-29',
    '2024-13-01',
    '2024-1-1',
    '',
    '2024-02-30',
    '2024-06-31',
    '2024-01-32',
    '2024-00-01',
    '+02024-01-01',
    '2024-01-01\n',
  ])('rejects %o', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  it('reads only strings: a String object or an object that prints as a date is not a date', () => {
    expect(parseIsoDate(Object('2024-02-29'))).toBeUndefined();
    expect(parseIsoDate({ toString: () => '2024-02-29' })).toBeUndefined();
    expect(parseIsoDate(20240229)).toBeUndefined();
  });

  it('rejects a value that is not a string', () => {
    expect(parseIsoDate(20240101)).toBeUndefined();
    expect(parseIsoDate(null)).toBeUndefined();
    expect(parseIsoDate(new Date(0))).toBeUndefined();
  });

  test.prop([calendarDate])('format then parse gives the date back', (date) => {
    expect(parseIsoDate(formatIsoDate(date))).toEqual(date);
  });
});

describe('compareDates and completedYears', () => {
  test.prop([calendarDate, calendarDate])('compareDates orders dates as their day numbers do', (a, b) => {
    expect(Math.sign(compareDates(a, b))).toBe(Math.sign(toDayNumber(a) - toDayNumber(b)));
  });

  it('completedYears counts whole years, reaching 29 February on 1 March', () => {
    const leapDay = { year: 2004, month: 2, day: 29 };
    expect(completedYears(leapDay, { year: 2005, month: 2, day: 28 })).toBe(0);
    expect(completedYears(leapDay, { year: 2005, month: 3, day: 1 })).toBe(1);
    expect(completedYears(leapDay, leapDay)).toBe(0);
  });
});
