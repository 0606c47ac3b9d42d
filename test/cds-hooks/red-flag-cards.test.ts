// A red flag on a card: a refer screening gives one critical card first, which says how urgent
// and names the flags; what the rest of the screening says follows it, never an all-clear.
import { describe, expect, it } from 'vitest';
import { screeningCards } from '../../src/cds-hooks/index.js';
import {
  cautionRuleSet,
  defineRuleSet,
  extendProtocol,
  type PatientFacts,
  redFlagFactNames,
  redFlagRuleSet,
  screen,
} from '../../src/index.js';
import { validateCard } from './card-validator.js';

const source = { label: 'Clinic acupuncture screening' };
const FOOTER = '_Decision support for the treating clinician, who decides._';
const WEAK = 'A red flag is a reason to assess, not a diagnosis, and the evidence for single flags is weak.';
const FINUCANE =
  'Finucane LM, Downie A, Mercer C, et al. International Framework for Red Flags for Potential Serious Spinal Pathologies. J Orthop Sports Phys Ther 2020;50(7):350-372';
const DOWNIE =
  'Downie A, Williams CM, Henschke N, et al. Red flags to screen for malignancy and fracture in patients with low back pain: systematic review. BMJ 2013;347:f7095';
const healthy: PatientFacts = {
  ageYears: 52,
  oncologicalDisease: false,
  pregnant: false,
  coagulationDisorder: false,
  acuteInfection: false,
  acuteMentalIllness: false,
  psychotropicInfluence: false,
};
const noRedFlags = Object.fromEntries(redFlagFactNames.map((fact) => [fact, false])) as PatientFacts;
const withRedFlags = extendProtocol({ id: 'clinic', version: '1', rules: [...redFlagRuleSet.rules] });

function cardsOf(screening: unknown, options: Record<string, unknown> = {}) {
  const cards = screeningCards(screening as never, { source, ...options });
  for (const card of cards) expect(validateCard(card)).toEqual([]);
  return cards;
}

/** The cards of a healthy patient with every red flag recorded, these set. */
const referred = (facts: PatientFacts) =>
  cardsOf(screen({ ...healthy, ...noRedFlags, ...facts }, { ruleSet: withRedFlags }));

describe('screeningCards: a red flag', () => {
  it.each([
    [
      'emergency',
      { saddleAnaesthesia: true },
      'possible cauda equina syndrome',
      `${FINUCANE} (emergency referral on suspicion of cauda equina syndrome)`,
    ],
    [
      'urgent',
      { osteoporosisWithMinorTrauma: true },
      'possible fracture',
      `${DOWNIE} (older age, a flag of the review, is left out: the review sets no age, and age is a fact of its own)`,
    ],
    [
      'routine',
      { inflammatoryBackPain: true },
      'possible inflammatory back disease (spondyloarthritis)',
      'NICE. Spondyloarthritis in over 16s: diagnosis and management (NG65), 2017 (and NICE. Low back pain and sciatica in over 16s (NG59), 2016) <https://www.nice.org.uk/guidance/ng65>',
    ],
  ])('%s: one critical card that says how urgent, names the flag and cites it', (urgency, facts, label, cited) => {
    expect(referred(facts)).toEqual([
      {
        summary: `Red flag: ${urgency} referral before needling: ${label}.`,
        indicator: 'critical',
        source,
        detail: [
          `**Red flag of serious spinal pathology: ${urgency} referral** (rule set clinic v1). Assess or refer the patient before any needling, as soon as each referral says.`,
          '',
          'Referrals, most urgent first:',
          `- ${label} (**${urgency}**): ${cited}`,
          '',
          WEAK,
          '',
          FOOTER,
        ].join('\n'),
      },
    ]);
  });

  it('several flags: the most urgent leads, a less urgent one says its own urgency, most urgent first', () => {
    const [card, ...rest] = referred({ nightPain: true, historyOfCancer: true, saddleAnaesthesia: true });
    expect(rest).toEqual([]);
    expect(card?.summary).toBe(
      'Red flags: emergency referral before needling: possible cauda equina syndrome, history of cancer (urgent), possible malignancy (routine).',
    );
    const lines = card?.detail?.split('\n') ?? [];
    expect(lines[0]).toBe(
      '**Red flags of serious spinal pathology: emergency referral** (rule set clinic v1). Assess or refer the patient before any needling, as soon as each referral says.',
    );
    expect(lines.filter((line) => line.startsWith('- ')).map((line) => line.split(':')[0])).toEqual([
      '- possible cauda equina syndrome (**emergency**)',
      '- history of cancer (**urgent**)',
      '- possible malignancy (**routine**)',
    ]);
  });

  it('two flags of one urgency: neither says its own, and the summary counts in the plural', () => {
    const [card] = referred({ immunosuppression: true, clumsyHands: true });
    expect(card?.summary).toBe(
      'Red flags: urgent referral before needling: possible spinal infection, possible cervical myelopathy.',
    );
  });

  it('every flag at once keeps the summary under 140 characters and lists all nine in the detail', () => {
    const everyFlag = Object.fromEntries(redFlagFactNames.map((fact) => [fact, true])) as PatientFacts;
    const [card] = referred(everyFlag);
    expect(card?.summary).toBe(
      'Red flags: emergency referral before needling: possible cauda equina syndrome, severe or progressive neurological deficit and 7 more.',
    );
    expect(card?.detail?.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(9);
  });

  it('comes before a contraindication, whose own critical card follows it', () => {
    const cards = referred({ ageYears: 80, severeTrauma: true });
    expect(cards.map((card) => [card.indicator, card.summary])).toEqual([
      ['critical', 'Red flag: urgent referral before needling: possible fracture.'],
      ['critical', 'Acupuncture contraindicated: age. Refer for another method of treatment.'],
    ]);
  });

  it('comes before the facts left to record, which are asked for all the same', () => {
    const screening = screen({ ageYears: 52, caudaEquinaSyndrome: true }, { ruleSet: withRedFlags });
    const [refer, incomplete, ...rest] = cardsOf(screening);
    expect(refer?.summary).toBe('Red flag: emergency referral before needling: possible cauda equina syndrome.');
    expect(incomplete?.indicator).toBe('warning');
    expect(incomplete?.summary).toMatch(/^Acupuncture screening incomplete\. Record: oncological disease, /);
    expect(incomplete?.detail?.split('\n')[0]).toBe(
      '**Screening incomplete** (rule set clinic v1): these facts are not recorded either; the red flags above stand whatever they are.',
    );
    expect(rest).toEqual([]);
  });

  it('comes before the cautions', () => {
    const ruleSet = extendProtocol({
      id: 'clinic',
      version: '1',
      rules: [...redFlagRuleSet.rules, ...cautionRuleSet.rules.filter((rule) => rule.id === 'needle-phobia')],
    });
    const cards = cardsOf(screen({ ...healthy, ...noRedFlags, nightPain: true, needlePhobia: true }, { ruleSet }));
    expect(cards.map((card) => [card.indicator, card.summary])).toEqual([
      ['critical', 'Red flag: routine referral before needling: possible malignancy.'],
      ['warning', 'Acupuncture caution: needle phobia. Weigh it before needling.'],
    ]);
  });

  it('never stands beside an all-clear: with nothing else found, the red-flag card is alone', () => {
    const cards = referred({ recentBacterialInfection: true });
    expect(cards.map((card) => card.indicator)).toEqual(['critical']);
    const clear = cardsOf(screen({ ...healthy, ...noRedFlags }, { ruleSet: withRedFlags }));
    expect(clear.map((card) => [card.indicator, card.summary])).toEqual([
      ['info', 'No acupuncture contraindication found (clinic v1).'],
    ]);
  });

  it('with a set that leaves out the protocol: the red-flag card, then the protocol rules it does not check', () => {
    const cards = cardsOf(screen({ ...noRedFlags, upperMotorNeuronSigns: true }, { ruleSet: redFlagRuleSet }));
    expect(cards.map((card) => [card.indicator, card.summary])).toEqual([
      ['critical', 'Red flag: urgent referral before needling: possible cervical myelopathy.'],
      ['warning', "Not an all-clear: acuspine-red-flags v1.0.0 does not check 6 of the protocol's contraindications."],
    ]);
  });

  it('a stored screening after a JSON round trip gives the same cards', () => {
    const screening = screen({ ...healthy, ...noRedFlags, gaitDisturbance: true }, { ruleSet: withRedFlags });
    expect(cardsOf(JSON.parse(JSON.stringify(screening)))).toEqual(cardsOf(screening));
  });

  it('a screening that says refer without its referrals, or with another urgency, cannot be read', () => {
    const screening = screen({ ...healthy, ...noRedFlags, historyOfCancer: true }, { ruleSet: withRedFlags });
    for (const forged of [
      { ...screening, referrals: [] },
      { ...screening, referrals: [{ rule: 'history-of-cancer', urgency: 'routine' }] },
    ]) {
      expect(cardsOf(forged).map((card) => [card.indicator, card.summary])).toEqual([
        ['warning', 'Acupuncture screening result could not be read: screen the patient again.'],
      ]);
    }
  });
});

describe('screeningCards: the words of the red flags', () => {
  it('names every red-flag fact and rule in English, never by its name or id', () => {
    const cards = cardsOf(screen({}, { ruleSet: redFlagRuleSet }));
    const detail = cards[0]?.detail ?? '';
    const facts = detail.split('Facts to record:\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(facts).toEqual([
      '- cauda equina syndrome, diagnosed or suspected',
      '- new bladder or bowel dysfunction',
      '- saddle anaesthesia',
      '- severe or progressive neurological deficit',
      '- history of cancer',
      '- unexplained weight loss',
      '- night pain not eased by rest',
      '- prolonged corticosteroid use',
      '- recent severe trauma',
      '- contusion or abrasion over the spine',
      '- osteoporosis with pain after a minor trauma',
      '- fever or systemically unwell',
      '- intravenous drug use',
      '- immunosuppression',
      '- recent bacterial infection',
      '- new or worsening gait disturbance',
      '- clumsy or numb hands',
      '- upper motor neuron signs',
      '- signs of cervical arterial dysfunction',
      '- inflammatory back pain',
    ]);
    const rules = detail.split('Rules not settled:\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(rules.map((line) => line.split(':')[0])).toEqual([
      '- possible cauda equina syndrome',
      '- severe or progressive neurological deficit',
      '- history of cancer',
      '- possible malignancy',
      '- possible fracture',
      '- possible spinal infection',
      '- possible cervical myelopathy',
      '- possible cervical arterial dysfunction',
      '- possible inflammatory back disease (spondyloarthritis)',
    ]);
  });
});

describe('screeningCards: a rule set’s own facts', () => {
  const clinic = defineRuleSet({
    id: 'clinic-surgery',
    version: '1',
    facts: {
      recentSpinalSurgery: { label: { en: 'Spinal surgery in the last *6* months', ru: 'Операция' } },
      metalAllergy: { label: { en: 'Metal allergy' } },
    },
    rules: [
      {
        id: 'recent-surgery',
        kind: 'absolute',
        when: { type: 'any', facts: ['recentSpinalSurgery', 'pregnant'] },
        source: { title: 'Clinic policy' },
      },
      { id: 'metal', kind: 'relative', when: { type: 'any', facts: ['metalAllergy'] }, source: { title: 'Clinic' } },
    ],
  });
  const incomplete = screen({}, { ruleSet: clinic });
  const recordLine = (cards: ReturnType<typeof cardsOf>) => cards[0]?.summary;

  it('are named by their English label when the cards are given the rule set, escaped in the detail', () => {
    const cards = cardsOf(incomplete, { ruleSet: clinic });
    expect(recordLine(cards)).toBe(
      'Acupuncture screening incomplete. Record: Spinal surgery in the last *6* months, pregnancy, Metal allergy.',
    );
    expect(cards[0]?.detail).toContain('- Spinal surgery in the last \\*6\\* months\n- pregnancy\n- Metal allergy\n');
  });

  it('are named by their names without the rule set, or with one that does not declare them', () => {
    expect(recordLine(cardsOf(incomplete))).toBe(
      'Acupuncture screening incomplete. Record: recentSpinalSurgery, pregnancy, metalAllergy.',
    );
    expect(recordLine(cardsOf(incomplete, { ruleSet: redFlagRuleSet }))).toBe(
      'Acupuncture screening incomplete. Record: recentSpinalSurgery, pregnancy, metalAllergy.',
    );
    expect(recordLine(cardsOf(incomplete, { ruleSet: undefined }))).toBe(
      'Acupuncture screening incomplete. Record: recentSpinalSurgery, pregnancy, metalAllergy.',
    );
  });

  it('a hand-made rule set that relabels a shipped fact is refused: programmer misuse', () => {
    const forged = { ...clinic, facts: { ...clinic.facts, pregnant: { label: { en: 'Not pregnant' } } } };
    expect(() => cardsOf(incomplete, { ruleSet: forged })).toThrow(TypeError);
  });

  it('throws on a rule set that is not one: programmer misuse', () => {
    for (const ruleSet of [5, null, { ...clinic, facts: [] }]) {
      expect(() => screeningCards(incomplete, { source, ruleSet: ruleSet as never }), JSON.stringify(ruleSet)).toThrow(
        TypeError,
      );
    }
  });

  it('throws on a fact of its own without an English label, naming the fact: programmer misuse', () => {
    const fact = (value: unknown) => ({ ...clinic, facts: { metalAllergy: value } });
    const label = (value: unknown) => fact({ label: value });
    const labelled = { label: { en: 'Metal allergy' } };
    for (const ruleSet of [
      label(undefined),
      label(null),
      label('Metal allergy'),
      label(Object.assign(() => undefined, { en: 'Metal allergy' })),
      label({ ru: 'Аллергия' }),
      label({ en: '' }),
      label({ en: '  ' }),
      label({ en: 7 }),
      fact(null),
      fact('Metal allergy'),
      fact(Object.assign(() => undefined, labelled)),
    ]) {
      expect(() => screeningCards(incomplete, { source, ruleSet: ruleSet as never })).toThrow(
        new TypeError('screeningCards: options.ruleSet.facts.metalAllergy.label.en must be a non-empty string'),
      );
    }
  });
});
