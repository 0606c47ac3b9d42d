// A hook call without its prefetch: the server reads it from the FHIR server the request names,
// when that server is on the issuer's list, with the request's access token, within
// limits.fhirTimeoutMs; what it cannot read is a failed prefetch, never an all-clear.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CdsServerFetch } from '../../../src/cds-hooks/server/index.js';
import { validateResponse } from '../card-validator.js';
import { configJson, type EhrKey, ehrKey, ISS, PATIENT_ID, patientView, post, SERVICE, started } from './helpers.js';

const hookPath = `/cds-services/${SERVICE}`;
const FHIR = 'https://ehr.example.org/fhir';
const ACCESS_TOKEN = 'access-token-5b1e7d';

let key: EhrKey;
beforeAll(async () => {
  key = await ehrKey('ES384', 'ehr-prefetch');
});

/** A patient-view call for an 80-year-old whose prefetch the EHR left out. */
function withoutPrefetch(fhirServer = FHIR) {
  const { prefetch: _left, ...request } = patientView('1946-01-01');
  return { ...request, fhirServer, fhirAuthorization: { access_token: ACCESS_TOKEN, token_type: 'Bearer' } };
}

const config = (limits: Record<string, unknown> = {}) =>
  configJson([key], {
    issuers: [{ iss: ISS, jwks: { keys: [key.publicJwk] }, fhirServers: [FHIR] }],
    limits: { fhirTimeoutMs: 300, ...limits },
  });

/** A FHIR server: the Patient, and searches that find nothing. */
const fhirServer: CdsServerFetch = async (url) =>
  url.startsWith(`${FHIR}/Patient/`)
    ? Response.json({ resourceType: 'Patient', id: PATIENT_ID, birthDate: '1946-01-01' })
    : Response.json({ resourceType: 'Bundle', type: 'searchset' });

describe('the missing prefetch', () => {
  it('is read from an allowlisted FHIR server with the access token, and screened', async () => {
    const calls: { url: string; init: Parameters<CdsServerFetch>[1] }[] = [];
    const { running, lines } = await started(config(), {
      fetch: (url, init) => {
        calls.push({ url, init });
        return fhirServer(url, init);
      },
    });
    try {
      const answer = await post(running.url, key, hookPath, withoutPrefetch());
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.text) as { cards: { indicator: string }[] };
      expect(validateResponse(body)).toEqual([]);
      expect(body.cards[0]?.indicator).toBe('critical');
      expect(calls.map((call) => call.url)).toContain(`${FHIR}/Patient/${PATIENT_ID}`);
      expect(calls[0]?.init.headers).toMatchObject({ authorization: `Bearer ${ACCESS_TOKEN}` });
      expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
      expect(lines.at(-1)).toMatchObject({
        status: 200,
        prefetch: { read: ['patient', 'conditions', 'observations', 'medications', 'devices'], failed: [] },
      });
      expect(JSON.stringify(lines)).not.toContain(ACCESS_TOKEN);
    } finally {
      await running.close();
    }
  });

  it('counts as failed when the FHIR server takes longer than fhirTimeoutMs', async () => {
    const { running, lines } = await started(config(), {
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason))),
    });
    try {
      const answer = await post(running.url, key, hookPath, withoutPrefetch());
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.text) as { cards: { indicator: string; summary: string }[] };
      expect(validateResponse(body)).toEqual([]);
      expect(body.cards[0]?.indicator).toBe('warning');
      expect(body.cards[0]?.summary).toMatch(/prefetch failed/);
      expect(lines.at(-1)).toMatchObject({
        prefetch: { read: [], failed: ['patient', 'conditions', 'observations', 'medications', 'devices'] },
      });
    } finally {
      await running.close();
    }
  });

  it("is never read from a FHIR server that is not on the issuer's list", async () => {
    let fetched = 0;
    const { running } = await started(config(), {
      fetch: (url, init) => {
        fetched += 1;
        return fhirServer(url, init);
      },
    });
    try {
      const answer = await post(running.url, key, hookPath, withoutPrefetch('https://evil.example/fhir'));
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.text) as { cards: { summary: string }[] }).cards[0]?.summary).toMatch(
        /prefetch missing/,
      );
      expect(fetched).toBe(0);
    } finally {
      await running.close();
    }
  });
});
