import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseRegion, spinalRegions } from '../../src/index.js';

describe('parseRegion properties', () => {
  test.prop([fc.anything()])('never throws, and returns a region or at least one issue', (value) => {
    const result = parseRegion(value);
    if (result.ok) expect(spinalRegions).toContain(result.value);
    else expect(result.issues.length).toBeGreaterThan(0);
  });

  test.prop([fc.constantFrom(...spinalRegions), fc.array(fc.constantFrom(' ', '-', '_'), { maxLength: 3 })])(
    'case and separators around a region id do not matter',
    (region, separators) => {
      const noisy = `${separators.join('')}${region.toUpperCase()}${separators.join('')}`;
      expect(parseRegion(noisy)).toEqual({ ok: true, value: region });
    },
  );
});
