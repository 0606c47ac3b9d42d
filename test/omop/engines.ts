// The SQL engines the OMOP tests load a CDM into: DuckDB, PostgreSQL in WebAssembly (PGlite) and a
// real PostgreSQL server (test/sql/postgres-server.ts), each behind one small interface.
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { startPostgresServer } from '../sql/postgres-server.js';

export interface Engine {
  run(sql: string, params?: unknown[]): Promise<unknown>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void> | void;
}

export async function openDuckDb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    run: (sql, params) => connection.run(sql, params as DuckDBValue[] | undefined),
    async query(sql) {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export async function openPglite(): Promise<Engine> {
  const database = new PGlite();
  await database.waitReady;
  return {
    run: (sql, params) => database.query(sql, params),
    async query(sql) {
      return (await database.query<Record<string, unknown>>(sql)).rows;
    },
    close: () => database.close(),
  };
}

/**
 * node-postgres's parsers, but for DATE (OID 1082), read as its text, 'YYYY-MM-DD': the default
 * makes a JS Date at local midnight, which toISOString() turns into the day before east of UTC.
 * BIGINT stays a string (the tests read ids with Number()), INTEGER a number, BOOLEAN a boolean.
 */
const dateAsText: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.DATE && format !== 'binary'
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A PostgreSQL server of its own (startPostgresServer), stopped and removed by close. */
export async function openPostgresServer(): Promise<Engine> {
  const server = await startPostgresServer({ types: dateAsText });
  return {
    run: (sql, params) => server.client.query(sql, params),
    async query(sql) {
      return (await server.client.query<Record<string, unknown>>(sql)).rows;
    },
    close: () => server.stop(),
  };
}
