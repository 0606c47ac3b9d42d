#!/usr/bin/env node
// The `acuspine` command of the package (its `bin`, built to dist/cli.js): the process's
// arguments, streams and files handed to cli/run.ts, which holds every decision and is tested in
// process. This file is run only as a program, by test/cli/bin.test.ts.
import { readFileSync } from 'node:fs';
import { run } from './run.js';

// A reader that stops early (`| head`) closes the pipe: the rest of the query is not wanted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readText: (path) => readFileSync(path, 'utf8'),
  // package.json is one folder up, from dist/cli.js as from cli/acuspine.ts.
  version: () => JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
});
