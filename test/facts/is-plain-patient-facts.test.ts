import { describe, expect, it } from 'vitest';
import { isPlainPatientFacts } from '../../src/facts/is-plain-patient-facts.js';
import { MAX_AGE_YEARS, parsePatientFacts } from '../../src/index.js';

// The internal fast path of screenCohort, at the boundaries of parsePatientFacts: a record it
// calls plain is screened as it stands, so it must never call plain what parsing would reject.

describe('isPlainPatientFacts at the edges of a valid age', () => {
  it.each([
    ['0', 0],
    ['-0', -0],
    ['a fraction', 52.5],
    ['just below the maximum', MAX_AGE_YEARS - 0.001],
  ])('is true for an age of %s, as parsePatientFacts accepts it', (_label, ageYears) => {
    expect(parsePatientFacts({ ageYears }).ok).toBe(true);
    expect(isPlainPatientFacts({ ageYears })).toBe(true);
  });

  it.each([
    ['the maximum', MAX_AGE_YEARS],
    ['a negative age', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a numeric string', '40'],
    ['a boolean', true],
    ['a boxed number', Object(40)],
  ])('is false for an age of %s, which parsePatientFacts rejects', (_label, ageYears) => {
    expect(parsePatientFacts({ ageYears }).ok).toBe(false);
    expect(isPlainPatientFacts({ ageYears })).toBe(false);
  });

  it.each([
    ['a string', 'no'],
    ['a number', 0],
    ['a boxed boolean', Object(true)],
    ['an array', [true]],
  ])('is false for a boolean fact holding %s, which parsePatientFacts rejects', (_label, pregnant) => {
    expect(parsePatientFacts({ pregnant }).ok).toBe(false);
    expect(isPlainPatientFacts({ pregnant })).toBe(false);
  });

  it('is false for a value that is not an object', () => {
    for (const value of [null, undefined, 40, 'facts', true, Symbol('facts'), 1n, () => ({})]) {
      expect(isPlainPatientFacts(value)).toBe(false);
    }
  });
});
