import { describe, expect, test } from 'vitest';
import {
  ageRule,
  cautionRuleSet,
  defineRuleSet,
  type Explanation,
  explain,
  type MessageCatalog,
  messagesEn,
  messagesRu,
  type PatientFacts,
  protocolRuleSet,
  type Screening,
  screen,
} from '../../src/index.js';
import { allAbsent, everyShippedRule, expectNoRawCodes, healthy } from './fixtures.js';

const contraindicated = screen({ ...healthy, pregnant: true });
const incomplete = screen({ ageYears: 52, pregnant: false });

describe('explain: the status headline', () => {
  test('a contraindicated patient is to be referred for another method of treatment', () => {
    const explanation = explain(contraindicated);
    expect(explanation.status).toBe('contraindicated');
    expect(explanation.label).toBe('Contraindicated');
    expect(explanation.headline).toContain('refer the patient for another method of treatment');
    expect(explain(contraindicated, { locale: 'ru' }).headline).toContain('направьте пациента на другой метод лечения');
  });

  test('an incomplete screening asks for the missing facts', () => {
    expect(explain(incomplete).headline).toMatch(/ask the questions below/);
    expect(explain(incomplete, { locale: 'ru' }).label).toBe('Недостаточно данных');
  });

  test('a caution asks the clinician to weigh the cautions', () => {
    const caution = screen({ ...allAbsent, epilepsy: true }, { ruleSet: everyShippedRule });
    expect(caution.status).toBe('caution');
    expect(explain(caution).headline).toMatch(/weigh each of them/);
  });

  test('eligible says only that these rules found no contraindication', () => {
    const explanation = explain(screen(healthy));
    expect(explanation.headline).toBe(messagesEn['status.eligible.headline']);
    expect(explanation.headline).toMatch(/No contraindication was found by these rules/);
    expect(explanation.findings).toEqual([]);
    expect(explanation.questions).toEqual([]);
  });
});

describe('explain: findings', () => {
  test('a present contraindication has its sentence and its source', () => {
    const [finding] = explain(contraindicated).findings;
    expect(finding).toEqual({
      rule: 'pregnancy',
      outcome: 'present',
      kind: 'absolute',
      sentence: 'Pregnancy is recorded: a contraindication in the protocol.',
      source: 'Osteochondrosis and acupuncture, section “Contraindications”, item 3',
      citation: protocolRuleSet.rules[2]?.source,
    });
  });

  test('the Russian citation names the protocol and its section in Russian', () => {
    const [finding] = explain(contraindicated, { locale: 'ru' }).findings;
    expect(finding?.source).toBe('Остеохондроз и иглоукалывание, раздел «Противопоказания», пункт 3');
  });

  test('only present and unknown findings are explained unless absent ones are asked for', () => {
    expect(explain(incomplete).findings.map((finding) => finding.outcome)).not.toContain('absent');
    const all = explain(incomplete, { absent: true }).findings;
    expect(all.map((finding) => finding.rule)).toEqual(protocolRuleSet.rules.map((rule) => rule.id));
    expect(all.find((finding) => finding.rule === 'pregnancy')?.sentence).toBe('Recorded: not pregnant.');
  });

  test('the age rule states the protocol bounds', () => {
    const [finding] = explain(screen({ ...healthy, ageYears: 2 })).findings;
    expect(finding?.sentence).toBe(
      'The patient is under 3 or over 75 completed years of age: a contraindication in the protocol.',
    );
  });

  test('a cited reference is shown by its own title, section and item, untranslated', () => {
    const caution = screen({ ...allAbsent, pregnant: true }, { ruleSet: cautionRuleSet });
    const finding = explain(caution, { locale: 'ru' }).findings.find(
      (entry) => entry.rule === 'pregnancy-point-restrictions',
    );
    expect(finding?.source).toBe('WHO. Guidelines on basic training and safety in acupuncture, 1999, раздел «2.1»');
    expect(finding?.citation.note).toMatch(/first trimester/);
  });
});

describe('explain: custom rules', () => {
  const clinicAges = defineRuleSet({
    id: 'clinic-adults',
    version: '3',
    rules: [
      ageRule({ under: 18, over: 80 }),
      {
        id: 'no-consent',
        kind: 'absolute',
        when: { type: 'any', facts: ['needlePhobia'] },
        source: { title: 'Clinic policy 7' },
      },
      {
        id: 'frail',
        kind: 'relative',
        when: { type: 'all', facts: ['epilepsy', 'pacemaker'] },
        source: { title: 'Clinic policy 8', section: 'Frailty', item: 2 },
      },
      {
        id: 'pregnancy',
        kind: 'relative',
        when: { type: 'any', facts: ['pregnant'] },
        source: { title: 'Clinic policy 9' },
      },
      {
        id: 'local-heading',
        kind: 'relative',
        when: { type: 'any', facts: ['skinLesionAtSite'] },
        source: { title: 'Osteochondrosis and acupuncture', section: 'Local practice' },
      },
    ],
  });
  const facts: PatientFacts = { ageYears: 16, needlePhobia: true, epilepsy: true, pacemaker: true, pregnant: true };
  const screening = screen(facts, { ruleSet: clinicAges });

  test('a rule of a custom set gets a generic sentence naming it, with its source', () => {
    const findings = explain(screening).findings;
    expect(findings.find((finding) => finding.rule === 'no-consent')).toMatchObject({
      sentence: 'Rule “no-consent” applies: a contraindication under the rule set used.',
      source: 'Clinic policy 7',
    });
    expect(findings.find((finding) => finding.rule === 'frail')).toMatchObject({
      sentence: 'Rule “frail” applies: a caution under the rule set used, to be weighed.',
      source: 'Clinic policy 8, section “Frailty”, item 2',
    });
    expect(explain(screening, { locale: 'ru' }).findings.find((finding) => finding.rule === 'frail')?.sentence).toBe(
      'Правило «frail» выполнено: предостережение по используемому набору правил, которое следует оценить.',
    );
  });

  test('a shipped id with another kind is explained generically, by its label', () => {
    const finding = explain(screening).findings.find((entry) => entry.rule === 'pregnancy');
    expect(finding?.sentence).toBe('Rule “pregnancy” applies: a caution under the rule set used, to be weighed.');
  });

  test('an unknown heading of the protocol is shown as written', () => {
    const finding = explain(screening, { locale: 'ru' }).findings.find((entry) => entry.rule === 'local-heading');
    expect(finding).toMatchObject({
      outcome: 'unknown',
      sentence: 'Правило «local-heading» нельзя проверить по имеющимся сведениям.',
      source: 'Остеохондроз и иглоукалывание, раздел «Local practice»',
    });
  });

  test('an age rule with other bounds states them when its rule set is given', () => {
    const [finding] = explain(screening, { ruleSet: clinicAges }).findings;
    expect(finding?.sentence).toBe(
      'The patient is under 18 or over 80 completed years of age: a contraindication in the protocol.',
    );
  });

  test('without its rule set, an age rule with other bounds gets the generic sentence, and its source notes the bounds', () => {
    const [finding] = explain(screening).findings;
    expect(finding?.sentence).toBe('Rule “age limits” applies: a contraindication under the rule set used.');
    expect(finding?.citation.note).toMatch(/under 18 or over 80/);
  });

  test('a rule set whose age rule is not an age condition gets the generic sentence', () => {
    const oddAge = defineRuleSet({
      id: 'odd',
      version: '1',
      rules: [{ id: 'age', kind: 'absolute', when: { type: 'any', facts: ['epilepsy'] }, source: { title: 'x' } }],
    });
    const [finding] = explain(screen({}, { ruleSet: oddAge }), { ruleSet: oddAge }).findings;
    expect(finding?.sentence).toBe('Rule “age limits” cannot be settled with the facts recorded.');
    const absent = explain(screen({ epilepsy: false }, { ruleSet: oddAge }), { ruleSet: oddAge, absent: true });
    expect(absent.findings[0]?.sentence).toBe('Rule “age limits” does not apply to the facts recorded.');
  });

  test('a rule set other than the screening’s is refused', () => {
    expect(() => explain(screening, { ruleSet: protocolRuleSet })).toThrow(RangeError);
  });
});

describe('explain: questions', () => {
  test('ask for each missing fact in the order of missing', () => {
    const explanation = explain(incomplete);
    expect(explanation.questions.map((question) => question.fact)).toEqual(incomplete.missing);
    expect(explanation.questions[0]).toEqual({
      fact: 'oncologicalDisease',
      label: 'oncological disease',
      question: 'Does the patient currently have an oncological (malignant) disease?',
      invalid: false,
    });
  });

  test('a value that could not be read is named as such', () => {
    const screening = screen({ ...healthy, ageYears: -1, pregnant: 'no' } as unknown as PatientFacts);
    const [age, pregnant] = explain(screening, { locale: 'ru' }).questions;
    expect(age).toMatchObject({ fact: 'ageYears', invalid: true, question: 'Сколько пациенту полных лет?' });
    expect(age?.problem).toMatch(/не является возрастом/);
    expect(pregnant?.problem).toBe(
      'Значение в поле «беременность» не является ответом «да» или «нет» и считается неуказанным: внесите его заново.',
    );
  });
});

describe('explain: the text', () => {
  test('lists the status, the findings with sources, the questions and the rule set', () => {
    const text = explain(screen({ pregnant: true, ageYears: 30 })).text.split('\n');
    expect(text[0]).toBe('Contraindicated');
    expect(text).toContain(
      '- Pregnancy is recorded: a contraindication in the protocol. Source: Osteochondrosis and acupuncture, section “Contraindications”, item 3.',
    );
    expect(text).toContain('Questions to ask:');
    expect(text.at(-1)).toBe('Rule set acuspine-protocol, version 1.0.0.');
  });

  test('has no questions heading when nothing is missing', () => {
    expect(explain(contraindicated).text).not.toContain('Questions to ask:');
  });
});

describe('explain: locales and catalogs', () => {
  test('English is the default', () => {
    expect(explain(incomplete).locale).toBe('en');
    expect(explain(incomplete, {}).text).toBe(explain(incomplete, { locale: 'en' }).text);
  });

  test('a locale with no shipped catalog and no messages is a programmer error', () => {
    expect(() => explain(incomplete, { locale: 'de' })).toThrow(RangeError);
  });

  test('a supplied catalog is used, and every code it lacks falls back to English and is reported', () => {
    const messages: Partial<MessageCatalog> = {
      'status.contraindicated.label': 'Kontraindiziert',
      'rule.pregnancy.present': 'Schwangerschaft vermerkt: eine Kontraindikation im Protokoll.',
    };
    const explanation = explain(contraindicated, { locale: 'de', messages });
    expect(explanation.locale).toBe('de');
    expect(explanation.label).toBe('Kontraindiziert');
    expect(explanation.findings[0]?.sentence).toBe(messages['rule.pregnancy.present']);
    expect(explanation.headline).toBe(messagesEn['status.contraindicated.headline']);
    expect(explanation.fallbacks).toContain('status.contraindicated.headline');
    expect(explanation.fallbacks).toContain('protocol.title');
    expect(explanation.fallbacks).not.toContain('status.contraindicated.label');
    expect(new Set(explanation.fallbacks).size).toBe(explanation.fallbacks.length);
    expectNoRawCodes(explanation);
  });

  test('a supplied catalog for a shipped locale falls back to that locale', () => {
    const explanation = explain(contraindicated, {
      locale: 'ru',
      messages: { 'status.contraindicated.label': 'Иглорефлексотерапия противопоказана' },
    });
    expect(explanation.label).toBe('Иглорефлексотерапия противопоказана');
    expect(explanation.headline).toBe(messagesRu['status.contraindicated.headline']);
    expect(explanation.fallbacks).toContain('status.contraindicated.headline');
  });

  test('a supplied message with a placeholder the code does not fill falls back, never printing the placeholder', () => {
    const explanation = explain(contraindicated, {
      locale: 'de',
      messages: {
        'status.contraindicated.headline': 'Nicht behandeln: {reason}',
        'text.rule-set': 'Regeln {id} {version}.',
        'text.finding': '{sentence} Quelle: {source} ({page}).',
      },
    });
    expect(explanation.headline).toBe(messagesEn['status.contraindicated.headline']);
    expect(explanation.fallbacks).toContain('status.contraindicated.headline');
    expect(explanation.fallbacks).toContain('text.finding');
    expect(explanation.text).toContain(' Source: ');
    expect(explanation.ruleSet).toBe('Regeln acuspine-protocol 1.0.0.');
  });

  test('a supplied entry that is not a string falls back', () => {
    const messages = { 'status.contraindicated.label': 42 } as unknown as Partial<MessageCatalog>;
    const explanation = explain(contraindicated, { locale: 'de', messages });
    expect(explanation.label).toBe('Contraindicated');
    expect(explanation.fallbacks).toContain('status.contraindicated.label');
  });

  test('a value filled in is never read as a template', () => {
    const custom = defineRuleSet({
      id: 'x',
      version: '1',
      rules: [
        { id: '{rule}', kind: 'absolute', when: { type: 'any', facts: ['epilepsy'] }, source: { title: '{title}' } },
      ],
    });
    const [finding] = explain(screen({ epilepsy: true }, { ruleSet: custom })).findings;
    expect(finding?.sentence).toBe('Rule “{rule}” applies: a contraindication under the rule set used.');
    expect(finding?.source).toBe('{title}');
  });
});

describe('explain: programmer errors', () => {
  const bad: readonly unknown[] = [
    null,
    42,
    {},
    { ...incomplete, status: 'fine' },
    { ...incomplete, findings: [null] },
    { ...incomplete, findings: [{ ...incomplete.findings[0], outcome: 'maybe' }] },
    { ...incomplete, findings: [{ ...incomplete.findings[0], kind: 'soft' }] },
    { ...incomplete, findings: [{ ...incomplete.findings[0], source: null }] },
    { ...incomplete, findings: [{ ...incomplete.findings[0], rule: 7 }] },
    { ...incomplete, ruleSet: null },
    { ...incomplete, invalid: undefined },
  ];

  test.each(bad)('a value that is not a screening is a TypeError (%#)', (value) => {
    expect(() => explain(value as Screening)).toThrow(TypeError);
  });

  test('a missing entry that is not a fact is a TypeError', () => {
    expect(() => explain({ ...incomplete, missing: ['mood'] } as unknown as Screening)).toThrow(TypeError);
  });

  test.each([
    ['options that are not an object', 'en' as unknown],
    ['a locale that is not a string', { locale: 7 }],
    ['an empty locale', { locale: '' }],
    ['messages that are not an object', { messages: 'x' }],
    ['messages as an array', { messages: [] }],
    ['null messages', { messages: null }],
  ])('%s is a TypeError', (_name, options) => {
    expect(() => explain(incomplete, options as Parameters<typeof explain>[1])).toThrow(TypeError);
  });

  test('null options is a TypeError', () => {
    expect(() => explain(incomplete, null as unknown as undefined)).toThrow(TypeError);
  });
});

describe('explain: the result', () => {
  test('is frozen, deeply', () => {
    const explanation: Explanation = explain(screen({ ageYears: -1 } as PatientFacts));
    expect(Object.isFrozen(explanation)).toBe(true);
    expect(Object.isFrozen(explanation.findings)).toBe(true);
    expect(explanation.findings.every(Object.isFrozen)).toBe(true);
    expect(Object.isFrozen(explanation.questions)).toBe(true);
    expect(explanation.questions.every(Object.isFrozen)).toBe(true);
    expect(Object.isFrozen(explanation.fallbacks)).toBe(true);
  });
});
