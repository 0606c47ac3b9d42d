// The demo server (scripts/serve-demo.mjs): what it serves, with which type, and what it refuses.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get, type Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listenFailure, resolveDemoPath, startDemoServer } from '../../scripts/serve-demo.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: Server | undefined;
let base = '';

beforeAll(async () => {
  ({ server, url: base } = await startDemoServer({ port: 0 }));
});

afterAll(async () => {
  const running = server;
  if (running === undefined) return;
  running.closeAllConnections();
  await new Promise<void>((done) => running.close(() => done()));
});

interface Reply {
  readonly status: number;
  readonly type: string | undefined;
  readonly body: string;
}

/** A GET with the path sent exactly as written (fetch would normalize `..` before sending). */
function request(path: string): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((done, reject) => {
    get({ hostname, port, path }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({
          status: response.statusCode ?? 0,
          type: response.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('the demo server', () => {
  test('listens on 127.0.0.1 on the port it was given (0: a free one)', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(base).not.toBe('http://127.0.0.1:0/');
  });

  test('serves the page, its script and style with their content types', async () => {
    const page = await request('/');
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(page.body).toContain('<script type="module" src="app.js"></script>');
    await expect(request('/index.html')).resolves.toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    await expect(request('/app.js')).resolves.toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    await expect(request('/styles.css')).resolves.toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
  });

  test('maps /acuspine.js to the ESM build (built first: npm test builds)', async () => {
    const library = await request('/acuspine.js');
    expect(library.body.slice(0, 200), 'dist/index.js is missing: run `npx tsup`').not.toContain(
      'build the library first',
    );
    expect(library).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(library.body).toMatch(/export \{[^}]*\bscreen\b/);
    await expect(request('/index.js.map')).resolves.toMatchObject({
      status: 200,
      type: 'application/json; charset=utf-8',
    });
  });

  test('maps /acuspine/locales/ru.js to the Russian locale, the entry point acuspine/locales/ru', async () => {
    const russian = await request('/acuspine/locales/ru.js');
    expect(russian).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(russian.body).toMatch(/export \{[^}]*\bru\b/);
    await expect(request('/acuspine/locales/ru.js.map')).resolves.toMatchObject({
      status: 200,
      type: 'application/json; charset=utf-8',
    });
  });

  test('answers 404 to an unknown path', async () => {
    await expect(request('/nothing-here.html')).resolves.toMatchObject({ status: 404 });
    await expect(request('/nothing-here')).resolves.toMatchObject({ status: 404 });
  });

  test.each([
    '/../../package.json',
    '/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/..%5c..%5cpackage.json',
    '/%2Fetc%2Fpasswd',
    '/app.js%00.html',
    '/%E0%A4%A',
  ])('refuses %s, which would leave the page folder or is not a path', async (path) => {
    const reply = await request(path);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('"name": "acuspine"');
    expect(reply.body).not.toContain('root:');
  });

  test('resolves paths only inside the page folder', () => {
    const folder = resolve(root, 'examples/browser');
    expect(resolveDemoPath('/')).toBe(resolve(folder, 'index.html'));
    expect(resolveDemoPath('/app.js')).toBe(resolve(folder, 'app.js'));
    expect(resolveDemoPath('/..%2f..%2fpackage.json')).toBeUndefined();
    expect(resolveDemoPath('/%2e%2e/scripts/serve-demo.mjs')).toBeUndefined();
    expect(resolveDemoPath('/%')).toBeUndefined();
  });

  test('refuses methods other than GET and HEAD', async () => {
    const response = await fetch(base, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  test('refuses a port that is not a port', async () => {
    await expect(startDemoServer({ port: 70_000 })).rejects.toThrow(RangeError);
  });
});

describe('the demo server when it cannot listen', () => {
  test('a port in use: names the port and how to choose another, with no stack trace', () => {
    const { port } = new URL(base);
    const script = resolve(root, 'scripts/serve-demo.mjs');
    const run = spawnSync(process.execPath, [script, port], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    // Without a build the script stops earlier, on the missing dist/index.js.
    if (!existsSync(resolve(root, 'dist/index.js'))) return;
    expect(run.stderr.trim()).toBe(`serve-demo: ${listenFailure({ code: 'EADDRINUSE' }, Number(port))}`);
    expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(run.stderr).toContain('npm run demo -- 8080');
    expect(run.stderr).toContain('PORT=8080 npm run demo');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a port not allowed, and any other failure, say what happened', () => {
    expect(listenFailure({ code: 'EACCES' }, 80)).toMatch(
      /^port 80 on 127\.0\.0\.1 needs privileges .*: choose another port/,
    );
    expect(listenFailure(new Error('boom'), 4173)).toBe('could not listen on 127.0.0.1:4173: boom');
    expect(listenFailure('odd', 4173)).toBe('could not listen on 127.0.0.1:4173: odd');
  });
});
