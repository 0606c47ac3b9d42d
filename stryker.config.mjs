// Mutation testing (npm run mutation): Stryker changes src/ one small edit at a time and runs the
// tests that cover the edit; a mutant that no test notices "survives". Two runs, chosen by
// STRYKER_RUN:
//  - STRYKER_RUN=core: src/screening and src/facts, by their own tests (the mutation-core project
//    of vitest.config.ts); a survivor there is a rule whose change no test notices. The mutants
//    that only module loading reaches (the rules' data: a fact name, a kind, a source) are left
//    out, as in the other run: with the red flags they were 711 of 2,182 mutants and three
//    quarters of the run's time, each rerunning the whole project. The data is pinned instead by
//    tests that compare every rule set with its reviewed values (rule-sets.test.ts,
//    red-flag-rules.pinned.test.ts, parse-patient-facts.test.ts for the fact names).
//  - STRYKER_RUN=rest (the default): the rest of src/ (the mutation project), without the mutants
//    that only module loading reaches (data tables such as region profiles and message catalogs):
//    each of those would rerun the whole suite, which CI's time cannot hold (measured: about
//    3.5 s a mutant on 2 cores).
// Then scripts/check-mutation.mjs reads both JSON reports, prints the score per folder and fails
// below 100% in src/screening and src/facts or below 90% overall (the thresholds live there,
// because Stryker's own apply to one run only).
//
// A part, for work on one folder or file: give --mutate, and the run leaves the reports and the
// incremental files of the full runs alone. Its report and sandbox are named after STRYKER_PART
// (default `part`), so several parts can run at once. A part inside src/screening or src/facts
// takes the core run's settings, any other the rest's:
//   STRYKER_PART=fhir npx stryker run --mutate 'src/fhir/read-input.ts'
//   STRYKER_PART=fhir npx stryker run --mutate 'src/fhir/read-input.ts:40-60'

// The property tests run fewer cases from a fixed seed in the mutation runs
// (test/setup/fast-check.ts): each mutant then meets the same inputs, and the runs stay short.
process.env.FC_NUM_RUNS ??= '25';
process.env.FC_SEED ??= '20260101';

const coreFolders = ['src/screening/', 'src/facts/'];

/** The files of `--mutate` (or `-m`) on the command line, if any. */
function mutateOnCommandLine(args) {
  for (const [index, arg] of args.entries()) {
    if (arg === '--mutate' || arg === '-m') return args[index + 1]?.split(',') ?? [];
    if (arg.startsWith('--mutate=')) return arg.slice('--mutate='.length).split(',');
  }
  return undefined;
}

const partFiles = mutateOnCommandLine(process.argv.slice(2));
const isPart = partFiles !== undefined || process.env.STRYKER_PART !== undefined;

/** `core` or `rest`: from STRYKER_RUN, or for a part, from the files it mutates. */
function chooseRun() {
  const requested = process.env.STRYKER_RUN;
  if (requested !== undefined && requested !== 'core' && requested !== 'rest') {
    throw new Error(`stryker.config.mjs: STRYKER_RUN is "${requested}"; use core or rest`);
  }
  const files = (partFiles ?? []).filter((file) => !file.startsWith('!'));
  const inCore = files.filter((file) => coreFolders.some((folder) => file.startsWith(folder)));
  if (inCore.length > 0 && inCore.length < files.length) {
    throw new Error('stryker.config.mjs: a part lies either in src/screening and src/facts or outside them; run two');
  }
  const fromFiles = files.length === 0 ? undefined : inCore.length > 0 ? 'core' : 'rest';
  if (requested !== undefined && fromFiles !== undefined && requested !== fromFiles) {
    throw new Error(`stryker.config.mjs: STRYKER_RUN=${requested}, but --mutate names files of the ${fromFiles} run`);
  }
  return requested ?? fromFiles ?? 'rest';
}

const run = chooseRun();
// Read by vitest.config.ts in Stryker's workers, which inherit this process's environment.
process.env.STRYKER_RUN = run;
const part = process.env.STRYKER_PART ?? 'part';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  mutate:
    run === 'core'
      ? ['src/screening/**/*.ts', 'src/facts/**/*.ts', '!src/**/index.ts']
      : [
          'src/**/*.ts',
          // In the core run.
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
          '!src/fhir/write-back/written-resources.ts',
          '!src/cds-hooks/card.ts',
          '!src/cds-hooks/server/server-config.ts',
          '!src/cds-hooks/server/server-hooks.ts',
          '!src/sql/sql-options.ts',
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
  // The dry run records, for each test, every mutant it reaches (perTest coverage): over 3,000
  // tests and 13,000 mutants that outgrew Node's default heap of about 4 GB (measured: the test
  // runner died of it at 4.7 GB RSS). Two runners of 8 GB each still leave the machine's 24 GB room.
  testRunnerNodeArgs: ['--max-old-space-size=8192'],
  // The dry run of every test with perTest coverage: 3 min 44 s here with a warm transform cache,
  // over 5 min (Stryker's default limit) in a fresh clone, where vitest transforms every file anew.
  dryRunTimeoutMinutes: 15,
  reporters: isPart ? ['json', 'clear-text'] : ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${isPart ? `part-${part}` : run}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  // No break here: scripts/check-mutation.mjs applies 100% to screening and facts, 90% overall.
  thresholds: { high: 100, low: 95, break: null },
  timeoutMS: 10000,
  // Incremental: the results of the last full run are committed in mutation/incremental/, and a
  // run tests again only the mutants whose code or covering tests changed since, so CI's time
  // grows with the change, not with the code. Add `--force` to a `stryker run` to test every mutant.
  // A part neither reads nor writes them.
  incremental: !isPart,
  incrementalFile: `mutation/incremental/${run}.json`,
  tempDirName: isPart ? `.stryker-tmp-${part}` : '.stryker-tmp',
  cleanTempDir: 'always',
};
