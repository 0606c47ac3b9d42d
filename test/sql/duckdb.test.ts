// The compiled SQL, really run by DuckDB (embedded, in memory): rows and summaries against the
// library's own answers.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screeningSql } from '../../src/sql/index.js';
import { type ColumnType, describeEquivalence, type Engine } from './equivalence.js';

let connection: DuckDBConnection;
let instance: DuckDBInstance;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const types: Record<ColumnType, string> = {
  boolean: 'BOOLEAN',
  integer: 'INTEGER',
  double: 'DOUBLE',
  text: 'VARCHAR',
  date: 'DATE',
};

const duckdb: () => Engine = () => ({
  dialect: 'duckdb',
  allowNaN: true,
  numericBooleans: false,
  async load(name, columns, rows) {
    await connection.run(
      `CREATE OR REPLACE TABLE "${name}" (${columns.map((column) => `"${column.name}" ${types[column.type]}`).join(', ')})`,
    );
    if (rows.length === 0) return;
    const insert = await connection.prepare(
      `INSERT INTO "${name}" VALUES (${columns.map((column, i) => `CAST($${i + 1} AS ${types[column.type]})`).join(', ')})`,
    );
    for (const row of rows) {
      insert.bind(row.map((value) => (value === undefined ? null : value)) as never);
      await insert.run();
    }
  },
  async query(sql) {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  },
});

describeEquivalence('DuckDB', duckdb);

describe('DuckDB reads a file in place', () => {
  it('screens the rows of a CSV file named in from', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'acuspine-sql-'));
    const file = join(folder, 'cohort.csv');
    writeFileSync(
      file,
      [
        'id,ageYears,oncologicalDisease,pregnant,coagulationDisorder,acuteInfection,acuteMentalIllness,psychotropicInfluence',
        '1,40,false,false,false,false,false,false',
        '2,40,false,true,false,false,false,false',
        '3,,false,false,false,false,false,false',
      ].join('\n'),
    );
    try {
      const query = screeningSql({ dialect: 'duckdb', from: { sql: `read_csv('${file}')` }, keep: ['id'] });
      if (!query.ok) throw new Error(JSON.stringify(query.issues));
      const rows = await duckdb().query(`${query.value.sql} ORDER BY "id"`);
      expect(rows.map((row) => [row.status, row.missing])).toEqual([
        ['eligible', ''],
        ['contraindicated', ''],
        ['incomplete', 'ageYears'],
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
