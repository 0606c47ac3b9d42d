import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { regionFromIcd10, spinalRegions } from '../../src/index.js';

describe('regionFromIcd10 properties', () => {
  test.prop([fc.anything()])('never throws and answers a region or undefined', (value) => {
    const region = regionFromIcd10(value);
    expect(region === undefined || spinalRegions.includes(region)).toBe(true);
  });

  test.prop([fc.stringMatching(/^[Mm]\d{2}(\.?\d{1,3})?$/)])('the dot and the case never change the answer', (code) => {
    const plain = code.replace('.', '').toUpperCase();
    const dotted = plain.length > 3 ? `${plain.slice(0, 3)}.${plain.slice(3)}` : plain;
    expect(regionFromIcd10(code)).toBe(regionFromIcd10(dotted));
    expect(regionFromIcd10(code.toLowerCase())).toBe(regionFromIcd10(dotted));
  });

  test.prop([
    fc.integer({ min: 40, max: 54 }).filter((n) => n !== 50 && n !== 51 && n !== 52),
    fc.integer({ min: 0, max: 9 }),
  ])('site 0 and 9 never name a region; sites 1-8 always do outside M54.3-M54.5', (category, subcategory) => {
    const prefix = `M${category}.${subcategory}`;
    expect(regionFromIcd10(`${prefix}0`)).toBeUndefined();
    expect(regionFromIcd10(`${prefix}9`)).toBeUndefined();
    const cmAmbiguous = category === 54 && subcategory >= 3 && subcategory <= 5;
    for (let site = 1; site <= 8; site += 1) {
      expect(regionFromIcd10(`${prefix}${site}`) !== undefined).toBe(!cmAmbiguous);
    }
  });
});
