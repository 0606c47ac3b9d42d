// omopFactsSql against the FHIR path: the same records, once as FHIR bundles read by factsFromFhir
// and screened by screen, once converted to an OMOP CDM (from-fhir.ts), loaded into DuckDB,
// PGlite and a PostgreSQL server, and read by omopFactsSql + screeningSql, on several index dates
// each. Where the two models differ by design, the difference is named in DIFFERENCES, and any
// other difference fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CODED_FACTS } from '../../src/fhir/code-list.js';
import { type FhirAnyResource, type FhirBundle, factsFromFhir } from '../../src/fhir/index.js';
import { screen, screenCohort, summarizeCohort } from '../../src/index.js';
import { cohortSummarySql, omopFactsSql, screeningSql, summaryFromSqlRows } from '../../src/sql/index.js';
import {
  bundle,
  condition,
  ICD10,
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
import { postgresServerVersion } from '../sql/postgres-server.js';
import { type CdmDialect, loadCdm } from './cdm.js';
import { type Engine, openDuckDb, openPglite, openPostgresServer } from './engines.js';
import { type CdmFromFhir, type CdmOptions, cdmFromFhir } from './from-fhir.js';

type Value = boolean | number | null;

/** A record as one patient's bundle: the builders write Patient/p1, renamed here so that every case is a person of its own. */
function person(id: string, ...resources: readonly object[]): FhirBundle {
  const text = JSON.stringify(bundle(resources as unknown as FhirAnyResource[]))
    .replaceAll('"Patient/p1"', `"Patient/${id}"`)
    .replaceAll('"id":"p1"', `"id":"${id}"`);
  return JSON.parse(text) as FhirBundle;
}

/** An Encounter: it widens the person's observation period in the CDM, and the FHIR path does not read it. */
const encounter = (start: string, end: string) => ({
  resourceType: 'Encounter',
  id: `enc-${start}`,
  status: 'finished',
  subject: { reference: 'Patient/p1' },
  period: { start, end },
});

const resolved = { clinical: 'resolved' } as const;
const statement = (id: string, start: string, end: string) => ({
  ...medicationStatement(id, RXNORM, '855332', 'completed'),
  effectivePeriod: { start, end },
});

interface Case {
  readonly name: string;
  readonly record: FhirBundle;
  readonly dates: readonly string[];
}

// Each edge case with the index dates around its records: before, on, and after each boundary.
const cases: readonly Case[] = [
  {
    name: 'year-only birth at the lower bound',
    record: person('y1', patient('2023', 'p1'), encounter('2023-06-01', '2027-06-01')),
    dates: ['2025-06-01', '2026-06-01', '2026-12-31', '2027-01-01'],
  },
  {
    name: 'year-only birth at the upper bound',
    record: person('y2', patient('1950', 'p1'), encounter('2020-01-01', '2027-12-31')),
    dates: ['2025-12-31', '2026-06-01', '2027-01-01'],
  },
  {
    name: 'year-and-month birth at the upper bound',
    record: person('y3', patient('1951-06', 'p1'), encounter('2020-01-01', '2027-12-31')),
    dates: ['2026-06-15', '2026-07-01', '2027-06-15'],
  },
  {
    name: 'birth on 29 February',
    record: person('y4', patient('2004-02-29', 'p1'), encounter('2004-02-29', '2025-12-31')),
    dates: ['2025-02-28', '2025-03-01', '2004-02-28'],
  },
  {
    name: 'a condition ending the day before the index date',
    record: person(
      'e1',
      patient('1970-05-01', 'p1'),
      condition('c1', ICD10, 'C50.9', { onset: '2020-01-01', abatement: '2026-11-23', ...resolved }),
      encounter('2019-01-01', '2026-12-31'),
    ),
    dates: ['2019-12-31', '2020-01-01', '2026-11-23', '2026-11-24'],
  },
  {
    name: 'overlapping drug exposures',
    record: person(
      'd1',
      patient('1960-01-01', 'p1'),
      statement('m1', '2026-01-01', '2026-03-31'),
      statement('m2', '2026-03-15', '2026-06-30'),
      encounter('2025-01-01', '2026-12-31'),
    ),
    dates: ['2025-12-31', '2026-03-20', '2026-06-30', '2026-07-01'],
  },
  {
    name: 'pregnancy statuses of one date that disagree',
    record: person(
      'g1',
      patient('1990-01-01', 'p1'),
      pregnancyStatus('o1', PREGNANT, '2026-10-01'),
      pregnancyStatus('o2', NOT_PREGNANT, '2026-10-01'),
      encounter('2026-01-01', '2026-12-31'),
    ),
    dates: ['2026-09-30', '2026-10-01', '2026-10-15'],
  },
  {
    name: 'the latest pregnancy status wins',
    record: person(
      'g2',
      patient('1990-01-01', 'p1'),
      pregnancyStatus('o1', PREGNANT, '2026-09-01'),
      pregnancyStatus('o2', NOT_PREGNANT, '2026-11-01'),
      pregnancyStatus('o3', UNKNOWN, '2026-11-20'),
      encounter('2026-01-01', '2026-12-31'),
    ),
    dates: ['2026-09-01', '2026-10-31', '2026-11-01', '2026-11-10', '2026-11-20'],
  },
  {
    name: 'a pregnant status goes stale after 42 weeks',
    record: person(
      'g3',
      patient('1990-01-01', 'p1'),
      pregnancyStatus('o1', PREGNANT, '2025-01-01'),
      encounter('2024-01-01', '2026-12-31'),
    ),
    dates: ['2025-10-22', '2025-10-23'],
  },
  {
    name: 'a pregnancy condition, then a status',
    record: person(
      'g4',
      patient('1990-01-01', 'p1'),
      condition('c1', SNOMED, '72892002', { onset: '2026-02-01', abatement: '2026-10-20', ...resolved }),
      pregnancyStatus('o1', NOT_PREGNANT, '2026-11-24'),
      encounter('2026-01-01', '2026-12-31'),
    ),
    dates: ['2026-01-31', '2026-05-01', '2026-10-20', '2026-10-21', '2026-11-24'],
  },
  {
    name: 'a history of cancer after the cancer ended',
    record: person(
      'h1',
      patient('1950-01-01', 'p1'),
      condition('c1', ICD10, 'C18.7', { onset: '2010-03-01', abatement: '2012-05-01', ...resolved }),
      encounter('2009-01-01', '2026-12-31'),
    ),
    dates: ['2010-02-28', '2011-01-01', '2026-11-24'],
  },
  {
    name: 'a neoplasm not stated to be malignant',
    record: person(
      'n1',
      patient('1950-01-01', 'p1'),
      condition('c1', ICD10, 'D48.5', { onset: '2020-01-01' }),
      encounter('2019-01-01', '2026-12-31'),
    ),
    dates: ['2019-06-01', '2026-11-24'],
  },
  {
    name: 'a condition coded only in a system no path reads',
    record: person(
      'u1',
      patient('1950-01-01', 'p1'),
      condition('c1', 'http://example.org/local', 'X1', { onset: '2020-01-01' }),
      encounter('2019-01-01', '2026-12-31'),
    ),
    dates: ['2019-06-01', '2026-11-24'],
  },
  {
    name: 'a recent acute infection',
    record: person(
      'a1',
      patient('1980-01-01', 'p1'),
      condition('c1', ICD10, 'U07.1', { onset: '2026-11-01' }),
      encounter('2026-01-01', '2026-12-31'),
    ),
    dates: ['2026-10-31', '2026-11-24', '2026-12-01'],
  },
  {
    name: 'an acute infection long past with no end',
    record: person(
      'a2',
      patient('1980-01-01', 'p1'),
      condition('c1', ICD10, 'U07.1', { onset: '2025-01-01' }),
      encounter('2024-01-01', '2026-12-31'),
    ),
    dates: ['2025-01-31', '2025-02-01', '2026-11-24'],
  },
  {
    name: 'a pacemaker known from the day its record was written',
    record: person(
      'v1',
      patient('1940-01-01', 'p1'),
      {
        resourceType: 'Device',
        id: 'd1',
        status: 'active',
        type: { coding: [{ system: SNOMED, code: '706004007' }] },
        patient: { reference: 'Patient/p1' },
        meta: { lastUpdated: '2025-06-01T10:00:00Z' },
      },
      encounter('2024-01-01', '2026-12-31'),
    ),
    dates: ['2025-05-31', '2025-06-01', '2026-11-24'],
  },
  {
    name: 'a condition with no verificationStatus',
    record: person(
      'w1',
      patient('1960-01-01', 'p1'),
      condition('c1', ICD10, 'D68.0', { onset: '2020-01-01', verification: null }),
      encounter('2019-01-01', '2026-12-31'),
    ),
    dates: ['2026-11-24'],
  },
  {
    name: 'a person outside every observation period',
    record: person('p0', patient('1980-01-01', 'p1'), condition('c1', ICD10, 'D68.0', { onset: '2026-01-01' })),
    dates: ['2025-06-01', '2026-01-01'],
  },
];

const synthea = [annaLike, bobLike, darylLike, edwardLike, francesLike] as unknown as FhirBundle[];
// Before, inside and after each person's observation period.
const SYNTHEA_DATES = ['2000-01-01', '2015-06-15', '2019-01-01', '2021-02-01', ON];

/**
 * The differences by design, each named with its reason, as `person|date|world|fact` -> [FHIR,
 * OMOP]. The worlds are `open` (closedWorld false, 'never') and `closed` (true,
 * 'within-observation-period').
 */
const DIFFERENCES: Readonly<Record<string, readonly [Value, Value]>> = {
  // A MedicationRequest that is active with no end: taken from its start on in FHIR. In the CDM its
  // end is derived (WRITTEN_PRESCRIPTION_DAYS) and verbatim_end_date is empty, so after the derived
  // end whether the drug is still taken is unknown.
  'frances|2026-11-24|open|anticoagulantTherapy': [true, null],
  'frances|2026-11-24|closed|anticoagulantTherapy': [true, null],
  // An acute condition with no end: present in FHIR while active; in the CDM, where ETLs often leave
  // the end empty, it counts only within the acute window (30 days), and is unknown after it.
  'a2|2025-02-01|open|acuteInfection': [true, null],
  'a2|2025-02-01|closed|acuteInfection': [true, null],
  'a2|2026-11-24|open|acuteInfection': [true, null],
  'a2|2026-11-24|closed|acuteInfection': [true, null],
  // FHIR R4 Device has no implant date: before the day its record was last written, whether it was
  // there is unclear in FHIR. The converter starts the device_exposure on that day, and the CDM
  // reads an exposure's start as the implant: before it, no device.
  'v1|2025-05-31|closed|pacemaker': [null, false],
  // OMOP has no verification status: a diagnosis the FHIR record does not confirm is, once in
  // condition_occurrence, a diagnosis like any other (CONDITION_WITHOUT_VERIFICATION).
  'w1|2026-11-24|open|coagulationDisorder': [null, true],
  'w1|2026-11-24|closed|coagulationDisorder': [null, true],
};

/**
 * A closed world speaks in the CDM only inside an observation period that covers the index date;
 * FHIR has no observation period, so there a fact with no record is false on any date.
 */
function outsideEveryPeriod(tables: CdmFromFhir, personId: number, date: string): boolean {
  return !tables.observation_period.some(
    (period) =>
      period.person_id === personId &&
      period.observation_period_start_date <= date &&
      period.observation_period_end_date >= date,
  );
}

const FACT_COLUMNS = ['ageYears', ...CODED_FACTS] as const;

function fhirFacts(record: FhirBundle, on: string, closedWorld: boolean): Record<string, Value> {
  const read = factsFromFhir(record, { on, closedWorld });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const facts = read.value.facts as Readonly<Record<string, unknown>>;
  return Object.fromEntries(FACT_COLUMNS.map((fact) => [fact, (facts[fact] as Value | undefined) ?? null]));
}

const engines: readonly (readonly [string, CdmDialect, () => Promise<Engine>])[] = [
  ['DuckDB', 'duckdb', openDuckDb],
  ['PostgreSQL (PGlite)', 'postgres', openPglite],
  [`PostgreSQL ${postgresServerVersion()} (server)`, 'postgres', openPostgresServer],
];

describe.each(engines)('omopFactsSql on %s agrees with factsFromFhir', (_name, dialect, open) => {
  let engine: Engine;
  let tables: CdmFromFhir;
  const records = [...cases.map((c) => c.record), ...synthea];
  const datesOf = new Map<string, readonly string[]>();

  beforeAll(async () => {
    engine = await open();
    tables = cdmFromFhir(records);
    await loadCdm(engine.run, dialect, 'cdm', tables);
    const zAsObservations = cdmFromFhir(records, {
      icd10ZCodesTable: 'observation',
      pregnancyStatusTable: 'measurement',
    } satisfies CdmOptions);
    await loadCdm(engine.run, dialect, 'cdm_other_tables', zAsObservations);
    // The index dates as a cohort table: one row per person and date.
    const rows: string[] = [];
    cases.forEach((c) => {
      datesOf.set(idOf(c.record), c.dates);
    });
    for (const record of synthea) datesOf.set(idOf(record), SYNTHEA_DATES);
    for (const row of tables.person) {
      for (const date of datesOf.get(row.person_source_value as string) ?? [])
        rows.push(`(${row.person_id}, DATE '${date}')`);
    }
    await engine.run('CREATE SCHEMA results');
    await engine.run('CREATE TABLE results.cohort (subject_id BIGINT, cohort_start_date DATE)');
    await engine.run(`INSERT INTO results.cohort VALUES ${rows.join(', ')}`);
  });
  afterAll(async () => {
    await engine.close();
  });

  async function omopRows(schema: string, closedWorld: 'never' | 'within-observation-period') {
    const query = omopFactsSql({ dialect, cdmSchema: schema, indexDate: { from: 'results.cohort' }, closedWorld });
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    return engine.query(query.value.sql);
  }

  const sourceOf = (personId: unknown) =>
    tables.person.find((row) => row.person_id === Number(personId))?.person_source_value as string;
  const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

  for (const schema of ['cdm', 'cdm_other_tables']) {
    for (const world of ['open', 'closed'] as const) {
      it(`gives the facts factsFromFhir gives, but for the named differences (${world} world, ${schema})`, async () => {
        const rows = await omopRows(schema, world === 'open' ? 'never' : 'within-observation-period');
        const found: Record<string, readonly [Value, Value]> = {};
        let compared = 0;
        let outsideCount = 0;
        for (const row of rows) {
          const id = sourceOf(row.person_id);
          const date = day(row.index_date);
          const record = records.find((candidate) => idOf(candidate) === id) as FhirBundle;
          const fhir = fhirFacts(record, date, world === 'closed');
          const outside = world === 'closed' && outsideEveryPeriod(tables, Number(row.person_id), date);
          for (const fact of FACT_COLUMNS) {
            const omop = (row[fact] as Value | undefined) ?? null;
            compared++;
            if (outside && fhir[fact] === false && omop === null) {
              outsideCount++;
              continue;
            }
            if (fhir[fact] !== omop) found[`${id}|${date}|${world}|${fact}`] = [fhir[fact] as Value, omop];
          }
        }
        const expected = Object.fromEntries(
          Object.entries(DIFFERENCES)
            .filter(([key]) => key.split('|')[2] === world)
            .map(([key, [fhir, omop]]) => [key, [fhir, omop] as const]),
        );
        expect(found).toEqual(expected);
        // The cases reach the difference of a closed world outside every observation period.
        expect(outsideCount > 0).toBe(world === 'closed');
        expect(compared).toBe(
          [...datesOf.values()].reduce((sum, dates) => sum + dates.length, 0) * FACT_COLUMNS.length,
        );
      });
    }
  }

  it.each(['open', 'closed'] as const)(
    'screens each person as screen screens the FHIR facts, composed with screeningSql in one query (%s world)',
    async (world) => {
      const facts = omopFactsSql({
        dialect,
        cdmSchema: 'cdm',
        indexDate: { from: 'results.cohort' },
        closedWorld: world === 'open' ? 'never' : 'within-observation-period',
      });
      if (!facts.ok) throw new Error('options');
      const query = screeningSql({
        dialect,
        from: facts.value.from,
        facts: facts.value.facts,
        keep: [...facts.value.keep],
      });
      if (!query.ok) throw new Error(JSON.stringify(query.issues));
      const rows = await engine.query(query.value.sql);
      expect(rows.length).toBe([...datesOf.values()].reduce((sum, dates) => sum + dates.length, 0));
      const statuses = new Set<string>();
      for (const row of rows) {
        const id = sourceOf(row.person_id);
        const date = day(row.index_date);
        // The named differences, and a closed world outside every observation period, may screen apart.
        if (Object.keys(DIFFERENCES).some((key) => key.startsWith(`${id}|${date}|${world}|`))) continue;
        if (world === 'closed' && outsideEveryPeriod(tables, Number(row.person_id), date)) continue;
        const record = records.find((candidate) => idOf(candidate) === id) as FhirBundle;
        const read = factsFromFhir(record, { on: date, closedWorld: world === 'closed' });
        if (!read.ok) throw new Error('fhir');
        const expected = screen(read.value.facts);
        expect({ id, date, status: row.status, missing: row.missing }).toEqual({
          id,
          date,
          status: expected.status,
          missing: expected.missing.join(','),
        });
        statuses.add(expected.status);
      }
      // The cases reach every status the world allows: an open world never gives eligible.
      expect([...statuses].sort()).toEqual(
        world === 'open' ? ['contraindicated', 'incomplete'] : ['contraindicated', 'eligible', 'incomplete'],
      );
    },
  );

  it('summarizes the whole CDM in one query, as summarizeCohort summarizes the same facts', async () => {
    const facts = omopFactsSql({ dialect, cdmSchema: 'cdm', indexDate: ON, closedWorld: 'within-observation-period' });
    if (!facts.ok) throw new Error('options');
    const query = cohortSummarySql({ dialect, from: facts.value.from, facts: facts.value.facts });
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    const summary = summaryFromSqlRows(await engine.query(query.value.sql));
    if (!summary.ok) throw new Error(JSON.stringify(summary.issues));
    const factRows = await engine.query(facts.value.sql);
    const expected = summarizeCohort(
      screenCohort(
        factRows.map((row) =>
          Object.fromEntries(FACT_COLUMNS.flatMap((fact) => (row[fact] === null ? [] : [[fact, row[fact]]]))),
        ),
      ),
    );
    expect(summary.value.total).toBe(tables.person.length);
    expect(summary.value).toEqual(expected);
  });
});

function idOf(record: FhirBundle): string {
  const entry = (record.entry ?? []).find((item) => item.resource?.resourceType === 'Patient');
  return (entry as { resource: { id: string } }).resource.id;
}
