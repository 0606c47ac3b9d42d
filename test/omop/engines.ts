// The SQL engines the OMOP tests load a CDM into: DuckDB and PostgreSQL (PGlite, PostgreSQL in
// WebAssembly), each behind one small interface.
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';

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
