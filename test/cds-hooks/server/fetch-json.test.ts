// The fetch of a JWK Set: JSON within a time and a size limit, from a real HTTP server on
// 127.0.0.1 with Node's fetch, and a rejection for anything else.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchJson } from '../../../src/cds-hooks/server/fetch-json.js';

let server: Server;
let base: string;
const accepts: (string | undefined)[] = [];
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/jwks': (_req, res) => res.end('{"keys":[]}'),
  '/missing': (_req, res) => {
    res.writeHead(404);
    res.end('{"keys":[]}');
  },
  '/moved': (_req, res) => {
    res.writeHead(302, { location: '/jwks' });
    res.end();
  },
  '/slow': (_req, res) => setTimeout(() => res.end('{"keys":[]}'), 1000),
  '/text': (_req, res) => res.end('keys'),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    accepts.push(req.headers.accept);
    (routes[req.url ?? ''] ?? (routes['/missing'] as (req: IncomingMessage, res: ServerResponse) => void))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const limits = { timeoutMs: 200, maxBytes: 11 };

describe('fetchJson', () => {
  it('gives the JSON of a 2xx answer up to the size limit, asking for JSON', async () => {
    expect(await fetchJson(fetch, `${base}/jwks`, limits)).toEqual({ keys: [] });
    expect(accepts.at(-1)).toBe('application/json');
  });

  it('rejects an error status, a redirect, a body over the limit, a body that is not JSON, and a slow answer', async () => {
    await expect(fetchJson(fetch, `${base}/missing`, limits)).rejects.toThrow(
      'HTTP 404: no JSON of at most 11 bytes to read',
    );
    await expect(fetchJson(fetch, `${base}/moved`, limits)).rejects.toThrow();
    await expect(fetchJson(fetch, `${base}/jwks`, { ...limits, maxBytes: 10 })).rejects.toThrow('HTTP 200');
    await expect(fetchJson(fetch, `${base}/text`, limits)).rejects.toThrow('HTTP 200');
    await expect(fetchJson(fetch, `${base}/slow`, limits)).rejects.toThrow();
  });
});
