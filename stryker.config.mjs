// Mutation testing (npm run mutation): Stryker changes src/ one small edit at a time and runs the
// tests that cover the edit; a mutant that no test notices "survives". Two runs:
//  - stryker.core.config.mjs: src/screening and src/facts, every mutant included, by their own
//    tests; a survivor there is a rule whose change no test notices.
//  - this file: the rest of src/, without the mutants that only module loading reaches (data
//    tables such as region profiles and message catalogs): each of those would rerun the whole
//    suite, which CI's time cannot hold (measured: about 3.5 s a mutant on 2 cores).
// Then scripts/check-mutation.mjs reads both JSON reports, prints the score per folder and fails
// below 100% in src/screening and src/facts or below 90% overall (the thresholds live there,
// because Stryker's own apply to one run only). One part: npx stryker run --mutate 'src/regions/**/*.ts'.

// The property tests run fewer cases from a fixed seed in the mutation runs
// (test/setup/fast-check.ts): each mutant then meets the same inputs, and the runs stay short.
process.env.FC_NUM_RUNS ??= '25';
process.env.FC_SEED ??= '20260101';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  mutate: [
    'src/**/*.ts',
    // In the other run (stryker.core.config.mjs).
    '!src/screening/**',
    '!src/facts/**',
    // No runtime code to mutate: the same list as noRuntimeCode in vitest.config.ts.
    '!src/**/index.ts',
    '!src/_internal/standard-schema.ts',
    '!src/cohort/cohort-entry.ts',
    '!src/cohort/cohort-summary.ts',
    '!src/course/course.ts',
    '!src/fhir/fhir-facts.ts',
    '!src/fhir/resources.ts',
    '!src/cds-hooks/card.ts',
    '!src/messages/message-code.ts',
    '!src/messages/message-options.ts',
  ],
  // Not copied into the sandbox: build output, reports and packed tarballs that other commands write meanwhile.
  ignorePatterns: [
    '.stryker-tmp*',
    'dist',
    'coverage',
    'reports',
    'mutation',
    'docs/api',
    '*.tgz',
    'test/e2e/artifacts',
  ],
  concurrency: 2,
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/rest.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  // No break here: scripts/check-mutation.mjs applies 100% to screening and facts, 90% overall.
  thresholds: { high: 100, low: 95, break: null },
  timeoutMS: 10000,
  // Incremental: the results of the last full run are committed in mutation/incremental/, and a
  // run tests again only the mutants whose code or covering tests changed since, so CI's time
  // grows with the change, not with the code. Add `--force` to a `stryker run` to test every mutant.
  incremental: true,
  incrementalFile: 'mutation/incremental/rest.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
