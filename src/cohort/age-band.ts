import { MAX_AGE_YEARS } from '../facts/patient-facts.js';

interface CompiledBands {
  /** A copy of the bounds, to notice a bands array changed since it was compiled. */
  readonly bounds: readonly number[];
  readonly labels: readonly string[];
  readonly below: string;
}

const compiled = /* @__PURE__ */ new WeakMap<readonly number[], CompiledBands>();

/**
 * The age band of an age, for grouping a cohort (`groupBy`). The bands are given by their lower
 * bounds, ascending whole years; each band runs to the year before the next bound, and the last
 * is open. Ages are taken in completed years (the floor), as the age rule takes them.
 *
 * Labels: `'<lo>-<hi>'` for a closed band (`'18-39'`), `'<lo>'` for a band of one year
 * (`'17'`), `'<lo>+'` for the last band (`'76+'`), `'<first'` for an age below the first bound
 * (`'<18'` with bands starting at 18), and `'unknown'` when the age is `null`, `undefined`, or
 * not a valid age (a non-number, `NaN`, negative, or from `MAX_AGE_YEARS` up). Hoist the bands
 * array to a constant: the labels are computed once per array.
 *
 * @param ageYears - an age in years, e.g. `entry.facts.ageYears`; any value is accepted.
 * @param bands - ascending lower bounds in whole years, e.g. `[0, 18, 40, 65, 76]`.
 * @returns the band's label.
 * @throws {RangeError} when `bands` is empty, or holds a value that is not a whole number of
 *   years from 0, or is not strictly ascending.
 * @example
 * const bands = [0, 18, 40, 65, 76];
 * ageBand(17.9, bands); // => '0-17'
 * ageBand(75, bands); // => '65-75'
 * ageBand(76, bands); // => '76+'
 * ageBand(undefined, bands); // => 'unknown'
 * ageBand(12, [18, 65]); // => '<18'
 */
export function ageBand(ageYears: unknown, bands: readonly number[]): string {
  let table = compiled.get(bands);
  // Stryker disable next-line ConditionalExpression: equivalent, compiling the bands again gives the same table; the cache only saves the work
  if (table === undefined || !sameBounds(table.bounds, bands)) {
    table = compile(bands);
    compiled.set(bands, table);
  }
  if (typeof ageYears !== 'number' || !(ageYears >= 0 && ageYears < MAX_AGE_YEARS)) return 'unknown';
  const completed = Math.floor(ageYears);
  const bounds = table.bounds;
  if (completed < (bounds[0] as number)) return table.below;
  let band = bounds.length - 1;
  while (completed < (bounds[band] as number)) band--;
  return table.labels[band] as string;
}

// A false answer only compiles the same bands again, so a mutant that answers false more often is
// equivalent. Stryker disables by mutator and line, which also hides the variants that answer true
// for changed bands; those were killed, without these comments, by the tests of a bands array
// changed in place (grown, one bound changed, every bound changed).
// Stryker disable next-line BlockStatement: equivalent, an empty body answers undefined, read as false
function sameBounds(a: readonly number[], b: readonly number[]): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent for the variant that always answers false
  if (a.length !== b.length) return false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for `i <= a.length` (both sides read undefined) and for always answering false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  // Stryker disable next-line BooleanLiteral: equivalent, answering false compiles the same bands again
  return true;
}

function compile(bands: readonly number[]): CompiledBands {
  if (!Array.isArray(bands) || bands.length === 0) {
    throw new RangeError('ageBand: bands must be a non-empty array of ascending lower bounds in whole years');
  }
  const bounds = [...bands];
  bounds.forEach((bound, i) => {
    if (!Number.isSafeInteger(bound) || bound < 0) {
      throw new RangeError(`ageBand: bands[${i}] must be a whole number of years >= 0, got ${String(bound)}`);
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for i > 0 itself, bounds[-1] is undefined and no bound is <= undefined
    if (i > 0 && bound <= (bounds[i - 1] as number)) {
      throw new RangeError(
        `ageBand: bands must be strictly ascending, but bands[${i}] is ${bound} after ${bounds[i - 1]}`,
      );
    }
  });
  const labels = bounds.map((low, i) => {
    const next = bounds[i + 1];
    if (next === undefined) return `${low}+`;
    return next - 1 === low ? `${low}` : `${low}-${next - 1}`;
  });
  return Object.freeze({ bounds: Object.freeze(bounds), labels: Object.freeze(labels), below: `<${bounds[0]}` });
}
