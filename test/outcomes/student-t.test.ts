import { describe, expect, test } from 'vitest';
import { tQuantile975 } from '../../src/outcomes/student-t.js';

describe('tQuantile975', () => {
  // R: qt(0.975, df), printed with 15 significant digits.
  test.each([
    [1, 12.7062047361747],
    [2, 4.30265272974946],
    [3, 3.18244630528371],
    [4, 2.77644510519779],
    [5, 2.57058183563631],
    [10, 2.22813885198627],
    [30, 2.04227245630124],
    [100, 1.98397151852355],
    [1000, 1.96233908082641],
  ])('df %i gives %f', (df, expected) => {
    expect(Math.abs(tQuantile975(df) - expected)).toBeLessThan(1e-12);
  });

  test('tends to the normal quantile from above as df grows', () => {
    // z + (z^3 + z) / (4 df), the first term of the Cornish-Fisher expansion, for df = 10^6.
    const z = 1.959963984540054;
    expect(tQuantile975(1e6)).toBeCloseTo(z + (z ** 3 + z) / 4e6, 8);
    expect(tQuantile975(1e6)).toBeGreaterThan(z);
  });
});
