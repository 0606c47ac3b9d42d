// Screening a whole OMOP CDM in one query: a small CDM v5.4 in DuckDB (the tables and columns the
// query reads, with the CDM's names and types), its facts read by omopFactsSql as the FHIR path
// reads a record, screened and summarized by screeningSql and cohortSummarySql in the same query.
// It builds its own CDM, so it needs no data; it checks its own answers, so it doubles as a test
// (`npm run examples`). docs/omop.md walks through it.
//
//   npx tsx examples/omop-duckdb.ts
import assert from 'node:assert/strict';
import { DuckDBInstance } from '@duckdb/node-api';
import { cohortSummarySql, omopFactsSql, screeningSql, summaryFromSqlRows } from 'acuspine/sql';

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  await connection.run(`
    CREATE SCHEMA cdm;
    CREATE TABLE cdm.person (person_id BIGINT, year_of_birth INTEGER, month_of_birth INTEGER, day_of_birth INTEGER, birth_datetime TIMESTAMP);
    CREATE TABLE cdm.observation_period (person_id BIGINT, observation_period_start_date DATE, observation_period_end_date DATE);
    CREATE TABLE cdm.concept (concept_id INTEGER, vocabulary_id VARCHAR, concept_code VARCHAR);
    CREATE TABLE cdm.condition_occurrence (person_id BIGINT, condition_concept_id INTEGER, condition_source_concept_id INTEGER, condition_start_date DATE, condition_end_date DATE);
    CREATE TABLE cdm.drug_exposure (person_id BIGINT, drug_concept_id INTEGER, drug_source_concept_id INTEGER, drug_exposure_start_date DATE, drug_exposure_end_date DATE, verbatim_end_date DATE);
    CREATE TABLE cdm.device_exposure (person_id BIGINT, device_concept_id INTEGER, device_source_concept_id INTEGER, device_exposure_start_date DATE, device_exposure_end_date DATE);
    CREATE TABLE cdm.observation (person_id BIGINT, observation_concept_id INTEGER, observation_source_concept_id INTEGER, observation_date DATE, value_as_concept_id INTEGER);
    CREATE TABLE cdm.measurement (person_id BIGINT, measurement_concept_id INTEGER, measurement_source_concept_id INTEGER, measurement_date DATE, value_as_concept_id INTEGER);

    -- The concepts these rows use, by their vocabulary and code (the ids are this CDM's own).
    INSERT INTO cdm.concept VALUES
      (1, 'SNOMED', '254837009'),  -- malignant neoplasm of breast
      (2, 'ICD10CM', 'C50.911'),   -- its ICD-10-CM source code
      (3, 'RxNorm', '855332'),     -- warfarin sodium 5 MG oral tablet
      (4, 'SNOMED', '44054006'),   -- diabetes mellitus type 2: on no list
      (5, 'LOINC', '82810-3'),     -- pregnancy status
      (6, 'LOINC', 'LA26683-5'),   -- not pregnant
      (7, 'SNOMED', '706004007');  -- implantable cardiac pacemaker

    -- Five persons, observed from 2015 to 2026 (person 5 only until 2020).
    INSERT INTO cdm.person VALUES (1, 1960, 4, 2, NULL), (2, 1975, 9, 30, NULL), (3, 1988, 1, 15, NULL), (4, 1949, NULL, NULL, NULL), (5, 1980, 6, 1, NULL);
    INSERT INTO cdm.observation_period VALUES (1, '2015-01-01', '2026-12-31'), (2, '2015-01-01', '2026-12-31'), (3, '2015-01-01', '2026-12-31'), (4, '2015-01-01', '2026-12-31'), (5, '2015-01-01', '2020-12-31');
    -- 1: a breast cancer (standard SNOMED concept, ICD-10-CM source concept), still open.
    INSERT INTO cdm.condition_occurrence VALUES (1, 1, 2, '2024-03-01', NULL);
    -- 2: warfarin, a recorded course that covers the index date; a diabetes that matches no list.
    INSERT INTO cdm.drug_exposure VALUES (2, 3, 0, '2026-10-01', '2026-12-31', '2026-12-31');
    INSERT INTO cdm.condition_occurrence VALUES (2, 4, 0, '2019-05-01', NULL);
    -- 3: a "not pregnant" status on the index date itself, and nothing else.
    INSERT INTO cdm.observation VALUES (3, 5, 0, '2026-11-24', 6);
    -- 4: born in 1949 (year only: 76 or 77 on the index date, over 75 either way), a pacemaker.
    INSERT INTO cdm.device_exposure VALUES (4, 7, 0, '2018-02-01', NULL);
    -- 5: no record since the observation period ended.
  `);

  // Every person of cdm.person on one index date, absence read as "no" inside an observation period.
  const facts = omopFactsSql({
    dialect: 'duckdb',
    cdmSchema: 'cdm',
    indexDate: '2026-11-24',
    closedWorld: 'within-observation-period',
  });
  assert.ok(facts.ok);
  const { from, facts: mapping, keep } = facts.value;

  // One row per person: the screening, with what decided it.
  const screening = screeningSql({ dialect: 'duckdb', from, facts: mapping, keep: [...keep] });
  assert.ok(screening.ok);
  const rows = (await connection.runAndReadAll(screening.value.sql)).getRowObjectsJS();
  const statusOf = Object.fromEntries(rows.map((row) => [Number(row.person_id), row.status]));
  console.log('Screening on 2026-11-24:', statusOf);
  assert.deepEqual(statusOf, {
    1: 'contraindicated', // an open malignant neoplasm
    2: 'eligible', // warfarin is a caution of another rule set, not of the protocol; diabetes is on no list
    3: 'eligible', // not pregnant on the day, nothing else recorded in the observation period
    4: 'contraindicated', // over 75 whichever day of 1949 the birth was
    5: 'incomplete', // outside every observation period: nothing is known
  });

  // The whole CDM in one aggregate query, the same summary summarizeCohort gives in JavaScript.
  const summaryQuery = cohortSummarySql({ dialect: 'duckdb', from, facts: mapping });
  assert.ok(summaryQuery.ok);
  const summary = summaryFromSqlRows((await connection.runAndReadAll(summaryQuery.value.sql)).getRowObjectsJS());
  assert.ok(summary.ok);
  console.log(
    `${summary.value.total} persons: ${summary.value.byStatus.eligible} eligible, ${summary.value.byStatus.contraindicated} contraindicated, ${summary.value.byStatus.incomplete} incomplete`,
  );
  assert.equal(summary.value.total, 5);
  assert.deepEqual(summary.value.byStatus, { eligible: 2, caution: 0, incomplete: 1, contraindicated: 2, refer: 0 });
} finally {
  connection.closeSync();
  instance.closeSync();
}
