// Screening where the data lives, at warehouse scale: ten million synthetic records, written
// once to Parquet and to NDJSON (kept in node_modules/.cache/acuspine-bench, about 1.9 GB). In one
// run: DuckDB summarizing the Parquet file with cohortSummarySql, DuckDB screening every record
// with screeningSql and writing the screenings back to Parquet, and the JavaScript path
// (screenCohort + summarizeCohort) streaming the NDJSON file line by line. The two summaries
// must be equal. Targets: the DuckDB summary at least 5,000,000 records/s and at least 10 times
// the JavaScript path; peak memory flat in the number of records (1M against 10M, each measured
// in a process of its own).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { type CohortSummary, protocolRuleSet, screenCohort, summarizeCohort } from 'acuspine';
import { cohortSummarySql, screeningSql, summaryFromSqlRows } from 'acuspine/sql';

const RECORDS = 10_000_000;
const SMALL = 1_000_000;
const SUMMARY_TARGET = 5_000_000;
const RATIO_TARGET = 10;
/** Peak RSS at 10M may exceed that at 1M by at most this much, for each path. */
const RSS_TOLERANCE_MB = 64;
/** Bump when the generated records change, so that old files are not reused. */
const DATA_VERSION = 'v1';
const folder = join(process.cwd(), 'node_modules', '.cache', 'acuspine-bench', DATA_VERSION);
const files = (count: number) => ({
  parquet: join(folder, `cohort-${count}.parquet`),
  ndjson: join(folder, `cohort-${count}.ndjson`),
});

/**
 * The protocol's facts, each missing (NULL) for about one record in ten and present for one in
 * fifty, from DuckDB's hash of the record number, so that the files are the same on every run.
 * About one age in five hundred is out of range (151), which both paths count as invalid.
 */
function generatingQuery(count: number): string {
  const flag = (name: string) =>
    `CASE WHEN hash(i, '${name}') % 10 = 0 THEN NULL ELSE hash(i, '${name}') % 50 = 1 END AS "${name}"`;
  return `SELECT CAST(i AS BIGINT) AS patient_id,
    CASE WHEN hash(i, 'age') % 10 = 0 THEN NULL WHEN hash(i, 'age') % 500 = 1 THEN 151.0
         ELSE CAST(hash(i, 'years') % 9000 AS DOUBLE) / 100 END AS "ageYears",
    ${['oncologicalDisease', 'pregnant', 'coagulationDisorder', 'acuteInfection', 'acuteMentalIllness', 'psychotropicInfluence'].map(flag).join(',\n    ')}
  FROM range(${count}) t(i)`;
}

async function writeFilesOnce(): Promise<void> {
  if ([RECORDS, SMALL].every((count) => Object.values(files(count)).every((file) => existsSync(file)))) return;
  mkdirSync(folder, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = performance.now();
  for (const count of [RECORDS, SMALL]) {
    const { parquet, ndjson } = files(count);
    // Written under a temporary name and renamed, so that an interrupted run leaves no half file.
    await connection.run(`COPY (${generatingQuery(count)}) TO '${parquet}.part' (FORMAT parquet)`);
    renameSync(`${parquet}.part`, parquet);
    // The facts alone, as a JSON export of them would hold them (NULL as null).
    await connection.run(
      `COPY (SELECT * EXCLUDE (patient_id) FROM read_parquet('${parquet}') ORDER BY patient_id) TO '${ndjson}.part' (FORMAT json)`,
    );
    renameSync(`${ndjson}.part`, ndjson);
  }
  connection.closeSync();
  console.log(
    `  wrote the records once in ${((performance.now() - started) / 1000).toFixed(1)} s (${(statSync(files(RECORDS).ndjson).size / 1e9).toFixed(2)} GB of NDJSON)`,
  );
}

const millions = (count: number) => `${count / 1_000_000}M`;
const options = { dialect: 'duckdb', ruleSet: protocolRuleSet } as const;

/** One measurement, in this process: what the parent runs in a child of its own. */
async function measure(kind: string, count: number): Promise<{ seconds: number; summary?: CohortSummary }> {
  const { parquet, ndjson } = files(count);
  const started = performance.now();
  if (kind === 'duckdb-summary' || kind === 'duckdb-screenings') {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const from = { sql: `read_parquet('${parquet}')` };
    if (kind === 'duckdb-summary') {
      const query = cohortSummarySql({ ...options, from });
      if (!query.ok) throw new Error(JSON.stringify(query.issues));
      const rows = (await connection.runAndReadAll(query.value.sql)).getRowObjectsJS();
      const summary = summaryFromSqlRows(rows, { ruleSet: protocolRuleSet });
      if (!summary.ok) throw new Error(JSON.stringify(summary.issues));
      return { seconds: (performance.now() - started) / 1000, summary: summary.value };
    }
    const query = screeningSql({ ...options, from, keep: ['patient_id'] });
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    const out = join(folder, `screened-${count}.parquet`);
    // The screenings need not keep the file's row order (each carries its patient_id): without
    // the order to keep, DuckDB writes row groups as they come instead of holding them back.
    await connection.run('SET preserve_insertion_order = false');
    await connection.run(`COPY (${query.value.sql}) TO '${out}' (FORMAT parquet)`);
    const seconds = (performance.now() - started) / 1000;
    const written = (
      await connection.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${out}')`)
    ).getRowObjectsJS();
    rmSync(out);
    if (Number(written[0]?.n) !== count) throw new Error(`wrote ${String(written[0]?.n)} screenings of ${count}`);
    return { seconds };
  }
  const lines = createInterface({ input: createReadStream(ndjson), crlfDelay: Number.POSITIVE_INFINITY });
  async function* records() {
    for await (const line of lines) yield JSON.parse(line) as unknown;
  }
  const summary = await summarizeCohort(screenCohort(records()));
  return { seconds: (performance.now() - started) / 1000, summary };
}

interface Measured {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly summary?: CohortSummary;
}

/** Runs one measurement in a fresh process, so that its peak memory is its own. */
function inChild(kind: string, count: number): Measured {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', kind, String(count)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`${kind} over ${count} records failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as Measured;
}

/** Runs the benchmark and returns whether every target was met. */
export async function runSqlBench(): Promise<boolean> {
  console.log(
    `\nacuspine/sql over ${RECORDS.toLocaleString('en')} records (the protocol), DuckDB against the JavaScript path:`,
  );
  await writeFilesOnce();
  const runs = ['duckdb-summary', 'duckdb-screenings', 'javascript'].map((kind) => ({
    kind,
    small: inChild(kind, SMALL),
    large: inChild(kind, RECORDS),
  }));
  const [summaryRun, , javascriptRun] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
  if (!isDeepStrictEqual(summaryRun.large.summary, javascriptRun.large.summary)) {
    throw new Error('the DuckDB summary differs from the JavaScript summary of the same records');
  }
  if (!isDeepStrictEqual(summaryRun.small.summary, javascriptRun.small.summary)) {
    throw new Error(`the DuckDB summary of ${millions(SMALL)} records differs from the JavaScript summary`);
  }
  const rate = (run: Measured, count: number) => count / run.seconds;
  console.table(
    runs.map(({ kind, small, large }) => ({
      path: {
        'duckdb-summary': 'DuckDB: cohortSummarySql over Parquet',
        'duckdb-screenings': 'DuckDB: screeningSql, written back to Parquet',
        javascript: 'JavaScript: screenCohort + summarizeCohort over NDJSON',
      }[kind],
      [`records/s (${millions(RECORDS)})`]: Math.round(rate(large, RECORDS)).toLocaleString('en'),
      [`seconds (${millions(RECORDS)})`]: large.seconds.toFixed(2),
      [`peak RSS MB (${millions(SMALL)})`]: small.peakRssMb.toFixed(0),
      [`peak RSS MB (${millions(RECORDS)})`]: large.peakRssMb.toFixed(0),
    })),
  );
  console.log(
    `  the DuckDB summary equals the JavaScript summary, ${millions(SMALL)} and ${millions(RECORDS)} records`,
  );
  const summaryRate = rate(summaryRun.large, RECORDS);
  const ratio = summaryRate / rate(javascriptRun.large, RECORDS);
  const flat = runs.every(({ small, large }) => large.peakRssMb - small.peakRssMb <= RSS_TOLERANCE_MB);
  const checks: [boolean, string][] = [
    [
      summaryRate >= SUMMARY_TARGET,
      `DuckDB summary >= ${SUMMARY_TARGET.toLocaleString('en')} records/s (${Math.round(summaryRate).toLocaleString('en')})`,
    ],
    [ratio >= RATIO_TARGET, `DuckDB summary >= ${RATIO_TARGET}x the JavaScript path (${ratio.toFixed(1)}x)`],
    [
      flat,
      `peak memory flat in the number of records: ${millions(RECORDS)} within ${RSS_TOLERANCE_MB} MB of ${millions(SMALL)}, each path`,
    ],
  ];
  for (const [met, text] of checks) console.log(`${met ? 'met   ' : 'MISSED'} ${text}`);
  return checks.every(([met]) => met);
}

if (process.argv[2] === '--measure') {
  const result = await measure(process.argv[3] as string, Number(process.argv[4]));
  // The process's own high-water mark (VmHWM): a child's maxRSS also counts its parent's memory at the fork.
  const status = readFileSync('/proc/self/status', 'utf8');
  const peakKb = Number(/VmHWM:\s*(\d+) kB/.exec(status)?.[1]);
  if (!(peakKb > 0)) throw new Error('no VmHWM in /proc/self/status: the memory figures need Linux');
  const peakRssMb = peakKb / 1024;
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMb })}\n`);
}
