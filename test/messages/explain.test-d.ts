import { describe, expectTypeOf, test } from 'vitest';
import {
  type CourseExplanation,
  defineRuleSet,
  type ExplainOptions,
  type Explanation,
  en,
  explain,
  explainCourse,
  explainIssues,
  type FactName,
  type IssuesExplanation,
  type Locale,
  type MessageCatalog,
  type MessageCode,
  type MessageOptions,
  messagesEn,
  type RedFlagRuleId,
  type ReferralUrgency,
  type Screening,
  screen,
} from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';

describe('message types', () => {
  test('a catalog has a string for every code', () => {
    expectTypeOf<MessageCatalog>().toEqualTypeOf<Readonly<Record<MessageCode, string>>>();
    expectTypeOf(messagesEn).toEqualTypeOf<MessageCatalog>();
    expectTypeOf(ru.messages).toEqualTypeOf<MessageCatalog>();
  });

  test('codes are checked: shipped rules, facts and statuses have codes, a typo does not', () => {
    expectTypeOf<'rule.pregnancy.present'>().toExtend<MessageCode>();
    expectTypeOf<'rule.epilepsy.unknown'>().toExtend<MessageCode>();
    expectTypeOf<`fact.${FactName}.question`>().toExtend<MessageCode>();
    expectTypeOf<'status.contraindicated.headline'>().toExtend<MessageCode>();
    expectTypeOf<'status.refer.headline'>().toExtend<MessageCode>();
    expectTypeOf<`rule.${RedFlagRuleId}.present`>().toExtend<MessageCode>();
    expectTypeOf<`urgency.${ReferralUrgency}`>().toExtend<MessageCode>();
    expectTypeOf<'rule.generic.present.referral'>().toExtend<MessageCode>();
    expectTypeOf<'issue.referral-present'>().toExtend<MessageCode>();
    expectTypeOf<'rule.pregnancy.maybe'>().not.toExtend<MessageCode>();
    expectTypeOf<'fact.pregnancy.question'>().not.toExtend<MessageCode>();
  });

  test('a user catalog may be partial, but not misspelt', () => {
    const partial: Partial<MessageCatalog> = { 'status.eligible.label': 'Keine Kontraindikation gefunden' };
    expectTypeOf(partial).toExtend<Partial<MessageCatalog>>();
    // @ts-expect-error: a misspelt code is refused
    const misspelt: Partial<MessageCatalog> = { 'status.eligble.label': 'x' };
    expectTypeOf(misspelt).toExtend<Partial<MessageCatalog>>();
    // @ts-expect-error: a complete catalog needs every code
    const incomplete: MessageCatalog = { 'status.eligible.label': 'x' };
    expectTypeOf(incomplete).toExtend<MessageCatalog>();
  });

  test('the functions take the library results and return frozen explanations', () => {
    expectTypeOf(explain(screen({}))).toEqualTypeOf<Explanation>();
    expectTypeOf(explain).parameter(0).toEqualTypeOf<Screening<string, string>>();
    expectTypeOf(explainCourse).returns.toEqualTypeOf<CourseExplanation>();
    expectTypeOf(explainIssues).returns.toEqualTypeOf<IssuesExplanation>();
    expectTypeOf<Explanation['fallbacks']>().toEqualTypeOf<readonly MessageCode[]>();
    expectTypeOf<Explanation['questions'][number]['fact']>().toEqualTypeOf<FactName>();
    expectTypeOf<Explanation['unlabelledFacts']>().toEqualTypeOf<readonly never[]>();
    expectTypeOf<Explanation['findings'][number]['urgency']>().toEqualTypeOf<ReferralUrgency | undefined>();
  });

  test('a rule set’s own facts are typed through explain, and its options take that rule set', () => {
    const clinic = defineRuleSet({
      id: 'clinic',
      version: '1',
      facts: { recentSpinalSurgery: { label: { en: 'spinal surgery in the last 6 months' } } },
      rules: [
        { id: 'r', kind: 'absolute', when: { type: 'any', facts: ['recentSpinalSurgery'] }, source: { title: 'T' } },
      ],
    });
    const explanation = explain(screen({ recentSpinalSurgery: true }, { ruleSet: clinic }), { ruleSet: clinic });
    expectTypeOf(explanation.questions[0]?.fact).toEqualTypeOf<FactName | 'recentSpinalSurgery' | undefined>();
    expectTypeOf(explanation.unlabelledFacts).toEqualTypeOf<readonly 'recentSpinalSurgery'[]>();
    expectTypeOf({ ruleSet: clinic }).toExtend<ExplainOptions<'recentSpinalSurgery'>>();
  });

  test('say in a sentence, or not at all, which protocol contraindications the rule set does not check', () => {
    expectTypeOf<Explanation['uncheckedProtocol']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CourseExplanation['uncheckedProtocol']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<'rule-set.unchecked-protocol'>().toExtend<MessageCode>();
    expectTypeOf<'rule.age.adapted.present'>().toExtend<MessageCode>();
    expectTypeOf<'issue.too-many-issues'>().toExtend<MessageCode>();
  });

  test('options take a locale and a partial catalog', () => {
    expectTypeOf(explain)
      .parameter(1)
      .toExtend<{ locale?: Locale | string | undefined; messages?: Partial<MessageCatalog> | undefined } | undefined>();
    expectTypeOf<MessageOptions['locale']>().toEqualTypeOf<Locale | string | undefined>();
  });

  test('a locale is a value with its tag and a complete catalog', () => {
    expectTypeOf(en).toEqualTypeOf<Locale>();
    expectTypeOf(ru).toEqualTypeOf<Locale>();
    expectTypeOf<Locale>().toEqualTypeOf<{ readonly code: string; readonly messages: MessageCatalog }>();
    expectTypeOf<Explanation['locale']>().toEqualTypeOf<string>();
    const rename = () => {
      // @ts-expect-error: a Locale is read-only
      ru.code = 'de';
    };
    expectTypeOf(rename).returns.toBeVoid();
    // @ts-expect-error: a Locale's catalog is complete; a partial one goes in options.messages
    const partial: Locale = { code: 'de', messages: { 'status.eligible.label': 'Keine Kontraindikation gefunden' } };
    expectTypeOf(partial).toEqualTypeOf<Locale>();
  });

  test('explain, explainCourse and explainIssues take a Locale and messages together', () => {
    const options: ExplainOptions = { locale: ru, messages: { 'status.eligible.label': 'Нет противопоказаний' } };
    expectTypeOf(options).toExtend<Parameters<typeof explain>[1]>();
    expectTypeOf({ locale: ru }).toExtend<Parameters<typeof explainCourse>[1]>();
    expectTypeOf({ locale: en }).toExtend<Parameters<typeof explainIssues>[1]>();
    expectTypeOf(explain(screen({}), { locale: ru }).locale).toEqualTypeOf<string>();
  });
});
