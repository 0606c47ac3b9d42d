import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isPlainPatientFacts } from '../../src/facts/is-plain-patient-facts.js';
import { factNames, parsePatientFacts } from '../../src/index.js';
import { withPrototypeProperty } from '../fixtures/polluted-prototype.js';
import { anyInput, pollution } from '../fixtures/pollution-arbitraries.js';

// Whatever Object.prototype holds, under whatever fact name, parsing gives what it gives without
// it. The pollution is removed in a `finally`, before anything is compared.

describe('parsePatientFacts with a polluted Object.prototype', () => {
  test.prop([fc.constantFrom(...factNames), pollution, anyInput])(
    'gives the result it gives without the pollution',
    (name, descriptor, input) => {
      const clean = parsePatientFacts(input);
      const polluted = withPrototypeProperty(name, descriptor, () => parsePatientFacts(input));
      expect(polluted).toEqual(clean);
    },
  );

  test.prop([fc.constantFrom(...factNames), pollution, anyInput])(
    'the cohort fast check never says true for what parsing then rejects',
    (name, descriptor, input) => {
      const [plain, parsed] = withPrototypeProperty(name, descriptor, () => [
        isPlainPatientFacts(input),
        parsePatientFacts(input).ok,
      ]);
      if (plain) expect(parsed).toBe(true);
    },
  );
});
