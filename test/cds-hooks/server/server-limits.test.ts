// The server's limits, over raw connections: a body over the limit is refused without being read
// (413), a body or headers that come too slowly are cut (408), headers too large are refused
// (431), bytes that are not HTTP are refused (400), and the server answers the next request after
// each of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsServerLogLine, RunningCdsServer } from '../../../src/cds-hooks/server/index.js';
import {
  configJson,
  type EhrKey,
  ehrKey,
  patientView,
  pause,
  post,
  rawConnection,
  SERVICE,
  send,
  started,
  token,
} from './helpers.js';

const hookPath = `/cds-services/${SERVICE}`;
const BODY_BYTES = 64 * 1024;

let key: EhrKey;
let running: RunningCdsServer;
let lines: CdsServerLogLine[];

beforeAll(async () => {
  key = await ehrKey('ES384', 'ehr-limits');
  ({ running, lines } = await started(
    configJson([key], { limits: { bodyBytes: BODY_BYTES, headersTimeoutMs: 300, requestTimeoutMs: 600 } }),
  ));
});
afterAll(() => running.close());

/** The head of a POST to the hook with a valid token, without its body. */
async function head(extra: string): Promise<string> {
  const jwt = await token(key, hookPath);
  return `POST ${hookPath} HTTP/1.1\r\nhost: cds\r\nauthorization: Bearer ${jwt}\r\ncontent-type: application/json\r\n${extra}\r\n`;
}

const statusOf = (received: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]);
const stillServes = async () => expect((await send(running.url, 'GET', '/health')).status).toBe(200);

describe('a body over the limit', () => {
  it('is refused with 413 as soon as its declared length is read, without reading it', async () => {
    const connection = await rawConnection(running.url);
    connection.socket.write(await head(`content-length: ${100 * 1024 * 1024}\r\n`));
    connection.socket.write('x'.repeat(1024));
    await connection.closed;
    expect(statusOf(connection.received())).toBe(413);
    expect(connection.received()).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(connection.received().split('\r\n\r\n')[1] as string)).toMatchObject({
      error: 'payload-too-large',
    });
    expect(lines.filter((line) => line['path'] === hookPath).at(-1)).toMatchObject({ status: 413 });
    await stillServes();
  });

  it('is refused with 413 once a chunked body passes the limit, and no more of it is read', async () => {
    const connection = await rawConnection(running.url);
    connection.socket.write(await head('transfer-encoding: chunked\r\n'));
    const chunk = 'x'.repeat(16 * 1024);
    let sent = 0;
    while (statusOf(connection.received()) !== 413 && sent < 64 * BODY_BYTES) {
      connection.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      sent += chunk.length;
      await pause(5);
    }
    expect(statusOf(connection.received())).toBe(413);
    expect(sent).toBeLessThan(8 * BODY_BYTES);
    connection.socket.destroy();
    await stillServes();
  });

  it('reads a body of exactly the limit, and refuses one byte more', async () => {
    const request = patientView('1990-01-01');
    const sized = (bytes: number) => {
      const bare = Buffer.byteLength(JSON.stringify({ ...request, padding: '' }));
      return { ...request, padding: 'x'.repeat(bytes - bare) };
    };
    expect(Buffer.byteLength(JSON.stringify(sized(BODY_BYTES)))).toBe(BODY_BYTES);
    expect((await post(running.url, key, hookPath, sized(BODY_BYTES))).status).toBe(200);
    expect((await post(running.url, key, hookPath, sized(BODY_BYTES + 1))).status).toBe(413);
  });
});

describe('a request that arrives too slowly', () => {
  it('is cut with 408 when its body takes longer than requestTimeoutMs', async () => {
    const connection = await rawConnection(running.url);
    connection.socket.write(await head('content-length: 100\r\n'));
    connection.socket.write('{"hook":');
    await connection.closed;
    expect(statusOf(connection.received())).toBe(408);
    expect(JSON.parse(connection.received().split('\r\n\r\n')[1] as string)).toMatchObject({
      error: 'request-timeout',
    });
    await pause(20);
    expect(lines.filter((line) => line['path'] === hookPath).at(-1)).toMatchObject({ status: 408, level: 'warn' });
    await stillServes();
  });

  it('is cut with 408 when its headers take longer than headersTimeoutMs', async () => {
    const connection = await rawConnection(running.url);
    connection.socket.write('GET /health HTTP/1.1\r\nhost: cds\r\n');
    await connection.closed;
    expect(statusOf(connection.received())).toBe(408);
    expect(lines.at(-1)).toMatchObject({ event: 'client-error', status: 408, code: 'ERR_HTTP_REQUEST_TIMEOUT' });
    await stillServes();
  });
});

describe('what is not a request the server reads', () => {
  it('refuses headers over 16 KiB with 431', async () => {
    const connection = await rawConnection(running.url);
    connection.socket.write(`GET /health HTTP/1.1\r\nhost: cds\r\nx-padding: ${'x'.repeat(20_000)}\r\n\r\n`);
    await connection.closed;
    expect(statusOf(connection.received())).toBe(431);
    expect(lines.at(-1)).toMatchObject({ event: 'client-error', status: 431, code: 'HPE_HEADER_OVERFLOW' });
    await stillServes();
  });

  it('refuses bytes that are not HTTP with 400', async () => {
    const connection = await rawConnection(running.url);
    connection.socket.write('HELLO\r\n\r\n');
    await connection.closed;
    expect(statusOf(connection.received())).toBe(400);
    expect(lines.at(-1)).toMatchObject({ event: 'client-error', status: 400 });
    await stillServes();
  });

  it('logs a client that leaves before its body is read', async () => {
    const connection = await rawConnection(running.url);
    connection.socket.write(await head('content-length: 100\r\n'));
    connection.socket.write('{"hook":');
    await pause(100);
    connection.socket.destroy();
    await pause(100);
    expect(lines.filter((line) => line['path'] === hookPath).at(-1)).toMatchObject({ status: 499 });
    await stillServes();
  });

  it('closes the connection of a chunked body it did not read', async () => {
    const connection = await rawConnection(running.url);
    connection.socket.write('POST /nowhere HTTP/1.1\r\nhost: cds\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n');
    await connection.closed;
    expect(statusOf(connection.received())).toBe(404);
    expect(connection.received()).toMatch(/\r\nconnection: close\r\n/i);
  });

  it('keeps the connection of a request without a body', async () => {
    const connection = await rawConnection(running.url);
    connection.socket.write('GET /health HTTP/1.1\r\nhost: cds\r\n\r\nGET /health HTTP/1.1\r\nhost: cds\r\n\r\n');
    await pause(200);
    expect(connection.received().match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    expect(connection.received()).toMatch(/\r\nconnection: keep-alive\r\n/i);
    connection.socket.destroy();
  });
});
