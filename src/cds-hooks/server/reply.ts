// The server's answers: each route returns a Reply, and one function writes it, so that a
// response is written once, in one place, whatever the route did or threw.

import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** An answer to write: a status, a JSON body (none for 204), and headers beside the usual ones. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Headers on every answer: JSON, never cached (cards are about a patient), readable from a browser app. */
const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'access-control-allow-origin': '*',
};

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Reply {
  return { status, body, headers };
}

/** An error answer: `{ error, message }`. */
export function failure(status: number, error: string, message: string, headers?: Record<string, string>): Reply {
  return json(status, { error, message }, headers);
}

/** The answer to a request that took longer than `limits.requestTimeoutMs` to arrive. */
export const TIMED_OUT: Reply = failure(408, 'request-timeout', 'the request took too long to arrive');

/**
 * Writes `reply` to `response`; with `close`, asks the client to close the connection after it
 * (the body was left unread, or the server is stopping). A response whose socket is gone writes
 * nothing, without an error.
 */
export function writeReply(response: ServerResponse, reply: Reply, close: boolean): void {
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    ...COMMON_HEADERS,
    ...(reply.body === undefined ? {} : { 'content-type': JSON_TYPE }),
    'content-length': String(Buffer.byteLength(text)),
    ...(close ? { connection: 'close' } : {}),
    ...reply.headers,
  });
  response.end(text);
}

/** Writes `reply` on a raw socket, for an error found before any request could be read, and closes it. */
export function writeRawReply(socket: Socket, reply: Reply): void {
  const text = JSON.stringify(reply.body);
  const head = [
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status]}`,
    ...Object.entries(COMMON_HEADERS).map(([name, value]) => `${name}: ${value}`),
    `content-type: ${JSON_TYPE}`,
    `content-length: ${Buffer.byteLength(text)}`,
    'connection: close',
  ];
  // Errors of a socket already gone are ignored (node leaves a no-op listener on it).
  socket.end(`${head.join('\r\n')}\r\n\r\n${text}`, () => socket.destroy());
}
