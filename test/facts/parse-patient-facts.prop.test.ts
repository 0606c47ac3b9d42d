import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { factNames, MAX_AGE_YEARS, parsePatientFacts, patientFactsSchema, screen } from '../../src/index.js';

/** Keys that an attacker or a typo would use, mixed with ordinary strings. */
const key = fc.oneof(
  fc.string(),
  fc.constantFrom(...factNames),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'pregnancy', 'toString', 'valueOf', 'hasOwnProperty'),
);

const anyValue = fc.anything({
  key,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
});

/** Objects whose keys are mostly fact names or forbidden names, holding anything. */
const factLikeObject = fc.dictionary(key, fc.oneof(anyValue, fc.boolean(), fc.double(), fc.constant(null)), {
  maxKeys: 8,
});

/** Valid facts: any subset of the facts, each with a valid value or null / undefined. */
const validAge = fc.double({ min: 0, max: MAX_AGE_YEARS, maxExcluded: true, noNaN: true });
const validFacts = fc.record(
  Object.fromEntries(
    factNames.map((name) => [
      name,
      fc.oneof(name === 'ageYears' ? validAge : fc.boolean(), fc.constant(null), fc.constant(undefined)),
    ]),
  ),
  { requiredKeys: [] },
);

const prototypeSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe('parsePatientFacts', () => {
  test.prop([anyValue])('never throws on any value', (value) => {
    expect(() => parsePatientFacts(value)).not.toThrow();
  });

  test.prop([factLikeObject])('never throws on objects with fact-like and forbidden keys', (value) => {
    expect(() => parsePatientFacts(value)).not.toThrow();
  });

  test.prop([fc.oneof(anyValue, factLikeObject, validFacts)])('accepts exactly what it returns', (value) => {
    const first = parsePatientFacts(value);
    if (!first.ok) return;
    const second = parsePatientFacts(first.value);
    expect(second).toEqual({ ok: true, value: first.value });
  });

  test.prop([fc.oneof(anyValue, factLikeObject)])(
    'returns only fact names holding a valid value, or at least one issue with a code, path and message',
    (value) => {
      const result = parsePatientFacts(value);
      if (result.ok) {
        for (const [name, fact] of Object.entries(result.value)) {
          expect(factNames).toContain(name);
          if (name === 'ageYears') expect(fact >= 0 && fact < MAX_AGE_YEARS).toBe(true);
          else expect(typeof fact).toBe('boolean');
        }
      } else {
        expect(result.issues.length).toBeGreaterThan(0);
        for (const issue of result.issues) {
          expect(typeof issue.code).toBe('string');
          expect(Array.isArray(issue.path)).toBe(true);
          expect(typeof issue.message).toBe('string');
        }
      }
    },
  );

  test.prop([validFacts])('accepts any valid facts, leaving out those not recorded', (facts) => {
    const recorded = Object.fromEntries(
      Object.entries(facts).filter(([, value]) => value !== null && value !== undefined),
    );
    expect(parsePatientFacts(facts)).toEqual({ ok: true, value: recorded });
  });

  test.prop([validFacts])('a parsed record screens exactly as the original', (facts) => {
    const parsed = parsePatientFacts(facts);
    if (!parsed.ok) throw new Error('valid facts must parse');
    expect(screen(parsed.value)).toEqual(screen(facts));
  });

  test.prop([fc.oneof(anyValue, factLikeObject)])('never writes to Object.prototype', (value) => {
    const before = prototypeSnapshot();
    parsePatientFacts(value);
    expect(prototypeSnapshot()).toEqual(before);
    for (const name of factNames) expect(Object.hasOwn(Object.prototype, name)).toBe(false);
  });

  test.prop([fc.oneof(anyValue, factLikeObject)])(
    'the Standard Schema validates exactly as parsePatientFacts does',
    (value) => {
      const parsed = parsePatientFacts(value);
      const validated = patientFactsSchema['~standard'].validate(value);
      expect(validated).toEqual(
        parsed.ok ? { value: parsed.value } : { issues: parsed.issues.map(({ message, path }) => ({ message, path })) },
      );
    },
  );
});
