// A CDS Hooks 2.0 service for acupuncture screening on Node's own HTTP server (no framework),
// against the built package, as a clinic would run it:
//
//   GET  /cds-services                      the discovery document
//   POST /cds-services/acuspine-screening   patient-view (and .../acuspine-screening-appointment-book)
//
// The library never reads the clock: this server passes today's date to `handle`. Run directly,
// it starts on 127.0.0.1 on a free port, sends itself a few real requests, checks the answers,
// and exits (code 0 when every check passed), so it doubles as a test (`npm run examples`).
// With --serve it keeps running instead, until Ctrl+C (`npm run cds-server`):
//
//   tsx examples/cds-service.ts --serve [port]   port from argv, else $PORT, else 8080
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { cdsService } from 'acuspine/cds-hooks';
import type { FhirBundle, FhirCondition, FhirPatient } from 'acuspine/fhir';

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
// A body past the limit is read to its end (so the client sees the 413) unless it grows past this.
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

/** Where to listen. */
export interface CdsServerOptions {
  /** The port; 0 picks a free one. */
  readonly port?: number;
  /** The interface; default 127.0.0.1. */
  readonly host?: string;
}

/** A running server. */
export interface RunningCdsServer {
  /** The node:http server. */
  readonly server: Server;
  /** Its base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Stops the server and waits for it. */
  readonly close: () => Promise<void>;
}

const service = cdsService({ source: { label: 'acuspine: acupuncture screening (example)' } });

/** Today's date in the server's local time zone, as YYYY-MM-DD: the reference date of each screening. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'access-control-allow-origin': '*',
    ...headers,
  });
  res.end(text);
}

/** Reads the body up to MAX_BODY_BYTES; `undefined` means too large (drained, or the connection cut if huge). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) {
      req.destroy();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        req.destroy();
        resolve(undefined);
      } else if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
    });
    res.end();
    return;
  }
  if (path === '/cds-services') {
    if (req.method !== 'GET') return send(res, 405, { error: 'method-not-allowed' }, { allow: 'GET, OPTIONS' });
    return send(res, 200, { services: service.definitions });
  }
  const match = /^\/cds-services\/([^/]+)$/.exec(path);
  const definition = match === null ? undefined : service.definitions.find((d) => d.id === match[1]);
  if (definition === undefined) return send(res, 404, { error: 'not-found', message: `no service at ${path}` });
  if (req.method !== 'POST') return send(res, 405, { error: 'method-not-allowed' }, { allow: 'POST, OPTIONS' });
  const body = await readBody(req);
  if (body === undefined) {
    return send(res, 413, { error: 'payload-too-large', message: `the body is over ${MAX_BODY_BYTES} bytes` });
  }
  let request: unknown;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return send(res, 400, { error: 'invalid-json', message: (error as Error).message });
  }
  const result = service.handle(request, { on: today(), serviceId: definition.id });
  if (!result.ok) return send(res, 400, { error: 'invalid-request', issues: result.issues });
  return send(res, 200, result.value);
}

/**
 * Starts the service.
 *
 * @param options - `port` (0 for a free one) and `host` (default 127.0.0.1).
 * @returns the server, its base URL, and `close`.
 */
export async function startCdsServer({
  port = 0,
  host = '127.0.0.1',
}: CdsServerOptions = {}): Promise<RunningCdsServer> {
  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'internal-error' });
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { server, url, close };
}

/** A patient-view request with prefetched data, as an EHR sends it. */
export function sampleRequest(birthDate: string, conditions: readonly FhirCondition[] = []): Record<string, unknown> {
  const patient: FhirPatient = { resourceType: 'Patient', id: 'example-patient', birthDate };
  const searchset = (resources: readonly FhirCondition[]): FhirBundle => ({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: resources.map((resource) => ({ resource })),
  });
  return {
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/example', patientId: 'example-patient' },
    prefetch: {
      patient,
      conditions: searchset(conditions),
      observations: searchset([]),
      medications: searchset([]),
      devices: searchset([]),
    },
  };
}

async function main(): Promise<void> {
  const { url, close } = await startCdsServer({ port: 0, host: '127.0.0.1' });
  const line = (text: string) => console.log(text);
  line(`acuspine CDS Hooks service listening on ${url}`);
  try {
    const post = (body: string) =>
      fetch(`${url}/cds-services/acuspine-screening`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });

    const discovery = await fetch(`${url}/cds-services`);
    const { services } = (await discovery.json()) as { services: { id: string; hook: string }[] };
    line(`GET /cds-services -> ${discovery.status}: ${services.map((s) => `${s.id} (${s.hook})`).join(', ')}`);
    assert.equal(discovery.status, 200);
    assert.deepEqual(
      services.map((s) => s.hook),
      ['patient-view', 'appointment-book'],
    );

    const activeCancer: FhirCondition = {
      resourceType: 'Condition',
      id: 'c1',
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      verificationStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
      },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '254837009' }] },
      subject: { reference: 'Patient/example-patient' },
    };
    const screened = await post(JSON.stringify(sampleRequest('1970-05-01', [activeCancer])));
    const { cards } = (await screened.json()) as { cards: { summary: string; indicator: string }[] };
    line(
      `POST, active breast cancer -> ${screened.status}: ${cards.map((c) => `[${c.indicator}] ${c.summary}`).join(' | ')}`,
    );
    assert.equal(screened.status, 200);
    assert.equal(cards[0]?.indicator, 'critical');

    const { prefetch: _dropped, ...withoutPrefetch } = sampleRequest('1970-05-01');
    const missing = await post(JSON.stringify(withoutPrefetch));
    const missingCards = ((await missing.json()) as { cards: { summary: string; indicator: string }[] }).cards;
    line(`POST, no prefetch -> ${missing.status}: [${missingCards[0]?.indicator}] ${missingCards[0]?.summary}`);
    assert.equal(missing.status, 200);
    assert.equal(missingCards[0]?.indicator, 'warning');
    assert.ok(missingCards.every((card) => card.indicator !== 'info'));

    const malformed = await post('{"hook": "patient-view",');
    line(`POST, malformed JSON -> ${malformed.status}: ${((await malformed.json()) as { error: string }).error}`);
    assert.equal(malformed.status, 400);

    const oversized = await post(JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) }));
    line(`POST, body over ${MAX_BODY_BYTES} bytes -> ${oversized.status}`);
    assert.equal(oversized.status, 413);

    const unknown = await fetch(`${url}/cds-services/nope`, { method: 'POST', body: '{}' });
    line(`POST /cds-services/nope -> ${unknown.status}`);
    assert.equal(unknown.status, 404);
    await unknown.body?.cancel();
  } finally {
    await close();
  }
  line('all checks passed; server closed');
}

/** The port of `--serve [port]`: the argument, else $PORT, else 8080; undefined when it is not a port number. */
export function servePort(argument: string | undefined, env: string | undefined): number | undefined {
  const raw = argument ?? (env === undefined || env === '' ? '8080' : env);
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  return port <= 65535 ? port : undefined;
}

/** Why the server could not listen, saying how to choose another port when it is taken or not allowed. */
export function listenFailure(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const choose = `choose another port: \`npm run cds-server -- 8081\` or \`PORT=8081 npm run cds-server\` (0 picks a free one)`;
  if (code === 'EADDRINUSE') return `port ${port} on 127.0.0.1 is already in use: ${choose}`;
  if (code === 'EACCES') return `port ${port} on 127.0.0.1 needs privileges this user lacks: ${choose}`;
  return `could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`;
}

/** `--serve`: runs the service until SIGINT (Ctrl+C) or SIGTERM, then closes it and exits with 0. */
async function serve(argument: string | undefined): Promise<void> {
  const port = servePort(argument, process.env['PORT']);
  if (port === undefined) {
    console.error(`cds-server: not a port number: ${argument ?? process.env['PORT']}`);
    process.exitCode = 2;
    return;
  }
  let running: RunningCdsServer;
  try {
    running = await startCdsServer({ port, host: '127.0.0.1' });
  } catch (error) {
    console.error(`cds-server: ${listenFailure(error, port)}`);
    process.exitCode = 1;
    return;
  }
  console.log(`acuspine CDS Hooks service (example) listening on ${running.url}  (Ctrl+C to stop)`);
  console.log(`  discovery: GET  ${running.url}/cds-services`);
  for (const definition of service.definitions) {
    console.log(`  ${definition.hook}: POST ${running.url}/cds-services/${definition.id}`);
  }
  console.log('  no authentication and no TLS: for a test client on this machine only');
  const stop = () => {
    running.close().then(
      () => console.log('cds-server: stopped'),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const run = args[0] === '--serve' ? serve(args[1]) : main();
  run.catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
