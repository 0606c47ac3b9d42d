import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { syntheticOutcomeRows } from '../../examples/data/synthetic-outcomes.js';
import {
  byRegion,
  classifyResponse,
  mergeOutcomeSummaries,
  type OutcomeSummary,
  parseCourseOutcomeRecord,
  type ResponderDefinition,
  readOutcomeRecords,
  responderDefinitions,
  type SummarizeOutcomesOptions,
  scoreChange,
  scoreQuestionnaire,
  summarizeOutcomes,
} from '../../src/outcomes/index.js';

/** Rows as a registry holds them: synthetic records, some damaged, a few that are no records at all. */
const rows = fc
  .tuple(fc.integer({ min: 0, max: 24 }), fc.integer(), fc.array(fc.nat({ max: 23 }), { maxLength: 4 }))
  .map(([count, seed, damaged]) => {
    const made: unknown[] = [...syntheticOutcomeRows(count, seed)];
    for (const index of damaged) {
      if (index < made.length)
        made[index] = index % 2 === 0 ? { ...(made[index] as object), region: 'elsewhere' } : null;
    }
    return made;
  });

const options = fc.record({
  missingFollowUp: fc.constantFrom(undefined, 'unknown', 'non-responder'),
  sessionPain: fc.constantFrom(undefined, 'after', 'before'),
  grouped: fc.boolean(),
});

const summaryOptions = (chosen: {
  missingFollowUp: 'unknown' | 'non-responder' | undefined;
  sessionPain: 'after' | 'before' | undefined;
  grouped: boolean;
}): SummarizeOutcomesOptions => ({
  missingFollowUp: chosen.missingFollowUp,
  sessionPain: chosen.sessionPain,
  ...(chosen.grouped ? { groupBy: byRegion } : {}),
});

/** Cut points that split a list into parts, empty parts allowed. */
function split<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((cut) => cut % (items.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let start = 0;
  for (const point of [...points, items.length]) {
    parts.push(items.slice(start, point));
    start = point;
  }
  return parts;
}

// Each run summarizes a few small cohorts; slower machines need more than the default 5 s for 100 runs.
describe('outcome summaries', { timeout: 60_000 }, () => {
  test.prop([rows, options, fc.array(fc.nat(), { maxLength: 5 }), fc.boolean()])(
    'the merge of any split equals the summary of the whole, in any order, through JSON',
    (all, chosen, cuts, reverse) => {
      const settings = summaryOptions(chosen);
      const whole = summarizeOutcomes(readOutcomeRecords(all), settings);
      const parts = split(all, cuts).map(
        (part) => JSON.parse(JSON.stringify(summarizeOutcomes(readOutcomeRecords(part), settings))) as OutcomeSummary,
      );
      if (reverse) parts.reverse();
      expect(mergeOutcomeSummaries(...parts)).toEqual(whole);
    },
  );

  test.prop([rows, options])('the order of the records does not change the summary', (all, chosen) => {
    const settings = summaryOptions(chosen);
    expect(summarizeOutcomes(readOutcomeRecords([...all].reverse()), settings)).toEqual(
      summarizeOutcomes(readOutcomeRecords(all), settings),
    );
  });

  test.prop([rows, options])('no missing follow-up ever counts as a response', (all, chosen) => {
    const withoutFollowUp = all.map((row) => {
      if (typeof row !== 'object' || row === null) return row;
      const { followUp: _, ...rest } = row as Record<string, unknown>;
      return rest;
    });
    const summary = summarizeOutcomes(readOutcomeRecords(withoutFollowUp), summaryOptions(chosen));
    for (const counts of Object.values(summary.responders)) {
      expect(counts.responder).toBe(0);
      expect(counts.proportion.count).toBe(0);
    }
    for (const change of Object.values(summary.change)) expect(change.n).toBe(0);
  });

  test.prop([rows, fc.constantFrom<'unknown' | 'non-responder' | undefined>(undefined, 'unknown', 'non-responder')])(
    'every count of responders is what classifyResponse says of each record',
    (all, missingFollowUp) => {
      const summary = summarizeOutcomes(readOutcomeRecords(all), { missingFollowUp });
      for (const [id, counts] of Object.entries(summary.responders)) {
        const definition = responderDefinitions[id] as ResponderDefinition;
        const tally = { responder: 0, 'non-responder': 0, unknown: 0 };
        for (const row of all) {
          const read = parseCourseOutcomeRecord(row);
          if (!read.ok) continue;
          const instrument = definition.instruments.find(
            (found) => read.value.baseline?.scores[found] ?? read.value.followUp?.scores[found],
          );
          if (instrument === undefined) continue;
          const result = classifyResponse(
            definition,
            read.value.baseline?.scores[instrument],
            read.value.followUp?.scores[instrument],
            missingFollowUp === undefined ? {} : { missingFollowUp },
          );
          if (!result.ok) throw new Error('classification failed');
          tally[result.value.status]++;
        }
        expect([counts.responder, counts.nonResponder, counts.unknown]).toEqual([
          tally.responder,
          tally['non-responder'],
          tally.unknown,
        ]);
      }
    },
  );

  test.prop([rows, options])('every figure is a finite number or null: nothing divides by zero', (all, chosen) => {
    const notFinite: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'number' && !Number.isFinite(value)) notFinite.push(`${path}: ${value}`);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
      }
    };
    walk(summarizeOutcomes(readOutcomeRecords(all), summaryOptions(chosen)), 'summary');
    expect(notFinite).toEqual([]);
  });
});

describe('change between two scores', () => {
  const odiAnswers = fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), {
    minLength: 10,
    maxLength: 10,
  });
  const odi = (values: readonly (number | null)[]) =>
    scoreQuestionnaire(
      'odi',
      Object.fromEntries(
        [
          'painIntensity',
          'personalCare',
          'lifting',
          'walking',
          'sitting',
          'standing',
          'sleeping',
          'sexLife',
          'socialLife',
          'travelling',
        ].map((item, i) => [`odi.${item}`, values[i]]),
      ),
    );

  test.prop([fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })])(
    'pain NRS: no percentage from a baseline of 0, a finite one otherwise',
    (before, after) => {
      const baseline = scoreQuestionnaire('pain-nrs', { 'nrs.pain': before });
      const followUp = scoreQuestionnaire('pain-nrs', { 'nrs.pain': after });
      if (!baseline.ok || !followUp.ok) throw new Error('scores');
      const change = scoreChange(baseline.value, followUp.value);
      if (!change.ok) throw new Error('change');
      if (before === 0) expect(change.value.improvementPercent).toBeNull();
      else expect(change.value.improvementPercent).toBe(((before - after) * 100) / before);
    },
  );

  test.prop([odiAnswers, odiAnswers])('ODI: the same, and a missing follow-up is never a response', (before, after) => {
    const baseline = odi(before);
    const followUp = odi(after);
    const ostelo = responderDefinitions['ostelo-2008-odi'] as ResponderDefinition;
    if (baseline.ok) {
      const lost = classifyResponse(ostelo, baseline.value, undefined);
      expect(lost.ok && lost.value.status).toBe('unknown');
      const conservative = classifyResponse(ostelo, baseline.value, undefined, { missingFollowUp: 'non-responder' });
      expect(conservative.ok && conservative.value.status).toBe('non-responder');
    }
    if (!baseline.ok || !followUp.ok) return;
    const change = scoreChange(baseline.value, followUp.value);
    if (!change.ok) throw new Error('change');
    const percent = change.value.improvementPercent;
    expect(baseline.value.value === 0 ? percent === null : Number.isFinite(percent)).toBe(true);
  });
});
