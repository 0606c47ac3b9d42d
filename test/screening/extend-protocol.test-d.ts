import { describe, expectTypeOf, test } from 'vitest';
import {
  type CautionRuleId,
  cautionRuleSet,
  extendProtocol,
  type ProtocolExtension,
  type ProtocolRuleId,
  type RuleSet,
  type Screening,
  screen,
} from '../../src/index.js';

describe('extendProtocol', () => {
  test('keeps the literal ids of the protocol and of the clinic’s rules', () => {
    const clinic = extendProtocol({
      id: 'clinic',
      version: '1',
      rules: [
        { id: 'metal', kind: 'absolute', when: { type: 'any', facts: ['pacemaker'] }, source: { title: 'T' } },
        { id: 'phobia', kind: 'relative', when: { type: 'any', facts: ['needlePhobia'] }, source: { title: 'T' } },
      ],
    });
    expectTypeOf(clinic).toEqualTypeOf<RuleSet<ProtocolRuleId | 'metal' | 'phobia'>>();
    expectTypeOf(screen({}, { ruleSet: clinic })).toEqualTypeOf<Screening<ProtocolRuleId | 'metal' | 'phobia'>>();
  });

  test('gives the protocol’s ids alone for no rules of the clinic’s own, and adds the cautions’ ids', () => {
    expectTypeOf(extendProtocol({ id: 'c', version: '1', rules: [] })).toEqualTypeOf<RuleSet<ProtocolRuleId>>();
    const withCautions = extendProtocol({ id: 'c', version: '1', rules: cautionRuleSet.rules, age: { under: 18 } });
    expectTypeOf(withCautions).toEqualTypeOf<RuleSet<ProtocolRuleId | CautionRuleId>>();
  });

  test('takes the age bounds as ageRule does, and a definition as defineRuleSet does', () => {
    expectTypeOf<ProtocolExtension<'x'>['age']>().toEqualTypeOf<
      { readonly under?: number; readonly over?: number } | undefined
    >();
    // @ts-expect-error: the bounds are numbers
    extendProtocol({ id: 'c', version: '1', rules: [], age: { under: '18' } });
    // @ts-expect-error: a rule set needs a version
    extendProtocol({ id: 'c', rules: [] });
  });

  test('records the unchecked protocol rules by their ids', () => {
    expectTypeOf<Screening['uncheckedProtocolRules']>().toEqualTypeOf<readonly ProtocolRuleId[]>();
  });
});
