import { describe, expect, test } from 'vitest';
import { buildCourse, screen } from '../../src/index.js';
import {
  byRegion,
  type CourseOutcomeInput,
  defineResponder,
  mergeOutcomeSummaries,
  type OutcomeSummary,
  outcomeSummaryTable,
  type ResponderDefinition,
  readOutcomeRecords,
  responderDefinitions,
  strictaWithOutcomes,
  summarizeOutcomes,
} from '../../src/outcomes/index.js';

const pain = (value: number) => ({ 'nrs.pain': value });
const immpact30 = responderDefinitions['immpact-2008-30'] as ResponderDefinition;
const immpact50 = responderDefinitions['immpact-2008-50'] as ResponderDefinition;
const osteloNrs = responderDefinitions['ostelo-2008-nrs'] as ResponderDefinition;

/** A record with a pain baseline and, when given, a pain follow-up. */
function painRecord(
  id: string,
  baseline: number | undefined,
  followUp: number | undefined,
  extra: Partial<CourseOutcomeInput> = {},
): CourseOutcomeInput {
  return {
    id,
    region: 'lumbosacral',
    plannedSessions: 10,
    ...(baseline === undefined ? {} : { baseline: { answers: { 'pain-nrs': pain(baseline) } } }),
    ...(followUp === undefined ? {} : { followUp: { answers: { 'pain-nrs': pain(followUp) } } }),
    ...extra,
  };
}

const summarize = (rows: readonly unknown[], options: Parameters<typeof summarizeOutcomes>[1] = {}) =>
  summarizeOutcomes(readOutcomeRecords(rows), options);

describe('responders', () => {
  const rows = [
    painRecord('responds', 10, 7), // 30% exactly: a responder by IMMPACT 30%, not 50%
    painRecord('just-below', 10, 8), // 20%, 2 points: Ostelo yes (2 points), IMMPACT no
    painRecord('lost', 6, undefined),
    painRecord('no-baseline', undefined, 3),
    painRecord('zero', 0, 0),
    { id: 'odi-only', region: 'cervical', plannedSessions: 10 },
    { id: 'bad', region: 'elsewhere' },
  ];

  test('each record falls in one status, by the definition and the analysis', () => {
    const summary = summarize(rows, { definitions: [immpact30, immpact50, osteloNrs] });
    expect(summary.total).toBe(7);
    expect(summary.invalid).toBe(1);
    expect(summary.responders['immpact-2008-30']).toEqual({
      definition: 'immpact-2008-30',
      responder: 1,
      nonResponder: 1,
      unknown: 3,
      notAssessed: 1,
      missingFollowUp: 1,
      missingBaseline: 1,
      baselineZero: 1,
      proportion: expect.objectContaining({ count: 1, n: 2, p: 0.5 }),
    });
    expect(summary.responders['immpact-2008-50']).toMatchObject({ responder: 0, nonResponder: 2, unknown: 3 });
    // Ostelo: 2 points or 30%; a baseline of 0 meets neither 0 points of improvement nor a percentage that does not exist.
    expect(summary.responders['ostelo-2008-nrs']).toMatchObject({
      responder: 2,
      nonResponder: 0,
      unknown: 3,
      baselineZero: 1,
    });
    expect(Object.keys(summary.responders)).toEqual(['immpact-2008-30', 'immpact-2008-50', 'ostelo-2008-nrs']);
  });

  test('a baseline of 0 with a points threshold met is known', () => {
    const points = defineResponder({
      id: 'clinic',
      title: 'two points or 30%',
      instruments: ['pain-nrs'],
      minImprovement: 2,
      minImprovementPercent: 30,
      missingFollowUp: 'unknown',
      source: { title: 'Clinic audit protocol' },
    });
    if (!points.ok) throw new Error('definition');
    // Worse by 2 from 0: points not met, percent unknown: unknown. 0 to 0: unknown.
    const summary = summarize([painRecord('a', 0, 2), painRecord('b', 0, 0)], { definitions: [points.value] });
    expect(summary.responders['clinic']).toMatchObject({ responder: 0, nonResponder: 0, unknown: 2, baselineZero: 2 });
  });

  test('the conservative analysis counts a missing follow-up as non-response, never as response', () => {
    const unknown = summarize(rows, { definitions: [immpact30] }).responders['immpact-2008-30'];
    const conservative = summarize(rows, { definitions: [immpact30], missingFollowUp: 'non-responder' }).responders[
      'immpact-2008-30'
    ];
    expect(conservative).toMatchObject({ responder: 1, nonResponder: 2, unknown: 2, missingFollowUp: 1 });
    expect(conservative?.proportion).toMatchObject({ count: 1, n: 3 });
    expect(unknown?.responder).toBe(conservative?.responder);
    const explicit = summarize(rows, { definitions: [immpact30], missingFollowUp: 'unknown' });
    expect(explicit.responders['immpact-2008-30']).toEqual(unknown);
    expect(explicit.analysis.missingFollowUp).toBe('unknown');
  });

  test("a definition's own missing follow-up rule is followed when the analysis does not choose", () => {
    const gerac = defineResponder({ ...immpact30, id: 'gerac-like', missingFollowUp: 'non-responder' });
    if (!gerac.ok) throw new Error('definition');
    const summary = summarize(rows, { definitions: [gerac.value, immpact30] });
    expect(summary.analysis.missingFollowUp).toBe('per-definition');
    expect(summary.responders['gerac-like']).toMatchObject({ nonResponder: 2, missingFollowUp: 1 });
    expect(summary.responders['immpact-2008-30']).toMatchObject({ nonResponder: 1, missingFollowUp: 1 });
    const overruled = summarize(rows, { definitions: [gerac.value], missingFollowUp: 'unknown' });
    expect(overruled.responders['gerac-like']).toMatchObject({ nonResponder: 1, unknown: 3 });
  });

  test('every shipped definition by default, in their order', () => {
    expect(summarize([]).analysis).toEqual({
      definitions: Object.keys(responderDefinitions),
      missingFollowUp: 'per-definition',
      firstResponse: 'immpact-2008-30',
      sessionPain: 'after',
    });
  });

  test('an unscorable follow-up is a missing one', () => {
    const odi = (answered: number) =>
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
        ]
          .slice(0, answered)
          .map((item) => [`odi.${item}`, 3]),
      );
    const summary = summarize([
      {
        id: 'a',
        region: 'lumbosacral',
        plannedSessions: 10,
        baseline: { answers: { odi: odi(10) } },
        followUp: { answers: { odi: odi(8) } },
      },
    ]);
    expect(summary.responders['ostelo-2008-odi']).toMatchObject({ unknown: 1, missingFollowUp: 1 });
    expect(summary.change.odi).toMatchObject({ n: 0, missingFollowUp: 1, mean: null });
  });
});

describe('change', () => {
  test('mean, sample standard deviation, t interval and median of the improvements', () => {
    const summary = summarize([
      painRecord('a', 5, 4),
      painRecord('b', 5, 3),
      painRecord('c', 5, 2),
      painRecord('d', 5, 1),
      painRecord('lost', 5, undefined),
      painRecord('late', undefined, 5),
    ]);
    const change = summary.change['pain-nrs'];
    expect(change.n).toBe(4);
    expect(change.mean).toBe(2.5);
    expect(change.sd).toBeCloseTo(1.2909944487358056, 14);
    // As R's t.test(c(1, 2, 3, 4)) gives: 0.4457397 to 4.5542603.
    expect(change.ci95?.low).toBeCloseTo(0.4457397, 7);
    expect(change.ci95?.high).toBeCloseTo(4.5542603, 7);
    expect(change.median).toBe(2.5);
    expect(change.missingFollowUp).toBe(1);
    expect(change.missingBaseline).toBe(1);
    expect(change.distribution).toEqual([
      { improvement: 1, count: 1 },
      { improvement: 2, count: 1 },
      { improvement: 3, count: 1 },
      { improvement: 4, count: 1 },
    ]);
  });

  test('an odd count has its middle value as median; worse is a negative improvement', () => {
    const change = summarize([painRecord('a', 3, 6), painRecord('b', 3, 3), painRecord('c', 3, 3)]).change['pain-nrs'];
    expect(change).toMatchObject({ n: 3, mean: -1, median: 0 });
    expect(change.distribution).toEqual([
      { improvement: -3, count: 1 },
      { improvement: 0, count: 2 },
    ]);
  });

  test('one record has a mean but no spread or interval; none has no mean', () => {
    const one = summarize([painRecord('a', 8, 2)]);
    expect(one.change['pain-nrs']).toMatchObject({ n: 1, mean: 6, sd: null, ci95: null, median: 6 });
    expect(one.change.odi).toMatchObject({ n: 0, mean: null, sd: null, ci95: null, median: null, distribution: [] });
  });
});

describe('sessions', () => {
  /** A record with these sessions and a pain baseline (8 by default; `null` for none). */
  const sessionRow = (sessions: readonly Record<string, unknown>[], baseline: number | null = 8) =>
    painRecord('r', baseline ?? undefined, undefined, { sessions } as unknown as Partial<CourseOutcomeInput>);

  test('first response: the first session whose pain meets the definition', () => {
    const summary = summarize([
      sessionRow([
        { number: 1, painAfter: 7 },
        { number: 2, painAfter: 5 }, // 37.5%
        { number: 3, painAfter: 2 },
      ]),
    ]);
    expect(summary.firstResponse).toEqual({
      definition: 'immpact-2008-30',
      bySession: [{ session: 2, count: 1 }],
      notReached: 0,
      unknown: 0,
    });
  });

  test.each([
    ['a gap before the response', [{ number: 1 }, { number: 2, painAfter: 2 }], 'unknown'],
    ['a gap after pain that never responded', [{ number: 1, painAfter: 8 }, { number: 2 }], 'unknown'],
    [
      'every session recorded, none responding',
      [
        { number: 1, painAfter: 8 },
        { number: 2, painAfter: 7 },
      ],
      'not-reached',
    ],
    [
      'a missed session is no gap',
      [
        { number: 1, tookPlace: false },
        { number: 2, painAfter: 3 },
      ],
      2,
    ],
    ['no session at all', [], 'unknown'],
    ['every session missed', [{ number: 1, tookPlace: false }], 'unknown'],
  ] as const)('%s', (_, sessions, expected) => {
    const first = summarize([sessionRow(sessions)]).firstResponse;
    if (typeof expected === 'number') expect(first.bySession).toEqual([{ session: expected, count: 1 }]);
    else expect(first).toMatchObject({ bySession: [], [expected === 'unknown' ? 'unknown' : 'notReached']: 1 });
  });

  test('no baseline pain, or a baseline of 0, leaves the first response unknown', () => {
    const first = summarize([
      sessionRow([{ number: 1, painAfter: 0 }], null),
      sessionRow([{ number: 1, painAfter: 0 }], 0),
    ]).firstResponse;
    expect(first).toMatchObject({ bySession: [], notReached: 0, unknown: 2 });
  });

  test('the pain before the needles, when the analysis asks for it', () => {
    const rows = [
      sessionRow([
        { number: 1, painBefore: 8, painAfter: 3 },
        { number: 2, painBefore: 4, painAfter: 3 },
      ]),
    ];
    expect(summarize(rows).firstResponse.bySession).toEqual([{ session: 1, count: 1 }]);
    const before = summarize(rows, { sessionPain: 'before' });
    expect(before.firstResponse.bySession).toEqual([{ session: 2, count: 1 }]);
    expect(before.analysis.sessionPain).toBe('before');
  });

  test('another pain definition for the first response', () => {
    // Ostelo: 2 points reached at session 1 (8 -> 6), where IMMPACT's 30% is not.
    const rows = [
      sessionRow([
        { number: 1, painAfter: 6 },
        { number: 2, painAfter: 5 },
      ]),
    ];
    expect(summarize(rows).firstResponse.bySession).toEqual([{ session: 2, count: 1 }]);
    const ostelo = summarize(rows, { firstResponse: osteloNrs });
    expect(ostelo.firstResponse).toMatchObject({
      definition: 'ostelo-2008-nrs',
      bySession: [{ session: 1, count: 1 }],
    });
  });

  test('sessions, pain per session, sensations and adverse events are counted, unrecorded apart', () => {
    const summary = summarize([
      {
        ...painRecord('a', 8, 4),
        plannedSessions: 12,
        sessions: [
          {
            number: 1,
            tookPlace: true,
            painBefore: 8,
            painAfter: 6,
            sensations: [
              { kind: 'numbness', extent: 'local', persisted: false },
              { kind: 'cold', extent: 'general', persisted: true },
            ],
            adverseEvents: [{ kind: 'bruising', severity: 'mild' }, { kind: 'fainting' }],
          },
          { number: 2, tookPlace: false },
          { number: 3, painBefore: 6, sensations: [{ kind: 'numbness' }], adverseEvents: [] },
        ],
      },
      { ...painRecord('b', 6, 6), sessions: [{ number: 1, painBefore: 6, painAfter: 4, adverseEvents: [] }] },
    ]);
    expect(summary.sessions).toEqual({ planned: 22, recorded: 4, tookPlace: 1, missed: 1, unrecorded: 2 });
    expect(summary.painBySession).toEqual([
      {
        session: 1,
        before: { n: 2, mean: 7, counts: [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0] },
        after: { n: 2, mean: 5, counts: [0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0] },
      },
      {
        session: 3,
        before: { n: 1, mean: 6, counts: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0] },
        after: { n: 0, mean: null, counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      },
    ]);
    expect(summary.sensations.recorded).toBe(2);
    expect(summary.sensations.unrecorded).toBe(1);
    expect(summary.sensations.byKind.numbness).toEqual({
      sessions: 2,
      general: 0,
      local: 1,
      extentUnrecorded: 1,
      persisted: 0,
      notPersisted: 1,
      persistenceUnrecorded: 1,
    });
    expect(summary.sensations.byKind.cold).toMatchObject({ sessions: 1, general: 1, persisted: 1 });
    expect(summary.sensations.byKind.burning.sessions).toBe(0);
    expect(summary.adverseEvents).toEqual({
      events: 2,
      mild: 1,
      moderate: 0,
      severe: 0,
      severityUnrecorded: 1,
      sessionsRecorded: 3,
      sessionsUnrecorded: 0,
      sessionsWithEvents: 1,
      recordsWithEvents: 1,
    });
  });
});

describe('groups, input and options', () => {
  const rows = [
    painRecord('a', 8, 2),
    { ...painRecord('b', 8, 8), region: 'cervical' },
    { ...painRecord('c', 6, 1), region: 'cervical' },
    'not a record',
  ];

  test('grouped by region: each group has the same statistics, invalid records in their own', () => {
    const summary = summarize(rows, { groupBy: byRegion });
    expect(Object.keys(summary.groups ?? {})).toEqual(['cervical', 'invalid', 'lumbosacral']);
    expect(summary.groups?.['cervical']?.responders['immpact-2008-30']).toMatchObject({
      responder: 1,
      nonResponder: 1,
    });
    expect(summary.groups?.['invalid']).toMatchObject({ total: 1, invalid: 1 });
    expect(summary.groups?.['lumbosacral']?.change['pain-nrs'].mean).toBe(6);
    expect(summarize(rows).groups).toBeUndefined();
  });

  test('an AsyncIterable gives a Promise of the same summary', async () => {
    async function* stream() {
      yield* rows;
    }
    await expect(summarizeOutcomes(readOutcomeRecords(stream()), { groupBy: byRegion })).resolves.toEqual(
      summarize(rows, { groupBy: byRegion }),
    );
  });

  test('the summary is frozen through and through', () => {
    const summary = summarize(rows, { groupBy: byRegion });
    expect(Object.isFrozen(summary)).toBe(true);
    expect(Object.isFrozen(summary.groups?.['cervical']?.change['pain-nrs'].distribution[0])).toBe(true);
    expect(Object.isFrozen(summary.painBySession)).toBe(true);
    expect(Object.isFrozen(summary.analysis.definitions)).toBe(true);
  });

  test.each([
    ['entries not iterable', () => summarizeOutcomes(42 as never), /entries must be an Iterable/],
    ['groupBy not a function', () => summarize(rows, { groupBy: 'region' as never }), /groupBy must be a function/],
    [
      'groupBy not returning a string',
      () => summarize(rows, { groupBy: () => 1 as never }),
      /must return a string, got number/,
    ],
    [
      'definitions not an array',
      () => summarize(rows, { definitions: immpact30 as never }),
      /definitions must be an array/,
    ],
    [
      'an invalid definition',
      () => summarize(rows, { definitions: [{ ...immpact30, minImprovementPercent: -1 }] }),
      /definitions\[0\] is not a valid responder definition \(minImprovementPercent/,
    ],
    [
      'two definitions with one id',
      () => summarize(rows, { definitions: [immpact30, immpact30] }),
      /two definitions have the id immpact-2008-30/,
    ],
    [
      'a missing follow-up analysis of neither kind',
      () => summarize(rows, { missingFollowUp: 'responder' as never }),
      /missingFollowUp must be/,
    ],
    [
      'a first response definition not of the pain NRS',
      () => summarize(rows, { firstResponse: responderDefinitions['ostelo-2008-odi'] as ResponderDefinition }),
      /firstResponse must be a definition of the pain NRS/,
    ],
    [
      'a session pain of neither kind',
      () => summarize(rows, { sessionPain: 'during' as never }),
      /sessionPain must be/,
    ],
  ])('%s is a TypeError', (_, run, message) => {
    expect(run).toThrow(TypeError);
    expect(run).toThrow(message);
  });
});

describe('mergeOutcomeSummaries', () => {
  const rows = [
    painRecord('a', 8, 2, { sessions: [{ number: 1, painAfter: 4, sensations: [{ kind: 'tingling' }] }] }),
    { ...painRecord('b', 8, 8), region: 'cervical' },
    { ...painRecord('c', 6, undefined), region: 'thoracic' },
    painRecord('d', 5, 1, { sessions: [{ number: 2, painBefore: 5, adverseEvents: [{ kind: 'bruising' }] }] }),
    null,
  ];

  test('the merge of the parts equals the summary of the whole, through JSON and in any order', () => {
    const whole = summarize(rows, { groupBy: byRegion });
    const parts = [rows.slice(0, 2), rows.slice(2, 3), rows.slice(3)].map((part) =>
      JSON.parse(JSON.stringify(summarize(part, { groupBy: byRegion }))),
    ) as OutcomeSummary[];
    expect(mergeOutcomeSummaries(...parts)).toEqual(whole);
    const reversed = mergeOutcomeSummaries(...[...parts].reverse());
    expect(reversed).toEqual(whole);
    // toEqual ignores the order of keys; the groups are in natural order of their keys.
    expect(Object.keys(reversed.groups ?? {})).toEqual(['cervical', 'invalid', 'lumbosacral', 'thoracic']);
    expect(mergeOutcomeSummaries(summarize(rows))).toEqual(summarize(rows));
  });

  test('an empty grouped part merges with ungrouped empty ones', () => {
    const grouped = summarize(rows, { groupBy: byRegion });
    expect(mergeOutcomeSummaries(grouped, summarize([]))).toEqual(grouped);
  });

  test.each([
    ['no summary', () => mergeOutcomeSummaries(), /at least one/],
    [
      'other analyses',
      () => mergeOutcomeSummaries(summarize(rows), summarize(rows, { missingFollowUp: 'non-responder' })),
      /summaries\[1\] was analysed otherwise/,
    ],
    [
      'grouped with ungrouped records',
      () => mergeOutcomeSummaries(summarize(rows, { groupBy: byRegion }), summarize(rows)),
      /grouped summaries with ungrouped/,
    ],
    ['not a summary', () => mergeOutcomeSummaries(42 as never), /summaries\[0\] is not an object/],
    [
      'a count that is not whole',
      () => mergeOutcomeSummaries({ ...summarize(rows), total: 1.5 }),
      /summaries\[0\].total must be a whole number/,
    ],
    [
      'an improvement that is not a number',
      () => {
        const summary = JSON.parse(JSON.stringify(summarize(rows)));
        summary.change['pain-nrs'].distribution[0].improvement = 'six';
        return mergeOutcomeSummaries(summary);
      },
      /change.pain-nrs.distribution\[0\].improvement must be a finite number/,
    ],
    [
      'pain counts of the wrong length',
      () => {
        const summary = JSON.parse(JSON.stringify(summarize(rows)));
        summary.painBySession[0].after.counts.pop();
        return mergeOutcomeSummaries(summary);
      },
      /painBySession\[0\].after.counts must hold 11 counts/,
    ],
    [
      'a list that is not one',
      () => mergeOutcomeSummaries({ ...summarize(rows), painBySession: {} as never }),
      /painBySession is not an array/,
    ],
    [
      'definitions that are not ids',
      () =>
        mergeOutcomeSummaries({
          ...summarize(rows),
          analysis: { ...summarize(rows).analysis, definitions: ['immpact-2008-30', 1] as never },
        }),
      /analysis.definitions is not a list of ids/,
    ],
  ])('%s is a TypeError', (_, run, message) => {
    expect(run).toThrow(TypeError);
    expect(run).toThrow(message);
  });
});

describe('outcomeSummaryTable', () => {
  test('long-format rows, the whole cohort then each group', () => {
    const summary = summarize(
      [painRecord('a', 10, 5, { sessions: [{ number: 1, painBefore: 9, painAfter: 4 }] }), null],
      {
        definitions: [immpact30],
        groupBy: byRegion,
      },
    );
    const rows = outcomeSummaryTable(summary, { digits: 3 });
    const whole = rows.filter((row) => row.group === null);
    expect(whole).toEqual([
      {
        group: null,
        measure: 'records',
        category: 'valid',
        count: 1,
        n: 2,
        estimate: 0.5,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'records',
        category: 'invalid',
        count: 1,
        n: 2,
        estimate: 0.5,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'responders:immpact-2008-30',
        category: 'responder',
        count: 1,
        n: 1,
        estimate: 1,
        ci_low: 0.207,
        ci_high: 1,
      },
      {
        group: null,
        measure: 'responders:immpact-2008-30',
        category: 'unknown',
        count: 0,
        n: 1,
        estimate: 0,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'responders:immpact-2008-30',
        category: 'missing-follow-up',
        count: 0,
        n: 1,
        estimate: 0,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'responders:immpact-2008-30',
        category: 'not-assessed',
        count: 0,
        n: 1,
        estimate: 0,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'change:pain-nrs',
        category: 'mean',
        count: null,
        n: 1,
        estimate: 5,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'change:pain-nrs',
        category: 'median',
        count: null,
        n: 1,
        estimate: 5,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'first-response',
        category: 'session 1',
        count: 1,
        n: 1,
        estimate: 1,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'first-response',
        category: 'not-reached',
        count: 0,
        n: 1,
        estimate: 0,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'first-response',
        category: 'unknown',
        count: 0,
        n: 1,
        estimate: 0,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'pain-before',
        category: 'session 1',
        count: null,
        n: 1,
        estimate: 9,
        ci_low: null,
        ci_high: null,
      },
      {
        group: null,
        measure: 'pain-after',
        category: 'session 1',
        count: null,
        n: 1,
        estimate: 4,
        ci_low: null,
        ci_high: null,
      },
    ]);
    expect(
      rows.filter((row) => row.group === 'invalid').map((row) => [row.measure, row.category, row.estimate]),
    ).toEqual([
      ['records', 'valid', 0],
      ['records', 'invalid', 1],
      ['responders:immpact-2008-30', 'responder', null],
      ['responders:immpact-2008-30', 'unknown', null],
      ['responders:immpact-2008-30', 'missing-follow-up', null],
      ['responders:immpact-2008-30', 'not-assessed', null],
      ['first-response', 'not-reached', null],
      ['first-response', 'unknown', null],
    ]);
    expect(outcomeSummaryTable(summary)[2]?.ci_low).toBeCloseTo(0.2065493143772, 12);
    expect(outcomeSummaryTable(summarize([]))[0]).toMatchObject({ count: 0, n: 0, estimate: null });
  });

  test('a mean change with its interval', () => {
    const rows = outcomeSummaryTable(summarize([painRecord('a', 5, 4), painRecord('b', 5, 2)], { definitions: [] }), {
      digits: 2,
    });
    expect(rows.find((row) => row.measure === 'change:pain-nrs' && row.category === 'mean')).toMatchObject({
      estimate: 2,
      ci_low: -10.71,
      ci_high: 14.71,
    });
  });

  test.each([-1, 16, 1.5, '2'])('digits %s is a RangeError', (digits) => {
    expect(() => outcomeSummaryTable(summarize([]), { digits: digits as never })).toThrow(RangeError);
  });
});

describe('strictaWithOutcomes', () => {
  const screening = screen({
    ageYears: 50,
    oncologicalDisease: false,
    pregnant: false,
    coagulationDisorder: false,
    acuteInfection: false,
    acuteMentalIllness: false,
    psychotropicInfluence: false,
  });
  const course = buildCourse({ region: 'lumbosacral', screening, start: '2026-03-02' });
  if (!course.ok) throw new Error('course');

  test('3a and 2d gain what was recorded; every other item stays as it was', () => {
    const summary = summarize([
      painRecord('a', 8, 4, {
        sessions: [
          { number: 1, tookPlace: true, sensations: [{ kind: 'numbness', extent: 'local', persisted: false }] },
          { number: 2, tookPlace: false },
          { number: 3, sensations: [] },
          { number: 4 },
        ],
      }),
    ]);
    const report = strictaWithOutcomes(course.value.stricta, summary);
    const item = (id: string) => report.items.find((found) => found.id === id);
    expect(item('3a')?.recorded).toBe(
      '10 sessions planned, 4 recorded: 1 took place, 1 missed, 2 not recorded either way',
    );
    expect(item('2d')).toMatchObject({ status: 'for-clinic' });
    expect(item('2d')?.recorded).toBe(
      'sensations reported, of 2 sessions with sensations recorded (1 without a record): numbness in 1 (1 local, 0 general; persisted after the needles in 0, not in 1)',
    );
    expect(item('3a')).toMatchObject({
      status: 'filled',
      text: (course.value.stricta.items.find((found) => found.id === '3a') as { text?: string } | undefined)?.text,
    });
    const others = report.items.filter((found) => found.id !== '3a' && found.id !== '2d');
    expect(others).toEqual(course.value.stricta.items.filter((found) => found.id !== '3a' && found.id !== '2d'));
    expect(others.every((found) => !('recorded' in found))).toBe(true);
    expect(course.value.stricta.items.some((found) => 'recorded' in found)).toBe(false);
    expect(Object.isFrozen(item('2d'))).toBe(true);
  });

  test('no sensation reported says so', () => {
    const report = strictaWithOutcomes(course.value.stricta, summarize([painRecord('a', 8, 4)]));
    expect(report.items.find((found) => found.id === '2d')?.recorded).toBe(
      'no sensation reported, of 0 sessions with sensations recorded (0 without a record)',
    );
  });
});

describe('edges the other tests leave', () => {
  test('null entries, and the words of a refused definition', () => {
    expect(() => summarizeOutcomes(null as never)).toThrow(
      'summarizeOutcomes: entries must be an Iterable or an AsyncIterable',
    );
    expect(() => summarize([], { definitions: [{ ...immpact30, minImprovementPercent: undefined } as never] })).toThrow(
      'summarizeOutcomes: options.definitions[0] is not a valid responder definition ((root): a definition needs minImprovement, minImprovementPercent or minImprovementPoints)',
    );
    expect(() => summarize([], { firstResponse: { ...immpact30, title: '' } })).toThrow(
      'summarizeOutcomes: options.firstResponse is not a valid responder definition (title: title must be a non-empty string)',
    );
  });

  test('instruments a record has no score of count nothing, missing or not', () => {
    const change = summarize([painRecord('a', 8, undefined), painRecord('b', undefined, 3)]).change;
    expect(change.odi).toMatchObject({ n: 0, missingFollowUp: 0, missingBaseline: 0 });
    expect(change['pain-nrs']).toMatchObject({ n: 0, missingFollowUp: 1, missingBaseline: 1 });
  });

  test('a repeated improvement weighs by its count', () => {
    const change = summarize([painRecord('a', 8, 5), painRecord('b', 8, 5), painRecord('c', 8, 2)]).change['pain-nrs'];
    expect(change.mean).toBe(4);
    expect(change.distribution).toEqual([
      { improvement: 3, count: 2 },
      { improvement: 6, count: 1 },
    ]);
  });

  test('the first response by a definition in points of the scale', () => {
    const points = defineResponder({
      id: 'pain-20-points',
      title: 'Pain better by 20 points of 100',
      instruments: ['pain-nrs'],
      minImprovementPoints: 20,
      missingFollowUp: 'unknown',
      source: { title: 'Clinic audit protocol' },
    });
    if (!points.ok) throw new Error('definition');
    const row = painRecord('a', 8, undefined, {
      sessions: [
        { number: 1, painAfter: 7 },
        { number: 2, painAfter: 6 },
      ],
    } as unknown as Partial<CourseOutcomeInput>);
    expect(summarize([row], { firstResponse: points.value }).firstResponse.bySession).toEqual([
      { session: 2, count: 1 },
    ]);
  });

  test('every severity is counted apart; a session without pain has no place in the trajectory', () => {
    const summary = summarize([
      painRecord('a', 8, 4, {
        sessions: [
          {
            number: 1,
            tookPlace: true,
            adverseEvents: [
              { kind: 'a', severity: 'moderate' },
              { kind: 'b', severity: 'severe' },
            ],
          },
          { number: 2, tookPlace: true, painBefore: 5 },
        ],
      } as unknown as Partial<CourseOutcomeInput>),
    ]);
    expect(summary.adverseEvents).toMatchObject({ events: 2, mild: 0, moderate: 1, severe: 1, severityUnrecorded: 0 });
    expect(summary.painBySession.map(({ session }) => session)).toEqual([2]);
  });

  test('the table: digits 0 and 15 are allowed; the unknown are a share of the records assessed', () => {
    const summary = summarize([painRecord('a', 8, undefined), { id: 'b', region: 'cervical', plannedSessions: 10 }], {
      definitions: [immpact30],
    });
    expect(() => outcomeSummaryTable(summary, { digits: 0 })).not.toThrow();
    expect(() => outcomeSummaryTable(summary, { digits: 15 })).not.toThrow();
    expect(
      outcomeSummaryTable(summary).find(
        (row) => row.measure === 'responders:immpact-2008-30' && row.category === 'unknown',
      ),
    ).toMatchObject({ count: 1, n: 1, estimate: 1 });
  });

  test('STRICTA 2d lists every sensation reported, in the order of the source protocol', () => {
    const screening = screen({
      ageYears: 50,
      oncologicalDisease: false,
      pregnant: false,
      coagulationDisorder: false,
      acuteInfection: false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
    });
    const course = buildCourse({ region: 'cervical', screening, start: '2026-03-02' });
    if (!course.ok) throw new Error('course');
    const summary = summarize([
      painRecord('a', 8, 4, {
        sessions: [
          { number: 1, sensations: [{ kind: 'cold' }, { kind: 'burning', extent: 'general', persisted: true }] },
        ],
      } as unknown as Partial<CourseOutcomeInput>),
    ]);
    expect(strictaWithOutcomes(course.value.stricta, summary).items.find((item) => item.id === '2d')?.recorded).toBe(
      'sensations reported, of 1 sessions with sensations recorded (0 without a record): burning in 1 (0 local, 1 general; persisted after the needles in 1, not in 0); cold in 1 (0 local, 0 general; persisted after the needles in 0, not in 0)',
    );
  });
});
