// Every ```ts block in README.md and docs/*.md is run here, so the guides cannot rot. A block
// fenced as ```ts no-run is shown only (it needs something a guide cannot provide, such as a
// request body). Blocks import 'acuspine' as a user would, so they run against the built package.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const guides = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const scratch = join(root, 'node_modules/.cache/acuspine-doc-snippets');
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Snippet {
  readonly guide: string;
  readonly line: number;
  readonly code: string;
}

function snippetsOf(guide: string): Snippet[] {
  const lines = readFileSync(join(root, guide), 'utf8').split('\n');
  const found: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && (lines[end] ?? '').trim() !== '```') end++;
    found.push({ guide, line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return found;
}

const all = guides.flatMap(snippetsOf);
const fileOf = (snippet: Snippet) => join(scratch, `${snippet.guide.replace(/[/.]/g, '_')}_${snippet.line}.ts`);
for (const snippet of all) writeFileSync(fileOf(snippet), `${snippet.code}\nexport {};\n`);

describe('the code in the guides runs', () => {
  it('finds snippets to run in the guides', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all.map((snippet) => [`${snippet.guide}:${snippet.line}`, snippet] as const))(
    '%s',
    async (_name, snippet) => {
      await import(/* @vite-ignore */ fileOf(snippet));
    },
  );

  it('type-checks every snippet against the published types', () => {
    // The snippets resolve 'acuspine' to the built package, as a user's code would.
    const tsc = spawnSync(
      join(root, 'node_modules/.bin/tsc'),
      [
        '--noEmit',
        '--strict',
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        'node',
        '--skipLibCheck',
        ...all.map(fileOf),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);
});
