// Writes the outcomes page's synthetic sample, examples/browser/sample-outcomes.ndjson: 150 invented
// course outcome records, one JSON object a line, from the seeded generator, so that the file is
// the same on every run and a change to the generator shows up as a change to the file.
//
//   npx tsx scripts/make-outcome-sample.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { syntheticOutcomeRows } from '../examples/data/synthetic-outcomes.js';

const COUNT = 150;
const SEED = 20261201;

const root = resolve(import.meta.dirname, '..');
const target = resolve(root, 'examples/browser/sample-outcomes.ndjson');
const lines: string[] = [];
for (const row of syntheticOutcomeRows(COUNT, SEED)) lines.push(JSON.stringify(row));
writeFileSync(target, `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length} synthetic records to examples/browser/sample-outcomes.ndjson`);
