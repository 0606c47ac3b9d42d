// The FHIR -> OMOP converter of the tests (from-fhir.ts, cdm.ts): the rows it writes for the
// fixtures of test/fhir, and the same rows loaded into DuckDB and PostgreSQL (PGlite) through the
// official CDM v5.4 table definitions, read back by SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FhirAnyResource, type FhirBundle, factsFromFhir } from '../../src/fhir/index.js';
import {
  ATC,
  bundle,
  condition,
  ICD10,
  ICD10CM,
  medicationRequest,
  medicationStatement,
  NOT_PREGNANT,
  ON,
  PREGNANT,
  patient,
  pregnancyStatus,
  RXNORM,
  SNOMED,
  UNKNOWN,
} from '../fhir/fixtures/builders.js';
import { annaLike, bobLike, darylLike, edwardLike, francesLike } from '../fhir/fixtures/synthea-shaped.js';
import { CDM_TABLES, type CdmDialect, type CdmTables, type Concept, cdmDdl, loadCdm, type Person } from './cdm.js';
import { type Engine, openDuckDb, openPglite } from './engines.js';
import {
  type CdmFromFhir,
  CONDITION_VERIFICATION,
  cdmFromFhir,
  EHR,
  FEMALE,
  FIRST_LOCAL_CONCEPT_ID,
  MALE,
  NO_MATCHING_CONCEPT,
  WRITTEN_PRESCRIPTION_DAYS,
} from './from-fhir.js';

const synthea = [annaLike, bobLike, darylLike, edwardLike, francesLike] as unknown as FhirBundle[];

/** A bundle of hand-built resources (the builders write Patient/p1 as every subject). */
const record = (...resources: readonly (FhirAnyResource | Record<string, unknown>)[]) =>
  bundle(resources as FhirAnyResource[]);

const device = (fields: Record<string, unknown> = {}) => ({
  resourceType: 'Device',
  id: 'd1',
  status: 'active',
  type: { coding: [{ system: SNOMED, code: '706004007', display: 'Implantable cardiac pacemaker' }] },
  patient: { reference: 'Patient/p1' },
  meta: { lastUpdated: '2025-06-01T10:00:00Z' },
  ...fields,
});

/** A hand-built record with every path: ICD-10 and SNOMED CT conditions, drugs, pregnancy statuses, a device. */
const handBuilt = record(
  patient('1984-01-16'),
  condition('c-icd', ICD10, 'C50.9', { onset: '2019-04-02' }),
  condition('c-icd-nodot', ICD10, 'c509', { onset: '2019-05' }),
  condition('c-cm', ICD10CM, 'Z95.810', { onset: '2020-01-10', abatement: '2021-02-03T08:00:00+03:00' }),
  {
    ...condition('c-both', SNOMED, '254837009', { onset: '2018-03-04' }),
    code: {
      coding: [
        { system: ICD10, code: 'C50.9', display: 'Malignant neoplasm of breast, unspecified' },
        { system: SNOMED, code: '254837009', display: 'Malignant neoplasm of breast' },
      ],
    },
  },
  condition('c-unverified', SNOMED, '278860009', { onset: '2014-02-05', verification: null }),
  medicationRequest('m-warfarin', RXNORM, '855332'),
  { ...medicationRequest('m-warfarin', RXNORM, '855332'), id: 'm-dated', authoredOn: '2026-10-02' },
  {
    ...medicationRequest('m-period', RXNORM, '855332', 'completed'),
    authoredOn: '2026-01-05',
    dispenseRequest: { validityPeriod: { start: '2026-01-10', end: '2026-03-31' } },
  },
  {
    ...medicationRequest('m-supply', RXNORM, '855332'),
    authoredOn: '2026-01-05',
    dispenseRequest: {
      expectedSupplyDuration: { value: 90, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
    },
  },
  {
    resourceType: 'MedicationStatement',
    id: 's-atc',
    status: 'active',
    contained: [{ resourceType: 'Medication', id: 'med', code: { coding: [{ system: ATC, code: 'B01AA03' }] } }],
    medicationReference: { reference: '#med' },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2026-11-01',
  },
  pregnancyStatus('o-pregnant', PREGNANT, '2026-11-20'),
  pregnancyStatus('o-not', NOT_PREGNANT, '2026-11-24T09:30:00+01:00'),
  pregnancyStatus('o-unknown', UNKNOWN, '2026-11-22', 'preliminary'),
  pregnancyStatus('o-snomed', '77386006', '2026-11-23', 'final', SNOMED),
  device(),
);

function only<Row>(rows: readonly Row[], where: (row: Row) => boolean): Row {
  const found = rows.filter(where);
  expect(found).toHaveLength(1);
  return found[0] as Row;
}

/** The concept row of an id. */
function conceptOf(tables: CdmTables, id: number | null): Concept {
  return only(tables.concept, (row) => row.concept_id === id);
}

/** The concept of a code (vocabulary_id and concept_code identify it, as in OMOP). */
function conceptFor(tables: CdmTables, vocabulary_id: string, concept_code: string): Concept {
  return only(tables.concept, (row) => row.vocabulary_id === vocabulary_id && row.concept_code === concept_code);
}

describe('person', () => {
  const tables = cdmFromFhir(synthea);

  it('gives one person per Patient, with the Patient id as person_source_value and the birth date split', () => {
    expect(
      tables.person.map((row) => [
        row.person_id,
        row.person_source_value,
        row.year_of_birth,
        row.month_of_birth,
        row.day_of_birth,
        row.gender_concept_id,
      ]),
    ).toEqual([
      [1, 'anna', 1984, 1, 16, FEMALE],
      [2, 'bob', 1974, 12, 3, MALE],
      [3, 'daryl', 2012, 5, 26, MALE],
      [4, 'edward', 1966, 11, 28, MALE],
      [5, 'frances', 1938, 9, 30, MALE],
    ]);
    for (const row of tables.person) {
      expect(row.birth_datetime).toBeNull();
      expect([row.race_concept_id, row.ethnicity_concept_id]).toEqual([NO_MATCHING_CONCEPT, NO_MATCHING_CONCEPT]);
    }
  });

  it('a partial birth date gives the year, or the year and month, and NULL for the rest', () => {
    const people = cdmFromFhir([
      record(patient('1948', 'y')),
      record(patient('1948-03', 'ym')),
      record(patient('1948-03-01', 'ymd')),
    ]).person;
    expect(people.map((row) => [row.year_of_birth, row.month_of_birth, row.day_of_birth])).toEqual([
      [1948, null, null],
      [1948, 3, null],
      [1948, 3, 1],
    ]);
  });

  it('a Patient without a readable birth date gives no person, and its records give no rows (year_of_birth is required)', () => {
    const result = cdmFromFhir([
      record(patient(undefined, 'p1'), condition('c1', ICD10, 'C50.9', { onset: '2019-04-02' })),
      record(patient('1948-02-30', 'bad'), patient('1948-03-01T10:00:00Z', 'timed')),
    ]);
    expect(result.person).toEqual([]);
    expect(result.condition_occurrence).toEqual([]);
    expect(result.dropped).toEqual([
      { resourceType: 'Patient', id: 'p1', why: 'no-birth-date' },
      { resourceType: 'Patient', id: 'bad', why: 'no-birth-date' },
      { resourceType: 'Patient', id: 'timed', why: 'no-birth-date' },
      { resourceType: 'Condition', id: 'c1', why: 'no-person' },
    ]);
  });

  it('the same Patient id in two bundles is one person; a resource about a patient not in the bundles gives no row', () => {
    const result = cdmFromFhir([
      record(patient('1970-05-01'), condition('c1', ICD10, 'M54.5', { onset: '2020-01-01' })),
      record(
        patient('1970-05-01'),
        condition('c2', ICD10, 'M54.2', { onset: '2021-01-01' }),
        condition('c3', ICD10, 'M54.6', { onset: '2021-01-01', subject: 'Patient/other' }),
      ),
    ]);
    expect(result.person).toHaveLength(1);
    expect(result.condition_occurrence.map((row) => [row.person_id, row.condition_source_value])).toEqual([
      [1, 'M54.5'],
      [1, 'M54.2'],
    ]);
    expect(result.dropped).toEqual([{ resourceType: 'Condition', id: 'c3', why: 'no-person' }]);
  });
});

describe('condition_occurrence', () => {
  it('a Synthea condition: start = onset, end = abatement (as written, before any time zone), SNOMED CT as both concepts', () => {
    const tables = cdmFromFhir(synthea);
    const pregnancy = only(tables.condition_occurrence, (row) => row.condition_start_date === '2011-12-12');
    expect(pregnancy).toMatchObject({
      person_id: 1,
      condition_end_date: '2012-07-09',
      condition_type_concept_id: EHR,
      condition_source_value: '72892002',
      condition_status_source_value: 'confirmed',
    });
    expect(pregnancy.condition_source_concept_id).toBe(pregnancy.condition_concept_id);
    expect(conceptOf(tables, pregnancy.condition_concept_id)).toEqual({
      concept_id: pregnancy.condition_concept_id,
      concept_name: 'Normal pregnancy',
      domain_id: 'Condition',
      vocabulary_id: 'SNOMED',
      concept_class_id: 'Clinical Finding',
      standard_concept: 'S',
      concept_code: '72892002',
      valid_start_date: '1970-01-01',
      valid_end_date: '2099-12-31',
      invalid_reason: null,
    });
    // Active chronic low back pain: no abatement, no end.
    const backPain = tables.condition_occurrence.filter((row) => row.condition_source_value === '278860009');
    expect(backPain.map((row) => [row.person_id, row.condition_start_date, row.condition_end_date])).toEqual([
      [1, '2014-02-05', null],
      [2, '2014-02-06', null],
      [4, '2014-02-05', null],
      [5, '2014-02-02', null],
    ]);
  });

  it('an ICD-10 code is a non-standard source concept with its dot; without a SNOMED CT coding the standard concept is 0', () => {
    const tables = cdmFromFhir([handBuilt]);
    const rows = tables.condition_occurrence;
    const icd = only(rows, (row) => row.condition_start_date === '2019-04-02');
    expect(icd.condition_concept_id).toBe(NO_MATCHING_CONCEPT);
    expect(icd.condition_source_value).toBe('C50.9');
    expect(conceptOf(tables, icd.condition_source_concept_id)).toMatchObject({
      vocabulary_id: 'ICD10',
      concept_code: 'C50.9',
      standard_concept: null,
      domain_id: 'Condition',
      concept_class_id: 'ICD10 code',
      // The first display met names the concept (c-icd, met first, has none).
      concept_name: 'Malignant neoplasm of breast, unspecified',
    });
    // Written without its dot and in lower case: the same concept; the source value stays as written.
    const bare = only(rows, (row) => row.condition_source_value === 'c509');
    expect(bare.condition_source_concept_id).toBe(icd.condition_source_concept_id);
    // A partial onset (2019-05) starts on its first day.
    expect(bare.condition_start_date).toBe('2019-05-01');
    const cm = only(rows, (row) => row.condition_source_value === 'Z95.810');
    expect([cm.condition_start_date, cm.condition_end_date]).toEqual(['2020-01-10', '2021-02-03']);
    expect(conceptOf(tables, cm.condition_source_concept_id)).toMatchObject({
      vocabulary_id: 'ICD10CM',
      concept_code: 'Z95.810',
      standard_concept: null,
    });
    // ICD-10 and SNOMED CT codings of one Condition: SNOMED CT is the standard concept, ICD-10 the source.
    const both = only(rows, (row) => row.condition_start_date === '2018-03-04');
    expect(conceptOf(tables, both.condition_concept_id)).toMatchObject({
      vocabulary_id: 'SNOMED',
      concept_code: '254837009',
    });
    expect(both.condition_source_concept_id).toBe(icd.condition_source_concept_id);
    expect(both.condition_source_value).toBe('C50.9');
  });

  it('verificationStatus: confirmed and none are kept, every other code drops the Condition', () => {
    const statuses = Object.keys(CONDITION_VERIFICATION);
    const result = cdmFromFhir([
      record(
        patient('1970-05-01'),
        ...statuses.map((verification) =>
          condition(`c-${verification}`, ICD10, 'C50.9', { onset: '2020-01-01', verification }),
        ),
        condition('c-none', ICD10, 'C50.9', { onset: '2020-01-01', verification: null }),
      ),
    ]);
    expect(
      result.condition_occurrence.map((row) => [row.condition_status_source_value, row.condition_status_concept_id]),
    ).toEqual([
      ['confirmed', NO_MATCHING_CONCEPT],
      [null, null],
    ]);
    expect(result.dropped.map((row) => row.id)).toEqual(
      statuses.filter((status) => CONDITION_VERIFICATION[status] === 'drop').map((status) => `c-${status}`),
    );
    expect(result.dropped.every((row) => row.why === 'verification')).toBe(true);
    expect(statuses.filter((status) => CONDITION_VERIFICATION[status] === 'keep')).toEqual(['confirmed']);
  });

  it('clinicalStatus is not read; a Condition with no date gives no row; a code in another system gives concept 0', () => {
    const result = cdmFromFhir([
      record(
        patient('1970-05-01'),
        condition('c-resolved', ICD10, 'M54.5', { clinical: 'resolved', onset: '2020-01-01' }),
        condition('c-recorded', ICD10, 'M54.5', { recorded: '2020-02-02' }),
        condition('c-undated', ICD10, 'M54.5'),
        condition('c-gm', 'http://fhir.de/CodeSystem/bfarm/icd-10-gm', 'M54.5', { onset: '2020-03-03' }),
      ),
    ]);
    expect(
      result.condition_occurrence.map((row) => [
        row.condition_start_date,
        row.condition_end_date,
        row.condition_concept_id === NO_MATCHING_CONCEPT,
        row.condition_source_concept_id === NO_MATCHING_CONCEPT,
      ]),
    ).toEqual([
      ['2020-01-01', null, true, false],
      ['2020-02-02', null, true, false],
      ['2020-03-03', null, true, true],
    ]);
    expect(result.dropped).toEqual([{ resourceType: 'Condition', id: 'c-undated', why: 'no-date' }]);
  });

  it('an option sends ICD-10 Z codes to observation, as a real vocabulary maps most of them', () => {
    const result = cdmFromFhir([handBuilt], { icd10ZCodesTable: 'observation' });
    expect(result.condition_occurrence.some((row) => row.condition_source_value === 'Z95.810')).toBe(false);
    const row = only(result.observation, (candidate) => candidate.observation_source_value === 'Z95.810');
    expect(row).toMatchObject({ observation_date: '2020-01-10', observation_concept_id: NO_MATCHING_CONCEPT });
    expect(conceptOf(result, row.observation_source_concept_id).vocabulary_id).toBe('ICD10CM');
  });
});

describe('drug_exposure', () => {
  it('a Synthea request: start = authoredOn, end derived as a written prescription (THEMIS), no verbatim end', () => {
    const tables = cdmFromFhir(synthea);
    const warfarin = tables.drug_exposure.filter((row) => row.drug_source_value === '855332');
    expect(
      warfarin.map((row) => [
        row.person_id,
        row.drug_exposure_start_date,
        row.drug_exposure_end_date,
        row.verbatim_end_date,
      ]),
    ).toEqual([
      [5, '2020-03-27', '2020-04-25', null],
      [5, '2021-04-02', '2021-05-01', null],
    ]);
    expect(WRITTEN_PRESCRIPTION_DAYS).toBe(30);
    const concept = conceptOf(tables, warfarin[0]?.drug_concept_id ?? null);
    expect(concept).toMatchObject({
      vocabulary_id: 'RxNorm',
      concept_code: '855332',
      standard_concept: 'S',
      domain_id: 'Drug',
      concept_name: 'Warfarin Sodium 5 MG Oral Tablet',
    });
    expect(warfarin[0]?.drug_source_concept_id).toBe(concept.concept_id);
  });

  it('dates: a period end is verbatim, a supply in days sets the end, a statement lasts its day, an undated order gives no row', () => {
    const tables = cdmFromFhir([handBuilt]);
    const rows = tables.drug_exposure.map((row) => [
      row.drug_exposure_start_date,
      row.drug_exposure_end_date,
      row.verbatim_end_date,
    ]);
    expect(rows).toEqual([
      ['2026-10-02', '2026-10-31', null],
      // The later of authoredOn and the validity start, to the validity end.
      ['2026-01-10', '2026-03-31', '2026-03-31'],
      // 90 days of supply: start + 89.
      ['2026-01-05', '2026-04-04', null],
      ['2026-11-01', '2026-11-01', null],
    ]);
    expect(tables.dropped).toContainEqual({ resourceType: 'MedicationRequest', id: 'm-warfarin', why: 'no-date' });
  });

  it('ATC is a classification concept in the source column; with no RxNorm coding the drug concept is 0', () => {
    const tables = cdmFromFhir([handBuilt]);
    const atc = only(tables.drug_exposure, (row) => row.drug_source_value === 'B01AA03');
    expect(atc.drug_concept_id).toBe(NO_MATCHING_CONCEPT);
    expect(conceptOf(tables, atc.drug_source_concept_id)).toMatchObject({
      vocabulary_id: 'ATC',
      concept_class_id: 'ATC 5th',
      standard_concept: 'C',
      domain_id: 'Drug',
    });
  });

  it('statuses that say the drug was never taken give no row; stopped, on-hold and unknown do', () => {
    const result = cdmFromFhir([
      record(
        patient('1970-05-01'),
        ...['cancelled', 'draft', 'entered-in-error', 'stopped', 'on-hold', 'unknown'].map((status) => ({
          ...medicationRequest(`r-${status}`, RXNORM, '855332', status),
          authoredOn: '2026-01-01',
        })),
        ...['not-taken', 'intended', 'completed'].map((status) => ({
          ...medicationStatement(`s-${status}`, RXNORM, '855332', status),
          effectivePeriod: { start: '2026-02-01', end: '2026-01-15' },
        })),
      ),
    ]);
    expect(result.dropped.map((row) => row.id)).toEqual([
      'r-cancelled',
      'r-draft',
      'r-entered-in-error',
      's-not-taken',
      's-intended',
    ]);
    expect(result.drug_exposure).toHaveLength(4);
    // An end before the start: the CDM needs end >= start, the source's end stays as verbatim_end_date.
    expect(result.drug_exposure[3]).toMatchObject({
      drug_exposure_start_date: '2026-02-01',
      drug_exposure_end_date: '2026-02-01',
      verbatim_end_date: '2026-01-15',
    });
  });
});

describe('observation and measurement', () => {
  it('a pregnancy status is an observation of LOINC 82810-3 with the answer as value_as_concept_id', () => {
    const tables = cdmFromFhir([handBuilt]);
    const status = conceptFor(tables, 'LOINC', '82810-3');
    expect(status).toMatchObject({ domain_id: 'Observation', standard_concept: 'S' });
    const rows = tables.observation.filter((row) => row.observation_concept_id === status.concept_id);
    expect(rows.map((row) => [row.observation_date, row.value_source_value])).toEqual([
      ['2026-11-20', 'LA15173-0'],
      ['2026-11-24', 'LA26683-5'],
      // Preliminary: kept, as OMOP has no status.
      ['2026-11-22', 'LA4489-6'],
      ['2026-11-23', '77386006'],
    ]);
    for (const row of rows) {
      expect(row.observation_source_concept_id).toBe(status.concept_id);
      expect(row.observation_type_concept_id).toBe(EHR);
    }
    const answers = rows.map((row) => conceptOf(tables, row.value_as_concept_id));
    expect(answers.map((answer) => [answer.vocabulary_id, answer.concept_code, answer.concept_class_id])).toEqual([
      ['LOINC', 'LA15173-0', 'Answer'],
      ['LOINC', 'LA26683-5', 'Answer'],
      ['LOINC', 'LA4489-6', 'Answer'],
      ['SNOMED', '77386006', 'Clinical Finding'],
    ]);
    expect(answers.every((answer) => answer.domain_id === 'Meas Value' && answer.standard_concept === 'S')).toBe(true);
  });

  it('cancelled and entered-in-error observations give no row; an option puts pregnancy statuses in measurement', () => {
    const result = cdmFromFhir(
      [
        record(
          patient('1990-01-01'),
          pregnancyStatus('o1', PREGNANT, '2026-11-20', 'entered-in-error'),
          pregnancyStatus('o2', PREGNANT, '2026-11-20', 'cancelled'),
          pregnancyStatus('o3', NOT_PREGNANT, '2026-11-21'),
          pregnancyStatus('o4', NOT_PREGNANT),
        ),
      ],
      { pregnancyStatusTable: 'measurement' },
    );
    expect(result.observation).toEqual([]);
    expect(result.measurement).toHaveLength(1);
    expect(result.measurement[0]).toMatchObject({ measurement_date: '2026-11-21', value_as_number: null });
    expect(conceptOf(result, result.measurement[0]?.value_as_concept_id ?? null).concept_code).toBe('LA26683-5');
    expect(result.dropped.map((row) => [row.id, row.why])).toEqual([
      ['o1', 'status'],
      ['o2', 'status'],
      ['o4', 'no-date'],
    ]);
  });

  it('a Synthea vital sign with a quantity is a measurement', () => {
    const tables = cdmFromFhir([annaLike as unknown as FhirBundle]);
    expect(tables.measurement).toEqual([
      {
        measurement_id: 1,
        person_id: 1,
        measurement_concept_id: conceptFor(tables, 'LOINC', '8302-2').concept_id,
        measurement_date: '2020-05-18',
        measurement_type_concept_id: EHR,
        value_as_number: 170.1,
        value_as_concept_id: null,
        measurement_source_value: '8302-2',
        measurement_source_concept_id: conceptFor(tables, 'LOINC', '8302-2').concept_id,
        unit_source_value: 'cm',
        value_source_value: null,
      },
    ]);
  });
});

describe('device_exposure', () => {
  it('an implanted device starts on the day the record says it is there; inactive or undated, no row', () => {
    const result = cdmFromFhir([
      record(
        patient('1950-01-01'),
        device(),
        device({ id: 'd-inactive', status: 'inactive' }),
        device({ id: 'd-undated', meta: undefined }),
      ),
      {
        ...record(
          patient('1950-01-01', 'p2'),
          device({ id: 'd-stamped', patient: { reference: 'Patient/p2' }, meta: undefined }),
        ),
        // A Bundle's timestamp (FHIR R4 Bundle.timestamp; the library's FhirBundle type does not list it).
        timestamp: '2026-11-01T08:00:00Z',
      } as FhirBundle,
    ]);
    expect(
      result.device_exposure.map((row) => [
        row.person_id,
        row.device_exposure_start_date,
        row.device_exposure_end_date,
      ]),
    ).toEqual([
      [1, '2025-06-01', null],
      [2, '2026-11-01', null],
    ]);
    expect(conceptOf(result, result.device_exposure[0]?.device_concept_id ?? null)).toMatchObject({
      vocabulary_id: 'SNOMED',
      concept_code: '706004007',
      domain_id: 'Device',
      concept_class_id: 'Physical Object',
    });
    expect(result.dropped.map((row) => [row.id, row.why])).toEqual([
      ['d-inactive', 'status'],
      ['d-undated', 'no-date'],
    ]);
  });
});

/** Every date of a person's rows. */
function datesOf(tables: CdmTables, personId: number): string[] {
  const of = <Row extends { readonly person_id: number }>(rows: readonly Row[], ...keys: (keyof Row)[]) =>
    rows.filter((row) => row.person_id === personId).flatMap((row) => keys.map((key) => row[key]));
  return [
    ...of(tables.condition_occurrence, 'condition_start_date', 'condition_end_date'),
    ...of(tables.drug_exposure, 'drug_exposure_start_date', 'drug_exposure_end_date', 'verbatim_end_date'),
    ...of(tables.observation, 'observation_date'),
    ...of(tables.measurement, 'measurement_date'),
    ...of(tables.device_exposure, 'device_exposure_start_date', 'device_exposure_end_date'),
  ].filter((value): value is string => typeof value === 'string');
}

describe('observation_period and concept', () => {
  const all = cdmFromFhir([...synthea, handBuilt]);

  it('each person has one observation period, from their first to their last dated record', () => {
    expect(all.observation_period.map((row) => row.person_id)).toEqual(all.person.map((row) => row.person_id));
    for (const period of all.observation_period) {
      const dates = datesOf(all, period.person_id).sort();
      expect(period.observation_period_start_date).toBe(dates[0]);
      expect(period.observation_period_end_date).toBe(dates[dates.length - 1]);
      expect(period.period_type_concept_id).toBe(EHR);
    }
    expect(
      all.observation_period.map((row) => [row.observation_period_start_date, row.observation_period_end_date]),
    ).toEqual([
      ['2011-12-12', '2020-06-16'],
      ['2014-02-06', '2021-02-13'],
      ['2021-01-26', '2021-02-24'],
      ['2014-02-05', '2020-03-13'],
      ['2014-02-02', '2021-05-01'],
      // The Condition without a verificationStatus (2014-02-05) is kept, and opens the period.
      ['2014-02-05', '2026-11-24'],
    ]);
  });

  it('Encounter periods widen the observation period', () => {
    const result = cdmFromFhir([
      record(patient('1970-01-01'), condition('c1', ICD10, 'M54.5', { onset: '2020-01-01' }), {
        resourceType: 'Encounter',
        id: 'e1',
        status: 'finished',
        subject: { reference: 'Patient/p1' },
        period: { start: '2019-06-01T10:00:00Z', end: '2022-03-04' },
      }),
    ]);
    expect(result.observation_period[0]).toMatchObject({
      observation_period_start_date: '2019-06-01',
      observation_period_end_date: '2022-03-04',
    });
  });

  it('every concept id the rows use is in concept; ids and codes are unique; local ids start above two billion', () => {
    const ids = all.concept.map((row) => row.concept_id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = all.concept.map((row) => `${row.vocabulary_id}|${row.concept_code}`);
    expect(new Set(codes).size).toBe(codes.length);
    const local = all.concept.filter((row) => row.concept_id >= FIRST_LOCAL_CONCEPT_ID);
    expect(local.map((row) => row.concept_id)).toEqual(local.map((_, index) => FIRST_LOCAL_CONCEPT_ID + index));
    const used = [
      ...all.person.map((row) => row.gender_concept_id),
      ...all.condition_occurrence.flatMap((row) => [row.condition_concept_id, row.condition_source_concept_id]),
      ...all.drug_exposure.flatMap((row) => [
        row.drug_concept_id,
        row.drug_source_concept_id,
        row.drug_type_concept_id,
      ]),
      ...all.observation.flatMap((row) => [row.observation_concept_id, row.value_as_concept_id]),
      ...all.measurement.flatMap((row) => [row.measurement_concept_id, row.value_as_concept_id]),
      ...all.device_exposure.map((row) => row.device_concept_id),
    ].filter((id): id is number => id !== null);
    for (const id of used) expect(ids).toContain(id);
  });

  it('is deterministic: the same bundles give the same rows', () => {
    expect(cdmFromFhir([...synthea, handBuilt])).toEqual(all);
  });
});

describe('where OMOP says other than factsFromFhir (named for the SQL tests that compare the two)', () => {
  it('an active warfarin order with no end: FHIR takes it on the reference date, OMOP ends it after 30 days', () => {
    const fhir = factsFromFhir(francesLike, { on: ON });
    expect(fhir.ok && fhir.value.facts.anticoagulantTherapy).toBe(true);
    const exposures = cdmFromFhir([francesLike as unknown as FhirBundle]).drug_exposure;
    expect(exposures.filter((row) => row.drug_exposure_start_date <= ON && row.drug_exposure_end_date >= ON)).toEqual(
      [],
    );
  });

  it('a Condition without a verificationStatus: unrecorded in FHIR, a diagnosis in OMOP', () => {
    const input = record(
      patient('1970-05-01'),
      condition('c1', ICD10, 'C50.9', { onset: '2020-01-01', verification: null }),
    );
    const fhir = factsFromFhir(input, { on: ON, closedWorld: true });
    expect(fhir.ok && fhir.value.facts.oncologicalDisease).toBeUndefined();
    expect(cdmFromFhir([input]).condition_occurrence).toHaveLength(1);
  });
});

// ---- The same rows in real databases, through the official DDL.

const engines: readonly (readonly [string, CdmDialect, () => Promise<Engine>])[] = [
  ['DuckDB', 'duckdb', openDuckDb],
  ['PostgreSQL (PGlite)', 'postgres', openPglite],
];

describe.each(engines)('loaded into %s', (_name, dialect, open) => {
  let engine: Engine;
  let tables: CdmFromFhir;
  beforeAll(async () => {
    engine = await open();
    tables = cdmFromFhir([...synthea, handBuilt]);
    await loadCdm(engine.run, dialect, 'cdm', tables);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('every table holds the rows it was given', async () => {
    for (const table of CDM_TABLES) {
      const [row] = await engine.query(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM cdm.${table}`);
      expect([table, row?.['n']]).toEqual([table, tables[table].length]);
    }
  });

  it('the columns have the official types and NOT NULL constraints', async () => {
    const columns = await engine.query(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'cdm' AND table_name IN ('drug_exposure', 'concept')
       AND column_name IN ('drug_exposure_end_date', 'verbatim_end_date', 'drug_concept_id', 'concept_code', 'standard_concept')
       ORDER BY table_name, column_name`,
    );
    const types = columns.map((row) => [
      row['column_name'],
      String(row['data_type']).toLowerCase(),
      row['is_nullable'],
    ]);
    const text = dialect === 'duckdb' ? 'varchar' : 'character varying';
    expect(types).toEqual([
      ['concept_code', text, 'NO'],
      ['standard_concept', text, 'YES'],
      ['drug_concept_id', 'integer', 'NO'],
      ['drug_exposure_end_date', 'date', 'NO'],
      ['verbatim_end_date', 'date', 'YES'],
    ]);
  });

  it('a condition joined to concept by its source concept reads back ICD10 C50.9', async () => {
    const rows = await engine.query(
      `SELECT p.person_source_value, CAST(co.condition_start_date AS VARCHAR) AS start_date, c.vocabulary_id, c.concept_code, c.standard_concept
       FROM cdm.condition_occurrence co
       JOIN cdm.concept c ON c.concept_id = co.condition_source_concept_id
       JOIN cdm.person p ON p.person_id = co.person_id
       WHERE c.vocabulary_id = 'ICD10' AND c.concept_code = 'C50.9'
       ORDER BY start_date`,
    );
    expect(rows).toEqual([
      {
        person_source_value: 'p1',
        start_date: '2018-03-04',
        vocabulary_id: 'ICD10',
        concept_code: 'C50.9',
        standard_concept: null,
      },
      {
        person_source_value: 'p1',
        start_date: '2019-04-02',
        vocabulary_id: 'ICD10',
        concept_code: 'C50.9',
        standard_concept: null,
      },
      {
        person_source_value: 'p1',
        start_date: '2019-05-01',
        vocabulary_id: 'ICD10',
        concept_code: 'C50.9',
        standard_concept: null,
      },
    ]);
  });

  it('pregnancy statuses read back with their answers, and drug ends tell a derived end from a recorded one', async () => {
    const answers = await engine.query(
      `SELECT CAST(o.observation_date AS VARCHAR) AS observation_date, v.concept_code AS answer
       FROM cdm.observation o
       JOIN cdm.concept q ON q.concept_id = o.observation_concept_id
       JOIN cdm.concept v ON v.concept_id = o.value_as_concept_id
       WHERE q.vocabulary_id = 'LOINC' AND q.concept_code = '82810-3'
       ORDER BY o.observation_date`,
    );
    expect(answers).toEqual([
      { observation_date: '2026-11-20', answer: 'LA15173-0' },
      { observation_date: '2026-11-22', answer: 'LA4489-6' },
      { observation_date: '2026-11-23', answer: '77386006' },
      { observation_date: '2026-11-24', answer: 'LA26683-5' },
    ]);
    const drugs = await engine.query(
      `SELECT CAST(d.drug_exposure_end_date AS VARCHAR) AS end_date, d.verbatim_end_date IS NULL AS derived
       FROM cdm.drug_exposure d JOIN cdm.concept c ON c.concept_id = d.drug_concept_id
       WHERE c.vocabulary_id = 'RxNorm' AND c.concept_code = '855332' AND d.drug_exposure_start_date >= DATE '2021-01-01'
       ORDER BY d.drug_exposure_start_date`,
    );
    // By start: Synthea's active order, then the supply, the validity period and the dated order of the hand-built record.
    expect(drugs).toEqual([
      { end_date: '2021-05-01', derived: true },
      { end_date: '2026-04-04', derived: true },
      { end_date: '2026-03-31', derived: false },
      { end_date: '2026-10-31', derived: true },
    ]);
  });

  it('loads hundreds of rows in batches, and refuses a column the CDM does not have', async () => {
    const many = cdmFromFhir(
      Array.from({ length: 450 }, (_, index) =>
        record(patient(`19${String(index % 100).padStart(2, '0')}`, `p${index}`)),
      ),
    );
    await loadCdm(engine.run, dialect, 'many', many);
    const [row] = await engine.query(
      'SELECT CAST(COUNT(*) AS INTEGER) AS n, CAST(COUNT(month_of_birth) AS INTEGER) AS months FROM many.person',
    );
    expect(row).toEqual({ n: 450, months: 0 });
    const bad = { ...many, person: [{ ...many.person[0], birth_date: '1900-01-01' }] } as unknown as CdmTables;
    await expect(loadCdm(engine.run, dialect, 'bad', bad)).rejects.toThrow('person has no column birth_date');
  });

  it('the database enforces the CDM: a person without year_of_birth is refused', async () => {
    const person = { ...(tables.person[0] as Person), year_of_birth: null } as unknown as Person;
    await expect(loadCdm(engine.run, dialect, 'unborn', { ...tables, person: [person] })).rejects.toThrow();
  });

  it('the DDL is the same for both dialects and quotes the schema', () => {
    expect(cdmDdl(dialect, 'my "cdm"')[0]).toMatch(
      /^CREATE TABLE "my ""cdm""".concept \(\n {2}concept_id integer NOT NULL,/,
    );
    expect(cdmDdl(dialect, 'x')).toEqual(cdmDdl(dialect === 'duckdb' ? 'postgres' : 'duckdb', 'x'));
  });
});
