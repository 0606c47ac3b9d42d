import { describe, expectTypeOf, test } from 'vitest';
import { type Card, screeningCards } from '../../src/cds-hooks/index.js';
import { defineRuleSet, extendProtocol, redFlagRuleSet, screen } from '../../src/index.js';

const source = { label: 'Clinic acupuncture screening' };

describe('screeningCards types', () => {
  test('takes a screening of any rule set, those with facts of their own too, and the set for their labels', () => {
    const clinic = defineRuleSet({
      id: 'clinic',
      version: '1',
      facts: { metalAllergy: { label: { en: 'Metal allergy' } } },
      rules: [
        { id: 'metal', kind: 'relative', when: { type: 'any', facts: ['metalAllergy'] }, source: { title: 'C' } },
      ],
    });
    expectTypeOf(
      screeningCards(screen({ metalAllergy: true }, { ruleSet: clinic }), { source, ruleSet: clinic }),
    ).toEqualTypeOf<readonly Card[]>();
    expectTypeOf(screeningCards(screen({ ageYears: 80 }), { source })).toEqualTypeOf<readonly Card[]>();
  });

  test('takes the red flags with the protocol', () => {
    const withRedFlags = extendProtocol({ id: 'clinic', version: '1', rules: [...redFlagRuleSet.rules] });
    screeningCards(screen({ saddleAnaesthesia: true }, { ruleSet: withRedFlags }), { source, ruleSet: withRedFlags });
  });

  test('refuses a rule set option that is not a rule set', () => {
    // @ts-expect-error a rule set, not its id
    screeningCards(screen({}), { source, ruleSet: 'clinic' });
  });
});
