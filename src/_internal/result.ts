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

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function fail(issues: readonly Issue[]): Failure {
  return { ok: false, issues };
}

export function issue(code: string, path: readonly (string | number)[], message: string): Issue {
  return { code, path, message };
}
