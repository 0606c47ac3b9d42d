// The built program dist/cli.js, the package's `acuspine` bin, run as a user runs it (build it
// first: `npm run build`; `npm test` does). test/cli/run.test.ts tries every option in process;
// here, what only the program does: the arguments, streams, files and version of a real process,
// the #! line, a reader that closes the pipe early, and the commands of docs/sql.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usage } from '../../cli/run.js';
import { cautionRuleSet, defineRuleSet, protocolRuleSet, redFlagRuleSet } from '../../src/index.js';
import { cohortSummarySql, screeningSql } from '../../src/sql/index.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'acuspine-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `node dist/cli.js ...args` in a scratch folder. */
function acuspine(...args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8' });
  return { status, stdout, stderr };
}

/** Runs a shell command line with `node` on the PATH, as a user's shell has it. */
function shell(line: string) {
  const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}` };
  const { status, stdout, stderr } = spawnSync('bash', ['-o', 'pipefail', '-c', line], {
    cwd: work,
    env,
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/cli.js is missing: run `npm run build` first');
});

describe('the acuspine program', () => {
  it('prints the summary of the three shipped sets for PostgreSQL, as cohortSummarySql writes it', () => {
    const ruleSet = defineRuleSet({
      id: 'acuspine-protocol+acuspine-cautions+acuspine-red-flags',
      version: '1.0.0+1.0.0+1.0.0',
      rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules, ...redFlagRuleSet.rules],
    });
    const query = cohortSummarySql({ dialect: 'postgres', from: 'patients', ruleSet });
    if (!query.ok) throw new Error('expected a query');
    const args = ['--dialect', 'postgres', '--from', 'patients', '--rule-set', 'protocol,cautions,red-flags'];
    expect(acuspine('sql', ...args, '--summary')).toEqual({ status: 0, stdout: `${query.value.sql}\n`, stderr: '' });
  });

  it('reads the facts mapping from a file', () => {
    const facts = { pregnant: { column: 'pregnancy_code', as: 'codes', yes: ['Y'], no: ['N'] } } as const;
    writeFileSync(join(work, 'facts.json'), JSON.stringify(facts));
    const query = screeningSql({ dialect: 'duckdb', from: 'patients', facts, keep: ['id'] });
    if (!query.ok) throw new Error('expected a query');
    expect(
      acuspine('sql', '--dialect', 'duckdb', '--from', 'patients', '--facts', 'facts.json', '--keep', 'id'),
    ).toEqual({ status: 0, stdout: `${query.value.sql}\n`, stderr: '' });
    const missing = acuspine('sql', '--dialect', 'duckdb', '--from', 'patients', '--facts', 'nowhere.json');
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^acuspine: --facts: nowhere\.json: ENOENT: no such file or directory/);
  });

  it('refuses with exit status 2, each problem on standard error with its path, nothing on standard output', () => {
    const refused = acuspine('sql', '--dialect', 'mysql', '--from', 'patients', '--rule-set', 'flags');
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.split('\n')).toEqual([
      'acuspine: --dialect: "mysql" is not a dialect: duckdb, postgres, sqlite, spark, bigquery, trino, tsql',
      'acuspine: --rule-set: no rule set is named "flags": the names are protocol, cautions, red-flags',
      '',
    ]);
    const unknown = acuspine('sql', '--dialect', 'duckdb', '--table', 'patients');
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^acuspine: --table: Unknown option '--table'/);
  });

  it('prints its usage and the version of the package it is in', () => {
    expect(acuspine('--help')).toEqual({ status: 0, stdout: usage, stderr: '' });
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(acuspine('--version')).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('runs as a program of its own, by its #! line', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(shell(`"${bin}" --version`).status).toBe(0);
  });

  it('stops quietly when the reader closes the pipe before the query is written', () => {
    // `true` reads nothing and exits: the write finds the pipe closed (EPIPE).
    const closed = shell(`"${process.execPath}" "${bin}" sql --dialect tsql --conformance | true`);
    expect(closed).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});

describe('the commands of docs/sql.md', () => {
  const guide = readFileSync(join(root, 'docs/sql.md'), 'utf8');
  const section = guide.slice(guide.indexOf('\n## From the command line\n'));
  /** The first block fenced as `lang` in the section, indented or not. */
  const block = (lang: string) => {
    const lines = section.split('\n');
    const open = lines.findIndex((line) => line.trim() === `\`\`\`${lang}`);
    const close = lines.findIndex((line, index) => index > open && line.trim() === '```');
    return lines.slice(open + 1, close).join('\n');
  };
  const commands = block('sh')
    .split('\n')
    .filter((line) => line.startsWith('npx acuspine '));

  it('finds the commands in the section "From the command line"', () => {
    expect(commands.length).toBeGreaterThan(2);
  });

  it.each(commands.map((line) => [line]))('%s', (line) => {
    writeFileSync(join(work, 'mapping.json'), block('json'));
    const ran = shell(line.replace(/^npx acuspine /, `"${process.execPath}" "${bin}" `));
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
  });
});
