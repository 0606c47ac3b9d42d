// Reading the prefetch a request lacks from the EHR's FHIR server: against a real HTTP server on
// 127.0.0.1 with Node's own fetch, so that a redirect, a slow or huge body, a wrong status and a
// partial search are what a real server sends. Only the allowlisted server is ever read, only
// with the EHR's token, and nothing that fails becomes an all-clear.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type CdsFetch,
  cdsService,
  DEFAULT_PREFETCH_MAX_BYTES,
  fillMissingPrefetch,
} from '../../src/cds-hooks/index.js';
import { ON, patient } from '../fhir/fixtures/builders.js';
import { validateResponse } from './card-validator.js';
import { found, fullPrefetch } from './fixtures.js';

/** What the test server answers per path (with its query), and the requests it saw. */
let routes: Record<string, (req: IncomingMessage, res: import('node:http').ServerResponse) => void> = {};
const seen: { url: string; authorization: string | undefined }[] = [];
let server: Server;
let base: string;

const json =
  (body: unknown, status = 200) =>
  (_req: IncomingMessage, res: import('node:http').ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify(body));
  };

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const route = routes[req.url ?? ''];
    if (route === undefined)
      json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] }, 404)(req, res);
    else route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  routes = {
    '/fhir/Patient/p1': json(patient('1940-01-01')),
    '/fhir/Condition?patient=p1': json(found()),
    '/fhir/Observation?patient=p1&code=http://loinc.org|82810-3': json(found()),
    '/fhir/MedicationRequest?patient=p1': json(found()),
    '/fhir/Device?patient=p1': json(found()),
  };
});

const realFetch: CdsFetch = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(2000) });

function request(extra: Record<string, unknown> = {}) {
  return {
    hook: 'patient-view',
    hookInstance: 'h1',
    fhirServer: base,
    fhirAuthorization: {
      access_token: 'ehr-token',
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'patient/*.read',
      subject: 'acuspine',
    },
    context: { userId: 'Practitioner/1', patientId: 'p1' },
    ...extra,
  };
}
const fill = (body: unknown, fetcher: CdsFetch = realFetch, maxBytes?: number) =>
  fillMissingPrefetch(body, { fhirServers: [base], fetch: fetcher, ...(maxBytes === undefined ? {} : { maxBytes }) });

const service = cdsService({ source: { label: 'acuspine' } });
function summaries(body: unknown): string[] {
  const result = service.handle(body, { on: ON });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(validateResponse(result.value)).toEqual([]);
  return result.value.cards.map((card) => card.summary);
}

describe('fillMissingPrefetch: reading what the request lacks', () => {
  it('reads every missing key from the allowlisted server with the EHR’s token, and the screening then sees the record', async () => {
    const { request: filled, read, failed } = await fill(request());
    expect(read).toEqual(['patient', 'conditions', 'observations', 'medications', 'devices']);
    expect(failed).toEqual([]);
    expect(seen.map((s) => s.url).sort()).toEqual(Object.keys(routes).sort());
    expect(seen.every((s) => s.authorization === 'Bearer ehr-token')).toBe(true);
    expect(summaries(filled)).toEqual(['Acupuncture contraindicated: age. Refer for another method of treatment.']);
    // Without the reading, the same request asks for the prefetch.
    expect(summaries(request())[0]).toMatch(/^Acupuncture screening: prefetch missing for patient/);
  });

  it('reads only the keys missing or null, and keeps what the EHR sent', async () => {
    const sent = fullPrefetch('1990-01-01');
    const { devices: _missing, ...prefetch } = sent;
    const { request: filled, read } = await fill(request({ prefetch: { ...prefetch, medications: null } }));
    expect(read).toEqual(['medications', 'devices']);
    expect(seen.map((s) => s.url)).toEqual(['/fhir/MedicationRequest?patient=p1', '/fhir/Device?patient=p1']);
    expect((filled as { prefetch: { patient: unknown } }).prefetch.patient).toEqual(sent.patient);
  });

  it('reads from a base URL given with a trailing slash without doubling it', async () => {
    const slashed = `${base}/`;
    const { read } = await fillMissingPrefetch(request({ fhirServer: slashed }), {
      fhirServers: [slashed],
      fetch: realFetch,
    });
    expect(read).toHaveLength(5);
    expect(seen.map((s) => s.url).sort()).toEqual(Object.keys(routes).sort());
  });

  it('reads a body that arrives in several pieces', async () => {
    const text = JSON.stringify(found(patient('1990-01-01')));
    routes['/fhir/Device?patient=p1'] = (_req, res) => {
      res.write(text.slice(0, 10));
      setTimeout(() => {
        res.write(text.slice(10, 40));
        setTimeout(() => res.end(text.slice(40)), 10);
      }, 10);
    };
    const { request: filled, read } = await fill(request());
    expect(read).toContain('devices');
    expect((filled as { prefetch: { devices: unknown } }).prefetch.devices).toEqual(JSON.parse(text));
  });

  it('reads nothing when nothing is missing, and gives back the very request', async () => {
    const body = request({ prefetch: fullPrefetch() });
    expect(await fill(body)).toEqual({ request: body, read: [], failed: [] });
    expect((await fill(body)).request).toBe(body);
    expect(seen).toEqual([]);
  });
});

describe('fillMissingPrefetch: what is never read', () => {
  it('a server off the allowlist, or one that differs from it in any character', async () => {
    for (const fhirServer of ['http://127.0.0.1:1/fhir', `${base}/`, base.toUpperCase(), `${base}/../other`]) {
      const body = request({ fhirServer });
      expect((await fill(body)).request).toBe(body);
    }
    expect(seen).toEqual([]);
  });

  it('without a bearer token, a readable patient id, or a request that is an object', async () => {
    const bodies = [
      request({ fhirAuthorization: undefined }),
      request({ fhirAuthorization: { access_token: '' } }),
      request({ fhirAuthorization: 'token' }),
      request({ context: { patientId: 'p1/../../Patient/p2' } }),
      request({ context: { patientId: 'p1?_format=xml' } }),
      request({ context: {} }),
      request({ context: 'p1' }),
      request({ fhirServer: undefined }),
      request({ prefetch: 'all' }),
      null,
      [request()],
    ];
    for (const body of bodies) expect((await fill(body)).request).toBe(body);
    expect(seen).toEqual([]);
  });

  it('a request that throws when read: it is given back for handle to refuse', async () => {
    const hostile = new Proxy(request(), {
      get: () => {
        throw new Error('no');
      },
    });
    expect((await fill(hostile)).request).toBe(hostile);
  });

  it('a redirect, even to the same server', async () => {
    routes['/fhir/Patient/p1'] = (_req, res) => {
      res.writeHead(302, { location: `${base}/Patient/p1-copy` });
      res.end();
    };
    routes['/fhir/Patient/p1-copy'] = json(patient('1990-01-01'));
    const { failed } = await fill(request());
    expect(failed).toEqual(['patient']);
    expect(seen.map((s) => s.url)).not.toContain('/fhir/Patient/p1-copy');
  });
});

describe('fillMissingPrefetch: a reading that fails is never an all-clear', () => {
  const onlyDevicesMissing = () => {
    const { devices: _missing, ...prefetch } = fullPrefetch('1990-01-01');
    return request({ prefetch });
  };

  async function failedDevices(fetcher?: CdsFetch, maxBytes?: number) {
    const { request: filled, read, failed } = await fill(onlyDevicesMissing(), fetcher, maxBytes);
    expect(read).toEqual([]);
    expect(failed).toEqual(['devices']);
    expect((filled as { prefetch: { devices: unknown } }).prefetch.devices).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'incomplete', diagnostics: 'acuspine could not read devices from the FHIR server' },
      ],
    });
    expect(summaries(filled)[0]).toBe('Acupuncture screening: prefetch failed for devices. No all-clear can be given.');
  }

  it('an error status', async () => {
    routes['/fhir/Device?patient=p1'] = json({ resourceType: 'OperationOutcome' }, 500);
    await failedDevices();
  });

  it('a body that is not JSON, not UTF-8, or empty', async () => {
    // The last is JSON but for one byte that is not UTF-8, inside a string: not read as a replacement character.
    const almost = Buffer.concat([
      Buffer.from('{"resourceType":"Bundle","type":"searchset","id":"'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]);
    for (const body of ['<html>', Buffer.from([0x7b, 0xff, 0x7d]), '', almost]) {
      routes['/fhir/Device?patient=p1'] = (_req, res) => res.end(body);
      await failedDevices();
    }
  });

  it('a resource of another type than the query asks for', async () => {
    routes['/fhir/Device?patient=p1'] = json(patient('1990-01-01'));
    await failedDevices();
    routes['/fhir/Device?patient=p1'] = json([found()]);
    await failedDevices();
    routes['/fhir/Device?patient=p1'] = json(found());
    routes['/fhir/Patient/p1'] = json(found());
    const { failed } = await fill(request());
    expect(failed).toEqual(['patient']);
  });

  it('a search with a next page, which is not followed', async () => {
    routes['/fhir/Device?patient=p1'] = json({
      ...found(),
      link: [
        { relation: 'self', url: 'x' },
        { relation: 'next', url: `${base}/Device?page=2` },
      ],
    });
    await failedDevices();
    routes['/fhir/Device?patient=p1'] = json({ ...found(), link: [{ relation: 'self', url: 'x' }] });
    expect((await fill(onlyDevicesMissing())).read).toEqual(['devices']);
  });

  it('a body over the size limit, whose download is stopped', async () => {
    let written = 0;
    routes['/fhir/Device?patient=p1'] = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const more = () => {
        while (written < 64 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', more);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      more();
    };
    await failedDevices(undefined, 256 * 1024);
    expect(written).toBeLessThan(64 * 1024 * 1024);
    expect(DEFAULT_PREFETCH_MAX_BYTES).toBe(4 * 1024 * 1024);
  });

  it('a body exactly at the size limit is read', async () => {
    const body = JSON.stringify(found());
    routes['/fhir/Device?patient=p1'] = (_req, res) => res.end(body);
    expect((await fill(onlyDevicesMissing(), undefined, Buffer.byteLength(body))).read).toEqual(['devices']);
    expect((await fill(onlyDevicesMissing(), undefined, Buffer.byteLength(body) - 1)).failed).toEqual(['devices']);
  });

  it('a server slower than the caller’s timeout', async () => {
    routes['/fhir/Device?patient=p1'] = (_req, res) => setTimeout(() => json(found())(_req, res), 1000);
    await failedDevices((url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(100) }));
  });

  it('a fetch that rejects, or answers without a body', async () => {
    await failedDevices(() => Promise.reject(new Error('connection refused')));
    await failedDevices(async () => ({ ok: true, status: 200, body: null }));
  });
});
