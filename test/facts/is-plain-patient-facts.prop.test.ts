import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isPlainPatientFacts } from '../../src/facts/is-plain-patient-facts.js';
import { factNames, MAX_AGE_YEARS, parsePatientFacts } from '../../src/index.js';

// The internal fast path of screenCohort: it may say false when parsePatientFacts would accept
// (the cohort then falls back to parsePatientFacts), but never true when it would reject.

const key = fc.oneof(
  fc.string(),
  fc.constantFrom(...factNames),
  fc.constantFrom('__proto__', 'constructor', 'pregnancy'),
);
const anyValue = fc.anything({ key, withNullPrototype: true, withBoxedValues: true, withSparseArray: true });
const factLike = fc.dictionary(key, fc.oneof(anyValue, fc.boolean(), fc.double(), fc.constant(null)), { maxKeys: 8 });
const validFacts = fc.record(
  Object.fromEntries(
    factNames.map((name) => [
      name,
      fc.oneof(
        name === 'ageYears' ? fc.double({ min: 0, max: MAX_AGE_YEARS, maxExcluded: true, noNaN: true }) : fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
      ),
    ]),
  ),
  { requiredKeys: [] },
);

describe('isPlainPatientFacts', () => {
  test.prop([fc.oneof(anyValue, factLike, validFacts)])(
    'is true only for input that parsePatientFacts accepts',
    (value) => {
      if (isPlainPatientFacts(value)) expect(parsePatientFacts(value).ok).toBe(true);
    },
  );

  test.prop([validFacts])('is true for every plain object of valid facts, so cohorts skip the copy', (value) => {
    expect(isPlainPatientFacts(value)).toBe(true);
    expect(isPlainPatientFacts(Object.assign(Object.create(null), value))).toBe(true);
  });

  it('knows every fact name', () => {
    for (const fact of factNames) expect(isPlainPatientFacts({ [fact]: null })).toBe(true);
  });

  it('is false for arrays, class instances, proxies that throw and records with other keys', () => {
    class Facts {
      readonly ageYears = 40;
    }
    const throwing = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    for (const value of [[], new Facts(), throwing, { ageYears: 40, region: 'cervical' }, { __proto__: null, x: 1 }]) {
      expect(isPlainPatientFacts(value)).toBe(false);
    }
  });

  it('is false, never wrongly true, when Object.prototype is polluted', () => {
    (Object.prototype as Record<string, unknown>).polluted = true;
    try {
      expect(isPlainPatientFacts({ ageYears: 40 })).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });
});
