import { describe, expect, it } from 'vitest';
import { screeningCards } from '../../src/cds-hooks/index.js';
import { cautionRuleSet, defineRuleSet, extendProtocol, protocolRuleSet, screen } from '../../src/index.js';
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

describe('screeningCards for a rule set that leaves out the protocol', () => {
  const FOOTER = '_Decision support for the treating clinician, who decides._';
  const PROTOCOL = 'Osteochondrosis and acupuncture, Contraindications';
  const device = {
    id: 'implanted-device',
    kind: 'absolute',
    when: { type: 'all', facts: ['pacemaker', 'electroacupuncturePlanned'] },
    source: { title: 'Clinic policy on electroacupuncture' },
  } as const;
  const electroOnly = () => defineRuleSet({ id: 'clinic-electro', version: '1', rules: [device] });
  const notChecked = (lines: readonly string[]) => [
    '**Not an all-clear against the source protocol** (rule set clinic-electro v1): the rule set does not check these contraindications of the protocol, so this screening says nothing about them:',
    '',
    ...lines,
    '',
    'Check them before needling, or screen with a rule set that includes the protocol (`extendProtocol`).',
  ];
  const ALL_SIX = [
    `- age: ${PROTOCOL}, item 1`,
    `- oncological disease: ${PROTOCOL}, item 2`,
    `- pregnancy: ${PROTOCOL}, item 3`,
    `- blood clotting disorder: ${PROTOCOL}, item 4`,
    `- acute infection: ${PROTOCOL}, item 5`,
    `- acute mental state or psychotropic substances: ${PROTOCOL}, item 6`,
  ];
  const protocolDetail = (extra: readonly string[] = []) => [...notChecked(ALL_SIX), ...extra, '', FOOTER].join('\n');

  it('an eligible screening of the docs’ electroOnly set is a warning that says so, never an all-clear', () => {
    const screening = screen(
      { ageYears: 1, pregnant: true, oncologicalDisease: true, pacemaker: true, electroacupuncturePlanned: false },
      { ruleSet: electroOnly() },
    );
    expect(screening.status).toBe('eligible');
    expect(cardsOf(screening)).toEqual([
      {
        summary: "Not an all-clear: clinic-electro v1 does not check 6 of the protocol's contraindications.",
        indicator: 'warning',
        source,
        detail: protocolDetail([
          '',
          'No contraindication was found by the rules that were checked:',
          '- implanted-device: Clinic policy on electroacupuncture',
        ]),
      },
    ]);
  });

  it('a caution or an incomplete screening has the same warning, after the incomplete card and before the cautions', () => {
    const ruleSet = defineRuleSet({
      id: 'clinic-electro',
      version: '1',
      rules: [device, ...cautionRuleSet.rules.slice(2, 4)],
    });
    const caution = screen(
      { pacemaker: false, electroacupuncturePlanned: false, skinLesionAtSite: true, needlePhobia: false },
      { ruleSet },
    );
    expect(cardsOf(caution).map((card) => card.summary)).toEqual([
      "Not an all-clear: clinic-electro v1 does not check 6 of the protocol's contraindications.",
      'Acupuncture caution: skin lesion at the needling site. Weigh it before needling.',
    ]);
    expect(cardsOf(caution)[0]?.detail).toBe(protocolDetail());
    const incomplete = screen({ pacemaker: true, skinLesionAtSite: true, needlePhobia: false }, { ruleSet });
    expect(cardsOf(incomplete).map((card) => card.summary)).toEqual([
      'Acupuncture screening incomplete. Record: electroacupuncture planned.',
      "Not an all-clear: clinic-electro v1 does not check 6 of the protocol's contraindications.",
      'Acupuncture caution: skin lesion at the needling site. Weigh it before needling.',
    ]);
  });

  it('a contraindicated screening names the protocol rules not checked on its critical card', () => {
    const ruleSet = defineRuleSet({ id: 'clinic-electro', version: '1', rules: [device] });
    const [card, ...rest] = cardsOf(screen({ pacemaker: true, electroacupuncturePlanned: true }, { ruleSet }));
    expect(rest).toEqual([]);
    expect(card?.indicator).toBe('critical');
    expect(card?.detail?.split('\n').slice(-3)).toEqual([
      'The rule set does not check these contraindications of the source protocol: age, oncological disease, pregnancy, blood clotting disorder, acute infection, acute mental state or psychotropic substances.',
      '',
      FOOTER,
    ]);
  });

  it('names only the protocol rules a set leaves out, and counts one in the singular', () => {
    const noAge = defineRuleSet({ id: 'no-age', version: '1', rules: protocolRuleSet.rules.slice(1) });
    const [card] = cardsOf(screen(nothingPresent, { ruleSet: noAge }));
    expect(card?.summary).toBe("Not an all-clear: no-age v1 does not check 1 of the protocol's contraindications.");
    expect(card?.detail).toContain(`\n\n- age: ${PROTOCOL}, item 1\n\n`);
  });

  it('gives the info card of an extended protocol, which checks every protocol rule', () => {
    const clinic = extendProtocol({ id: 'clinic', version: '1', rules: [device] });
    const cards = cardsOf(screen({ ...nothingPresent, pacemaker: false }, { ruleSet: clinic }));
    expect(cards.map((card) => [card.indicator, card.summary])).toEqual([
      ['info', 'No acupuncture contraindication found (clinic v1).'],
    ]);
  });
});

describe('screeningCards: whose rule it is', () => {
  it('cites an age rule with the clinic’s own bounds as the rule set’s own, adapted from the protocol', () => {
    const adults = extendProtocol({ id: 'adults', version: '1', rules: [], age: { under: 18, over: 65 } });
    const [card] = cardsOf(screen({ ...nothingPresent, ageYears: 16 }, { ruleSet: adults }));
    expect(card?.detail).toContain(
      "- age: the rule set's own age limits, adapted from Osteochondrosis and acupuncture, Contraindications, item 1 (the rule set's own bounds, under 18 or over 65 completed years; the protocol's are under 3 or over 75)",
    );
  });

  it('cites another protocol rule that carries a note as the rule set’s own, adapted from the protocol', () => {
    const [, oncology] = protocolRuleSet.rules;
    const noted = { ...oncology, source: { ...oncology?.source, note: 'reviewed 2026' } } as never;
    const ruleSet = defineRuleSet({ id: 'noted', version: '1', rules: [noted] });
    const [card] = cardsOf(screen({ oncologicalDisease: true }, { ruleSet }));
    expect(card?.detail).toContain(
      "- oncological disease: the rule set's own rule, adapted from Osteochondrosis and acupuncture, Contraindications, item 2 (reviewed 2026)",
    );
  });
});

describe('screeningCards: the result', () => {
  it('is frozen, deeply: the list, each card and its source', () => {
    for (const screening of [screen(nothingPresent), screen({}), screen({ ageYears: 80 }), 'not a screening']) {
      const cards = screeningCards(screening as never, { source: { label: 'x', topic: { code: 'acu' } } });
      expect(Object.isFrozen(cards)).toBe(true);
      for (const card of cards) {
        expect(Object.isFrozen(card)).toBe(true);
        expect(Object.isFrozen(card.source)).toBe(true);
        expect(Object.isFrozen(card.source.topic)).toBe(true);
      }
    }
  });
});
