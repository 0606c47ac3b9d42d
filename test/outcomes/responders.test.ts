// Change between scores and response by definition: the boundary of every shipped threshold, a
// baseline of 0, three-valued logic, and the two analyses of a missing follow-up.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  classifyResponse,
  defineResponder,
  type InstrumentId,
  instruments,
  type QuestionnaireScore,
  type ResponderDefinition,
  responderDefinitions,
  scoreChange,
  scoreQuestionnaire,
} from '../../src/outcomes/index.js';

/** A score of `value` on an instrument's scale, as scoreQuestionnaire gives it for complete answers. */
function score(instrument: InstrumentId, value: number): QuestionnaireScore {
  const { items, version, scoreMax, source } = instruments[instrument];
  return {
    instrument,
    version,
    value,
    percent: (value / scoreMax) * 100,
    answered: items,
    missing: [],
    prorated: false,
    source,
  };
}

const statusOf = (result: ReturnType<typeof classifyResponse>) => {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.status;
};

describe('scoreChange', () => {
  it('an improvement is positive, with its percentage of the baseline and its points of 100', () => {
    const change = scoreChange(score('odi', 40), score('odi', 28));
    expect(change.ok && change.value).toEqual({
      instrument: 'odi',
      baseline: 40,
      followUp: 28,
      improvement: 12,
      improvementPercent: expect.closeTo(30, 10),
      improvementPoints: expect.closeTo(12, 10),
    });
  });

  it('a worse score is a negative change', () => {
    const change = scoreChange(score('pain-nrs', 4), score('pain-nrs', 6));
    expect(change.ok && [change.value.improvement, change.value.improvementPercent]).toEqual([-2, -50]);
  });

  it('a baseline of 0 has no percentage change, and says so with null', () => {
    const change = scoreChange(score('pain-nrs', 0), score('pain-nrs', 3));
    expect(change.ok && change.value.improvementPercent).toBeNull();
  });

  it('refuses scores of two instruments', () => {
    const change = scoreChange(score('odi', 30), score('ndi', 10));
    expect(change.ok ? [] : change.issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'instrument-mismatch', path: ['followUp', 'instrument'] },
    ]);
  });

  test.prop([fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })])(
    'never divides by zero: the percentage is a finite number or null',
    (before, after) => {
      const change = scoreChange(score('pain-nrs', before), score('pain-nrs', after));
      if (!change.ok) throw new Error('mismatch');
      const percent = change.value.improvementPercent;
      expect(percent === null ? before === 0 : Number.isFinite(percent)).toBe(true);
    },
  );
});

describe('the shipped definitions, at their thresholds', () => {
  it.each([
    // [definition, instrument, baseline, follow-up, status]
    ['immpact-2008-30', 'pain-nrs', 10, 7, 'responder'], // exactly 30%
    ['immpact-2008-30', 'pain-nrs', 10, 8, 'non-responder'], // 20%
    ['immpact-2008-50', 'pain-nrs', 8, 4, 'responder'], // exactly 50%
    ['immpact-2008-50', 'pain-nrs', 8, 5, 'non-responder'], // 37.5%
    ['ostelo-2008-nrs', 'pain-nrs', 9, 7, 'responder'], // 2 points (22%)
    ['ostelo-2008-nrs', 'pain-nrs', 3, 2, 'responder'], // 33% (1 point)
    ['ostelo-2008-nrs', 'pain-nrs', 9, 8, 'non-responder'], // 1 point, 11%
    ['ostelo-2008-odi', 'odi', 60, 50, 'responder'], // 10 points (17%)
    ['ostelo-2008-odi', 'odi', 20, 14, 'responder'], // 30% (6 points)
    ['ostelo-2008-odi', 'odi', 60, 52, 'non-responder'], // 8 points, 13%
    ['ostelo-2008-rmdq', 'rmdq', 20, 15, 'responder'], // 5 points (25%)
    ['ostelo-2008-rmdq', 'rmdq', 20, 16, 'non-responder'], // 4 points, 20%
    ['ndi-vernon-5', 'ndi', 20, 15, 'responder'],
    ['ndi-vernon-5', 'ndi', 20, 16, 'non-responder'],
    ['ndi-young-2009', 'ndi', 20, 12.5, 'responder'],
    ['ndi-young-2009', 'ndi', 20, 13, 'non-responder'],
    ['ndi-cleland-2008', 'ndi', 20, 10.5, 'responder'], // 19 percentage points of 100
    ['ndi-cleland-2008', 'ndi', 20, 11, 'non-responder'], // 18 points
  ] as const)('%s: %s from %d to %d is %s', (id, instrument, before, after, expected) => {
    const definition = responderDefinitions[id] as ResponderDefinition;
    expect(statusOf(classifyResponse(definition, score(instrument, before), score(instrument, after)))).toBe(expected);
  });

  it('every shipped definition cites its source and reads a missing follow-up as unknown', () => {
    for (const definition of Object.values(responderDefinitions)) {
      expect(definition.source.title.length).toBeGreaterThan(20);
      expect(definition.missingFollowUp).toBe('unknown');
      expect(Object.isFrozen(definition)).toBe(true);
    }
  });
});

describe('three values', () => {
  const immpact = responderDefinitions['immpact-2008-30'] as ResponderDefinition;
  const ostelo = responderDefinitions['ostelo-2008-nrs'] as ResponderDefinition;

  it('a missing follow-up is unknown; non-response only in the analysis that says so', () => {
    const baseline = score('pain-nrs', 7);
    expect(classifyResponse(immpact, baseline, undefined)).toMatchObject({
      ok: true,
      value: { status: 'unknown', reason: 'missing-follow-up' },
    });
    expect(classifyResponse(immpact, baseline, undefined, { missingFollowUp: 'non-responder' })).toMatchObject({
      ok: true,
      value: { status: 'non-responder', reason: 'missing-follow-up-counted-as-non-response' },
    });
  });

  it('a missing baseline is unknown, whatever the analysis', () => {
    expect(
      statusOf(classifyResponse(immpact, undefined, score('pain-nrs', 2), { missingFollowUp: 'non-responder' })),
    ).toBe('unknown');
  });

  it('a percentage of a baseline of 0 is unknown; an absolute threshold beside it can still decide', () => {
    const zero = score('pain-nrs', 0);
    expect(classifyResponse(immpact, zero, score('pain-nrs', 0))).toMatchObject({
      ok: true,
      value: { status: 'unknown', reason: 'baseline-zero' },
    });
    // 2 points or 30%: from 0 the points are not met and the percentage is unknown: unknown.
    expect(statusOf(classifyResponse(ostelo, zero, score('pain-nrs', 0)))).toBe('unknown');
  });

  it('refuses a definition for another instrument', () => {
    const result = classifyResponse(immpact, score('odi', 40), score('odi', 20));
    expect(result.ok ? [] : result.issues.map(({ code }) => code)).toEqual(['not-for-instrument']);
  });

  test.prop([fc.constantFrom(...Object.keys(responderDefinitions)), fc.double({ min: 0, max: 100, noNaN: true })])(
    'no missing follow-up ever counts as response, in either analysis',
    (id, before) => {
      const definition = responderDefinitions[id] as ResponderDefinition;
      const instrument = definition.instruments[0] as InstrumentId;
      const baseline = score(instrument, Math.min(before, instruments[instrument].scoreMax));
      for (const missingFollowUp of ['unknown', 'non-responder'] as const) {
        expect(statusOf(classifyResponse(definition, baseline, undefined, { missingFollowUp }))).not.toBe('responder');
      }
    },
  );

  it('with scores from scoreQuestionnaire: pain 8 then 4 responds by IMMPACT 50%', () => {
    const before = scoreQuestionnaire('pain-nrs', { 'nrs.pain': 8 });
    const after = scoreQuestionnaire('pain-nrs', { 'nrs.pain': 4 });
    if (!before.ok || !after.ok) throw new Error('scores');
    expect(
      statusOf(
        classifyResponse(responderDefinitions['immpact-2008-50'] as ResponderDefinition, before.value, after.value),
      ),
    ).toBe('responder');
  });
});

describe('defineResponder', () => {
  const valid: ResponderDefinition = {
    id: 'clinic-odi-15',
    title: 'ODI better by 15 points',
    instruments: ['odi'],
    minImprovement: 15,
    missingFollowUp: 'non-responder',
    source: { title: 'Clinic audit protocol 2026' },
  };

  it('a clinic’s definition, frozen, applied like a shipped one', () => {
    const defined = defineResponder({ ...valid, extra: 'ignored' } as ResponderDefinition);
    if (!defined.ok) throw new Error(JSON.stringify(defined.issues));
    expect(Object.isFrozen(defined.value)).toBe(true);
    expect(defined.value).not.toHaveProperty('extra');
    expect(statusOf(classifyResponse(defined.value, score('odi', 50), score('odi', 35)))).toBe('responder');
    expect(statusOf(classifyResponse(defined.value, score('odi', 50), undefined))).toBe('non-responder');
  });

  it.each([
    ['no id', { ...valid, id: '' }, [['id']]],
    ['no instrument', { ...valid, instruments: [] }, [['instruments']]],
    ['an unknown instrument', { ...valid, instruments: ['vas'] }, [['instruments']]],
    ['no threshold', { ...valid, minImprovement: undefined }, [[]]],
    ['a threshold of 0', { ...valid, minImprovement: 0 }, [['minImprovement']]],
    ['a percentage that is text', { ...valid, minImprovementPercent: '30' }, [['minImprovementPercent']]],
    ['another missing analysis', { ...valid, missingFollowUp: 'ignore' }, [['missingFollowUp']]],
    ['no source', { ...valid, source: { title: '' } }, [['source']]],
  ])('refuses %s, with its path', (_name, definition, paths) => {
    const defined = defineResponder(definition as unknown as ResponderDefinition);
    expect(defined.ok ? [] : defined.issues.map(({ path }) => path)).toEqual(paths);
  });
});

describe('each check on its own', () => {
  const odi = score('odi', 40);

  it('scoreChange refuses another instrument of the same version, and another version of the same instrument', () => {
    const codes = (a: QuestionnaireScore, b: QuestionnaireScore) => {
      const change = scoreChange(a, b);
      return change.ok ? [] : change.issues.map(({ code }) => code);
    };
    expect(codes(odi, { ...score('ndi', 10), version: odi.version })).toEqual(['instrument-mismatch']);
    expect(codes(odi, { ...score('odi', 30), version: 'modified' })).toEqual(['instrument-mismatch']);
  });

  it('classifyResponse: the reasons, the change only when both scores are there, the path of a wrong instrument', () => {
    const definition = responderDefinitions['ostelo-2008-odi'] as ResponderDefinition;
    const met = classifyResponse(definition, odi, score('odi', 20));
    const below = classifyResponse(definition, odi, score('odi', 38));
    const lost = classifyResponse(definition, odi, undefined);
    const noBaseline = classifyResponse(definition, undefined, score('odi', 20));
    expect([met, below, lost, noBaseline].map((r) => r.ok && r.value.reason)).toEqual([
      'threshold-met',
      'below-threshold',
      'missing-follow-up',
      'missing-baseline',
    ]);
    expect([met, below, lost, noBaseline].map((r) => r.ok && 'change' in r.value)).toEqual([true, true, false, false]);
    const wrongFollowUp = classifyResponse(definition, undefined, score('ndi', 10));
    const wrongBaseline = classifyResponse(definition, score('ndi', 10), undefined);
    expect([wrongFollowUp, wrongBaseline].map((r) => (r.ok ? [] : r.issues[0]?.path))).toEqual([
      ['followUp', 'instrument'],
      ['baseline', 'instrument'],
    ]);
    const both = defineResponder({ ...definition, id: 'both', instruments: ['odi', 'ndi'] });
    if (!both.ok) throw new Error('definition');
    const mixed = classifyResponse(both.value, odi, score('ndi', 10));
    expect(mixed.ok ? [] : mixed.issues.map(({ code }) => code)).toEqual(['instrument-mismatch']);
  });

  it('defineResponder: a copy of the given thresholds only, its source frozen apart; more refusals', () => {
    const source = { title: 'Clinic audit protocol 2026' };
    const defined = defineResponder({
      id: 'x',
      title: 'X',
      instruments: ['odi'],
      minImprovementPoints: 12,
      missingFollowUp: 'unknown',
      source,
    });
    if (!defined.ok) throw new Error(JSON.stringify(defined.issues));
    expect(Object.keys(defined.value).sort()).toEqual(
      ['id', 'instruments', 'minImprovementPoints', 'missingFollowUp', 'source', 'title'].sort(),
    );
    expect(defined.value.source).not.toBe(source);
    expect(Object.isFrozen(defined.value.source)).toBe(true);
    const pathsOf = (given: unknown) => {
      const result = defineResponder(given as ResponderDefinition);
      return result.ok ? [] : result.issues.map(({ path }) => path);
    };
    expect(pathsOf(null)).toEqual([[]]);
    const base = { id: 'x', title: 'X', instruments: ['odi'], minImprovement: 1, missingFollowUp: 'unknown', source };
    expect(pathsOf({ ...base, title: 5 })).toEqual([['title']]);
    expect(pathsOf({ ...base, instruments: ['odi', 'vas'] })).toEqual([['instruments']]);
    expect(pathsOf({ ...base, minImprovement: Number.POSITIVE_INFINITY })).toEqual([['minImprovement']]);
    expect(pathsOf({ ...base, source: null })).toEqual([['source']]);
    expect(pathsOf({ ...base, source: { title: 7 } })).toEqual([['source']]);
  });
});

describe('edges the other tests leave', () => {
  it('a definition that is not an object is one issue, at the root', () => {
    const result = defineResponder(42 as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { code: 'invalid-type', path: [], message: 'expected a responder definition object' },
    ]);
  });

  it('each refused field says what it must be', () => {
    const result = defineResponder({
      id: '',
      title: 'x',
      instruments: ['vas'],
      minImprovement: -1,
      missingFollowUp: 'maybe',
      source: {},
    } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((found) => found.message)).toEqual([
      'id must be a non-empty string',
      'instruments must list some of pain-nrs, odi, ndi, rmdq',
      'minImprovement must be a number above 0',
      "missingFollowUp must be 'unknown' or 'non-responder'",
      'source must be a citation with a title',
    ]);
  });

  it('a definition in points alone decides a baseline of 0', () => {
    const vernon = responderDefinitions['ndi-vernon-5'] as ResponderDefinition;
    const zero = scoreQuestionnaire('ndi', Object.fromEntries(instruments.ndi.items.map((item) => [item, 0])));
    const worse = scoreQuestionnaire('ndi', Object.fromEntries(instruments.ndi.items.map((item) => [item, 1])));
    if (!zero.ok || !worse.ok) throw new Error('scores');
    const result = classifyResponse(vernon, zero.value, worse.value);
    expect(result.ok && [result.value.status, result.value.reason]).toEqual(['non-responder', 'below-threshold']);
  });

  it('a definition for other instruments says which', () => {
    const pain = scoreQuestionnaire('pain-nrs', { 'nrs.pain': 5 });
    if (!pain.ok) throw new Error('score');
    const result = classifyResponse(
      responderDefinitions['ostelo-2008-odi'] as ResponderDefinition,
      pain.value,
      undefined,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.message).toBe('ostelo-2008-odi is a definition for odi, not pain-nrs');
  });
});
