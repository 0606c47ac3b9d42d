// The gate of `npm run mutation`: reads the JSON reports of its two Stryker runs
// (reports/mutation/core.json and reports/mutation/rest.json, from the core and the rest run of
// stryker.config.mjs), prints the mutation score per folder of src/, and fails when
// src/screening or src/facts has a surviving or uncovered mutant, when the overall score is
// below 90, or when one `// Stryker disable` comment marks suspiciously many mutants. Ignored
// mutants are shown in two columns: static (left out by ignoreStatic) and marked (equivalent, by a
// comment in src/; `grep -rn "Stryker disable" src` lists them). Usage: node scripts/check-mutation.mjs [report.json ...] (a file that appears in
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

const emptyCounts = () => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, static: 0, marked: 0, errors: 0 });

/**
 * The most mutants one `// Stryker disable` comment may mark as equivalent in one file. A comment
 * marks a line or two (the largest today marks 8); a block disable whose restore Stryker does not
 * see marks everything to the end of the file, which once hid 368 mutants of buildCourse.
 */
const MAX_MARKED_PER_COMMENT = 30;
/** Mutants marked equivalent, by file and the reason of their comment. */
const markedByComment = new Map();
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
                ? // Static mutants are left out by ignoreStatic (stryker.config.mjs); the others by a comment in src/.
                  mutant.statusReason?.startsWith('Static mutant')
                  ? 'static'
                  : 'marked'
                : 'errors';
    counts[key]++;
    total[key]++;
    if (key === 'marked') {
      const comment = `${path}: ${mutant.statusReason ?? '(no reason)'}`;
      markedByComment.set(comment, (markedByComment.get(comment) ?? 0) + 1);
    }
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
  `${pad('folder', 18)}${num('score %', 9)}${num('killed')}${num('timeout')}${num('survived')}${num('no cov')}${num('static')}${num('marked')}`,
);
for (const [folder, c] of folders) {
  const strict = STRICT_FOLDERS.includes(folder) ? ' (must be 100)' : '';
  console.log(
    `${pad(folder, 18)}${num(score(c).toFixed(2), 9)}${num(c.killed)}${num(c.timeout)}${num(c.survived)}${num(c.noCoverage)}${num(c.static)}${num(c.marked)}${strict}`,
  );
}
const overall = score(total);
console.log(
  `${pad('all', 18)}${num(overall.toFixed(2), 9)}${num(total.killed)}${num(total.timeout)}${num(total.survived)}${num(total.noCoverage)}${num(total.static)}${num(total.marked)}`,
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
const overMarked = [...markedByComment].filter(([, count]) => count > MAX_MARKED_PER_COMMENT);
if (overMarked.length > 0) {
  console.error(
    `check-mutation: a Stryker disable comment marks more than ${MAX_MARKED_PER_COMMENT} mutants (a block disable that is never restored?):`,
  );
  for (const [comment, count] of overMarked) console.error(`  ${count} in ${comment.slice(0, 160)}`);
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
