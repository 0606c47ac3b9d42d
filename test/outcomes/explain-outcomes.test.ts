// Outcome scores, changes and responder results in words: the exact sentences in English and
// Russian for each instrument and each reason, prorated scores, a baseline of 0, rounding,
// Russian plural forms, and the locale option.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';
import {
  explainChange,
  explainResponse,
  explainScore,
  type OutcomeWordsOptions,
} from '../../src/outcomes/explain-outcomes.js';
import {
  classifyResponse,
  defineResponder,
  type InstrumentId,
  instruments,
  type QuestionnaireScore,
  type ResponderDefinition,
  type ResponderResult,
  responderDefinitions,
  type ScoreChange,
  scoreChange,
  scoreQuestionnaire,
} from '../../src/outcomes/index.js';

const NBSP = '\u00a0';

/** Answers giving each item of an instrument the values listed, in the instrument's order. */
function answersOf(instrument: InstrumentId, values: readonly (number | null)[]): Record<string, number | null> {
  return Object.fromEntries(instruments[instrument].items.map((item, index) => [item, values[index] ?? null]));
}

/** The score of answers, or the test fails. */
function score(instrument: InstrumentId, values: readonly (number | null)[], missingAllowed?: number) {
  const result = scoreQuestionnaire(
    instrument,
    answersOf(instrument, values),
    missingAllowed === undefined ? {} : { missingAllowed },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** Values for the items of an instrument that add up to `total`, each as high as it may be, in order. */
function totalling(instrument: InstrumentId, total: number): number[] {
  const { items, itemMax } = instruments[instrument];
  let left = total;
  return items.map(() => {
    const value = Math.min(itemMax, left);
    left -= value;
    return value;
  });
}

const pain = (value: number) => score('pain-nrs', [value]);
const ndi = (total: number) => score('ndi', totalling('ndi', total));
const odi = (total: number) => score('odi', totalling('odi', total));
const rmdq = (yes: number) => score('rmdq', totalling('rmdq', yes));

function change(baseline: QuestionnaireScore, followUp: QuestionnaireScore): ScoreChange {
  const result = scoreChange(baseline, followUp);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function classify(
  definition: ResponderDefinition,
  baseline: QuestionnaireScore | undefined,
  followUp: QuestionnaireScore | undefined,
  missingFollowUp?: 'unknown' | 'non-responder',
): ResponderResult {
  const result = classifyResponse(
    definition,
    baseline,
    followUp,
    missingFollowUp === undefined ? {} : { missingFollowUp },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function define(definition: ResponderDefinition): ResponderDefinition {
  const result = defineResponder(definition);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const shipped = (id: string): ResponderDefinition => {
  const definition = responderDefinitions[id];
  if (definition === undefined) throw new Error(`no definition ${id}`);
  return definition;
};

// 16 points over 9 sections of the ODI, the eighth unanswered: 35.56% (Fairbank's rule).
const odiProrated = () => score('odi', [2, 1, 3, 1, 2, 2, 1, null, 2, 2]);

describe('explainScore', () => {
  it('the ODI, with its version, as a percentage', () => {
    expect(explainScore(odi(16))).toBe('Oswestry Disability Index 2.1a: 32%');
    expect(explainScore(odi(16), { locale: ru })).toBe(
      `Индекс нарушения жизнедеятельности Освестри (ODI 2.1a): 32${NBSP}%`,
    );
  });

  it('a prorated ODI says how many sections were answered and how the unanswered one was scored', () => {
    expect(explainScore(odiProrated())).toBe(
      'Oswestry Disability Index 2.1a: 35.6% (9 of 10 sections answered; the unanswered one scored by the mean of the others)',
    );
    expect(explainScore(odiProrated(), { locale: ru })).toBe(
      `Индекс нарушения жизнедеятельности Освестри (ODI 2.1a): 35,6${NBSP}% (ответы даны на 9 разделов из 10; пропущенный раздел оценён по среднему значению остальных)`,
    );
  });

  it('two unanswered sections, allowed by the option, are named in the plural', () => {
    const twoMissing = score('odi', [2, 1, 3, 1, 2, 2, 1, null, null, 2], 2);
    expect(explainScore(twoMissing)).toBe(
      'Oswestry Disability Index 2.1a: 35% (8 of 10 sections answered; the unanswered ones scored by the mean of the others)',
    );
    expect(explainScore(twoMissing, { locale: 'ru' })).toBe(
      `Индекс нарушения жизнедеятельности Освестри (ODI 2.1a): 35${NBSP}% (ответы даны на 8 разделов из 10; пропущенные разделы оценены по среднему значению остальных)`,
    );
  });

  it('the pain NRS out of 10', () => {
    expect(explainScore(pain(7))).toBe('Pain 7 of 10');
    expect(explainScore(pain(7), { locale: ru })).toBe('Числовая рейтинговая шкала боли (ЧРШ): 7 из 10');
  });

  it('the NDI in points of 50 and as a percentage', () => {
    expect(explainScore(ndi(18))).toBe('Neck Disability Index: 18 of 50 points (36%)');
    expect(explainScore(ndi(18), { locale: ru })).toBe(
      `Индекс ограничения жизнедеятельности из-за боли в шее (NDI): 18 баллов из 50 (36${NBSP}%)`,
    );
  });

  it('a prorated NDI puts the answered sections after the percentage', () => {
    // 16 points over 9 sections: 16 x 50 / 45 = 17.78 points, 35.56%.
    const prorated = score('ndi', [2, 2, 2, 2, 2, 2, 2, null, 1, 1]);
    expect(explainScore(prorated)).toBe(
      'Neck Disability Index: 17.8 of 50 points (35.6%; 9 of 10 sections answered; the unanswered one scored by the mean of the others)',
    );
    expect(explainScore(prorated, { locale: ru })).toBe(
      `Индекс ограничения жизнедеятельности из-за боли в шее (NDI): 17,8 балла из 50 (35,6${NBSP}%; ответы даны на 9 разделов из 10; пропущенный раздел оценён по среднему значению остальных)`,
    );
  });

  it('the RMDQ as the statements that apply', () => {
    expect(explainScore(rmdq(9))).toBe('Roland-Morris: 9 of 24 statements apply');
    expect(explainScore(rmdq(1))).toBe('Roland-Morris: 1 of 24 statements applies');
    expect(explainScore(rmdq(9), { locale: ru })).toBe('Опросник Роланда–Морриса: отмечено 9 утверждений из 24');
  });

  it('a prorated RMDQ is a score, not a count of statements', () => {
    // 9 of 23 answered statements apply: 9 x 24 / 23 = 9.39.
    const values = [...totalling('rmdq', 9).slice(0, 23), null];
    const prorated = score('rmdq', values, 1);
    expect(explainScore(prorated)).toBe(
      'Roland-Morris: a score of 9.4 of 24 (23 of 24 statements answered; the unanswered one scored by the mean of the others)',
    );
    expect(explainScore(prorated, { locale: ru })).toBe(
      'Опросник Роланда–Морриса: 9,4 балла из 24 (ответы даны на 23 утверждения из 24; пропущенное утверждение оценено по среднему значению остальных)',
    );
  });

  it('digits rounds for display: 35.556% is 36% with none and 35.56% with two', () => {
    expect(explainScore(odiProrated(), { digits: 0 })).toMatch(/^Oswestry Disability Index 2\.1a: 36% \(/);
    expect(explainScore(odiProrated(), { digits: 2 })).toMatch(/^Oswestry Disability Index 2\.1a: 35\.56% \(/);
    expect(explainScore(odiProrated(), { digits: 2, locale: ru })).toMatch(/: 35,56\u00a0% \(/);
    // A whole number keeps no decimals, whatever the digits.
    expect(explainScore(odi(16), { digits: 3 })).toBe('Oswestry Disability Index 2.1a: 32%');
  });

  it('rounds half up: 36.25 is 36.3 with one digit', () => {
    // 29 points over 8 sections: 29 x 100 / 40 = 72.5%; 29 x 50 / 40 = 36.25 NDI points.
    const prorated = score('ndi', [5, 5, 5, 5, 5, 4, null, null, 0, 0], 2);
    expect(prorated.value).toBe(36.25);
    expect(explainScore(prorated, { digits: 1 })).toMatch(/^Neck Disability Index: 36\.3 of 50 points \(72\.5%;/);
  });

  it('a score of an instrument acuspine does not score is a TypeError', () => {
    const forged = { ...pain(7), instrument: 'vas' } as unknown as QuestionnaireScore;
    expect(() => explainScore(forged)).toThrow(TypeError);
    expect(() => explainScore({ ...pain(7), value: Number.NaN })).toThrow(TypeError);
  });
});

describe('Russian plural forms', () => {
  it.each([
    [1, 'отмечено 1 утверждение из 24'],
    [2, 'отмечено 2 утверждения из 24'],
    [5, 'отмечено 5 утверждений из 24'],
    [11, 'отмечено 11 утверждений из 24'],
    [21, 'отмечено 21 утверждение из 24'],
    [22, 'отмечено 22 утверждения из 24'],
  ])('RMDQ %d', (yes, words) => {
    expect(explainScore(rmdq(yes), { locale: ru })).toBe(`Опросник Роланда–Морриса: ${words}`);
  });

  it.each([
    [1, '1 балл'],
    [2, '2 балла'],
    [5, '5 баллов'],
    [11, '11 баллов'],
    [12, '12 баллов'],
    [21, '21 балл'],
    [22, '22 балла'],
    [25, '25 баллов'],
  ])('NDI %d', (total, words) => {
    expect(explainScore(ndi(total), { locale: ru })).toBe(
      `Индекс ограничения жизнедеятельности из-за боли в шее (NDI): ${words} из 50 (${total * 2}${NBSP}%)`,
    );
  });

  it('1.5 points: a fraction takes the genitive singular', () => {
    // 19 of 50 at baseline; 14 points over 8 sections at follow-up, 14 x 50 / 40 = 17.5.
    const followUp = score('ndi', [2, 2, 2, 2, 2, 2, 1, 1, null, null], 2);
    expect(followUp.value).toBe(17.5);
    expect(explainChange(change(ndi(19), followUp), { locale: ru })).toBe(
      `Индекс ограничения жизнедеятельности из-за боли в шее (NDI): исходно 19 из 50, при контрольной оценке 17,5 из 50; улучшение на 1,5 балла, 7,9${NBSP}% от исходного значения.`,
    );
    expect(explainChange(change(ndi(19), followUp))).toBe(
      'Neck Disability Index: 19 of 50 at baseline, 17.5 of 50 at follow-up; better by 1.5 points, 7.9% of the baseline.',
    );
  });

  it('a change of 1, 2, 21 and 22 points', () => {
    const clause = (from: number, to: number) =>
      /; (.*?),/.exec(explainChange(change(ndi(from), ndi(to)), { locale: ru }))?.[1];
    expect(clause(30, 29)).toBe('улучшение на 1 балл');
    expect(clause(30, 28)).toBe('улучшение на 2 балла');
    expect(clause(30, 25)).toBe('улучшение на 5 баллов');
    expect(clause(30, 19)).toBe('улучшение на 11 баллов');
    expect(clause(30, 9)).toBe('улучшение на 21 балл');
    expect(clause(30, 8)).toBe('улучшение на 22 балла');
    expect(clause(5, 30)).toBe('ухудшение на 25 баллов');
  });
});

describe('explainChange', () => {
  it('better: by how much on the scale and as a percentage of the baseline', () => {
    expect(explainChange(change(pain(8), pain(4)))).toBe(
      'Pain: 8 of 10 at baseline, 4 of 10 at follow-up; better by 4 points, 50% of the baseline.',
    );
    expect(explainChange(change(pain(8), pain(4)), { locale: ru })).toBe(
      `Числовая рейтинговая шкала боли (ЧРШ): исходно 8 из 10, при контрольной оценке 4 из 10; улучшение на 4 балла, 50${NBSP}% от исходного значения.`,
    );
  });

  it('one point is singular in English', () => {
    expect(explainChange(change(pain(5), pain(4)))).toBe(
      'Pain: 5 of 10 at baseline, 4 of 10 at follow-up; better by 1 point, 20% of the baseline.',
    );
  });

  it('the ODI in percent, the RMDQ in statements of 24', () => {
    expect(explainChange(change(odi(20), odi(14)))).toBe(
      'Oswestry Disability Index: 40% at baseline, 28% at follow-up; better by 12 points, 30% of the baseline.',
    );
    expect(explainChange(change(odi(20), odi(14)), { locale: ru })).toBe(
      `Индекс нарушения жизнедеятельности Освестри (ODI): исходно 40${NBSP}%, при контрольной оценке 28${NBSP}%; улучшение на 12 баллов, 30${NBSP}% от исходного значения.`,
    );
    expect(explainChange(change(rmdq(12), rmdq(6)))).toBe(
      'Roland-Morris: 12 of 24 at baseline, 6 of 24 at follow-up; better by 6 points, 50% of the baseline.',
    );
    expect(explainChange(change(rmdq(12), rmdq(6)), { locale: ru })).toBe(
      `Опросник Роланда–Морриса: исходно 12 из 24, при контрольной оценке 6 из 24; улучшение на 6 баллов, 50${NBSP}% от исходного значения.`,
    );
  });

  it('worse: the size of the change, said to be worse', () => {
    expect(explainChange(change(pain(4), pain(6)))).toBe(
      'Pain: 4 of 10 at baseline, 6 of 10 at follow-up; worse by 2 points, 50% of the baseline.',
    );
    expect(explainChange(change(pain(4), pain(6)), { locale: ru })).toBe(
      `Числовая рейтинговая шкала боли (ЧРШ): исходно 4 из 10, при контрольной оценке 6 из 10; ухудшение на 2 балла, 50${NBSP}% от исходного значения.`,
    );
  });

  it('no change', () => {
    expect(explainChange(change(pain(5), pain(5)))).toBe('Pain: 5 of 10 at baseline, 5 of 10 at follow-up; no change.');
    expect(explainChange(change(pain(5), pain(5)), { locale: ru })).toBe(
      'Числовая рейтинговая шкала боли (ЧРШ): исходно 5 из 10, при контрольной оценке 5 из 10; без изменений.',
    );
    expect(explainChange(change(pain(0), pain(0)))).toBe('Pain: 0 of 10 at baseline, 0 of 10 at follow-up; no change.');
  });

  it('a baseline of 0: no percentage change exists, and the words say so', () => {
    const fromZero = change(pain(0), pain(3));
    expect(fromZero.improvementPercent).toBeNull();
    expect(explainChange(fromZero)).toBe(
      'Pain: 0 of 10 at baseline, 3 of 10 at follow-up; worse by 3 points. The baseline is 0, so no percentage change exists.',
    );
    expect(explainChange(fromZero, { locale: ru })).toBe(
      'Числовая рейтинговая шкала боли (ЧРШ): исходно 0 из 10, при контрольной оценке 3 из 10; ухудшение на 3 балла. Исходное значение равно 0, поэтому изменение в процентах не определено.',
    );
  });

  it('a change that rounds to 0 is less than the smallest step shown, not no change', () => {
    // 1 of 23 answered statements, prorated: 24/23 = 1.043; then 1 of 24: a change of 0.043.
    const baseline = score('rmdq', [1, ...Array(22).fill(0), null], 1);
    const small = change(baseline, rmdq(1));
    expect(small.improvement).toBeCloseTo(0.0435, 4);
    expect(explainChange(small)).toBe(
      'Roland-Morris: 1 of 24 at baseline, 1 of 24 at follow-up; better by less than 0.1 points, 4.2% of the baseline.',
    );
    expect(explainChange(small, { locale: ru })).toBe(
      `Опросник Роланда–Морриса: исходно 1 из 24, при контрольной оценке 1 из 24; улучшение менее чем на 0,1 балла, 4,2${NBSP}% от исходного значения.`,
    );
    expect(explainChange(small, { digits: 2 })).toContain('better by 0.04 points, 4.17% of the baseline.');
    expect(explainChange(small, { digits: 0, locale: ru })).toContain(
      `улучшение менее чем на 1 балл, 4${NBSP}% от исходного значения.`,
    );
  });

  it('digits: two decimals, or none', () => {
    // 35.56% to 32%: 3.56 points, 10% of the baseline.
    const prorated = change(odiProrated(), odi(16));
    expect(explainChange(prorated, { digits: 2 })).toBe(
      'Oswestry Disability Index: 35.56% at baseline, 32% at follow-up; better by 3.56 points, 10% of the baseline.',
    );
    expect(explainChange(prorated, { digits: 0, locale: ru })).toBe(
      `Индекс нарушения жизнедеятельности Освестри (ODI): исходно 36${NBSP}%, при контрольной оценке 32${NBSP}%; улучшение на 4 балла, 10${NBSP}% от исходного значения.`,
    );
  });
});

describe('explainResponse', () => {
  const immpact30 = shipped('immpact-2008-30');

  it('threshold met: responder, with the change and the threshold', () => {
    const result = classify(immpact30, pain(8), pain(4));
    expect(result.reason).toBe('threshold-met');
    expect(explainResponse(result)).toBe(
      'By “Pain reduced by at least 30% (moderately important)”: responder. The measured change (better by 4 points, 50% of the baseline) reaches the definition’s threshold (at least 30% of the baseline).',
    );
    expect(explainResponse(result, { locale: ru })).toBe(
      `По определению «Уменьшение боли не менее чем на 30${NBSP}% (умеренно значимое)»: ответил на лечение. Измеренное изменение (улучшение на 4 балла, 50${NBSP}% от исходного значения) достигает порога определения (не менее чем на 30${NBSP}% от исходного значения).`,
    );
  });

  it('below the threshold: non-responder, with both thresholds of the definition', () => {
    const result = classify(shipped('ostelo-2008-odi'), odi(20), odi(18));
    expect(result.reason).toBe('below-threshold');
    expect(explainResponse(result)).toBe(
      'By “Minimal important change in the ODI: 10 points or 30%”: non-responder. The measured change (better by 4 points, 10% of the baseline) is below the definition’s threshold (at least 10 points or at least 30% of the baseline).',
    );
    expect(explainResponse(result, { locale: ru })).toBe(
      `По определению «Минимальное значимое изменение ODI: 10 баллов или 30${NBSP}%»: не ответил на лечение. Измеренное изменение (улучшение на 4 балла, 10${NBSP}% от исходного значения) ниже порога определения (не менее чем на 10 баллов или не менее чем на 30${NBSP}% от исходного значения).`,
    );
  });

  it('a missing follow-up: unknown', () => {
    const result = classify(immpact30, pain(8), undefined);
    expect(result.reason).toBe('missing-follow-up');
    expect(explainResponse(result)).toBe(
      'By “Pain reduced by at least 30% (moderately important)”: unknown. There is no follow-up score, so the change cannot be measured.',
    );
    expect(explainResponse(result, { locale: ru })).toBe(
      `По определению «Уменьшение боли не менее чем на 30${NBSP}% (умеренно значимое)»: неизвестно. Контрольной оценки нет, поэтому изменение измерить нельзя.`,
    );
  });

  it('a missing follow-up counted as non-response: named as the conservative analysis', () => {
    const result = classify(immpact30, pain(8), undefined, 'non-responder');
    expect(result.reason).toBe('missing-follow-up-counted-as-non-response');
    expect(explainResponse(result)).toBe(
      'By “Pain reduced by at least 30% (moderately important)”: non-responder. There is no follow-up score; this is the conservative analysis, which counts a missing follow-up as non-response.',
    );
    expect(explainResponse(result, { locale: ru })).toBe(
      `По определению «Уменьшение боли не менее чем на 30${NBSP}% (умеренно значимое)»: не ответил на лечение. Контрольной оценки нет; это консервативный анализ, в котором пропущенная контрольная оценка считается отсутствием ответа на лечение.`,
    );
  });

  it('a missing baseline: unknown', () => {
    const result = classify(immpact30, undefined, pain(4));
    expect(result.reason).toBe('missing-baseline');
    expect(explainResponse(result)).toBe(
      'By “Pain reduced by at least 30% (moderately important)”: unknown. There is no baseline score, so the change cannot be measured.',
    );
    expect(explainResponse(result, { locale: ru })).toBe(
      `По определению «Уменьшение боли не менее чем на 30${NBSP}% (умеренно значимое)»: неизвестно. Исходной оценки нет, поэтому изменение измерить нельзя.`,
    );
  });

  it('a baseline of 0 against a percentage alone: unknown, no percentage change exists', () => {
    const result = classify(immpact30, pain(0), pain(3));
    expect(result.reason).toBe('baseline-zero');
    expect(explainResponse(result)).toBe(
      'By “Pain reduced by at least 30% (moderately important)”: unknown. The baseline score is 0: no percentage change exists, so the definition’s percentage threshold cannot be applied.',
    );
    expect(explainResponse(result, { locale: ru })).toBe(
      `По определению «Уменьшение боли не менее чем на 30${NBSP}% (умеренно значимое)»: неизвестно. Исходное значение равно 0: изменение в процентах не определено, поэтому процентный порог определения применить нельзя.`,
    );
  });

  it('a baseline of 0 with another threshold not met: the change and that threshold', () => {
    const result = classify(shipped('ostelo-2008-nrs'), pain(0), pain(0));
    expect(result.reason).toBe('baseline-zero');
    expect(explainResponse(result)).toBe(
      'By “Minimal important change in pain: 2 points or 30%”: unknown. The baseline score is 0: no percentage change exists, so the definition’s percentage threshold cannot be applied; the measured change (no change) is below its other threshold (at least 2 points).',
    );
    expect(explainResponse(result, { locale: ru })).toBe(
      `По определению «Минимальное значимое изменение боли: 2 балла или 30${NBSP}%»: неизвестно. Исходное значение равно 0: изменение в процентах не определено, поэтому процентный порог определения применить нельзя; измеренное изменение (без изменений) ниже другого порога определения (не менее чем на 2 балла).`,
    );
  });

  it('a baseline of 0 by a definition not given: no threshold stated', () => {
    const mine = define({
      id: 'clinic-pain-40',
      title: 'Pain better by 40%',
      instruments: ['pain-nrs'],
      minImprovementPercent: 40,
      missingFollowUp: 'unknown',
      source: { title: 'Clinic audit protocol 2026' },
    });
    const result = classify(mine, pain(0), pain(3));
    expect(explainResponse(result)).toBe(
      'By “clinic-pain-40”: unknown. The baseline score is 0: no percentage change exists, so the definition’s percentage threshold cannot be applied; the measured change (worse by 3 points) reaches no other threshold of the definition.',
    );
    expect(explainResponse(result, { locale: ru })).toBe(
      'По определению «clinic-pain-40»: неизвестно. Исходное значение равно 0: изменение в процентах не определено, поэтому процентный порог определения применить нельзя; измеренное изменение (ухудшение на 3 балла) не достигает ни одного другого порога определения.',
    );
  });

  it('a threshold in percentage points: the change says its percentage points too', () => {
    const result = classify(shipped('ndi-cleland-2008'), ndi(20), ndi(10));
    expect(explainResponse(result)).toBe(
      'By “NDI better by 19 percentage points”: responder. The measured change (better by 10 points, 50% of the baseline, 20 percentage points of the scale) reaches the definition’s threshold (at least 19 percentage points of the scale).',
    );
    expect(explainResponse(result, { locale: ru })).toBe(
      `По определению «Улучшение NDI на 19 процентных пунктов»: ответил на лечение. Измеренное изменение (улучшение на 10 баллов, 50${NBSP}% от исходного значения, 20 процентных пунктов от максимума шкалы) достигает порога определения (не менее чем на 19 процентных пунктов от максимума шкалы).`,
    );
  });

  it('a threshold of 7.5 points is stated as defined, whatever the digits', () => {
    const result = classify(shipped('ndi-young-2009'), ndi(20), ndi(18));
    expect(explainResponse(result, { digits: 0 })).toBe(
      'By “NDI better by 7.5 points of 50”: non-responder. The measured change (better by 2 points, 10% of the baseline) is below the definition’s threshold (at least 7.5 points).',
    );
    expect(explainResponse(result, { locale: ru, digits: 0 })).toBe(
      `По определению «Улучшение NDI на 7,5 балла из 50»: не ответил на лечение. Измеренное изменение (улучшение на 2 балла, 10${NBSP}% от исходного значения) ниже порога определения (не менее чем на 7,5 балла).`,
    );
  });

  describe("a clinic's own definition", () => {
    const mine = define({
      id: 'clinic-ndi',
      title: 'NDI лучше на 1,5 пункта',
      instruments: ['ndi'],
      minImprovementPoints: 1.5,
      minImprovement: 21,
      missingFollowUp: 'unknown',
      source: { title: 'Clinic audit protocol 2026' },
    });

    it('is named by its id when the options do not carry it, and its thresholds are not stated', () => {
      const result = classify(mine, ndi(20), ndi(19));
      expect(explainResponse(result)).toBe(
        'By “clinic-ndi”: responder. The measured change (better by 1 point, 5% of the baseline) reaches the definition’s threshold.',
      );
    });

    it('keeps its given title in Russian too, with its thresholds and their plural forms', () => {
      const result = classify(mine, ndi(20), ndi(19));
      expect(explainResponse(result, { definition: mine, locale: ru })).toBe(
        `По определению «NDI лучше на 1,5 пункта»: ответил на лечение. Измеренное изменение (улучшение на 1 балл, 5${NBSP}% от исходного значения, 2 процентных пункта от максимума шкалы) достигает порога определения (не менее чем на 21 балл или не менее чем на 1,5 процентного пункта от максимума шкалы).`,
      );
      expect(explainResponse(result, { definition: mine })).toBe(
        'By “NDI лучше на 1,5 пункта”: responder. The measured change (better by 1 point, 5% of the baseline, 2 percentage points of the scale) reaches the definition’s threshold (at least 21 points or at least 1.5 percentage points of the scale).',
      );
    });

    it('with a shipped id but its own title keeps its own title', () => {
      const own = define({ ...shipped('immpact-2008-30'), title: 'Our 30% rule' });
      const result = classify(own, pain(8), undefined);
      expect(explainResponse(result, { definition: own, locale: ru })).toBe(
        'По определению «Our 30% rule»: неизвестно. Контрольной оценки нет, поэтому изменение измерить нельзя.',
      );
    });

    it('whose id is not the result’s is a RangeError', () => {
      const result = classify(immpact30, pain(8), pain(4));
      expect(() => explainResponse(result, { definition: mine })).toThrow(
        new RangeError(
          'explainResponse: options.definition is clinic-ndi, but the result was classified by immpact-2008-30',
        ),
      );
    });
  });

  it('a shipped definition passed in the options is still translated', () => {
    const result = classify(immpact30, pain(8), undefined);
    expect(explainResponse(result, { definition: immpact30, locale: ru })).toMatch(
      /^По определению «Уменьшение боли не менее чем на 30\u00a0% \(умеренно значимое\)»/,
    );
  });

  it('every shipped definition has a Russian title of its own', () => {
    const titles = Object.values(responderDefinitions).map((definition) => {
      const sentence = explainResponse(classify(definition, undefined, undefined), { locale: ru });
      const title = /^По определению «(.*)»: неизвестно\./.exec(sentence)?.[1];
      expect(title, definition.id).toMatch(/[А-Яа-яЁё]/);
      expect(title, definition.id).not.toBe(definition.title);
      return title;
    });
    expect(new Set(titles).size).toBe(Object.keys(responderDefinitions).length);
  });

  it('a status or a reason that classifyResponse never gives is a TypeError', () => {
    const result = classify(immpact30, pain(8), pain(4));
    expect(() => explainResponse({ ...result, reason: 'guessed' } as unknown as ResponderResult)).toThrow(TypeError);
    expect(() => explainResponse({ ...result, status: 'cured' } as unknown as ResponderResult)).toThrow(TypeError);
  });

  it('no word of efficacy or prognosis, in any sentence', () => {
    const results = [
      classify(immpact30, pain(8), pain(4)),
      classify(immpact30, pain(8), pain(7)),
      classify(immpact30, pain(8), undefined),
      classify(immpact30, pain(8), undefined, 'non-responder'),
      classify(immpact30, undefined, pain(4)),
      classify(immpact30, pain(0), pain(3)),
    ];
    expect(new Set(results.map((result) => result.reason)).size).toBe(6);
    for (const result of results) {
      expect(explainResponse(result)).not.toMatch(/effic|effective|prognos|cure|heal|thanks to|due to|will /i);
      expect(explainResponse(result, { locale: ru })).not.toMatch(/эффектив|прогноз|излеч|выздоров|благодаря|будет/i);
    }
  });
});

describe('the locale option', () => {
  it('the ru Locale passed to explain, the tag "ru", and a Locale with the code "en"', () => {
    const russian = 'Числовая рейтинговая шкала боли (ЧРШ): 7 из 10';
    expect(explainScore(pain(7), { locale: ru })).toBe(russian);
    expect(explainScore(pain(7), { locale: 'ru' })).toBe(russian);
    expect(explainScore(pain(7), { locale: en })).toBe('Pain 7 of 10');
    expect(explainScore(pain(7), { locale: 'en' })).toBe('Pain 7 of 10');
    expect(explainScore(pain(7), {})).toBe('Pain 7 of 10');
  });

  it('an unknown locale code is a RangeError listing en and ru', () => {
    const message = `explainScore: no outcome words for locale "de": the locales are 'en' and 'ru'`;
    expect(() => explainScore(pain(7), { locale: 'de' } as unknown as OutcomeWordsOptions)).toThrow(
      new RangeError(message),
    );
    expect(() => explainScore(pain(7), { locale: { code: 'de' } })).toThrow(new RangeError(message));
    expect(() => explainChange(change(pain(8), pain(4)), { locale: { code: 'ru-RU' } })).toThrow(
      new RangeError(`explainChange: no outcome words for locale "ru-RU": the locales are 'en' and 'ru'`),
    );
    expect(() =>
      explainResponse(classify(shipped('immpact-2008-30'), pain(8), pain(4)), { locale: { code: 'fr' } }),
    ).toThrow(RangeError);
  });

  it('a locale of the wrong type, or options that are not an object, are a TypeError', () => {
    expect(() => explainScore(pain(7), { locale: 7 } as unknown as OutcomeWordsOptions)).toThrow(TypeError);
    expect(() => explainScore(pain(7), 'ru' as unknown as OutcomeWordsOptions)).toThrow(TypeError);
    // A Locale without a code is not English by default.
    expect(() => explainScore(pain(7), { locale: {} } as unknown as OutcomeWordsOptions)).toThrow(
      new TypeError(
        "explainScore: options.locale must be 'en', 'ru' or a Locale such as ru from 'acuspine/locales/ru'",
      ),
    );
  });

  it.each([-1, 1.5, 11, Number.NaN])('digits %s is a RangeError', (digits) => {
    expect(() => explainScore(pain(7), { digits })).toThrow(
      new RangeError(`explainScore: options.digits must be a whole number from 0 to 10, got ${digits}`),
    );
  });
});

describe('what the other tests leave', () => {
  it('refuses what is not a score, a change or a result, and a definition that is not one', () => {
    expect(() => explainScore(null as never)).toThrow(new TypeError('explainScore: expected a score object'));
    expect(() => explainChange(null as never)).toThrow(new TypeError('explainChange: expected a change object'));
    expect(() => explainResponse(null as never)).toThrow(new TypeError('explainResponse: expected a result object'));
    const result = classify(shipped('immpact-2008-30'), pain(8), pain(4));
    expect(() => explainResponse(result, { definition: 'immpact-2008-30' as never })).toThrow(
      new TypeError('explainResponse: options.definition must be a responder definition'),
    );
  });

  it('a score without its lists of items reads as none answered and none missing', () => {
    const given = pain(7);
    const bare = { ...given, answered: undefined, missing: undefined } as never;
    expect(explainScore(bare)).toBe(explainScore({ ...given, answered: [], missing: [] }));
  });

  it('a change too small to show, and a change of exactly one point, in both languages', () => {
    const tiny: ScoreChange = {
      instrument: 'odi',
      baseline: 30,
      followUp: 29.99,
      improvement: 0.01,
      improvementPercent: 0.01 / 0.3,
      improvementPoints: 0.01,
    };
    expect(explainChange(tiny)).toContain('better by less than 0.1 points, less than 0.1% of the baseline');
    expect(explainChange(tiny, { locale: 'ru' })).toContain('улучшение менее чем на 0,1 балла, менее 0,1');
    const one = change(pain(5), pain(4));
    expect(explainChange(one)).toContain('better by 1 point,');
    expect(explainChange(change(pain(4), pain(5)))).toContain('worse by 1 point,');
  });

  it('thresholds of one point, and a baseline of 0 below two other thresholds, in both languages', () => {
    const three = define({
      id: 'clinic-three',
      title: 'Three ways',
      instruments: ['pain-nrs'],
      minImprovement: 1,
      minImprovementPoints: 10,
      minImprovementPercent: 30,
      missingFollowUp: 'unknown',
      source: { title: 'Clinic audit protocol' },
    });
    const zero = classify(three, pain(0), pain(2));
    expect(zero.reason).toBe('baseline-zero');
    const english = explainResponse(zero, { definition: three });
    expect(english).toContain('at least 1 point or');
    expect(english).toContain('is below its other thresholds (');
    expect(explainResponse(zero, { definition: three, locale: 'ru' })).toContain('ниже других порогов определения (');
    const points = define({
      ...three,
      id: 'clinic-points',
      minImprovement: undefined,
      minImprovementPoints: 1,
    } as never);
    const small = classify(points, pain(5), pain(5));
    expect(explainResponse(small, { definition: points })).toContain('at least 1 percentage point of the scale');
  });
});

describe('a change below the smallest step shown', () => {
  const tiny: ScoreChange = {
    instrument: 'ndi',
    baseline: 20,
    followUp: 19.995,
    improvement: 0.005,
    improvementPercent: 0.025,
    improvementPoints: 0.01,
  };
  const result: ResponderResult = {
    definition: 'ndi-cleland-2008',
    status: 'non-responder',
    reason: 'below-threshold',
    change: tiny,
  };

  it('says "less than" the step, in points of the scale too, never zero', () => {
    expect(explainResponse(result, { digits: 0 })).toContain(
      '(better by less than 1 points, less than 1% of the baseline, less than 1 percentage points of the scale)',
    );
    expect(explainResponse(result, { locale: 'ru' })).toContain(
      `(улучшение менее чем на 0,1 балла, менее 0,1${NBSP}% от исходного значения, менее 0,1 процентного пункта от максимума шкалы)`,
    );
  });
});

describe('one percentage point of the scale', () => {
  it('is singular in English and says so in Russian', () => {
    const result: ResponderResult = {
      definition: 'ndi-cleland-2008',
      status: 'non-responder',
      reason: 'below-threshold',
      change: {
        instrument: 'ndi',
        baseline: 20,
        followUp: 19.5,
        improvement: 0.5,
        improvementPercent: 2.5,
        improvementPoints: 1,
      },
    };
    expect(explainResponse(result)).toContain(', 1 percentage point of the scale)');
    expect(explainResponse(result, { locale: 'ru' })).toContain(', 1 процентный пункт от максимума шкалы)');
  });
});

describe("a clinic's own definition in Russian", () => {
  it('keeps the title the clinic gave it', () => {
    const mine = define({
      id: 'clinic-nrs-3',
      title: 'Боль меньше на 3 балла',
      instruments: ['pain-nrs'],
      minImprovement: 3,
      missingFollowUp: 'unknown',
      source: { title: 'Clinic audit protocol' },
    });
    const result = classify(mine, pain(8), pain(4));
    expect(explainResponse(result, { definition: mine, locale: 'ru' })).toContain(
      'По определению «Боль меньше на 3 балла»',
    );
  });
});
