// The routes of the CDS Hooks server, from a request to the Reply that answers it: the token
// first on every route but /health, then the body, then the pure service.

import type { IncomingMessage } from 'node:http';
import type { CdsService } from '../cds-service.js';
import type { PrefetchFill } from '../fill-prefetch.js';
import type { JwtVerification } from '../verify-jwt.js';
import { hasBody, readBody } from './http-body.js';
import { failure, json, type Reply, TIMED_OUT } from './reply.js';
import type { CdsServerConfig } from './server-config.js';
import type { CdsFeedbackEntry } from './server-hooks.js';

/** What the routes need beside the request: the configuration, the service, and the server's own state and I/O. */
export interface RouteContext {
  readonly config: CdsServerConfig;
  readonly service: CdsService;
  /** The ids of the services, each answering at /cds-services/{id}. */
  readonly serviceIds: ReadonlySet<string>;
  /** Verifies a token for `audience`, at the time now. */
  readonly verify: (authorization: string | undefined, audience: string) => Promise<JwtVerification>;
  /** Reads the missing prefetch of a request from the FHIR servers of `iss`. */
  readonly fillPrefetch: (request: unknown, iss: string) => Promise<PrefetchFill>;
  /** Today's date in the configured time zone, the reference date of a screening. */
  readonly today: () => string;
  readonly onFeedback: ((entry: CdsFeedbackEntry) => void | Promise<void>) | undefined;
  /** True once close() has been called. */
  readonly stopping: () => boolean;
}

/** What one request did, for its log line and for how its answer is written. */
export interface RequestState {
  /** The path for the log: the path of a route (service ids are configuration), `*` for any other. */
  path: string;
  /** True once the body has been read to its end. */
  bodyRead: boolean;
  /** True when the server cut the request for being too slow (a 408 already written). */
  timedOut: boolean;
  /** Fields of the log line besides the usual ones: never a token, a body or a patient id. */
  readonly log: Record<string, unknown>;
}

type Route =
  | { readonly kind: 'health'; readonly method: 'GET' }
  | { readonly kind: 'discovery'; readonly method: 'GET' }
  | { readonly kind: 'hook' | 'feedback'; readonly method: 'POST'; readonly serviceId: string };

const SERVICE_PATH = /^\/cds-services\/([^/]+)(\/feedback)?$/;

function routeOf(path: string, serviceIds: ReadonlySet<string>): Route | undefined {
  if (path === '/health') return { kind: 'health', method: 'GET' };
  if (path === '/cds-services') return { kind: 'discovery', method: 'GET' };
  const [, serviceId = '', feedback] = SERVICE_PATH.exec(path) ?? [];
  if (!serviceIds.has(serviceId)) return undefined;
  return { kind: feedback === undefined ? 'hook' : 'feedback', method: 'POST', serviceId };
}

/** The answer to `request`. Throws what the clinic's onFeedback throws; the caller answers 500. */
export async function answer(request: IncomingMessage, context: RouteContext, state: RequestState): Promise<Reply> {
  const path = (request.url as string).split('?', 1)[0] as string;
  const route = routeOf(path, context.serviceIds);
  if (route === undefined) return failure(404, 'not-found', 'no such path: see GET /cds-services');
  state.path = path;
  const allowed = route.kind === 'health' ? route.method : `${route.method}, OPTIONS`;
  if (request.method === 'OPTIONS' && route.kind !== 'health') {
    return {
      status: 204,
      headers: {
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
      },
    };
  }
  if (request.method !== route.method) {
    return failure(405, 'method-not-allowed', `${path} answers ${allowed}`, { allow: allowed });
  }
  if (route.kind === 'health') {
    return context.stopping() ? json(503, { status: 'stopping' }) : json(200, { status: 'ok' });
  }

  const verified = await context.verify(request.headers.authorization, `${context.config.publicUrl}${path}`);
  if (!verified.ok) {
    state.log['refusal'] = verified.reason;
    // Nothing about why: the reason is for the clinic's log only.
    return json(401, {}, { 'www-authenticate': 'Bearer' });
  }
  const { iss } = verified.value;
  state.log['iss'] = iss;
  if (route.kind === 'discovery') return json(200, { services: context.service.definitions });

  const body = await readJsonBody(request, context.config.limits.bodyBytes, state);
  if (!('json' in body)) return body;
  if (route.kind === 'feedback') {
    const read = context.service.feedback(body.json, { serviceId: route.serviceId });
    if (!read.ok) return json(400, { issues: read.issues });
    state.log['feedback'] = read.value.length;
    for (const feedback of read.value) await context.onFeedback?.({ serviceId: route.serviceId, iss, feedback });
    return json(200, {});
  }
  const filled = await context.fillPrefetch(body.json, iss);
  state.log['prefetch'] = { read: filled.read, failed: filled.failed };
  const handled = context.service.handle(filled.request, { on: context.today(), serviceId: route.serviceId });
  if (!handled.ok) return json(400, { issues: handled.issues });
  state.log['cards'] = handled.value.cards.length;
  return json(200, handled.value);
}

/** The body of `request` parsed as JSON, or the Reply that refuses it. */
async function readJsonBody(
  request: IncomingMessage,
  maxBytes: number,
  state: RequestState,
): Promise<{ readonly json: unknown } | Reply> {
  const body = await readBody(request, maxBytes);
  if (body.kind === 'too-large') {
    return failure(413, 'payload-too-large', `the body is longer than ${maxBytes} bytes`);
  }
  if (body.kind === 'aborted') {
    // 499, as nginx logs it: the client closed the connection before its body was read.
    return state.timedOut ? TIMED_OUT : failure(499, 'client-closed', 'the client closed the connection');
  }
  state.bodyRead = true;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
  } catch {
    return json(400, { issues: [{ code: 'invalid-utf8', path: [], message: 'the body is not UTF-8 text' }] });
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return json(400, { issues: [{ code: 'invalid-json', path: [], message: 'the body is not JSON' }] });
  }
}

/** Whether the answer must close the connection: a body left unread, or a server stopping. */
export function closesConnection(request: IncomingMessage, state: RequestState, stopping: boolean): boolean {
  return stopping || (!state.bodyRead && hasBody(request));
}
