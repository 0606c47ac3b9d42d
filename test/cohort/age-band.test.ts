import { describe, expect, it } from 'vitest';
import { ageBand, MAX_AGE_YEARS } from '../../src/index.js';

const bands = [0, 18, 40, 65, 76] as const;

describe('ageBand', () => {
  it('labels each band by its first and last whole year, and the last band as open', () => {
    expect([0, 17, 18, 39, 40, 64, 65, 75, 76, 149].map((age) => ageBand(age, bands))).toEqual([
      '0-17',
      '0-17',
      '18-39',
      '18-39',
      '40-64',
      '40-64',
      '65-75',
      '65-75',
      '76+',
      '76+',
    ]);
  });

  it('takes completed years: 75.99 is still 65-75 and 17.9 still 0-17', () => {
    expect(ageBand(75.99, bands)).toBe('65-75');
    expect(ageBand(17.9, bands)).toBe('0-17');
  });

  it("labels an age below the first bound '<first'", () => {
    expect(ageBand(12, [18, 65])).toBe('<18');
    expect(ageBand(18, [18, 65])).toBe('18-64');
  });

  it('labels a band of one year by that year', () => {
    expect(ageBand(17, [0, 17, 18])).toBe('17');
  });

  it("gives 'unknown' for a missing or invalid age", () => {
    for (const age of [undefined, null, Number.NaN, -1, MAX_AGE_YEARS, Number.POSITIVE_INFINITY, '40', true]) {
      expect(ageBand(age, bands)).toBe('unknown');
    }
  });

  it('notices a bands array that changed since it was last used', () => {
    const mutable = [0, 18];
    expect(ageBand(20, mutable)).toBe('18+');
    mutable.push(65);
    expect(ageBand(20, mutable)).toBe('18-64');
  });

  it('throws a RangeError for empty, fractional, negative or unordered bands', () => {
    for (const bad of [[], [0, 17.5], [-1, 18], [0, 40, 18], [0, 18, 18]]) {
      expect(() => ageBand(30, bad)).toThrow(RangeError);
    }
    expect(() => ageBand(30, 'adults' as unknown as number[])).toThrow(RangeError);
  });

  it('notices a bands array whose bounds changed in place, its length the same', () => {
    const mutable = [0, 18, 65];
    expect(ageBand(20, mutable)).toBe('18-64');
    mutable[1] = 21;
    expect(ageBand(20, mutable)).toBe('0-20');
    mutable.splice(0, 3, 5, 30, 70);
    expect(ageBand(20, mutable)).toBe('5-29');
  });
});

describe('ageBand: misuse', () => {
  it.each([
    [[], 'ageBand: bands must be a non-empty array of ascending lower bounds in whole years'],
    [[0, 17.5], 'ageBand: bands[1] must be a whole number of years >= 0, got 17.5'],
    [[-1, 18], 'ageBand: bands[0] must be a whole number of years >= 0, got -1'],
    [[0, 40, 18], 'ageBand: bands must be strictly ascending, but bands[2] is 18 after 40'],
    [[0, 18, 18], 'ageBand: bands must be strictly ascending, but bands[2] is 18 after 18'],
  ])('bands %j throw a RangeError that says what is wrong', (bands, message) => {
    expect(() => ageBand(30, bands)).toThrow(new RangeError(message));
  });

  it('accepts 0 as the first bound', () => {
    expect(ageBand(0, [0, 18])).toBe('0-17');
  });
});
