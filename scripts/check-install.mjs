// Follows the README's install instructions as a new user would: packs the package (`npm pack`,
// whose `prepare` builds dist/ when it is stale), makes an empty project with `npm init -y`,
// runs the README's own `npm install <tarball>` line there with the tarball's real path, and
// then runs the README's first TypeScript example in that project, with `import ... from
// 'acuspine'` resolved from its node_modules. Also loads every entry point with `require` and
// `import`. No registry is needed: the package has no dependencies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The body of the first block fenced as `lang` after the heading `heading`. */
function blockAfter(heading, lang) {
  const at = readme.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`README.md has no heading "${heading}"`);
  const open = readme.indexOf(`\n\`\`\`${lang}\n`, at);
  if (open < 0) throw new Error(`README.md has no \`\`\`${lang} block after "${heading}"`);
  const start = open + lang.length + 5;
  return readme.slice(start, readme.indexOf('\n```', start));
}

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const install = blockAfter('## Install', 'sh');
const lines = install.split('\n').map((line) => line.replace(/#.*$/, '').trim());
if (!lines.some((line) => /^npm pack\b/.test(line) || /&& npm pack\b/.test(line))) {
  throw new Error(`README.md's install block does not run \`npm pack\`:\n${install}`);
}
const installLine = lines.find((line) => /^npm install \S+\.tgz$/.test(line));
if (installLine === undefined) {
  throw new Error(`README.md's install block has no \`npm install <path>.tgz\` line:\n${install}`);
}
const example = blockAfter('## For clinic and EHR apps', 'ts');

const work = mkdtempSync(join(tmpdir(), 'acuspine-install-'));
let failed = false;
try {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  const named = installLine.split('/').pop();
  if (named !== packed.filename) {
    throw new Error(`README.md installs ${named}, but npm pack writes ${packed.filename}: update the README`);
  }
  const project = join(work, 'my-app');
  mkdirSync(project);
  run('npm', ['init', '-y'], project);
  // The README's line, with the tarball's real path; no audit or funding requests, so no network.
  const args = installLine
    .replace(/\S+\.tgz$/, join(work, packed.filename))
    .split(' ')
    .slice(1);
  run('npm', [...args, '--no-audit', '--no-fund'], project);
  const installed = JSON.parse(readFileSync(join(project, 'node_modules/acuspine/package.json'), 'utf8'));
  const dependency = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).dependencies?.acuspine;
  console.log(
    `ok   the README's \`${installLine}\`, with the tarball's real path, in an empty project: acuspine ${installed.version}, recorded as ${dependency}`,
  );

  writeFileSync(
    join(project, 'load.mjs'),
    [
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      "for (const entry of ['acuspine', 'acuspine/fhir', 'acuspine/cds-hooks', 'acuspine/cds-hooks/server', 'acuspine/sql', 'acuspine/outcomes', 'acuspine/locales/ru']) {",
      '  const imported = Object.keys(await import(entry)).length;',
      '  const required = Object.keys(require(entry)).length;',
      "  if (imported === 0 || imported !== required) throw new Error(entry + ': ' + imported + ' exports by import, ' + required + ' by require');",
      '}',
      "console.log('every entry point loads with import and require');",
      '',
    ].join('\n'),
  );
  console.log(`ok   ${run(process.execPath, ['load.mjs'], project).trim()}`);

  // The package's bin, as docs/sql.md runs it; --no: npx must find it installed, never fetch it.
  const command = ['acuspine', 'sql', '--dialect', 'duckdb', '--from', 'patients'];
  const printed = run('npx', ['--no', ...command], project);
  writeFileSync(
    join(project, 'query.mjs'),
    [
      "import { screeningSql } from 'acuspine/sql';",
      "const query = screeningSql({ dialect: 'duckdb', from: 'patients' });",
      "process.stdout.write(query.value.sql + '\\n');",
      '',
    ].join('\n'),
  );
  if (printed !== run(process.execPath, ['query.mjs'], project)) {
    throw new Error(`\`npx ${command.join(' ')}\` does not print the query of screeningSql:\n${printed}`);
  }
  console.log(`ok   \`npx ${command.join(' ')}\` prints the query of screeningSql`);

  writeFileSync(join(project, 'example.ts'), `${example}\nexport {};\n`);
  run(join(root, 'node_modules/.bin/tsx'), ['example.ts'], project);
  console.log("ok   the README's first example runs in the project");
} catch (error) {
  failed = true;
  console.error(`FAIL ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) {
  console.error("check-install: the README's install instructions do not work from a packed tarball");
  process.exit(1);
}
