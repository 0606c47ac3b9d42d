// Explanations carry catalogs of text: an app that imports only `screen` must not ship them, and
// an app that explains in English alone must not ship the Russian one, which is an import of its
// own ('acuspine/locales/ru'). Bundles the source as an app's bundler would, with Object.freeze
// marked pure (as the build does).
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** A bundle of the named exports of the core, and of `ru` with `withRussian`. */
async function bundle(names: readonly string[] | '*', withRussian = false): Promise<string> {
  const core =
    names === '*' ? `export * from './src/index.ts';` : `export { ${names.join(', ')} } from './src/index.ts';`;
  const russian = withRussian ? `export { ru } from './src/locales/ru/index.ts';` : '';
  const result = await build({
    stdin: { contents: `${core}\n${russian}`, resolveDir: root, loader: 'ts' },
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

  test('a bundle of explain, explainCourse and explainIssues holds the English catalog, not the Russian one', async () => {
    const code = await bundle(['explain', 'explainCourse', 'explainIssues']);
    expect(code).toContain('Questions to ask');
    expect(code).not.toContain('Противопоказано');
    expect(code).not.toContain('Вопросы для уточнения');
  });

  test('the whole core entry point holds no Russian catalog, so that require and unbundled imports do not load it', async () => {
    const code = await bundle('*');
    expect(code).toContain('Questions to ask');
    expect(code).not.toContain('Противопоказано');
    expect(code).not.toContain('Вопросы для уточнения');
  });

  test('a bundle of explain with ru holds both catalogs', async () => {
    const code = await bundle(['explain'], true);
    expect(code).toContain('Противопоказано');
    expect(code).toContain('Вопросы для уточнения');
    expect(code).toContain('Questions to ask');
  });
});
