// Change between two scores of one instrument, and whether it makes a patient a responder by a
// published definition, in three values: a missing follow-up is unknown, never a non-responder,
// unless the caller asks for the conservative analysis that counts it as one.
import { readProperty } from '../_internal/read-property.js';
import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import type { SourceCitation } from '../screening/rule.js';
import { type InstrumentId, instruments as knownInstruments } from './instruments.js';
import type { QuestionnaireScore } from './score.js';

/**
 * The change from a baseline score to a follow-up score of the same instrument. For every
 * instrument here a lower score is better, so an improvement is a positive change.
 *
 * @example
 * const change: ScoreChange = { instrument: 'pain-nrs', baseline: 8, followUp: 4, improvement: 4, improvementPercent: 50, improvementPoints: 40 };
 */
export interface ScoreChange {
  /** The instrument of both scores. */
  readonly instrument: InstrumentId;
  /** The baseline score, on the instrument's scale. */
  readonly baseline: number;
  /** The follow-up score, on the instrument's scale. */
  readonly followUp: number;
  /** `baseline - followUp`, on the instrument's scale: positive when better. */
  readonly improvement: number;
  /** The improvement as a percentage of the baseline; `null` for a baseline of 0, where there is none. */
  readonly improvementPercent: number | null;
  /** The improvement in percentage points of the instrument's maximum (the 0-100 scale). */
  readonly improvementPoints: number;
}

/**
 * The change between two scores. Issues: `instrument-mismatch` when the scores are of different
 * instruments or versions (a baseline ODI and a follow-up NDI cannot be compared).
 *
 * @example
 * // With scores from scoreQuestionnaire: pain 8 at baseline, 4 after the course.
 * const change = scoreChange(baseline, followUp);
 * change.ok && change.value.improvementPercent; // => 50
 */
export function scoreChange(baseline: QuestionnaireScore, followUp: QuestionnaireScore): Result<ScoreChange> {
  if (baseline.instrument !== followUp.instrument || baseline.version !== followUp.version) {
    return fail([
      issue(
        'instrument-mismatch',
        ['followUp', 'instrument'],
        `the baseline is ${baseline.instrument} ${baseline.version}, the follow-up ${followUp.instrument} ${followUp.version}: they cannot be compared`,
      ),
    ]);
  }
  const improvement = baseline.value - followUp.value;
  return ok(
    Object.freeze({
      instrument: baseline.instrument,
      baseline: baseline.value,
      followUp: followUp.value,
      improvement,
      improvementPercent: percentOfBaseline(improvement, baseline.value),
      improvementPoints: baseline.percent - followUp.percent,
    }),
  );
}

/**
 * A definition of response, as data with its citation: a patient responds when the improvement
 * reaches any one of the thresholds given.
 *
 * @example
 * const definition: ResponderDefinition = {
 *   id: 'clinic-nrs-3', title: 'Pain better by 3 points', instruments: ['pain-nrs'], minImprovement: 3,
 *   missingFollowUp: 'unknown', source: { title: 'Clinic audit protocol 2026' },
 * };
 */
export interface ResponderDefinition {
  /** A stable id, e.g. `'immpact-2008-30'`. */
  readonly id: string;
  /** What it is, in a few words. */
  readonly title: string;
  /** The instruments it applies to. */
  readonly instruments: readonly InstrumentId[];
  /** The least improvement on the instrument's scale that counts (e.g. 2 NRS points). */
  readonly minImprovement?: number;
  /** The least improvement as a percentage of the baseline (e.g. 30). */
  readonly minImprovementPercent?: number;
  /** The least improvement in percentage points of the instrument's maximum (e.g. 19 NDI points of 100). */
  readonly minImprovementPoints?: number;
  /**
   * What a missing follow-up is: `'unknown'` (the default of every shipped definition), or
   * `'non-responder'`, the conservative analysis some trials chose (GERAC counted a patient
   * without an assessment as not responding).
   */
  readonly missingFollowUp: 'unknown' | 'non-responder';
  /** Where it comes from. */
  readonly source: SourceCitation;
}

const IMMPACT: SourceCitation = {
  title:
    'Dworkin RH et al. Interpreting the clinical importance of treatment outcomes in chronic pain clinical trials: IMMPACT recommendations. J Pain 2008;9(2):105-21',
};
const OSTELO: SourceCitation = {
  title:
    'Ostelo RWJG et al. Interpreting change scores for pain and functional status in low back pain: towards international consensus regarding minimal important change. Spine 2008;33(1):90-4',
};

/** The shipped definitions of response, each with its source. Frozen data. */
export const responderDefinitions: Readonly<Record<string, ResponderDefinition>> = /* @__PURE__ */ Object.freeze({
  'immpact-2008-30': Object.freeze({
    id: 'immpact-2008-30',
    title: 'Pain reduced by at least 30% (moderately important)',
    instruments: Object.freeze(['pain-nrs'] as const),
    minImprovementPercent: 30,
    missingFollowUp: 'unknown',
    source: IMMPACT,
  }),
  'immpact-2008-50': Object.freeze({
    id: 'immpact-2008-50',
    title: 'Pain reduced by at least 50% (substantially important)',
    instruments: Object.freeze(['pain-nrs'] as const),
    minImprovementPercent: 50,
    missingFollowUp: 'unknown',
    source: IMMPACT,
  }),
  'ostelo-2008-nrs': Object.freeze({
    id: 'ostelo-2008-nrs',
    title: 'Minimal important change in pain: 2 points or 30%',
    instruments: Object.freeze(['pain-nrs'] as const),
    minImprovement: 2,
    minImprovementPercent: 30,
    missingFollowUp: 'unknown',
    source: OSTELO,
  }),
  'ostelo-2008-odi': Object.freeze({
    id: 'ostelo-2008-odi',
    title: 'Minimal important change in the ODI: 10 points or 30%',
    instruments: Object.freeze(['odi'] as const),
    minImprovement: 10,
    minImprovementPercent: 30,
    missingFollowUp: 'unknown',
    source: OSTELO,
  }),
  'ostelo-2008-rmdq': Object.freeze({
    id: 'ostelo-2008-rmdq',
    title: 'Minimal important change in the RMDQ: 5 points or 30%',
    instruments: Object.freeze(['rmdq'] as const),
    minImprovement: 5,
    minImprovementPercent: 30,
    missingFollowUp: 'unknown',
    source: OSTELO,
  }),
  'ndi-vernon-5': Object.freeze({
    id: 'ndi-vernon-5',
    title: 'NDI better by 5 points of 50',
    instruments: Object.freeze(['ndi'] as const),
    minImprovement: 5,
    missingFollowUp: 'unknown',
    source: Object.freeze({
      title:
        'Vernon H. The Neck Disability Index: state-of-the-art, 1991-2008. J Manipulative Physiol Ther 2008;31(7):491-502',
    }),
  }),
  'ndi-young-2009': Object.freeze({
    id: 'ndi-young-2009',
    title: 'NDI better by 7.5 points of 50',
    instruments: Object.freeze(['ndi'] as const),
    minImprovement: 7.5,
    missingFollowUp: 'unknown',
    source: Object.freeze({
      title:
        'Young BA et al. Responsiveness of the Neck Disability Index in patients with mechanical neck disorders. Spine J 2009;9(10):802-8',
    }),
  }),
  'ndi-cleland-2008': Object.freeze({
    id: 'ndi-cleland-2008',
    title: 'NDI better by 19 percentage points',
    instruments: Object.freeze(['ndi'] as const),
    minImprovementPoints: 19,
    missingFollowUp: 'unknown',
    source: Object.freeze({
      title:
        'Cleland JA, Childs JD, Whitman JM. Psychometric properties of the Neck Disability Index and Numeric Pain Rating Scale in patients with mechanical neck pain. Arch Phys Med Rehabil 2008;89(1):69-74',
    }),
  }),
});

/**
 * A clinic's own definition of response, checked: an id and a title, at least one instrument and
 * one threshold (each a number above 0), and a source.
 *
 * @returns the frozen definition, or issues with the path of each bad field.
 * @example
 * const mine = defineResponder({
 *   id: 'clinic-odi-15', title: 'ODI better by 15 points', instruments: ['odi'], minImprovement: 15,
 *   missingFollowUp: 'unknown', source: { title: 'Clinic audit protocol 2026' },
 * });
 */
export function defineResponder(definition: ResponderDefinition): Result<ResponderDefinition> {
  const issues: Issue[] = [];
  const given: unknown = definition;
  if (typeof given !== 'object' || given === null) {
    return fail([issue('invalid-type', [], 'expected a responder definition object')]);
  }
  for (const key of ['id', 'title'] as const) {
    if (typeof readProperty(given, key) !== 'string' || readProperty(given, key) === '')
      issues.push(issue('invalid-type', [key], `${key} must be a non-empty string`));
  }
  const known = Object.keys(knownInstruments);
  const instruments = readProperty(given, 'instruments');
  if (!Array.isArray(instruments) || instruments.length === 0 || !instruments.every((id) => known.includes(id))) {
    issues.push(issue('invalid-type', ['instruments'], `instruments must list some of ${known.join(', ')}`));
  }
  const thresholds = ['minImprovement', 'minImprovementPercent', 'minImprovementPoints'] as const;
  for (const key of thresholds) {
    const value = readProperty(given, key);
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
      issues.push(issue('invalid-type', [key], `${key} must be a number above 0`));
    }
  }
  if (thresholds.every((key) => readProperty(given, key) === undefined)) {
    issues.push(
      issue('invalid-type', [], 'a definition needs minImprovement, minImprovementPercent or minImprovementPoints'),
    );
  }
  if (
    readProperty(given, 'missingFollowUp') !== 'unknown' &&
    readProperty(given, 'missingFollowUp') !== 'non-responder'
  ) {
    issues.push(issue('invalid-type', ['missingFollowUp'], "missingFollowUp must be 'unknown' or 'non-responder'"));
  }
  const source = readProperty(given, 'source');
  const title = typeof source === 'object' && source !== null ? readProperty(source, 'title') : undefined;
  if (typeof title !== 'string' || title === '') {
    issues.push(issue('invalid-type', ['source'], 'source must be a citation with a title'));
  }
  if (issues.length > 0) return fail(issues);
  // Only the fields of a definition, copied: nothing else of the input comes along.
  const copy: { -readonly [K in keyof ResponderDefinition]: ResponderDefinition[K] } = {
    id: definition.id,
    title: definition.title,
    instruments: Object.freeze([...definition.instruments]),
    missingFollowUp: definition.missingFollowUp,
    source: Object.freeze({ ...definition.source }),
  };
  for (const key of thresholds) {
    const value = readProperty(given, key);
    if (value !== undefined) copy[key] = value as number;
  }
  return ok(Object.freeze(copy));
}

/**
 * Whether a patient responded: `responder`, `non-responder`, or `unknown` (no follow-up, no
 * baseline, or a percentage threshold against a baseline of 0, where no percentage exists), with
 * the reason.
 *
 * @example
 * const result: ResponderResult = { definition: 'immpact-2008-30', status: 'responder', reason: 'threshold-met' };
 */
export interface ResponderResult {
  /** The id of the definition applied. */
  readonly definition: string;
  /** Three-valued: a missing follow-up is `unknown` unless the analysis counts it as non-response. */
  readonly status: 'responder' | 'non-responder' | 'unknown';
  /** Why. */
  readonly reason:
    | 'threshold-met'
    | 'below-threshold'
    | 'missing-follow-up'
    | 'missing-follow-up-counted-as-non-response'
    | 'missing-baseline'
    | 'baseline-zero';
  /** The change, when both scores are there. */
  readonly change?: ScoreChange;
}

/** Options of {@link classifyResponse}. */
export interface ClassifyResponseOptions {
  /**
   * What a missing follow-up is in this analysis; default the definition's own. The two analyses
   * (missing as unknown, missing as non-response) are this option apart.
   */
  readonly missingFollowUp?: 'unknown' | 'non-responder';
}

/**
 * Classifies one patient's response by a definition, from the baseline and the follow-up score
 * (either may be missing). The thresholds are alternatives, read in three-valued logic: met if
 * any is met; not met only if every one is known and not met; otherwise unknown.
 *
 * @returns the result, or issues: `instrument-mismatch` (the scores are of different
 *   instruments), `not-for-instrument` (the definition is for other instruments).
 * @example
 * const result = classifyResponse(responderDefinitions['immpact-2008-30'], baseline, undefined);
 * result.ok && result.value.status; // => 'unknown'
 */
export function classifyResponse(
  definition: ResponderDefinition,
  baseline: QuestionnaireScore | undefined,
  followUp: QuestionnaireScore | undefined,
  options: ClassifyResponseOptions = {},
): Result<ResponderResult> {
  const instrument = baseline?.instrument ?? followUp?.instrument;
  if (instrument !== undefined && !definition.instruments.includes(instrument)) {
    return fail([
      issue(
        'not-for-instrument',
        [baseline === undefined ? 'followUp' : 'baseline', 'instrument'],
        `${definition.id} is a definition for ${definition.instruments.join(', ')}, not ${instrument}`,
      ),
    ]);
  }
  let change: ScoreChange | undefined;
  if (baseline !== undefined && followUp !== undefined) {
    const changed = scoreChange(baseline, followUp);
    if (!changed.ok) return changed;
    change = changed.value;
  }
  const reason = responseReason(definition, baseline, followUp, options.missingFollowUp ?? definition.missingFollowUp);
  return ok(
    Object.freeze({
      definition: definition.id,
      status: statusOfReason[reason],
      reason,
      ...(change === undefined ? {} : { change }),
    }),
  );
}

/** The status each reason gives. */
export const statusOfReason: Readonly<Record<ResponderResult['reason'], ResponderResult['status']>> = {
  'threshold-met': 'responder',
  'below-threshold': 'non-responder',
  'missing-follow-up': 'unknown',
  'missing-follow-up-counted-as-non-response': 'non-responder',
  'missing-baseline': 'unknown',
  'baseline-zero': 'unknown',
};

/**
 * Why a patient is, or is not, a responder, from the scores' values alone and allocating
 * nothing: the rule of classifyResponse, which the cohort summary applies to every record.
 */
export function responseReason(
  definition: ResponderDefinition,
  baseline: Pick<QuestionnaireScore, 'value' | 'percent'> | undefined,
  followUp: Pick<QuestionnaireScore, 'value' | 'percent'> | undefined,
  missingFollowUp: 'unknown' | 'non-responder',
): ResponderResult['reason'] {
  if (baseline === undefined) return 'missing-baseline';
  if (followUp === undefined) {
    return missingFollowUp === 'non-responder' ? 'missing-follow-up-counted-as-non-response' : 'missing-follow-up';
  }
  const improvement = baseline.value - followUp.value;
  const met = thresholdsMet(
    definition,
    improvement,
    percentOfBaseline(improvement, baseline.value),
    baseline.percent - followUp.percent,
  );
  return met === true ? 'threshold-met' : met === undefined ? 'baseline-zero' : 'below-threshold';
}

/** An improvement as a percentage of the baseline; `null` for a baseline of 0, where there is none. */
function percentOfBaseline(improvement: number, baseline: number): number | null {
  // One division, so that a threshold met exactly is met: 3 x 100 / 10 is 30, 3 / 10 x 100 is not.
  return baseline === 0 ? null : (improvement * 100) / baseline;
}

/**
 * Whether an improvement meets a definition, in three values: true when any threshold is met,
 * false when every one is known and not met, undefined otherwise (a percentage of a baseline of
 * 0). The one place that reads thresholds: classifyResponse and the cohort summary both use it.
 */
export function thresholdsMet(
  definition: ResponderDefinition,
  improvement: number,
  improvementPercent: number | null,
  improvementPoints: number,
): boolean | undefined {
  let unknown = false;
  // Stryker disable next-line ConditionalExpression: equivalent, a comparison with an absent threshold (undefined) is false
  if (definition.minImprovement !== undefined && improvement >= definition.minImprovement) return true;
  // Stryker disable next-line ConditionalExpression: equivalent, a comparison with an absent threshold (undefined) is false
  if (definition.minImprovementPoints !== undefined && improvementPoints >= definition.minImprovementPoints) {
    return true;
  }
  if (definition.minImprovementPercent !== undefined) {
    if (improvementPercent === null) unknown = true;
    else if (improvementPercent >= definition.minImprovementPercent) return true;
  }
  return unknown ? undefined : false;
}
