import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/index.js';

const rounded = ({ low, high }: { low: number; high: number }) => [Number(low.toFixed(4)), Number(high.toFixed(4))];

describe('wilsonInterval', () => {
  // 95% Wilson intervals for n = 10 to 4 decimals, as R's prop.test(x, 10, correct = FALSE)
  // reports them (prop.test without continuity correction is the Wilson score interval).
  it('gives [0, 0.2775] for 0 of 10', () => {
    expect(rounded(wilsonInterval(0, 10))).toEqual([0, 0.2775]);
  });

  it('gives [0.2366, 0.7634] for 5 of 10', () => {
    expect(rounded(wilsonInterval(5, 10))).toEqual([0.2366, 0.7634]);
  });

  it('gives [0.7225, 1] for 10 of 10', () => {
    expect(rounded(wilsonInterval(10, 10))).toEqual([0.7225, 1]);
  });

  it('gives [0.0179, 0.4042] for 1 of 10 and [0.5958, 0.9821] for 9 of 10', () => {
    expect(rounded(wilsonInterval(1, 10))).toEqual([0.0179, 0.4042]);
    expect(rounded(wilsonInterval(9, 10))).toEqual([0.5958, 0.9821]);
  });

  // The test cases of Code Golf Stack Exchange question 105389, "Compute the Wilson score
  // interval", with z = 1.96, given as successes, failures => lower, upper.
  it.each([
    [0, 1, 0, 0.7934567085261071],
    [1, 0, 0.20654329147389294, 1],
    [1, 1, 0.09452865480086611, 0.905471345199134],
    [1, 10, 0.016231752262825982, 0.3773646254862038],
    [10, 90, 0.05522854161313612, 0.1743673043676654],
    [25, 75, 0.17545094003724265, 0.3430464637007583],
    [50, 50, 0.40382982859014716, 0.5961701714098528],
    [0, 100, 0, 0.03699480747600191],
    [100, 0, 0.9630051925239981, 1],
  ])('gives the published bounds for %i successes and %i failures at z = 1.96', (successes, failures, low, high) => {
    const interval = wilsonInterval(successes, successes + failures, 1.96);
    expect(interval.low).toBeCloseTo(low, 12);
    expect(interval.high).toBeCloseTo(high, 12);
  });

  it('gives the exact bounds 0 and 1 at 0 and n successes, not a rounding error away', () => {
    expect(wilsonInterval(0, 1_000_003).low).toBe(0);
    expect(wilsonInterval(1_000_003, 1_000_003).high).toBe(1);
  });

  it('is [0, 1] when there are no records', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('uses z = 1.959963984540054 by default and accepts another z', () => {
    expect(wilsonInterval(3, 20)).toEqual(wilsonInterval(3, 20, 1.959963984540054));
    const ninety = wilsonInterval(3, 20, 1.6448536269514722);
    const ninetyFive = wilsonInterval(3, 20);
    expect(ninety.low).toBeGreaterThan(ninetyFive.low);
    expect(ninety.high).toBeLessThan(ninetyFive.high);
  });

  it('narrows as n grows at the same proportion', () => {
    const small = wilsonInterval(10, 100);
    const large = wilsonInterval(1000, 10_000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });

  it('throws a RangeError for counts that are not whole, negative, or above n, and for a bad z', () => {
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(0, -1)).toThrow(RangeError);
    expect(() => wilsonInterval(0, Number.NaN)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('wilsonInterval: misuse', () => {
  it.each([
    [[0, -1], 'wilsonInterval: n must be a whole number, got -1'],
    [[0, 2.5], 'wilsonInterval: n must be a whole number, got 2.5'],
    [[3, 2], 'wilsonInterval: successes must be a whole number from 0 to n (2), got 3'],
    [[-1, 2], 'wilsonInterval: successes must be a whole number from 0 to n (2), got -1'],
    [[1, 2, 0], 'wilsonInterval: z must be a positive finite number, got 0'],
    [[1, 2, Number.POSITIVE_INFINITY], 'wilsonInterval: z must be a positive finite number, got Infinity'],
    [[1, 2, '1.96'], 'wilsonInterval: z must be a positive finite number, got 1.96'],
  ] as const)('wilsonInterval(%j) throws a RangeError naming the argument', (args, message) => {
    expect(() => (wilsonInterval as (...values: unknown[]) => unknown)(...args)).toThrow(new RangeError(message));
  });

  it('gives the whole interval [0, 1] for no trials', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
