// A real PostgreSQL server for tests: Debian's postgresql (15 on Debian 12), started on a Unix
// socket in a temporary directory and stopped after, and queried through node-postgres (pg).
// PGlite runs PostgreSQL's code in process; this is the server as installed, with its own build,
// configuration and wire protocol. The server's binaries: $PG_BIN, else the newest
// /usr/lib/postgresql/*/bin (.ci/run installs Debian's when there is none). Without them
// startPostgresServer throws and says how to install them: CI must not pass without the server.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * With no TCP (listen_addresses is empty), the port only names the socket file, .s.PGSQL.55432,
 * in this run's own directory: neither the cluster that Debian's package may start on 5432 nor
 * another run at the same time (another run of a test file, or another test file starting its own
 * server in another vitest worker, each in a temporary directory of its own) can clash with it, so
 * a fixed port will do.
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

let found: ReturnType<typeof findServer> | undefined;
/** findServer, run once per module (it runs `postgres --version`). */
function server(): ReturnType<typeof findServer> {
  found ??= findServer();
  return found;
}

/** The server's major version, e.g. '15', or '(not installed)': for the names of tests. */
export function postgresServerVersion(): string {
  const found = server();
  return 'error' in found ? '(not installed)' : found.version;
}

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

export interface PostgresServer {
  /** Connected to the database postgres as the user postgres. */
  readonly client: pg.Client;
  /** The server's major version, e.g. '15'. */
  readonly version: string;
  /** Closes the client, stops the server and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway server in a temporary directory of its own and connects a client to it.
 * `types` configures the client's parsers of the values it reads (node-postgres's default gives
 * BIGINT as a string and DATE as a JS Date at local midnight). Throws, with the reason and how to
 * install a server, when there is none or it does not start; nothing is left running then.
 */
export async function startPostgresServer(options: { types?: pg.CustomTypesConfig } = {}): Promise<PostgresServer> {
  const found = server();
  if ('error' in found) throw new Error(`PostgreSQL server tests: ${found.error}`);
  const { bin, version } = found;
  const directory = mkdtempSync(join(tmpdir(), 'acuspine-pg-'));
  const data = join(directory, 'data');
  const log = join(directory, 'server.log');
  let started = false;
  let client: pg.Client | undefined;

  async function stop(): Promise<void> {
    try {
      await client?.end();
      if (started) runTool(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      started = false;
      client = undefined;
      rmSync(directory, { recursive: true, force: true });
    }
  }

  try {
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
      runTool(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N']);
      const serverOptions = [
        "-c listen_addresses=''",
        `-c unix_socket_directories='${directory}'`,
        `-p ${port}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ];
      runTool(bin, 'pg_ctl', ['-D', data, '-l', log, '-o', serverOptions.join(' '), '-w', '-t', '60', 'start']);
      started = true;
    } catch (error) {
      throw new Error(`PostgreSQL ${version} did not start in ${directory}: ${explain(error, log)}`);
    }
    const connecting = new pg.Client({
      host: directory,
      port,
      user: 'postgres',
      database: 'postgres',
      ...(options.types === undefined ? {} : { types: options.types }),
    });
    await connecting.connect();
    client = connecting;
    return { client, version, stop };
  } catch (error) {
    // Stop what did start and remove the directory; the first error is the one to report.
    await stop().catch(() => undefined);
    throw error;
  }
}
