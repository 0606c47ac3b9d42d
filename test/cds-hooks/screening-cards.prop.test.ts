import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { screeningCards } from '../../src/cds-hooks/index.js';
import {
  cautionRuleSet,
  defineRuleSet,
  extendProtocol,
  factNames,
  protocolRuleSet,
  redFlagRuleSet,
  screen,
} from '../../src/index.js';
import { validateCard } from './card-validator.js';

const source = { label: 'acuspine' };
const both = defineRuleSet({ id: 'both', version: '1', rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules] });
const all = extendProtocol({ id: 'all', version: '1', rules: [...cautionRuleSet.rules, ...redFlagRuleSet.rules] });

const factValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: 0, max: 110 }));
const factsArbitrary = fc.record(Object.fromEntries(factNames.map((name) => [name, factValue])), { requiredKeys: [] });

describe('screeningCards', () => {
  test.prop([fc.anything()])('never throws on any value, and every card is valid and never info', (value) => {
    const cards = screeningCards(value as never, { source });
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(validateCard(card)).toEqual([]);
      expect(card.indicator).not.toBe('info');
    }
  });

  test.prop([fc.json()])('never throws on any JSON', (text) => {
    const cards = screeningCards(JSON.parse(text) as never, { source });
    for (const card of cards) expect(validateCard(card)).toEqual([]);
  });

  test.prop([factsArbitrary, fc.boolean()])(
    'real screenings give valid cards, info exactly when eligible, critical exactly when contraindicated',
    (facts, withCautions) => {
      const screening = screen(facts as never, withCautions ? { ruleSet: both } : undefined);
      const cards = screeningCards(screening, { source });
      for (const card of cards) expect(validateCard(card)).toEqual([]);
      expect(cards.some((card) => card.indicator === 'info')).toBe(screening.status === 'eligible');
      expect(cards.some((card) => card.indicator === 'critical')).toBe(screening.status === 'contraindicated');
    },
  );

  test.prop([factsArbitrary])(
    'with the red flags: a refer screening leads with its critical card, and info comes only when eligible',
    (facts) => {
      const screening = screen(facts as never, { ruleSet: all });
      const cards = screeningCards(screening, { source });
      for (const card of cards) expect(validateCard(card)).toEqual([]);
      expect(cards.some((card) => card.indicator === 'info')).toBe(screening.status === 'eligible');
      expect(cards[0]?.indicator === 'critical').toBe(
        screening.status === 'refer' || screening.status === 'contraindicated',
      );
      expect(cards[0]?.summary.startsWith('Red flag')).toBe(screening.status === 'refer');
      expect(cards.filter((card) => card.summary.startsWith('Red flag'))).toHaveLength(
        screening.status === 'refer' ? 1 : 0,
      );
    },
  );
});
