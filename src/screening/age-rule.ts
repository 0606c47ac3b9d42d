import type { Rule } from './rule.js';
import { PROTOCOL_TITLE } from './sources.js';

/** Options for {@link ageRule}. */
export interface AgeRuleOptions {
  /** Contraindicated below this many completed years. Default 3, as in the source protocol. */
  readonly under?: number;
  /** Contraindicated above this many completed years (from the birthday after it). Default 75, as in the source protocol. */
  readonly over?: number;
}

/** The source protocol's age bounds (contraindication 1). */
export const PROTOCOL_AGE_BOUNDS: Readonly<Required<AgeRuleOptions>> = /* @__PURE__ */ Object.freeze({
  under: 3,
  over: 75,
});

/**
 * The age rule (source protocol, contraindication 1) with the bounds a clinic chooses. Ages are
 * in completed years: `under: 3` makes 2 years and 364 days contraindicated and 3 years not;
 * `over: 75` makes 76 contraindicated and 75 not. No guidance body sets an age cap (the
 * protocol's bounds match trial criteria), so the bounds are configurable. Other bounds make it
 * the rule set's own rule, adapted from the protocol's: its source still cites item 1, with a
 * note that gives both bounds, and explanations and cards say so. `extendProtocol({ age })` puts
 * it in place of the protocol's age rule.
 *
 * @param options - `under` and `over`, whole years.
 * @returns an absolute rule with id `'age'`.
 * @throws {RangeError} when a bound is not a whole number of years, is negative, or `over` is below `under`.
 * @example
 * const adults = ageRule({ under: 18, over: 80 });
 * adults.when; // => { type: 'age-outside', under: 18, over: 80 }
 * adults.source.note;
 * // => "the rule set's own bounds, under 18 or over 80 completed years; the protocol's are under 3 or over 75"
 * const adultsUpTo80 = extendProtocol({ id: 'clinic-adults', version: '1', rules: [], age: { under: 18, over: 80 } });
 * screen({ ageYears: 16 }, { ruleSet: adultsUpTo80 }).contraindications; // => ['age']
 */
export function ageRule(options: AgeRuleOptions = {}): Rule<'age'> {
  const under = options.under ?? PROTOCOL_AGE_BOUNDS.under;
  const over = options.over ?? PROTOCOL_AGE_BOUNDS.over;
  if (!Number.isInteger(under) || under < 0)
    throw new RangeError(`ageRule: under must be whole years >= 0, got ${under}`);
  if (!Number.isInteger(over) || over < under) {
    throw new RangeError(`ageRule: over must be whole years >= under (${under}), got ${over}`);
  }
  const changed = under !== PROTOCOL_AGE_BOUNDS.under || over !== PROTOCOL_AGE_BOUNDS.over;
  return Object.freeze({
    id: 'age',
    kind: 'absolute',
    when: Object.freeze({ type: 'age-outside', under, over }),
    source: Object.freeze({
      title: PROTOCOL_TITLE,
      section: 'Contraindications',
      item: 1,
      ...(changed
        ? {
            note: `the rule set's own bounds, under ${under} or over ${over} completed years; the protocol's are under ${PROTOCOL_AGE_BOUNDS.under} or over ${PROTOCOL_AGE_BOUNDS.over}`,
          }
        : {}),
    }),
  });
}
