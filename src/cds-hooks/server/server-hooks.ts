// What the clinic's code and the server say to each other: the hooks it passes, the feedback and
// log lines it gets, and the running server: types only.

import type { Server } from 'node:http';
import type { CdsFeedback } from '../feedback.js';
import type { CdsServerFetch } from './fetch-json.js';

/**
 * One entry of an EHR's feedback, as the server hands it to the clinic's `onFeedback`: which
 * service it is about, which EHR sent it (the token's verified `iss`), and what the user did.
 *
 * @example
 * const entry: CdsFeedbackEntry = {
 *   serviceId: 'acuspine-screening-order-sign',
 *   iss: 'https://ehr.example.org',
 *   feedback: { card: '0b5b3c4e-8f7a-8d2e-9c41-5a6f7e8d9c0b', outcome: 'overridden', outcomeTimestamp: '2026-11-24T10:15:00Z' },
 * };
 */
export interface CdsFeedbackEntry {
  /** The id of the service the feedback was sent to. */
  readonly serviceId: string;
  /** The issuer of the verified token that came with it. */
  readonly iss: string;
  /** The entry, as `service.feedback` read it. */
  readonly feedback: CdsFeedback;
}

/**
 * One line of the server's log, a JSON object: when, how serious, what happened, and the fields
 * of that event. Never a token, a request body or a patient id.
 *
 * - `start`: `url`, `publicUrl`, `services` (their ids), `issuers` (their `iss`), `ruleSets`.
 * - `request`: `method`, `path` (of the route; `*` for an unknown one), `status`, `ms`; `iss`
 *   once the token is verified, `refusal` (the reason of a 401), `cards` (how many), `prefetch`
 *   (the keys read from the FHIR server, and those that failed), `feedback` (how many entries),
 *   `error` (the name of what a 500 caught).
 * - `client-error`: a connection refused before a request could be read (`status` 400, 408 or 431, `code`).
 * - `stopping`, `grace-over` (`cut`: the requests still in flight) and `stop`.
 * - `server-error`: the listening socket failed (`code`).
 *
 * @example
 * const line: CdsServerLogLine = {
 *   time: '2026-11-24T10:15:00.000Z', level: 'warn', event: 'request',
 *   method: 'POST', path: '/cds-services/acuspine-screening', status: 401, ms: 2, refusal: 'expired',
 * };
 */
export interface CdsServerLogLine {
  /** When, as an ISO 8601 instant. */
  readonly time: string;
  /** `error` for a 5xx or a server failure, `warn` for a 4xx or a refused connection, `info` otherwise. */
  readonly level: 'info' | 'warn' | 'error';
  /** What happened: `start`, `request`, `client-error`, `stopping`, `grace-over`, `stop` or `server-error`. */
  readonly event: string;
  /** The fields of the event. */
  readonly [field: string]: unknown;
}

/**
 * What the clinic's code gives the server: where feedback goes, where the log goes, and, for
 * tests, the fetch and the clock.
 *
 * @example
 * const hooks: CdsServerHooks = {
 *   onFeedback: (entry) => auditLog.append(entry),
 *   log: (line) => console.log(JSON.stringify(line)),
 * };
 */
export interface CdsServerHooks {
  /** Called with each entry of each feedback request, awaited before the 200; what it throws is a 500. Default: the entries are counted in the log only. */
  readonly onFeedback?: (entry: CdsFeedbackEntry) => void | Promise<void>;
  /** Receives each log line. Default: one JSON line on standard output. What it throws is ignored. */
  readonly log?: (line: CdsServerLogLine) => void;
  /** Fetches JWK Sets and missing prefetch. Default: the global `fetch`. */
  readonly fetch?: CdsServerFetch;
  /** The time now, in milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * A running server, from {@link startCdsServer}.
 *
 * @example
 * const running: RunningCdsServer = await startCdsServer(config);
 * running.url; // => 'http://127.0.0.1:8080'
 * await running.close();
 */
export interface RunningCdsServer {
  /** The node:http server. */
  readonly server: Server;
  /** The address it listens on, such as `http://127.0.0.1:8080` (not the public URL). */
  readonly url: string;
  /**
   * Stops the server: it accepts no new connection, closes the idle ones, lets the requests in
   * flight finish (their answers close their connections), and after `limits.shutdownGraceMs`
   * cuts the connections still open. Resolves once every connection is closed; a second call
   * returns the same promise.
   */
  readonly close: () => Promise<void>;
}
