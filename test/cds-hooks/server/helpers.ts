// What the server's tests share: an EHR's signing keys (jose), the tokens it sends, a
// configuration that trusts it, requests as an EHR sends them, and a server started on 127.0.0.1
// with its log captured.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { CdsServerHooks, CdsServerLogLine, RunningCdsServer } from '../../../src/cds-hooks/server/index.js';
import { readCdsServerConfig, startCdsServer } from '../../../src/cds-hooks/server/index.js';

export const ISS = 'https://ehr.example.org';
export const PUBLIC_URL = 'https://cds.clinic.example';
export const SERVICE = 'acuspine-screening';
/** A patient id no log line may hold. */
export const PATIENT_ID = 'patient-7f3a9c01';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** An EHR's key pair: the private key to sign with, the public JWK to trust. */
export interface EhrKey {
  readonly alg: 'ES384' | 'ES256';
  readonly kid: string;
  readonly privateKey: SigningKey;
  readonly publicJwk: JWK;
}

export async function ehrKey(alg: 'ES384' | 'ES256', kid: string): Promise<EhrKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' } };
}

let counter = 0;

/** A token of the EHR for `path` (its aud the public URL and the path), valid for 5 minutes from `now`. */
export function token(
  key: EhrKey,
  path: string,
  { claims = {}, header = {}, now = Math.floor(Date.now() / 1000), signWith = key.privateKey } = {} as {
    claims?: Record<string, unknown>;
    header?: Record<string, unknown>;
    now?: number;
    signWith?: SigningKey;
  },
): Promise<string> {
  counter += 1;
  return new SignJWT({
    iss: ISS,
    aud: `${PUBLIC_URL}${path}`,
    exp: now + 300,
    iat: now,
    jti: `jti-${counter}`,
    ...claims,
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
    .sign(signWith);
}

/** A configuration that trusts the EHR's keys, inline. */
export function configJson(keys: readonly EhrKey[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    publicUrl: PUBLIC_URL,
    port: 0,
    issuers: [{ iss: ISS, jwks: { keys: keys.map((key) => key.publicJwk) } }],
    service: { source: { label: 'Clinic acupuncture screening' }, ruleSets: ['protocol', 'red-flags'] },
    ...overrides,
  };
}

/** A server of `json` with its log captured in `lines`. */
export async function started(json: Record<string, unknown>, hooks: CdsServerHooks = {}) {
  const config = readCdsServerConfig(json);
  if (!config.ok) throw new Error(`invalid test configuration: ${JSON.stringify(config.issues)}`);
  const lines: CdsServerLogLine[] = [];
  const running: RunningCdsServer = await startCdsServer(config.value, { log: (line) => lines.push(line), ...hooks });
  return { running, lines };
}

const search = (...resources: readonly object[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});

/** A patient-view request as an EHR sends it, with every prefetch key filled. */
export function patientView(birthDate: string, hook = 'patient-view'): Record<string, unknown> {
  return {
    hook,
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/example', patientId: PATIENT_ID },
    prefetch: {
      patient: { resourceType: 'Patient', id: PATIENT_ID, birthDate },
      conditions: search(),
      observations: search(),
      medications: search(),
      devices: search(),
    },
  };
}

/** An order-sign request with one draft acupuncture order (CPT 97810). */
export function orderSign(birthDate: string): Record<string, unknown> {
  const view = patientView(birthDate, 'order-sign');
  const order = {
    resourceType: 'ServiceRequest',
    id: 'acu-1',
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${PATIENT_ID}` },
    code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '97810' }] },
  };
  return {
    ...view,
    context: {
      ...(view['context'] as object),
      draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: order }] },
    },
  };
}

/** What an answer gave: its status, headers and body as text. */
export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/**
 * Sends one request with node:http on a connection of its own: the method, path, headers and
 * body as given (a body of chunks is sent as they come, chunked).
 */
export function send(
  url: string,
  method: string,
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${url}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode as number,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/** A POST of JSON with the EHR's token for the path. */
export async function post(url: string, key: EhrKey, path: string, body: unknown): Promise<Answer> {
  return send(url, 'POST', path, {
    headers: { authorization: `Bearer ${await token(key, path)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A raw TCP connection to the server at `url`, and everything it receives. */
export async function rawConnection(url: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  await new Promise<void>((done) => socket.once('connect', () => done()));
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
  });
  const closed = new Promise<void>((done) => socket.once('close', () => done()));
  // A reset after the server has answered is expected: the answer is what the test reads.
  socket.on('error', () => undefined);
  return { socket, closed, received: () => received };
}

/** A promise and the function that resolves it. */
export function deferred(): { readonly promise: Promise<void>; readonly resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Resolves after `ms` milliseconds. */
export const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
