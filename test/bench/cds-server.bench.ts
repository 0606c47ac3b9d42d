// The CDS Hooks server under load and under fault, as a clinic runs it: the built program
// (`node dist/cli.js serve --config cds.json`) on 127.0.0.1, its log read from its output, called
// by 16 keep-alive clients for a fixed 10 s with patient-view and order-sign calls, each with its
// own token (jose, ES384, a unique jti). In the middle of the load, bad calls on connections of
// their own: malformed JSON (400), a body over the limit (413), a body sent too slowly (408), bad
// tokens (401) and unknown paths (404). Targets: every valid call answered 200 (no 5xx), every bad
// call its status, and a graceful stop on SIGTERM (exit 0). Prints p50, p99, calls/s and the
// server's RSS (VmRSS) before and after.
//
//   npx tsx test/bench/cds-server.bench.ts     this bench alone (after `npm run build`)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const root = resolve(import.meta.dirname, '../..');
const ISS = 'https://ehr.example.org';
const PUBLIC_URL = 'https://cds.clinic.example';
const SERVICE = 'acuspine-screening';
const CLIENTS = 16;
const LOAD_MS = 10_000;
/** The faults start this long into the load, while it runs. */
const FAULTS_AFTER_MS = 3_000;
const PATIENT = 'bench-patient';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

interface Answer {
  readonly status: number;
  readonly ms: number;
}

const search = { resourceType: 'Bundle', type: 'searchset' };
const prefetch = {
  patient: { resourceType: 'Patient', id: PATIENT, birthDate: '1946-01-01' },
  conditions: search,
  observations: search,
  medications: search,
  devices: search,
};
const context = { userId: 'Practitioner/bench', patientId: PATIENT };
const order = {
  resourceType: 'ServiceRequest',
  id: 'acu-1',
  status: 'draft',
  intent: 'order',
  subject: { reference: `Patient/${PATIENT}` },
  code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '97810' }] },
};
/** The two calls of the load: the path and its body, serialized once. */
const CALLS = [
  {
    path: `/cds-services/${SERVICE}`,
    body: JSON.stringify({ hook: 'patient-view', hookInstance: 'bench-1', context, prefetch }),
  },
  {
    path: `/cds-services/${SERVICE}-order-sign`,
    body: JSON.stringify({
      hook: 'order-sign',
      hookInstance: 'bench-2',
      context: {
        ...context,
        draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: order }] },
      },
      prefetch,
    }),
  },
];

/** The server's resident set, in MB, from /proc. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** The value at quantile `q` of sorted values. */
const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/** Starts `node dist/cli.js serve` with `config`; resolves with the child and its URL once it listens. */
async function startServer(
  dir: string,
  config: object,
): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  writeFileSync(join(dir, 'cds.json'), JSON.stringify(config));
  const child = spawn(process.execPath, [join(root, 'dist/cli.js'), 'serve', '--config', 'cds.json'], { cwd: dir });
  let log = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const found = /"event":"start","url":"([^"]+)"/.exec(log)?.[1];
      if (found !== undefined) done(found);
    });
    child.once('exit', (code) => fail(new Error(`the server exited with ${code}: ${stderr}`)));
  });
  return { child, url, log: () => log };
}

/** One request on `agent`, its status and time (the token signed before the clock starts). */
function call(
  url: string,
  agent: Agent | false,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const sent = request(`${url}${path}`, { method, agent, headers }, (response) => {
      response.resume();
      response.on('end', () => done({ status: response.statusCode as number, ms: performance.now() - started }));
    });
    sent.on('error', fail);
    sent.end(body);
  });
}

/** What a raw connection gets back for `head` and `body`, sent now, with the body's rest never sent. */
function rawStatus(url: string, text: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0)));
  });
}

/** Runs the bench, prints its figures, and returns whether every target was met. */
export async function runCdsServerBench(): Promise<boolean> {
  console.log(
    `\nCDS Hooks server: node dist/cli.js serve, ${CLIENTS} keep-alive clients for ${LOAD_MS / 1000} s, with faults`,
  );
  const { privateKey, publicKey } = await generateKeyPair('ES384', { extractable: true });
  const kid = 'bench-es384';
  const other = (await generateKeyPair('ES384')).privateKey;
  let jti = 0;
  const sign = (path: string, key: SigningKey = privateKey) => {
    jti += 1;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: ISS, aud: `${PUBLIC_URL}${path}`, iat: now, exp: now + 300, jti: `bench-${jti}` })
      .setProtectedHeader({ alg: 'ES384', kid, typ: 'JWT' })
      .sign(key);
  };
  const dir = mkdtempSync(join(tmpdir(), 'acuspine-cds-bench-'));
  const server = await startServer(dir, {
    publicUrl: PUBLIC_URL,
    host: '127.0.0.1',
    port: 0,
    issuers: [{ iss: ISS, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, use: 'sig' }] } }],
    service: { source: { label: 'Bench clinic' }, ruleSets: ['protocol', 'red-flags'] },
    limits: { headersTimeoutMs: 1000, requestTimeoutMs: 2000 },
  });
  const pid = server.child.pid as number;
  try {
    // Warm-up: a few calls, so that "before" is the server ready to serve, not the one just started.
    const warm = new Agent({ keepAlive: true, maxSockets: 1 });
    for (const { path, body } of [...CALLS, ...CALLS]) {
      await call(server.url, warm, 'POST', path, { authorization: `Bearer ${await sign(path)}` }, body);
    }
    warm.destroy();
    const rssBefore = rssMb(pid);

    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const answers: Answer[] = [];
    const failures = new Map<number, number>();
    const ends = performance.now() + LOAD_MS;
    const client = async (index: number) => {
      for (let turn = index; performance.now() < ends; turn++) {
        const { path, body } = CALLS[turn % CALLS.length] as (typeof CALLS)[number];
        const headers = { authorization: `Bearer ${await sign(path)}`, 'content-type': 'application/json' };
        const answer = await call(server.url, agent, 'POST', path, headers, body).catch(() => ({ status: 0, ms: 0 }));
        answers.push(answer);
        if (answer.status !== 200) failures.set(answer.status, (failures.get(answer.status) ?? 0) + 1);
      }
    };
    const faults = async () => {
      await new Promise((done) => setTimeout(done, FAULTS_AFTER_MS));
      const hook = CALLS[0]?.path as string;
      const head = async (extra: string) =>
        `POST ${hook} HTTP/1.1\r\nhost: cds\r\nauthorization: Bearer ${await sign(hook)}\r\ncontent-type: application/json\r\n${extra}\r\n`;
      const checks: [string, number, Promise<number>][] = [
        [
          'malformed JSON',
          400,
          call(server.url, false, 'POST', hook, { authorization: `Bearer ${await sign(hook)}` }, '{"hook":').then(
            (a) => a.status,
          ),
        ],
        [
          'a body over 1 MiB (2 MiB declared, 1 KiB sent)',
          413,
          rawStatus(server.url, `${await head('content-length: 2097152\r\n')}${'x'.repeat(1024)}`),
        ],
        [
          'a body sent too slowly (100 bytes declared, 8 sent)',
          408,
          rawStatus(server.url, `${await head('content-length: 100\r\n')}{"hook":`),
        ],
        ['no token', 401, call(server.url, false, 'POST', hook, {}, CALLS[0]?.body).then((a) => a.status)],
        [
          'a token that is not a JWT',
          401,
          call(server.url, false, 'POST', hook, { authorization: 'Bearer x.y.z' }, CALLS[0]?.body).then(
            (a) => a.status,
          ),
        ],
        [
          'a token signed by another key',
          401,
          call(
            server.url,
            false,
            'POST',
            hook,
            { authorization: `Bearer ${await sign(hook, other)}` },
            CALLS[0]?.body,
          ).then((a) => a.status),
        ],
        ['an unknown path', 404, call(server.url, false, 'GET', '/cds-services/nope', {}).then((a) => a.status)],
        ['an unknown path, POST', 404, call(server.url, false, 'POST', '/admin', {}, '{}').then((a) => a.status)],
      ];
      const results: [string, number, number][] = [];
      for (const [name, expected, answer] of checks) results.push([name, expected, await answer]);
      return results;
    };
    const started = performance.now();
    const [faultResults] = await Promise.all([
      faults(),
      ...Array.from({ length: CLIENTS }, (_, index) => client(index)),
    ]);
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    const rssAfter = rssMb(pid);

    const sorted = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    const serverErrors = answers.filter((answer) => answer.status >= 500).length;
    const valid = answers.length - [...failures.values()].reduce((sum, count) => sum + count, 0);
    console.log(
      `  ${answers.length.toLocaleString('en-US')} valid calls in ${seconds.toFixed(1)} s = ${(answers.length / seconds).toFixed(0)} calls/s; p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p99 ${quantile(sorted, 0.99).toFixed(1)} ms`,
    );
    const allOk = valid === answers.length;
    console.log(
      `  answered 200: ${valid.toLocaleString('en-US')} of ${answers.length.toLocaleString('en-US')} (target: all)${allOk ? '' : `, others by status ${JSON.stringify(Object.fromEntries(failures))}`}: ${allOk ? 'met' : 'MISSED'}; 5xx: ${serverErrors} (target 0): ${serverErrors === 0 ? 'met' : 'MISSED'}`,
    );
    let faultsOk = true;
    for (const [name, expected, status] of faultResults) {
      const met = status === expected;
      faultsOk &&= met;
      console.log(`  during the load, ${name}: ${status} (target ${expected}): ${met ? 'met' : 'MISSED'}`);
    }
    console.log(`  server RSS: ${rssBefore.toFixed(0)} MB before the load, ${rssAfter.toFixed(0)} MB after`);

    server.child.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => server.child.once('exit', (exit) => done(exit)));
    const logged = server.log().trim().split('\n').length;
    console.log(
      `  SIGTERM: exit ${code} (target 0) after ${logged.toLocaleString('en-US')} log lines: ${code === 0 ? 'met' : 'MISSED'}`,
    );
    return allOk && serverErrors === 0 && faultsOk && code === 0;
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit((await runCdsServerBench()) ? 0 : 1);
}
