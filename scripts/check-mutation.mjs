// The gate of `npm run mutation`: reads the JSON reports of its two Stryker runs
// (reports/mutation/core.json from stryker.core.config.mjs, reports/mutation/rest.json from
// stryker.config.mjs), prints the mutation score per folder of src/, and fails when
// src/screening or src/facts has a surviving or uncovered mutant, or when the overall score is
// below 90. Usage: node scripts/check-mutation.mjs [report.json ...] (a file that appears in
// several reports is taken from the last).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Folders where every mutant must be killed: a survivor there is a rule whose change no test notices. */
const STRICT_FOLDERS = ['src/screening', 'src/facts'];
/** The overall score below which the run fails (Stryker's own `break` threshold is the same). */
const BREAK_OVERALL = 90;

const root = resolve(import.meta.dirname, '..');
const reportPaths =
  process.argv.length > 2 ? process.argv.slice(2) : ['reports/mutation/core.json', 'reports/mutation/rest.json'];

/** @type {Map<string, { mutants: { status: string, mutatorName: string, replacement?: string, location: { start: { line: number, column: number } }, statusReason?: string }[] }>} */
const files = new Map();
for (const reportPath of reportPaths) {
  let report;
  try {
    report = JSON.parse(readFileSync(resolve(root, reportPath), 'utf8'));
  } catch (error) {
    console.error(`check-mutation: cannot read ${reportPath}: ${error.message}. Run Stryker first (npm run mutation).`);
    process.exit(2);
  }
  for (const [path, file] of Object.entries(report.files)) files.set(path.replaceAll('\\', '/'), file);
}

const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const emptyCounts = () => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 });
const folders = new Map();
const total = emptyCounts();
const undetectedInStrictFolders = [];

for (const [path, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const folder = path.split('/').slice(0, 2).join('/');
  if (!folders.has(folder)) folders.set(folder, emptyCounts());
  const counts = folders.get(folder);
  for (const mutant of file.mutants) {
    const key =
      mutant.status === 'Killed'
        ? 'killed'
        : mutant.status === 'Timeout'
          ? 'timeout'
          : mutant.status === 'Survived'
            ? 'survived'
            : mutant.status === 'NoCoverage'
              ? 'noCoverage'
              : mutant.status === 'Ignored'
                ? 'ignored'
                : 'errors';
    counts[key]++;
    total[key]++;
    if (UNDETECTED.has(mutant.status) && STRICT_FOLDERS.includes(folder)) {
      const { line, column } = mutant.location.start;
      undetectedInStrictFolders.push(
        `  ${mutant.status} ${mutant.mutatorName} at ${path}:${line}:${column}` +
          (mutant.replacement === undefined ? '' : ` -> ${JSON.stringify(mutant.replacement).slice(0, 100)}`),
      );
    }
  }
}

/** Stryker's mutation score: detected (killed or timed out) over valid mutants; ignored and erroring ones do not count. */
const score = (c) => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid === 0 ? 100 : (100 * (c.killed + c.timeout)) / valid;
};

const pad = (text, width) => String(text).padEnd(width);
const num = (n, width = 9) => String(n).padStart(width);
console.log(
  `${pad('folder', 18)}${num('score %', 9)}${num('killed')}${num('timeout')}${num('survived')}${num('no cov')}${num('ignored')}`,
);
for (const [folder, c] of folders) {
  const strict = STRICT_FOLDERS.includes(folder) ? ' (must be 100)' : '';
  console.log(
    `${pad(folder, 18)}${num(score(c).toFixed(2), 9)}${num(c.killed)}${num(c.timeout)}${num(c.survived)}${num(c.noCoverage)}${num(c.ignored)}${strict}`,
  );
}
const overall = score(total);
console.log(
  `${pad('all', 18)}${num(overall.toFixed(2), 9)}${num(total.killed)}${num(total.timeout)}${num(total.survived)}${num(total.noCoverage)}${num(total.ignored)}`,
);

let failed = false;
for (const folder of STRICT_FOLDERS) {
  if (!folders.has(folder)) {
    console.error(`check-mutation: no mutants of ${folder} in the report: was it mutated?`);
    failed = true;
  }
}
if (undetectedInStrictFolders.length > 0) {
  console.error(
    `check-mutation: ${undetectedInStrictFolders.length} mutant(s) not detected in ${STRICT_FOLDERS.join(' or ')}:`,
  );
  console.error(undetectedInStrictFolders.join('\n'));
  failed = true;
}
if (overall < BREAK_OVERALL) {
  console.error(`check-mutation: overall score ${overall.toFixed(2)} is below ${BREAK_OVERALL}`);
  failed = true;
}
if (failed) process.exit(1);
console.log(
  `check-mutation: ok (${STRICT_FOLDERS.join(' and ')} at 100, overall ${overall.toFixed(2)} >= ${BREAK_OVERALL})`,
);
