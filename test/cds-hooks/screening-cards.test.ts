import { describe, expect, it } from 'vitest';
import { screeningCards } from '../../src/cds-hooks/index.js';
import { cautionRuleSet, defineRuleSet, protocolRuleSet, screen } from '../../src/index.js';
import { validateCard } from './card-validator.js';

const source = { label: 'Clinic acupuncture screening' };
const nothingPresent = {
  ageYears: 48,
  oncologicalDisease: false,
  pregnant: false,
  coagulationDisorder: false,
  acuteInfection: false,
  acuteMentalIllness: false,
  psychotropicInfluence: false,
};
const withCautions = defineRuleSet({
  id: 'protocol-and-cautions',
  version: '1',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
});

function cardsOf(screening: unknown) {
  const cards = screeningCards(screening as never, { source });
  for (const card of cards) expect(validateCard(card)).toEqual([]);
  return cards;
}

describe('screeningCards', () => {
  it('contraindicated: one critical card naming the contraindications and the need for another method, with sources', () => {
    const cards = cardsOf(screen({ ...nothingPresent, ageYears: 80, oncologicalDisease: true }));
    expect(cards).toHaveLength(1);
    expect(cards[0]?.indicator).toBe('critical');
    expect(cards[0]?.summary).toBe(
      'Acupuncture contraindicated: age, oncological disease. Refer for another method of treatment.',
    );
    expect(cards[0]?.detail).toContain('Osteochondrosis and acupuncture, Contraindications, item 1');
    expect(cards[0]?.detail).toContain('Contraindications, item 2');
    expect(cards[0]?.source).toEqual(source);
  });

  it('incomplete: a warning card listing the facts to record, never an info card', () => {
    const cards = cardsOf(screen({ ageYears: 52 }));
    expect(cards.map((card) => card.indicator)).toEqual(['warning']);
    expect(cards[0]?.summary).toMatch(/^Acupuncture screening incomplete\. Record: oncological disease, pregnancy/);
    expect(cards[0]?.detail).toContain('- blood clotting disorder');
  });

  it('caution: one warning card per caution, citing its reference', () => {
    const screening = screen(
      {
        ...nothingPresent,
        anticoagulantTherapy: true,
        epilepsy: true,
        pacemaker: false,
        electroacupuncturePlanned: false,
        skinLesionAtSite: false,
        needlePhobia: false,
      },
      { ruleSet: withCautions },
    );
    expect(screening.status).toBe('caution');
    const cards = cardsOf(screening);
    expect(cards.map((card) => card.summary)).toEqual([
      'Acupuncture caution: anticoagulant therapy. Weigh it before needling.',
      'Acupuncture caution: epilepsy. Weigh it before needling.',
    ]);
    expect(cards[0]?.detail).toContain('British Acupuncture Council');
  });

  it('eligible: one info card that names the rule set checked', () => {
    const cards = cardsOf(screen(nothingPresent));
    expect(cards).toHaveLength(1);
    expect(cards[0]?.indicator).toBe('info');
    expect(cards[0]?.summary).toBe('No acupuncture contraindication found (acuspine-protocol v1.0.0).');
  });

  it('keeps summaries under 140 characters when many facts are missing', () => {
    const cards = cardsOf(screen({}, { ruleSet: withCautions }));
    expect(cards[0]?.summary.length).toBeLessThan(140);
    expect(cards[0]?.summary).toMatch(/and \d+ more\.$/);
  });

  it('a value that is not a consistent screening gives one warning card, never an info card', () => {
    const eligible = screen(nothingPresent);
    for (const bad of [null, {}, 'eligible', { ...eligible, status: 'caution' }, { ...eligible, findings: [] }]) {
      const cards = cardsOf(bad);
      expect(cards.map((card) => card.indicator)).toEqual(['warning']);
    }
  });

  it('throws on a missing source label or a relative source URL: programmer misuse', () => {
    const screening = screen(nothingPresent);
    expect(() => screeningCards(screening, { source: { label: '' } })).toThrow(TypeError);
    expect(() => screeningCards(screening, {} as never)).toThrow(TypeError);
    expect(() => screeningCards(screening, { source: { label: 'x', url: '/about' } })).toThrow(TypeError);
  });

  it('passes the optional source fields through, and leaves out those not given', () => {
    const full = {
      label: 'x',
      url: 'https://clinic.example/about',
      icon: 'https://clinic.example/icon.png',
      topic: { code: 'acu' },
    };
    const [card] = screeningCards(screen(nothingPresent), { source: full });
    expect(card?.source).toEqual(full);
    expect(validateCard(card)).toEqual([]);
  });
});
