import { describe, expect, it } from 'vitest';
import {
  ageBand,
  type CohortEntry,
  type CohortSummary,
  mergeSummaries,
  protocolRuleSet,
  screenCohort,
  summarizeCohort,
} from '../../src/index.js';
import { seededRandom, syntheticPatient } from '../bench/synthetic-patients.js';

const random = seededRandom(2026);
const records: unknown[] = Array.from({ length: 2000 }, (_, i) =>
  i % 97 === 0 ? { ageYears: 'unknown' } : syntheticPatient(random),
);
const bands = [0, 18, 40, 65, 76];
const options = {
  ruleSet: protocolRuleSet,
  groupBy: (entry: CohortEntry) => (entry.ok ? ageBand(entry.facts.ageYears, bands) : 'invalid'),
};
const summarize = (part: readonly unknown[]) => summarizeCohort(screenCohort(part), options);

describe('mergeSummaries', () => {
  it('merges the summaries of parts into the summary of the whole, groups included', () => {
    const whole = summarize(records);
    const parts = [records.slice(0, 333), records.slice(333, 1500), records.slice(1500)].map(summarize);
    expect(mergeSummaries(...parts)).toEqual(whole);
  });

  it('does not depend on the order of the parts', () => {
    const parts = [records.slice(0, 1000), records.slice(1000)].map(summarize);
    expect(mergeSummaries(parts[1] as CohortSummary, parts[0] as CohortSummary)).toEqual(mergeSummaries(...parts));
  });

  it('merges summaries that went through structuredClone or JSON', () => {
    const parts = [records.slice(0, 700), records.slice(700)].map(summarize);
    const whole = summarize(records);
    expect(mergeSummaries(...parts.map((part) => structuredClone(part)))).toEqual(whole);
    expect(mergeSummaries(...parts.map((part) => JSON.parse(JSON.stringify(part)) as CohortSummary))).toEqual(whole);
  });

  it('recomputes the proportions from the summed counts', () => {
    const merged = mergeSummaries(summarize(records.slice(0, 10)), summarize(records.slice(10, 20)));
    const { eligible } = merged.proportions.byStatus;
    expect(eligible.count).toBe(merged.byStatus.eligible);
    expect(eligible.n).toBe(merged.screened);
  });

  it('gives the summary of an empty cohort for no summaries, and is neutral for it', () => {
    expect(mergeSummaries()).toEqual(summarizeCohort(screenCohort([])));
    const ungrouped = summarizeCohort(screenCohort(records));
    expect(mergeSummaries(mergeSummaries(), ungrouped)).toEqual(ungrouped);
    expect(mergeSummaries(mergeSummaries(), summarize(records))).toEqual(summarize(records));
  });

  it('returns a frozen summary', () => {
    const merged = mergeSummaries(summarize(records.slice(0, 5)));
    expect(Object.isFrozen(merged)).toBe(true);
    expect(Object.isFrozen(merged.groups)).toBe(true);
  });

  it('throws a TypeError when grouped and ungrouped summaries of records are mixed', () => {
    expect(() =>
      mergeSummaries(summarize(records.slice(0, 5)), summarizeCohort(screenCohort(records.slice(5, 9)))),
    ).toThrow(TypeError);
  });

  it('throws a TypeError for something that is not a summary', () => {
    const summary = summarizeCohort(screenCohort(records.slice(0, 5)));
    expect(() => mergeSummaries(null as unknown as CohortSummary)).toThrow(TypeError);
    expect(() => mergeSummaries({ ...summary, total: 1.5 })).toThrow(TypeError);
    expect(() => mergeSummaries({ ...summary, byStatus: { eligible: 1 } as CohortSummary['byStatus'] })).toThrow(
      TypeError,
    );
    expect(() => mergeSummaries({ ...summary, ruleSets: [{ id: 1 }] as unknown as CohortSummary['ruleSets'] })).toThrow(
      TypeError,
    );
  });
});
