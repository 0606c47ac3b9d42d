// The inner loop: the tests of one area of the code (a folder of test/, which mirrors src/), with
// no build, no coverage and no type tests unless asked. A few seconds, where `npm test` takes
// minutes.
//
//   npm run test:area -- fhir                  test/fhir/
//   npm run test:area -- fhir cds-hooks        two areas
//   npm run test:area -- regions --types       and the area's type tests (*.test-d.ts; runs tsc)
//   npm run test:area -- cohort --coverage     and the coverage of src/cohort/ by these tests
//   npm run test:area -- fhir --watch          rerun on every change
//
// Any other option goes to vitest as it is (e.g. `-t 'pregnancy'` to run the tests so named).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** Folders of test/ that hold no tests of their own. */
const notAreas = new Set(['bench', 'consumer', 'fixtures', 'setup']);
const areas = readdirSync(join(root, 'test'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !notAreas.has(entry.name))
  .map((entry) => entry.name)
  .sort();

const args = process.argv.slice(2);
const chosen = [];
const passed = [];
let types = false;
let coverage = false;
let watch = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--types') types = true;
  else if (arg === '--coverage') coverage = true;
  else if (arg === '--watch') watch = true;
  else if (arg.startsWith('-')) {
    passed.push(arg);
    // An option's value (`-t name`) travels with it.
    if (!arg.includes('=') && args[i + 1] !== undefined && !args[i + 1].startsWith('-')) passed.push(args[++i]);
  } else chosen.push(arg.replace(/^test\//, '').replace(/\/$/, ''));
}

const unknown = chosen.filter((area) => !areas.includes(area));
if (chosen.length === 0 || unknown.length > 0) {
  if (unknown.length > 0) console.error(`test:area: no such area: ${unknown.join(', ')}`);
  console.error(`usage: npm run test:area -- <area>... [--types] [--coverage] [--watch]\nareas: ${areas.join(', ')}`);
  process.exit(2);
}
for (const area of ['docs', 'e2e']) {
  if (chosen.includes(area) && !existsSync(join(root, 'dist/index.js'))) {
    console.error(`test:area: test/${area} runs against the built package: run \`npm run build\` first`);
    process.exit(2);
  }
}

// vitest's exports do not include its CLI; its package folder does.
const vitest = join(dirname(createRequire(join(root, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs');
const command = [vitest, watch ? 'watch' : 'run', '--project', 'unit', ...chosen.map((area) => `test/${area}/`)];
// With --types, the project of the type tests too (vitest.config.ts): the folder filter picks the
// area's; tsc still reads the whole project, so a type error elsewhere is reported as well.
if (types) command.push('--project', 'types');
if (coverage) {
  command.push('--coverage', '--coverage.thresholds.lines=0', '--coverage.thresholds.branches=0');
  command.push('--coverage.thresholds.functions=0', '--coverage.thresholds.statements=0');
  command.push(
    ...chosen.filter((area) => existsSync(join(root, 'src', area))).map((a) => `--coverage.include=src/${a}/**`),
  );
}
command.push(...passed);
const run = spawnSync(process.execPath, command, { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
