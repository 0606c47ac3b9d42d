import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { en, explain, factNames, type PatientFacts, protocolRuleSet, type RuleSet, screen } from '../../src/index.js';
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
      const shown = screening.findings.filter((finding) => absent || finding.outcome !== 'absent');
      expect(explanation.findings.map((finding) => finding.rule)).toEqual(shown.map((finding) => finding.rule));
    },
  );

  test.prop([facts, locales])('a present contraindication always asks for referral', (patient, locale) => {
    const explanation = explain(screen({ ...patient, pregnant: true }), { locale });
    expect(explanation.headline).toMatch(locale === en ? /another method of treatment/ : /другой метод лечения/);
  });
});
