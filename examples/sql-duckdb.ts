// Screening where the data lives: a cohort in a Parquet file, screened and summarized by DuckDB
// with the SQL that acuspine/sql writes, and checked against the JavaScript path on the same
// records. It writes a seeded synthetic cohort to the temp folder first, so it needs no data; it
// checks its own answers, so it doubles as a test (`npm run examples`).
//
//   npx tsx examples/sql-duckdb.ts
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { cautionRuleSet, extendProtocol, screenCohort, summarizeCohort } from 'acuspine';
import { cohortSummarySql, screeningSql, summaryFromSqlRows } from 'acuspine/sql';

const folder = mkdtempSync(join(tmpdir(), 'acuspine-sql-example-'));
const parquet = join(folder, 'cohort.parquet');
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  // 10,000 synthetic patients: every fact sometimes missing (NULL), pregnancy recorded as codes.
  await connection.run(`
    COPY (
      SELECT CAST(i AS INTEGER) AS patient_id,
             CASE WHEN hash(i, 'age') % 10 = 0 THEN NULL ELSE CAST(18 + hash(i) % 70 AS INTEGER) END AS age,
             CASE WHEN hash(i, 'onc') % 10 = 0 THEN NULL ELSE hash(i, 'onc') % 40 = 1 END AS oncologicalDisease,
             CASE hash(i, 'preg') % 20 WHEN 0 THEN NULL WHEN 1 THEN 'Y' ELSE 'N' END AS pregnancy_code,
             hash(i, 'coag') % 50 = 1 AS coagulationDisorder,
             CASE WHEN hash(i, 'inf') % 10 = 0 THEN NULL ELSE hash(i, 'inf') % 25 = 1 END AS acuteInfection,
             false AS acuteMentalIllness,
             CASE WHEN hash(i, 'psy') % 30 = 0 THEN NULL ELSE false END AS psychotropicInfluence,
             hash(i, 'ac') % 20 = 1 AS anticoagulantTherapy,
             hash(i, 'pm') % 60 = 1 AS pacemaker,
             hash(i, 'ea') % 4 = 1 AS electroacupuncturePlanned,
             hash(i, 'skin') % 50 = 1 AS skinLesionAtSite,
             hash(i, 'np') % 30 = 1 AS needlePhobia,
             hash(i, 'ep') % 90 = 1 AS epilepsy,
             CASE hash(i, 'site') % 3 WHEN 0 THEN 'north' WHEN 1 THEN 'south' ELSE 'east' END AS site
      FROM range(10000) t(i)
    ) TO '${parquet}' (FORMAT parquet)`);

  const ruleSet = extendProtocol({ id: 'protocol-and-cautions', version: '1', rules: [...cautionRuleSet.rules] });
  const options = {
    dialect: 'duckdb',
    from: { sql: `read_parquet('${parquet}')` },
    ruleSet,
    facts: {
      ageYears: { column: 'age' },
      pregnant: { column: 'pregnancy_code', as: 'codes', yes: ['Y'], no: ['N'] },
    },
  } as const;

  // Per patient: the status, each rule's outcome, what to ask.
  const perPatient = screeningSql({ ...options, keep: ['patient_id', 'site'] });
  if (!perPatient.ok) throw new Error(JSON.stringify(perPatient.issues));
  const reader = await connection.runAndReadAll(`${perPatient.value.sql} ORDER BY patient_id LIMIT 3`);
  console.log('The first three patients, screened by DuckDB:');
  console.table(reader.getRowObjectsJS().map(({ patient_id, status, missing }) => ({ patient_id, status, missing })));

  // The whole cohort in one aggregate query, by site.
  const summaryQuery = cohortSummarySql({ ...options, groupBy: 'site' });
  if (!summaryQuery.ok) throw new Error(JSON.stringify(summaryQuery.issues));
  const rows = (await connection.runAndReadAll(summaryQuery.value.sql)).getRowObjectsJS();
  const summary = summaryFromSqlRows(rows, { ruleSet, groupBy: 'site' });
  if (!summary.ok) throw new Error(JSON.stringify(summary.issues));
  console.log('\nBy status, from DuckDB:', summary.value.byStatus);

  // The same records through the JavaScript path must give the very same summary.
  const records = (
    await connection.runAndReadAll(`
      SELECT * EXCLUDE (age, pregnancy_code, patient_id),
             age AS ageYears,
             CASE pregnancy_code WHEN 'Y' THEN true WHEN 'N' THEN false END AS pregnant
      FROM read_parquet('${parquet}') ORDER BY patient_id`)
  ).getRowObjectsJS() as Record<string, unknown>[];
  const sites = records.map((record) => record.site as string);
  const facts = records.map(({ site: _site, ...rest }) =>
    Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)),
  );
  const expected = summarizeCohort(screenCohort(facts, { ruleSet }), {
    ruleSet,
    groupBy: (entry) => sites[entry.index] as string,
  });
  assert.deepStrictEqual(summary.value, expected);
  console.log('The JavaScript path over the same 10,000 records gives the same summary.');
} finally {
  connection.closeSync();
  instance.closeSync();
  rmSync(folder, { recursive: true, force: true });
}
