import { describe, expectTypeOf, test } from 'vitest';
import {
  ageRule,
  defineRuleSet,
  extendProtocol,
  type FactName,
  type PatientFactsWith,
  type ProtocolRuleId,
  parsePatientFacts,
  type RedFlagRuleId,
  type Referral,
  type Result,
  type RuleSet,
  redFlagRuleSet,
  type Screening,
  screen,
} from '../../src/index.js';

// A clinic's own facts are a type parameter of its rule set: a misspelt one, in a rule or in a
// record, does not compile, as a misspelt shipped fact does not.

const clinic = defineRuleSet({
  id: 'clinic',
  version: '1',
  facts: {
    recentSpinalSurgery: { label: { en: 'Spinal surgery in the last 6 months' } },
    metalAllergy: { label: { en: 'Allergy to metals', ru: 'Аллергия на металлы' } },
  },
  rules: [
    {
      id: 'recent-spinal-surgery',
      kind: 'absolute',
      when: { type: 'any', facts: ['recentSpinalSurgery'] },
      source: { title: 'Clinic policy' },
    },
    {
      id: 'metal-allergy',
      kind: 'relative',
      when: { type: 'all', facts: ['metalAllergy', 'pregnant'] },
      source: { title: 'Clinic policy' },
    },
  ],
});

describe('a rule set with facts of its own', () => {
  test('carries its rule ids and its fact names as type parameters', () => {
    expectTypeOf(clinic).toEqualTypeOf<
      RuleSet<'recent-spinal-surgery' | 'metal-allergy', 'recentSpinalSurgery' | 'metalAllergy'>
    >();
  });

  test('does not compile with a rule that reads a misspelt fact', () => {
    defineRuleSet({
      id: 'clinic',
      version: '1',
      facts: { recentSpinalSurgery: { label: { en: 'Spinal surgery' } } },
      rules: [
        {
          id: 'surgery',
          kind: 'absolute',
          // @ts-expect-error: 'recentSpinalSurgry' is neither declared nor shipped
          when: { type: 'any', facts: ['recentSpinalSurgry'] },
          source: { title: 'Clinic policy' },
        },
      ],
    });
  });

  test('does not compile with a label without English', () => {
    defineRuleSet({
      id: 'clinic',
      version: '1',
      // @ts-expect-error: English is required
      facts: { recentSpinalSurgery: { label: { ru: 'Операция' } } },
      rules: [
        { id: 'x', kind: 'absolute', when: { type: 'any', facts: ['recentSpinalSurgery'] }, source: { title: 'T' } },
      ],
    });
  });

  test('screens records that hold its facts, and refuses a misspelt one', () => {
    const screening = screen({ ageYears: 40, recentSpinalSurgery: false, metalAllergy: null }, { ruleSet: clinic });
    expectTypeOf(screening).toEqualTypeOf<
      Screening<'recent-spinal-surgery' | 'metal-allergy', 'recentSpinalSurgery' | 'metalAllergy'>
    >();
    expectTypeOf(screening.missing).toEqualTypeOf<readonly (FactName | 'recentSpinalSurgery' | 'metalAllergy')[]>();
    // @ts-expect-error: 'recentSpinalSurgry' is misspelt
    screen({ recentSpinalSurgry: true }, { ruleSet: clinic });
    // @ts-expect-error: a fact of the set's own is a boolean
    screen({ recentSpinalSurgery: 'yes' }, { ruleSet: clinic });
    // @ts-expect-error: the protocol does not know the clinic's fact
    screen({ recentSpinalSurgery: true });
  });

  test('parses records with its facts when given the set', () => {
    expectTypeOf(parsePatientFacts({}, { ruleSet: clinic })).toEqualTypeOf<
      Result<PatientFactsWith<'recentSpinalSurgery' | 'metalAllergy'>>
    >();
    const parsed = parsePatientFacts({}, { ruleSet: clinic });
    if (parsed.ok) expectTypeOf(parsed.value.recentSpinalSurgery).toEqualTypeOf<boolean | null | undefined>();
  });

  test('extends the protocol with its facts', () => {
    const extended = extendProtocol({
      id: 'clinic',
      version: '1',
      facts: { recentSpinalSurgery: { label: { en: 'Spinal surgery' } } },
      rules: [
        {
          id: 'surgery',
          kind: 'absolute',
          when: { type: 'any', facts: ['recentSpinalSurgery'] },
          source: { title: 'T' },
        },
      ],
    });
    expectTypeOf(extended).toEqualTypeOf<RuleSet<ProtocolRuleId | 'surgery', 'recentSpinalSurgery'>>();
    // @ts-expect-error: misspelt
    screen({ recentSpinalSurgry: true }, { ruleSet: extended });
  });
});

describe('rule ids from several sources', () => {
  test("are the union of every rule's id: spread sets, made rules and literals together", () => {
    const mine = {
      id: 'mine',
      kind: 'absolute',
      when: { type: 'any', facts: ['pregnant'] },
      source: { title: 'T' },
    } as const;
    expectTypeOf(defineRuleSet({ id: 'a', version: '1', rules: [...redFlagRuleSet.rules, mine] })).toEqualTypeOf<
      RuleSet<RedFlagRuleId | 'mine'>
    >();
    expectTypeOf(defineRuleSet({ id: 'b', version: '1', rules: [ageRule({ under: 18 }), mine] })).toEqualTypeOf<
      RuleSet<'age' | 'mine'>
    >();
    const extended = extendProtocol({
      id: 'c',
      version: '1',
      facts: { ownFact: { label: { en: 'Own' } } },
      rules: [
        ...redFlagRuleSet.rules,
        {
          id: 'own',
          kind: 'referral',
          urgency: 'routine',
          evidence: 'clinic policy',
          when: { type: 'any', facts: ['ownFact'] },
          source: { title: 'T' },
        },
      ],
    });
    expectTypeOf(extended).toEqualTypeOf<RuleSet<ProtocolRuleId | RedFlagRuleId | 'own', 'ownFact'>>();
  });
});

describe('referrals', () => {
  test('a referral rule needs an urgency and evidence', () => {
    const withoutUrgency = {
      id: 'flag',
      kind: 'referral',
      evidence: 'weak',
      when: { type: 'any', facts: ['nightPain'] },
      source: { title: 'T' },
    } as const;
    // @ts-expect-error: a referral without its urgency
    defineRuleSet({ id: 'x', version: '1', rules: [withoutUrgency] });
    defineRuleSet({ id: 'x', version: '1', rules: [{ ...withoutUrgency, urgency: 'routine' }] });
  });

  test('the red flags name their rules, and a screening lists its referrals', () => {
    expectTypeOf(redFlagRuleSet).toEqualTypeOf<RuleSet<RedFlagRuleId>>();
    expectTypeOf(screen({}, { ruleSet: redFlagRuleSet }).referrals).toEqualTypeOf<readonly Referral<RedFlagRuleId>[]>();
  });
});
