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

  test.each([
    ['шейный', 'cervical'],
    ['Шейный отдел позвоночника', 'cervical'],
    ['шейного отдела', 'cervical'],
    ['ШЕЙНОГО ОТДЕЛА ПОЗВОНОЧНИКА', 'cervical'],
    ['шея', 'cervical'],
    ['грудной', 'thoracic'],
    ['грудной отдел', 'thoracic'],
    ['Грудного отдела', 'thoracic'],
    ['грудного отдела позвоночника', 'thoracic'],
    ['пояснично-крестцовый', 'lumbosacral'],
    ['Пояснично крестцовый отдел', 'lumbosacral'],
    ['пояснично-крестцового отдела', 'lumbosacral'],
    ['пояснично_крестцового  отдела позвоночника', 'lumbosacral'],
    ['поясничный отдел', 'lumbosacral'],
    ['поясничного отдела', 'lumbosacral'],
    ['крестцовый', 'lumbosacral'],
    ['поясница', 'lumbosacral'],
  ] as const)('reads the Russian %j as %s', (input, region) => {
    expect(parseRegion(input)).toEqual({ ok: true, value: region });
  });

  test('refuses Russian words that name no region, or a part of the body that is not the spine', () => {
    for (const word of ['колено', 'шейка', 'грудь', 'отдел позвоночника', 'позвоночник']) {
      expect(parseRegion(word), word).toMatchObject({ ok: false, issues: [{ code: 'unknown-region' }] });
    }
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
    for (const word of ['cervical', 'thoracic', 'lumbosacral', 'lower back', 'neck', 'шейный', 'грудного отдела']) {
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

  test('reads at most 64 characters: a region padded past that is refused unread', () => {
    expect(parseRegion('lower back'.padEnd(64))).toEqual({ ok: true, value: 'lumbosacral' });
    expect(parseRegion('lower back'.padEnd(65))).toMatchObject({ ok: false, issues: [{ code: 'unknown-region' }] });
  });

  test('quotes an unknown word in full up to 41 characters, and its first 40 after that', () => {
    const accepted =
      'cervical (or cervical spine, cervical region, c-spine, neck, nape, ' +
      'шейный, шейный отдел, шейный отдел позвоночника, шейного, шейного отдела, шейного отдела позвоночника, шея); ' +
      'thoracic (or thoracic spine, thoracic region, t-spine, dorsal, dorsal spine, chest, upper back, mid back, middle back, ' +
      'грудной, грудной отдел, грудной отдел позвоночника, грудного, грудного отдела, грудного отдела позвоночника); ' +
      'lumbosacral (or lumbosacral spine, lumbosacral region, lumbar, lumbar spine, lumbar region, l-spine, sacral, lower back, low back, ' +
      'пояснично-крестцовый, пояснично-крестцовый отдел, пояснично-крестцовый отдел позвоночника, ' +
      'пояснично-крестцового, пояснично-крестцового отдела, пояснично-крестцового отдела позвоночника, ' +
      'поясничный, поясничный отдел, поясничный отдел позвоночника, поясничного, поясничного отдела, поясничного отдела позвоночника, ' +
      'крестцовый, поясница)';
    const messageOf = (input: unknown) => {
      const result = parseRegion(input);
      return result.ok ? undefined : result.issues[0]?.message;
    };
    const forty = 'k'.repeat(40);
    expect(messageOf(forty)).toBe(`"${forty}" is not a spinal region: expected ${accepted}`);
    expect(messageOf(`${forty}x`)).toBe(`"${forty}x" is not a spinal region: expected ${accepted}`);
    expect(messageOf(`${forty}xy`)).toBe(`"${forty}…" is not a spinal region: expected ${accepted}`);
    expect(messageOf(3)).toBe(`expected a region as a string (${accepted}), got the number 3`);
    expect(messageOf(true)).toBe(`expected a region as a string (${accepted}), got the boolean true`);
    expect(messageOf({})).toBe(`expected a region as a string (${accepted}), got a value of type object`);
    expect(messageOf(null)).toBe(`expected a region as a string (${accepted}), got null`);
    expect(messageOf(['lumbar'])).toBe(`expected a region as a string (${accepted}), got an array`);
  });

  test('never cuts a quoted word inside a character made of two UTF-16 units', () => {
    const result = parseRegion(`${'k'.repeat(39)}\u{1F9B4}tail`);
    const message = result.ok ? '' : (result.issues[0]?.message ?? '');
    expect(message.startsWith(`"${'k'.repeat(39)}…" is not a spinal region`)).toBe(true);
    const whole = parseRegion(`${'k'.repeat(38)}\u{1F9B4}tail`);
    expect(whole.ok ? '' : whole.issues[0]?.message.startsWith(`"${'k'.repeat(38)}\u{1F9B4}…"`)).toBe(true);
  });
});
