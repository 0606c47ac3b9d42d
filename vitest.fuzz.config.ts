// `npm run fuzz`: the fuzz properties of test/fuzz at 10,000 runs each (FUZZ_RUNS), against
// every function that takes untrusted data. `npm test` runs the same files at the default of
// test/fuzz/harness.ts, a hundred inputs a property, so that a break shows up there too.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/fuzz/**/*.test.ts'],
    env: { FUZZ_RUNS: '10000' },
    typecheck: { enabled: false },
    // A property at 10,000 runs takes seconds to a minute; the default 5 s would cut it short.
    testTimeout: 600_000,
  },
});
