import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  cautionRuleSet,
  defineRuleSet,
  factNames,
  type PatientFacts,
  protocolRuleSet,
  screen,
} from '../../src/index.js';
import { withPrototypeProperty } from '../fixtures/polluted-prototype.js';
import { anyInput, pollution } from '../fixtures/pollution-arbitraries.js';

// Whatever Object.prototype holds, under whatever fact name, a screening is the one it would be
// without it. The pollution is removed in a `finally`, before anything is compared.

const ruleSets = [
  protocolRuleSet,
  cautionRuleSet,
  defineRuleSet({ id: 'both', version: '1', rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules] }),
];

describe('screen with a polluted Object.prototype', () => {
  test.prop([fc.constantFrom(...factNames), pollution, anyInput, fc.constantFrom(...ruleSets)])(
    'gives the screening it gives without the pollution',
    (name, descriptor, input, ruleSet) => {
      const facts = input as PatientFacts;
      const clean = screen(facts, { ruleSet });
      const polluted = withPrototypeProperty(name, descriptor, () => screen(facts, { ruleSet }));
      expect(polluted).toEqual(clean);
    },
  );
});
