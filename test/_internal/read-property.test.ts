import { describe, expect, it } from 'vitest';
import { MAX_PROTOTYPES, prototypesOf, readProperty } from '../../src/_internal/read-property.js';
import { countingGetter, withPrototypeProperty, withPrototypeValue } from '../fixtures/polluted-prototype.js';

// The one way every path reads a fact or an option: a property of the object or of a prototype
// of its own, never one of Object.prototype.

/** An object with `depth` prototypes before Object.prototype, the farthest holding `pregnant: true`. */
function chainOf(depth: number): object {
  let record: object = { pregnant: true };
  for (let level = 1; level < depth + 1; level++) record = Object.create(record) as object;
  return record;
}

describe('prototypesOf', () => {
  class Base {}
  class Derived extends Base {}

  it('is empty for a plain object, an object without a prototype and Object.prototype itself', () => {
    expect(prototypesOf({})).toEqual([]);
    expect(prototypesOf(Object.create(null) as object)).toEqual([]);
    expect(prototypesOf(Object.prototype)).toEqual([]);
  });

  it("lists a class instance's prototypes, nearest first, up to Object.prototype", () => {
    const list = prototypesOf(new Derived());
    expect(list).toHaveLength(2);
    expect(list[0]).toBe(Derived.prototype);
    expect(list[1]).toBe(Base.prototype);
  });

  it(`follows a chain of ${MAX_PROTOTYPES} prototypes, and refuses a longer one`, () => {
    expect(prototypesOf(chainOf(MAX_PROTOTYPES))).toHaveLength(MAX_PROTOTYPES);
    expect(() => prototypesOf(chainOf(MAX_PROTOTYPES + 1))).toThrow(
      new RangeError('the prototype chain is too long to follow'),
    );
  });
});

describe('readProperty', () => {
  it('reads an own fact, and a fact of a prototype of its own', () => {
    expect(readProperty({ pregnant: false }, 'pregnant')).toBe(false);
    expect(readProperty(chainOf(3), 'pregnant')).toBe(true);
    expect(readProperty({}, 'pregnant')).toBeUndefined();
  });

  it('never reads a fact from Object.prototype, and calls no getter there', () => {
    const getter = countingGetter(true);
    withPrototypeProperty('pregnant', getter.descriptor, () => {
      expect(readProperty({}, 'pregnant')).toBeUndefined();
      expect(readProperty(Object.create(null) as object, 'pregnant')).toBeUndefined();
      expect(readProperty(Object.prototype, 'pregnant')).toBeUndefined();
      expect(readProperty(Object.create({}) as object, 'pregnant')).toBeUndefined();
    });
    expect(getter.calls()).toBe(0);
  });

  it('reads an own fact, and a fact a prototype of its own holds, while Object.prototype holds one too', () => {
    withPrototypeValue('pregnant', false, () => {
      expect(readProperty({ pregnant: true }, 'pregnant')).toBe(true);
      expect(readProperty(chainOf(MAX_PROTOTYPES), 'pregnant')).toBe(true);
      expect(() => readProperty(chainOf(MAX_PROTOTYPES + 1), 'pregnant')).toThrow(RangeError);
    });
  });

  it('passes on what a getter throws', () => {
    const record = Object.defineProperty({}, 'pregnant', {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => readProperty(record, 'pregnant')).toThrow('boom');
    expect(() => withPrototypeValue('pregnant', false, () => readProperty(record, 'pregnant'))).toThrow('boom');
  });
});
