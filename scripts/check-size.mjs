// Checks the built bundles against size-budgets.json: minified with esbuild (already a dev
// dependency through tsup), gzipped at level 9, as a browser app would ship them. A budget with
// "platform": "node" is an entry for Node only, whose node: imports stay imports.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const { budgets } = JSON.parse(readFileSync(resolve(root, 'size-budgets.json'), 'utf8'));

let failed = false;
for (const budget of budgets) {
  const entry = resolve(root, budget.entry);
  const stdin = budget.exports
    ? { contents: `export { ${budget.exports.join(', ')} } from ${JSON.stringify(entry)};`, resolveDir: root }
    : undefined;
  const result = await build({
    ...(stdin ? { stdin } : { entryPoints: [entry] }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: budget.platform ?? 'neutral',
    treeShaking: true,
    write: false,
    logLevel: 'silent',
  });
  const bytes = gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
  const ok = bytes <= budget.maxBytes;
  if (!ok) failed = true;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${budget.name}: ${bytes} B gzip (budget ${budget.maxBytes} B)`);
}
if (failed) {
  console.error('size budget exceeded: see size-budgets.json');
  process.exit(1);
}
