// The command line `acuspine serve`, run in process with a stand-in for the process's streams,
// files and signals: a configuration refused with each problem and its path (exit 2), a server
// started, serving and stopped by a signal (exit 0), feedback appended to the configured file or
// logged without the users' comments, and a port already taken (exit 1).
// test/cli/serve-bin.test.ts runs the built program itself.
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT_START_FAILED, type ServeIo, serve, serveUsage } from '../../cli/serve.js';
import { readCdsServerConfig, startCdsServer } from '../../src/cds-hooks/server/index.js';

const ISS = 'https://ehr.example.org';
const PUBLIC_URL = 'https://cds.clinic.example';
const FEEDBACK_PATH = '/cds-services/acuspine-screening-order-sign/feedback';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let privateKey: SigningKey;
let config: Record<string, unknown>;

beforeAll(async () => {
  const pair = await generateKeyPair('ES384', { extractable: true });
  privateKey = pair.privateKey;
  config = {
    publicUrl: PUBLIC_URL,
    port: 0,
    issuers: [{ iss: ISS, jwks: { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1' }] } }],
    service: { source: { label: 'Clinic' } },
  };
});

let jti = 0;
const bearer = async (path: string) => {
  jti += 1;
  const now = Math.floor(Date.now() / 1000);
  const jwt = await new SignJWT({ iss: ISS, aud: `${PUBLIC_URL}${path}`, iat: now, exp: now + 60, jti: `serve-${jti}` })
    .setProtectedHeader({ alg: 'ES384', kid: 'k1' })
    .sign(privateKey);
  return `Bearer ${jwt}`;
};

/** Runs `acuspine serve ...args` in process with these files; stop() sends the stop signal. */
function cli(args: readonly string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const appended: Record<string, string> = {};
  let stop: (() => void) | undefined;
  const io: ServeIo = {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    readText: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    appendText: (path, text) => {
      if (path.startsWith('/read-only/')) throw new Error(`EROFS: read-only file system, open '${path}'`);
      appended[path] = (appended[path] ?? '') + text;
    },
    onStop: (handler) => {
      stop = handler;
    },
    now: () => Date.UTC(2026, 10, 24, 10, 15),
  };
  const status = serve(args, io);
  /** The base URL of the server, once its start line is out. */
  const listening = async () => {
    for (let tries = 0; tries < 200; tries++) {
      const url = /"event":"start","url":"([^"]+)"/.exec(stdout)?.[1];
      if (url !== undefined && stop !== undefined) return url;
      await new Promise((done) => setTimeout(done, 10));
    }
    throw new Error(`the server did not start:\n${stdout}${stderr}`);
  };
  return {
    status,
    listening,
    stop: () => (stop as () => void)(),
    output: () => ({ stdout, stderr }),
    appended,
  };
}

const json = (value: unknown) => JSON.stringify(value);

describe('acuspine serve refuses what it cannot run', () => {
  it('prints its usage with --help', async () => {
    const run = cli(['--help']);
    expect(await run.status).toBe(0);
    expect(run.output()).toEqual({ stdout: serveUsage, stderr: '' });
  });

  it('needs --config', async () => {
    const run = cli([]);
    expect(await run.status).toBe(2);
    expect(run.output().stderr).toBe(`acuspine serve: --config FILE is required\n\n${serveUsage}`);
  });

  it('refuses an unknown option', async () => {
    const run = cli(['--config', 'cds.json', '--port', '80']);
    expect(await run.status).toBe(2);
    expect(run.output().stderr).toMatch(/^acuspine serve: Unknown option '--port'/);
  });

  it('says why a file cannot be read or is not JSON', async () => {
    const missing = cli(['--config', 'cds.json']);
    expect(await missing.status).toBe(2);
    expect(missing.output().stderr).toBe(
      "acuspine serve: cds.json: ENOENT: no such file or directory, open 'cds.json'\n",
    );
    const broken = cli(['--config', 'cds.json'], { 'cds.json': '{"publicUrl": ' });
    expect(await broken.status).toBe(2);
    expect(broken.output().stderr).toMatch(/^acuspine serve: cds\.json: .*JSON/);
  });

  it('prints each problem of the configuration with its path, and starts nothing', async () => {
    const bad = {
      ...config,
      issuers: [{ iss: ISS, jku: ['http://ehr.example.org/jwks'] }],
      limits: { bodyBytes: 0 },
    };
    const run = cli(['--config', 'cds.json'], { 'cds.json': json(bad) });
    expect(await run.status).toBe(2);
    expect(run.output().stdout).toBe('');
    expect(run.output().stderr.split('\n')).toEqual([
      'acuspine serve: cds.json: issuers[0].jku[0]: expected an https URL (http only for localhost), got the string "http://ehr.example.org/jwks"',
      'acuspine serve: cds.json: limits.bodyBytes: expected a positive whole number, got the number 0',
      '',
    ]);
  });

  it('names the whole file when it is not an object', async () => {
    const run = cli(['--config', 'cds.json'], { 'cds.json': '[]' });
    expect(await run.status).toBe(2);
    expect(run.output().stderr).toBe('acuspine serve: cds.json: (the file): expected the configuration object\n');
  });

  it('exits with 1 when the port is taken, and names it', async () => {
    const read = readCdsServerConfig(config);
    if (!read.ok) throw new Error('invalid test configuration');
    const taken = await startCdsServer(read.value, { log: () => undefined });
    try {
      const port = Number(new URL(taken.url).port);
      const run = cli(['--config', 'cds.json'], { 'cds.json': json({ ...config, port }) });
      expect(await run.status).toBe(EXIT_START_FAILED);
      expect(run.output().stderr).toBe(
        `acuspine serve: 127.0.0.1:${port} is already in use: choose another port in cds.json\n`,
      );
    } finally {
      await taken.close();
    }
  });

  it('exits with 1 when it cannot listen on the host', async () => {
    const run = cli(['--config', 'cds.json'], { 'cds.json': json({ ...config, host: 'nowhere.invalid' }) });
    expect(await run.status).toBe(EXIT_START_FAILED);
    expect(run.output().stderr).toMatch(/^acuspine serve: cannot listen on nowhere\.invalid:0: /);
  });
});

describe('acuspine serve runs the server until it is stopped', () => {
  const entry = {
    card: '0b5b3c4e-8f7a-8d2e-9c41-5a6f7e8d9c0b',
    outcome: 'overridden',
    overrideReason: { reason: { code: 'assessed', display: 'Assessed' }, userComment: 'seen by Dr. Petrova' },
    outcomeTimestamp: '2026-11-24T10:15:00Z',
  };
  const sendFeedback = async (url: string, feedback: readonly object[]) =>
    fetch(`${url}${FEEDBACK_PATH}`, {
      method: 'POST',
      headers: { authorization: await bearer(FEEDBACK_PATH) },
      body: json({ feedback }),
    });

  it('serves, logs one JSON line a request, and exits with 0 after a graceful stop', async () => {
    const run = cli(['--config', 'cds.json'], { 'cds.json': json(config) });
    const url = await run.listening();
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
    const discovery = await fetch(`${url}/cds-services`, { headers: { authorization: await bearer('/cds-services') } });
    expect(discovery.status).toBe(200);
    run.stop();
    expect(await run.status).toBe(0);
    const events = run
      .output()
      .stdout.trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toEqual(['start', 'request', 'request', 'stopping', 'stop']);
    expect(run.output().stderr).toBe('');
  });

  it('appends each feedback entry to the feedbackLog, whole, one JSON line each', async () => {
    const run = cli(['--config', 'cds.json'], { 'cds.json': json({ ...config, feedbackLog: 'feedback.jsonl' }) });
    const url = await run.listening();
    expect((await sendFeedback(url, [entry, { ...entry, card: 'c2' }])).status).toBe(200);
    run.stop();
    expect(await run.status).toBe(0);
    const lines = (run.appended['feedback.jsonl'] as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const common = { time: '2026-11-24T10:15:00.000Z', serviceId: 'acuspine-screening-order-sign', iss: ISS };
    expect(lines).toEqual([
      { ...common, feedback: entry },
      { ...common, feedback: { ...entry, card: 'c2' } },
    ]);
    expect(run.output().stdout).not.toContain('Petrova');
  });

  it('answers 500 when the feedbackLog cannot be written, so that the EHR may send it again', async () => {
    const run = cli(['--config', 'cds.json'], { 'cds.json': json({ ...config, feedbackLog: '/read-only/f.jsonl' }) });
    const url = await run.listening();
    expect((await sendFeedback(url, [entry])).status).toBe(500);
    run.stop();
    expect(await run.status).toBe(0);
  });

  it("logs feedback without a feedbackLog, leaving out the users' comments", async () => {
    const run = cli(['--config', 'cds.json'], { 'cds.json': json(config) });
    const url = await run.listening();
    const commentOnly = { ...entry, card: 'c3', overrideReason: { userComment: 'seen by Dr. Petrova' } };
    expect((await sendFeedback(url, [entry, commentOnly])).status).toBe(200);
    run.stop();
    await run.status;
    const logged = run
      .output()
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string })
      .filter((line) => line.event === 'feedback');
    const common = {
      time: '2026-11-24T10:15:00.000Z',
      level: 'info',
      event: 'feedback',
      serviceId: 'acuspine-screening-order-sign',
      iss: ISS,
    };
    const { overrideReason: _reason, ...bare } = entry;
    expect(logged).toEqual([
      { ...common, feedback: { ...bare, overrideReason: { reason: entry.overrideReason.reason } } },
      { ...common, feedback: { ...bare, card: 'c3' } },
    ]);
    expect(run.output().stdout).not.toContain('Petrova');
  });
});
