import { describe, expect, it } from 'vitest';
import { prototypeHoldsAFact } from '../../src/facts/prototype-holds-a-fact.js';
import { factNames } from '../../src/index.js';
import { countingGetter, withPrototypeProperty, withPrototypeValue } from '../fixtures/polluted-prototype.js';

// Whether screen must read facts carefully: only while Object.prototype holds a fact's name.

describe('prototypeHoldsAFact', () => {
  it('is false while Object.prototype holds no fact', () => {
    expect(prototypeHoldsAFact()).toBe(false);
    expect(withPrototypeValue('pregnancy', true, prototypeHoldsAFact)).toBe(false);
  });

  it.each(factNames)('is true while Object.prototype holds %s, however it holds it, and calls no getter', (name) => {
    expect(withPrototypeValue(name, undefined, prototypeHoldsAFact)).toBe(true);
    expect(withPrototypeProperty(name, { value: false }, prototypeHoldsAFact)).toBe(true);
    const getter = countingGetter(false);
    expect(withPrototypeProperty(name, getter.descriptor, prototypeHoldsAFact)).toBe(true);
    expect(getter.calls()).toBe(0);
  });
});
