import { describe, expect, it } from 'vitest';
import { mergeSummaries, screenCohort, summarizeCohort, summaryTable } from '../../src/index.js';
import { unfrozenPaths } from '../fixtures/deep-frozen.js';
import { noProtocolFinding } from '../fixtures/patients.js';

// Every cohort result documented as frozen is frozen all the way down.

const records = [
  { ...noProtocolFinding, ageYears: 1, pregnant: true },
  { ageYears: 40 },
  { ...noProtocolFinding },
  { ageYears: 'forty' },
];
const byAge = { groupBy: (entry: { ok: boolean; index: number }) => (entry.index % 2 === 0 ? 'even' : 'odd') };

describe('cohort results are frozen, deeply', () => {
  it('summarizeCohort, with and without groups', () => {
    expect(unfrozenPaths(summarizeCohort(screenCohort(records)))).toEqual([]);
    expect(unfrozenPaths(summarizeCohort(screenCohort(records), byAge))).toEqual([]);
  });

  it('mergeSummaries, with and without groups, and of summaries that went through JSON', () => {
    const plain = summarizeCohort(screenCohort(records));
    const grouped = summarizeCohort(screenCohort(records), byAge);
    expect(unfrozenPaths(mergeSummaries(plain, JSON.parse(JSON.stringify(plain))))).toEqual([]);
    expect(unfrozenPaths(mergeSummaries(grouped, JSON.parse(JSON.stringify(grouped))))).toEqual([]);
    expect(unfrozenPaths(mergeSummaries())).toEqual([]);
  });

  it('summaryTable', () => {
    expect(unfrozenPaths(summaryTable(summarizeCohort(screenCohort(records), byAge), { digits: 2 }))).toEqual([]);
  });
});
