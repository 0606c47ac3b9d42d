import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  en,
  explain,
  factNames,
  type PatientFacts,
  protocolRuleSet,
  type RuleSet,
  redFlagFactNames,
  screen,
} from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';
import { everyShippedRule, expectNoRawCodes } from './fixtures.js';

const factValue = fc.oneof(fc.boolean(), fc.constantFrom(null, undefined, 'no', 1), fc.double({ min: -5, max: 200 }));
const facts = fc.dictionary(fc.constantFrom(...factNames), factValue) as fc.Arbitrary<PatientFacts>;
const ruleSets = fc.constantFrom<RuleSet>(protocolRuleSet, everyShippedRule);
const locales = fc.constantFrom(en, ru);

describe('explain, for any screening', () => {
  test.prop([facts, ruleSets, locales, fc.boolean()])(
    'never shows a placeholder or a raw code, and mirrors the screening',
    (patient, ruleSet, locale, absent) => {
      const screening = screen(patient, { ruleSet });
      const explanation = explain(screening, { locale, absent });
      expectNoRawCodes(explanation);
      expect(explanation.status).toBe(screening.status);
      expect(explanation.questions.map((question) => question.fact)).toEqual(screening.missing);
      expect(explanation.questions.filter((question) => question.invalid).map((question) => question.fact)).toEqual(
        screening.invalid,
      );
      // The referrals found present first, as the screening lists them, then the rest in rule-set order.
      const referred = screening.referrals.map((referral) => referral.rule);
      const shown = screening.findings.filter((finding) => absent || finding.outcome !== 'absent');
      expect(explanation.findings.map((finding) => finding.rule)).toEqual([
        ...referred,
        ...shown.map((finding) => finding.rule).filter((rule) => !referred.includes(rule)),
      ]);
      expect(explanation.findings.map((finding) => finding.urgency)).toEqual(
        explanation.findings.map((finding) => screening.findings.find((f) => f.rule === finding.rule)?.urgency),
      );
    },
  );

  test.prop([facts, locales])('a present contraindication always asks for referral', (patient, locale) => {
    const explanation = explain(screen({ ...patient, pregnant: true }), { locale });
    expect(explanation.headline).toMatch(locale === en ? /another method of treatment/ : /другой метод лечения/);
  });

  test.prop([facts, locales, fc.constantFrom(...redFlagFactNames)])(
    'a present red flag puts the most urgent referral first, saying how urgent, and asks to assess or refer first',
    (patient, locale, flag) => {
      const screening = screen({ ...patient, [flag]: true }, { ruleSet: everyShippedRule });
      const explanation = explain(screening, { locale });
      const [first] = explanation.findings;
      expect(first).toMatchObject({ ...screening.referrals[0], outcome: 'present', kind: 'referral' });
      expect(first?.sentence).toContain(locale.messages[`urgency.${first?.urgency ?? 'routine'}`]);
      expect(explanation.headline).toMatch(locale === en ? /before any needling/ : /до любого введения игл/);
    },
  );
});
