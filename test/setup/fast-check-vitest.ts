// A small stand-in for @fast-check/vitest, used by the mutation runs only (their projects in
// vitest.config.ts alias the package to this file). The tests use `test.prop(arbitraries, params)(name, fn)` and
// `fc`; this gives both on plain vitest. Why: @fast-check/vitest 0.5 walks every chain of vitest
// 4.1's test API when it loads (test.skip.only.concurrent...), about 1.4 s per worker, and vitest
// starts a new worker for every mutant's run. fast-check's own global settings (run count, seed:
// test/setup/fast-check.ts) apply unchanged, and a failing property fails its test the same way.
import fc from 'fast-check';
import { test as vitestTest } from 'vitest';

type Arbitraries = readonly fc.Arbitrary<unknown>[] | Readonly<Record<string, fc.Arbitrary<unknown>>>;
type Values = [unknown, ...unknown[]];

function prop(arbitraries: Arbitraries, params?: fc.Parameters<Values>) {
  return (name: string, property: (...values: never[]) => unknown, timeout?: number): void => {
    const list = (
      Array.isArray(arbitraries) ? arbitraries : [fc.record(arbitraries as Record<string, fc.Arbitrary<unknown>>)]
    ) as [fc.Arbitrary<unknown>, ...fc.Arbitrary<unknown>[]];
    const run = property as (...values: unknown[]) => unknown;
    vitestTest(
      name,
      async () => {
        await fc.assert(
          fc.asyncProperty(...list, async (...values) => {
            await run(...values);
          }),
          params,
        );
      },
      timeout,
    );
  };
}

/** vitest's `test`, with `test.prop` as @fast-check/vitest defines it. */
export const test = new Proxy(vitestTest, {
  get: (target, key, receiver) => (key === 'prop' ? prop : Reflect.get(target, key, receiver)),
}) as typeof vitestTest & { prop: typeof prop };
export const it = test;
export { fc };
