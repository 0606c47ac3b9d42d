import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import { isFactName, MAX_AGE_YEARS, type PatientFacts } from './patient-facts.js';

const FORBIDDEN_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['__proto__', 'constructor', 'prototype']);

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Validates untrusted input (a form, a JSON body, a database row) as {@link PatientFacts}.
 * Never throws. Strict: an unknown key is an issue, so that a typo such as `pregnancy: true`
 * cannot pass as "not recorded". `null` and `undefined` are accepted as "not recorded" and left
 * out of the returned value, which holds only the recorded facts, in a new object.
 *
 * @param input - any value.
 * @returns `{ ok: true, value }` with the recorded facts, or `{ ok: false, issues }` listing
 *   every problem with its path. Issue codes: `not-an-object`, `unknown-key`, `forbidden-key`,
 *   `invalid-type`, `out-of-range`, `unreadable`.
 * @example
 * parsePatientFacts({ ageYears: 40, pregnant: null });
 * // => { ok: true, value: { ageYears: 40 } }
 * parsePatientFacts({ pregnancy: true }).ok;
 * // => false (issue 'unknown-key' at ['pregnancy'])
 */
export function parsePatientFacts(input: unknown): Result<PatientFacts> {
  if (typeof input !== 'object' || input === null) {
    return fail([issue('not-an-object', [], `expected an object of patient facts, got ${describe(input)}`)]);
  }
  const issues: Issue[] = [];
  const value: Writable<PatientFacts> = {};
  let keys: string[];
  try {
    // Inside the try: Array.isArray throws on a revoked Proxy.
    if (Array.isArray(input)) {
      return fail([issue('not-an-object', [], 'expected an object of patient facts, got an array')]);
    }
    keys = Object.keys(input);
  } catch {
    return fail([issue('unreadable', [], 'the keys of the input could not be read')]);
  }
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) {
      issues.push(issue('forbidden-key', [key], `the key "${key}" is not allowed`));
      continue;
    }
    if (!isFactName(key)) {
      issues.push(issue('unknown-key', [key], `"${key}" is not a patient fact`));
      continue;
    }
    let raw: unknown;
    try {
      raw = (input as Record<string, unknown>)[key];
    } catch {
      issues.push(issue('unreadable', [key], `the value of "${key}" could not be read`));
      continue;
    }
    if (raw === null || raw === undefined) continue;
    if (key === 'ageYears') {
      if (typeof raw !== 'number') {
        issues.push(issue('invalid-type', [key], `expected a number of years, got ${describe(raw)}`));
      } else if (!(raw >= 0 && raw < MAX_AGE_YEARS)) {
        issues.push(
          issue('out-of-range', [key], `expected a finite age from 0 to below ${MAX_AGE_YEARS}, got ${String(raw)}`),
        );
      } else {
        value.ageYears = raw;
      }
    } else if (typeof raw !== 'boolean') {
      issues.push(issue('invalid-type', [key], `expected true or false, got ${describe(raw)}`));
    } else {
      value[key] = raw;
    }
  }
  return issues.length > 0 ? fail(issues) : ok(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  return `a value of type ${typeof value}`;
}
