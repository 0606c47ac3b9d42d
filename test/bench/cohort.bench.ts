// Cohort analysis at registry scale: 1,000,000 seeded synthetic patients screened and
// summarized in one pass (screenCohort + summarizeCohort, the built package as users get it).
// Targets: at least 1,000,000 records/s on one core from an in-memory iterable, and
// peak memory independent of the number of records when they are streamed from a generator.
// For steadier memory figures run with --expose-gc (e.g. NODE_OPTIONS=--expose-gc npm run bench).
// Then, on 200,000 records, the price of a rule set's own facts (records that hold one skip the
// fast check and are validated and copied by parsePatientFacts) and of the three shipped sets
// together (33 inputs), each beside the protocol on the same records: figures, not targets.
import {
  ageBand,
  type CohortStatistics,
  type CohortSummary,
  cautionRuleSet,
  defineRuleSet,
  extendProtocol,
  protocolRuleSet,
  redFlagFactNames,
  redFlagRuleSet,
  screen,
  screenCohort,
  screeningStatuses,
  summarizeCohort,
} from 'acuspine';
import { seededRandom, syntheticPatient, syntheticPatients } from './synthetic-patients.js';

const SEED = 20261124;
const MB = 1024 * 1024;
/** Peak RSS may differ between 100k and 1M streamed records by at most this much. */
const RSS_TOLERANCE_MB = 24;
const AGE_BANDS = [0, 18, 40, 65, 76] as const;

const collectGarbage = (globalThis as { gc?: () => void }).gc;

interface StreamedRun {
  readonly count: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly summary: CohortSummary;
}

/** Summarizes `count` records generated one at a time, sampling RSS as it goes. */
function streamed(count: number): StreamedRun {
  collectGarbage?.();
  let peak = process.memoryUsage.rss();
  function* patients() {
    const random = seededRandom(SEED);
    for (let i = 0; i < count; i++) {
      if ((i & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage.rss());
      yield syntheticPatient(random);
    }
  }
  const started = performance.now();
  const summary = summarizeCohort(screenCohort(patients()));
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage.rss());
  return { count, seconds, peakRssMb: peak / MB, summary };
}

function check(summary: CohortStatistics<string, string>, count: number): void {
  const statuses = screeningStatuses.reduce((sum, status) => sum + summary.byStatus[status], 0);
  if (summary.total !== count || statuses + summary.invalid !== count) {
    throw new Error(`cohort bench: the summary does not add up (total ${summary.total}, expected ${count})`);
  }
}

/** Runs the cohort benchmark, prints its figures, and returns whether every target was met. */
export async function runCohortBench(count = 1_000_000): Promise<boolean> {
  console.log(
    `\nCohort: screenCohort + summarizeCohort, one pass, one thread (gc ${collectGarbage ? 'exposed' : 'not exposed'})`,
  );

  // Memory first, before the in-memory cohort below inflates the heap for good.
  collectGarbage?.();
  const baselineMb = process.memoryUsage.rss() / MB;
  const small = streamed(100_000);
  const large = streamed(count);
  check(small.summary, 100_000);
  check(large.summary, count);
  const growthMb = large.peakRssMb - small.peakRssMb;

  // Throughput from an in-memory array (the records are built before the clock starts).
  const records = syntheticPatients(count, SEED);
  const expected = new Map<string, number>();
  for (const record of records) {
    const status = screen(record).status;
    expected.set(status, (expected.get(status) ?? 0) + 1);
  }
  const time = <Summary>(run: () => Summary, rounds: number, records = count) => {
    const seconds: number[] = [];
    let summary: Summary | undefined;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      summary = run();
      seconds.push((performance.now() - started) / 1000);
    }
    seconds.sort((a, b) => a - b);
    return {
      best: records / (seconds[0] as number),
      median: records / (seconds[Math.floor(rounds / 2)] as number),
      summary: summary as Summary,
    };
  };
  const plain = time(() => summarizeCohort(screenCohort(records)), 7);
  const grouped = time(
    () =>
      summarizeCohort(screenCohort(records), {
        groupBy: (entry) => (entry.ok ? ageBand(entry.facts.ageYears, AGE_BANDS) : 'invalid'),
      }),
    5,
  );
  check(plain.summary, count);
  check(grouped.summary, count);
  for (const status of screeningStatuses) {
    if (plain.summary.byStatus[status] !== (expected.get(status) ?? 0)) {
      throw new Error(`cohort bench: summarizeCohort and screen disagree on the count of ${status}`);
    }
  }

  const wider = widerRuleSets(records.slice(0, WIDER_COUNT), time);

  const rate = (value: number) => Math.round(value).toLocaleString('en');
  console.table([
    {
      run: `${count.toLocaleString('en')} in memory`,
      'records/s (best)': rate(plain.best),
      'records/s (median)': rate(plain.median),
    },
    {
      run: `${count.toLocaleString('en')} in memory, grouped by age band`,
      'records/s (best)': rate(grouped.best),
      'records/s (median)': rate(grouped.median),
    },
  ]);
  console.table(
    wider.map((row) => ({
      run: row.run,
      'records/s (best)': rate(row.best),
      'records/s (median)': rate(row.median),
      'best, as a share of the protocol alone': `${Math.round((100 * row.best) / (wider[0]?.best ?? 1))}%`,
    })),
  );
  console.table(
    [small, large].map((run) => ({
      'streamed from a generator': run.count.toLocaleString('en'),
      'records/s': rate(run.count / run.seconds),
      'peak RSS (MB)': run.peakRssMb.toFixed(1),
    })),
  );
  console.log(`RSS before: ${baselineMb.toFixed(1)} MB; peak at 1M minus peak at 100k: ${growthMb.toFixed(1)} MB`);

  const targets = [
    [`>= 1,000,000 records/s in memory (best of rounds)`, plain.best >= 1_000_000],
    [`peak RSS at 1M within ${RSS_TOLERANCE_MB} MB of 100k when streamed`, growthMb <= RSS_TOLERANCE_MB],
  ] as const;
  for (const [target, met] of targets) console.log(`${met ? 'met   ' : 'MISSED'} ${target}`);
  return targets.every(([, met]) => met);
}

/** How many records the runs over wider rule sets screen. */
const WIDER_COUNT = 200_000;

type Timer = <Summary>(
  run: () => Summary,
  rounds: number,
  records?: number,
) => { best: number; median: number; summary: Summary };

/**
 * The protocol alone, a clinic's set with a fact of its own, and the three shipped sets, each on
 * the same records (with the clinic's fact, or the red-flag facts, added), after checking that
 * every summary counts what `screen` finds.
 */
function widerRuleSets(
  records: readonly ReturnType<typeof syntheticPatient>[],
  time: Timer,
): { run: string; best: number; median: number }[] {
  const n = records.length;
  const random = seededRandom(SEED + 1);
  const clinic = extendProtocol({
    id: 'bench-clinic',
    version: '1',
    facts: { metalAllergy: { label: { en: 'Allergy to metals such as nickel' } } },
    rules: [
      {
        id: 'metal-allergy',
        kind: 'relative',
        when: { type: 'any', facts: ['metalAllergy'] },
        source: { title: 'A clinic policy, for the benchmark' },
      },
    ],
  });
  const withOwnFact = records.map((record) => ({
    ...record,
    metalAllergy: random() < 0.1 ? null : random() < 0.02,
  }));
  const threeSets = defineRuleSet({
    id: 'bench-protocol-cautions-red-flags',
    version: '1',
    rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules, ...redFlagRuleSet.rules],
  });
  const withRedFlags = records.map((record) => {
    const flags: Record<string, boolean | null> = {};
    for (const fact of redFlagFactNames) {
      const draw = random();
      if (draw < 0.05) flags[fact] = null;
      else if (draw >= 0.1) flags[fact] = random() < 0.005;
    }
    return { ...record, ...flags };
  });
  const sameAsScreen = (name: string, summary: CohortStatistics<string, string>, statuses: readonly string[]) => {
    check(summary, n);
    for (const status of screeningStatuses) {
      if (summary.byStatus[status] !== statuses.filter((found) => found === status).length) {
        throw new Error(`cohort bench (${name}): summarizeCohort and screen disagree on the count of ${status}`);
      }
    }
  };
  const protocol = time(() => summarizeCohort(screenCohort(records)), 7, n);
  sameAsScreen(
    'protocol',
    protocol.summary,
    records.map((row) => screen(row).status),
  );
  const own = time(() => summarizeCohort(screenCohort(withOwnFact, { ruleSet: clinic })), 7, n);
  sameAsScreen(
    'own fact',
    own.summary,
    withOwnFact.map((row) => screen(row, { ruleSet: clinic }).status),
  );
  const wide = time(() => summarizeCohort(screenCohort(withRedFlags, { ruleSet: threeSets })), 7, n);
  sameAsScreen(
    'three sets',
    wide.summary,
    withRedFlags.map((row) => screen(row, { ruleSet: threeSets }).status),
  );
  const label = `${n.toLocaleString('en')} in memory`;
  return [
    { run: `${label}, protocol`, ...protocol },
    { run: `${label}, protocol and a fact of the clinic's own`, ...own },
    { run: `${label}, protocol, cautions and red flags (33 inputs)`, ...wide },
  ];
}
