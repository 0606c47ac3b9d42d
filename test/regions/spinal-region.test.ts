import { describe, expect, test } from 'vitest';
import { isSpinalRegion, spinalRegions } from '../../src/index.js';

describe('spinalRegions', () => {
  test('lists the three regions from the head down', () => {
    expect(spinalRegions).toEqual(['cervical', 'thoracic', 'lumbosacral']);
  });

  test('is frozen', () => {
    expect(Object.isFrozen(spinalRegions)).toBe(true);
  });
});

describe('isSpinalRegion', () => {
  test('accepts exactly the three region ids', () => {
    for (const region of spinalRegions) expect(isSpinalRegion(region)).toBe(true);
    for (const value of ['Cervical', 'lumbar', 'neck', '', undefined, null, 1, {}]) {
      expect(isSpinalRegion(value)).toBe(false);
    }
  });
});
