import { describe, expect, it } from 'vitest';
import { ageOn, screen } from '../../src/index.js';

describe('ageOn: birthdays', () => {
  it.each([
    ['1950-06-15', '2026-06-14', 75],
    ['1950-06-15', '2026-06-15', 76],
    ['1950-06-15', '2026-06-16', 76],
    ['2021-03-10', '2024-03-09', 2],
    ['2021-03-10', '2024-03-10', 3],
    ['1990-01-31', '2024-02-01', 34],
    ['1990-02-01', '2024-01-31', 33],
  ])('born %s, on %s the patient is %i', (birthDate, on, years) => {
    expect(ageOn(birthDate, on)).toBe(years);
  });

  it('is 0 on the day of birth and the day after', () => {
    expect(ageOn('2024-05-20', '2024-05-20')).toBe(0);
    expect(ageOn('2024-05-20', '2024-05-21')).toBe(0);
  });

  it('turns 1 on the first birthday, not the day before', () => {
    expect(ageOn('2023-05-20', '2024-05-19')).toBe(0);
    expect(ageOn('2023-05-20', '2024-05-20')).toBe(1);
  });

  it('counts across the end of a year', () => {
    expect(ageOn('2000-12-31', '2001-01-01')).toBe(0);
    expect(ageOn('2000-12-31', '2001-12-30')).toBe(0);
    expect(ageOn('2000-12-31', '2001-12-31')).toBe(1);
    expect(ageOn('2001-01-01', '2001-12-31')).toBe(0);
    expect(ageOn('2001-01-01', '2002-01-01')).toBe(1);
  });

  it('gives the completed years that the age rule reads', () => {
    const dayBefore = ageOn('1950-06-15', '2026-06-14');
    const birthday = ageOn('1950-06-15', '2026-06-15');
    expect(screen({ ageYears: dayBefore }).findings[0]?.outcome).toBe('absent');
    expect(screen({ ageYears: birthday }).findings[0]?.outcome).toBe('present');
  });
});

describe('ageOn: 29 February birthdays', () => {
  it('are reached on 1 March in a non-leap year', () => {
    expect(ageOn('2004-02-29', '2005-02-28')).toBe(0);
    expect(ageOn('2004-02-29', '2005-03-01')).toBe(1);
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
  });

  it('are reached on 29 February in a leap year', () => {
    expect(ageOn('2004-02-29', '2008-02-28')).toBe(3);
    expect(ageOn('2004-02-29', '2008-02-29')).toBe(4);
  });

  it('are reached on 1 March in a century year that is not a leap year', () => {
    expect(ageOn('2096-02-29', '2100-02-28')).toBe(3);
    expect(ageOn('2096-02-29', '2100-03-01')).toBe(4);
  });

  it('are reached on 29 February in 2000, a leap century year', () => {
    expect(ageOn('1996-02-29', '2000-02-28')).toBe(3);
    expect(ageOn('1996-02-29', '2000-02-29')).toBe(4);
  });

  it('a 28 February birthday is reached on 28 February, leap year or not', () => {
    expect(ageOn('2003-02-28', '2004-02-28')).toBe(1);
    expect(ageOn('2004-02-28', '2005-02-28')).toBe(1);
  });
});

describe('ageOn: misuse', () => {
  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'a century year that is not a leap year'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-04-31', '31 April'],
    ['2024-01-00', 'day 0'],
    ['2024-1-1', 'no zero padding'],
    ['', 'empty'],
    ['24-01-01', 'a two-digit year'],
    ['2024-01-01T00:00:00Z', 'a timestamp'],
    [' 2024-01-01', 'a leading space'],
    ['2024/01/01', 'slashes'],
  ])('a birthDate of %o (%s) throws a RangeError naming birthDate', (birthDate) => {
    expect(() => ageOn(birthDate, '2025-01-01')).toThrow(RangeError);
    expect(() => ageOn(birthDate, '2025-01-01')).toThrow(/birthDate must be a calendar date/);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-1-1', ''])('an on date of %o throws a RangeError naming on', (on) => {
    expect(() => ageOn('2000-01-01', on)).toThrow(RangeError);
    expect(() => ageOn('2000-01-01', on)).toThrow(/ageOn: on must be a calendar date/);
  });

  it('quotes the bad value, and names the type of a value that is not a string', () => {
    expect(() => ageOn('2023-02-29', '2025-01-01')).toThrow(/"2023-02-29"/);
    expect(() => ageOn(20240101 as unknown as string, '2025-01-01')).toThrow(/birthDate .* a value of type number/);
    expect(() => ageOn('2000-01-01', undefined as unknown as string)).toThrow(/on .* a value of type undefined/);
  });

  it('throws a RangeError when on is before birthDate, naming both', () => {
    expect(() => ageOn('2024-05-20', '2024-05-19')).toThrow(RangeError);
    expect(() => ageOn('2024-05-20', '2024-05-19')).toThrow(/on \(2024-05-19\) is before birthDate \(2024-05-20\)/);
    expect(() => ageOn('2024-05-20', '2023-12-31')).toThrow(RangeError);
  });
});
