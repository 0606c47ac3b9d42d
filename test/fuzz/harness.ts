// The shared checks of the fuzz tests (npm run fuzz): every function that takes untrusted data
// gets hostile values and must never throw, never mutate its input and never write to a
// built-in prototype. FUZZ_RUNS sets the number of runs: 10,000 under `npm run fuzz`
// (the fuzz project of vitest.config.ts), fewer in `npm test` so that the suite stays quick.
import fc from 'fast-check';
import { expect } from 'vitest';
import { factNames, protocolFactNames } from '../../src/index.js';

/** Runs per property: FUZZ_RUNS when set (npm run fuzz sets 10,000), else 100. */
export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 100);

/** The options of every fuzz property: the run count. */
export const fuzzParameters = { numRuns: FUZZ_RUNS } as const;

/** Keys an attacker or a typo would send, mixed with the fact names and ordinary strings. */
/** A fact that the fuzzed clinic's rule set declares itself. */
export const CLINIC_FACT = 'recentSpinalSurgery';

export const hostileKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...factNames, CLINIC_FACT) },
  { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Any value, including the odd ones JSON never holds (boxed values, Maps, typed arrays, null prototypes). */
export const anyValue = fc.anything({
  key: hostileKey,
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
});

/**
 * A JSON body as a server receives it: parsed with JSON.parse, so a `"__proto__"` key is an own
 * property, the classic carrier of prototype pollution.
 */
export const parsedJson = fc
  .record({
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    inner: fc.jsonValue({ maxDepth: 2 }),
    rest: fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
  })
  .map(({ key, inner, rest }): unknown => {
    const fields = [`${JSON.stringify(key)}:${JSON.stringify({ polluted: inner })}`];
    const restText = JSON.stringify(rest).slice(1, -1);
    if (restText !== '') fields.push(restText);
    return JSON.parse(`{${fields.join(',')}}`);
  });

/** Patient-facts-like records: fact keys holding right, wrong or hostile values, keys possibly absent. */
export const factsLike = fc.dictionary(
  hostileKey,
  fc.oneof(
    { weight: 4, arbitrary: fc.boolean() },
    { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
    { weight: 2, arbitrary: fc.double({ min: -5, max: 200, noNaN: false }) },
    { weight: 1, arbitrary: anyValue },
  ),
  { maxKeys: 16 },
);

/** Anything a caller could pass where patient facts are expected. */
export const untrustedFacts = fc.oneof(
  { weight: 5, arbitrary: factsLike },
  { weight: 2, arbitrary: anyValue },
  { weight: 1, arbitrary: parsedJson },
);

/**
 * True when the record holds a valid value for every fact the source protocol reads, read as
 * `screen` reads them (plain property reads). A getter that throws counts as no value.
 */
export function hasEveryProtocolFact(record: unknown): boolean {
  if (typeof record !== 'object' || record === null) return false;
  try {
    return protocolFactNames.every((name) => {
      const value: unknown = (record as Record<string, unknown>)[name];
      return name === 'ageYears' ? typeof value === 'number' && value >= 0 && value < 150 : typeof value === 'boolean';
    });
  } catch {
    return false;
  }
}

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];

/** What a built-in prototype holds: every own key and the value or accessors behind it. */
function prototypeState(): unknown[] {
  return prototypes.map((prototype) =>
    Reflect.ownKeys(prototype).map((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      return [key, descriptor?.value, descriptor?.get, descriptor?.set];
    }),
  );
}

/** A copy to compare the input with afterwards; undefined for what cannot be cloned (then the check is skipped). */
function snapshot(value: unknown): { readonly value: unknown } | undefined {
  try {
    return { value: structuredClone(value) };
  } catch {
    return undefined;
  }
}

/**
 * Calls `run(input)` and checks what must hold for any input: it returns (never throws), the
 * input is deep-equal to a copy taken before the call, and no built-in prototype changed; a
 * fresh object inherits no enumerable key. Returns what `run` returned.
 */
export function callUntrusted<T>(input: unknown, run: (input: unknown) => T): T {
  const before = snapshot(input);
  const prototypesBefore = prototypeState();
  let result: T;
  try {
    result = run(input);
  } catch (error) {
    throw new Error(`threw on untrusted input: ${String(error)}`);
  }
  expect(prototypeState()).toEqual(prototypesBefore);
  const sentinel: Record<string, unknown> = {};
  for (const key in sentinel) throw new Error(`a fresh object inherits the enumerable key "${key}"`);
  expect(sentinel['polluted']).toBeUndefined();
  if (before !== undefined) expect(input).toEqual(before.value);
  return result;
}

/** The async twin of {@link callUntrusted}, for functions that return a Promise. */
export async function callUntrustedAsync<T>(input: unknown, run: (input: unknown) => Promise<T>): Promise<T> {
  const before = snapshot(input);
  const prototypesBefore = prototypeState();
  let result: T;
  try {
    result = await run(input);
  } catch (error) {
    throw new Error(`rejected on untrusted input: ${String(error)}`);
  }
  expect(prototypeState()).toEqual(prototypesBefore);
  const sentinel: Record<string, unknown> = {};
  for (const key in sentinel) throw new Error(`a fresh object inherits the enumerable key "${key}"`);
  expect(sentinel['polluted']).toBeUndefined();
  if (before !== undefined) expect(input).toEqual(before.value);
  return result;
}
