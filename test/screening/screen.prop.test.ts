import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  type BooleanFactName,
  cautionRuleSet,
  defineRuleSet,
  factNames,
  type PatientFacts,
  protocolFactNames,
  protocolRuleSet,
  type RuleCondition,
  type RuleSet,
  redFlagRuleSet,
  type Screening,
  screen,
} from '../../src/index.js';
import { referenceScreening } from './reference-screening.js';

const combinedRuleSet = defineRuleSet({
  id: 'protocol-and-cautions',
  version: '1',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
});

/** The three shipped sets together: 33 inputs, more than one word of packed states. */
const everyShippedRule = defineRuleSet({
  id: 'protocol-cautions-and-red-flags',
  version: '1',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules, ...redFlagRuleSet.rules],
});

const namedRuleSets: readonly (readonly [string, RuleSet])[] = [
  ['the protocol', protocolRuleSet],
  ['the cautions', cautionRuleSet],
  ['the protocol and the cautions', combinedRuleSet],
  ['the red flags', redFlagRuleSet],
  ['the protocol, the cautions and the red flags', everyShippedRule],
];

/** Facts a generated rule set declares as its own. */
const CLINIC_FACTS = ['clinicFactA', 'clinicFactB', 'clinicFactC'] as const;

const booleanFactNames = factNames.filter((name): name is BooleanFactName => name !== 'ageYears');

/** Anything at all, including the odd values that JSON never holds. */
const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
});

const notRecorded = fc.constantFrom(null, undefined);
const booleanValue = fc.oneof(
  { weight: 4, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: notRecorded },
  { weight: 1, arbitrary: anyValue },
);
const ageValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 2, 2.99, 3, 75, 75.99, 76, 149.99, -0) },
  { weight: 3, arbitrary: fc.double({ min: -10, max: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 150, Number.NaN, Number.POSITIVE_INFINITY, '40') },
  { weight: 2, arbitrary: notRecorded },
  { weight: 1, arbitrary: anyValue },
);

/** Records whose fact keys hold anything, each key possibly absent, plus a stray key now and then. */
const factRecord = fc
  .tuple(
    fc.record(
      Object.fromEntries(
        [...factNames, ...CLINIC_FACTS].map((name) => [name, name === 'ageYears' ? ageValue : booleanValue]),
      ),
      { requiredKeys: [] },
    ),
    fc.option(fc.dictionary(fc.string(), anyValue, { maxKeys: 2 }), { nil: undefined }),
  )
  .map(([facts, extra]) => ({ ...extra, ...facts }));

const anyInput = fc.oneof(factRecord, anyValue);

/**
 * Rule sets of up to eight rules (now and then up to forty, past one word of packed states) over
 * any facts, shipped or the set's own, ages with any bounds, and every kind.
 */
const condition: fc.Arbitrary<RuleCondition<string>> = fc.oneof(
  fc.record({
    type: fc.constantFrom('any' as const, 'all' as const),
    facts: fc.array(fc.constantFrom(...booleanFactNames, ...CLINIC_FACTS), { minLength: 1, maxLength: 4 }),
  }),
  fc
    .integer({ min: 0, max: 100 })
    .chain((under) =>
      fc.integer({ min: under, max: 120 }).map((over) => ({ type: 'age-outside' as const, under, over })),
    ),
);
const kindAndUrgency = fc.oneof(
  fc.record({ kind: fc.constantFrom('absolute' as const, 'relative' as const) }),
  fc.record({
    kind: fc.constant('referral' as const),
    urgency: fc.constantFrom('emergency' as const, 'urgent' as const, 'routine' as const),
    evidence: fc.constant('generated'),
  }),
);
// Typed as a set without facts of its own: the records here are untyped, as untrusted input is.
const generatedRuleSet: fc.Arbitrary<RuleSet> = fc
  .oneof(
    { weight: 4, arbitrary: fc.array(fc.tuple(kindAndUrgency, condition), { minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.array(fc.tuple(kindAndUrgency, condition), { minLength: 20, maxLength: 40 }) },
  )
  .map(
    (rules) =>
      defineRuleSet({
        id: 'generated',
        version: '1',
        facts: Object.fromEntries(CLINIC_FACTS.map((name) => [name, { label: { en: name } }])),
        rules: rules.map(([kind, when], i) => ({ id: `rule-${i}`, ...kind, when, source: { title: 'Generated' } })),
      }) as unknown as RuleSet,
  );
const anyRuleSet = fc.oneof(fc.constantFrom(...namedRuleSets.map(([, ruleSet]) => ruleSet)), generatedRuleSet);

const asFacts = (value: unknown) => value as PatientFacts;

/** The record with the given facts set; what is not an object counts as an empty record. */
const withFacts = (value: unknown, facts: PatientFacts): PatientFacts =>
  asFacts({ ...(typeof value === 'object' && value !== null ? value : {}), ...facts });

function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

describe.each(namedRuleSets)('screen with %s', (_name, ruleSet) => {
  test.prop([anyValue])('never throws on any value', (value) => {
    expect(() => screen(asFacts(value), { ruleSet })).not.toThrow();
  });

  test.prop([factRecord])('never throws on records whose facts hold anything', (record) => {
    expect(() => screen(asFacts(record), { ruleSet })).not.toThrow();
  });

  test.prop([anyInput])('gives one finding per rule, in rule-set order, with its kind and source', (input) => {
    const result = screen(asFacts(input), { ruleSet });
    expect(result.findings).toHaveLength(ruleSet.rules.length);
    result.findings.forEach((finding, i) => {
      const rule = ruleSet.rules[i];
      expect(finding.rule).toBe(rule?.id);
      expect(finding.kind).toBe(rule?.kind);
      expect(finding.source).toEqual(rule?.source);
    });
    expect(result.ruleSet).toEqual({ id: ruleSet.id, version: ruleSet.version });
  });

  test.prop([anyInput])('with any rule unknown and none present, is incomplete: never eligible or caution', (input) => {
    const result = screen(asFacts(input), { ruleSet });
    const outcomes = result.findings.map((f) => f.outcome);
    if (outcomes.includes('unknown') && !outcomes.includes('present')) {
      expect(result.status).toBe('incomplete');
    }
  });

  test.prop([anyInput])('follows the precedence refer > contraindicated > incomplete > caution > eligible', (input) => {
    const result = screen(asFacts(input), { ruleSet });
    const has = (outcome: string, kind?: string) =>
      result.findings.some((f) => f.outcome === outcome && (kind === undefined || f.kind === kind));
    const expected = has('present', 'referral')
      ? 'refer'
      : has('present', 'absolute')
        ? 'contraindicated'
        : has('unknown')
          ? 'incomplete'
          : has('present', 'relative')
            ? 'caution'
            : 'eligible';
    expect(result.status).toBe(expected);
    if (result.status === 'eligible') expect(result.findings.every((f) => f.outcome === 'absent')).toBe(true);
  });

  test.prop([anyInput])('lists as contraindications and cautions exactly the present rules of each kind', (input) => {
    const result = screen(asFacts(input), { ruleSet });
    const presentOf = (kind: string) =>
      result.findings.filter((f) => f.outcome === 'present' && f.kind === kind).map((f) => f.rule);
    expect(result.contraindications).toEqual(presentOf('absolute'));
    expect(result.cautions).toEqual(presentOf('relative'));
  });

  test.prop([anyInput])('lists as referrals exactly the present referral rules, most urgent first', (input) => {
    const result = screen(asFacts(input), { ruleSet });
    const present = result.findings.filter((f) => f.outcome === 'present' && f.kind === 'referral');
    const rank = (urgency: string | undefined) => ['emergency', 'urgent', 'routine'].indexOf(urgency ?? '');
    expect(result.referrals).toEqual(
      [...present].sort((a, b) => rank(a.urgency) - rank(b.urgency)).map((f) => ({ rule: f.rule, urgency: f.urgency })),
    );
  });

  test.prop([anyInput])('lists every invalid fact in missing too, each once', (input) => {
    const result = screen(asFacts(input), { ruleSet });
    for (const fact of result.invalid) expect(result.missing).toContain(fact);
    expect(new Set(result.missing).size).toBe(result.missing.length);
    expect(new Set(result.invalid).size).toBe(result.invalid.length);
  });

  test.prop([anyInput])('asks for nothing when every rule is settled, unless a value was invalid', (input) => {
    const result = screen(asFacts(input), { ruleSet });
    if (result.findings.every((f) => f.outcome !== 'unknown')) expect(result.missing).toEqual(result.invalid);
    else expect(result.missing.length).toBeGreaterThan(0);
  });

  test.prop([anyInput])('returns a deep-frozen result', (input) => {
    expect(isDeepFrozen(screen(asFacts(input), { ruleSet }))).toBe(true);
  });

  test.prop([factRecord])('gives deep-equal results for a copy of the same record', (record) => {
    expect(screen(asFacts({ ...record }), { ruleSet })).toEqual(screen(asFacts(record), { ruleSet }));
  });
});

describe('screen with the protocol', () => {
  test.prop([anyInput])('with pregnant: true added to any record, is contraindicated', (input) => {
    const result = screen(withFacts(input, { pregnant: true }));
    expect(result.status).toBe('contraindicated');
    expect(result.contraindications).toContain('pregnancy');
  });

  const presentFacts: readonly PatientFacts[] = [
    { ageYears: 2 },
    { ageYears: 76 },
    { oncologicalDisease: true },
    { pregnant: true },
    { coagulationDisorder: true },
    { acuteInfection: true },
    { acuteMentalIllness: true },
    { psychotropicInfluence: true },
  ];
  test.prop([anyInput, fc.constantFrom(...presentFacts)])(
    'with any present contraindication added, is contraindicated, whatever else the record holds',
    (input, present) => {
      expect(screen(withFacts(input, present)).status).toBe('contraindicated');
    },
  );

  test.prop([anyInput])('adding a present contraindication never lowers the status', (input) => {
    const order = ['eligible', 'caution', 'incomplete', 'contraindicated'];
    const before = screen(asFacts(input), { ruleSet: combinedRuleSet }).status;
    const after = screen(withFacts(input, { coagulationDisorder: true }), { ruleSet: combinedRuleSet }).status;
    expect(order.indexOf(after)).toBeGreaterThanOrEqual(order.indexOf(before));
    expect(after).toBe('contraindicated');
  });

  test.prop([factRecord, fc.constantFrom(...protocolFactNames), fc.constantFrom(null, undefined, 'absent')])(
    'with a protocol fact not recorded and no rule present, is incomplete and asks for that fact',
    (record, fact, how) => {
      const facts: Record<string, unknown> = { ...record };
      if (how === 'absent') delete facts[fact];
      else facts[fact] = how;
      const result = screen(asFacts(facts));
      if (result.contraindications.length === 0) {
        expect(result.status).toBe('incomplete');
        expect(result.missing).toContain(fact);
      }
    },
  );

  test.prop([factRecord])('never reads a fact outside the rule set: caution facts do not change it', (record) => {
    const protocolOnly = Object.fromEntries(
      Object.entries(record).filter(([key]) => (protocolFactNames as readonly string[]).includes(key)),
    );
    expect(screen(asFacts(record))).toEqual(screen(asFacts(protocolOnly)));
  });
});

describe('screen against a reference reading of the rules', () => {
  test.prop([anyInput, anyRuleSet])(
    'agrees on status, outcomes, contraindications, cautions, missing and invalid',
    (input, ruleSet) => {
      const result: Screening = screen(asFacts(input), { ruleSet });
      expect({
        status: result.status,
        outcomes: result.findings.map((f) => f.outcome),
        contraindications: result.contraindications,
        cautions: result.cautions,
        referrals: result.referrals,
        missing: result.missing,
        invalid: result.invalid,
      }).toEqual(referenceScreening(input, ruleSet));
    },
  );

  test.prop([fc.array(anyInput, { minLength: 2, maxLength: 20 }), anyRuleSet])(
    'a screening does not depend on the records screened before it',
    (inputs, ruleSet) => {
      const forwards = inputs.map((input) => screen(asFacts(input), { ruleSet }));
      const backwards = [...inputs].reverse().map((input) => screen(asFacts(input), { ruleSet }));
      expect(backwards.reverse()).toEqual(forwards);
    },
  );
});
