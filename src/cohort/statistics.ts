// What summarizeCohort and mergeSummaries share: plain counts in, frozen statistics out. Both
// build every summary through statisticsOf, so equal counts always give deep-equal summaries,
// which is what makes the merge of a split equal to the summary of the whole.
import { factNames } from '../facts/patient-facts.js';
import type { RuleKind } from '../screening/rule.js';
import type { RuleSetRef, ScreeningStatus } from '../screening/screening.js';
import { screeningStatuses } from '../screening/screening.js';
import type { CohortStatistics, Proportion, RuleCounts, RuleProportions } from './cohort-summary.js';
import { wilsonInterval } from './wilson-interval.js';

/** Exact counts of a cohort or group; each map lists its keys in output order (missing is sorted later). */
export interface Counts {
  total: number;
  invalid: number;
  /** In `screeningStatuses` order. */
  readonly status: number[];
  /** Rule id -> its kind and [present, absent, unknown]. */
  readonly rules: Map<string, RuleTally>;
  /** Fact name -> records missing it. */
  readonly missing: Map<string, number>;
  /**
   * The facts that are not shipped ones to list first after the shipped ones, in this order (a
   * rule set's own, in declaration order), or undefined when no order is known; any other fact
   * follows in code-unit order.
   */
  leading: readonly string[] | undefined;
  /** `${id}\u0000${version}` -> the reference. */
  readonly ruleSets: Map<string, RuleSetRef>;
}

/** A rule's kind and its outcome counts. */
export interface RuleTally {
  readonly kind: RuleKind;
  /** [present, absent, unknown]. */
  readonly outcomes: [number, number, number];
}

/** The kinds of rule, to check a kind read from a screening or a summary. */
export const ruleKinds: readonly RuleKind[] = /* @__PURE__ */ Object.freeze(['absolute', 'relative', 'referral']);

export function emptyCounts(): Counts {
  return {
    total: 0,
    invalid: 0,
    status: screeningStatuses.map(() => 0),
    rules: new Map(),
    missing: new Map(),
    leading: undefined,
    ruleSets: new Map(),
  };
}

export function ruleSetKey(ref: RuleSetRef): string {
  return `${ref.id}\u0000${ref.version}`;
}

/* @__NO_SIDE_EFFECTS__ */
const indexFacts = (): ReadonlyMap<string, number> => new Map(factNames.map((fact, index) => [fact, index]));

const factOrder = /* @__PURE__ */ indexFacts();

export function statisticsOf(counts: Counts): CohortStatistics<string, string> {
  const { total, invalid } = counts;
  const screened = total - invalid;
  const byStatus: Record<string, number> = {};
  const statusProportions: Record<string, Proportion> = {};
  screeningStatuses.forEach((status: ScreeningStatus, s) => {
    const count = counts.status[s] as number;
    define(byStatus, status, count);
    define(statusProportions, status, proportion(count, screened));
  });
  const byRule: Record<string, RuleCounts> = {};
  const ruleProportions: Record<string, RuleProportions> = {};
  for (const [id, { kind, outcomes }] of counts.rules) {
    const [present, absent, unknown] = outcomes;
    define(byRule, id, Object.freeze({ kind, present, absent, unknown }));
    define(
      ruleProportions,
      id,
      Object.freeze({
        present: proportion(present, screened),
        absent: proportion(absent, screened),
        unknown: proportion(unknown, screened),
      }),
    );
  }
  const missing: Record<string, number> = {};
  const missingProportions: Record<string, Proportion> = {};
  // Shipped facts first, in factNames order; then the leading facts (never shipped ones, each
  // once) in their order; then the rest.
  const order = new Map(factOrder);
  counts.leading?.forEach((fact) => {
    order.set(fact, order.size);
  });
  const facts = [...counts.missing.keys()].sort(
    (a, b) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size) || compareText(a, b),
  );
  for (const fact of facts) {
    const count = counts.missing.get(fact) as number;
    define(missing, fact, count);
    define(missingProportions, fact, proportion(count, screened));
  }
  const ruleSets = [...counts.ruleSets.values()]
    .sort((a, b) => compareText(a.id, b.id) || compareText(a.version, b.version))
    .map((ref) => Object.freeze({ id: ref.id, version: ref.version }));
  return Object.freeze({
    total,
    screened,
    invalid,
    byStatus: Object.freeze(byStatus) as CohortStatistics<string, string>['byStatus'],
    byRule: Object.freeze(byRule),
    missing: Object.freeze(missing),
    ruleSets: Object.freeze(ruleSets),
    proportions: Object.freeze({
      screened: proportion(screened, total),
      invalid: proportion(invalid, total),
      byStatus: Object.freeze(statusProportions) as CohortStatistics<string, string>['proportions']['byStatus'],
      byRule: Object.freeze(ruleProportions),
      missing: Object.freeze(missingProportions),
    }),
  });
}

export function proportion(count: number, n: number): Proportion {
  const { low, high } = wilsonInterval(count, n);
  return Object.freeze({ count, n, p: n === 0 ? null : count / n, low, high });
}

/**
 * Sets an own property even for keys such as `__proto__`, which plain assignment would not, and
 * calls no setter that a polluted Object.prototype holds.
 */
export function define<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    // Stryker disable next-line BooleanLiteral: equivalent, every object built with define is frozen right after
    writable: true,
    // Stryker disable next-line BooleanLiteral: equivalent, every object built with define is frozen right after
    configurable: true,
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const RUNS = /\d+|\D+/g;

/**
 * Natural order for group keys: digit runs compare as numbers ('5-17' before '18-39'), other
 * runs by code unit, so the order is the same on every machine and locale.
 */
export function naturalCompare(a: string, b: string): number {
  const left = a.match(RUNS) ?? [];
  const right = b.match(RUNS) ?? [];
  for (let i = 0; i < left.length && i < right.length; i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    if (x === y) continue;
    const xDigits = x.charCodeAt(0) <= 57 && x.charCodeAt(0) >= 48;
    const yDigits = y.charCodeAt(0) <= 57 && y.charCodeAt(0) >= 48;
    if (xDigits && yDigits) {
      const xs = x.replace(/^0+(?=\d)/, '');
      const ys = y.replace(/^0+(?=\d)/, '');
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return compareText(xs, ys);
    }
    return compareText(x, y);
  }
  // Stryker disable next-line LogicalOperator: equivalent, the loop ends here only when a is a prefix of b or b of a, and then both give the same sign
  return left.length - right.length || compareText(a, b);
}
