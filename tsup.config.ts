import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      fhir: 'src/fhir/index.ts',
      'cds-hooks': 'src/cds-hooks/index.ts',
      sql: 'src/sql/index.ts',
      outcomes: 'src/outcomes/index.ts',
      // One entry per locale besides English, so that an app bundles only the catalogs it imports.
      'locales/ru': 'src/locales/ru/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    // Empties dist/ but for the command line and the CDS Hooks server: the builds run at once, and
    // this one's cleaning must not remove what the others write.
    clean: ['!cli.js', '!cds-hooks/server.*'],
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    // Frozen data tables are built at module level; marking Object.freeze pure (esbuild writes the
    // annotation into the output) lets an app's bundler drop the tables it never imports.
    esbuildOptions(options) {
      options.pure = [...(options.pure ?? []), 'Object.freeze'];
    },
  },
  {
    // acuspine/cds-hooks/server: the CDS Hooks server on node:http, for Node only, with what it
    // needs of src/ bundled in. Its types need Node's, which tsconfig.json leaves out of src/.
    entry: { 'cds-hooks/server': 'src/cds-hooks/server/index.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { types: ['node'] } },
    clean: false,
    sourcemap: true,
    target: 'node18',
    platform: 'node',
    splitting: false,
  },
  {
    // The command line `acuspine` (package.json's bin): one ESM file for Node with what it needs
    // of src/ bundled in, and the #! line of cli/acuspine.ts kept (tsup makes the file executable).
    entry: { cli: 'cli/acuspine.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node18',
    platform: 'node',
    splitting: false,
  },
]);
