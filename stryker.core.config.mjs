// The first half of `npm run mutation`: src/screening and src/facts, where every mutant must be
// killed (scripts/check-mutation.mjs fails on any survivor), by the tests of those folders.
// Unlike the run over the rest of src/ (stryker.config.mjs), the mutants that only module
// loading reaches are tested too: they are the rules' data (a fact name, a kind, a source), and
// each runs the whole of vitest.stryker-core.config.ts with the package loaded afresh.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/screening/**/*.ts', 'src/facts/**/*.ts', '!src/**/index.ts'],
  vitest: { ...base.vitest, configFile: 'vitest.stryker-core.config.ts' },
  ignoreStatic: false,
  jsonReporter: { fileName: 'reports/mutation/core.json' },
  incrementalFile: 'mutation/incremental/core.json',
};
