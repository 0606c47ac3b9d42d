import { describe, expect, it } from 'vitest';
import {
  cautionRuleSet,
  extendProtocol,
  type PatientFacts,
  redFlagFactNames,
  redFlagRuleSet,
  ruleFacts,
  screen,
} from '../../src/index.js';

// Every red flag through its three-valued cases: each of its facts alone true refers with the
// rule's urgency; all false settles it; any fact unrecorded or invalid, with none true, leaves it
// unknown and names the fact; and a referral outranks a contraindication.

const withProtocolAndCautions = extendProtocol({
  id: 'protocol-cautions-red-flags',
  version: '1',
  rules: [...cautionRuleSet.rules, ...redFlagRuleSet.rules],
});

const allRedFlagsFalse: PatientFacts = Object.fromEntries(redFlagFactNames.map((fact) => [fact, false]));

const expectedUrgency: Record<string, string> = {
  'cauda-equina-syndrome': 'emergency',
  'neurological-deficit': 'emergency',
  'history-of-cancer': 'urgent',
  'possible-malignancy': 'routine',
  'possible-fracture': 'urgent',
  'possible-spinal-infection': 'urgent',
  'cervical-myelopathy': 'urgent',
  'cervical-arterial-dysfunction': 'emergency',
  'inflammatory-back-disease': 'routine',
};

describe('redFlagRuleSet', () => {
  it('is nine referral rules, each with an urgency, a note on its evidence and a titled source', () => {
    expect(redFlagRuleSet.rules.map((rule) => rule.id)).toEqual(Object.keys(expectedUrgency));
    for (const rule of redFlagRuleSet.rules) {
      expect(rule.kind).toBe('referral');
      if (rule.kind !== 'referral') continue;
      expect(rule.urgency).toBe(expectedUrgency[rule.id]);
      expect(rule.evidence.length).toBeGreaterThan(20);
      expect(rule.source.title.length).toBeGreaterThan(20);
    }
    expect(redFlagRuleSet.id).toBe('acuspine-red-flags');
    expect(redFlagRuleSet.version).toBe('1.0.0');
  });

  it('is eligible when every flag is recorded as absent', () => {
    const screening = screen(allRedFlagsFalse, { ruleSet: redFlagRuleSet });
    expect(screening.status).toBe('eligible');
    expect(screening.referrals).toEqual([]);
    expect(screening.missing).toEqual([]);
  });

  describe.each(redFlagRuleSet.rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const facts = ruleFacts(rule);

    it.each(facts.map((fact) => [fact]))(
      'refers with its urgency when %s alone is true, whatever else is unknown',
      (fact) => {
        const screening = screen({ [fact]: true }, { ruleSet: redFlagRuleSet });
        expect(screening.status).toBe('refer');
        expect(screening.referrals).toContainEqual({ rule: id, urgency: expectedUrgency[id] });
        expect(screening.findings.find((finding) => finding.rule === id)?.outcome).toBe('present');
      },
    );

    it.each(facts.map((fact) => [fact]))('stays unknown, and asks for %s, while it is not recorded', (fact) => {
      const screening = screen({ ...allRedFlagsFalse, [fact]: null }, { ruleSet: redFlagRuleSet });
      expect(screening.status).toBe('incomplete');
      expect(screening.findings.find((finding) => finding.rule === id)?.outcome).toBe('unknown');
      expect(screening.missing).toEqual([fact]);
    });

    it.each(facts.map((fact) => [fact]))('reads "no" or 0 for %s as invalid, never as false', (fact) => {
      for (const value of ['no', 0, 'false']) {
        const screening = screen({ ...allRedFlagsFalse, [fact]: value } as PatientFacts, { ruleSet: redFlagRuleSet });
        expect(screening.status).toBe('incomplete');
        expect(screening.invalid).toEqual([fact]);
      }
    });

    it('outranks a contraindication of the protocol', () => {
      const screening = screen(
        { ageYears: 80, pregnant: true, [facts[0] as string]: true },
        { ruleSet: withProtocolAndCautions },
      );
      expect(screening.status).toBe('refer');
      expect(screening.contraindications).toEqual(['age', 'pregnancy']);
      expect(screening.referrals).toEqual([{ rule: id, urgency: expectedUrgency[id] }]);
    });
  });

  it('lists referrals most urgent first, and rules of one urgency in rule-set order', () => {
    const screening = screen(
      {
        inflammatoryBackPain: true,
        historyOfCancer: true,
        nightPain: true,
        saddleAnaesthesia: true,
        gaitDisturbance: true,
      },
      { ruleSet: redFlagRuleSet },
    );
    expect(screening.referrals).toEqual([
      { rule: 'cauda-equina-syndrome', urgency: 'emergency' },
      { rule: 'history-of-cancer', urgency: 'urgent' },
      { rule: 'cervical-myelopathy', urgency: 'urgent' },
      { rule: 'possible-malignancy', urgency: 'routine' },
      { rule: 'inflammatory-back-disease', urgency: 'routine' },
    ]);
  });

  it('never changes the protocol: a protocol screening ignores every red-flag fact', () => {
    const protocolFacts = {
      ageYears: 50,
      oncologicalDisease: false,
      pregnant: false,
      coagulationDisorder: false,
      acuteInfection: false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
    };
    expect(screen({ ...protocolFacts, saddleAnaesthesia: true }).status).toBe('eligible');
  });
});
