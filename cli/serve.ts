// The command line `acuspine serve --config cds.json`: the CDS Hooks server of
// acuspine/cds-hooks/server, run from a configuration file until SIGTERM or SIGINT. What the
// process gives (arguments, output, files, signals) comes in through `ServeIo`, so that the tests
// run it in process; cli/acuspine.ts hands it the real ones.
import { parseArgs } from 'node:util';
import {
  type CdsFeedbackEntry,
  type CdsServerHooks,
  readCdsServerConfig,
  startCdsServer,
} from '../src/cds-hooks/server/index.js';
import type { Issue } from '../src/index.js';
import { EXIT_OK, EXIT_USAGE } from './run.js';

/** What `acuspine serve` reads from and writes to: the process's, or a test's. */
export interface ServeIo {
  /** Writes to standard output: the server's log, one JSON line an event. */
  readonly out: (text: string) => void;
  /** Writes to standard error: the problems of the arguments or the configuration. */
  readonly err: (text: string) => void;
  /** The text of a file; throws when it cannot be read. */
  readonly readText: (path: string) => string;
  /** Appends text to a file, creating it; throws when it cannot be written. */
  readonly appendText: (path: string, text: string) => void;
  /** Calls `stop` when the process is asked to stop (SIGTERM, SIGINT). */
  readonly onStop: (stop: () => void) => void;
  /** The time now, in milliseconds since the epoch: the time of a feedback line. */
  readonly now: () => number;
  /** For tests: the fetch and the clock of the server. */
  readonly hooks?: Pick<CdsServerHooks, 'fetch' | 'now'>;
}

/** The exit status when the server could not start (the port is taken, say). */
export const EXIT_START_FAILED = 1;

/** What `acuspine serve --help` prints. */
export const serveUsage = `Usage: acuspine serve --config FILE

Runs the CDS Hooks 2.0 server of acuspine/cds-hooks/server with the configuration in FILE (JSON;
see docs/cds-server.md), until SIGTERM or SIGINT (Ctrl+C), then closes it gracefully: requests
in flight finish, within the configuration's limits.shutdownGraceMs. A second Ctrl+C stops at once.

  --config FILE   the configuration: publicUrl, issuers, service, and optionally host, port,
                  algorithms, clockSkewSeconds, timeZone, limits and feedbackLog
  -h, --help      this text

The log goes to standard output, one JSON object a line. Feedback from the EHRs is appended to
feedbackLog, one JSON object a line, when the configuration names it; otherwise it is logged
without the users' comments. Exit status 0 after a graceful stop; 2 with each problem of the
arguments or the configuration on standard error, one a line; 1 when the server cannot start.
`;

/**
 * Runs `acuspine serve` on `args`, the arguments after `serve`.
 *
 * @returns the exit status, once the server has stopped: {@link EXIT_OK}, {@link EXIT_USAGE} or
 *   {@link EXIT_START_FAILED}.
 */
export async function serve(args: readonly string[], io: ServeIo): Promise<number> {
  let values: { config?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    io.err(`acuspine serve: ${(error as Error).message.replaceAll('\n', ' ')}\n`);
    return EXIT_USAGE;
  }
  if (values.help === true) {
    io.out(serveUsage);
    return EXIT_OK;
  }
  if (values.config === undefined) {
    io.err(`acuspine serve: --config FILE is required\n\n${serveUsage}`);
    return EXIT_USAGE;
  }
  const path = values.config;
  let json: unknown;
  try {
    json = JSON.parse(io.readText(path));
  } catch (error) {
    io.err(`acuspine serve: ${path}: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const config = readCdsServerConfig(json);
  if (!config.ok) {
    for (const found of config.issues) io.err(`acuspine serve: ${path}: ${pathText(found)}: ${found.message}\n`);
    return EXIT_USAGE;
  }
  const { feedbackLog } = config.value;
  const writeLine = (line: object) => io.out(`${JSON.stringify(line)}\n`);
  const onFeedback = (entry: CdsFeedbackEntry) => {
    const time = new Date(io.now()).toISOString();
    if (feedbackLog === undefined) {
      // A user's comment is free text, which may name the patient: the log is no place for it.
      const { overrideReason, ...feedback } = entry.feedback;
      const reason = overrideReason?.reason;
      const kept = reason === undefined ? feedback : { ...feedback, overrideReason: { reason } };
      writeLine({ time, level: 'info', event: 'feedback', ...entry, feedback: kept });
    } else {
      io.appendText(feedbackLog, `${JSON.stringify({ time, ...entry })}\n`);
    }
  };
  let running: Awaited<ReturnType<typeof startCdsServer>>;
  try {
    running = await startCdsServer(config.value, { ...io.hooks, onFeedback, log: writeLine });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const where = `${config.value.host}:${config.value.port}`;
    io.err(
      code === 'EADDRINUSE'
        ? `acuspine serve: ${where} is already in use: choose another port in ${path}\n`
        : `acuspine serve: cannot listen on ${where}: ${message}\n`,
    );
    return EXIT_START_FAILED;
  }
  await new Promise<void>((resolve) => io.onStop(() => void running.close().then(resolve)));
  return EXIT_OK;
}

/** An issue's path as a reader writes it: `issuers[0].jku[1]`, or `(the file)` for the whole. */
function pathText({ path }: Issue): string {
  if (path.length === 0) return '(the file)';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
