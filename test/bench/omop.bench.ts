// omopFactsSql at scale: one million synthetic persons in an OMOP CDM v5.4 database (a DuckDB
// file written once, in DuckDB, from hashes of the row numbers, and kept in
// node_modules/.cache/acuspine-bench/omop-v1), read by one query that reads the facts and screens
// every person. Measured, each the best of three runs in a process of its own (opening the file
// read-only): the facts with cohortSummarySql over them, and with screeningSql over them, counted
// by status. Beside them, the FHIR path's rate (factsFromFhir + screen, one process) on records
// of about the same content. No speed target: the checks are that the summary counts every
// person, that the screenings agree with it, and that eligible, incomplete and contraindicated
// persons are all found in a closed world.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { type CohortSummary, screen } from 'acuspine';
import { factsFromFhir } from 'acuspine/fhir';
import { cohortSummarySql, omopFactsSql, screeningSql, summaryFromSqlRows } from 'acuspine/sql';
import { cdmDdl } from '../omop/cdm.js';

const PERSONS = 1_000_000;
const INDEX_DATE = '2026-11-24';
const RUNS = 3;
/** FHIR records for the FHIR path's rate; each is screened once per run. */
const FHIR_RECORDS = 20_000;
/** Bump when the generated rows change, so that an old database is not reused. */
const DATA_VERSION = 'omop-v1';
const folder = join(process.cwd(), 'node_modules', '.cache', 'acuspine-bench', DATA_VERSION);
const database = join(folder, 'cdm.duckdb');

/**
 * The concepts the rows refer to: [concept_id, vocabulary_id, concept_code, concept_name, domain_id].
 * The conditions pair a SNOMED standard concept with an ICD-10 source concept, as an ETL maps them.
 */
const CONCEPTS: readonly (readonly [number, string, string, string, string])[] = [
  // Conditions on no list (the SNOMED standard concepts 1-8, their ICD-10 sources 21-28).
  [1, 'SNOMED', '44054006', 'Diabetes mellitus type 2', 'Condition'],
  [2, 'SNOMED', '38341003', 'Hypertensive disorder', 'Condition'],
  [3, 'SNOMED', '55822004', 'Hyperlipidemia', 'Condition'],
  [4, 'SNOMED', '195967001', 'Asthma', 'Condition'],
  [5, 'SNOMED', '271737000', 'Anemia', 'Condition'],
  [6, 'SNOMED', '230690007', 'Cerebrovascular accident', 'Condition'],
  [7, 'SNOMED', '279039007', 'Low back pain', 'Condition'],
  [8, 'SNOMED', '77547008', 'Prolapsed lumbar intervertebral disc', 'Condition'],
  [21, 'ICD10', 'E11.9', 'Type 2 diabetes mellitus without complications', 'Condition'],
  [22, 'ICD10', 'I10', 'Essential (primary) hypertension', 'Condition'],
  [23, 'ICD10', 'E78.5', 'Hyperlipidaemia, unspecified', 'Condition'],
  [24, 'ICD10', 'J45.9', 'Asthma, unspecified', 'Condition'],
  [25, 'ICD10', 'D64.9', 'Anaemia, unspecified', 'Condition'],
  [26, 'ICD10', 'I63.9', 'Cerebral infarction, unspecified', 'Condition'],
  [27, 'ICD10', 'M54.5', 'Low back pain', 'Condition'],
  [28, 'ICD10', 'M51.2', 'Other specified intervertebral disc displacement', 'Condition'],
  // Conditions on a list (standard 9-12, source 29-32).
  [9, 'SNOMED', '254837009', 'Malignant neoplasm of breast', 'Condition'],
  [10, 'SNOMED', '128105004', 'Von Willebrand disorder', 'Condition'],
  [11, 'SNOMED', '840539006', 'Disease caused by SARS-CoV-2', 'Condition'],
  [12, 'SNOMED', '72892002', 'Normal pregnancy', 'Condition'],
  [29, 'ICD10', 'C50.9', 'Malignant neoplasm of breast, unspecified', 'Condition'],
  [30, 'ICD10', 'D68.0', 'Von Willebrand disease', 'Condition'],
  [31, 'ICD10', 'U07.1', 'COVID-19, virus identified', 'Condition'],
  [32, 'ICD10', 'Z33.1', 'Pregnant state, incidental', 'Condition'],
  // Drugs: warfarin (an anticoagulant), and four on no list.
  [41, 'RxNorm', '855332', 'warfarin sodium 5 MG Oral Tablet', 'Drug'],
  [42, 'RxNorm', '860975', 'metformin hydrochloride 500 MG Oral Tablet', 'Drug'],
  [43, 'RxNorm', '314076', 'lisinopril 10 MG Oral Tablet', 'Drug'],
  [44, 'RxNorm', '617312', 'atorvastatin 10 MG Oral Tablet', 'Drug'],
  [45, 'RxNorm', '197361', 'amlodipine 5 MG Oral Tablet', 'Drug'],
  // Devices: a pacemaker, and a cane.
  [51, 'SNOMED', '706004007', 'Implantable cardiac pacemaker', 'Device'],
  [52, 'SNOMED', '87405001', 'Cane', 'Device'],
  // Observations and measurements: pregnancy status and its answers, smoking status, body weight.
  [61, 'LOINC', '82810-3', 'Pregnancy status', 'Observation'],
  [62, 'LOINC', 'LA15173-0', 'Pregnant', 'Meas Value'],
  [63, 'LOINC', 'LA26683-5', 'Not pregnant', 'Meas Value'],
  [64, 'LOINC', 'LA4489-6', 'Unknown', 'Meas Value'],
  [65, 'LOINC', '72166-2', 'Tobacco smoking status', 'Observation'],
  [66, 'LOINC', '29463-7', 'Body weight', 'Measurement'],
  [67, 'SNOMED', '266919005', 'Never smoked tobacco', 'Observation'],
];

/** A number from 0 to n - 1 drawn from the row number and a tag: the same on every run. */
const draw = (row: string, tag: string, n: number) => `CAST(hash(${row}, '${tag}') % ${n} AS INTEGER)`;
const day = (from: string, days: string) => `DATE '${from}' + ${days}`;
const daysBefore = (to: string, days: string) => `DATE '${to}' - ${days}`;
const ehr = 32817; // EHR, the type concept of every row

/**
 * The rows, one INSERT per table, each generated by DuckDB from range(). Per person: a birth year
 * from 1940 to 2024 (one in ten year-only, two in ten with birth_datetime); one observation
 * period (nine in ten covering the index date); five conditions (mostly on no list; 1.5% with
 * concept 0, 1.5% malignant, 0.8% coagulation defects, 2% acute infections begun within 120 days,
 * 1% pregnancies begun within 400 days); two drug exposures since 2020 (4% warfarin, 1% concept 0,
 * one end in five derived); a smoking status and a body weight. Besides: 30,000 device exposures
 * (a third pacemakers), 20,000 pregnancy status observations and 5,000 pregnancy status measurements.
 */
function generatingStatements(): string[] {
  const person = `INSERT INTO cdm.person (person_id, gender_concept_id, year_of_birth, month_of_birth, day_of_birth, birth_datetime, race_concept_id, ethnicity_concept_id)
    SELECT i + 1, CASE WHEN hash(i, 'g') % 2 = 0 THEN 8507 ELSE 8532 END, y, CASE WHEN kind = 0 THEN NULL ELSE m END,
      CASE WHEN kind = 0 THEN NULL ELSE d END, CASE WHEN kind IN (1, 2) THEN make_timestamp(y, m, d, 8, 30, 0) END, 0, 0
    FROM (SELECT i, 1940 + ${draw('i', 'y', 85)} AS y, 1 + ${draw('i', 'm', 12)} AS m, 1 + ${draw('i', 'd', 28)} AS d,
      ${draw('i', 'birth', 10)} AS kind FROM range(${PERSONS}) t(i))`;
  const period = `INSERT INTO cdm.observation_period
    SELECT i + 1, i + 1, ${day('2005-01-01', draw('i', 'ops', 3650))},
      CASE WHEN hash(i, 'opc') % 10 = 0 THEN ${day('2018-01-01', draw('i', 'ope', 2000))} ELSE ${day('2027-06-30', draw('i', 'ope', 1000))} END, ${ehr}
    FROM range(${PERSONS}) t(i)`;
  // Condition kinds from a draw of 1,000: 0-849 and 918-999 on no list, then unmapped (850-864),
  // malignant (865-879), coagulation (880-887), acute infection (888-907), pregnancy (908-917).
  const condition = `INSERT INTO cdm.condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_end_date, condition_type_concept_id, condition_source_concept_id)
    SELECT j + 1, j // 5 + 1, concept, start, CASE
        WHEN category = 'acute' THEN CASE WHEN hash(j, 'ce') % 2 = 0 THEN NULL ELSE start + 10 END
        WHEN category = 'pregnancy' THEN CASE WHEN hash(j, 'ce') % 5 < 3 THEN NULL ELSE start + 280 END
        WHEN hash(j, 'ce') % 10 < 7 THEN NULL ELSE start + ${draw('j', 'cl', 200)} END, ${ehr}, source
    FROM (SELECT j, category, CASE category WHEN 'other' THEN 1 + other WHEN 'unmapped' THEN 0 WHEN 'malignant' THEN 9
          WHEN 'coagulation' THEN 10 WHEN 'acute' THEN 11 ELSE 12 END AS concept,
        CASE category WHEN 'other' THEN 21 + other WHEN 'unmapped' THEN 0 WHEN 'malignant' THEN 29
          WHEN 'coagulation' THEN 30 WHEN 'acute' THEN 31 ELSE 32 END AS source,
        CASE category WHEN 'acute' THEN ${daysBefore(INDEX_DATE, draw('j', 'cs', 120))}
          WHEN 'pregnancy' THEN ${daysBefore(INDEX_DATE, draw('j', 'cs', 400))}
          ELSE ${day('2000-01-01', draw('j', 'cs', 10000))} END AS start
      FROM (SELECT j, ${draw('j', 'co', 8)} AS other, CASE
          WHEN h < 850 OR h >= 918 THEN 'other' WHEN h < 865 THEN 'unmapped' WHEN h < 880 THEN 'malignant'
          WHEN h < 888 THEN 'coagulation' WHEN h < 908 THEN 'acute' ELSE 'pregnancy' END AS category
        FROM (SELECT j, ${draw('j', 'c', 1000)} AS h FROM range(${5 * PERSONS}) t(j))))`;
  const drug = `INSERT INTO cdm.drug_exposure (drug_exposure_id, person_id, drug_concept_id, drug_exposure_start_date, drug_exposure_end_date, verbatim_end_date, drug_type_concept_id, drug_source_concept_id)
    SELECT j + 1, j // 2 + 1, concept, start, start + 30 + ${draw('j', 'dl', 335)},
      CASE WHEN hash(j, 'dv') % 5 = 0 THEN NULL ELSE start + 30 + ${draw('j', 'dl', 335)} END, ${ehr}, 0
    FROM (SELECT j, CASE WHEN h < 40 THEN 41 WHEN h < 50 THEN 0 ELSE 42 + ${draw('j', 'do', 4)} END AS concept,
        ${day('2020-01-01', draw('j', 'ds', 2550))} AS start
      FROM (SELECT j, ${draw('j', 'd', 1000)} AS h FROM range(${2 * PERSONS}) t(j)))`;
  const device = `INSERT INTO cdm.device_exposure (device_exposure_id, person_id, device_concept_id, device_exposure_start_date, device_type_concept_id, device_source_concept_id)
    SELECT j + 1, 1 + ${draw('j', 'vp', PERSONS)}, CASE WHEN hash(j, 'v') % 3 = 0 THEN 51 ELSE 52 END,
      ${day('2010-01-01', draw('j', 'vs', 6000))}, ${ehr}, 0
    FROM range(30000) t(j)`;
  const observation = `INSERT INTO cdm.observation (observation_id, person_id, observation_concept_id, observation_date, observation_type_concept_id, value_as_concept_id, observation_source_concept_id)
    SELECT i + 1, i + 1, 65, ${day('2015-01-01', draw('i', 'os', 4000))}, ${ehr}, 67, 0 FROM range(${PERSONS}) t(i)
    UNION ALL
    SELECT ${PERSONS} + j + 1, 1 + ${draw('j', 'sp', PERSONS)}, 61, ${daysBefore(INDEX_DATE, draw('j', 'ss', 400))}, ${ehr},
      CASE WHEN hash(j, 'sv') % 10 < 4 THEN 62 WHEN hash(j, 'sv') % 10 < 9 THEN 63 ELSE 64 END, 0
    FROM range(20000) t(j)`;
  const measurement = `INSERT INTO cdm.measurement (measurement_id, person_id, measurement_concept_id, measurement_date, measurement_type_concept_id, value_as_number, value_as_concept_id, measurement_source_concept_id)
    SELECT i + 1, i + 1, 66, ${day('2015-01-01', draw('i', 'ms', 4000))}, ${ehr}, 40 + ${draw('i', 'mw', 80)}, NULL, 0 FROM range(${PERSONS}) t(i)
    UNION ALL
    SELECT ${PERSONS} + j + 1, 1 + ${draw('j', 'mp', PERSONS)}, 61, ${daysBefore(INDEX_DATE, draw('j', 'mt', 400))}, ${ehr}, NULL,
      CASE WHEN hash(j, 'mv') % 2 = 0 THEN 62 ELSE 63 END, 0
    FROM range(5000) t(j)`;
  const concept = `INSERT INTO cdm.concept VALUES ${CONCEPTS.map(
    ([id, vocabulary, code, name, domain]) =>
      `(${id}, '${name}', '${domain}', '${vocabulary}', 'Clinical Finding', ${id < 21 || id > 40 ? "'S'" : 'NULL'}, '${code}', DATE '1970-01-01', DATE '2099-12-31', NULL)`,
  ).join(', ')}`;
  return [concept, person, period, condition, drug, device, observation, measurement];
}

/**
 * Opens the database file, attached as the catalog \`omop\`: opened directly, its catalog would be
 * named after the file, \`cdm\`, and DuckDB then refuses \`"cdm"."person"\` as ambiguous between
 * the catalog and the schema.
 */
async function openCdm(file: string, readOnly: boolean) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`ATTACH '${file}' AS omop${readOnly ? ' (READ_ONLY)' : ''}`);
  await connection.run('USE omop');
  return { instance, connection };
}

/** Writes the database once: under a temporary name, renamed when complete. */
async function writeDatabaseOnce(): Promise<void> {
  if (existsSync(database)) return;
  mkdirSync(folder, { recursive: true });
  const part = `${database}.part`;
  for (const leftover of [part, `${part}.wal`]) rmSync(leftover, { force: true });
  const started = performance.now();
  const { instance, connection } = await openCdm(part, false);
  await connection.run('CREATE SCHEMA cdm');
  for (const statement of cdmDdl('duckdb', 'cdm')) await connection.run(statement);
  for (const statement of generatingStatements()) await connection.run(statement);
  await connection.run('CHECKPOINT omop');
  await connection.run('USE memory');
  await connection.run('DETACH omop');
  connection.closeSync();
  instance.closeSync();
  renameSync(part, database);
  console.log(
    `  wrote the CDM of ${PERSONS.toLocaleString('en')} persons once in ${((performance.now() - started) / 1000).toFixed(1)} s (${(statSync(database).size / 1e6).toFixed(0)} MB)`,
  );
}

function factsQuery() {
  const facts = omopFactsSql({
    dialect: 'duckdb',
    cdmSchema: 'cdm',
    indexDate: INDEX_DATE,
    closedWorld: 'within-observation-period',
  });
  if (!facts.ok) throw new Error(JSON.stringify(facts.issues));
  return facts.value;
}

interface Measurement {
  readonly seconds: number;
  readonly summary?: CohortSummary;
  readonly byStatus?: Readonly<Record<string, number>>;
}

/** One measurement, in this process: what the parent runs in a child of its own. */
async function measure(kind: string): Promise<Measurement> {
  const { instance, connection } = await openCdm(database, true);
  try {
    const started = performance.now();
    const facts = factsQuery();
    if (kind === 'summary') {
      const query = cohortSummarySql({ dialect: 'duckdb', from: facts.from, facts: facts.facts });
      if (!query.ok) throw new Error(JSON.stringify(query.issues));
      const rows = (await connection.runAndReadAll(query.value.sql)).getRowObjectsJS();
      const summary = summaryFromSqlRows(rows);
      if (!summary.ok) throw new Error(JSON.stringify(summary.issues));
      return { seconds: (performance.now() - started) / 1000, summary: summary.value };
    }
    const query = screeningSql({ dialect: 'duckdb', from: facts.from, facts: facts.facts, keep: [...facts.keep] });
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    // The screening query starts with WITH and has no semicolon: DuckDB takes it as a subquery.
    const rows = (
      await connection.runAndReadAll(
        `SELECT status, COUNT(*) AS n FROM (${query.value.sql}) AS acuspine_bench_screenings GROUP BY status`,
      )
    ).getRowObjectsJS();
    const seconds = (performance.now() - started) / 1000;
    return { seconds, byStatus: Object.fromEntries(rows.map((row) => [String(row.status), Number(row.n)])) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

interface Measured extends Measurement {
  readonly peakRssMb: number;
}

/** Runs one measurement in a fresh process, so that its peak memory is its own. */
function inChild(kind: string): Measured {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', kind], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the OMOP ${kind} query failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as Measured;
}

/** The best of RUNS runs, each in a process of its own; the highest peak memory of them. */
function bestOf(kind: string): Measured {
  const runs = Array.from({ length: RUNS }, () => inChild(kind));
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...best, peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)) };
}

const SNOMED = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';

/** A small deterministic hash of a record number and a tag, from 0 to n - 1. */
function pick(i: number, tag: number, n: number): number {
  let x = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(tag + 1, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  x = Math.imul(x ^ (x >>> 12), 0x297a2d39);
  return ((x ^ (x >>> 15)) >>> 0) % n;
}

const isoDay = (from: string, days: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A FHIR record with what the CDM holds for one person: a birth date, five conditions (SNOMED,
 * a few on a list by ICD-10), two medication statements, a smoking status; now and then a
 * pregnancy status.
 */
function fhirRecord(i: number): unknown {
  const ref = { reference: `Patient/p${i}` };
  const entry: unknown[] = [
    {
      resource: {
        resourceType: 'Patient',
        id: `p${i}`,
        birthDate: `${1940 + pick(i, 1, 85)}-${String(1 + pick(i, 2, 12)).padStart(2, '0')}-${String(1 + pick(i, 3, 28)).padStart(2, '0')}`,
      },
    },
  ];
  const other = ['44054006', '38341003', '55822004', '195967001', '271737000', '230690007', '279039007', '77547008'];
  for (let c = 0; c < 5; c++) {
    // The CDM's kinds of condition, by the same shares (its unmapped ones here on no list).
    const h = pick(i, 10 + c, 1000);
    const [system, code, onset] =
      h < 865 || h >= 918
        ? [SNOMED, other[h % 8] as string, isoDay('2000-01-01', pick(i, 20 + c, 10000))]
        : h < 880
          ? [ICD10, 'C50.9', isoDay('2000-01-01', pick(i, 20 + c, 10000))]
          : h < 888
            ? [ICD10, 'D68.0', isoDay('2000-01-01', pick(i, 20 + c, 10000))]
            : h < 908
              ? [ICD10, 'U07.1', isoDay(INDEX_DATE, -pick(i, 20 + c, 120))]
              : [ICD10, 'Z33.1', isoDay(INDEX_DATE, -pick(i, 20 + c, 400))];
    entry.push({
      resource: {
        resourceType: 'Condition',
        id: `c${c}`,
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
        },
        verificationStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
        },
        code: { coding: [{ system, code }] },
        subject: ref,
        onsetDateTime: onset,
      },
    });
  }
  for (let d = 0; d < 2; d++) {
    const start = isoDay('2020-01-01', pick(i, 30 + d, 2550));
    entry.push({
      resource: {
        resourceType: 'MedicationStatement',
        id: `m${d}`,
        status: 'active',
        medicationCodeableConcept: {
          coding: [{ system: RXNORM, code: pick(i, 40 + d, 25) === 0 ? '855332' : '860975' }],
        },
        subject: ref,
        effectivePeriod: { start, end: isoDay(start, 30 + pick(i, 50 + d, 335)) },
      },
    });
  }
  entry.push({
    resource: {
      resourceType: 'Observation',
      id: 'smoking',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '72166-2' }] },
      subject: ref,
      effectiveDateTime: isoDay('2015-01-01', pick(i, 60, 4000)),
      valueCodeableConcept: { coding: [{ system: SNOMED, code: '266919005' }] },
    },
  });
  if (pick(i, 70, 50) === 0) {
    entry.push({
      resource: {
        resourceType: 'Observation',
        id: 'pregnancy-status',
        status: 'final',
        code: { coding: [{ system: LOINC, code: '82810-3' }] },
        subject: ref,
        effectiveDateTime: isoDay(INDEX_DATE, -pick(i, 71, 400)),
        valueCodeableConcept: { coding: [{ system: LOINC, code: pick(i, 72, 2) === 0 ? 'LA15173-0' : 'LA26683-5' }] },
      },
    });
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

/** The FHIR path's records/s: factsFromFhir + screen over FHIR_RECORDS records, the best of RUNS runs. */
function fhirRate(): number {
  const records = Array.from({ length: FHIR_RECORDS }, (_, i) => fhirRecord(i));
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    let screened = 0;
    for (const record of records) {
      const facts = factsFromFhir(record, { on: INDEX_DATE, closedWorld: true });
      if (!facts.ok) throw new Error(`omop bench: a FHIR record was refused: ${JSON.stringify(facts.issues)}`);
      if (screen(facts.value.facts).status !== undefined) screened++;
    }
    if (screened !== FHIR_RECORDS) throw new Error('omop bench: a FHIR record was not screened');
    // The first run warms up.
    if (run > 0) best = Math.min(best, (performance.now() - started) / 1000);
  }
  return FHIR_RECORDS / best;
}

const perSecond = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en');

/** Runs the benchmark, prints its figures, and returns whether every check passed. */
export async function runOmopBench(): Promise<boolean> {
  console.log(
    `\nOMOP: omopFactsSql over ${PERSONS.toLocaleString('en')} persons of a CDM in DuckDB, closed world, screened in the same query (best of ${RUNS})`,
  );
  await writeDatabaseOnce();
  const summaryRun = bestOf('summary');
  const screeningRun = bestOf('screening');
  const fhir = fhirRate();
  const summary = summaryRun.summary as CohortSummary;
  const byStatus = screeningRun.byStatus ?? {};
  console.table([
    {
      query: 'omopFactsSql + cohortSummarySql',
      'persons/s': perSecond(PERSONS, summaryRun.seconds),
      seconds: summaryRun.seconds.toFixed(2),
      'peak RSS MB': summaryRun.peakRssMb.toFixed(0),
    },
    {
      query: 'omopFactsSql + screeningSql, counted by status',
      'persons/s': perSecond(PERSONS, screeningRun.seconds),
      seconds: screeningRun.seconds.toFixed(2),
      'peak RSS MB': screeningRun.peakRssMb.toFixed(0),
    },
  ]);
  console.log(
    `  OMOP in DuckDB: ${perSecond(PERSONS, summaryRun.seconds)} persons/s; FHIR path (factsFromFhir + screen, one process): ${Math.round(fhir).toLocaleString('en')} records/s`,
  );
  console.log(
    `  by status: ${Object.entries(summary.byStatus)
      .map(([status, count]) => `${status} ${count.toLocaleString('en')}`)
      .join(', ')}; invalid ${summary.invalid.toLocaleString('en')}`,
  );
  const counted = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
  const agree = Object.entries(summary.byStatus).every(([status, count]) => (byStatus[status] ?? 0) === count);
  const found = (['eligible', 'incomplete', 'contraindicated'] as const).every(
    (status) => summary.byStatus[status] > 0,
  );
  const checks: [boolean, string][] = [
    [summary.total === PERSONS, `the summary counts every person (${summary.total.toLocaleString('en')})`],
    [
      counted === PERSONS && agree,
      `the screenings, counted by status, equal the summary (${counted.toLocaleString('en')})`,
    ],
    [found, 'eligible, incomplete and contraindicated persons are all found'],
  ];
  for (const [met, text] of checks) console.log(`${met ? 'met   ' : 'MISSED'} ${text}`);
  return checks.every(([met]) => met);
}

if (process.argv[2] === '--measure') {
  const result = await measure(process.argv[3] as string);
  // The process's own high-water mark (VmHWM): a child's maxRSS also counts its parent's memory at the fork.
  const status = readFileSync('/proc/self/status', 'utf8');
  const peakKb = Number(/VmHWM:\s*(\d+) kB/.exec(status)?.[1]);
  if (!(peakKb > 0)) throw new Error('no VmHWM in /proc/self/status: the memory figures need Linux');
  const peakRssMb = peakKb / 1024;
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMb })}\n`);
}
