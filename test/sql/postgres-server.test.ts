// The compiled SQL, really run by a PostgreSQL server: Debian's postgresql (15 on Debian 12),
// started here on a Unix socket in a temporary directory and stopped after, and queried through
// node-postgres (pg), which returns counts (bigint) as strings, as applications receive them.
// PGlite (postgres.test.ts) runs PostgreSQL's code in process; this is the server as installed,
// with its own build, configuration and wire protocol. The server's binaries: $PG_BIN, else the
// newest /usr/lib/postgresql/*/bin (.ci/run installs Debian's when there is none). Without them
// the test fails and says how to install them: CI must not pass without the server.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type ColumnType, describeEquivalence, type Engine } from './equivalence.js';

/**
 * With no TCP (listen_addresses is empty), the port only names the socket file, .s.PGSQL.55432,
 * in this run's own directory: neither the cluster that Debian's package may start on 5432 nor
 * another run of this file at the same time can clash with it, so a fixed port will do.
 */
const port = 55432;

/** The folder of initdb, pg_ctl and postgres, and the server's major version; or why there is none. */
function findServer(): { bin: string; version: string } | { error: string } {
  // An empty PG_BIN counts as unset, as CHROMIUM_PATH does for the browser test.
  const given = process.env['PG_BIN'] || undefined;
  const install =
    'install PostgreSQL (Debian: apt-get install postgresql; .ci/run does it when /usr/lib/postgresql holds no server), or set PG_BIN to the folder of its initdb, pg_ctl and postgres';
  let bin: string | undefined = given;
  if (bin === undefined) {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root)
      ? readdirSync(root)
          .filter((name) => existsSync(join(root, name, 'bin', 'postgres')))
          .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
      : [];
    if (versions[0] === undefined) return { error: `no PostgreSQL server in ${root}/*/bin: ${install}` };
    bin = join(root, versions[0], 'bin');
  }
  const missing = ['initdb', 'pg_ctl', 'postgres'].filter((tool) => !existsSync(join(bin, tool)));
  if (missing.length > 0) {
    const where = given === undefined ? bin : `PG_BIN names ${bin}, which`;
    return { error: `${where} has no ${missing.join(', ')}: ${install}` };
  }
  // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
  const version = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).match(/\d+/)?.[0] ?? '?';
  return { bin, version };
}

const server = findServer();
/** PostgreSQL refuses to run as root, so as root (CI) the server runs as the user postgres. */
const asRoot = process.getuid?.() === 0;

/** Runs a tool of the server's folder, as the user postgres when this process is root. */
function runTool(bin: string, tool: string, args: readonly string[]): void {
  const command = asRoot ? ['runuser', '-u', 'postgres', '--', join(bin, tool), ...args] : [join(bin, tool), ...args];
  execFileSync(command[0] as string, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

/** The message of a failed command (execFileSync's holds its stderr), with the end of the server's log. */
function explain(error: unknown, log: string): string {
  const logText = existsSync(log) ? `\nserver log:\n${readFileSync(log, 'utf8').slice(-4000)}` : '';
  return `${error instanceof Error ? error.message : String(error)}${logText}`;
}

let directory: string | undefined;
let started = false;
let client: pg.Client | undefined;

beforeAll(async () => {
  if ('error' in server) throw new Error(`PostgreSQL server tests: ${server.error}`);
  directory = mkdtempSync(join(tmpdir(), 'acuspine-pg-'));
  const data = join(directory, 'data');
  const log = join(directory, 'server.log');
  try {
    if (asRoot) {
      let ids: number[];
      try {
        ids = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' })));
      } catch {
        throw new Error(
          'running as root, and there is no user postgres to run the server as (Debian: apt-get install postgresql creates it)',
        );
      }
      chownSync(directory, ids[0] as number, ids[1] as number);
    }
    // A throwaway cluster: trust on the socket, no fsync, the C locale whatever the machine's.
    runTool(server.bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N']);
    const options = [
      "-c listen_addresses=''",
      `-c unix_socket_directories='${directory}'`,
      `-p ${port}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ];
    runTool(server.bin, 'pg_ctl', ['-D', data, '-l', log, '-o', options.join(' '), '-w', '-t', '60', 'start']);
    started = true;
  } catch (error) {
    throw new Error(`PostgreSQL ${server.version} did not start in ${directory}: ${explain(error, log)}`);
  }
  client = new pg.Client({ host: directory, port, user: 'postgres', database: 'postgres' });
  await client.connect();
}, 120_000);

afterAll(async () => {
  try {
    await client?.end();
    if (started && directory !== undefined && !('error' in server))
      runTool(server.bin, 'pg_ctl', ['-D', join(directory, 'data'), '-m', 'fast', '-w', 'stop']);
  } finally {
    if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
  }
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

describeEquivalence(`PostgreSQL ${'error' in server ? '(not installed)' : server.version} (server)`, postgres);
