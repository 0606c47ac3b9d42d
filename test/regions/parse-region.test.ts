import { describe, expect, test } from 'vitest';
import { parseRegion, regionSynonyms, spinalRegions } from '../../src/index.js';

describe('parseRegion', () => {
  test('accepts the three region ids', () => {
    for (const region of spinalRegions) expect(parseRegion(region)).toEqual({ ok: true, value: region });
  });

  test.each([
    ['lumbar', 'lumbosacral'],
    ['lower back', 'lumbosacral'],
    ['low back', 'lumbosacral'],
    ['Lumbosacral spine', 'lumbosacral'],
    ['LOWER-BACK', 'lumbosacral'],
    ['lowerback', 'lumbosacral'],
    ['  lower   back ', 'lumbosacral'],
    ['lumbo-sacral', 'lumbosacral'],
    ['neck', 'cervical'],
    ['Cervical Spine', 'cervical'],
    ['NAPE', 'cervical'],
    ['thoracic spine', 'thoracic'],
    ['chest', 'thoracic'],
    ['upper back', 'thoracic'],
    ['Upper_Back', 'thoracic'],
  ] as const)('reads %j as %s', (input, region) => {
    expect(parseRegion(input)).toEqual({ ok: true, value: region });
  });

  test('every listed synonym is read as its region', () => {
    for (const region of spinalRegions) {
      for (const word of regionSynonyms[region]) expect(parseRegion(word), word).toEqual({ ok: true, value: region });
    }
  });

  test('no word is a synonym of two regions', () => {
    const all = spinalRegions.flatMap((region) => regionSynonyms[region]);
    expect(new Set(all).size).toBe(all.length);
  });

  test('an unknown word is an issue that lists the accepted values', () => {
    const result = parseRegion('knee');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.code).toBe('unknown-region');
    expect(result.issues[0]?.path).toEqual([]);
    for (const word of ['cervical', 'thoracic', 'lumbosacral', 'lower back', 'neck']) {
      expect(result.issues[0]?.message).toContain(word);
    }
  });

  test('an empty string and a very long string are unknown regions', () => {
    expect(parseRegion('')).toMatchObject({ ok: false, issues: [{ code: 'unknown-region' }] });
    expect(parseRegion('lumbar'.repeat(1000))).toMatchObject({ ok: false, issues: [{ code: 'unknown-region' }] });
  });

  test('a value that is not a string is an invalid-type issue', () => {
    for (const value of [undefined, null, 3, true, {}, ['lumbar']]) {
      expect(parseRegion(value)).toMatchObject({ ok: false, issues: [{ code: 'invalid-type', path: [] }] });
    }
  });

  test('the synonym lists are frozen', () => {
    expect(Object.isFrozen(regionSynonyms)).toBe(true);
    for (const region of spinalRegions) expect(Object.isFrozen(regionSynonyms[region])).toBe(true);
  });
});
