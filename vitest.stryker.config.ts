// The vitest configuration of the mutation run over src/ outside screening and facts
// (stryker.config.mjs): the unit and property tests, without the type tests, which cannot kill
// a mutant, nor the suites that are slow and that no mutant needs to be caught: fuzzing
// (test/fuzz runs the property tests at length), the guides' snippets (compiled by tsc) and the
// browser test. Nor test/messages/every-code.test.ts, which reads the text of src/ (in the
// sandbox, Stryker's instrumented text). Nor test/index.test.ts: this run ignores the mutants
// that only module loading reaches (see stryker.config.mjs), and the entry-point test, which
// loads the package inside a test, would make every one of them look reached by a test. Nor
// test/cds-hooks/example-server.test.ts and cds-server-script.test.ts: the example server imports
// the built package, and the sandbox holds no dist/ (the unit tests of cdsService in that folder
// cover the same code).
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    resolve: {
      // @fast-check/vitest costs about 1.4 s to load in each worker, and vitest starts a worker for
      // every mutant's run: the mutation runs use the small equivalent in test/setup instead.
      alias: { '@fast-check/vitest': fileURLToPath(new URL('./test/setup/fast-check-vitest.ts', import.meta.url)) },
    },
    test: {
      exclude: [
        'test/fuzz/**',
        'test/docs/**',
        'test/e2e/**',
        'test/messages/every-code.test.ts',
        'test/index.test.ts',
        'test/cds-hooks/example-server.test.ts',
        'test/cds-hooks/cds-server-script.test.ts',
      ],
      typecheck: { enabled: false },
      // One worker for all the files of a mutant's run, with the module registry cleared whenever
      // the mutant changes (test/setup/fresh-modules.ts): fresh modules per mutant, as isolation
      // would give, without starting a worker per file.
      isolate: false,
      setupFiles: ['test/setup/fresh-modules.ts'],
    },
  }),
);
