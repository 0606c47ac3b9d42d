// The types of an outcome summary: what summarizeOutcomes counts and mergeOutcomeSummaries adds up.
import type { Proportion } from '../cohort/cohort-summary.js';
import type { WilsonInterval } from '../cohort/wilson-interval.js';
import type { SensationKind } from './course-outcome-record.js';
import type { InstrumentId } from './instruments.js';

/**
 * How the records were analysed: the same settings give summaries that merge.
 *
 * @example
 * const analysis: OutcomeAnalysis = {
 *   definitions: ['immpact-2008-30'], missingFollowUp: 'per-definition', firstResponse: 'immpact-2008-30', sessionPain: 'after',
 * };
 */
export interface OutcomeAnalysis {
  /** The ids of the responder definitions applied, in order. */
  readonly definitions: readonly string[];
  /**
   * What a missing follow-up was: `'per-definition'` (each definition's own, `'unknown'` for every
   * shipped one), or the analysis chosen for all (`'unknown'`, `'non-responder'`).
   */
  readonly missingFollowUp: 'per-definition' | 'unknown' | 'non-responder';
  /** The id of the definition (of the pain NRS) by which the session of first response was found. */
  readonly firstResponse: string;
  /** Which pain of each session was compared with the baseline: after the needles (default) or before them. */
  readonly sessionPain: 'after' | 'before';
}

/** How the records fell by one responder definition. */
export interface ResponderCounts {
  /** The definition's id. */
  readonly definition: string;
  /** Records that responded. */
  readonly responder: number;
  /** Records that did not (including missing follow-ups, in the analysis that counts them so). */
  readonly nonResponder: number;
  /** Records whose response is not known (no follow-up, no baseline, a percentage of a baseline of 0). */
  readonly unknown: number;
  /** Records with no score of the definition's instruments at all: not part of this analysis. */
  readonly notAssessed: number;
  /** Of the records above, those with a baseline and no follow-up score. */
  readonly missingFollowUp: number;
  /** Those with a follow-up and no baseline score. */
  readonly missingBaseline: number;
  /** Those whose percentage threshold met a baseline of 0 and no other threshold was met. */
  readonly baselineZero: number;
  /** Responders among the records whose response is known (`responder + nonResponder`), with its 95% Wilson interval. */
  readonly proportion: Proportion;
}

/** One value of the change of an instrument's score, and how many records had it. */
export interface ChangeCount {
  /** The improvement, `baseline - followUp` on the instrument's scale, unrounded. */
  readonly improvement: number;
  /** The records with this improvement. */
  readonly count: number;
}

/** The change of one instrument's score between baseline and follow-up. */
export interface ChangeStatistics {
  /** The instrument. */
  readonly instrument: InstrumentId;
  /** Records with both scores. */
  readonly n: number;
  /** Records with a baseline score and no follow-up score: left out of the mean, never counted as no change. */
  readonly missingFollowUp: number;
  /** Records with a follow-up score and no baseline score. */
  readonly missingBaseline: number;
  /** The mean improvement (positive is better), or `null` when `n` is 0. */
  readonly mean: number | null;
  /** The sample standard deviation of the improvement, or `null` when `n` is below 2. */
  readonly sd: number | null;
  /** The 95% confidence interval of the mean (Student's t), or `null` when `n` is below 2. */
  readonly ci95: WilsonInterval | null;
  /** The median improvement, or `null` when `n` is 0. */
  readonly median: number | null;
  /** Every improvement seen and its count, in ascending order of improvement: the whole distribution. */
  readonly distribution: readonly ChangeCount[];
}

/** A session number and the records counted at it. */
export interface SessionCount {
  /** The session number. */
  readonly session: number;
  /** The records. */
  readonly count: number;
}

/** At which session each record first reached response, by the pain NRS reported in the sessions. */
export interface FirstResponseCounts {
  /** The definition's id. */
  readonly definition: string;
  /** Per session number, the records that first reached response there, in session order. */
  readonly bySession: readonly SessionCount[];
  /** Records with pain recorded in every session that took place, never reaching response. */
  readonly notReached: number;
  /**
   * Records whose first response is not known: no baseline pain, no session recorded, a session
   * without its pain recorded before the first response (or before the end), a baseline of 0.
   */
  readonly unknown: number;
}

/** The sessions of the records. */
export interface SessionCounts {
  /** Sessions planned, summed over the records. */
  readonly planned: number;
  /** Sessions recorded. */
  readonly recorded: number;
  /** Recorded sessions that took place. */
  readonly tookPlace: number;
  /** Recorded sessions that did not take place. */
  readonly missed: number;
  /** Recorded sessions not known to have taken place or not. */
  readonly unrecorded: number;
}

/** The pain NRS (0-10) reported at one point of the sessions of one number. */
export interface PainCounts {
  /** The sessions with this pain recorded. */
  readonly n: number;
  /** The mean pain, or `null` when `n` is 0. */
  readonly mean: number | null;
  /** How many reported each pain value, 0 to 10 (eleven counts). */
  readonly counts: readonly number[];
}

/** The pain reported before and after the needles in the sessions of one number. */
export interface SessionPain {
  /** The session number. */
  readonly session: number;
  /** Pain before the needles. */
  readonly before: PainCounts;
  /** Pain after the needles came out. */
  readonly after: PainCounts;
}

/** How often one sensation was reported, among the sessions not known to have been missed. */
export interface SensationCounts {
  /** Sessions in which it was reported. */
  readonly sessions: number;
  /** Of them, felt over the body. */
  readonly general: number;
  /** Felt where the needles were. */
  readonly local: number;
  /** Extent not recorded. */
  readonly extentUnrecorded: number;
  /** Persisted after the needles were removed. */
  readonly persisted: number;
  /** Did not persist. */
  readonly notPersisted: number;
  /** Persistence not recorded. */
  readonly persistenceUnrecorded: number;
}

/** The sensations of the sessions not known to have been missed. */
export interface SensationStatistics {
  /** Sessions with their sensations recorded (none, or some). */
  readonly recorded: number;
  /** Sessions whose sensations were not recorded: not known to have had none. */
  readonly unrecorded: number;
  /** Each sensation, in the order the source protocol names them. */
  readonly byKind: Readonly<Record<SensationKind, SensationCounts>>;
}

/** The adverse events of the sessions not known to have been missed. */
export interface AdverseEventCounts {
  /** Adverse events recorded. */
  readonly events: number;
  /** Of them, mild. */
  readonly mild: number;
  /** Moderate. */
  readonly moderate: number;
  /** Severe. */
  readonly severe: number;
  /** Severity not recorded. */
  readonly severityUnrecorded: number;
  /** Sessions with their adverse events recorded (none, or some). */
  readonly sessionsRecorded: number;
  /** Sessions whose adverse events were not recorded: not known to have had none. */
  readonly sessionsUnrecorded: number;
  /** Sessions with at least one adverse event. */
  readonly sessionsWithEvents: number;
  /** Records with at least one adverse event. */
  readonly recordsWithEvents: number;
}

/** The statistics of a cohort of course outcome records, or of one group of it. */
export interface OutcomeStatistics {
  /** All records. */
  readonly total: number;
  /** Records that were not valid (counted here, in nothing else). */
  readonly invalid: number;
  /** Per responder definition, in the order of the analysis. */
  readonly responders: Readonly<Record<string, ResponderCounts>>;
  /** Per instrument, in the order of `instruments`. */
  readonly change: Readonly<Record<InstrumentId, ChangeStatistics>>;
  /** The session of first response. */
  readonly firstResponse: FirstResponseCounts;
  /** The sessions. */
  readonly sessions: SessionCounts;
  /** The pain per session number, for each number with any pain recorded, in order: the pain trajectory. */
  readonly painBySession: readonly SessionPain[];
  /** The sensations reported. */
  readonly sensations: SensationStatistics;
  /** The adverse events. */
  readonly adverseEvents: AdverseEventCounts;
}

/**
 * A cohort's outcomes, counted by `summarizeOutcomes` or added up by `mergeOutcomeSummaries`.
 * Frozen. Plain data: it survives JSON, `structuredClone` and `postMessage`, and merges after.
 */
export interface OutcomeSummary extends OutcomeStatistics {
  /** How the records were analysed. */
  readonly analysis: OutcomeAnalysis;
  /** The same statistics per group, in natural order of the keys, when a `groupBy` was given. */
  readonly groups?: Readonly<Record<string, OutcomeStatistics>>;
}
