// Runs every examples/*.ts file against the built package, as a user would run it. Each example
// checks its own output and exits non-zero when it is wrong.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const dir = resolve(root, 'examples');
// Helper modules of an example (started by it, e.g. a worker) end in .worker.ts and are not run alone.
const examples = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.worker.ts'))
  .sort();
const tsx = resolve(root, 'node_modules/.bin/tsx');
let failures = 0;
for (const name of examples) {
  const started = performance.now();
  const run = spawnSync(tsx, [resolve(dir, name)], { cwd: root, encoding: 'utf8' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status === 0) {
    console.log(`ok   examples/${name} (${seconds} s)`);
  } else {
    failures++;
    console.log(`FAIL examples/${name} (exit ${run.status})\n${run.stdout}\n${run.stderr}`);
  }
}
console.log(`examples: ${examples.length - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
