// What summarizeOutcomes and mergeOutcomeSummaries share: exact counts in, frozen statistics out.
// Every figure of a summary is computed here from counts alone, the mean change included (from
// the distribution of exact improvements, added in ascending order), so equal counts give
// deep-equal summaries whatever the order the records came in: that is what makes the merge of
// a split equal to the summary of the whole.
import { define, proportion } from '../cohort/statistics.js';
import { type SensationKind, sensationKinds } from './course-outcome-record.js';
import { type InstrumentId, instruments } from './instruments.js';
import type {
  ChangeStatistics,
  OutcomeStatistics,
  PainCounts,
  ResponderCounts,
  SensationCounts,
  SessionPain,
} from './outcome-summary.js';
import { tQuantile975 } from './student-t.js';

/** The responder count fields, in the order of {@link OutcomeCounts.responders}' arrays. */
export const RESPONDER_FIELDS = [
  'responder',
  'nonResponder',
  'unknown',
  'notAssessed',
  'missingFollowUp',
  'missingBaseline',
  'baselineZero',
] as const;

export const SESSION_FIELDS = ['planned', 'recorded', 'tookPlace', 'missed', 'unrecorded'] as const;
export const SENSATION_FIELDS = [
  'sessions',
  'general',
  'local',
  'extentUnrecorded',
  'persisted',
  'notPersisted',
  'persistenceUnrecorded',
] as const;
export const EVENT_FIELDS = [
  'events',
  'mild',
  'moderate',
  'severe',
  'severityUnrecorded',
  'sessionsRecorded',
  'sessionsUnrecorded',
  'sessionsWithEvents',
  'recordsWithEvents',
] as const;

/** One instrument's change: exact improvement -> records, and the records missing a score. */
export interface ChangeTally {
  readonly values: Map<number, number>;
  missingFollowUp: number;
  missingBaseline: number;
}

/** Exact counts of a cohort or group. */
export interface OutcomeCounts {
  total: number;
  invalid: number;
  /** Definition id -> counts in RESPONDER_FIELDS order. */
  readonly responders: Map<string, number[]>;
  readonly change: Map<InstrumentId, ChangeTally>;
  /** Session number -> records first responding there. */
  readonly firstBySession: Map<number, number>;
  /** [notReached, unknown]. */
  readonly firstOther: number[];
  /** In SESSION_FIELDS order. */
  readonly sessions: number[];
  /** Session number -> 22 counts: pain 0-10 before, then pain 0-10 after. */
  readonly pain: Map<number, number[]>;
  /** [recorded, unrecorded]. */
  readonly sensationRecording: number[];
  /** Kind -> counts in SENSATION_FIELDS order. */
  readonly sensations: Map<SensationKind, number[]>;
  /** In EVENT_FIELDS order. */
  readonly events: number[];
}

export const instrumentIds = (): readonly InstrumentId[] => Object.keys(instruments) as InstrumentId[];

export function emptyOutcomeCounts(definitions: readonly string[]): OutcomeCounts {
  return {
    total: 0,
    invalid: 0,
    responders: new Map(definitions.map((id) => [id, RESPONDER_FIELDS.map(() => 0)])),
    change: new Map(instrumentIds().map((id) => [id, { values: new Map(), missingFollowUp: 0, missingBaseline: 0 }])),
    firstBySession: new Map(),
    firstOther: [0, 0],
    sessions: SESSION_FIELDS.map(() => 0),
    pain: new Map(),
    sensationRecording: [0, 0],
    sensations: new Map(sensationKinds.map((kind) => [kind, SENSATION_FIELDS.map(() => 0)])),
    events: EVENT_FIELDS.map(() => 0),
  };
}

/** The frozen statistics of the counts. */
export function outcomeStatisticsOf(counts: OutcomeCounts, firstResponse: string): OutcomeStatistics {
  const responders: Record<string, ResponderCounts> = {};
  for (const [id, tally] of counts.responders) {
    const fields: Record<string, number> = {};
    RESPONDER_FIELDS.forEach((field, i) => {
      fields[field] = tally[i] as number;
    });
    const responder = tally[0] as number;
    define(
      responders,
      id,
      Object.freeze({
        definition: id,
        ...(fields as Omit<ResponderCounts, 'definition' | 'proportion'>),
        proportion: proportion(responder, responder + (tally[1] as number)),
      }),
    );
  }
  const change: Record<string, ChangeStatistics> = {};
  for (const [instrument, tally] of counts.change) change[instrument] = changeStatistics(instrument, tally);
  const painBySession = [...counts.pain.keys()]
    .sort((a, b) => a - b)
    .map((session): SessionPain => {
      const cells = counts.pain.get(session) as number[];
      return Object.freeze({ session, before: painCounts(cells.slice(0, 11)), after: painCounts(cells.slice(11)) });
    });
  const byKind: Record<string, SensationCounts> = {};
  for (const [kind, tally] of counts.sensations) byKind[kind] = Object.freeze(fieldsOf(SENSATION_FIELDS, tally));
  return Object.freeze({
    total: counts.total,
    invalid: counts.invalid,
    responders: Object.freeze(responders),
    change: Object.freeze(change) as OutcomeStatistics['change'],
    firstResponse: Object.freeze({
      definition: firstResponse,
      bySession: Object.freeze(
        [...counts.firstBySession.keys()]
          .sort((a, b) => a - b)
          .map((session) => Object.freeze({ session, count: counts.firstBySession.get(session) as number })),
      ),
      notReached: counts.firstOther[0] as number,
      unknown: counts.firstOther[1] as number,
    }),
    sessions: Object.freeze(fieldsOf(SESSION_FIELDS, counts.sessions)),
    painBySession: Object.freeze(painBySession),
    sensations: Object.freeze({
      recorded: counts.sensationRecording[0] as number,
      unrecorded: counts.sensationRecording[1] as number,
      byKind: Object.freeze(byKind) as OutcomeStatistics['sensations']['byKind'],
    }),
    adverseEvents: Object.freeze(fieldsOf(EVENT_FIELDS, counts.events)),
  });
}

function fieldsOf<Field extends string>(fields: readonly Field[], values: readonly number[]): Record<Field, number> {
  const result = {} as Record<Field, number>;
  fields.forEach((field, i) => {
    result[field] = values[i] as number;
  });
  return result;
}

function painCounts(counts: readonly number[]): PainCounts {
  let n = 0;
  let sum = 0;
  counts.forEach((count, pain) => {
    n += count;
    sum += count * pain;
  });
  return Object.freeze({ n, mean: n === 0 ? null : sum / n, counts: Object.freeze([...counts]) });
}

function changeStatistics(instrument: InstrumentId, tally: ChangeTally): ChangeStatistics {
  const values = [...tally.values.keys()].sort((a, b) => a - b);
  const distribution = values.map((improvement) =>
    Object.freeze({ improvement, count: tally.values.get(improvement) as number }),
  );
  let n = 0;
  let sum = 0;
  for (const { improvement, count } of distribution) {
    n += count;
    sum += improvement * count;
  }
  const mean = n === 0 ? null : sum / n;
  let squares = 0;
  for (const { improvement, count } of distribution) squares += count * (improvement - (mean as number)) ** 2;
  const sd = n < 2 ? null : Math.sqrt(squares / (n - 1));
  return Object.freeze({
    instrument,
    n,
    missingFollowUp: tally.missingFollowUp,
    missingBaseline: tally.missingBaseline,
    mean,
    sd,
    ci95: sd === null ? null : meanInterval(mean as number, sd, n),
    median: n === 0 ? null : median(distribution, n),
    distribution: Object.freeze(distribution),
  });
}

/** The 95% confidence interval of a mean, by Student's t with n - 1 degrees of freedom. */
function meanInterval(mean: number, sd: number, n: number): { readonly low: number; readonly high: number } {
  const margin = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return Object.freeze({ low: mean - margin, high: mean + margin });
}

/** The middle value of a sorted distribution (the mean of the two middle ones when `n` is even). */
function median(distribution: readonly { improvement: number; count: number }[], n: number): number {
  return (valueAtRank(distribution, Math.floor((n - 1) / 2)) + valueAtRank(distribution, Math.floor(n / 2))) / 2;
}

/** The value at a rank (from 0) of a sorted distribution; the rank is below the sum of the counts. */
function valueAtRank(distribution: readonly { improvement: number; count: number }[], rank: number): number {
  let index = 0;
  let seen = (distribution[0] as { count: number }).count;
  while (seen <= rank) {
    index++;
    seen += (distribution[index] as { count: number }).count;
  }
  return (distribution[index] as { improvement: number }).improvement;
}
