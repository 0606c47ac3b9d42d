// Scoring a questionnaire from item ids and ordinal values, read as untrusted data: every problem
// is an issue with the path of its item, and a score is given only when the instrument's rule for
// unanswered items allows it.
import { readProperty } from '../_internal/read-property.js';
import { fail, failCounted, type Issue, issue, MAX_ISSUES, ok, type Result } from '../_internal/result.js';
import { describeValue } from '../_internal/text.js';
import type { SourceCitation } from '../screening/rule.js';
import { type InstrumentId, instruments } from './instruments.js';

/**
 * A questionnaire's score, with what it was computed from.
 *
 * @example
 * const score: QuestionnaireScore = {
 *   instrument: 'odi', version: '2.1a', value: 32, percent: 32, answered: [], missing: [], prorated: false,
 *   source: { title: 'Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940-52' },
 * };
 */
export interface QuestionnaireScore {
  /** The instrument scored. */
  readonly instrument: InstrumentId;
  /** Its version. */
  readonly version: string;
  /**
   * The score on the instrument's own scale, unrounded: pain NRS 0-10, ODI percent 0-100, NDI
   * points 0-50, RMDQ statements 0-24.
   */
  readonly value: number;
  /** The score as a percentage of the instrument's maximum, unrounded. */
  readonly percent: number;
  /** The items answered, in the instrument's order. */
  readonly answered: readonly string[];
  /** The items left unanswered, in the instrument's order. */
  readonly missing: readonly string[];
  /** True when unanswered items were scored by the mean of the answered ones. */
  readonly prorated: boolean;
  /** Where the scoring rule comes from. */
  readonly source: SourceCitation;
}

/** Options of {@link scoreQuestionnaire}. */
export interface ScoreOptions {
  /**
   * How many items may be unanswered, at most; default the instrument's practice (ODI and NDI 1,
   * RMDQ and pain NRS 0). Above 0 only where the instrument has a rule for them (not the pain NRS,
   * a single item).
   */
  readonly missingAllowed?: number;
}

/**
 * Scores one questionnaire from its answers: item ids (`'odi.walking'`, `'rmdq.7'`; see
 * `instruments`) and the ordinal value of each answer, an integer in the item's range. An item
 * left out, `null` or `undefined` is unanswered. Unanswered items within the allowance are
 * scored by the mean of the answered ones, as the ODI and the NDI publish (16 of 45 answered
 * points is 35.6% on the ODI); beyond it there is no score. Pure; never throws.
 *
 * @returns the score, or issues: `unknown-instrument`, `invalid-type` (answers not an object),
 *   `unknown-item` (an id that is not the instrument's, such as another instrument's),
 *   `out-of-range` (not an integer in the item's range), `too-many-missing`, `invalid-option`.
 * @example
 * const score = scoreQuestionnaire('odi', {
 *   'odi.painIntensity': 2, 'odi.personalCare': 1, 'odi.lifting': 3, 'odi.walking': 1, 'odi.sitting': 2,
 *   'odi.standing': 2, 'odi.sleeping': 1, 'odi.sexLife': 0, 'odi.socialLife': 2, 'odi.travelling': 2,
 * });
 * score.ok && score.value.value; // => 32
 */
export function scoreQuestionnaire(
  instrumentId: InstrumentId,
  answers: unknown,
  options: ScoreOptions = {},
): Result<QuestionnaireScore> {
  const instrument = Object.hasOwn(instruments, instrumentId as string) ? instruments[instrumentId] : undefined;
  if (instrument === undefined) {
    return fail([
      issue(
        'unknown-instrument',
        ['instrument'],
        `expected one of ${Object.keys(instruments).join(', ')}, got ${describeValue(instrumentId)}`,
      ),
    ]);
  }
  const issues: Issue[] = [];
  const given = typeof options === 'object' && options !== null ? readProperty(options, 'missingAllowed') : undefined;
  const allowance = given ?? instrument.missingAllowed;
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, the one instrument without a rule for unanswered items has one item
  const most = instrument.missingRule === 'none' ? 0 : instrument.items.length - 1;
  if (!Number.isInteger(allowance) || (allowance as number) < 0 || (allowance as number) > most) {
    issues.push(
      issue(
        'invalid-option',
        ['options', 'missingAllowed'],
        `expected a whole number of items from 0 to ${most} for ${instrument.title}, got ${describeValue(allowance)}`,
      ),
    );
  }
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    issues.push(issue('invalid-type', [], `expected an object of item ids and values, got ${describeValue(answers)}`));
    return fail(issues);
  }
  // Past MAX_ISSUES, unknown items are only counted: a million of them cost a count each.
  let unlisted = 0;
  for (const key of Object.keys(answers)) {
    if (instrument.items.includes(key)) continue;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, failCounted lists the same first issues and counts the same total either way
    if (issues.length >= MAX_ISSUES) unlisted++;
    else issues.push(issue('unknown-item', [key], `"${key}" is not an item of ${instrument.title} (${instrument.id})`));
  }
  const answered: string[] = [];
  const missing: string[] = [];
  let total = 0;
  for (const item of instrument.items) {
    const value = readProperty(answers, item);
    if (value === undefined || value === null) {
      missing.push(item);
      continue;
    }
    if (!Number.isInteger(value) || (value as number) < instrument.itemMin || (value as number) > instrument.itemMax) {
      issues.push(
        issue(
          'out-of-range',
          [item],
          `expected an integer from ${instrument.itemMin} to ${instrument.itemMax}, got ${describeValue(value)}`,
        ),
      );
      continue;
    }
    answered.push(item);
    total += value as number;
  }
  if (issues.length > 0) return failCounted(issues.slice(0, MAX_ISSUES), issues.length + unlisted);
  if (missing.length > (allowance as number)) {
    return fail([
      issue(
        'too-many-missing',
        [],
        `${missing.length} of ${instrument.items.length} items unanswered (${missing.join(', ')}); at most ${allowance} may be: no score`,
      ),
    ]);
  }
  // The mean of the answered items stands for each unanswered one: the share of the highest
  // possible total of the answered items, on the instrument's scale (one division, so that whole
  // scores stay whole: 16 x 100 / 50 is exactly 32).
  const highest = answered.length * instrument.itemMax;
  const value = (total * instrument.scoreMax) / highest;
  return ok(
    Object.freeze({
      instrument: instrument.id,
      version: instrument.version,
      value,
      percent: (total * 100) / highest,
      answered: Object.freeze(answered),
      missing: Object.freeze(missing),
      prorated: missing.length > 0,
      source: instrument.source,
    }),
  );
}
