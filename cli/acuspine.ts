#!/usr/bin/env node
// The `acuspine` command of the package (its `bin`, built to dist/cli.js): the process's
// arguments, streams, files and signals handed to cli/run.ts (acuspine sql) or cli/serve.ts
// (acuspine serve), which hold every decision and are tested in process. This file is run only as
// a program, by test/cli/bin.test.ts and test/cli/serve-bin.test.ts.
import { appendFileSync, readFileSync } from 'node:fs';
import { run } from './run.js';
import { serve } from './serve.js';

// A reader that stops early (`| head`) closes the pipe: the rest of the query is not wanted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const args = process.argv.slice(2);
if (args[0] === 'serve') {
  serve(args.slice(1), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readText: (path) => readFileSync(path, 'utf8'),
    appendText: (path, text) => appendFileSync(path, text),
    // Once each: a second Ctrl+C while the server drains stops the process at once.
    onStop: (stop) => {
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    now: Date.now,
  }).then((status) => {
    process.exitCode = status;
  });
} else {
  process.exitCode = run(args, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readText: (path) => readFileSync(path, 'utf8'),
    // package.json is one folder up, from dist/cli.js as from cli/acuspine.ts.
    version: () => JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
  });
}
