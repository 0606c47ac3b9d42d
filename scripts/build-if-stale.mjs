// Builds dist/ with tsup only when it is missing or older than what it is built from, and
// quietly: one line when it builds, nothing when the build is fresh, the whole log only when the
// build fails. `npm start`, `npm run demo`, `npm run bench` and `npm run cds-server` run it first,
// and so does `prepare` (npm ci, npm pack, a git dependency). `npm run build` always builds, and
// `npm test` starts with it.
//
//   node scripts/build-if-stale.mjs          build when stale
//   node scripts/build-if-stale.mjs --check  print whether it is stale, build nothing (exit 0 fresh, 1 stale)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** What the build reads: the sources of the library and of the command line, and the files that say how to build them. */
const inputs = ['src', 'cli', 'tsup.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** What the build writes (tsup.config.ts): each entry point's files, with their source maps, and the command line. */
const outputs = [
  ...['index', 'fhir', 'cds-hooks', 'cds-hooks/server', 'sql', 'outcomes'].flatMap((entry) =>
    ['.js', '.cjs', '.d.ts', '.d.cts'].map((extension) => `dist/${entry}${extension}`),
  ),
  'dist/cli.js',
];

/**
 * The newest modification time under a path, and the file it belongs to. A folder counts too: its
 * time changes when a file in it is added, removed or renamed.
 *
 * @param {string} path
 * @returns {{ time: number, path: string } | undefined} undefined when the path does not exist.
 */
function newest(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  let found = { time: stats.mtimeMs, path };
  if (stats.isDirectory()) {
    for (const name of readdirSync(path)) {
      const inner = newest(join(path, name));
      if (inner !== undefined && inner.time > found.time) found = inner;
    }
  }
  return found;
}

/**
 * Why dist/ needs a build, or undefined when it is fresh.
 *
 * @returns {string | undefined}
 */
export function staleReason() {
  let oldest;
  for (const output of outputs) {
    const stats = statSync(join(root, output), { throwIfNoEntry: false });
    if (stats === undefined) return `${output} is missing`;
    if (oldest === undefined || stats.mtimeMs < oldest.time) oldest = { time: stats.mtimeMs, path: output };
  }
  for (const input of inputs) {
    const changed = newest(join(root, input));
    if (changed !== undefined && oldest !== undefined && changed.time > oldest.time) {
      return `${relative(root, changed.path)} changed after the last build`;
    }
  }
  return undefined;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename;
if (invokedDirectly) {
  const reason = staleReason();
  if (process.argv.includes('--check')) {
    console.log(reason === undefined ? 'dist/ is fresh' : `dist/ is stale: ${reason}`);
    process.exit(reason === undefined ? 0 : 1);
  }
  if (reason !== undefined) {
    const tsup = createRequire(join(root, 'package.json')).resolve('tsup/dist/cli-default.js');
    const started = performance.now();
    const build = spawnSync(process.execPath, [tsup], { cwd: root, encoding: 'utf8' });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // Stderr only: `npm pack --json` runs this as `prepare`, and its stdout must stay JSON.
    if (build.status !== 0) {
      process.stderr.write(`${build.stdout}${build.stderr}`);
      console.error(`build failed (${reason}); the log is above`);
      process.exit(build.status ?? 1);
    }
    console.error(`built dist/ in ${seconds} s (${reason})`);
  }
}
