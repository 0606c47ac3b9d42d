// `npm run cds-server`: the example server of examples/cds-service.ts run with --serve, which
// keeps it running until a signal and prints tokens of the example EHR to call it with. Like
// example-server.test.ts, it imports the built package (run `npm run build` first; `npm test` does).
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleEhr, listenFailure, servePort, startExampleServer } from '../../examples/cds-service.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/**
 * Starts `node --import tsx examples/cds-service.ts --serve ...args`, collecting what it prints:
 * one process, which a signal reaches (the tsx command would start a second one, which a SIGKILL
 * of the first leaves running).
 */
function serve(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/cds-service.ts', '--serve', ...args], {
    cwd: root,
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const output = () => ({ stdout, stderr });
  /** The base URL, once the server says it listens. */
  const listening = new Promise<string>((done, fail) => {
    child.stdout.on('data', () => {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url !== undefined) done(url);
    });
    child.on('exit', (code) => fail(new Error(`exited with ${code} before listening:\n${stdout}${stderr}`)));
  });
  // Handled here too: a test of a server that never listens does not wait for it.
  listening.catch(() => undefined);
  return { child, exited, output, listening };
}

describe('the example CDS server run with --serve', () => {
  it('keeps answering until it is stopped, then closes and exits with 0', async () => {
    const server = serve('0');
    const url = await server.listening;
    const first = await fetch(`${url}/health`);
    expect(first.status).toBe(200);
    await new Promise((done) => setTimeout(done, 300));
    // The discovery call it prints, with its token.
    const token = /discovery: curl -H 'authorization: Bearer ([^']+)'/.exec(server.output().stdout)?.[1];
    const discovery = await fetch(`${url}/cds-services`, { headers: { authorization: `Bearer ${token}` } });
    const { services } = (await discovery.json()) as { services: { id: string }[] };
    expect(services.map((service) => service.id)).toEqual([
      'acuspine-screening',
      'acuspine-screening-appointment-book',
      'acuspine-screening-order-select',
      'acuspine-screening-order-sign',
    ]);
    expect((await fetch(`${url}/cds-services`)).status).toBe(401);
    expect(server.output().stdout).toContain(`${url}/cds-services/acuspine-screening`);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output().stdout).toContain('cds-server: stopped');
  }, 30_000);

  it('names the port and how to choose another when the port is taken', async () => {
    const taken = await startExampleServer(0, await exampleEhr(), { log: () => undefined });
    try {
      const port = new URL(taken.url).port;
      const server = serve(port);
      expect(await server.exited).toBe(1);
      expect(server.output().stderr.trim()).toBe(`cds-server: ${listenFailure({ code: 'EADDRINUSE' }, Number(port))}`);
      expect(server.output().stderr).toContain('npm run cds-server -- 8081');
    } finally {
      await taken.close();
    }
  }, 30_000);

  it('refuses a port that is not a number, with exit code 2', async () => {
    const server = serve('http');
    expect(await server.exited).toBe(2);
    expect(server.output().stderr).toContain('cds-server: not a port number: http');
  }, 30_000);
});

describe('servePort and listenFailure', () => {
  it('takes the argument, else $PORT, else 8080', () => {
    expect(servePort('9000', '7000')).toBe(9000);
    expect(servePort(undefined, '7000')).toBe(7000);
    expect(servePort(undefined, undefined)).toBe(8080);
    expect(servePort(undefined, '')).toBe(8080);
    expect(servePort('0', undefined)).toBe(0);
    expect(servePort('65535', undefined)).toBe(65535);
  });

  it('refuses what is not a port number', () => {
    for (const raw of ['65536', '-1', '80a', '1e3', ' 80', '', '123456'])
      expect(servePort(raw, undefined), raw).toBe(undefined);
  });

  it('says what to do for a port in use or not allowed, and what happened otherwise', () => {
    expect(listenFailure({ code: 'EADDRINUSE' }, 8080)).toMatch(/^port 8080 on 127\.0\.0\.1 is already in use: /);
    expect(listenFailure({ code: 'EACCES' }, 80)).toMatch(/^port 80 on 127\.0\.0\.1 needs privileges/);
    expect(listenFailure(new Error('boom'), 8080)).toBe('could not listen on 127.0.0.1:8080: boom');
  });
});
