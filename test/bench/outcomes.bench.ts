// Outcome research at registry scale: seeded synthetic course outcome records (10 to 12 sessions
// each, with scores, pain per session, sensations and adverse events) read from JSON and
// summarized by region in one pass (readOutcomeRecords + summarizeOutcomes, the built package).
// Targets: memory independent of the number of records when they stream from a generator (the
// heap still in use after a full collection, sampled as the records go, 1,000,000 against
// 100,000; peak RSS is printed beside it, but it also holds garbage not yet collected, which a
// longer run lets V8 keep more of), and at least 10,000 records/s read and summarized on one core
// from memory. The merge of four parts must equal the whole.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  byRegion,
  mergeOutcomeSummaries,
  type OutcomeSummary,
  readOutcomeRecords,
  summarizeOutcomes,
} from 'acuspine/outcomes';
import { syntheticOutcomeRows } from '../../examples/data/synthetic-outcomes.js';

const SEED = 20261201;
const MB = 1024 * 1024;
/** The heap in use after a full collection may differ between 100k and 1M streamed records by at most this much. */
const RETAINED_TOLERANCE_MB = 8;
/** Records read and summarized per second, from memory, on one core. */
const TARGET_RECORDS_PER_SECOND = 10_000;
const IN_MEMORY = 200_000;

/** A full collection: the gc of --expose-gc, or one exposed here for this bench alone. */
function garbageCollector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
const collectGarbage = garbageCollector();

interface StreamedRun {
  readonly count: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  /** The most heap in use after a full collection, sampled every 131,072 records and at the end. */
  readonly retainedMb: number;
  readonly summary: OutcomeSummary;
}

/** Reads and summarizes `count` records generated one at a time, sampling RSS as it goes. */
function streamed(count: number): StreamedRun {
  collectGarbage();
  let peak = process.memoryUsage.rss();
  let retained = 0;
  const sample = () => {
    collectGarbage();
    retained = Math.max(retained, process.memoryUsage().heapUsed);
  };
  function* rows() {
    let i = 0;
    for (const row of syntheticOutcomeRows(count, SEED)) {
      if ((i & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage.rss());
      // The first sample comes after the summary's state has taken shape.
      if ((i & 0x1ffff) === 0x1ffff) sample();
      i++;
      yield row;
    }
  }
  const started = performance.now();
  const summary = summarizeOutcomes(readOutcomeRecords(rows()), { groupBy: byRegion });
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage.rss());
  sample();
  return { count, seconds, peakRssMb: peak / MB, retainedMb: retained / MB, summary };
}

const figure = (value: number) => Math.round(value).toLocaleString('en-US');

/** Runs the outcome benchmark, prints its figures, and returns whether every target was met. */
export async function runOutcomesBench(count = 1_000_000): Promise<boolean> {
  console.log('\nOutcomes: readOutcomeRecords + summarizeOutcomes by region, one pass, one thread');
  const small = streamed(100_000);
  const large = streamed(count);
  if (large.summary.total !== count || large.summary.invalid !== 0) {
    throw new Error(`outcomes bench: the summary does not add up (total ${large.summary.total}, expected ${count})`);
  }
  const growthMb = large.retainedMb - small.retainedMb;
  const flat = growthMb <= RETAINED_TOLERANCE_MB;
  console.log(
    `  streamed from a generator (generation included): ${figure(small.count)} records in ${small.seconds.toFixed(2)} s, peak RSS ${small.peakRssMb.toFixed(0)} MB; ${figure(large.count)} in ${large.seconds.toFixed(2)} s (${figure(large.count / large.seconds)} records/s), peak RSS ${large.peakRssMb.toFixed(0)} MB`,
  );
  console.log(
    `  memory: heap in use after a full collection ${small.retainedMb.toFixed(1)} MB at 100,000 records, ${large.retainedMb.toFixed(1)} MB at ${figure(count)}: ${growthMb.toFixed(1)} MB more for 10x the records (target <= ${RETAINED_TOLERANCE_MB} MB): ${flat ? 'met' : 'MISSED'}`,
  );

  // Throughput without the generator: JSON rows already in memory, as after JSON.parse of a file.
  const rows: unknown[] = JSON.parse(JSON.stringify([...syntheticOutcomeRows(IN_MEMORY, SEED + 1)]));
  summarizeOutcomes(readOutcomeRecords(rows.slice(0, 20_000)), { groupBy: byRegion }); // warm-up
  const started = performance.now();
  const whole = summarizeOutcomes(readOutcomeRecords(rows), { groupBy: byRegion });
  const seconds = (performance.now() - started) / 1000;
  const perSecond = IN_MEMORY / seconds;
  const fast = perSecond >= TARGET_RECORDS_PER_SECOND;
  console.log(
    `  from memory: ${figure(IN_MEMORY)} records in ${seconds.toFixed(2)} s = ${figure(perSecond)} records/s (target >= ${figure(TARGET_RECORDS_PER_SECOND)}): ${fast ? 'met' : 'MISSED'}`,
  );

  const quarter = IN_MEMORY / 4;
  const parts = [0, 1, 2, 3].map((k) =>
    summarizeOutcomes(readOutcomeRecords(rows.slice(k * quarter, (k + 1) * quarter)), { groupBy: byRegion }),
  );
  const mergeStarted = performance.now();
  const merged = mergeOutcomeSummaries(...parts);
  const mergeMs = performance.now() - mergeStarted;
  const equal = JSON.stringify(merged) === JSON.stringify(whole);
  console.log(`  merge of four parts: ${mergeMs.toFixed(1)} ms, equal to the whole: ${equal ? 'yes' : 'NO'}`);
  const pain = whole.responders['immpact-2008-30'];
  console.log(
    `  check: pain responders (IMMPACT 30%) ${figure(pain?.responder ?? 0)} of ${figure(pain?.proportion.n ?? 0)} known, ${figure(pain?.unknown ?? 0)} unknown (synthetic data)`,
  );
  return flat && fast && equal;
}
