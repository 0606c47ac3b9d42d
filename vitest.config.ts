// Every vitest run of the project, one project each. A command picks its projects with --project:
//  - unit: `npm test` (with coverage), `npm run test:area`: every unit, property and browser test.
//  - types: the type tests (*.test-d.ts), run by tsc: `npm run test:unit`, `npm run test:area -- --types`.
//  - fuzz: `npm run fuzz`: the fuzz properties at 10,000 runs each.
//  - mutation, mutation-core: the two Stryker runs (stryker.config.mjs). Stryker cannot pass
//    --project, so in its workers this file offers only the project of the run (STRYKER_RUN).
// Plain `npx vitest` runs unit, types and fuzz.
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Files with no runtime code: re-export barrels and type-only modules. They hold nothing to
 * cover or mutate; stryker.config.mjs leaves out the same files.
 */
const noRuntimeCode = [
  'src/index.ts',
  'src/**/index.ts',
  'src/_internal/standard-schema.ts',
  'src/cohort/cohort-entry.ts',
  'src/cohort/cohort-summary.ts',
  'src/course/course.ts',
  'src/fhir/fhir-facts.ts',
  'src/fhir/resources.ts',
  'src/fhir/write-back/written-resources.ts',
  'src/cds-hooks/card.ts',
  'src/cds-hooks/server/server-config.ts',
  'src/cds-hooks/server/server-hooks.ts',
  'src/sql/sql-options.ts',
  'src/messages/message-code.ts',
  'src/messages/message-options.ts',
  'src/outcomes/outcome-summary.ts',
];

const unit: TestProjectInlineConfiguration = {
  extends: true,
  // Setup hooks start databases (PGlite, a PostgreSQL server) and load CDMs: on a busy 2-core
  // machine, with the other files' workers beside them, that can pass the default 10 s.
  test: { name: 'unit', include: ['test/**/*.test.ts'], hookTimeout: 60_000 },
};

/**
 * A project of their own, so that a command leaves them out by its --project (a --typecheck option
 * on the command line does not reach a project). `npm test` leaves them out: `npm run typecheck`
 * compiles the same files.
 */
const types: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'types',
    typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.check.json' },
  },
};

/**
 * The files of test/fuzz at 10,000 runs a property (FUZZ_RUNS), against every function that takes
 * untrusted data. The unit project runs the same files at the default of test/fuzz/harness.ts, a
 * hundred inputs a property, so that a break shows up there too.
 */
const fuzz: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'fuzz',
    include: ['test/fuzz/**/*.test.ts'],
    env: { FUZZ_RUNS: '10000' },
    // A property at 10,000 runs takes seconds to a minute; the default 5 s would cut it short.
    testTimeout: 600_000,
  },
};

/**
 * Both mutation runs alias @fast-check/vitest, which costs about 1.4 s to load in each worker
 * (vitest starts a worker for every mutant's run), to the small equivalent in test/setup. And one
 * worker serves all the files of a mutant's run (isolate: false), with the module registry cleared
 * whenever the mutant changes (test/setup/fresh-modules.ts): fresh modules per mutant, as isolation
 * would give, without starting a worker per file. Neither runs the type tests, which cannot kill a
 * mutant.
 */
const fastCheckStandIn = {
  '@fast-check/vitest': fileURLToPath(new URL('./test/setup/fast-check-vitest.ts', import.meta.url)),
};

/**
 * The mutation run over src/ outside screening and facts: the unit and property tests, without the
 * suites that are slow and that no mutant needs to be caught: fuzzing (test/fuzz runs the property
 * tests at length), the guides' snippets (compiled by tsc) and the browser test. Nor
 * test/messages/every-code.test.ts, which reads the text of src/ (in the sandbox, Stryker's
 * instrumented text). Nor test/index.test.ts: this run ignores the mutants that only module loading
 * reaches (see stryker.config.mjs), and the entry-point test, which loads the package inside a
 * test, would make every one of them look reached by a test. Nor
 * test/cds-hooks/example-server.test.ts and cds-server-script.test.ts: the example server imports
 * the built package, and the sandbox holds no dist/ (the unit tests of cdsService in that folder
 * cover the same code). Nor test/sql/postgres-server.test.ts, which would start a PostgreSQL
 * server (about 2 s) for every mutant of src/sql and make the run need one installed: it runs the
 * same postgres SQL as PGlite in test/sql/postgres.test.ts, which stays in the run, and
 * test/sql/options.test.ts reads counts given as strings, as node-postgres gives them. Nor
 * test/cli/bin.test.ts and serve-bin.test.ts, which run the built dist/cli.js (test/cli/run.test.ts and
 * serve.test.ts run the same code in process).
 * Nor test/sql/parse.test.ts, whose parser takes 8 to 10 s to read the queries of every dialect,
 * which every mutant of src/sql would pay: a change of the SQL's text fails the golden files
 * (test/sql/golden.test.ts), which stay in the run.
 */
const mutation: TestProjectInlineConfiguration = {
  extends: true,
  resolve: { alias: fastCheckStandIn },
  test: {
    name: 'mutation',
    isolate: false,
    setupFiles: ['test/setup/fresh-modules.ts'],
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/fuzz/**',
      'test/docs/**',
      'test/e2e/**',
      'test/messages/every-code.test.ts',
      'test/index.test.ts',
      'test/cds-hooks/example-server.test.ts',
      'test/cds-hooks/cds-server-script.test.ts',
      'test/sql/parse.test.ts',
      'test/sql/postgres-server.test.ts',
      'test/cli/bin.test.ts',
      'test/cli/serve-bin.test.ts',
      // The OMOP converter's tests (test code) and the equivalence and property tests, which load
      // CDMs into DuckDB, PGlite and a server on every run: omopFactsSql's text is held by its golden
      // files, and test/omop/omop-options.test.ts, which stays, runs it on DuckDB.
      'test/omop/from-fhir.test.ts',
      'test/omop/omop-facts.test.ts',
      'test/omop/omop-open-world.test.ts',
      'test/omop/omop-sqlite.test.ts',
    ],
  },
};

/**
 * The mutation run over src/screening and src/facts: their own tests, and the entry-point test,
 * which fails when a mutant breaks the loading of the package (a rule set that no longer passes
 * its own checks). A mutant there must be caught by the tests of the rules themselves, and each
 * mutant that only module loading reaches (a rule's data) runs this whole set, so it is kept
 * small. After fresh-modules has cleared the modules for a new mutant, load-package loads the
 * package before any test.
 */
const mutationCore: TestProjectInlineConfiguration = {
  extends: true,
  resolve: { alias: fastCheckStandIn },
  test: {
    name: 'mutation-core',
    include: ['test/screening/**/*.test.ts', 'test/facts/**/*.test.ts', 'test/index.test.ts'],
    isolate: false,
    setupFiles: ['test/setup/fresh-modules.ts', 'test/setup/load-package.ts'],
  },
};

/** Set in Stryker's workers only: the run of stryker.config.mjs, `core` or `rest`. */
const strykerRun = process.env['STRYKER_MUTATOR_WORKER'] === undefined ? undefined : process.env['STRYKER_RUN'];

export default defineConfig({
  test: {
    // Shared by every project (their own lists are added to these).
    exclude: ['test/bench/**', 'test/consumer/**', 'node_modules/**'],
    // Fixes fast-check's run count and seed from FC_NUM_RUNS / FC_SEED when set (npm run fuzz, mutation runs).
    setupFiles: ['test/setup/fast-check.ts'],
    coverage: {
      provider: 'v8',
      // src/ and the command line's logic, cli/run.ts. cli/acuspine.ts, which only hands run() the
      // process's arguments, streams and files, is run as a program (test/cli/bin.test.ts), where
      // coverage does not reach.
      include: ['src/**/*.ts', 'cli/**/*.ts'],
      exclude: [...noRuntimeCode, 'cli/acuspine.ts'],
      // Every line and branch of src/ and cli/ is run by a test; `npm run coverage` fails below this.
      thresholds: { lines: 100, branches: 100, functions: 100, statements: 100 },
    },
    projects: strykerRun === undefined ? [unit, types, fuzz] : strykerRun === 'core' ? [mutationCore] : [mutation],
  },
});
