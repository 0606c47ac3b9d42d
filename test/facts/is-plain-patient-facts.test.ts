import { describe, expect, it } from 'vitest';
import { isPlainPatientFacts } from '../../src/facts/is-plain-patient-facts.js';
import { factNames, factNames as factNamesForTest, MAX_AGE_YEARS, parsePatientFacts } from '../../src/index.js';
import { countingGetter, withPrototypeProperty } from '../fixtures/polluted-prototype.js';

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

describe('isPlainPatientFacts reads the facts that screen and parsePatientFacts read', () => {
  const hidden = (name: string, value: unknown): object => {
    const record = { ageYears: 40 };
    Object.defineProperty(record, name, { value, enumerable: false });
    return record;
  };

  it.each(factNames)(
    'is false for an own non-enumerable %s holding a wrong value, which parsePatientFacts rejects',
    (name) => {
      const record = hidden(name, name === 'ageYears' ? -1 : 'yes');
      expect(parsePatientFacts(record).ok).toBe(false);
      expect(isPlainPatientFacts(record)).toBe(false);
    },
  );

  it.each(factNames)('is true for an own non-enumerable %s holding a valid value or null', (name) => {
    for (const value of [name === 'ageYears' ? 52 : true, null]) {
      const record = hidden(name, value);
      expect(parsePatientFacts(record).ok).toBe(true);
      expect(isPlainPatientFacts(record)).toBe(true);
    }
  });

  it.each(factNames)(
    'is false while Object.prototype holds %s, so that parsePatientFacts decides without reading it',
    (name) => {
      const getter = countingGetter(false);
      const answers = withPrototypeProperty(name, getter.descriptor, () => [
        isPlainPatientFacts({ ageYears: 40 }),
        parsePatientFacts({ ageYears: 40 }),
      ]);
      expect(answers).toEqual([false, { ok: true, value: { ageYears: 40 } }]);
      expect(getter.calls()).toBe(0);
    },
  );
});

describe('isPlainPatientFacts reads each fact once, and only facts', () => {
  it('calls the getter of each fact once, enumerable or not', () => {
    const calls: string[] = [];
    const record = {};
    for (const [name, enumerable] of [
      ['ageYears', true],
      ['pregnant', false],
      ['epilepsy', true],
    ] as const) {
      Object.defineProperty(record, name, {
        enumerable,
        get() {
          calls.push(name);
          return name === 'ageYears' ? 40 : false;
        },
      });
    }
    expect(isPlainPatientFacts(record)).toBe(true);
    expect(calls.sort()).toEqual(['ageYears', 'epilepsy', 'pregnant']);
  });

  it.each(factNames)('calls an enumerable getter of %s once, and of a non-enumerable one', (name) => {
    for (const enumerable of [true, false]) {
      let calls = 0;
      const record = Object.defineProperty({}, name, {
        enumerable,
        get() {
          calls++;
          return null;
        },
      });
      expect(isPlainPatientFacts(record)).toBe(true);
      expect(calls).toBe(1);
    }
  });

  it('ignores an own non-enumerable key that is not a fact, as parsePatientFacts does', () => {
    for (const key of ['pregnancy', 'undefined', 'toString']) {
      const record = { ageYears: 40 };
      Object.defineProperty(record, key, { value: 'not a fact', enumerable: false });
      expect(parsePatientFacts(record).ok).toBe(true);
      expect(isPlainPatientFacts(record)).toBe(true);
    }
  });
});

describe('isPlainPatientFacts: every fact by name', () => {
  const booleanFacts = factNamesForTest.filter((name) => name !== 'ageYears');

  it.each(booleanFacts.map((name) => [name]))('accepts %s as true or false, and refuses it as text', (name) => {
    expect(isPlainPatientFacts({ [name]: true })).toBe(true);
    expect(isPlainPatientFacts({ [name]: false, ageYears: 40 })).toBe(true);
    expect(isPlainPatientFacts({ [name]: 'no' })).toBe(false);
  });

  it.each(booleanFacts.map((name) => [name]))(
    'reads %s when it is own and not enumerable, and refuses an invalid value there',
    (name) => {
      expect(isPlainPatientFacts(Object.defineProperty({}, name, { value: true }))).toBe(true);
      expect(isPlainPatientFacts(Object.defineProperty({}, name, { value: 'yes' }))).toBe(false);
    },
  );
});

describe('isPlainPatientFacts tells every fact from its neighbours', () => {
  // A record with a hidden (non-enumerable) property is not settled by counting keys: the facts
  // that no key named are read by name, and a fact taken for its neighbour would go unread.
  const hiddenNeighbour = (shown: string, hidden: string): object =>
    Object.defineProperty({ [shown]: shown === 'ageYears' ? 40 : false }, hidden, {
      value: hidden === 'ageYears' ? -1 : 'yes',
      enumerable: false,
    });

  it.each(factNames.map((name, index) => [name, factNames[(index + 1) % factNames.length] as string]))(
    'refuses an enumerable %s beside a hidden %s holding a wrong value',
    (shown, hidden) => {
      const record = hiddenNeighbour(shown, hidden);
      expect(parsePatientFacts(record).ok).toBe(false);
      expect(isPlainPatientFacts(record)).toBe(false);
    },
  );

  it('calls the getter of the last fact once when a hidden property makes it read the unnamed facts', () => {
    const last = factNames[factNames.length - 1] as string;
    let calls = 0;
    const record = Object.defineProperty({}, last, {
      enumerable: true,
      get() {
        calls++;
        return true;
      },
    });
    Object.defineProperty(record, 'note', { value: 'not a fact', enumerable: false });
    expect(isPlainPatientFacts(record)).toBe(true);
    expect(calls).toBe(1);
  });
});
