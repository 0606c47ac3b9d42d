// The vitest configuration of the mutation run over src/screening and src/facts
// (stryker.core.config.mjs): their own tests, and the entry-point test, which fails when a
// mutant breaks the loading of the package (a rule set that no longer passes its own checks).
// A mutant there must be caught by the tests of the rules themselves, and each mutant that only
// module loading reaches (a rule's data) runs this whole set, so it is kept small.
import { defineConfig } from 'vitest/config';
import mutationRun from './vitest.stryker.config.js';

export default defineConfig({
  ...mutationRun,
  test: {
    ...mutationRun.test,
    include: ['test/screening/**/*.test.ts', 'test/facts/**/*.test.ts', 'test/index.test.ts'],
    exclude: ['node_modules/**'],
    // The setup of the mutation run (vitest.config.ts, vitest.stryker.config.ts), then, after
    // fresh-modules has cleared the modules for a new mutant, the loading of the package.
    setupFiles: ['test/setup/fast-check.ts', 'test/setup/fresh-modules.ts', 'test/setup/load-package.ts'],
  },
});
