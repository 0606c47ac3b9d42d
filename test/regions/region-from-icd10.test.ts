import { describe, expect, test } from 'vitest';
import { regionFromIcd10, type SpinalRegion } from '../../src/index.js';

describe('regionFromIcd10: M42 spinal osteochondrosis by its WHO site character', () => {
  const bySite: readonly (readonly [string, SpinalRegion | undefined, string])[] = [
    ['0', undefined, 'multiple sites'],
    ['1', 'cervical', 'occipito-atlanto-axial'],
    ['2', 'cervical', 'cervical'],
    ['3', 'cervical', 'cervicothoracic'],
    ['4', 'thoracic', 'thoracic'],
    ['5', 'thoracic', 'thoracolumbar'],
    ['6', 'lumbosacral', 'lumbar'],
    ['7', 'lumbosacral', 'lumbosacral'],
    ['8', 'lumbosacral', 'sacral and sacrococcygeal'],
    ['9', undefined, 'site unspecified'],
  ];
  for (const [site, region, name] of bySite) {
    for (const form of ['0', '1', '9']) {
      test(`M42.${form}${site} (${name}) gives ${String(region)}`, () => {
        expect(regionFromIcd10(`M42.${form}${site}`)).toBe(region);
      });
    }
  }
});

describe('regionFromIcd10: code forms', () => {
  test('accepts the code with or without the dot, in any case, with surrounding spaces', () => {
    expect(regionFromIcd10('M42.12')).toBe('cervical');
    expect(regionFromIcd10('M4212')).toBe('cervical');
    expect(regionFromIcd10('m42.12')).toBe('cervical');
    expect(regionFromIcd10('m4216')).toBe('lumbosacral');
    expect(regionFromIcd10('  M42.14 ')).toBe('thoracic');
  });

  test('a code without a site character names no region', () => {
    expect(regionFromIcd10('M42')).toBeUndefined();
    expect(regionFromIcd10('M42.1')).toBeUndefined();
    expect(regionFromIcd10('M421')).toBeUndefined();
  });

  test('malformed codes give undefined', () => {
    for (const code of [
      '',
      'M',
      'M4',
      'M42.',
      'M42..12',
      'M42.1.2',
      'M42-12',
      'M42.1X',
      'M50.',
      'MM42.12',
      'M42.12.',
      'M 42.12',
    ]) {
      expect(regionFromIcd10(code), code).toBeUndefined();
    }
  });

  test('a value that is not a string gives undefined instead of throwing', () => {
    for (const value of [undefined, null, 42, 4212, true, {}, [], ['M42.12'], Symbol('M42.12'), () => 'M42.12']) {
      expect(regionFromIcd10(value)).toBeUndefined();
    }
  });
});

describe('regionFromIcd10: other dorsopathies (M40-M54)', () => {
  test('other M40-M54 codes with a site character map by that character', () => {
    expect(regionFromIcd10('M47.22')).toBe('cervical'); // spondylosis with radiculopathy, cervical
    expect(regionFromIcd10('M40.04')).toBe('thoracic'); // postural kyphosis, thoracic
    expect(regionFromIcd10('M48.06')).toBe('lumbosacral'); // spinal stenosis, lumbar
    expect(regionFromIcd10('M53.27')).toBe('lumbosacral');
    expect(regionFromIcd10('M54.12')).toBe('cervical'); // radiculopathy, cervical
    expect(regionFromIcd10('M40.00')).toBeUndefined();
    expect(regionFromIcd10('M47.29')).toBeUndefined();
  });

  test('M50 (cervical disc disorders) is cervical with or without further characters', () => {
    for (const code of ['M50', 'M50.1', 'M501', 'M50.2', 'm50.9', 'M50.12', 'M50.121', 'M50.020']) {
      expect(regionFromIcd10(code), code).toBe('cervical');
    }
  });

  test('M51 without a site is ambiguous; with a site 4-8 it maps by the site; a cervical or open site is not read', () => {
    expect(regionFromIcd10('M51')).toBeUndefined();
    expect(regionFromIcd10('M51.1')).toBeUndefined();
    expect(regionFromIcd10('M51.14')).toBe('thoracic');
    expect(regionFromIcd10('M51.15')).toBe('thoracic');
    expect(regionFromIcd10('M51.16')).toBe('lumbosacral');
    expect(regionFromIcd10('M51.17')).toBe('lumbosacral');
    expect(regionFromIcd10('M51.12')).toBeUndefined();
    expect(regionFromIcd10('M51.10')).toBeUndefined();
    expect(regionFromIcd10('M51.19')).toBeUndefined();
  });

  test('codes outside M40-M54 are not spinal codes', () => {
    for (const code of ['M39.12', 'M55.12', 'M52.12', 'M16.12', 'C41.2', 'S32.0', 'G54.12', 'X42.12']) {
      expect(regionFromIcd10(code), code).toBeUndefined();
    }
  });
});

describe('regionFromIcd10: ICD-10-CM', () => {
  test('M42.10 and M42.19 name no single region under either classification', () => {
    // WHO: 0 multiple sites, 9 unspecified; ICD-10-CM: the other way round.
    expect(regionFromIcd10('M42.10')).toBeUndefined();
    expect(regionFromIcd10('M42.19')).toBeUndefined();
  });

  test('M42.12 is cervical in both classifications', () => {
    expect(regionFromIcd10('M42.12')).toBe('cervical');
  });

  test('ICD-10-CM codes of six or seven characters are not read (their 5th character need not be a site)', () => {
    expect(regionFromIcd10('M47.812')).toBeUndefined(); // CM: cervical, but its 5th character is 1
    expect(regionFromIcd10('M47.816')).toBeUndefined(); // CM: lumbar, would read as occipito-atlanto-axial
    expect(regionFromIcd10('M48.061')).toBeUndefined();
    expect(regionFromIcd10('M51.369')).toBeUndefined();
  });

  test('M54.3x, M54.4x and M54.5x are not read: in ICD-10-CM their 5th character is a side or a kind of pain', () => {
    expect(regionFromIcd10('M54.41')).toBeUndefined(); // CM: right side
    expect(regionFromIcd10('M54.42')).toBeUndefined(); // CM: left side
    expect(regionFromIcd10('M54.31')).toBeUndefined();
    expect(regionFromIcd10('M54.51')).toBeUndefined(); // CM: vertebrogenic low back pain
    expect(regionFromIcd10('M54.56')).toBeUndefined();
  });

  test('reads at most 16 characters, surrounding spaces included', () => {
    expect(regionFromIcd10(' M42.12'.padEnd(16))).toBe('cervical');
    expect(regionFromIcd10(' M42.12'.padEnd(17))).toBeUndefined();
  });
});
