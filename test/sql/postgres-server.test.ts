// The compiled SQL, really run by a PostgreSQL server: Debian's postgresql (15 on Debian 12),
// started by startPostgresServer (postgres-server.ts) on a Unix socket in a temporary directory and
// stopped after, and queried through node-postgres (pg), which returns counts (bigint) as strings,
// as applications receive them. PGlite (postgres.test.ts) runs PostgreSQL's code in process; this
// is the server as installed, with its own build, configuration and wire protocol. The server's
// binaries: $PG_BIN, else the newest /usr/lib/postgresql/*/bin (.ci/run installs Debian's when
// there is none). Without them the test fails and says how to install them: CI must not pass
// without the server.
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type ColumnType, describeEquivalence, type Engine } from './equivalence.js';
import { type PostgresServer, postgresServerVersion, startPostgresServer } from './postgres-server.js';

let server: PostgresServer | undefined;
let client: pg.Client | undefined;

beforeAll(async () => {
  server = await startPostgresServer();
  client = server.client;
}, 120_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

const types: Record<ColumnType, string> = {
  boolean: 'BOOLEAN',
  integer: 'INTEGER',
  double: 'DOUBLE PRECISION',
  text: 'TEXT',
  date: 'DATE',
};

/** Rows per INSERT: many at once, within PostgreSQL's 65,535 parameters a statement. */
const rowsPerInsert = 500;

const postgres: () => Engine = () => ({
  dialect: 'postgres',
  allowNaN: true,
  numericBooleans: false,
  async load(name, columns, rows) {
    const database = client as pg.Client;
    await database.query(
      `DROP TABLE IF EXISTS "${name}"; CREATE TABLE "${name}" (${columns.map((column) => `"${column.name}" ${types[column.type]}`).join(', ')})`,
    );
    for (let start = 0; start < rows.length; start += rowsPerInsert) {
      const batch = rows.slice(start, start + rowsPerInsert);
      const tuples = batch.map(
        (_, r) => `(${columns.map((column, c) => `$${r * columns.length + c + 1}::${types[column.type]}`).join(', ')})`,
      );
      await database.query(
        `INSERT INTO "${name}" VALUES ${tuples.join(', ')}`,
        batch.flatMap((row) =>
          row.map((value) =>
            value === undefined ? null : typeof value === 'number' && Number.isNaN(value) ? 'NaN' : value,
          ),
        ),
      );
    }
  },
  async query(sql) {
    return (await (client as pg.Client).query<Record<string, unknown>>(sql)).rows;
  },
});

describeEquivalence(`PostgreSQL ${postgresServerVersion()} (server)`, postgres);
