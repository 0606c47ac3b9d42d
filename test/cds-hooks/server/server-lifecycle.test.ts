// The server's life: it starts only from a valid configuration, survives what its hooks throw
// (500, then the next request is served), closes gracefully with requests in flight and cuts them
// after the grace period, logs to standard output by default, and takes the reference date in
// the configured time zone.
import { Agent, request } from 'node:http';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readCdsServerConfig, startCdsServer } from '../../../src/cds-hooks/server/index.js';
import { validateResponse } from '../card-validator.js';
import {
  configJson,
  deferred,
  type EhrKey,
  ehrKey,
  PATIENT_ID,
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
const feedbackPath = `/cds-services/${SERVICE}-order-sign/feedback`;
const feedbackBody = {
  feedback: [
    {
      card: 'c1',
      outcome: 'overridden',
      overrideReason: { userComment: 'ok' },
      outcomeTimestamp: '2026-11-24T10:15:00Z',
    },
  ],
};

let key: EhrKey;
beforeAll(async () => {
  key = await ehrKey('ES384', 'ehr-life');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('starting', () => {
  it('refuses a configuration that readCdsServerConfig would refuse, naming each problem', async () => {
    const bad = { ...(readCdsServerConfig(configJson([key])) as { value: object }).value, port: -1, host: '' };
    await expect(startCdsServer(bad as never)).rejects.toThrow(
      new TypeError(
        'startCdsServer: not a valid configuration: host: expected an interface such as 127.0.0.1, got the string ""; port: expected a port number from 0 to 65535, got the number -1',
      ),
    );
  });

  it('rejects when the port is taken', async () => {
    const { running } = await started(configJson([key]));
    try {
      const port = Number(new URL(running.url).port);
      await expect(started(configJson([key], { port }))).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await running.close();
    }
  });

  it('listens on IPv6 loopback, with the address in brackets', async () => {
    const { running } = await started(configJson([key], { host: '::1' }));
    try {
      expect(running.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect((await send(running.url, 'GET', '/health')).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('logs one JSON line a request on standard output by default', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const config = readCdsServerConfig(configJson([key]));
    if (!config.ok) throw new Error('invalid');
    const running = await startCdsServer(config.value);
    await send(running.url, 'GET', '/health');
    await running.close();
    vi.restoreAllMocks();
    const events = written.map((line) => {
      expect(line.endsWith('\n')).toBe(true);
      return (JSON.parse(line) as { event: string }).event;
    });
    expect(events).toEqual(['start', 'request', 'stopping', 'stop']);
  });

  it('goes on serving when its log throws', async () => {
    const { running } = await started(configJson([key]), {
      log: () => {
        throw new Error('disk full');
      },
    });
    try {
      expect((await send(running.url, 'GET', '/health')).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('logs an error of its listening socket and goes on', async () => {
    const { running, lines } = await started(configJson([key]));
    try {
      running.server.emit('error', Object.assign(new Error('accept failed'), { code: 'EMFILE' }));
      expect(lines.at(-1)).toMatchObject({ level: 'error', event: 'server-error', code: 'EMFILE' });
      expect((await send(running.url, 'GET', '/health')).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

describe('a hook that throws', () => {
  it('answers 500, logs the name of the error only, and serves the next request', async () => {
    const { running, lines } = await started(configJson([key]), {
      onFeedback: () => {
        throw new TypeError(`cannot store ${PATIENT_ID}`);
      },
    });
    try {
      const failed = await post(running.url, key, feedbackPath, feedbackBody);
      expect(failed.status).toBe(500);
      expect(JSON.parse(failed.text)).toEqual({ error: 'internal-error', message: 'the server could not answer' });
      expect(lines.at(-1)).toMatchObject({ level: 'error', status: 500, error: 'TypeError' });
      expect(JSON.stringify(lines)).not.toContain(PATIENT_ID);
      const next = await post(running.url, key, hookPath, patientView('1946-01-01'));
      expect(next.status).toBe(200);
      expect(validateResponse(JSON.parse(next.text))).toEqual([]);
    } finally {
      await running.close();
    }
  });

  it('names a thrown value that is not an Error by its type', async () => {
    const { running, lines } = await started(configJson([key]), {
      onFeedback: () => Promise.reject('no'),
    });
    try {
      expect((await post(running.url, key, feedbackPath, feedbackBody)).status).toBe(500);
      expect(lines.at(-1)).toMatchObject({ status: 500, error: 'string' });
    } finally {
      await running.close();
    }
  });
});

describe('closing', () => {
  it('lets a request in flight finish, refuses new connections, and resolves once closed', async () => {
    const held = deferred();
    const inside = deferred();
    const { running, lines } = await started(configJson([key]), {
      onFeedback: async () => {
        inside.resolve();
        await held.promise;
      },
    });
    const inFlight = post(running.url, key, feedbackPath, feedbackBody);
    await inside.promise;
    const closed = running.close();
    expect(running.close()).toBe(closed);
    await expect(send(running.url, 'GET', '/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    held.resolve();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('close');
    await closed;
    expect(lines.map((line) => line.event).slice(-3)).toEqual(['stopping', 'request', 'stop']);
    expect(lines.find((line) => line.event === 'stopping')).toMatchObject({ inFlight: 1 });
  });

  it('says it is stopping on /health while it drains a keep-alive connection', async () => {
    const held = deferred();
    const { running } = await started(configJson([key]), { onFeedback: () => held.promise });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        request(`${running.url}/health`, { agent }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          response.on('end', () => resolve({ status: response.statusCode as number, text }));
        })
          .on('error', reject)
          .end();
      });
    expect((await get()).status).toBe(200);
    const inFlight = post(running.url, key, feedbackPath, feedbackBody);
    await pause(100);
    const closed = running.close();
    held.resolve();
    await inFlight;
    await closed;
    agent.destroy();
    // The idle keep-alive connection was closed at once: the next request finds no server.
    await expect(get()).rejects.toBeDefined();
  });

  it('cuts the connections still open after the grace period', async () => {
    const { running, lines } = await started(configJson([key], { limits: { shutdownGraceMs: 200 } }), {
      onFeedback: () => new Promise<void>(() => undefined),
    });
    const inFlight = post(running.url, key, feedbackPath, feedbackBody).catch((error: unknown) => error);
    await pause(100);
    const started_ = performance.now();
    await running.close();
    expect(performance.now() - started_).toBeGreaterThanOrEqual(150);
    expect(await inFlight).toMatchObject({ code: 'ECONNRESET' });
    expect(lines.find((line) => line.event === 'grace-over')).toMatchObject({ level: 'warn', cut: 1 });
  });

  it('answers /health with 503 once stopping', async () => {
    const { running } = await started(configJson([key]));
    const connection = await rawConnection(running.url);
    // A request begun before close() and finished after: its connection is not idle when close() runs.
    connection.socket.write('GET /health HTTP/1.1\r\nhost: cds\r\n');
    await pause(50);
    const closed = running.close();
    connection.socket.write('\r\n');
    await connection.closed;
    await closed;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 503 /);
    expect(connection.received()).toContain('{"status":"stopping"}');
  });
});

describe('the reference date', () => {
  // Born 25 November 1950: 75 years old on the 24th (no age contraindication), 76 on the 25th.
  const born = '1950-11-25';
  // 22:30 UTC on 24 November 2026: already the 25th in Tokyo, still the 24th in New York.
  const instant = Date.UTC(2026, 10, 24, 22, 30);
  const indicators = async (timeZone: string) => {
    const { running } = await started(configJson([key], { timeZone }), { now: () => instant });
    try {
      const jwt = await token(key, hookPath, { now: Math.floor(instant / 1000) });
      const answer = await send(running.url, 'POST', hookPath, {
        headers: { authorization: `Bearer ${jwt}` },
        body: JSON.stringify(patientView(born)),
      });
      const body = JSON.parse(answer.text) as { cards: { indicator: string }[] };
      expect(validateResponse(body)).toEqual([]);
      return body.cards.map((card) => card.indicator);
    } finally {
      await running.close();
    }
  };

  it('is today in the configured time zone', async () => {
    expect((await indicators('Asia/Tokyo'))[0]).toBe('critical');
    expect(await indicators('America/New_York')).not.toContain('critical');
  });
});
