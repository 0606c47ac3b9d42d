// Outcome scores, changes and responder results in words, in English and Russian. The words live
// here, in 'acuspine/outcomes', and not in the main message catalogs: an app that only screens
// never bundles them. They report a measured value against a stated definition, never efficacy
// or prognosis. Numbers are rounded for display only; plural forms follow the number as shown.
import { readProperty } from '../_internal/read-property.js';
import type { InstrumentId } from './instruments.js';
import type { ResponderDefinition, ResponderResult, ScoreChange } from './responders.js';
import { responderDefinitions } from './responders.js';
import type { QuestionnaireScore } from './score.js';

/** What the outcome words read of a Locale (such as `ru` from 'acuspine/locales/ru'): its code. */
export interface LocaleCode {
  /** The language code, `'en'` or `'ru'`. */
  readonly code: string;
}

/**
 * Options of {@link explainScore} and {@link explainChange}: the language and the rounding.
 *
 * @example
 * import { ru } from 'acuspine/locales/ru';
 *
 * const russian: OutcomeWordsOptions = { locale: ru, digits: 0 };
 * const english: OutcomeWordsOptions = { locale: 'en' };
 */
export interface OutcomeWordsOptions {
  /**
   * The language: English by default. A Locale such as `ru` from 'acuspine/locales/ru' (the one
   * passed to `explain`; only its `code` is read), or the tag `'en'` or `'ru'`: the outcome words
   * of both languages are part of 'acuspine/outcomes'. Any other code is a RangeError.
   */
  readonly locale?: LocaleCode | 'en' | 'ru' | undefined;
  /**
   * How many decimals numbers are rounded to for display, a whole number from 0 to 10; default
   * 1, half up. Trailing zeros are dropped (32, not 32.0); a value above 0 that would show as 0
   * is shown as less than the smallest step ("less than 0.1 points"). Thresholds of a definition
   * are shown as defined, never rounded. Russian uses a decimal comma and a no-break space
   * (U+00A0) before the percent sign: `'35,6\u00a0%'`.
   */
  readonly digits?: number | undefined;
}

/**
 * Options of {@link explainResponse}: those of {@link OutcomeWordsOptions}, and the definition
 * applied, when it is a clinic's own.
 *
 * @example
 * const mine: ResponderDefinition = {
 *   id: 'clinic-odi-15', title: 'ODI better by 15 points', instruments: ['odi'], minImprovement: 15,
 *   missingFollowUp: 'unknown', source: { title: 'Clinic audit protocol 2026' },
 * };
 * const options: ResponseWordsOptions = { definition: mine, locale: 'ru' };
 */
export interface ResponseWordsOptions extends OutcomeWordsOptions {
  /**
   * The definition the result was classified by (the same id). Needed only for a clinic's own
   * definition, to name it by its title and state its thresholds: a shipped one is found in
   * `responderDefinitions` by the result's id, and its title is translated. Without it, a
   * clinic's definition is named by its id.
   */
  readonly definition?: ResponderDefinition | undefined;
}

/**
 * A questionnaire score in words: the instrument, the score on its scale (and as a percentage for
 * the NDI), and, when unanswered items were scored by the mean of the others, how many were
 * answered.
 *
 * @param score - a score as `scoreQuestionnaire` returns it.
 * @param options - `locale` (`'en'` by default, `'ru'`, or the `ru` Locale) and `digits` (1 by default).
 * @returns one sentence without a final full stop.
 * @throws {TypeError} when `score` names no instrument acuspine scores or its value is not a
 *   finite number, or an option has the wrong type.
 * @throws {RangeError} for a locale other than en and ru, or `digits` out of 0 to 10.
 * @example
 * import { ru } from 'acuspine/locales/ru';
 *
 * const score = scoreQuestionnaire('ndi', {
 *   'ndi.painIntensity': 2, 'ndi.personalCare': 1, 'ndi.lifting': 3, 'ndi.reading': 1, 'ndi.headaches': 2,
 *   'ndi.concentration': 2, 'ndi.work': 2, 'ndi.driving': 1, 'ndi.sleeping': 2, 'ndi.recreation': 2,
 * });
 * score.ok && explainScore(score.value);
 * // => 'Neck Disability Index: 18 of 50 points (36%)'
 * score.ok && explainScore(score.value, { locale: ru });
 * // => 'Индекс ограничения жизнедеятельности из-за боли в шее (NDI): 18 баллов из 50 (36\u00a0%)'
 */
export function explainScore(score: QuestionnaireScore, options?: OutcomeWordsOptions): string {
  const words = wordsOf(options, 'explainScore');
  if (typeof score !== 'object' || score === null) throw new TypeError('explainScore: expected a score object');
  const instrument = instrumentOf(score.instrument, 'explainScore');
  const value = finite(score.value, 'explainScore', 'value');
  const percent = finite(score.percent, 'explainScore', 'percent');
  const answered = Array.isArray(score.answered) ? score.answered.length : 0;
  const missing = Array.isArray(score.missing) ? score.missing.length : 0;
  const phrases = words.phrases;
  const prorated = score.prorated === true && missing > 0;
  const main = phrases.score(
    instrument,
    String(score.version),
    shown(words, value),
    shown(words, percent).text,
    prorated,
  );
  if (!prorated) return main.text;
  const proration = phrases.proration(instrument, answered, answered + missing, missing);
  return main.percentInParentheses ? `${main.text.slice(0, -1)}; ${proration})` : `${main.text} (${proration})`;
}

/**
 * A change between two scores in words: both scores, then better or worse by how much on the
 * instrument's scale and as a percentage of the baseline, or no change. A baseline of 0 has no
 * percentage change, and the words say so.
 *
 * @param change - a change as `scoreChange` returns it.
 * @param options - `locale` (`'en'` by default, `'ru'`, or the `ru` Locale) and `digits` (1 by default).
 * @returns one or two sentences, each ending with a full stop.
 * @throws {TypeError} when `change` names no instrument acuspine scores or its numbers are not
 *   finite, or an option has the wrong type.
 * @throws {RangeError} for a locale other than en and ru, or `digits` out of 0 to 10.
 * @example
 * // With scores from scoreQuestionnaire: pain 8 at baseline, 4 at follow-up.
 * const change = scoreChange(baseline, followUp);
 * change.ok && explainChange(change.value);
 * // => 'Pain: 8 of 10 at baseline, 4 of 10 at follow-up; better by 4 points, 50% of the baseline.'
 * change.ok && explainChange(change.value, { locale: 'ru' });
 * // => 'Числовая рейтинговая шкала боли (ЧРШ): исходно 8 из 10, при контрольной оценке 4 из 10; улучшение на 4 балла, 50\u00a0% от исходного значения.'
 */
export function explainChange(change: ScoreChange, options?: OutcomeWordsOptions): string {
  const words = wordsOf(options, 'explainChange');
  const read = readChange(change, 'explainChange');
  const { phrases } = words;
  const scale = (value: number) => phrases.onScale(read.instrument, shown(words, value).text);
  const text = phrases.change(
    read.instrument,
    scale(read.baseline),
    scale(read.followUp),
    changeClause(words, read, false),
  );
  return read.improvementPercent === null && read.improvement !== 0 ? `${text} ${phrases.baselineZero}` : text;
}

/**
 * A responder result in words: the definition by its title, the status (responder,
 * non-responder, unknown) and why, with the measured change and the definition's threshold when
 * they are known. A missing follow-up counted as non-response is named as the conservative
 * analysis. The words report a measured change against a stated definition, nothing more.
 *
 * A shipped definition is found by the result's id and named by its title, translated; a
 * clinic's own is named by the title of `options.definition`, or else by its id, and then its
 * thresholds are not stated.
 *
 * @param result - a result as `classifyResponse` returns it.
 * @param options - `locale` (`'en'` by default, `'ru'`, or the `ru` Locale), `digits` (1 by
 *   default), and `definition`, a clinic's own definition that the result was classified by.
 * @returns two sentences (one for the status, one for the reason), each ending with a full stop.
 * @throws {TypeError} when `result` has a status or reason that `classifyResponse` never gives,
 *   or an option has the wrong type.
 * @throws {RangeError} for a locale other than en and ru, `digits` out of 0 to 10, or an
 *   `options.definition` whose id is not the result's.
 * @example
 * // With scores from scoreQuestionnaire: pain 8 at baseline, 4 at follow-up.
 * const result = classifyResponse(responderDefinitions['immpact-2008-30'], baseline, followUp);
 * result.ok && explainResponse(result.value);
 * // => 'By “Pain reduced by at least 30% (moderately important)”: responder. The measured change (better by 4 points, 50% of the baseline) reaches the definition’s threshold (at least 30% of the baseline).'
 * const unknown = classifyResponse(responderDefinitions['immpact-2008-30'], baseline, undefined);
 * unknown.ok && explainResponse(unknown.value, { locale: 'ru' });
 * // => 'По определению «Уменьшение боли не менее чем на 30\u00a0% (умеренно значимое)»: неизвестно. Контрольной оценки нет, поэтому изменение измерить нельзя.'
 */
export function explainResponse(result: ResponderResult, options?: ResponseWordsOptions): string {
  const words = wordsOf(options, 'explainResponse');
  if (typeof result !== 'object' || result === null) throw new TypeError('explainResponse: expected a result object');
  const id = String(result.definition);
  const given = options === undefined ? undefined : (readProperty(options, 'definition') as unknown);
  if (given !== undefined && (typeof given !== 'object' || given === null)) {
    throw new TypeError('explainResponse: options.definition must be a responder definition');
  }
  const definition = (given as ResponderDefinition | undefined) ?? shippedDefinition(id);
  if (definition !== undefined && definition.id !== id) {
    throw new RangeError(
      `explainResponse: options.definition is ${String(definition.id)}, but the result was classified by ${id}`,
    );
  }
  const { phrases } = words;
  const shipped = shippedDefinition(id);
  const title =
    definition === undefined
      ? id
      : shipped !== undefined && definition.title === shipped.title
        ? phrases.definitionTitle(id, shipped.title)
        : String(definition.title);
  if (!Object.hasOwn(phrases.status, String(result.status))) {
    throw new TypeError(`explainResponse: unknown status ${JSON.stringify(result.status)}`);
  }
  const status = phrases.status[result.status];
  const change = result.change === undefined ? undefined : readChange(result.change, 'explainResponse');
  const withPoints = definition?.minImprovementPoints !== undefined;
  const measured = change === undefined ? undefined : changeClause(words, change, withPoints);
  const thresholds = definition === undefined ? undefined : thresholdsOf(definition);
  const reason = (() => {
    switch (result.reason) {
      case 'threshold-met':
        return phrases.thresholdMet(measured, thresholds && phrases.thresholds(thresholds));
      case 'below-threshold':
        return phrases.belowThreshold(measured, thresholds && phrases.thresholds(thresholds));
      case 'missing-follow-up':
        return phrases.missingFollowUp;
      case 'missing-follow-up-counted-as-non-response':
        return phrases.missingFollowUpCounted;
      case 'missing-baseline':
        return phrases.missingBaseline;
      case 'baseline-zero': {
        const others = thresholds?.filter((threshold) => threshold.kind !== 'percent');
        return phrases.baselineZeroReason(measured, others && phrases.thresholds(others), others?.length ?? 0);
      }
      default:
        throw new TypeError(`explainResponse: unknown reason ${JSON.stringify(result.reason)}`);
    }
  })();
  return `${phrases.by(title)}: ${status}. ${reason}`;
}

// ---------------------------------------------------------------------------------------------
// Options, numbers and plural forms.

type Language = 'en' | 'ru';

interface Words {
  readonly phrases: Phrases;
  readonly digits: number;
}

/** The language and rounding of the options; `caller` names the public function in errors. */
function wordsOf(options: OutcomeWordsOptions | undefined, caller: string): Words {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`${caller}: options must be an object`);
  }
  const locale = options === undefined ? undefined : readProperty(options, 'locale');
  let code: unknown = locale;
  if (typeof locale === 'object' && locale !== null) code = readProperty(locale, 'code');
  if (locale !== undefined && typeof code !== 'string') {
    throw new TypeError(
      `${caller}: options.locale must be 'en', 'ru' or a Locale such as ru from 'acuspine/locales/ru'`,
    );
  }
  const language: Language | undefined = code === undefined || code === 'en' ? 'en' : code === 'ru' ? 'ru' : undefined;
  if (language === undefined) {
    throw new RangeError(
      `${caller}: no outcome words for locale ${JSON.stringify(code)}: the locales are 'en' and 'ru'`,
    );
  }
  const digits = options === undefined ? undefined : readProperty(options, 'digits');
  if (digits !== undefined && !(Number.isInteger(digits) && (digits as number) >= 0 && (digits as number) <= 10)) {
    throw new RangeError(`${caller}: options.digits must be a whole number from 0 to 10, got ${String(digits)}`);
  }
  return { phrases: language === 'ru' ? ru : en, digits: (digits as number | undefined) ?? 1 };
}

/** A number as shown: its text, the rounded value (for plural forms), and whether it is "less than" the text. */
interface Shown {
  readonly text: string;
  readonly value: number;
  readonly lessThan: boolean;
}

/**
 * A number of 0 or more rounded half up to the digits, in the language's notation, trailing
 * zeros dropped. A number above 0 that rounds to 0 is shown as less than the smallest step
 * (0.1 for one digit): a change of 0.04 is not "no change".
 */
function shown(words: Words, value: number): Shown {
  const scale = 10 ** words.digits;
  // toPrecision clears the binary noise of the product (35.55 x 10 is 355.49999999999994).
  const rounded = Math.round(Number((Math.abs(value) * scale).toPrecision(15))) / scale;
  if (rounded === 0 && value !== 0) return { text: decimal(words, 1 / scale), value: 1 / scale, lessThan: true };
  return { text: decimal(words, rounded), value: rounded, lessThan: false };
}

/** A rounded number as text: fixed notation, trailing zeros dropped, the language's decimal separator. */
function decimal(words: Words, value: number): string {
  const fixed = value.toFixed(words.digits);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return words.phrases === ru ? trimmed.replace('.', ',') : trimmed;
}

/** The Russian forms of a noun after a number: 1, 21 (one); 2-4, 22 (few); 0, 5-20, 25 (many); a fraction. */
interface RussianForms {
  readonly one: string;
  readonly few: string;
  readonly many: string;
  /** After a fraction (1,5): the genitive singular, which is the `few` form unless an adjective goes with it. */
  readonly fraction?: string;
}

/** The Russian form of a noun after `count`: one (1, 21, 101), few (2-4, 22-24), many (0, 5-20, 25), or a fraction's. */
function russianPlural(count: number, forms: RussianForms): string {
  if (!Number.isInteger(count)) return forms.fraction ?? forms.few;
  const lastTwo = Math.abs(count) % 100;
  const last = lastTwo % 10;
  if (last === 1 && lastTwo !== 11) return forms.one;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return forms.few;
  return forms.many;
}

// ---------------------------------------------------------------------------------------------
// Reading the values.

const instrumentIds: readonly InstrumentId[] = ['pain-nrs', 'odi', 'ndi', 'rmdq'];

function instrumentOf(value: unknown, caller: string): InstrumentId {
  if (!instrumentIds.includes(value as InstrumentId)) {
    throw new TypeError(
      `${caller}: no instrument ${JSON.stringify(value)}: expected one of ${instrumentIds.join(', ')}`,
    );
  }
  return value as InstrumentId;
}

function finite(value: unknown, caller: string, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${caller}: ${name} must be a finite number, got ${String(value)}`);
  }
  return value;
}

function readChange(change: ScoreChange, caller: string): ScoreChange {
  if (typeof change !== 'object' || change === null) throw new TypeError(`${caller}: expected a change object`);
  const percent = change.improvementPercent;
  return {
    instrument: instrumentOf(change.instrument, caller),
    baseline: finite(change.baseline, caller, 'baseline'),
    followUp: finite(change.followUp, caller, 'followUp'),
    improvement: finite(change.improvement, caller, 'improvement'),
    improvementPercent: percent === null ? null : finite(percent, caller, 'improvementPercent'),
    improvementPoints: finite(change.improvementPoints, caller, 'improvementPoints'),
  };
}

function shippedDefinition(id: string): ResponderDefinition | undefined {
  return Object.hasOwn(responderDefinitions, id) ? responderDefinitions[id] : undefined;
}

/** A threshold of a definition, in the order classifyResponse reads them. */
interface Threshold {
  readonly kind: 'scale' | 'points' | 'percent';
  readonly value: number;
}

function thresholdsOf(definition: ResponderDefinition): readonly Threshold[] {
  const thresholds: Threshold[] = [];
  if (typeof definition.minImprovement === 'number')
    thresholds.push({ kind: 'scale', value: definition.minImprovement });
  if (typeof definition.minImprovementPoints === 'number')
    thresholds.push({ kind: 'points', value: definition.minImprovementPoints });
  if (typeof definition.minImprovementPercent === 'number')
    thresholds.push({ kind: 'percent', value: definition.minImprovementPercent });
  return thresholds;
}

/** Better or worse by how much, with the percentage of the baseline when there is one, or no change. */
function changeClause(words: Words, change: ScoreChange, withPoints: boolean): string {
  const { phrases } = words;
  if (change.improvement === 0) return phrases.noChange;
  const parts = [phrases.direction(change.improvement > 0, shown(words, change.improvement))];
  if (change.improvementPercent !== null) parts.push(phrases.ofBaseline(shown(words, change.improvementPercent)));
  if (withPoints) parts.push(phrases.percentagePoints(shown(words, change.improvementPoints)));
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------
// The words of each language.

interface Phrases {
  /** The score's main part; `percentInParentheses` when it ends with a percentage in parentheses. */
  score(
    instrument: InstrumentId,
    version: string,
    value: Shown,
    percent: string,
    prorated: boolean,
  ): { readonly text: string; readonly percentInParentheses: boolean };
  proration(instrument: InstrumentId, answered: number, total: number, missing: number): string;
  onScale(instrument: InstrumentId, value: string): string;
  change(instrument: InstrumentId, baseline: string, followUp: string, clause: string): string;
  direction(better: boolean, amount: Shown): string;
  ofBaseline(percent: Shown): string;
  percentagePoints(points: Shown): string;
  readonly noChange: string;
  readonly baselineZero: string;
  definitionTitle(id: string, english: string): string;
  by(title: string): string;
  readonly status: Readonly<Record<ResponderResult['status'], string>>;
  thresholds(thresholds: readonly Threshold[]): string;
  thresholdMet(measured: string | undefined, thresholds: string | undefined): string;
  belowThreshold(measured: string | undefined, thresholds: string | undefined): string;
  readonly missingFollowUp: string;
  readonly missingFollowUpCounted: string;
  readonly missingBaseline: string;
  baselineZeroReason(measured: string | undefined, others: string | undefined, otherCount: number): string;
}

const scaleMax: Readonly<Record<InstrumentId, number>> = { 'pain-nrs': 10, odi: 100, ndi: 50, rmdq: 24 };

const namesEn: Readonly<Record<InstrumentId, string>> = {
  'pain-nrs': 'Pain',
  odi: 'Oswestry Disability Index',
  ndi: 'Neck Disability Index',
  rmdq: 'Roland-Morris',
};

const itemsEn: Readonly<Record<InstrumentId, string>> = {
  'pain-nrs': 'items',
  odi: 'sections',
  ndi: 'sections',
  rmdq: 'statements',
};

/** A clause in parentheses after a space, or nothing. */
const aside = (clause: string | undefined) => (clause === undefined || clause === '' ? '' : ` (${clause})`);

const en: Phrases = {
  score(instrument, version, value, percent, prorated) {
    const name = namesEn[instrument];
    switch (instrument) {
      case 'pain-nrs':
        return { text: `${name} ${value.text} of 10`, percentInParentheses: false };
      case 'odi':
        return { text: `${name} ${version}: ${percent}%`, percentInParentheses: false };
      case 'ndi':
        return { text: `${name}: ${value.text} of 50 points (${percent}%)`, percentInParentheses: true };
      case 'rmdq':
        return {
          text: !prorated
            ? `${name}: ${value.text} of 24 statements ${value.value === 1 ? 'applies' : 'apply'}`
            : `${name}: a score of ${value.text} of 24`,
          percentInParentheses: false,
        };
    }
  },
  proration(instrument, answered, total, missing) {
    const them = missing === 1 ? 'the unanswered one' : 'the unanswered ones';
    return `${answered} of ${total} ${itemsEn[instrument]} answered; ${them} scored by the mean of the others`;
  },
  onScale: (instrument, value) => (instrument === 'odi' ? `${value}%` : `${value} of ${scaleMax[instrument]}`),
  change: (instrument, baseline, followUp, clause) =>
    `${namesEn[instrument]}: ${baseline} at baseline, ${followUp} at follow-up; ${clause}.`,
  direction: (better, amount) =>
    `${better ? 'better' : 'worse'} by ${amount.lessThan ? 'less than ' : ''}${amount.text} ${
      amount.value === 1 && !amount.lessThan ? 'point' : 'points'
    }`,
  ofBaseline: (percent) => `${percent.lessThan ? 'less than ' : ''}${percent.text}% of the baseline`,
  percentagePoints: (points) =>
    `${points.lessThan ? 'less than ' : ''}${points.text} percentage ${
      points.value === 1 && !points.lessThan ? 'point' : 'points'
    } of the scale`,
  noChange: 'no change',
  baselineZero: 'The baseline is 0, so no percentage change exists.',
  definitionTitle: (_id, english) => english,
  by: (title) => `By “${title}”`,
  status: { responder: 'responder', 'non-responder': 'non-responder', unknown: 'unknown' },
  thresholds: (thresholds) =>
    thresholds
      .map(({ kind, value }) => {
        const text = String(value);
        if (kind === 'percent') return `at least ${text}% of the baseline`;
        const noun = value === 1 ? 'point' : 'points';
        return kind === 'points' ? `at least ${text} percentage ${noun} of the scale` : `at least ${text} ${noun}`;
      })
      .join(' or '),
  thresholdMet: (measured, thresholds) =>
    `The measured change${aside(measured)} reaches the definition’s threshold${aside(thresholds)}.`,
  belowThreshold: (measured, thresholds) =>
    `The measured change${aside(measured)} is below the definition’s threshold${aside(thresholds)}.`,
  missingFollowUp: 'There is no follow-up score, so the change cannot be measured.',
  missingFollowUpCounted:
    'There is no follow-up score; this is the conservative analysis, which counts a missing follow-up as non-response.',
  missingBaseline: 'There is no baseline score, so the change cannot be measured.',
  baselineZeroReason(measured, others, otherCount) {
    const start =
      'The baseline score is 0: no percentage change exists, so the definition’s percentage threshold cannot be applied';
    if (otherCount === 0 && others !== undefined) return `${start}.`;
    if (others === undefined)
      return `${start}; the measured change${aside(measured)} reaches no other threshold of the definition.`;
    return `${start}; the measured change${aside(measured)} is below its other ${
      otherCount === 1 ? 'threshold' : 'thresholds'
    } (${others}).`;
  },
};

const namesRu: Readonly<Record<InstrumentId, string>> = {
  'pain-nrs': 'Числовая рейтинговая шкала боли (ЧРШ)',
  odi: 'Индекс нарушения жизнедеятельности Освестри (ODI)',
  ndi: 'Индекс ограничения жизнедеятельности из-за боли в шее (NDI)',
  rmdq: 'Опросник Роланда–Морриса',
};

/** The items of each instrument after «на» (accusative, which is the nominative for these nouns). */
const itemsRu: Readonly<Record<InstrumentId, RussianForms>> = {
  'pain-nrs': { one: 'пункт', few: 'пункта', many: 'пунктов' },
  odi: { one: 'раздел', few: 'раздела', many: 'разделов' },
  ndi: { one: 'раздел', few: 'раздела', many: 'разделов' },
  rmdq: { one: 'утверждение', few: 'утверждения', many: 'утверждений' },
};

/** The unanswered items scored by the mean: one, or several. */
const missingRu: Readonly<Record<InstrumentId, readonly [string, string]>> = {
  'pain-nrs': ['пропущенный пункт оценён', 'пропущенные пункты оценены'],
  odi: ['пропущенный раздел оценён', 'пропущенные разделы оценены'],
  ndi: ['пропущенный раздел оценён', 'пропущенные разделы оценены'],
  rmdq: ['пропущенное утверждение оценено', 'пропущенные утверждения оценены'],
};

/** Points of a scale, after a number or «на». */
const pointsRu: RussianForms = { one: 'балл', few: 'балла', many: 'баллов' };
/** Percentage points, after a number or «на»: an adjective goes with them, so a fraction has its own form. */
const percentagePointsRu: RussianForms = {
  one: 'процентный пункт',
  few: 'процентных пункта',
  many: 'процентных пунктов',
  fraction: 'процентного пункта',
};

/** The Russian titles of the shipped definitions, by id; a clinic's own keeps its title. */
const definitionTitlesRu: Readonly<Record<string, string>> = {
  'immpact-2008-30': 'Уменьшение боли не менее чем на 30\u00a0% (умеренно значимое)',
  'immpact-2008-50': 'Уменьшение боли не менее чем на 50\u00a0% (существенно значимое)',
  'ostelo-2008-nrs': 'Минимальное значимое изменение боли: 2 балла или 30\u00a0%',
  'ostelo-2008-odi': 'Минимальное значимое изменение ODI: 10 баллов или 30\u00a0%',
  'ostelo-2008-rmdq': 'Минимальное значимое изменение RMDQ: 5 баллов или 30\u00a0%',
  'ndi-vernon-5': 'Улучшение NDI на 5 баллов из 50',
  'ndi-young-2009': 'Улучшение NDI на 7,5 балла из 50',
  'ndi-cleland-2008': 'Улучшение NDI на 19 процентных пунктов',
};

/** A Russian percentage: a no-break space before the sign, as Russian typography has it. */
const percentRu = (text: string) => `${text}\u00a0%`;

const ru: Phrases = {
  score(instrument, version, value, percent, prorated) {
    switch (instrument) {
      case 'pain-nrs':
        return { text: `${namesRu[instrument]}: ${value.text} из 10`, percentInParentheses: false };
      case 'odi':
        return {
          text: `Индекс нарушения жизнедеятельности Освестри (ODI ${version}): ${percentRu(percent)}`,
          percentInParentheses: false,
        };
      case 'ndi':
        return {
          text: `${namesRu[instrument]}: ${value.text} ${russianPlural(value.value, pointsRu)} из 50 (${percentRu(percent)})`,
          percentInParentheses: true,
        };
      case 'rmdq':
        return {
          text: !prorated
            ? `${namesRu[instrument]}: отмечено ${value.text} ${russianPlural(value.value, itemsRu.rmdq)} из 24`
            : `${namesRu[instrument]}: ${value.text} ${russianPlural(value.value, pointsRu)} из 24`,
          percentInParentheses: false,
        };
    }
  },
  proration(instrument, answered, total, missing) {
    const [one, several] = missingRu[instrument];
    return `ответы даны на ${answered} ${russianPlural(answered, itemsRu[instrument])} из ${total}; ${
      missing === 1 ? one : several
    } по среднему значению остальных`;
  },
  onScale: (instrument, value) => (instrument === 'odi' ? percentRu(value) : `${value} из ${scaleMax[instrument]}`),
  change: (instrument, baseline, followUp, clause) =>
    `${namesRu[instrument]}: исходно ${baseline}, при контрольной оценке ${followUp}; ${clause}.`,
  direction: (better, amount) =>
    `${better ? 'улучшение' : 'ухудшение'} ${amount.lessThan ? 'менее чем ' : ''}на ${amount.text} ${russianPlural(
      amount.value,
      pointsRu,
    )}`,
  ofBaseline: (percent) => `${percent.lessThan ? 'менее ' : ''}${percentRu(percent.text)} от исходного значения`,
  percentagePoints: (points) =>
    `${points.lessThan ? 'менее ' : ''}${points.text} ${russianPlural(points.value, percentagePointsRu)} от максимума шкалы`,
  noChange: 'без изменений',
  baselineZero: 'Исходное значение равно 0, поэтому изменение в процентах не определено.',
  // Called for the shipped definitions only, each of which has its Russian title.
  definitionTitle: (id) => definitionTitlesRu[id] as string,
  by: (title) => `По определению «${title}»`,
  status: { responder: 'ответил на лечение', 'non-responder': 'не ответил на лечение', unknown: 'неизвестно' },
  thresholds: (thresholds) =>
    thresholds
      .map(({ kind, value }) => {
        const text = String(value).replace('.', ',');
        if (kind === 'percent') return `не менее чем на ${percentRu(text)} от исходного значения`;
        return kind === 'points'
          ? `не менее чем на ${text} ${russianPlural(value, percentagePointsRu)} от максимума шкалы`
          : `не менее чем на ${text} ${russianPlural(value, pointsRu)}`;
      })
      .join(' или '),
  thresholdMet: (measured, thresholds) =>
    `Измеренное изменение${aside(measured)} достигает порога определения${aside(thresholds)}.`,
  belowThreshold: (measured, thresholds) =>
    `Измеренное изменение${aside(measured)} ниже порога определения${aside(thresholds)}.`,
  missingFollowUp: 'Контрольной оценки нет, поэтому изменение измерить нельзя.',
  missingFollowUpCounted:
    'Контрольной оценки нет; это консервативный анализ, в котором пропущенная контрольная оценка считается отсутствием ответа на лечение.',
  missingBaseline: 'Исходной оценки нет, поэтому изменение измерить нельзя.',
  baselineZeroReason(measured, others, otherCount) {
    const start =
      'Исходное значение равно 0: изменение в процентах не определено, поэтому процентный порог определения применить нельзя';
    if (otherCount === 0 && others !== undefined) return `${start}.`;
    if (others === undefined)
      return `${start}; измеренное изменение${aside(measured)} не достигает ни одного другого порога определения.`;
    return `${start}; измеренное изменение${aside(measured)} ниже ${
      otherCount === 1 ? 'другого порога' : 'других порогов'
    } определения (${others}).`;
  },
};
