// The CDS Hooks 2.0 server of acuspine/cds-hooks/server, as a clinic would start it from code,
// and an EHR that calls it: this file plays both. The EHR's key pair is made with WebCrypto; the
// server trusts its public key (an inline JWK Set) and verifies the JWT that comes with every
// call. Run directly, it starts the server on 127.0.0.1 on a free port, sends it a few signed
// requests, checks the answers, and exits (code 0 when every check passed), so it doubles as a
// test (`npm run examples`). With --serve it keeps running instead, until Ctrl+C
// (`npm run cds-server`), and prints tokens to call it with:
//
//   tsx examples/cds-service.ts --serve [port]   port from argv, else $PORT, else 8080
//
// A clinic runs the same server from a configuration file: `npx acuspine serve --config cds.json`
// (docs/cds-server.md).
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  type CdsServerHooks,
  type RunningCdsServer,
  readCdsServerConfig,
  startCdsServer,
} from 'acuspine/cds-hooks/server';
import type { FhirBundle, FhirCondition, FhirPatient } from 'acuspine/fhir';

/** The issuer the example EHR signs as. */
export const ISSUER = 'https://ehr.example.org';
/**
 * The URL the EHR knows the service by: every token's `aud` is this URL and the path called. It
 * is not the address the server listens on, as behind a TLS proxy.
 */
export const PUBLIC_URL = 'http://localhost:8080';
/** The service id, the last segment of the patient-view service's URL. */
export const SERVICE_ID = 'acuspine-screening';

/** An EHR: its public key, for the server to trust, and the tokens it signs. */
export interface ExampleEhr {
  /** The public key as a JWK, with its `kid`. */
  readonly publicJwk: Readonly<Record<string, string>>;
  /** A JWT for a call of `path`, valid for 5 minutes, usable once. */
  readonly sign: (path: string) => Promise<string>;
}

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** An EHR with a new ES384 key pair, made with WebCrypto. */
export async function exampleEhr(): Promise<ExampleEhr> {
  const { subtle } = webcrypto;
  const { privateKey, publicKey } = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, [
    'sign',
    'verify',
  ]);
  const { kty, crv, x, y } = await subtle.exportKey('jwk', publicKey);
  const kid = 'example-ehr-2026';
  const publicJwk = { kty, crv, x, y, kid, use: 'sig', alg: 'ES384' } as Record<string, string>;
  const sign = async (path: string) => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'ES384', typ: 'JWT', kid }));
    const claims = { iss: ISSUER, aud: `${PUBLIC_URL}${path}`, iat: now, exp: now + 300, jti: webcrypto.randomUUID() };
    const payload = base64url(JSON.stringify(claims));
    // WebCrypto's ECDSA signature is r and s side by side, as JWS wants it.
    const signature = await subtle.sign(
      { name: 'ECDSA', hash: 'SHA-384' },
      privateKey,
      Buffer.from(`${header}.${payload}`),
    );
    return `${header}.${payload}.${base64url(new Uint8Array(signature))}`;
  };
  return { publicJwk, sign };
}

/** Starts the server on 127.0.0.1 at `port` (0 for a free one), trusting `ehr`'s key. */
export async function startExampleServer(
  port: number,
  ehr: ExampleEhr,
  hooks: CdsServerHooks = {},
): Promise<RunningCdsServer> {
  const config = readCdsServerConfig({
    publicUrl: PUBLIC_URL,
    host: '127.0.0.1',
    port,
    issuers: [{ iss: ISSUER, jwks: { keys: [ehr.publicJwk] } }],
    service: { source: { label: 'acuspine: acupuncture screening (example)' }, id: SERVICE_ID },
  });
  if (!config.ok) throw new Error(`invalid configuration: ${JSON.stringify(config.issues)}`);
  return startCdsServer(config.value, hooks);
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

interface Cards {
  readonly cards: readonly { readonly summary: string; readonly indicator: string }[];
}

async function main(): Promise<void> {
  const ehr = await exampleEhr();
  const running = await startExampleServer(0, ehr, { log: () => undefined });
  const line = (text: string) => console.log(text);
  line(`acuspine CDS Hooks server listening on ${running.url}, known to the EHR as ${PUBLIC_URL}`);
  try {
    const call = async (path: string, body?: unknown, signed = true) =>
      fetch(`${running.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signed ? { authorization: `Bearer ${await ehr.sign(path)}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    const discovery = await call('/cds-services');
    const { services } = (await discovery.json()) as { services: { id: string; hook: string }[] };
    line(`GET /cds-services -> ${discovery.status}: ${services.map((s) => `${s.id} (${s.hook})`).join(', ')}`);
    assert.equal(discovery.status, 200);
    assert.deepEqual(
      services.map((s) => s.hook),
      ['patient-view', 'appointment-book', 'order-select', 'order-sign'],
    );

    const hook = `/cds-services/${SERVICE_ID}`;
    const screened = await call(hook, sampleRequest('1946-05-01'));
    const { cards } = (await screened.json()) as Cards;
    line(
      `POST ${hook}, an 80-year-old -> ${screened.status}: ${cards.map((c) => `[${c.indicator}] ${c.summary}`).join(' | ')}`,
    );
    assert.equal(screened.status, 200);
    assert.equal(cards[0]?.indicator, 'critical');

    const { prefetch: _dropped, ...withoutPrefetch } = sampleRequest('1970-05-01');
    const missing = await call(hook, withoutPrefetch);
    const missingCards = ((await missing.json()) as Cards).cards;
    line(`POST ${hook}, no prefetch -> ${missing.status}: [${missingCards[0]?.indicator}] ${missingCards[0]?.summary}`);
    assert.equal(missing.status, 200);
    assert.equal(missingCards[0]?.indicator, 'warning');

    const unsigned = await call(hook, sampleRequest('1946-05-01'), false);
    line(`POST ${hook} without a token -> ${unsigned.status}: ${await unsigned.text()}`);
    assert.equal(unsigned.status, 401);

    const health = await call('/health', undefined, false);
    line(`GET /health -> ${health.status}: ${await health.text()}`);
    assert.equal(health.status, 200);
  } finally {
    await running.close();
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

/** `--serve`: runs the server until SIGINT (Ctrl+C) or SIGTERM, then closes it and exits with 0. */
async function serve(argument: string | undefined): Promise<void> {
  const port = servePort(argument, process.env['PORT']);
  if (port === undefined) {
    console.error(`cds-server: not a port number: ${argument ?? process.env['PORT']}`);
    process.exitCode = 2;
    return;
  }
  const ehr = await exampleEhr();
  let running: RunningCdsServer;
  try {
    // The log on standard output, one JSON line a request.
    running = await startExampleServer(port, ehr);
  } catch (error) {
    console.error(`cds-server: ${listenFailure(error, port)}`);
    process.exitCode = 1;
    return;
  }
  console.log(`acuspine CDS Hooks server (example) listening on ${running.url}  (Ctrl+C to stop)`);
  console.log(`  known to the example EHR (${ISSUER}) as ${PUBLIC_URL}; every call needs its token`);
  console.log(`  health: GET ${running.url}/health`);
  console.log('  tokens of the example EHR, each valid for 5 minutes and usable once:');
  console.log(
    `  discovery: curl -H 'authorization: Bearer ${await ehr.sign('/cds-services')}' ${running.url}/cds-services`,
  );
  const hook = `/cds-services/${SERVICE_ID}`;
  console.log(
    `  patient-view: curl -H 'authorization: Bearer ${await ehr.sign(hook)}' -H 'content-type: application/json' -d @request.json ${running.url}${hook}`,
  );
  console.log('  no TLS: for a client on this machine only');
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
