import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../src/cohort/statistics.js';
import { screenCohort, summarizeCohort } from '../../src/index.js';

// The order of group keys in a summary: digit runs compare as numbers, everything else by code
// unit, so that '5-17' comes before '18-39' on every machine and in every locale.

describe('naturalCompare', () => {
  it('orders digit runs by value, and equal values by their written form', () => {
    const sorted = ['18-39', '5-17', '007', '7', '65+', '40-64', ''].sort(naturalCompare);
    expect(sorted).toEqual(['', '5-17', '007', '7', '18-39', '40-64', '65+']);
  });

  it.each([
    ['a', 'b'],
    ['a1', 'a2'],
    ['9', '10'],
    ['99', '100'],
    ['9', '010'],
    ['007', '7'],
    ['10', 'a'],
    ['x9y', 'x10y'],
    ['1--a', '1.a'],
    ['(none)', '18-39'],
  ])('puts %j before %j, and says so in both directions', (first, second) => {
    expect(naturalCompare(first, second)).toBeLessThan(0);
    expect(naturalCompare(second, first)).toBeGreaterThan(0);
  });

  it('puts a key before the longer keys it begins', () => {
    expect(naturalCompare('band', 'band2')).toBeLessThan(0);
    expect(naturalCompare('band2', 'band')).toBeGreaterThan(0);
  });

  it('is 0 only for the same key, so that it is a total order', () => {
    for (const key of ['', 'a', '7', '007', 'band2']) expect(naturalCompare(key, key)).toBe(0);
    expect(naturalCompare('007', '7')).not.toBe(0);
  });

  it('gives the order of the groups of a summary', () => {
    const records = [{ ageYears: 1 }, { ageYears: 2 }, { ageYears: 3 }, { ageYears: 4 }];
    const keys = ['group 10', '', 'group 9', 'group 09'];
    const summary = summarizeCohort(screenCohort(records), { groupBy: (entry) => keys[entry.index] as string });
    expect(Object.keys(summary.groups ?? {})).toEqual(['', 'group 09', 'group 9', 'group 10']);
  });
});
