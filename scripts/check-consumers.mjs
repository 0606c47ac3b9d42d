// The runtime matrix: packs the package as npm would publish it, unpacks it into a temporary
// consumer's node_modules (no registry, no network), then
//  - runs test/consumer/require.cjs and import.mjs on this Node: every entry point loads under
//    require and import, with the same exports, and 'acuspine/package.json' resolves;
//  - compiles test/consumer/consumer.ts (and its .mts and .cts twins) against the packed
//    declaration files with this project's tsc under moduleResolution node16, bundler and node10.
// Run after `npm run build` (npm test does).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
const work = mkdtempSync(join(tmpdir(), 'acuspine-consumers-'));

/** Compiler settings shared by every consumer build: strict, and the packed .d.ts files checked too. */
const common = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: 'es2022',
  lib: ['es2022'],
  types: [],
  exactOptionalPropertyTypes: true,
};
const matrix = [
  {
    name: 'node16',
    compilerOptions: { module: 'node16', moduleResolution: 'node16' },
    files: ['consumer.mts', 'consumer.cts'],
  },
  { name: 'bundler', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' }, files: ['consumer.ts'] },
  { name: 'node10', compilerOptions: { module: 'commonjs', moduleResolution: 'node10' }, files: ['consumer.ts'] },
];

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let failed = false;
try {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  const tarball = join(work, packed[0].filename);
  const consumer = join(work, 'consumer');
  const installed = join(consumer, 'node_modules', 'acuspine');
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], work);
  for (const file of readdirSync(join(root, 'test', 'consumer'))) {
    cpSync(join(root, 'test', 'consumer', file), join(consumer, file));
  }
  console.log(
    `packed ${packed[0].filename} (${packed[0].entryCount} files), unpacked into a consumer on Node ${process.version}`,
  );

  for (const script of ['require.cjs', 'import.mjs']) {
    try {
      process.stdout.write(`ok   ${run(process.execPath, [script], consumer)}`);
    } catch (error) {
      failed = true;
      console.error(`FAIL ${script}:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
    }
  }

  for (const { name, compilerOptions, files } of matrix) {
    const project = `tsconfig.${name}.json`;
    writeFileSync(
      join(consumer, project),
      JSON.stringify({ compilerOptions: { ...common, ...compilerOptions }, files }, null, 2),
    );
    try {
      run(process.execPath, [tsc, '-p', project], consumer);
      console.log(`ok   tsc, moduleResolution ${name} (module ${compilerOptions.module}): ${files.join(', ')}`);
    } catch (error) {
      failed = true;
      console.error(
        `FAIL tsc, moduleResolution ${name} (module ${compilerOptions.module}):\n${error.stdout ?? ''}${error.stderr ?? ''}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) {
  console.error('check-consumers: the packed package does not work for every consumer above');
  process.exit(1);
}
