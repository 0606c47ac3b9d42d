import { prototypesOf, readProperty } from '../_internal/read-property.js';
import {
  type Failure,
  fail,
  failCounted,
  type Issue,
  issue,
  MAX_ISSUES,
  ok,
  type Result,
} from '../_internal/result.js';
import { describeValue } from '../_internal/text.js';
import type { RuleSet } from '../screening/rule.js';
import { customFactNamesOf } from './custom-fact-names.js';
import {
  type FactName,
  factNames,
  isFactName,
  MAX_AGE_YEARS,
  type PatientFacts,
  type PatientFactsWith,
} from './patient-facts.js';

const FORBIDDEN_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['__proto__', 'constructor', 'prototype']);

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Options for {@link parsePatientFacts}. */
export interface ParsePatientFactsOptions<Fact extends string = never> {
  /**
   * A rule set whose own facts the input may hold too, validated as booleans like the shipped
   * ones. Keys that are neither shipped facts nor the set's own are still refused.
   */
  readonly ruleSet?: RuleSet<string, Fact> | undefined;
}

/**
 * Validates untrusted input (a form, a JSON body, a database row) as {@link PatientFacts}.
 * Never throws. Strict: an unknown key is an issue, so that a typo such as `pregnancy: true`
 * cannot pass as "not recorded". `null` and `undefined` are accepted as "not recorded" and left
 * out of the returned value, which holds only the recorded facts, in a new, frozen object.
 *
 * It reads the facts that `screen` reads: the input's own properties, enumerable or not,
 * and the getters of a class instance's prototype, never a property of `Object.prototype`. The
 * unknown keys it reports are the input's own enumerable keys (those that JSON, spreading and
 * `Object.keys` see). A Map, Set, Date, typed array or other built-in object keeps its data out
 * of its properties, so it is refused as `not-an-object`; a class instance or an object without
 * a prototype is read.
 *
 * @param input - any value.
 * @param options - `ruleSet`, to accept and validate that set's own facts as well.
 * @throws {TypeError} only when `options` is not an object, or `options.ruleSet` has a `facts`
 *   field that is not an object of fact definitions.
 * @returns a frozen `{ ok: true, value }` with the recorded facts, or a frozen
 *   `{ ok: false, issues }` listing every problem with its path: the first 100, then one
 *   `too-many-issues` issue that counts the rest. Issue codes: `not-an-object`, `unknown-key`,
 *   `forbidden-key`, `invalid-type`, `out-of-range`, `unreadable`, `too-many-issues`.
 * @example
 * parsePatientFacts({ ageYears: 40, pregnant: null });
 * // => { ok: true, value: { ageYears: 40 } }
 * parsePatientFacts({ pregnancy: true }).ok;
 * // => false (issue 'unknown-key' at ['pregnancy'])
 * parsePatientFacts({ recentSpinalSurgery: false }, { ruleSet: clinicRuleSet });
 * // => { ok: true, value: { recentSpinalSurgery: false } } (a fact the clinic's set declares)
 */
export function parsePatientFacts<Fact extends string = never>(
  input: unknown,
  options?: ParsePatientFactsOptions<Fact>,
): Result<PatientFactsWith<Fact>> {
  const ownFacts = customFactNamesOf(options, 'parsePatientFacts');
  if (typeof input !== 'object' || input === null) return notFacts(describeValue(input));
  let builtIn: string | undefined;
  try {
    // Inside the try: Array.isArray throws on a revoked Proxy, and a prototype may be a proxy.
    if (Array.isArray(input)) return notFacts('an array');
    builtIn = builtInClass(prototypesOf(input));
  } catch {
    return fail([issue('unreadable', [], 'the input could not be read')]);
  }
  if (builtIn !== undefined) return notFacts(`a built-in ${builtIn}`);
  let keys: string[];
  try {
    keys = Object.keys(input);
  } catch {
    return fail([issue('unreadable', [], 'the keys of the input could not be read')]);
  }
  const issues: Issue[] = [];
  let found = 0;
  // Lists the first MAX_ISSUES issues and only counts the rest: a million unknown keys cost a count.
  const report = (code: string, key: string, message: string): void => {
    if (found++ < MAX_ISSUES) issues.push(issue(code, [key], message));
  };
  // Without a prototype, so that no setter a polluted Object.prototype holds is called.
  const value: Writable<PatientFacts> & Record<string, boolean> = Object.create(null);
  const readOne = (name: string): void => {
    let raw: unknown;
    try {
      raw = readProperty(input, name);
    } catch {
      report('unreadable', name, `the value of "${name}" could not be read`);
      return;
    }
    if (raw === null || raw === undefined) return;
    if (name === 'ageYears') {
      if (typeof raw !== 'number') {
        report('invalid-type', name, `expected a number of years, got ${describeValue(raw)}`);
      } else if (!(raw >= 0 && raw < MAX_AGE_YEARS)) {
        report('out-of-range', name, `expected a finite age from 0 to below ${MAX_AGE_YEARS}, got ${String(raw)}`);
      } else {
        value.ageYears = raw;
      }
    } else if (typeof raw !== 'boolean') {
      report('invalid-type', name, `expected true or false, got ${describeValue(raw)}`);
    } else {
      value[name as Exclude<FactName, 'ageYears'>] = raw;
    }
  };
  // The own enumerable keys first, in their order, so that the issues of a JSON body follow it.
  const seen = new Set<string>();
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) {
      report('forbidden-key', key, `the key "${key}" is not allowed`);
    } else if (isFactName(key) || ownFacts.includes(key)) {
      seen.add(key);
      readOne(key);
    } else {
      report(
        'unknown-key',
        key,
        ownFacts.length === 0
          ? `"${key}" is not a patient fact`
          : `"${key}" is not a patient fact, nor a fact of the rule set`,
      );
    }
  }
  // Then the facts the keys leave out: own non-enumerable properties and a class's getters.
  for (const name of factNames) if (!seen.has(name)) readOne(name);
  for (const name of ownFacts) if (!seen.has(name)) readOne(name);
  // Spreading defines properties (it calls no setter), into a plain object.
  return found > 0 ? failCounted(issues, found) : ok(Object.freeze({ ...value }) as PatientFactsWith<Fact>);
}

function notFacts(got: string): Failure {
  return fail([issue('not-an-object', [], `expected an object of patient facts, got ${got}`)]);
}

const sourceOf = Function.prototype.toString;

/**
 * The name of the first built-in class among `prototypes` (Map, Date, Uint8Array, Promise, or a
 * host's, such as FormData), whose instances keep their data out of their properties, so that
 * reading them as facts would find none. A class's prototype is not one, and neither is another
 * realm's Object.prototype, which a plain object from an iframe or a `vm` context inherits from.
 */
function builtInClass(prototypes: readonly object[]): string | undefined {
  for (const prototype of prototypes) {
    const maker: unknown = (prototype as { constructor?: unknown }).constructor;
    if (typeof maker === 'function' && sourceOf.call(maker).includes('[native code]')) {
      if (maker.name !== 'Object') return maker.name;
    }
  }
  return undefined;
}
