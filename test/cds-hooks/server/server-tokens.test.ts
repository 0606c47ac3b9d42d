// Every route but /health verifies the EHR's JWT first: each refused token is a 401 with an empty
// object and its reason in the log only; keys come inline or from an allowlisted jku, fetched
// with a time and a size limit; one replay guard serves the server's life.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsServerFetch, CdsServerLogLine, RunningCdsServer } from '../../../src/cds-hooks/server/index.js';
import { validateResponse } from '../card-validator.js';
import {
  configJson,
  type EhrKey,
  ehrKey,
  ISS,
  PUBLIC_URL,
  patientView,
  SERVICE,
  send,
  started,
  token,
} from './helpers.js';

const hookPath = `/cds-services/${SERVICE}`;
const JKU = 'https://ehr.example.org/.well-known/jwks.json';

let trusted: EhrKey;
let other: EhrKey;
beforeAll(async () => {
  trusted = await ehrKey('ES384', 'ehr-2026');
  other = await ehrKey('ES384', 'ehr-2026');
});

/** Sends a patient-view call with this Authorization header; its status, body and log line. */
async function call(running: RunningCdsServer, lines: CdsServerLogLine[], authorization: string | undefined) {
  const answer = await send(running.url, 'POST', hookPath, {
    headers: authorization === undefined ? {} : { authorization },
    body: JSON.stringify(patientView('1990-01-01')),
  });
  // Every card answer has the shape of CDS Hooks 2.0.
  if (answer.status === 200) expect(validateResponse(JSON.parse(answer.text))).toEqual([]);
  return { status: answer.status, text: answer.text, line: lines.at(-1) };
}

describe('refused tokens', () => {
  let running: RunningCdsServer;
  let lines: CdsServerLogLine[];
  beforeAll(async () => {
    ({ running, lines } = await started(configJson([trusted])));
  });
  afterAll(() => running.close());

  const cases: [string, () => Promise<string | undefined>, string][] = [
    ['no Authorization header', async () => undefined, 'missing'],
    ['a header that is not a bearer JWT', async () => 'Bearer not-a-jwt', 'malformed'],
    [
      'a signature by another key with the same kid',
      async () => `Bearer ${await token(trusted, hookPath, { signWith: other.privateKey })}`,
      'bad-signature',
    ],
    [
      'an expired token',
      async () => `Bearer ${await token(trusted, hookPath, { now: Math.floor(Date.now() / 1000) - 3600 })}`,
      'expired',
    ],
    ['a token for another URL', async () => `Bearer ${await token(trusted, '/cds-services')}`, 'wrong-audience'],
    [
      'a token for the same path of another server',
      async () => `Bearer ${await token(trusted, hookPath, { claims: { aud: `https://other.example${hookPath}` } })}`,
      'wrong-audience',
    ],
    [
      'an issuer not trusted',
      async () => `Bearer ${await token(trusted, hookPath, { claims: { iss: 'https://evil.example' } })}`,
      'unknown-issuer',
    ],
    [
      'an algorithm not accepted',
      async () =>
        `Bearer ${await token(trusted, hookPath, { header: { alg: 'none' } }).catch(() => 'eyJhbGciOiJub25lIn0.e30.')}`,
      'algorithm-not-allowed',
    ],
  ];

  it.each(cases)('refuses %s with 401 and {}, and logs why', async (_name, header, reason) => {
    const { status, text, line } = await call(running, lines, await header());
    expect(status).toBe(401);
    expect(text).toBe('{}');
    expect(line).toMatchObject({ event: 'request', path: hookPath, status: 401, refusal: reason });
    expect(line).not.toHaveProperty('iss');
  });

  it('refuses a token used twice: the replay guard lasts as long as the server', async () => {
    const header = `Bearer ${await token(trusted, hookPath)}`;
    expect((await call(running, lines, header)).status).toBe(200);
    const again = await call(running, lines, header);
    expect(again.status).toBe(401);
    expect(again.line).toMatchObject({ refusal: 'replayed' });
  });

  it('reads no body before the token is verified, and closes the connection it left unread', async () => {
    const answer = await send(running.url, 'POST', hookPath, { body: 'x'.repeat(10_000) });
    expect(answer.status).toBe(401);
    expect(answer.headers.connection).toBe('close');
  });
});

describe('the server clock', () => {
  it('verifies times against the clock it is given', async () => {
    const now = Date.UTC(2020, 0, 1) + 999;
    const { running, lines } = await started(configJson([trusted]), { now: () => now });
    try {
      const current = await token(trusted, hookPath, { now: Math.floor(now / 1000) });
      expect((await call(running, lines, `Bearer ${current}`)).status).toBe(200);
      const today = await token(trusted, hookPath);
      expect((await call(running, lines, `Bearer ${today}`)).line).toMatchObject({ refusal: 'not-yet-valid' });
    } finally {
      await running.close();
    }
  });

  it('takes the algorithms of the configuration', async () => {
    const { running, lines } = await started(configJson([trusted], { algorithms: ['ES256'] }));
    try {
      const refused = await call(running, lines, `Bearer ${await token(trusted, hookPath)}`);
      expect(refused.line).toMatchObject({ refusal: 'algorithm-not-allowed' });
    } finally {
      await running.close();
    }
  });

  it('takes the clock skew of the configuration', async () => {
    const ahead = { claims: { iat: Math.floor(Date.now() / 1000) + 30 } };
    const lenient = await started(configJson([trusted]));
    const strict = await started(configJson([trusted], { clockSkewSeconds: 0 }));
    try {
      expect(
        (await call(lenient.running, lenient.lines, `Bearer ${await token(trusted, hookPath, ahead)}`)).status,
      ).toBe(200);
      const refused = await call(strict.running, strict.lines, `Bearer ${await token(trusted, hookPath, ahead)}`);
      expect(refused.line).toMatchObject({ refusal: 'not-yet-valid' });
    } finally {
      await Promise.all([lenient.running.close(), strict.running.close()]);
    }
  });
});

describe('keys from an allowlisted jku', () => {
  /** A fetch that serves `respond()` for the JWK Set URL, and counts its calls. */
  function jwksFetch(respond: () => Response | Promise<Response>) {
    const calls: { url: string; init: Parameters<CdsServerFetch>[1] }[] = [];
    const fetchFn: CdsServerFetch = async (url, init) => {
      calls.push({ url, init });
      return respond();
    };
    return { fetchFn, calls };
  }
  const config = () =>
    configJson([], { issuers: [{ iss: ISS, jku: [JKU] }], limits: { jwksMaxBytes: 2048, jwksTimeoutMs: 1000 } });
  const jkuToken = () => token(trusted, hookPath, { header: { jku: JKU } });

  it('fetches the set named by the token, with a time limit and no redirect, and verifies with it', async () => {
    const { fetchFn, calls } = jwksFetch(() => Response.json({ keys: [trusted.publicJwk] }));
    const { running, lines } = await started(config(), { fetch: fetchFn });
    try {
      expect((await call(running, lines, `Bearer ${await jkuToken()}`)).status).toBe(200);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.url).toBe(JKU);
      expect(calls[0]?.init).toMatchObject({ method: 'GET', redirect: 'error' });
      expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
      // Cached: a second token is verified without a fetch.
      expect((await call(running, lines, `Bearer ${await jkuToken()}`)).status).toBe(200);
      expect(calls).toHaveLength(1);
    } finally {
      await running.close();
    }
  });

  const padding = { keys: [{ kid: 'x', kty: 'EC', pad: 'p'.repeat(4096) }] };
  const unusable: [string, () => Response][] = [
    ['an error status', () => new Response('{}', { status: 500 })],
    ['no body', () => new Response(null)],
    ['a body longer than the limit', () => Response.json(padding)],
    ['a body that is not JSON', () => new Response('<html>')],
    ['a body that is not UTF-8', () => new Response(new Uint8Array([0x7b, 0xff, 0x7d]))],
  ];

  it.each(unusable)('refuses the token when the set has %s (key-unavailable)', async (_name, respond) => {
    const { fetchFn } = jwksFetch(respond);
    const { running, lines } = await started(config(), { fetch: fetchFn });
    try {
      const refused = await call(running, lines, `Bearer ${await jkuToken()}`);
      expect(refused.status).toBe(401);
      expect(refused.line).toMatchObject({ refusal: 'key-unavailable' });
    } finally {
      await running.close();
    }
  });

  it('never fetches a jku that is not on the list', async () => {
    const { fetchFn, calls } = jwksFetch(() => Response.json({ keys: [trusted.publicJwk] }));
    const { running, lines } = await started(config(), { fetch: fetchFn });
    try {
      const evil = await token(trusted, hookPath, { header: { jku: 'https://evil.example/jwks.json' } });
      expect((await call(running, lines, `Bearer ${evil}`)).line).toMatchObject({ refusal: 'jku-not-allowed' });
      expect(calls).toHaveLength(0);
    } finally {
      await running.close();
    }
  });
});

describe('the audience', () => {
  it('is the public URL with its path prefix, followed by the path called', async () => {
    const { running, lines } = await started(configJson([trusted], { publicUrl: `${PUBLIC_URL}/acuspine/` }));
    try {
      const prefixed = await token(trusted, hookPath, { claims: { aud: `${PUBLIC_URL}/acuspine${hookPath}` } });
      expect((await call(running, lines, `Bearer ${prefixed}`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
