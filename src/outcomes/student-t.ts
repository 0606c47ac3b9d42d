// The two-sided 95% quantile of Student's t distribution, for confidence intervals of a mean.
// Computed, not tabled: the regularized incomplete beta function by its continued fraction
// (Lentz's method, as in Press et al., Numerical Recipes, 3rd ed., section 6.4) and bisection,
// so that every degree of freedom gets the quantile to double precision, with Math only.

/** ln Gamma(x) for x > 0, by the Lanczos approximation (g = 7, n = 9), good to about 15 digits. */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0] as number;
  for (let i = 1; i < 9; i++) sum += (c[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The continued fraction of the incomplete beta function I_x(a, b), by the modified Lentz method.
 * Lentz's method guards its denominators against an exact 0; with a = df / 2 >= 0.5, b = 1/2 and
 * x below (a + 1) / (a + b + 2), as here, the first is above 0 and none comes near it.
 */
function betaFraction(a: number, b: number, x: number): number {
  let c = 1;
  let d = 1 / (1 - ((a + b) * x) / (a + 1));
  let h = d;
  // Stryker disable next-line EqualityOperator: equivalent, the fraction converges in far fewer steps for these arguments
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const aa of [
      (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 / (1 + aa * d);
      c = 1 + aa / c;
      h *= d * c;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, stopping later changes no bit of the result
    if (Math.abs(d * c - 1) < 1e-16) break;
  }
  return h;
}

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: a mean's 95% interval is the
 * mean plus or minus this times the standard error. 12.706... for 1, 2.228... for 10, tending to
 * 1.959964 as `df` grows.
 */
export function tQuantile975(df: number): number {
  // P(|T| > t) = I_x(df / 2, 1 / 2) with x = df / (df + t^2): find the x where it is 0.05.
  const a = df / 2;
  const b = 0.5;
  const front = logGamma(a + b) - logGamma(a) - logGamma(b);
  const lowerTail = (x: number) =>
    (Math.exp(front + a * Math.log(x) + b * Math.log(1 - x)) * betaFraction(a, b, x)) / a;
  // The answer lies below (a + 1) / (a + b + 2), where the fraction converges: x < (df + 2) /
  // (df + 5) holds exactly when t^2 (df + 2) > 3 df, true for every t >= sqrt(3), and the 0.975
  // quantile is never below 1.96.
  let low = 0;
  let high = (a + 1) / (a + b + 2);
  // 100 halvings are more than double precision needs: the last ones change nothing.
  for (let i = 0; i < 100; i++) {
    const middle = (low + high) / 2;
    // Stryker disable next-line EqualityOperator: equivalent, the tail is never exactly 0.05 at a double
    if (lowerTail(middle) < 0.05) low = middle;
    else high = middle;
  }
  const x = (low + high) / 2;
  return Math.sqrt((df * (1 - x)) / x);
}
