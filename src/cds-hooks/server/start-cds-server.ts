// The CDS Hooks server on node:http. The one module of acuspine that reads the clock (the
// reference date, the tokens' times, the log), the network (it listens, and fetches JWK Sets and
// missing prefetch) and the process (its output, its time zone): everything else it runs is the
// pure core, given what this module reads.

import { webcrypto } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fillMissingPrefetch } from '../fill-prefetch.js';
import { createKeyCache, createReplayGuard, verifyCdsJwt } from '../verify-jwt.js';
import { type CdsServerFetch, fetchJson } from './fetch-json.js';
import { answer, closesConnection, type RequestState } from './handle-request.js';
import { readCdsServerConfig } from './read-server-config.js';
import { dateInZone } from './reference-date.js';
import { failure, type Reply, TIMED_OUT, writeRawReply, writeReply } from './reply.js';
import { serviceOf } from './screening-service.js';
import type { CdsServerConfig } from './server-config.js';
import type { CdsServerHooks, CdsServerLogLine, RunningCdsServer } from './server-hooks.js';

/** The answer to each error node reports on a connection before or while a request is read. */
const CLIENT_ERRORS: Readonly<Record<string, Reply>> = {
  ERR_HTTP_REQUEST_TIMEOUT: TIMED_OUT,
  HPE_HEADER_OVERFLOW: failure(431, 'headers-too-large', 'the request headers are too large'),
};
const BAD_REQUEST = failure(400, 'bad-request', 'not a valid HTTP/1.1 request');

/**
 * Starts the CDS Hooks 2.0 server of a configuration: `GET /health` (no token), `GET
 * /cds-services` (the discovery document), `POST /cds-services/{id}` (a hook call) and `POST
 * /cds-services/{id}/feedback`, with CORS preflight. Every route but `/health` first verifies
 * the EHR's JWT with `verifyCdsJwt`, its audience the public URL followed by the path called, and
 * answers a refused token with 401 and `{}`. A hook call then reads the body (413 over
 * `limits.bodyBytes`, unread; 400 for a body that is not JSON in UTF-8), reads the prefetch the
 * EHR left out from the issuer's `fhirServers` with the request's access token, and answers with
 * the service's cards (200) or its issues (400, `{ issues }`). Feedback is read by the service and
 * handed to `hooks.onFeedback`, then answered 200 `{}`. A body that arrives too slowly is cut
 * (408); what throws is a 500, and the server goes on. One replay guard and one JWK Set cache
 * serve the server's life; the reference date is today in `config.timeZone`. One JSON log line
 * per request ({@link CdsServerLogLine}).
 *
 * @param config - a configuration read by `readCdsServerConfig`.
 * @param hooks - `onFeedback`, `log`, and for tests `fetch` and `now`.
 * @returns the running server, once it listens.
 * @throws {TypeError} (as a rejected promise) when `config` is not a valid configuration; and
 *   what listening throws, such as `EADDRINUSE`.
 * @example
 * const config = readCdsServerConfig(JSON.parse(readFileSync('cds.json', 'utf8')));
 * if (!config.ok) throw new Error(JSON.stringify(config.issues));
 * const running = await startCdsServer(config.value, { onFeedback: (entry) => audit(entry) });
 * process.once('SIGTERM', () => running.close());
 */
export async function startCdsServer(config: CdsServerConfig, hooks: CdsServerHooks = {}): Promise<RunningCdsServer> {
  const read = readCdsServerConfig(config);
  if (!read.ok) {
    const problems = read.issues.map((found) => `${found.path.join('.')}: ${found.message}`);
    throw new TypeError(`startCdsServer: not a valid configuration: ${problems.join('; ')}`);
  }
  const settings = read.value;
  const { limits } = settings;
  const now = hooks.now ?? Date.now;
  const fetchFn = hooks.fetch ?? (globalThis.fetch as unknown as CdsServerFetch);
  const writeLine = hooks.log ?? ((line: CdsServerLogLine) => process.stdout.write(`${JSON.stringify(line)}\n`));
  const log = (level: CdsServerLogLine['level'], event: string, fields: Record<string, unknown>) => {
    try {
      writeLine({ time: new Date(now()).toISOString(), level, event, ...fields });
    } catch {
      // A log that fails must not fail the request it logs.
    }
  };

  const service = serviceOf(settings.service);
  const replay = createReplayGuard();
  const keys = createKeyCache();
  const verifyBase = {
    issuers: settings.issuers,
    replay,
    keys,
    subtle: webcrypto.subtle,
    // verifyCdsJwt passes only the URLs on an issuer's jku list.
    fetchJwks: (url: string) =>
      fetchJson(fetchFn, url, { timeoutMs: limits.jwksTimeoutMs, maxBytes: limits.jwksMaxBytes }),
    ...(settings.algorithms === undefined ? {} : { algorithms: settings.algorithms }),
    ...(settings.clockSkewSeconds === undefined ? {} : { clockSkewSeconds: settings.clockSkewSeconds }),
  };
  const fhirServers = new Map(settings.issuers.map((issuer) => [issuer.iss, issuer.fhirServers ?? []]));
  const dateOf = dateInZone(settings.timeZone);
  let stopping = false;
  const context = {
    config: settings,
    service,
    serviceIds: new Set(service.definitions.map((definition) => definition.id)),
    verify: (authorization: string | undefined, audience: string) =>
      verifyCdsJwt(authorization, { ...verifyBase, audience, now: Math.floor(now() / 1000) }),
    fillPrefetch: (request: unknown, iss: string) => {
      // One time limit for all the reading of a request, body included.
      const signal = AbortSignal.timeout(limits.fhirTimeoutMs);
      return fillMissingPrefetch(request, {
        fhirServers: fhirServers.get(iss) as readonly string[],
        fetch: (url, init) => fetchFn(url, { ...init, signal }),
        maxBytes: limits.fhirMaxBytes,
      });
    },
    today: () => dateOf(now()),
    onFeedback: hooks.onFeedback,
    stopping: () => stopping,
  };

  /** The request in flight on each connection: a 408 written for its connection is its answer. */
  const inFlight = new WeakMap<Socket, RequestState>();
  let active = 0;
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const state: RequestState = { path: '*', bodyRead: false, timedOut: false, log: {} };
    inFlight.set(request.socket, state);
    active += 1;
    answer(request, context, state)
      .catch((error: unknown) => {
        // The name only: a message may quote the data that caused it.
        state.log['error'] = error instanceof Error ? error.name : typeof error;
        return failure(500, 'internal-error', 'the server could not answer');
      })
      .then((reply) => {
        writeReply(response, reply, closesConnection(request, state, stopping));
        inFlight.delete(request.socket);
        active -= 1;
        const level = reply.status >= 500 ? 'error' : reply.status >= 400 ? 'warn' : 'info';
        log(level, 'request', {
          method: request.method,
          path: state.path,
          status: reply.status,
          ms: Math.round(performance.now() - started),
          ...state.log,
        });
      });
  };

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often node looks for requests past their time: often enough for the shortest limit.
      connectionsCheckingInterval: Math.min(1000, Math.ceil(limits.headersTimeoutMs / 4)),
    },
    onRequest,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const reply = CLIENT_ERRORS[error.code as string] ?? BAD_REQUEST;
    const state = inFlight.get(socket);
    if (state === undefined) log('warn', 'client-error', { status: reply.status, code: error.code });
    else state.timedOut = reply === TIMED_OUT;
    writeRawReply(socket, reply);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error: NodeJS.ErrnoException) => log('error', 'server-error', { code: error.code }));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log('info', 'start', {
    url,
    publicUrl: settings.publicUrl,
    services: [...context.serviceIds],
    issuers: settings.issuers.map((issuer) => issuer.iss),
    ruleSets: settings.service.ruleSets,
  });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      stopping = true;
      log('info', 'stopping', { inFlight: active });
      const grace = setTimeout(() => {
        log('warn', 'grace-over', { cut: active });
        server.closeAllConnections();
      }, limits.shutdownGraceMs);
      server.close(() => {
        clearTimeout(grace);
        log('info', 'stop', {});
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return Object.freeze({ server, url, close });
}
