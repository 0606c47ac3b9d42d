/**
 * A problem found in untrusted input: plain data, never an exception.
 *
 * @example
 * const issue: Issue = { code: 'invalid-type', path: ['pregnant'], message: 'expected a boolean' };
 */
export interface Issue {
  /** A stable, machine-readable code such as `'invalid-type'` or `'unknown-key'`. */
  readonly code: string;
  /** Where the bad value sits in the input, from the root: keys and array indices. */
  readonly path: readonly (string | number)[];
  /** A sentence for the developer or the log; not meant for patients. */
  readonly message: string;
}

/**
 * The outcome of parsing untrusted input: the value, or every issue found in it.
 *
 * @typeParam T - the type of a successfully parsed value.
 */
export type Result<T> = Ok<T> | Failure;

/** A successful {@link Result}. */
export interface Ok<T> {
  /** Always true: narrow on it. */
  readonly ok: true;
  /** The parsed value. */
  readonly value: T;
}

/** A failed {@link Result}. */
export interface Failure {
  /** Always false: narrow on it. */
  readonly ok: false;
  /** Every problem found, at least one. */
  readonly issues: readonly Issue[];
}

/** The most issues a failure lists; the rest are counted in one last `too-many-issues` issue. */
export const MAX_ISSUES = 100;

/** A frozen success. The value is frozen by whoever built it, as deeply as its type promises. */
export function ok<T>(value: T): Ok<T> {
  return Object.freeze({ ok: true, value });
}

/**
 * A frozen failure. At most {@link MAX_ISSUES} issues are listed, so that a huge bad input cannot
 * produce a huge answer; a last issue, `too-many-issues`, says how many more there were.
 */
export function fail(issues: readonly Issue[]): Failure {
  return failCounted(issues.slice(0, MAX_ISSUES), issues.length);
}

/**
 * A frozen failure for a reader that stopped making issues once it had listed enough (at most
 * {@link MAX_ISSUES}) and only counted the rest, so that a huge bad input costs a count rather
 * than an issue apiece. `found` is how many issues there were in all, listed or not; a last
 * `too-many-issues` issue says how many were not listed.
 */
export function failCounted(listed: readonly Issue[], found: number): Failure {
  const issues = listed.map(freezeIssue);
  if (found > listed.length) issues.push(tooMany(found - listed.length));
  return Object.freeze({ ok: false, issues: Object.freeze(issues) });
}

/** The issue that stands for the issues left out of a long list. */
export function tooMany(count: number): Issue {
  return issue(
    'too-many-issues',
    [],
    `${count} more ${count === 1 ? 'issue was' : 'issues were'} found and not listed`,
  );
}

export function issue(code: string, path: readonly (string | number)[], message: string): Issue {
  return Object.freeze({ code, path: Object.freeze([...path]), message });
}

function freezeIssue(found: Issue): Issue {
  return Object.isFrozen(found) && Object.isFrozen(found.path) ? found : issue(found.code, found.path, found.message);
}
