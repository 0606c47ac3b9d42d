// The server's routes against a real server on 127.0.0.1, with tokens signed by jose: health,
// discovery, hook calls, feedback, CORS, and every refusal of a request, each with its status.
// Every answer of a hook call passes the CDS Hooks 2.0 shape checks, and no log line ever holds
// a token or the patient's id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsFeedbackEntry, CdsServerLogLine, RunningCdsServer } from '../../../src/cds-hooks/server/index.js';
import { validateDiscovery, validateFeedbackRequest, validateResponse } from '../card-validator.js';
import {
  configJson,
  type EhrKey,
  ehrKey,
  ISS,
  orderSign,
  PATIENT_ID,
  patientView,
  post,
  SERVICE,
  send,
  started,
  token,
} from './helpers.js';

let es384: EhrKey;
let es256: EhrKey;
let running: RunningCdsServer;
let lines: CdsServerLogLine[];
const feedback: CdsFeedbackEntry[] = [];
/** Every token sent, to look for in the log. */
const tokens: string[] = [];

beforeAll(async () => {
  es384 = await ehrKey('ES384', 'ehr-es384');
  es256 = await ehrKey('ES256', 'ehr-es256');
  ({ running, lines } = await started(configJson([es384, es256]), {
    onFeedback: (entry) => {
      feedback.push(entry);
    },
  }));
});
afterAll(async () => {
  await running.close();
});

const hookPath = `/cds-services/${SERVICE}`;

async function signed(key: EhrKey, path: string): Promise<string> {
  const jwt = await token(key, path);
  tokens.push(jwt);
  return `Bearer ${jwt}`;
}

/** The body of an answer, parsed. */
const body = (answer: { text: string }) => JSON.parse(answer.text) as Record<string, unknown>;

/** The log line of the last request to `path`. */
const lastLine = (path: string) => lines.filter((line) => line.event === 'request' && line['path'] === path).at(-1);

describe('health', () => {
  it('answers GET /health without a token', async () => {
    const answer = await send(running.url, 'GET', '/health');
    expect(answer.status).toBe(200);
    expect(body(answer)).toEqual({ status: 'ok' });
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('answers another method with 405 and the method it allows', async () => {
    const answer = await send(running.url, 'POST', '/health', { body: '{}' });
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe('GET');
    expect(body(answer)).toMatchObject({ error: 'method-not-allowed' });
  });
});

describe('discovery', () => {
  it('lists the four services to a verified EHR', async () => {
    const answer = await send(running.url, 'GET', '/cds-services', {
      headers: { authorization: await signed(es384, '/cds-services') },
    });
    expect(answer.status).toBe(200);
    expect(validateDiscovery(body(answer))).toEqual([]);
    const { services } = body(answer) as { services: { id: string; hook: string }[] };
    expect(services.map((service) => [service.id, service.hook])).toEqual([
      [SERVICE, 'patient-view'],
      [`${SERVICE}-appointment-book`, 'appointment-book'],
      [`${SERVICE}-order-select`, 'order-select'],
      [`${SERVICE}-order-sign`, 'order-sign'],
    ]);
    expect(lastLine('/cds-services')).toMatchObject({ level: 'info', method: 'GET', status: 200, iss: ISS });
  });

  it('refuses a request without a token with 401 and an empty object', async () => {
    const answer = await send(running.url, 'GET', '/cds-services');
    expect(answer.status).toBe(401);
    expect(answer.text).toBe('{}');
    expect(answer.headers['www-authenticate']).toBe('Bearer');
    expect(lastLine('/cds-services')).toMatchObject({ level: 'warn', status: 401, refusal: 'missing' });
  });
});

describe('a hook call', () => {
  it('answers patient-view for an 80-year-old with a critical card first', async () => {
    const answer = await send(running.url, 'POST', hookPath, {
      headers: { authorization: await signed(es384, hookPath), 'content-type': 'application/json' },
      body: JSON.stringify(patientView('1946-01-01')),
    });
    expect(answer.status).toBe(200);
    const cards = body(answer);
    expect(validateResponse(cards)).toEqual([]);
    expect((cards['cards'] as { indicator: string }[])[0]?.indicator).toBe('critical');
    expect(lastLine(hookPath)).toMatchObject({ status: 200, cards: 1, iss: ISS, prefetch: { read: [], failed: [] } });
  });

  it('answers with a key of another algorithm the issuer lists (ES256)', async () => {
    const answer = await post(running.url, es256, hookPath, patientView('1990-01-01'));
    expect(answer.status).toBe(200);
    expect(validateResponse(body(answer))).toEqual([]);
  });

  it('answers order-sign about a draft acupuncture order with cards that have uuids', async () => {
    const path = `/cds-services/${SERVICE}-order-sign`;
    const answer = await post(running.url, es384, path, orderSign('1946-01-01'));
    expect(answer.status).toBe(200);
    const { cards } = body(answer) as { cards: { uuid?: string; indicator: string }[] };
    expect(validateResponse({ cards })).toEqual([]);
    expect(cards[0]?.indicator).toBe('critical');
    expect(cards.every((card) => typeof card.uuid === 'string')).toBe(true);
  });

  it('answers a request the service refuses with 400 and its issues, with their paths', async () => {
    const { hookInstance: _left, ...request } = patientView('1990-01-01');
    const answer = await post(running.url, es384, hookPath, request);
    expect(answer.status).toBe(400);
    const { issues } = body(answer) as { issues: { path: unknown[] }[] };
    expect(issues.map((found) => found.path)).toEqual([['hookInstance']]);
  });

  it('answers a request for another service with 400: the path decides the hook', async () => {
    const answer = await post(
      running.url,
      es384,
      `/cds-services/${SERVICE}-appointment-book`,
      patientView('1990-01-01'),
    );
    expect(answer.status).toBe(400);
    expect((body(answer) as { issues: { code: string }[] }).issues.map((found) => found.code)).toEqual([
      'unsupported-hook',
    ]);
  });

  it('answers a body that is not JSON with 400', async () => {
    const answer = await send(running.url, 'POST', hookPath, {
      headers: { authorization: await signed(es384, hookPath) },
      body: '{"hook": "patient-view",',
    });
    expect(answer.status).toBe(400);
    expect(body(answer)).toEqual({ issues: [{ code: 'invalid-json', path: [], message: 'the body is not JSON' }] });
  });

  it('answers a body that is not UTF-8 with 400', async () => {
    const answer = await send(running.url, 'POST', hookPath, {
      headers: { authorization: await signed(es384, hookPath) },
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(answer.status).toBe(400);
    expect((body(answer) as { issues: { code: string }[] }).issues[0]?.code).toBe('invalid-utf8');
  });
});

describe('feedback', () => {
  const path = `/cds-services/${SERVICE}-order-sign/feedback`;
  const entry = {
    card: '0b5b3c4e-8f7a-8d2e-9c41-5a6f7e8d9c0b',
    outcome: 'overridden',
    overrideReason: { userComment: 'assessed in person' },
    outcomeTimestamp: '2026-11-24T10:15:00Z',
  };

  it('hands each entry to onFeedback with the service and the verified issuer, and answers 200 {}', async () => {
    const sent = { feedback: [entry, { ...entry, card: 'c2' }] };
    // What the test sends is feedback as CDS Hooks 2.0 shapes it, so that a 200 means a real EHR's is taken.
    expect(validateFeedbackRequest(sent)).toEqual([]);
    const answer = await post(running.url, es384, path, sent);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('{}');
    expect(feedback.slice(-2)).toEqual([
      { serviceId: `${SERVICE}-order-sign`, iss: ISS, feedback: entry },
      { serviceId: `${SERVICE}-order-sign`, iss: ISS, feedback: { ...entry, card: 'c2' } },
    ]);
    expect(lastLine(path)).toMatchObject({ status: 200, feedback: 2 });
  });

  it('answers feedback the service refuses with 400 and its issues', async () => {
    const before = feedback.length;
    const answer = await post(running.url, es384, path, { feedback: [{ ...entry, outcome: 'ignored' }] });
    expect(answer.status).toBe(400);
    expect((body(answer) as { issues: { path: unknown[] }[] }).issues.map((found) => found.path)).toContainEqual([
      'feedback',
      0,
      'outcome',
    ]);
    expect(feedback.length).toBe(before);
  });

  it('needs a token for the feedback path itself', async () => {
    const answer = await send(running.url, 'POST', path, {
      headers: { authorization: await signed(es384, `/cds-services/${SERVICE}-order-sign`) },
      body: JSON.stringify({ feedback: [entry] }),
    });
    expect(answer.status).toBe(401);
    expect(lastLine(path)).toMatchObject({ refusal: 'wrong-audience' });
  });
});

describe('paths, methods and CORS', () => {
  it('answers an unknown path with 404, and logs it without the path', async () => {
    for (const path of [
      '/',
      '/cds-services/',
      '/cds-services/nope',
      `/cds-services/${SERVICE}/other`,
      `/x/${PATIENT_ID}`,
    ]) {
      const answer = await send(running.url, 'GET', path);
      expect(answer.status, path).toBe(404);
      expect(body(answer)).toMatchObject({ error: 'not-found' });
    }
    expect(lines.at(-1)).toMatchObject({ event: 'request', path: '*', status: 404 });
  });

  it('answers a service with the wrong method with 405', async () => {
    const answer = await send(running.url, 'GET', hookPath);
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe('POST, OPTIONS');
    const discovery = await send(running.url, 'DELETE', '/cds-services');
    expect(discovery.status).toBe(405);
    expect(discovery.headers['allow']).toBe('GET, OPTIONS');
  });

  it('answers a CORS preflight without a token', async () => {
    const answer = await send(running.url, 'OPTIONS', hookPath, {
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'authorization, content-type',
    });
  });

  it('lets a browser app read every answer, a refusal too', async () => {
    const answer = await send(running.url, 'GET', '/cds-services');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('ignores the query string when it matches the route and the audience', async () => {
    const answer = await send(running.url, 'GET', '/cds-services?x=1', {
      headers: { authorization: await signed(es384, '/cds-services') },
    });
    expect(answer.status).toBe(200);
  });
});

describe('the log', () => {
  it('has one line per request, with the time, the level and the route', async () => {
    await send(running.url, 'GET', '/health');
    const line = lines.at(-1) as CdsServerLogLine;
    expect(Object.keys(line)).toEqual(['time', 'level', 'event', 'method', 'path', 'status', 'ms']);
    expect(line).toMatchObject({ level: 'info', event: 'request', method: 'GET', path: '/health', status: 200 });
    expect(Number.isNaN(Date.parse(line.time))).toBe(false);
    expect(lines[0]).toMatchObject({ event: 'start', publicUrl: 'https://cds.clinic.example', issuers: [ISS] });
  });

  it('never holds a token, a request body or the patient id', () => {
    const text = lines.map((line) => JSON.stringify(line)).join('\n');
    expect(tokens.length).toBeGreaterThan(5);
    for (const jwt of tokens) {
      for (const part of jwt.split('.')) expect(text).not.toContain(part);
    }
    expect(text).not.toContain(PATIENT_ID);
    expect(text).not.toContain('assessed in person');
    expect(text).not.toContain('1946-01-01');
  });
});
