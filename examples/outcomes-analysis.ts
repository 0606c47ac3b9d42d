// Outcome analysis of a synthetic cohort: course outcome records as NDJSON lines, read and
// summarized by region, with both analyses of a missing follow-up side by side, the mean change
// with its confidence interval, the session of first response, the sessions' sensations and
// adverse events, and the STRICTA items the records add to. It checks its own figures, so it
// doubles as a test (`npm run examples`). The cohort is invented (examples/data/): its numbers
// show how to read the summary, and say nothing about whether acupuncture works.
//
//   npx tsx examples/outcomes-analysis.ts
import assert from 'node:assert/strict';
import { buildCourse, screen } from 'acuspine';
import {
  byRegion,
  classifyResponse,
  explainResponse,
  mergeOutcomeSummaries,
  outcomeSummaryTable,
  readOutcomeRecords,
  responderDefinitions,
  scoreQuestionnaire,
  strictaWithOutcomes,
  summarizeOutcomes,
} from 'acuspine/outcomes';
import { syntheticOutcomeRows } from './data/synthetic-outcomes.js';

const RECORDS = 2_000;
const SEED = 20261201;

// What a clinic's export looks like: one JSON record per line.
const ndjson = [...syntheticOutcomeRows(RECORDS, SEED)].map((row) => JSON.stringify(row)).join('\n');
const lines = ndjson.split('\n').map((line) => JSON.parse(line) as unknown);

// The primary analysis (a missing follow-up is unknown) and the conservative one (counted as
// non-response), one option apart: report both.
const primary = summarizeOutcomes(readOutcomeRecords(lines), { groupBy: byRegion });
const conservative = summarizeOutcomes(readOutcomeRecords(lines), {
  groupBy: byRegion,
  missingFollowUp: 'non-responder',
});

assert.equal(primary.total, RECORDS);
assert.equal(primary.invalid, 0);
const pain = primary.responders['immpact-2008-30'];
const painConservative = conservative.responders['immpact-2008-30'];
assert.ok(pain !== undefined && painConservative !== undefined);
// A missing follow-up is never a response: the responders are the same in both analyses, the
// known grow by the missing follow-ups, and the proportion can only fall.
assert.equal(painConservative.responder, pain.responder);
assert.equal(painConservative.proportion.n, pain.proportion.n + pain.missingFollowUp);
assert.ok((painConservative.proportion.p ?? 0) <= (pain.proportion.p ?? 0));

const percent = (p: number | null) => (p === null ? 'n/a' : `${(p * 100).toFixed(1)}%`);
console.log(`${primary.total} course outcome records (synthetic), ${primary.invalid} invalid\n`);
console.log('Responders by definition: missing follow-up unknown | counted as non-response');
for (const id of primary.analysis.definitions) {
  const a = primary.responders[id];
  const b = conservative.responders[id];
  if (a === undefined || b === undefined || a.proportion.n + a.unknown === 0) continue;
  console.log(
    `  ${id.padEnd(18)} ${String(a.responder).padStart(4)}/${String(a.proportion.n).padEnd(4)} ${percent(a.proportion.p).padStart(6)} (95% CI ${percent(a.proportion.low)}-${percent(a.proportion.high)}), ${a.unknown} unknown, ${a.missingFollowUp} without follow-up | ${b.responder}/${b.proportion.n} ${percent(b.proportion.p)}`,
  );
}

console.log('\nMean change (positive is better), with its 95% confidence interval');
for (const change of Object.values(primary.change)) {
  if (change.n === 0) continue;
  const low = change.ci95?.low.toFixed(2);
  const high = change.ci95?.high.toFixed(2);
  console.log(
    `  ${change.instrument.padEnd(8)} n ${change.n}, mean ${change.mean?.toFixed(2)} (${low} to ${high}), median ${change.median?.toFixed(2)}; ${change.missingFollowUp} without follow-up`,
  );
}

const first = primary.firstResponse;
const reached = first.bySession.reduce((sum, { count }) => sum + count, 0);
console.log(
  `\nFirst response (IMMPACT 30%, pain after the needles against the baseline): ${reached} reached it, by session ${first.bySession
    .map(({ session, count }) => `${session}: ${count}`)
    .join(', ')}; ${first.notReached} not reached, ${first.unknown} unknown`,
);
assert.equal(reached + first.notReached + first.unknown, primary.total - primary.invalid);

const { sessions, adverseEvents } = primary;
console.log(
  `Sessions: ${sessions.planned} planned, ${sessions.recorded} recorded, ${sessions.tookPlace} took place, ${sessions.missed} missed, ${sessions.unrecorded} unrecorded`,
);
console.log(
  `Adverse events: ${adverseEvents.events} in ${adverseEvents.sessionsWithEvents} sessions of ${adverseEvents.recordsWithEvents} records (${adverseEvents.mild} mild, ${adverseEvents.moderate} moderate, ${adverseEvents.severe} severe); ${adverseEvents.sessionsUnrecorded} sessions without a record of them`,
);

// Per region, from the table: the long format a spreadsheet or R reads without reshaping.
const table = outcomeSummaryTable(primary, { digits: 3 });
console.log('\nPain responders by region (IMMPACT 30%):');
for (const row of table.filter(
  (found) => found.measure === 'responders:immpact-2008-30' && found.category === 'responder',
)) {
  console.log(
    `  ${String(row.group ?? 'all').padEnd(12)} ${row.count}/${row.n} = ${row.estimate} (${row.ci_low} to ${row.ci_high})`,
  );
}

// Summaries of parts (files, months, workers) merge into the whole, exactly.
const half = RECORDS / 2;
const merged = mergeOutcomeSummaries(
  summarizeOutcomes(readOutcomeRecords(lines.slice(0, half)), { groupBy: byRegion }),
  summarizeOutcomes(readOutcomeRecords(lines.slice(half)), { groupBy: byRegion }),
);
assert.deepEqual(merged, primary);

// One patient in words, and the STRICTA items the records add to.
const before = scoreQuestionnaire('pain-nrs', { 'nrs.pain': 7 });
const after = scoreQuestionnaire('pain-nrs', { 'nrs.pain': 4 });
const immpact = responderDefinitions['immpact-2008-30'];
assert.ok(before.ok && after.ok && immpact !== undefined);
const response = classifyResponse(immpact, before.value, after.value);
assert.ok(response.ok && response.value.status === 'responder');
console.log(`\n${explainResponse(response.value)}`);

const screening = screen({
  ageYears: 48,
  oncologicalDisease: false,
  pregnant: false,
  coagulationDisorder: false,
  acuteInfection: false,
  acuteMentalIllness: false,
  psychotropicInfluence: false,
});
const course = buildCourse({ region: 'lumbosacral', screening, start: '2026-01-05' });
assert.ok(course.ok);
const report = strictaWithOutcomes(course.value.stricta, primary.groups?.['lumbosacral'] ?? primary);
const item3a = report.items.find((item) => item.id === '3a');
assert.ok(item3a?.recorded !== undefined);
console.log(`STRICTA 3a, recorded (lumbosacral): ${item3a.recorded}`);
