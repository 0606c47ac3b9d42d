// The compiled SQL, really run by PostgreSQL: PGlite, the PostgreSQL server compiled to
// WebAssembly, in process (an npm dev dependency, no server to install). Its parser, planner,
// types and NULL logic are PostgreSQL's own.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll } from 'vitest';
import { type ColumnType, describeEquivalence, type Engine } from './equivalence.js';

let database: PGlite;
beforeAll(async () => {
  database = new PGlite();
  await database.waitReady;
});
afterAll(async () => {
  await database.close();
});

const types: Record<ColumnType, string> = {
  boolean: 'BOOLEAN',
  integer: 'INTEGER',
  double: 'DOUBLE PRECISION',
  text: 'TEXT',
  date: 'DATE',
};

const postgres: () => Engine = () => ({
  dialect: 'postgres',
  allowNaN: true,
  numericBooleans: false,
  async load(name, columns, rows) {
    await database.exec(
      `DROP TABLE IF EXISTS "${name}"; CREATE TABLE "${name}" (${columns.map((column) => `"${column.name}" ${types[column.type]}`).join(', ')})`,
    );
    for (const row of rows) {
      await database.query(
        `INSERT INTO "${name}" VALUES (${columns.map((column, i) => `$${i + 1}::${types[column.type]}`).join(', ')})`,
        row.map((value) =>
          value === undefined ? null : typeof value === 'number' && Number.isNaN(value) ? 'NaN' : value,
        ),
      );
    }
  },
  async query(sql) {
    return (await database.query<Record<string, unknown>>(sql)).rows;
  },
});

describeEquivalence('PostgreSQL (PGlite)', postgres);
