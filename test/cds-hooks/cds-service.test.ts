// Unit tests of cdsService, then the example HTTP server (examples/cds-service.ts, which imports
// the built package: run `npx tsup` first) started on 127.0.0.1 and sent real requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, type RunningCdsServer, sampleRequest, startCdsServer } from '../../examples/cds-service.js';
import { cdsService } from '../../src/cds-hooks/index.js';
import { NOT_PREGNANT, ON, patient, pregnancyStatus } from '../fhir/fixtures/builders.js';
import { validateResponse } from './card-validator.js';

const source = { label: 'Clinic acupuncture screening' };
const service = cdsService({ source });
const searchset = (...resources: object[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});

function request(prefetch: Record<string, unknown> | undefined, hook = 'patient-view') {
  return {
    hook,
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/1', patientId: 'p1' },
    ...(prefetch === undefined ? {} : { prefetch }),
  };
}

const fullPrefetch = (birthDate = '1970-01-01') => ({
  patient: patient(birthDate),
  conditions: searchset(),
  observations: searchset(),
  medications: searchset(),
});

function cardsOf(result: ReturnType<typeof service.handle>) {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(validateResponse(result.value)).toEqual([]);
  return result.value.cards;
}

describe('cdsService definitions', () => {
  it('has one discovery entry per hook, with prefetch templates for patient, conditions, observations, medications', () => {
    expect(service.definitions.map((d) => [d.id, d.hook])).toEqual([
      ['acuspine-screening', 'patient-view'],
      ['acuspine-screening-appointment-book', 'appointment-book'],
    ]);
    for (const definition of service.definitions) {
      expect(Object.keys(definition.prefetch)).toEqual(['patient', 'conditions', 'observations', 'medications']);
      expect(definition.prefetch.patient).toBe('Patient/{{context.patientId}}');
      expect(definition.description.length).toBeGreaterThan(0);
    }
  });

  it('refuses a bad source or id at start-up', () => {
    expect(() => cdsService({ source: { label: '' } })).toThrow(TypeError);
    expect(() => cdsService({ source, id: 'has space' })).toThrow(TypeError);
  });
});

describe('cdsService handle', () => {
  it('screens the prefetched record: a patient over 75 gets a critical card', () => {
    const cards = cardsOf(service.handle(request(fullPrefetch('1940-01-01')), { on: ON }));
    expect(cards[0]?.indicator).toBe('critical');
  });

  it('an EHR record with nothing about a fact gives an incomplete warning with what to record, and notes from the record', () => {
    const prefetch = {
      ...fullPrefetch('1990-01-01'),
      observations: searchset(pregnancyStatus('o1', NOT_PREGNANT, '2026-01-02')),
    };
    const cards = cardsOf(service.handle(request(prefetch), { on: ON }));
    expect(cards.map((card) => card.indicator)).toEqual(['warning']);
    expect(cards[0]?.detail).toContain('From the record:');
    expect(cards[0]?.detail).toContain('pregnancy: The latest pregnancy record says not pregnant');
  });

  it('a closed-world service with a complete record gives an info card', () => {
    const registry = cdsService({ source, closedWorld: true });
    const prefetch = {
      ...fullPrefetch('1990-01-01'),
      observations: searchset(pregnancyStatus('o1', NOT_PREGNANT, ON)),
    };
    expect(cardsOf(registry.handle(request(prefetch), { on: ON })).map((card) => card.indicator)).toEqual(['info']);
  });

  it('missing prefetch gives a warning card that says what is missing, and never an info card, even in a closed world', () => {
    const registry = cdsService({ source, closedWorld: true });
    const { patient: only } = fullPrefetch('1990-01-01');
    for (const prefetch of [undefined, { patient: only }, { patient: only, conditions: null }]) {
      const cards = cardsOf(registry.handle(request(prefetch), { on: ON }));
      expect(cards[0]?.indicator).toBe('warning');
      expect(cards[0]?.summary).toMatch(/^Acupuncture screening: prefetch missing for /);
      expect(cards.some((card) => card.indicator === 'info')).toBe(false);
    }
    const partial = cardsOf(registry.handle(request({ patient: only }), { on: ON }));
    expect(partial[0]?.detail).toContain('`conditions`');
    expect(partial[0]?.detail).not.toContain('`patient`');
  });

  it('a contraindication found in the prefetch that is there still shows when other keys are missing', () => {
    const cards = cardsOf(service.handle(request({ patient: patient('1930-01-01') }), { on: ON }));
    expect(cards.map((card) => card.indicator)).toEqual(['warning', 'critical']);
  });

  it('answers the appointment-book hook, and checks the hook against the service called', () => {
    expect(
      cardsOf(service.handle(request(fullPrefetch('1940-01-01'), 'appointment-book'), { on: ON }))[0]?.indicator,
    ).toBe('critical');
    const wrong = service.handle(request(fullPrefetch(), 'appointment-book'), {
      on: ON,
      serviceId: 'acuspine-screening',
    });
    expect(wrong.ok).toBe(false);
  });

  it('a malformed request is an error with paths, for the HTTP layer to answer 400', () => {
    const cases: [unknown, (string | number)[]][] = [
      ['text', []],
      [{ ...request(fullPrefetch()), hook: 'order-sign' }, ['hook']],
      [{ ...request(fullPrefetch()), hookInstance: '' }, ['hookInstance']],
      [{ ...request(fullPrefetch()), context: { userId: 'Practitioner/1' } }, ['context', 'patientId']],
      [{ ...request(fullPrefetch()), prefetch: [] }, ['prefetch']],
      [request({ ...fullPrefetch(), patient: 'p1' }), ['prefetch', 'patient']],
      [request({ ...fullPrefetch(), patient: patient('1970-01-01', 'someone-else') }), ['prefetch', 'patient', 'id']],
      [
        request({
          ...fullPrefetch(),
          conditions: searchset({ resourceType: 'Condition', onsetDateTime: 'yesterday' }),
        }),
        ['prefetch', 'conditions', 'entry', 0, 'resource', 'onsetDateTime'],
      ],
    ];
    for (const [body, path] of cases) {
      const result = service.handle(body, { on: ON });
      expect(result.ok, JSON.stringify(body)).toBe(false);
      if (!result.ok) expect(result.issues.map((found) => found.path)).toContainEqual(path);
    }
  });

  it('an invalid reference date is an error, never a throw', () => {
    const result = service.handle(request(fullPrefetch()), { on: 'today' });
    expect(result.ok).toBe(false);
  });
});

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
