import { defineConfig } from 'vitest/config';

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
  'src/cds-hooks/card.ts',
  'src/messages/message-code.ts',
  'src/messages/message-options.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'test/consumer/**', 'node_modules/**'],
    // Fixes fast-check's run count and seed from FC_NUM_RUNS / FC_SEED when set (npm run fuzz, mutation runs).
    setupFiles: ['test/setup/fast-check.ts'],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.check.json',
    },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: noRuntimeCode,
      // Every line and branch of src/ is run by a test; `npm run coverage` fails below this.
      thresholds: { lines: 100, branches: 100, functions: 100, statements: 100 },
    },
  },
});
