// Cohort analysis: streams an NDJSON registry (one patient per line) through screenCohort and
// summarizeCohort, grouped by spinal region, prints the table and writes it as CSV. Reads the
// file named on the command line, or generates a seeded synthetic one in the temp folder. It
// checks its own totals, so it doubles as a test (`npm run examples`).
//
//   npx tsx examples/cohort-analysis.ts [registry.ndjson]
//
// Each line: {"id": 1, "region": "cervical", "facts": {"ageYears": 52, "pregnant": false, ...}}
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  type CohortSummary,
  protocolRuleSet,
  type ScreeningStatus,
  screen,
  screenCohort,
  screeningStatuses,
  summarizeCohort,
  summaryTable,
} from 'acuspine';

interface RegistryRow {
  readonly id: number;
  readonly region: string;
  readonly facts: unknown;
}

const RECORDS = 100_000;
const SEED = 20261124;
const REGIONS = ['cervical', 'thoracic', 'lumbosacral'] as const;

/** mulberry32: a small seeded PRNG, so the generated registry is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the generator knows about the registry it wrote, to check the pipeline against. */
interface Expected {
  readonly total: number;
  readonly invalid: number;
  readonly byRegion: Map<string, number>;
  readonly byStatus: Map<ScreeningStatus, number>;
}

/**
 * Writes a synthetic registry: about 10% of each fact missing, and one record in 500 with a value
 * of the wrong type (the string "no"), as registries have them. Returns the counts it expects.
 */
async function generateRegistry(path: string, count: number): Promise<Expected> {
  const random = seededRandom(SEED);
  const out = createWriteStream(path);
  const byRegion = new Map<string, number>();
  const byStatus = new Map<ScreeningStatus, number>();
  let invalid = 0;
  const maybe = (prevalence: number) => (random() < 0.1 ? null : random() < prevalence);
  for (let id = 1; id <= count; id++) {
    // Cervical is the most common region in the source protocol, thoracic the rarest.
    const draw = random();
    const region = draw < 0.5 ? 'cervical' : draw < 0.65 ? 'thoracic' : 'lumbosacral';
    const facts: Record<string, unknown> = {
      ageYears: random() < 0.1 ? null : Math.floor(18 + random() * 70),
      oncologicalDisease: maybe(0.03),
      pregnant: maybe(0.03),
      coagulationDisorder: maybe(0.02),
      acuteInfection: maybe(0.04),
      acuteMentalIllness: maybe(0.01),
      psychotropicInfluence: maybe(0.01),
    };
    if (id % 500 === 0) {
      facts.pregnant = 'no';
      invalid++;
    } else {
      const status = screen(facts).status;
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    }
    byRegion.set(region, (byRegion.get(region) ?? 0) + 1);
    if (!out.write(`${JSON.stringify({ id, region, facts })}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { total: count, invalid, byRegion, byStatus };
}

/** Streams the rows of an NDJSON file; a line that is not JSON becomes a row without facts (reported invalid). */
async function* readRegistry(path: string, counter: { lines: number }): AsyncGenerator<RegistryRow> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    counter.lines++;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      row = undefined;
    }
    yield typeof row === 'object' && row !== null
      ? (row as RegistryRow)
      : { id: -counter.lines, region: 'unreadable line', facts: undefined };
  }
}

const givenPath = process.argv[2];
const path = givenPath ?? join(tmpdir(), `acuspine-cohort-${SEED}.ndjson`);
const started = performance.now();
const expected = givenPath === undefined ? await generateRegistry(path, RECORDS) : undefined;
const generated = performance.now();

const counter = { lines: 0 };
const entries = screenCohort(readRegistry(path, counter), { toFacts: (row) => row.facts });
const summary: CohortSummary = await summarizeCohort(entries, {
  ruleSet: protocolRuleSet,
  groupBy: (entry) => (typeof entry.record.region === 'string' ? entry.record.region : 'not recorded'),
});
const summarized = performance.now();

const table = summaryTable(summary, { digits: 4 });
console.log(`Registry: ${path}`);
console.log(
  `${summary.total.toLocaleString('en')} records, ${summary.invalid} invalid, screened with ${summary.ruleSets
    .map((ref) => `${ref.id} v${ref.version}`)
    .join(', ')} in ${((summarized - generated) / 1000).toFixed(2)} s` +
    (expected ? ` (generated in ${((generated - started) / 1000).toFixed(2)} s)` : ''),
);
console.table(table);

// The table as CSV, for a spreadsheet, R or pandas.
const csvPath = join(tmpdir(), 'acuspine-cohort-summary.csv');
const cell = (value: string | number | null) => {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const csv = createWriteStream(csvPath);
csv.write(`${Object.keys(table[0] ?? {}).join(',')}\n`);
for (const row of table) csv.write(`${Object.values(row).map(cell).join(',')}\n`);
csv.end();
await once(csv, 'finish');
console.log(`Summary table written to ${csvPath}`);

// Check the totals: the summary must account for every line read, in every group.
const groups = Object.values(summary.groups ?? {});
assert.equal(summary.total, counter.lines, 'every line read is counted once');
assert.equal(summary.screened + summary.invalid, summary.total);
assert.equal(
  screeningStatuses.reduce((sum, status) => sum + summary.byStatus[status], 0),
  summary.screened,
  'the statuses add up to the screened records',
);
assert.equal(
  groups.reduce((sum, group) => sum + group.total, 0),
  summary.total,
  'the regions add up to the total',
);
for (const [id, counts] of Object.entries(summary.byRule)) {
  assert.equal((counts?.present ?? 0) + (counts?.absent ?? 0) + (counts?.unknown ?? 0), summary.screened, id);
}
assert.equal(table.length, (1 + groups.length) * (2 + screeningStatuses.length + 3 * protocolRuleSet.rules.length + 7));
if (expected) {
  // Against what the generator wrote and what screen said record by record.
  assert.equal(summary.total, expected.total);
  assert.equal(summary.invalid, expected.invalid);
  for (const region of REGIONS) assert.equal(summary.groups?.[region]?.total, expected.byRegion.get(region), region);
  for (const status of screeningStatuses)
    assert.equal(summary.byStatus[status], expected.byStatus.get(status) ?? 0, status);
}
console.log('ok: the totals add up');
