// What uncheckedProtocolRules promises: a set that checks a protocol rule is, on that rule, never
// less strict than the protocol; a set that checks every protocol rule never gives a status the
// protocol would not allow.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  type BooleanFactName,
  defineRuleSet,
  factNames,
  type PatientFacts,
  protocolRuleSet,
  type Rule,
  type Screening,
  screen,
} from '../../src/index.js';

const booleanFacts = factNames.filter((name): name is BooleanFactName => name !== 'ageYears');

const factValue = fc.oneof(fc.constant(undefined), fc.boolean(), fc.constant('invalid'));
const factsArbitrary = fc
  .record({
    ageYears: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 100 }), fc.constant(-1)),
    ...Object.fromEntries(booleanFacts.map((name) => [name, factValue])),
  })
  .map((facts) => facts as PatientFacts);

/** A random absolute or relative rule over any facts, or over age. */
const ruleArbitrary = (index: number) =>
  fc
    .record({
      kind: fc.constantFrom('absolute' as const, 'relative' as const),
      when: fc.oneof(
        fc.record({
          type: fc.constantFrom('any' as const, 'all' as const),
          facts: fc.uniqueArray(fc.constantFrom(...booleanFacts), { minLength: 1, maxLength: 3 }),
        }),
        fc
          .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 100 }))
          .map(([under, span]) => ({ type: 'age-outside' as const, under, over: under + span })),
      ),
    })
    .map((parts): Rule => ({ id: `r${index}`, ...parts, source: { title: 'Clinic policy' } }));

const ruleSetArbitrary = fc
  .tuple(
    fc.subarray([...protocolRuleSet.rules]),
    fc.array(fc.nat(), { maxLength: 5 }).chain((seeds) => fc.tuple(...seeds.map((_, i) => ruleArbitrary(i)))),
  )
  .filter(([protocol, own]) => protocol.length + own.length > 0)
  .map(([protocol, own]) => defineRuleSet({ id: 'random', version: '1', rules: [...protocol, ...own] }));

/** How strict a status is, for the protocol's contraindications: contraindicated, then incomplete. */
const strictness = (screening: Screening) =>
  screening.status === 'contraindicated' ? 2 : screening.status === 'incomplete' ? 1 : 0;

describe('uncheckedProtocolRules', () => {
  test.prop([ruleSetArbitrary, factsArbitrary])(
    'a set is at least as strict as each protocol rule it checks, on that rule alone',
    (ruleSet, facts) => {
      const screening = screen(facts, { ruleSet });
      for (const rule of protocolRuleSet.rules) {
        if (screening.uncheckedProtocolRules.includes(rule.id)) continue;
        const alone = screen(facts, { ruleSet: defineRuleSet({ id: 'one', version: '1', rules: [rule] }) });
        expect(strictness(screening)).toBeGreaterThanOrEqual(strictness(alone));
      }
    },
  );

  test.prop([ruleSetArbitrary, factsArbitrary])(
    'a set that checks every protocol rule is at least as strict as the protocol',
    (ruleSet, facts) => {
      const screening = screen(facts, { ruleSet });
      if (screening.uncheckedProtocolRules.length > 0) return;
      expect(strictness(screening)).toBeGreaterThanOrEqual(strictness(screen(facts)));
    },
  );
});
