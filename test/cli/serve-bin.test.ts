// The built program dist/cli.js run as `acuspine serve --config cds.json`, as a clinic runs it
// (build it first: `npm run build`; `npm test` does): it serves /health, and on SIGTERM closes
// and exits with 0. test/cli/serve.test.ts tries the rest in process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'acuspine-serve-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/cli.js is missing: run `npm run build` first');
});

describe('acuspine serve, the program', () => {
  it('serves /health, and exits with 0 after SIGTERM', async () => {
    const key = { kty: 'EC', crv: 'P-384', kid: 'k1', x: 'AAAA', y: 'AAAA' };
    writeFileSync(
      join(work, 'cds.json'),
      JSON.stringify({
        publicUrl: 'https://cds.clinic.example',
        port: 0,
        issuers: [{ iss: 'https://ehr.example.org', jwks: { keys: [key] } }],
        service: { source: { label: 'Clinic acupuncture screening' } },
      }),
    );
    const child = spawn(process.execPath, [bin, 'serve', '--config', 'cds.json'], { cwd: work });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const url = await new Promise<string>((done, fail) => {
        child.stdout.on('data', () => {
          const found = /"event":"start","url":"([^"]+)"/.exec(stdout)?.[1];
          if (found !== undefined) done(found);
        });
        child.on('exit', (code) => fail(new Error(`exited with ${code} before listening:\n${stdout}${stderr}`)));
      });
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const events = stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { event: string }).event);
      expect(events).toEqual(['start', 'request', 'stopping', 'stop']);
      expect(stderr).toBe('');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
