import { describe, expectTypeOf, test } from 'vitest';
import {
  ageRule,
  type CautionRuleId,
  cautionRuleSet,
  defineRuleSet,
  type FactName,
  type Finding,
  type PatientFacts,
  type ProtocolRuleId,
  protocolRuleSet,
  type Rule,
  type RuleSet,
  type RuleSetRef,
  type Screening,
  type ScreeningStatus,
  screen,
} from '../../src/index.js';

describe('screen', () => {
  test('with the default rule set returns Screening<ProtocolRuleId>', () => {
    expectTypeOf(screen({})).toEqualTypeOf<Screening<ProtocolRuleId>>();
    expectTypeOf(screen({}, {})).toEqualTypeOf<Screening<ProtocolRuleId>>();
    expectTypeOf(screen({}, { ruleSet: protocolRuleSet })).toEqualTypeOf<Screening<ProtocolRuleId>>();
    expectTypeOf(screen({}).contraindications).toEqualTypeOf<readonly ProtocolRuleId[]>();
  });

  test('takes PatientFacts and an optional options object', () => {
    expectTypeOf<Parameters<typeof screen<ProtocolRuleId>>[0]>().toEqualTypeOf<PatientFacts>();
    expectTypeOf(screen({ ageYears: 40, pregnant: null, epilepsy: undefined })).toEqualTypeOf<
      Screening<ProtocolRuleId>
    >();
  });

  test('rejects a misspelt fact and a fact of the wrong type at compile time', () => {
    // @ts-expect-error: 'pregnancy' is not a patient fact
    screen({ pregnancy: true });
    // @ts-expect-error: an age is a number
    screen({ ageYears: '40' });
    // @ts-expect-error: a boolean fact is a boolean
    screen({ pregnant: 'no' });
  });

  test('lets the rule-id type of a custom rule set flow to contraindications, cautions and findings', () => {
    const ruleSet = defineRuleSet({
      id: 'clinic',
      version: '1',
      rules: [
        { id: 'phobia', kind: 'relative', when: { type: 'any', facts: ['needlePhobia'] }, source: { title: 'T' } },
        { id: 'seizures', kind: 'absolute', when: { type: 'any', facts: ['epilepsy'] }, source: { title: 'T' } },
      ],
    });
    const result = screen({}, { ruleSet });
    expectTypeOf(result).toEqualTypeOf<Screening<'phobia' | 'seizures'>>();
    expectTypeOf(result.contraindications).toEqualTypeOf<readonly ('phobia' | 'seizures')[]>();
    expectTypeOf(result.cautions).toEqualTypeOf<readonly ('phobia' | 'seizures')[]>();
    expectTypeOf(result.findings).toEqualTypeOf<readonly Finding<'phobia' | 'seizures'>[]>();
    expectTypeOf(result.findings[0]).toEqualTypeOf<Finding<'phobia' | 'seizures'> | undefined>();
  });

  test('gives the union of both id types for the protocol and the cautions combined', () => {
    const combined = defineRuleSet({
      id: 'both',
      version: '1',
      rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
    });
    expectTypeOf(combined).toEqualTypeOf<RuleSet<ProtocolRuleId | CautionRuleId>>();
    expectTypeOf(screen({}, { ruleSet: combined }).cautions).toEqualTypeOf<
      readonly (ProtocolRuleId | CautionRuleId)[]
    >();
  });

  test('a plain RuleSet without literal ids gives string rule ids', () => {
    const plain: RuleSet = { id: 'x', version: '1', rules: [] };
    expectTypeOf(screen({}, { ruleSet: plain })).toEqualTypeOf<Screening<string>>();
  });
});

describe('Screening', () => {
  test('status is the union of the five statuses', () => {
    type Five = 'eligible' | 'caution' | 'contraindicated' | 'incomplete' | 'refer';
    expectTypeOf<Screening['status']>().toEqualTypeOf<Five>();
    expectTypeOf<ScreeningStatus>().toEqualTypeOf<Five>();
  });

  test('findings carry an outcome, a kind and a source', () => {
    expectTypeOf<Finding['outcome']>().toEqualTypeOf<'present' | 'absent' | 'unknown'>();
    expectTypeOf<Finding['kind']>().toEqualTypeOf<'absolute' | 'relative' | 'referral'>();
    expectTypeOf<Finding['urgency']>().toEqualTypeOf<'emergency' | 'urgent' | 'routine' | undefined>();
    expectTypeOf<Finding['source']['title']>().toEqualTypeOf<string>();
  });

  test('missing and invalid name facts, and ruleSet records an id and a version', () => {
    expectTypeOf<Screening['missing']>().toEqualTypeOf<readonly FactName[]>();
    expectTypeOf<Screening['invalid']>().toEqualTypeOf<readonly FactName[]>();
    expectTypeOf<Screening['ruleSet']>().toEqualTypeOf<RuleSetRef>();
    expectTypeOf<RuleSetRef>().toEqualTypeOf<{ readonly id: string; readonly version: string }>();
  });

  test('is read-only', () => {
    const result = screen({});
    // @ts-expect-error: a screening cannot be changed
    result.status = 'eligible';
    // @ts-expect-error: its lists cannot be changed
    result.missing.push('pregnant');
  });
});

describe('rule sets', () => {
  test('defineRuleSet infers literal rule ids', () => {
    const ruleSet = defineRuleSet({
      id: 'x',
      version: '1',
      rules: [{ id: 'only', kind: 'absolute', when: { type: 'all', facts: ['pacemaker'] }, source: { title: 'T' } }],
    });
    expectTypeOf(ruleSet).toEqualTypeOf<RuleSet<'only'>>();
    expectTypeOf(ruleSet.rules[0]).toEqualTypeOf<Rule<'only'> | undefined>();
  });

  test('the shipped rule sets have literal rule ids', () => {
    expectTypeOf(protocolRuleSet).toEqualTypeOf<RuleSet<ProtocolRuleId>>();
    expectTypeOf(cautionRuleSet).toEqualTypeOf<RuleSet<CautionRuleId>>();
    expectTypeOf<ProtocolRuleId>().toEqualTypeOf<
      'age' | 'oncology' | 'pregnancy' | 'coagulation' | 'acute-infection' | 'acute-mental-state'
    >();
  });

  test('ageRule returns the rule with id age, ready to replace the protocol age rule', () => {
    expectTypeOf(ageRule({ under: 18 })).toEqualTypeOf<Rule<'age'>>();
    const adults = defineRuleSet({
      id: 'a',
      version: '1',
      rules: [ageRule({ under: 18 }), ...protocolRuleSet.rules.slice(1)],
    });
    expectTypeOf(adults).toEqualTypeOf<RuleSet<ProtocolRuleId>>();
  });

  test('rejects unknown kinds, facts and conditions at compile time', () => {
    defineRuleSet({
      id: 'x',
      version: '1',
      // @ts-expect-error: 'strict' is not a rule kind
      rules: [{ id: 'a', kind: 'strict', when: { type: 'any', facts: ['pregnant'] }, source: { title: 'T' } }],
    });
    defineRuleSet({
      id: 'x',
      version: '1',
      // @ts-expect-error: 'ageYears' is not a boolean fact
      rules: [{ id: 'a', kind: 'absolute', when: { type: 'any', facts: ['ageYears'] }, source: { title: 'T' } }],
    });
  });
});
