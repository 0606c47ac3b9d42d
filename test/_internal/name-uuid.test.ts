import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { nameUuid } from '../../src/_internal/name-uuid.js';

const LAYOUT = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('nameUuid', () => {
  it('is a version 8 UUID of the RFC 9562 variant, the same for the same names', () => {
    const uuid = nameUuid(['acuspine-screening-order-sign', 'hook-1', 'card', '0']);
    expect(uuid).toMatch(LAYOUT);
    // Pinned: an audit log matches the uuids of a card across versions of the library.
    expect(uuid).toBe('62533cef-501d-88db-b7b6-9d3c548ab955');
    expect(nameUuid([])).toBe('65a875f1-f295-8eeb-90d6-74835a2ddf21');
    expect(nameUuid(['acuspine-screening-order-sign', 'hook-1', 'card', '0'])).toBe(uuid);
  });

  it('tells names apart by where they split, and by order', () => {
    expect(nameUuid(['ab', 'c'])).not.toBe(nameUuid(['a', 'bc']));
    expect(nameUuid(['a', 'b'])).not.toBe(nameUuid(['b', 'a']));
    expect(nameUuid([])).not.toBe(nameUuid(['']));
  });

  test.prop([fc.array(fc.string(), { maxLength: 5 }), fc.array(fc.string(), { maxLength: 5 })])(
    'gives distinct lists distinct UUIDs, and always the layout',
    (a, b) => {
      expect(nameUuid(a)).toMatch(LAYOUT);
      if (JSON.stringify(a) !== JSON.stringify(b)) expect(nameUuid(a)).not.toBe(nameUuid(b));
    },
  );

  it('spreads one changed character over the whole UUID', () => {
    const a = nameUuid(['hook', 'card', '0']).replaceAll('-', '');
    const b = nameUuid(['hook', 'card', '1']).replaceAll('-', '');
    const same = [...a].filter((digit, i) => digit === b[i]).length;
    // Two unrelated 32-digit strings share about 2 digits; far more would mean a weak mix.
    expect(same).toBeLessThan(10);
  });
});
