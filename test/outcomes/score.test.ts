// Questionnaire scores: the worked examples of the instruments' publications, the boundaries of
// each item and of the allowance for unanswered items, foreign data (another instrument's items),
// and properties over random answers.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type InstrumentId, instruments, scoreQuestionnaire } from '../../src/outcomes/index.js';

const pathsOf = (result: { ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[] }[] }) =>
  result.ok ? [] : (result.issues ?? []).map(({ code, path }) => ({ code, path }));

/** Answers giving each item of an instrument the values listed, in the instrument's order. */
function answersOf(instrument: InstrumentId, values: readonly (number | null)[]): Record<string, number | null> {
  return Object.fromEntries(instruments[instrument].items.map((item, index) => [item, values[index] ?? null]));
}

const scoreOf = (result: ReturnType<typeof scoreQuestionnaire>) => {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('the Oswestry Disability Index 2.1a', () => {
  it('16 points over 10 sections is 32%', () => {
    const score = scoreOf(scoreQuestionnaire('odi', answersOf('odi', [2, 1, 3, 1, 2, 2, 1, 0, 2, 2])));
    expect(score).toMatchObject({ instrument: 'odi', version: '2.1a', value: 32, percent: 32, prorated: false });
    expect(score.answered).toHaveLength(10);
    expect(score.missing).toEqual([]);
    expect(score.source.title).toContain('Fairbank');
  });

  it('16 points over 9 sections, one unanswered, is 35.6%', () => {
    const score = scoreOf(scoreQuestionnaire('odi', answersOf('odi', [2, 1, 3, 1, 2, 2, 1, null, 2, 2])));
    expect(score.value).toBeCloseTo(35.556, 3);
    expect(score.prorated).toBe(true);
    expect(score.missing).toEqual(['odi.sexLife']);
  });

  it('two sections unanswered: no score by default, a score when the allowance says so', () => {
    const answers = answersOf('odi', [2, 1, 3, 1, 2, 2, 1, null, null, 2]);
    expect(pathsOf(scoreQuestionnaire('odi', answers))).toEqual([{ code: 'too-many-missing', path: [] }]);
    expect(scoreOf(scoreQuestionnaire('odi', answers, { missingAllowed: 2 })).value).toBeCloseTo((14 / 40) * 100, 10);
  });

  it('the ends of the scale: 0 and 50 points are 0% and 100%', () => {
    expect(scoreOf(scoreQuestionnaire('odi', answersOf('odi', Array(10).fill(0)))).value).toBe(0);
    expect(scoreOf(scoreQuestionnaire('odi', answersOf('odi', Array(10).fill(5)))).value).toBe(100);
  });
});

describe('the Neck Disability Index', () => {
  it('raw points 0-50, twice that as a percentage', () => {
    const score = scoreOf(scoreQuestionnaire('ndi', answersOf('ndi', [3, 2, 2, 1, 3, 2, 2, 1, 2, 2])));
    expect(score).toMatchObject({ instrument: 'ndi', value: 20, percent: 40, prorated: false });
  });

  it('an unanswered item takes the mean of the others', () => {
    // 18 points over 9 items: a mean of 2 stands for the tenth, 20 points.
    const score = scoreOf(scoreQuestionnaire('ndi', answersOf('ndi', [3, 2, 2, 1, 3, 2, 2, null, 2, 1])));
    expect(score.value).toBe(20);
    expect(score.missing).toEqual(['ndi.driving']);
  });
});

describe('the Roland-Morris Disability Questionnaire (24 items)', () => {
  it('the number of statements that apply', () => {
    const values = Array.from({ length: 24 }, (_, index) => (index % 3 === 0 ? 1 : 0));
    const score = scoreOf(scoreQuestionnaire('rmdq', answersOf('rmdq', values)));
    expect(score.value).toBe(8);
    expect(score.percent).toBeCloseTo(33.333, 3);
  });

  it('no unanswered item by default (no published rule); prorated to 24 when allowed', () => {
    const values = Array.from({ length: 24 }, (_, index) => (index < 12 ? 1 : index === 23 ? null : 0));
    expect(pathsOf(scoreQuestionnaire('rmdq', answersOf('rmdq', values)))).toEqual([
      { code: 'too-many-missing', path: [] },
    ]);
    expect(scoreOf(scoreQuestionnaire('rmdq', answersOf('rmdq', values), { missingAllowed: 1 })).value).toBeCloseTo(
      (12 / 23) * 24,
      10,
    );
  });
});

describe('the pain numeric rating scale', () => {
  it.each([0, 7, 10])('%i is %i', (value) => {
    expect(scoreOf(scoreQuestionnaire('pain-nrs', { 'nrs.pain': value }))).toMatchObject({
      value,
      percent: value * 10,
    });
  });

  it('one item: never missing, and no allowance', () => {
    expect(pathsOf(scoreQuestionnaire('pain-nrs', {}))).toEqual([{ code: 'too-many-missing', path: [] }]);
    expect(pathsOf(scoreQuestionnaire('pain-nrs', { 'nrs.pain': 3 }, { missingAllowed: 1 }))).toEqual([
      { code: 'invalid-option', path: ['options', 'missingAllowed'] },
    ]);
  });
});

describe('scoreQuestionnaire refuses, with the path of each problem', () => {
  it.each([
    ['a value above the item’s range', 'odi', { 'odi.walking': 6 }, [{ code: 'out-of-range', path: ['odi.walking'] }]],
    ['a negative value', 'ndi', { 'ndi.reading': -1 }, [{ code: 'out-of-range', path: ['ndi.reading'] }]],
    ['a fraction', 'pain-nrs', { 'nrs.pain': 6.5 }, [{ code: 'out-of-range', path: ['nrs.pain'] }]],
    ['a number as text', 'pain-nrs', { 'nrs.pain': '6' }, [{ code: 'out-of-range', path: ['nrs.pain'] }]],
    ['a boolean for a yes', 'rmdq', { 'rmdq.1': true }, [{ code: 'out-of-range', path: ['rmdq.1'] }]],
    ['NaN', 'pain-nrs', { 'nrs.pain': Number.NaN }, [{ code: 'out-of-range', path: ['nrs.pain'] }]],
    ['another instrument’s item', 'odi', { 'ndi.reading': 2 }, [{ code: 'unknown-item', path: ['ndi.reading'] }]],
    ['a misspelt item', 'odi', { 'odi.Walking': 2 }, [{ code: 'unknown-item', path: ['odi.Walking'] }]],
    ['answers that are a list', 'odi', [1, 2, 3], [{ code: 'invalid-type', path: [] }]],
    ['answers that are null', 'odi', null, [{ code: 'invalid-type', path: [] }]],
    ['an unknown instrument', 'vas', {}, [{ code: 'unknown-instrument', path: ['instrument'] }]],
    ['an instrument named by a prototype key', 'toString', {}, [{ code: 'unknown-instrument', path: ['instrument'] }]],
  ])('%s', (_name, instrument, answers, expected) => {
    const result = scoreQuestionnaire(instrument as InstrumentId, answers);
    // The problems first: a bad value is reported, never read as an unanswered item.
    expect(pathsOf(result).filter(({ code }) => code !== 'too-many-missing')).toEqual(expected);
  });

  it.each([[-1], [1.5], ['1'], [10]])('an allowance of %s', (missingAllowed) => {
    expect(
      pathsOf(
        scoreQuestionnaire('odi', answersOf('odi', Array(10).fill(1)), { missingAllowed: missingAllowed as number }),
      ),
    ).toEqual([{ code: 'invalid-option', path: ['options', 'missingAllowed'] }]);
  });

  it('an allowance of 9 of 10 items is the most: one answer still scores', () => {
    const score = scoreOf(scoreQuestionnaire('odi', { 'odi.walking': 3 }, { missingAllowed: 9 }));
    expect(score.value).toBe(60);
    expect(score.missing).toHaveLength(9);
  });

  it('an answer on Object.prototype is no answer', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype['nrs.pain'] = 9;
    try {
      expect(pathsOf(scoreQuestionnaire('pain-nrs', {}))).toEqual([{ code: 'too-many-missing', path: [] }]);
    } finally {
      delete prototype['nrs.pain'];
    }
  });

  it('the score and its lists are frozen', () => {
    const score = scoreOf(scoreQuestionnaire('pain-nrs', { 'nrs.pain': 4 }));
    expect(Object.isFrozen(score) && Object.isFrozen(score.answered) && Object.isFrozen(score.missing)).toBe(true);
  });
});

const instrumentIds = Object.keys(instruments) as InstrumentId[];

describe('properties', () => {
  const answered = fc.constantFrom(...instrumentIds).chain((id) =>
    fc.tuple(
      fc.constant(id),
      fc.array(fc.integer({ min: instruments[id].itemMin, max: instruments[id].itemMax }), {
        minLength: instruments[id].items.length,
        maxLength: instruments[id].items.length,
      }),
    ),
  );

  test.prop([answered])(
    'a complete questionnaire scores within its scale, its percent the same share',
    ([id, values]) => {
      const score = scoreOf(scoreQuestionnaire(id, answersOf(id, values)));
      const { scoreMax, itemMax } = instruments[id];
      expect(score.value).toBeGreaterThanOrEqual(0);
      expect(score.value).toBeLessThanOrEqual(scoreMax);
      expect(score.percent).toBeCloseTo((score.value / scoreMax) * 100, 9);
      const total = values.reduce((sum, value) => sum + value, 0);
      expect(score.value).toBeCloseTo((total / (values.length * itemMax)) * scoreMax, 9);
    },
  );

  test.prop([answered, fc.nat()])(
    'an item left out whose answer was the mean of the others changes nothing',
    ([id, values], pick) => {
      if (instruments[id].missingRule === 'none') return;
      const at = pick % values.length;
      const others = values.filter((_, index) => index !== at);
      const mean = others.reduce((sum, value) => sum + value, 0) / others.length;
      if (!Number.isInteger(mean)) return;
      const full = scoreOf(
        scoreQuestionnaire(
          id,
          answersOf(
            id,
            values.map((value, index) => (index === at ? mean : value)),
          ),
        ),
      );
      const left = scoreOf(
        scoreQuestionnaire(
          id,
          answersOf(
            id,
            values.map((value, index) => (index === at ? null : value)),
          ),
          { missingAllowed: 1 },
        ),
      );
      expect(left.value).toBeCloseTo(full.value, 9);
      expect(left.prorated).toBe(true);
    },
  );
});

describe('options', () => {
  it('options that are not an object leave the instrument’s allowance', () => {
    const answers = answersOf('odi', [1, 1, 1, 1, 1, 1, 1, 1, 1, null]);
    expect(scoreOf(scoreQuestionnaire('odi', answers, null as never)).prorated).toBe(true);
    expect(scoreOf(scoreQuestionnaire('pain-nrs', { 'nrs.pain': 2 }, { missingAllowed: 0 })).value).toBe(2);
  });

  it('a list of answers is refused as a whole, never read by its indices', () => {
    expect(pathsOf(scoreQuestionnaire('rmdq', [1, 0, 1]))).toEqual([{ code: 'invalid-type', path: [] }]);
    expect(pathsOf(scoreQuestionnaire('rmdq', null))).toEqual([{ code: 'invalid-type', path: [] }]);
  });
});

describe('a huge answer object', () => {
  test('unknown items past the listed issues are counted, not built', () => {
    const answers = Object.fromEntries(Array.from({ length: 100_500 }, (_, i) => [`odi.x${i}`, 1]));
    const result = scoreQuestionnaire('odi', answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(101);
    expect(result.issues[0]).toMatchObject({ code: 'unknown-item', path: ['odi.x0'] });
    expect(result.issues[100]).toMatchObject({
      code: 'too-many-issues',
      message: '100400 more issues were found and not listed',
    });
  });
});

describe('options and long lists', () => {
  test('null options are the defaults', () => {
    const result = scoreQuestionnaire('pain-nrs', { 'nrs.pain': 4 }, null as never);
    expect(result.ok && result.value.value).toBe(4);
  });

  test('past the listed issues, the rest are counted: unknown items and a value out of range', () => {
    const answers: Record<string, number> = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`odi.x${i}`, 1]));
    answers['odi.walking'] = 9;
    const result = scoreQuestionnaire('odi', answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(101);
    expect(result.issues[100]).toMatchObject({
      code: 'too-many-issues',
      message: '1 more issue was found and not listed',
    });
  });
});
