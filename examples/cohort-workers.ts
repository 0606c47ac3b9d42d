// One cohort split across worker threads: each worker screens and summarizes its share, the
// main thread merges the partial summaries with mergeSummaries, and the merged summary must be
// deep-equal to the summary of the whole cohort on one thread. This file is both the main
// thread and the worker (isMainThread). It checks its own result (`npm run examples`).
//
//   npx tsx examples/cohort-workers.ts
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  ageBand,
  type CohortEntry,
  type CohortSummary,
  mergeSummaries,
  protocolRuleSet,
  screenCohort,
  summarizeCohort,
  summaryTable,
} from 'acuspine';

interface Row {
  readonly id: number;
  readonly region: string;
  readonly facts: Record<string, unknown>;
}

interface Share {
  readonly start: number;
  readonly end: number;
}

const RECORDS = 200_000;
const SEED = 20261124;
const AGE_BANDS = [0, 18, 40, 65, 76] as const;

/**
 * Patient `id` of the synthetic cohort, a pure function of the seed and the id, so that every
 * thread can make any share of the same cohort without passing the records around.
 */
function patient(id: number): Row {
  // mulberry32, seeded per record.
  let state = (SEED ^ Math.imul(id, 0x9e3779b1)) >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const maybe = (prevalence: number) => (random() < 0.1 ? null : random() < prevalence);
  const draw = random();
  return {
    id,
    region: draw < 0.5 ? 'cervical' : draw < 0.65 ? 'thoracic' : 'lumbosacral',
    facts: {
      ageYears: random() < 0.1 ? null : Math.floor(random() * 95),
      oncologicalDisease: maybe(0.03),
      pregnant: id % 997 === 0 ? 'unknown' : maybe(0.03),
      coagulationDisorder: maybe(0.02),
      acuteInfection: maybe(0.04),
      acuteMentalIllness: maybe(0.01),
      psychotropicInfluence: maybe(0.01),
    },
  };
}

function* rows({ start, end }: Share): Generator<Row> {
  for (let id = start; id < end; id++) yield patient(id);
}

/** The same options on every thread: merging is exact only for summaries made alike. */
function summarize(share: Share): CohortSummary {
  return summarizeCohort(screenCohort(rows(share), { toFacts: (row) => row.facts }), {
    ruleSet: protocolRuleSet,
    groupBy: (entry: CohortEntry<string, Row>) =>
      `${entry.record.region} ${entry.ok ? ageBand(entry.facts.ageYears, AGE_BANDS) : 'invalid'}`,
  });
}

/**
 * Starts this file as a worker. As JavaScript it starts as it is; as TypeScript under tsx, the
 * worker registers tsx first, since tsx's loader does not reach worker threads
 * (https://github.com/privatenumber/tsx/issues/354).
 */
function startWorker(share: Share): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: share });
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(boot, { eval: true, workerData: share });
}

function summarizeInWorker(share: Share): Promise<CohortSummary> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(share);
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker for ${share.start}-${share.end} exited with code ${code}`));
    });
  });
}

if (!isMainThread) {
  parentPort?.postMessage(summarize(workerData as Share));
} else {
  const threads = Math.max(2, Math.min(4, availableParallelism()));
  const size = Math.ceil(RECORDS / threads);
  const shares = Array.from({ length: threads }, (_, i) => ({
    start: i * size,
    end: Math.min(RECORDS, (i + 1) * size),
  }));

  let started = performance.now();
  const partials = await Promise.all(shares.map(summarizeInWorker));
  const merged = mergeSummaries(...partials);
  const parallelSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const single = summarize({ start: 0, end: RECORDS });
  const singleSeconds = (performance.now() - started) / 1000;

  console.log(
    `${RECORDS.toLocaleString('en')} records: ${threads} workers and merge ${parallelSeconds.toFixed(2)} s, ` +
      `one thread ${singleSeconds.toFixed(2)} s (worker start-up included)`,
  );
  console.table(
    summaryTable(merged, { digits: 4 }).filter((row) => row.measure === 'status' && row.category === 'contraindicated'),
  );

  assert.deepStrictEqual(merged, single, 'the merged summary equals the single-thread summary');
  assert.equal(merged.total, RECORDS);
  assert.equal(
    partials.reduce((sum, partial) => sum + partial.total, 0),
    RECORDS,
    'the shares cover the cohort once',
  );
  assert.ok(merged.invalid > 0, 'the cohort holds invalid records, and they are counted');
  console.log('ok: the merged summary equals the single-thread summary');
}
