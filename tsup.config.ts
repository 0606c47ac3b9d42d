import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    fhir: 'src/fhir/index.ts',
    'cds-hooks': 'src/cds-hooks/index.ts',
    sql: 'src/sql/index.ts',
    // One entry per locale besides English, so that an app bundles only the catalogs it imports.
    'locales/ru': 'src/locales/ru/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  splitting: false,
  // Frozen data tables are built at module level; marking Object.freeze pure (esbuild writes the
  // annotation into the output) lets an app's bundler drop the tables it never imports.
  esbuildOptions(options) {
    options.pure = [...(options.pure ?? []), 'Object.freeze'];
  },
});
