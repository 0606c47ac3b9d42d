// A polluted Object.prototype (a merge of untrusted JSON, a hostile script) decides no option and
// no part of a request: the service, the cards, the explanations and rule sets read only what the
// caller gave.
import { describe, expect, it } from 'vitest';
import { cdsService, screeningCards } from '../../src/cds-hooks/index.js';
import { defineRuleSet, explain, screen } from '../../src/index.js';
import { withPrototypeValue } from '../fixtures/polluted-prototype.js';
import { found, fullPrefetch } from './fixtures.js';

const source = { label: 'Clinic acupuncture screening' };
const empty = found();
const prefetch = fullPrefetch();
const call = (service: ReturnType<typeof cdsService>, body: Record<string, unknown>) =>
  service.handle(
    { hook: 'patient-view', hookInstance: 'h', context: { patientId: 'p1' }, ...body },
    { on: '2026-11-24' },
  );
const indicators = (result: ReturnType<typeof call>) =>
  result.ok ? result.value.cards.map((card) => card.indicator) : [];

describe('a polluted Object.prototype', () => {
  it('does not make a service closed-world, nor give it code lists or a rule set', () => {
    for (const [name, value] of [
      ['closedWorld', true],
      ['extraCodes', 'x'],
      ['ruleSet', { id: 'x', version: '1', rules: [] }],
    ] as const) {
      withPrototypeValue(name, value, () => {
        expect(indicators(call(cdsService({ source }), { prefetch })), name).toEqual(['warning']);
      });
    }
  });

  it('does not fill a prefetch key the request left out, nor decide its hook or context', () => {
    withPrototypeValue('devices', empty, () => {
      const { devices: _devices, ...withoutDevices } = prefetch;
      const result = call(cdsService({ source, closedWorld: true }), { prefetch: withoutDevices });
      expect(result.ok && result.value.cards[0]?.summary).toBe(
        'Acupuncture screening: prefetch missing for devices. No all-clear can be given.',
      );
    });
    withPrototypeValue('prefetch', prefetch, () => {
      expect(indicators(call(cdsService({ source, closedWorld: true }), {}))[0]).toBe('warning');
    });
    withPrototypeValue('url', 'https://attacker.example', () => {
      const [card] = screeningCards(screen({ ageYears: 80 }), { source });
      expect(card?.source).toEqual(source);
    });
  });

  it('does not choose the language or the words of an explanation', () => {
    withPrototypeValue('locale', 'ru', () => {
      expect(explain(screen({ ageYears: 80 })).locale).toBe('en');
    });
    withPrototypeValue('messages', { 'status.contraindicated.label': 'All clear' }, () => {
      expect(explain(screen({ ageYears: 80 })).label).toBe('Contraindicated');
    });
  });

  it('does not give a rule the kind it lacks', () => {
    withPrototypeValue('kind', 'relative', () => {
      expect(() =>
        defineRuleSet({
          id: 'clinic',
          version: '1',
          rules: [{ id: 'r', when: { type: 'any', facts: ['pregnant'] }, source: { title: 'Clinic' } } as never],
        }),
      ).toThrow(TypeError);
    });
  });
});
