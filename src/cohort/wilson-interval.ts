/** A confidence interval for a proportion, both bounds within [0, 1]. */
export interface WilsonInterval {
  /** The lower bound. */
  readonly low: number;
  /** The upper bound. */
  readonly high: number;
}

/** The standard normal quantile for a two-sided 95% interval: the 0.975 quantile, to double precision. */
const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a binomial proportion (Wilson, J Am Stat Assoc 1927;22:209-12;
 * recommended over the Wald interval by Brown, Cai & DasGupta, Stat Sci 2001;16:101-33). It
 * stays within [0, 1] and is informative at 0 and at `n` successes, where the Wald interval
 * collapses to a point. With `n = 0` it is [0, 1], the limit of the formula: no data, every
 * proportion possible.
 *
 * @param successes - the count of records with the property, a whole number from 0 to `n`.
 * @param n - the count of records, a whole number.
 * @param z - the standard normal quantile; default 1.959963984540054, the 0.975 quantile, for a
 *   95% interval.
 * @returns `{ low, high }`; `low` is exactly 0 when `successes` is 0 and `high` exactly 1 when
 *   `successes` is `n`.
 * @throws {RangeError} when `n` or `successes` is not a whole number, `successes` is outside
 *   0..`n`, or `z` is not a positive finite number.
 * @example
 * wilsonInterval(5, 10); // => { low: 0.2365930..., high: 0.7634069... }
 * wilsonInterval(0, 10); // => { low: 0, high: 0.2775327... }
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): WilsonInterval {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`wilsonInterval: n must be a whole number, got ${n}`);
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: successes must be a whole number from 0 to n (${n}), got ${successes}`);
  }
  if (!(typeof z === 'number' && z > 0 && z < Number.POSITIVE_INFINITY)) {
    throw new RangeError(`wilsonInterval: z must be a positive finite number, got ${z}`);
  }
  // Stryker disable next-line ConditionalExpression: equivalent, with n = 0 the ends below are exact anyway (0 successes gives 0, n successes gives 1)
  if (n === 0) return { low: 0, high: 1 };
  const z2 = z * z;
  const denominator = n + z2;
  const centre = (successes + z2 / 2) / denominator;
  // Written with counts rather than p = successes / n, so that 0 and n successes give the exact
  // bounds 0 and 1 below instead of a rounding error away from them.
  const halfWidth = (z / denominator) * Math.sqrt((successes * (n - successes)) / n + z2 / 4);
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
