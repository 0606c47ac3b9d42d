// The exact cards of screeningCards for each status, and the citations in their markdown detail,
// on a small rule set of a clinic.
import { describe, expect, it } from 'vitest';
import { screeningCards } from '../../src/cds-hooks/index.js';
import { defineRuleSet, type PatientFacts, protocolRuleSet, type SourceCitation, screen } from '../../src/index.js';
import { noProtocolFinding } from '../fixtures/patients.js';
import { validateCard } from './card-validator.js';

const source = { label: 'acuspine' };
const FOOTER = '_Decision support for the treating clinician, who decides._';

const clinic = defineRuleSet({
  id: 'clinic',
  version: '2',
  rules: [
    {
      id: 'oncology',
      kind: 'absolute',
      when: { type: 'any', facts: ['oncologicalDisease'] },
      source: { title: 'Protocol', section: 'Contraindications', item: 2 },
    },
    {
      id: 'pregnancy',
      kind: 'absolute',
      when: { type: 'any', facts: ['pregnant'] },
      source: { title: 'Protocol', section: 'Contraindications', item: 3 },
    },
    {
      id: 'epilepsy',
      kind: 'relative',
      when: { type: 'any', facts: ['epilepsy'] },
      source: { title: 'Trials', note: 'an exclusion criterion', url: 'https://trials.example/gerac' },
    },
    {
      id: 'needle-phobia',
      kind: 'relative',
      when: { type: 'any', facts: ['needlePhobia'] },
      source: { title: 'Review' },
    },
  ],
});

function cardsOf(facts: PatientFacts) {
  const cards = screeningCards(screen(facts, { ruleSet: clinic }), { source });
  for (const card of cards) expect(validateCard(card)).toEqual([]);
  return cards;
}

const cautionCard = (label: string, citation: string) => ({
  summary: `Acupuncture caution: ${label}. Weigh it before needling.`,
  indicator: 'warning',
  source,
  detail: [
    '**Caution** (rule set clinic v2): a relative contraindication, for the clinician to weigh.',
    '',
    `- ${label}: ${citation}`,
    '',
    FOOTER,
  ].join('\n'),
});
const EPILEPSY = 'Trials (an exclusion criterion) <https://trials.example/gerac>';
const PROTOCOL = 'Osteochondrosis and acupuncture, Contraindications';
/** The set reads two of the protocol's facts: it leaves four contraindications of the protocol unchecked. */
const NOT_CHECKED = [
  `- age: ${PROTOCOL}, item 1`,
  `- blood clotting disorder: ${PROTOCOL}, item 4`,
  `- acute infection: ${PROTOCOL}, item 5`,
  `- acute mental state or psychotropic substances: ${PROTOCOL}, item 6`,
];
const protocolCard = (checked: readonly string[] = []) => ({
  summary: "Not an all-clear: clinic v2 does not check 4 of the protocol's contraindications.",
  indicator: 'warning',
  source,
  detail: [
    '**Not an all-clear against the source protocol** (rule set clinic v2): the rule set does not check these contraindications of the protocol, so this screening says nothing about them:',
    '',
    ...NOT_CHECKED,
    '',
    'Check them before needling, or screen with a rule set that includes the protocol (`extendProtocol`).',
    ...checked,
    '',
    FOOTER,
  ].join('\n'),
});

describe('screeningCards: the cards of each status', () => {
  it('contraindicated: one critical card that lists the contraindications found, and no caution', () => {
    const cards = cardsOf({ oncologicalDisease: true, pregnant: false, epilepsy: true, needlePhobia: false });
    expect(cards).toEqual([
      {
        summary: 'Acupuncture contraindicated: oncological disease. Refer for another method of treatment.',
        indicator: 'critical',
        source,
        detail: [
          "**Acupuncture is contraindicated** (rule set clinic v2). The source protocol's answer is another method of treatment: refer the patient.",
          '',
          'Contraindications found:',
          '- oncological disease: Protocol, Contraindications, item 2',
          '',
          'The rule set does not check these contraindications of the source protocol: age, blood clotting disorder, acute infection, acute mental state or psychotropic substances.',
          '',
          FOOTER,
        ].join('\n'),
      },
    ]);
    const both = cardsOf({ oncologicalDisease: true, pregnant: true });
    expect(both[0]?.summary).toBe(
      'Acupuncture contraindicated: oncological disease, pregnancy. Refer for another method of treatment.',
    );
  });

  it('caution: the protocol rules not checked, then one warning card per caution found, each citing its source', () => {
    const cards = cardsOf({ oncologicalDisease: false, pregnant: false, epilepsy: true, needlePhobia: true });
    expect(cards).toEqual([protocolCard(), cautionCard('epilepsy', EPILEPSY), cautionCard('needle phobia', 'Review')]);
  });

  it('incomplete: a card with the facts to record and the rules not settled, the protocol rules not checked, then the cautions found', () => {
    const cards = cardsOf({ oncologicalDisease: false, epilepsy: true });
    expect(cards).toEqual([
      {
        summary: 'Acupuncture screening incomplete. Record: pregnancy, needle phobia.',
        indicator: 'warning',
        source,
        detail: [
          '**Screening incomplete** (rule set clinic v2): these facts are not recorded, and no result is given until they are.',
          '',
          'Facts to record:',
          '- pregnancy',
          '- needle phobia',
          '',
          'Rules not settled:',
          '- pregnancy: Protocol, Contraindications, item 3',
          '- needle phobia: Review',
          '',
          FOOTER,
        ].join('\n'),
      },
      protocolCard(),
      cautionCard('epilepsy', EPILEPSY),
    ]);
  });

  it('eligible: no info card, as the set leaves out protocol rules, but a warning that lists every rule checked', () => {
    const cards = cardsOf({ oncologicalDisease: false, pregnant: false, epilepsy: false, needlePhobia: false });
    expect(cards).toEqual([
      protocolCard([
        '',
        'No contraindication was found by the rules that were checked:',
        '- oncological disease: Protocol, Contraindications, item 2',
        '- pregnancy: Protocol, Contraindications, item 3',
        `- epilepsy: ${EPILEPSY}`,
        '- needle phobia: Review',
      ]),
    ]);
  });

  it('eligible, with every protocol rule in the set: one info card that lists every rule checked', () => {
    const whole = defineRuleSet({
      id: 'clinic',
      version: '2',
      rules: [...protocolRuleSet.rules, ...clinic.rules.slice(2)],
    });
    const cards = screeningCards(
      screen({ ...noProtocolFinding, epilepsy: false, needlePhobia: false }, { ruleSet: whole }),
      {
        source,
      },
    );
    expect(cards).toEqual([
      {
        summary: 'No acupuncture contraindication found (clinic v2).',
        indicator: 'info',
        source,
        detail: [
          '**No contraindication found** (rule set clinic v2): every rule was checked against recorded facts.',
          '',
          'Rules checked:',
          `- age: ${PROTOCOL}, item 1`,
          `- oncological disease: ${PROTOCOL}, item 2`,
          `- pregnancy: ${PROTOCOL}, item 3`,
          `- blood clotting disorder: ${PROTOCOL}, item 4`,
          `- acute infection: ${PROTOCOL}, item 5`,
          `- acute mental state or psychotropic substances: ${PROTOCOL}, item 6`,
          `- epilepsy: ${EPILEPSY}`,
          '- needle phobia: Review',
          '',
          FOOTER,
        ].join('\n'),
      },
    ]);
  });
});

describe('screeningCards: citations', () => {
  /** The citation line of the only rule of a rule set with this source, on its info card. */
  function citationOf(citation: SourceCitation): string | undefined {
    const ruleSet = defineRuleSet({
      id: 'one',
      version: '1',
      rules: [{ id: 'r', kind: 'absolute', when: { type: 'any', facts: ['epilepsy'] }, source: citation }],
    });
    const [card] = screeningCards(screen({ epilepsy: false }, { ruleSet }), { source });
    return card?.detail?.split('\n').find((line) => line.startsWith('- r: '));
  }

  it('writes the title, section, item, note and link', () => {
    expect(
      citationOf({ title: 'Book', section: 'Part 1', item: 4, note: 'as amended', url: 'https://book.example/1' }),
    ).toBe('- r: Book, Part 1, item 4 (as amended) <https://book.example/1>');
    expect(citationOf({ title: 'Book', note: 'as amended' })).toBe('- r: Book (as amended)');
    expect(citationOf({ title: 'Book', url: 'http://book.example/1' })).toBe('- r: Book <http://book.example/1>');
  });

  it('links only absolute http(s) URLs without spaces', () => {
    for (const url of ['ftp://book.example/1', 'see https://book.example/1', 'https://book.example/a b', 'https://']) {
      expect(citationOf({ title: 'Book', url })).toBe('- r: Book');
    }
  });

  it('escapes markdown in the title, section and note', () => {
    expect(citationOf({ title: 'Book [2]', section: '*Part* _1_', note: '<b>' })).toBe(
      '- r: Book \\[2\\], \\*Part\\* \\_1\\_ (\\<b\\>)',
    );
  });
});
