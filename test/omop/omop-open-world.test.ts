// Random CDM rows, loaded into DuckDB and read by omopFactsSql: in an open world no fact is ever
// false, but for the one thing a record can state on the day itself (a "not pregnant" status of
// the index date); in a closed world, only inside an observation period that covers the index date.
// Ages are whole years in [0, 150), or NULL.
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { CODED_FACTS } from '../../src/fhir/code-list.js';
import { omopFactsSql } from '../../src/sql/index.js';
import type { CdmTables, Concept } from './cdm.js';
import { loadCdm } from './cdm.js';
import { type Engine, openDuckDb } from './engines.js';

const concept = (concept_id: number, vocabulary_id: string, concept_code: string): Concept => ({
  concept_id,
  concept_name: `${vocabulary_id} ${concept_code}`,
  domain_id: 'Condition',
  vocabulary_id,
  concept_class_id: 'Clinical Finding',
  standard_concept: vocabulary_id === 'SNOMED' || vocabulary_id === 'RxNorm' || vocabulary_id === 'LOINC' ? 'S' : null,
  concept_code,
  valid_start_date: '1970-01-01',
  valid_end_date: '2099-12-31',
  invalid_reason: null,
});

// Codes of every kind: counting, uncertain and noted codes of each fact, codes that match nothing,
// codes of a vocabulary no domain reads, and the pregnancy status with its answers.
const CONCEPTS: readonly Concept[] = [
  concept(1, 'ICD10', 'C50.9'), // malignant: oncology, history of cancer
  concept(2, 'ICD10', 'D48.5'), // not stated malignant: uncertain
  concept(3, 'ICD10', 'D68.0'), // coagulation defect
  concept(4, 'ICD10', 'U07.1'), // acute infection
  concept(5, 'ICD10', 'A41.9'), // infection, acuity not stated: uncertain
  concept(6, 'ICD10', 'F05.9'), // delirium: acute mental state
  concept(7, 'ICD10', 'F10.0'), // acute intoxication
  concept(8, 'ICD10', 'F10.2'), // substance use: noted only
  concept(9, 'ICD10', 'O80'), // pregnancy
  concept(10, 'ICD10', 'O03.9'), // pregnancy ended or ending: uncertain
  concept(11, 'ICD10', 'Z85.3'), // personal history of cancer
  concept(12, 'ICD10CM', 'Z79.52'), // long-term systemic steroids
  concept(13, 'ICD10', 'D84.9'), // immunodeficiency
  concept(14, 'ICD10', 'G83.4'), // cauda equina syndrome
  concept(15, 'SNOMED', '72892002'), // normal pregnancy
  concept(16, 'SNOMED', '44054006'), // diabetes: matches nothing
  concept(17, 'RxNorm', '855332'), // warfarin
  concept(18, 'RxNorm', '197604'), // digoxin: matches nothing
  concept(19, 'SNOMED', '706004007'), // pacemaker
  concept(20, 'LOINC', '82810-3'), // pregnancy status
  concept(21, 'LOINC', 'LA15173-0'), // pregnant
  concept(22, 'LOINC', 'LA26683-5'), // not pregnant
  concept(23, 'LOINC', 'LA4489-6'), // unknown
  concept(24, 'SNOMED', '60001007'), // not pregnant (finding)
  concept(25, 'Read', 'C10..'), // a vocabulary no domain reads
  concept(26, 'ATC', 'B01AA03'), // warfarin (ATC)
];
const NOT_PREGNANT_ANSWERS = [22, 24];
const STATUS = 20;

// Concept ids a row may carry: any concept above, 0 (no matching concept), one missing from `concept`, or NULL.
const conceptId = fc.oneof(fc.constantFrom(...CONCEPTS.map((c) => c.concept_id), 0, 999), fc.constant(null));
const DAY0 = Date.UTC(2024, 0, 1);
const date = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((n) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10));
const persons = [1, 2, 3];
const personId = fc.constantFrom(...persons);

const tables = fc.record({
  births: fc.tuple(
    ...persons.map(() =>
      fc.record({
        year: fc.integer({ min: 1870, max: 2028 }),
        month: fc.option(fc.integer({ min: 0, max: 13 }), { nil: null }),
        day: fc.option(fc.integer({ min: 0, max: 32 }), { nil: null }),
        datetime: fc.option(date, { nil: null, freq: 5 }),
      }),
    ),
  ),
  periods: fc.array(fc.record({ person: personId, start: date, end: date }), { maxLength: 3 }),
  conditions: fc.array(
    fc.record({
      person: personId,
      concept: conceptId,
      source: conceptId,
      start: date,
      end: fc.option(date, { nil: null }),
    }),
    { maxLength: 8 },
  ),
  drugs: fc.array(
    fc.record({
      person: personId,
      concept: conceptId,
      source: conceptId,
      start: date,
      end: date,
      verbatim: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  devices: fc.array(
    fc.record({ person: personId, concept: conceptId, start: date, end: fc.option(date, { nil: null }) }),
    { maxLength: 2 },
  ),
  observations: fc.array(
    fc.record({
      person: personId,
      concept: fc.oneof(fc.constant(STATUS), conceptId),
      source: conceptId,
      day: date,
      value: conceptId,
      measured: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
  on: date,
});

type Generated = typeof tables extends fc.Arbitrary<infer T> ? T : never;

function cdmOf(generated: Generated): CdmTables {
  const ehr = 32817;
  return {
    person: generated.births.map((birth, index) => ({
      person_id: index + 1,
      gender_concept_id: 0,
      year_of_birth: birth.year,
      month_of_birth: birth.month,
      day_of_birth: birth.day,
      birth_datetime: birth.datetime === null ? null : `${birth.datetime} 08:30:00`,
      race_concept_id: 0,
      ethnicity_concept_id: 0,
      person_source_value: null,
      gender_source_value: null,
    })),
    observation_period: generated.periods.map((period, index) => ({
      observation_period_id: index + 1,
      person_id: period.person,
      observation_period_start_date: period.start,
      observation_period_end_date: period.end,
      period_type_concept_id: ehr,
    })),
    condition_occurrence: generated.conditions.map((row, index) => ({
      condition_occurrence_id: index + 1,
      person_id: row.person,
      condition_concept_id: row.concept ?? 0,
      condition_start_date: row.start,
      condition_end_date: row.end,
      condition_type_concept_id: ehr,
      condition_status_concept_id: null,
      condition_source_value: null,
      condition_source_concept_id: row.source,
      condition_status_source_value: null,
    })),
    drug_exposure: generated.drugs.map((row, index) => ({
      drug_exposure_id: index + 1,
      person_id: row.person,
      drug_concept_id: row.concept ?? 0,
      drug_exposure_start_date: row.start,
      drug_exposure_end_date: row.end,
      verbatim_end_date: row.verbatim ? row.end : null,
      drug_type_concept_id: ehr,
      drug_source_value: null,
      drug_source_concept_id: row.source,
    })),
    device_exposure: generated.devices.map((row, index) => ({
      device_exposure_id: index + 1,
      person_id: row.person,
      device_concept_id: row.concept ?? 0,
      device_exposure_start_date: row.start,
      device_exposure_end_date: row.end,
      device_type_concept_id: ehr,
      device_source_value: null,
      device_source_concept_id: null,
    })),
    observation: generated.observations
      .filter((row) => !row.measured)
      .map((row, index) => ({
        observation_id: index + 1,
        person_id: row.person,
        observation_concept_id: row.concept ?? 0,
        observation_date: row.day,
        observation_type_concept_id: ehr,
        value_as_concept_id: row.value,
        observation_source_value: null,
        observation_source_concept_id: row.source,
        value_source_value: null,
      })),
    measurement: generated.observations
      .filter((row) => row.measured)
      .map((row, index) => ({
        measurement_id: index + 1,
        person_id: row.person,
        measurement_concept_id: row.concept ?? 0,
        measurement_date: row.day,
        measurement_type_concept_id: ehr,
        value_as_number: null,
        value_as_concept_id: row.value,
        measurement_source_value: null,
        measurement_source_concept_id: row.source,
        unit_source_value: null,
        value_source_value: null,
      })),
    concept: CONCEPTS,
  };
}

/** Whether the rows state "not pregnant" for the person on the day itself, in a pregnancy status. */
function notPregnantStatusOn(generated: Generated, person: number, on: string): boolean {
  return generated.observations.some(
    (row) =>
      row.person === person &&
      row.day === on &&
      (row.concept === STATUS || row.source === STATUS) &&
      row.value !== null &&
      NOT_PREGNANT_ANSWERS.includes(row.value),
  );
}

describe('omopFactsSql on random CDM rows (DuckDB)', () => {
  let engine: Engine;
  let run = 0;
  beforeAll(async () => {
    engine = await openDuckDb();
  });
  afterAll(async () => {
    await engine.close();
  });

  // Each run loads a CDM and runs two queries (about half a second): 20 runs keep the file under 15 s.
  test.prop([tables], { numRuns: 20 })(
    'never makes an unknown fact false: in an open world, nor in a closed one outside every observation period',
    async (generated) => {
      run++;
      const schema = `cdm_random_${run}`;
      await loadCdm(engine.run, 'duckdb', schema, cdmOf(generated));
      for (const closedWorld of ['never', 'within-observation-period'] as const) {
        const query = omopFactsSql({ dialect: 'duckdb', cdmSchema: schema, indexDate: generated.on, closedWorld });
        if (!query.ok) throw new Error(JSON.stringify(query.issues));
        const rows = await engine.query(query.value.sql);
        expect(rows).toHaveLength(persons.length);
        for (const row of rows) {
          const person = Number(row.person_id);
          const observed = generated.periods.some(
            (period) => period.person === person && period.start <= generated.on && period.end >= generated.on,
          );
          const age = row.ageYears;
          expect(age === null || (Number.isInteger(age) && (age as number) >= 0 && (age as number) < 150)).toBe(true);
          for (const fact of CODED_FACTS) {
            if (row[fact] !== false) continue;
            const stated = fact === 'pregnant' && notPregnantStatusOn(generated, person, generated.on);
            const closed = closedWorld === 'within-observation-period' && observed;
            expect(stated || closed, `${fact} is false for person ${person} (closedWorld ${closedWorld})`).toBe(true);
          }
        }
      }
      await engine.run(`DROP SCHEMA ${schema} CASCADE`);
    },
    120_000,
  );
});
