// The example of examples/cds-service.ts (which imports the built package: run `npx tsup` first):
// the server of acuspine/cds-hooks/server started on 127.0.0.1 with the example EHR's key, and
// sent real requests signed with it. Kept apart from the unit tests of cdsService and of the
// server, which must not depend on the build.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExampleEhr,
  exampleEhr,
  PUBLIC_URL,
  SERVICE_ID,
  sampleRequest,
  startExampleServer,
} from '../../examples/cds-service.js';
import { validateResponse } from './card-validator.js';

describe('the example server', () => {
  let ehr: ExampleEhr;
  let running: Awaited<ReturnType<typeof startExampleServer>>;
  beforeAll(async () => {
    ehr = await exampleEhr();
    running = await startExampleServer(0, ehr, { log: () => undefined });
  });
  afterAll(async () => {
    await running.close();
  });
  const hook = `/cds-services/${SERVICE_ID}`;
  const post = async (body: string, path = hook, signed = true) =>
    fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signed ? { authorization: `Bearer ${await ehr.sign(path)}` } : {}),
      },
      body,
    });

  it('signs tokens with the WebCrypto key pair whose public half the server trusts', async () => {
    const [header, payload] = (await ehr.sign(hook))
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'ES384', typ: 'JWT', kid: ehr.publicJwk['kid'] });
    expect(payload).toMatchObject({ iss: 'https://ehr.example.org', aud: `${PUBLIC_URL}${hook}` });
    expect(ehr.publicJwk).not.toHaveProperty('d');
  });

  it('serves the discovery document to the EHR', async () => {
    const response = await fetch(`${running.url}/cds-services`, {
      headers: { authorization: `Bearer ${await ehr.sign('/cds-services')}` },
    });
    expect(response.status).toBe(200);
    const { services } = (await response.json()) as { services: { id: string; hook: string }[] };
    expect(services.map((s) => s.hook)).toEqual(['patient-view', 'appointment-book', 'order-select', 'order-sign']);
  });

  it('answers a valid request with valid cards', async () => {
    const response = await post(JSON.stringify(sampleRequest('1940-01-01')));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as { cards: { indicator: string }[] };
    expect(validateResponse(body)).toEqual([]);
    expect(body.cards[0]?.indicator).toBe('critical');
  });

  it('answers a request without prefetch with a warning card and no info card', async () => {
    const { prefetch: _omitted, ...withoutPrefetch } = sampleRequest('1980-01-01');
    const response = await post(JSON.stringify(withoutPrefetch));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { cards: { indicator: string }[] };
    expect(validateResponse(body)).toEqual([]);
    expect(body.cards[0]?.indicator).toBe('warning');
    expect(body.cards.some((card) => card.indicator === 'info')).toBe(false);
  });

  it('refuses a request without the EHR token with 401 and an empty object', async () => {
    const response = await post(JSON.stringify(sampleRequest('1940-01-01')), hook, false);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{}');
  });

  it('answers malformed JSON and a malformed request with 400 and their issues', async () => {
    const malformed = await post('{"hook": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { issues: { code: string }[] }).issues[0]?.code).toBe('invalid-json');
    const invalid = await post(JSON.stringify({ hook: 'patient-view' }));
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { issues: { path: unknown[] }[] };
    expect(body.issues.map((found) => found.path)).toContainEqual(['hookInstance']);
  });

  it('refuses a body over 1 MiB with 413 before it is sent, and keeps serving', async () => {
    const authorization = `Bearer ${await ehr.sign(hook)}`;
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const sending = request(
        `${running.url}${hook}`,
        { method: 'POST', headers: { authorization, 'content-length': String(2 * 1024 * 1024) } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
          sending.destroy();
        },
      );
      sending.on('error', reject);
      // A kilobyte of the two megabytes declared: the answer comes without the rest.
      sending.write('x'.repeat(1024));
    });
    expect(status).toBe(413);
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
  });

  it('answers an unknown path with 404 and a wrong method with 405', async () => {
    const unknown = await post('{}', '/cds-services/unknown');
    expect(unknown.status).toBe(404);
    await unknown.body?.cancel();
    const wrong = await fetch(`${running.url}${hook}`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
    await wrong.body?.cancel();
  });
});
