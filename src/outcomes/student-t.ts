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

/** The continued fraction of the incomplete beta function, evaluated by the modified Lentz method. */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b), for 0 <= x <= 1. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast on one side of the mean of the beta distribution; use symmetry on the other.
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: a mean's 95% interval is the
 * mean plus or minus this times the standard error. 12.706... for 1, 2.228... for 10, tending to
 * 1.959964 as `df` grows.
 */
export function tQuantile975(df: number): number {
  // P(|T| > t) = I_x(df / 2, 1 / 2) with x = df / (df + t^2): find the x where it is 0.05.
  let low = 0;
  let high = 1;
  for (let i = 0; i < 200 && high - low > 1e-17; i++) {
    const middle = (low + high) / 2;
    if (incompleteBeta(middle, df / 2, 0.5) < 0.05) low = middle;
    else high = middle;
  }
  const x = (low + high) / 2;
  return Math.sqrt((df * (1 - x)) / x);
}
