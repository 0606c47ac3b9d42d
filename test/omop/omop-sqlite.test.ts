// omopFactsSql's SQLite spelling, run by SQLite (better-sqlite3): the same facts as DuckDB, whose
// facts test/omop/omop-facts.test.ts checks against the FHIR path, on the same CDM and dates.
// SQLite has no DATE type (dates are text YYYY-MM-DD), no boolean (1 and 0), and schemas as
// attached databases.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FhirBundle } from '../../src/fhir/index.js';
import { omopFactsSql } from '../../src/sql/index.js';
import {
  bundle,
  condition,
  ICD10,
  NOT_PREGNANT,
  PREGNANT,
  patient,
  pregnancyStatus,
} from '../fhir/fixtures/builders.js';
import { annaLike, bobLike, darylLike, edwardLike, francesLike } from '../fhir/fixtures/synthea-shaped.js';
import { CDM_TABLES, type CdmTables, cdmDdl, loadCdm } from './cdm.js';
import { type Engine, openDuckDb } from './engines.js';
import { cdmFromFhir } from './from-fhir.js';

// Edge cases beside the Synthea-shaped records: a year-only birth at an age bound, an acute
// infection long past, pregnancy statuses of one date that disagree (ids p2 to p4).
const edge = [
  bundle([patient('1950', 'p2')]),
  bundle([
    patient('1980-01-01', 'p3'),
    condition('c3', ICD10, 'U07.1', { onset: '2025-01-01', subject: 'Patient/p3' }),
  ]),
  bundle([
    patient('1990-01-01', 'p4'),
    { ...pregnancyStatus('o1', PREGNANT, '2026-10-01'), subject: { reference: 'Patient/p4' } },
    { ...pregnancyStatus('o2', NOT_PREGNANT, '2026-10-01'), subject: { reference: 'Patient/p4' } },
    { ...pregnancyStatus('o3', NOT_PREGNANT, '2026-11-24'), subject: { reference: 'Patient/p4' } },
  ] as never),
];
const records = [annaLike, bobLike, darylLike, edwardLike, francesLike, ...edge] as unknown as FhirBundle[];
const DATES = ['2015-06-15', '2019-01-01', '2025-01-20', '2026-06-01', '2026-10-01', '2026-11-24'];

/** The CDM's tables in SQLite: the official columns (their declared types are only affinities there), dates as text. */
function loadSqlite(database: Database.Database, tables: CdmTables): void {
  database.exec("ATTACH ':memory:' AS cdm");
  for (const statement of cdmDdl('duckdb', 'cdm')) database.exec(statement);
  for (const table of CDM_TABLES) {
    for (const row of tables[table] as unknown as readonly Record<string, unknown>[]) {
      const names = Object.keys(row);
      database
        .prepare(`INSERT INTO cdm.${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
        .run(names.map((name) => row[name] ?? null));
    }
  }
}

/** A row as plain values to compare across engines: booleans as 1 and 0, big integers as numbers, dates as text. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === 'boolean'
        ? Number(value)
        : typeof value === 'bigint'
          ? Number(value)
          : value instanceof Date
            ? value.toISOString().slice(0, 10)
            : value,
    ]),
  );
}

describe('omopFactsSql on SQLite', () => {
  let sqlite: Database.Database;
  let duckdb: Engine;
  beforeAll(async () => {
    const tables = cdmFromFhir(records);
    sqlite = new Database(':memory:');
    loadSqlite(sqlite, tables);
    duckdb = await openDuckDb();
    await loadCdm(duckdb.run, 'duckdb', 'cdm', tables);
  });
  afterAll(async () => {
    sqlite.close();
    await duckdb.close();
  });

  it.each(
    DATES.flatMap((date) => (['never', 'within-observation-period'] as const).map((world) => [date, world] as const)),
  )('gives the facts DuckDB gives on %s (closedWorld %s)', async (indexDate, closedWorld) => {
    const lite = omopFactsSql({ dialect: 'sqlite', cdmSchema: 'cdm', indexDate, closedWorld });
    const duck = omopFactsSql({ dialect: 'duckdb', cdmSchema: 'cdm', indexDate, closedWorld });
    if (!lite.ok || !duck.ok) throw new Error('options');
    const byPerson = (rows: readonly Record<string, unknown>[]) =>
      rows.map(plain).sort((a, b) => Number(a.person_id) - Number(b.person_id));
    const fromSqlite = byPerson(sqlite.prepare(lite.value.sql).all() as Record<string, unknown>[]);
    expect(fromSqlite).toEqual(byPerson(await duckdb.query(duck.value.sql)));
    expect(fromSqlite).toHaveLength(records.length);
  });
});
