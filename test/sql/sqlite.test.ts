// The compiled SQL, really run by SQLite (better-sqlite3, in memory). SQLite has no boolean type
// (TRUE is 1) and stores NaN as NULL, so its records hold no NaN.
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { type ColumnType, describeEquivalence, type Engine } from './equivalence.js';

const database = new Database(':memory:');
afterAll(() => {
  database.close();
});

const types: Record<ColumnType, string> = {
  boolean: 'INTEGER',
  integer: 'INTEGER',
  double: 'REAL',
  text: 'TEXT',
  date: 'TEXT',
};

const sqlite: () => Engine = () => ({
  dialect: 'sqlite',
  allowNaN: false,
  numericBooleans: true,
  async load(name, columns, rows) {
    database.exec(`DROP TABLE IF EXISTS "${name}"`);
    database.exec(
      `CREATE TABLE "${name}" (${columns.map((column) => `"${column.name}" ${types[column.type]}`).join(', ')})`,
    );
    const insert = database.prepare(`INSERT INTO "${name}" VALUES (${columns.map(() => '?').join(', ')})`);
    database.transaction(() => {
      for (const row of rows)
        insert.run(...row.map((value) => (typeof value === 'boolean' ? Number(value) : (value ?? null))));
    })();
  },
  async query(sql) {
    return database.prepare(sql).all() as Record<string, unknown>[];
  },
});

describeEquivalence('SQLite', sqlite);
