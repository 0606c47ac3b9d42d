// Explanations carry two catalogs of text: an app that imports only `screen` must not ship them.
// Bundles the source as an app's bundler would, with Object.freeze marked pure (as the build does).
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

async function bundle(names: readonly string[]): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names.join(', ')} } from './src/index.ts';`, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    treeShaking: true,
    pure: ['Object.freeze'],
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('tree shaking of the explanations', () => {
  test('a bundle of screen alone holds no message', async () => {
    const code = await bundle(['screen']);
    expect(code).not.toContain('Противопоказано');
    expect(code).not.toContain('Questions to ask');
  });

  test('a bundle of buildCourse and parsePatientFacts holds no message', async () => {
    const code = await bundle(['buildCourse', 'parsePatientFacts', 'parseRegion']);
    expect(code).not.toContain('Противопоказано');
    expect(code).not.toContain('Questions to ask');
  });

  test('a bundle of explain holds both catalogs', async () => {
    const code = await bundle(['explain']);
    expect(code).toContain('Противопоказано');
    expect(code).toContain('Questions to ask');
  });
});
