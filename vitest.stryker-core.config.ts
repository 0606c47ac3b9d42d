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
    // After fresh-modules (which clears the modules when the mutant changes), load the package.
    setupFiles: [...(mutationRun.test?.setupFiles as string[]), 'test/setup/load-package.ts'],
  },
});
