// The example HTTP server (examples/cds-service.ts, which imports the built package: run `npx tsup`
// first) started on 127.0.0.1 and sent real requests. Kept apart from the unit tests of cdsService,
// which must not depend on the build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, type RunningCdsServer, sampleRequest, startCdsServer } from '../../examples/cds-service.js';
import { validateResponse } from './card-validator.js';

describe('the example HTTP service', () => {
  let running: RunningCdsServer;
  beforeAll(async () => {
    running = await startCdsServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await running.close();
  });
  const post = (body: string, path = '/cds-services/acuspine-screening') =>
    fetch(`${running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('serves the discovery document', async () => {
    const response = await fetch(`${running.url}/cds-services`);
    expect(response.status).toBe(200);
    const { services } = (await response.json()) as { services: { id: string; hook: string; prefetch: object }[] };
    expect(services.map((s) => s.hook)).toEqual(['patient-view', 'appointment-book']);
  });

  it('answers a valid request with valid cards', async () => {
    const response = await post(JSON.stringify(sampleRequest('1940-01-01')));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
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

  it('answers malformed JSON and a malformed request with 400 and a JSON error', async () => {
    const malformed = await post('{"hook": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toBe('invalid-json');
    const invalid = await post(JSON.stringify({ hook: 'patient-view' }));
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { error: string; issues: { path: unknown[] }[] };
    expect(body.error).toBe('invalid-request');
    expect(body.issues.map((found) => found.path)).toContainEqual(['hookInstance']);
  });

  it('refuses a body over the limit with 413, and keeps serving', async () => {
    const response = await post(JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(response.status).toBe(413);
    expect((await fetch(`${running.url}/cds-services`)).status).toBe(200);
  });

  it('answers an unknown path with 404 and a wrong method with 405', async () => {
    const unknown = await post('{}', '/cds-services/unknown');
    expect(unknown.status).toBe(404);
    await unknown.body?.cancel();
    const wrong = await fetch(`${running.url}/cds-services/acuspine-screening`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
    await wrong.body?.cancel();
  });
});
