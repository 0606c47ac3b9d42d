// Rule sets of more than 26 inputs take their own path through the interpreter (bit masks, 32
// inputs to a word). These properties hold it to a plain reading of the rules, written here
// without the interpreter's tricks, over random sets of 27 to 80 inputs (one to three words):
// rules whose facts straddle a word, several age conditions over one fact, every kind and urgency.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { defineRuleSet, type PatientFacts, type Rule, referralUrgencies, screen } from '../../src/index.js';

type Outcome = 'present' | 'absent' | 'unknown';
type State = 'true' | 'false' | 'missing' | 'invalid';

interface Generated {
  readonly factCount: number;
  readonly rules: readonly Rule<string, string>[];
}

const urgencies = ['emergency', 'urgent', 'routine'] as const;

/** A rule set of `factCount` facts of its own; every fact is read by some rule, so the set has at least `factCount` inputs. */
const wideSets = fc.integer({ min: 27, max: 80 }).chain((factCount) => {
  const facts = Array.from({ length: factCount }, (_, i) => `fact${i}`);
  const kind = fc.oneof(
    fc.constant({ kind: 'absolute' as const }),
    fc.constant({ kind: 'relative' as const }),
    fc.constantFrom(...urgencies).map((urgency) => ({ kind: 'referral' as const, urgency, evidence: 'test' })),
  );
  const when = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constantFrom('any' as const, 'all' as const),
        facts: fc.uniqueArray(fc.constantFrom(...facts), { minLength: 1, maxLength: 5 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 90 }))
        .map(([under, span]) => ({ type: 'age-outside' as const, under, over: under + span })),
    },
  );
  return fc.array(fc.tuple(kind, when), { minLength: 1, maxLength: 30 }).map((drawn): Generated => {
    const rules = drawn.map(([k, w], i) => ({ id: `rule${i}`, ...k, when: w, source: { title: 'A test' } }));
    // Every fact read somewhere: the last rule reads those no drawn rule reads.
    const read = new Set(rules.flatMap((rule) => (rule.when.type === 'age-outside' ? [] : rule.when.facts)));
    const unread = facts.filter((fact) => !read.has(fact));
    if (unread.length > 0) {
      rules.push({
        id: `rule${rules.length}`,
        kind: 'relative',
        when: { type: 'any', facts: unread },
        source: { title: 'A test' },
      });
    }
    return { factCount, rules: rules as unknown as Rule<string, string>[] };
  });
});

const values: Record<State, fc.Arbitrary<unknown>> = {
  true: fc.constant(true),
  false: fc.constant(false),
  missing: fc.constantFrom(undefined, null, 'no key'),
  invalid: fc.constantFrom('yes', 1, 0, {}, []),
};
const anyValue = fc.oneof(values.true, values.false, values.missing, values.invalid);
const anyAge = fc.oneof(
  fc.constantFrom(0, 2.999, 3, 17, 18, 60.5, 75, 75.999, 76, 149.99, 150, -1, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double({ min: 0, max: 149, noNaN: true }),
  values.missing,
  values.invalid,
);

/** A record over the set's facts: a drawn value per fact, where 'no key' leaves the key out. */
function recordOf(factCount: number, drawn: readonly unknown[], age: unknown): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  drawn.slice(0, factCount).forEach((value, i) => {
    if (value !== 'no key') record[`fact${i}`] = value;
  });
  if (age !== 'no key') record.ageYears = age;
  return record;
}

function stateOf(value: unknown): State {
  return value === true ? 'true' : value === false ? 'false' : value == null ? 'missing' : 'invalid';
}

/** The screening read plainly from the rules: three-valued logic and the status precedence, nothing cached. */
function plainScreening(rules: readonly Rule<string, string>[], record: Record<string, unknown>) {
  const ageState = (under: number, over: number): State => {
    const age = record.ageYears;
    if (age == null) return 'missing';
    if (typeof age !== 'number' || !(age >= 0 && age < 150)) return 'invalid';
    const years = Math.floor(age);
    return years < under || years > over ? 'true' : 'false';
  };
  const factsOf = (rule: Rule<string, string>) => (rule.when.type === 'age-outside' ? ['ageYears'] : rule.when.facts);
  const outcomes = rules.map((rule): Outcome => {
    const states =
      rule.when.type === 'age-outside'
        ? [ageState(rule.when.under, rule.when.over)]
        : rule.when.facts.map((fact) => stateOf(record[fact]));
    if (rule.when.type === 'all') {
      if (states.includes('false')) return 'absent';
      return states.every((state) => state === 'true') ? 'present' : 'unknown';
    }
    if (states.includes('true')) return 'present';
    return states.every((state) => state === 'false') ? 'absent' : 'unknown';
  });
  const present = (kind: string) => rules.filter((rule, r) => rule.kind === kind && outcomes[r] === 'present');
  const order = [...new Set(rules.flatMap(factsOf))];
  const factState = (fact: string) => (fact === 'ageYears' ? ageState(0, 149) : stateOf(record[fact]));
  const invalid = order.filter((fact) => factState(fact) === 'invalid');
  const unknownReads = new Set(rules.flatMap((rule, r) => (outcomes[r] === 'unknown' ? factsOf(rule) : [])));
  const missing = order.filter(
    (fact) => factState(fact) === 'invalid' || (factState(fact) === 'missing' && unknownReads.has(fact)),
  );
  const referrals = present('referral')
    .map((rule) => ({ rule: rule.id, urgency: (rule as { urgency: (typeof urgencies)[number] }).urgency }))
    .sort((a, b) => referralUrgencies.indexOf(a.urgency) - referralUrgencies.indexOf(b.urgency));
  const contraindications = present('absolute').map((rule) => rule.id);
  const cautions = present('relative').map((rule) => rule.id);
  const status =
    referrals.length > 0
      ? 'refer'
      : contraindications.length > 0
        ? 'contraindicated'
        : outcomes.includes('unknown')
          ? 'incomplete'
          : cautions.length > 0
            ? 'caution'
            : 'eligible';
  return { status, outcomes, referrals, contraindications, cautions, missing, invalid };
}

describe('a rule set of more than 26 inputs', () => {
  test.prop(
    [
      wideSets,
      fc.array(fc.tuple(fc.array(anyValue, { minLength: 80, maxLength: 80 }), anyAge), { minLength: 1, maxLength: 20 }),
    ],
    {
      numRuns: 150,
    },
  )('screens every record as the plain reading of its rules does', (generated, drawn) => {
    const facts = Object.fromEntries(
      Array.from({ length: generated.factCount }, (_, i) => [`fact${i}`, { label: { en: `Fact ${i}` } }]),
    );
    const ruleSet = defineRuleSet({ id: 'wide', version: '1', facts, rules: generated.rules } as never) as never;
    for (const [values, age] of drawn) {
      const record = recordOf(generated.factCount, values, age);
      const screening = screen(record as PatientFacts, { ruleSet });
      const expected = plainScreening(generated.rules, record);
      expect({
        status: screening.status,
        outcomes: screening.findings.map((finding) => finding.outcome),
        referrals: screening.referrals,
        contraindications: screening.contraindications,
        cautions: screening.cautions,
        missing: screening.missing,
        invalid: screening.invalid,
      }).toEqual(expected);
      expect(screening.findings.map((finding) => finding.rule)).toEqual(generated.rules.map((rule) => rule.id));
      expect(
        Object.isFrozen(screening) && Object.isFrozen(screening.findings) && Object.isFrozen(screening.missing),
      ).toBe(true);
    }
  });

  test.prop([wideSets], { numRuns: 30 })(
    'gives a record with nothing recorded every rule unknown and every fact to ask',
    (generated) => {
      const facts = Object.fromEntries(
        Array.from({ length: generated.factCount }, (_, i) => [`fact${i}`, { label: { en: `Fact ${i}` } }]),
      );
      const ruleSet = defineRuleSet({ id: 'wide', version: '1', facts, rules: generated.rules } as never) as never;
      const screening = screen({}, { ruleSet });
      expect(screening.status).toBe('incomplete');
      expect(screening.findings.every((finding) => finding.outcome === 'unknown')).toBe(true);
      expect(screening.missing).toEqual(plainScreening(generated.rules, {}).missing);
      expect(screening.invalid).toEqual([]);
    },
  );
});

describe('a rule set of more than 32 inputs, read again after a getter throws', () => {
  it('keeps only what the second reading finds, in every word of the masks', () => {
    const facts = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`fact${i}`, { label: { en: `Fact ${i}` } }]),
    );
    const rules = Array.from({ length: 40 }, (_, i) => ({
      id: `rule${i}`,
      kind: 'relative' as const,
      when: { type: 'any' as const, facts: [`fact${i}`] },
      source: { title: 'A test' },
    }));
    const ruleSet = defineRuleSet({ id: 'forty', version: '1', facts, rules } as never) as never;
    const record: Record<string, unknown> = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`fact${i}`, false]),
    );
    // fact35 (in the second word) reads true the first time and false after; fact38 throws.
    let reads = 0;
    Object.defineProperty(record, 'fact35', { get: () => ++reads === 1, enumerable: true });
    Object.defineProperty(record, 'fact38', {
      get() {
        throw new Error('unreadable');
      },
      enumerable: true,
    });
    const screening = screen(record as PatientFacts, { ruleSet });
    expect(reads).toBe(2);
    expect(screening.cautions).toEqual([]);
    expect(screening.findings[35]?.outcome).toBe('absent');
    expect(screening.invalid).toEqual(['fact38']);
    expect(screening.missing).toEqual(['fact38']);
    expect(screening.status).toBe('incomplete');
  });
});
