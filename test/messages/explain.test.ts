import { describe, expect, test } from 'vitest';
import {
  ageRule,
  type CustomFact,
  cautionRuleSet,
  defineRuleSet,
  type Explanation,
  en,
  explain,
  extendProtocol,
  type MessageCatalog,
  type MessageCode,
  messagesEn,
  type PatientFacts,
  PROTOCOL_TITLE,
  protocolRuleSet,
  type ReferralRule,
  type Rule,
  type RuleSet,
  redFlagRuleSet,
  type Screening,
  screen,
} from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';
import { withPrototypeValue } from '../fixtures/polluted-prototype.js';
import { allAbsent, allPresent, everyShippedRule, expectNoRawCodes, healthy } from './fixtures.js';

const MESSAGES_ERROR = 'explain: options.messages must be an object of messages keyed by code';
const LOCALE_ERROR =
  "explain: options.locale must be a Locale { code, messages }, such as ru from 'acuspine/locales/ru', or a non-empty locale tag";

// Screenings are made inside the tests, so that a mutation run sees which test reaches which line.
const contraindicated = (): Screening => screen({ ...healthy, pregnant: true });
const incomplete = (): Screening => screen({ ageYears: 52, pregnant: false });

describe('explain: the status headline', () => {
  test('a contraindicated patient is to be referred for another method of treatment', () => {
    const explanation = explain(contraindicated());
    expect(explanation.status).toBe('contraindicated');
    expect(explanation.label).toBe('Contraindicated');
    expect(explanation.headline).toContain('refer the patient for another method of treatment');
    expect(explain(contraindicated(), { locale: ru }).headline).toContain('направьте пациента на другой метод лечения');
  });

  test('an incomplete screening asks for the missing facts', () => {
    expect(explain(incomplete()).headline).toMatch(/ask the questions below/);
    expect(explain(incomplete(), { locale: ru }).label).toBe('Недостаточно данных');
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
    const [finding] = explain(contraindicated()).findings;
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
    const [finding] = explain(contraindicated(), { locale: ru }).findings;
    expect(finding?.source).toBe('Остеохондроз и иглоукалывание, раздел «Противопоказания», пункт 3');
  });

  test('only present and unknown findings are explained unless absent ones are asked for', () => {
    expect(explain(incomplete()).findings.map((finding) => finding.outcome)).not.toContain('absent');
    const all = explain(incomplete(), { absent: true }).findings;
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
    const finding = explain(caution, { locale: ru }).findings.find(
      (entry) => entry.rule === 'pregnancy-point-restrictions',
    );
    expect(finding?.source).toBe('WHO. Guidelines on basic training and safety in acupuncture, 1999, раздел «2.1»');
    expect(finding?.citation.note).toMatch(/first trimester/);
  });
});

describe('explain: custom rules', () => {
  // The ids are given: inferred from ageRule's, they would be 'age' alone.
  const clinicAges = (): RuleSet =>
    defineRuleSet<string>({
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
  const clinic = (): Screening => screen(facts, { ruleSet: clinicAges() });

  test('a rule of a custom set gets a generic sentence naming it, with its source', () => {
    const findings = explain(clinic()).findings;
    expect(findings.find((finding) => finding.rule === 'no-consent')).toMatchObject({
      sentence: 'Rule “no-consent” applies: a contraindication under the rule set used.',
      source: 'Clinic policy 7',
    });
    expect(findings.find((finding) => finding.rule === 'frail')).toMatchObject({
      sentence: 'Rule “frail” applies: a caution under the rule set used, to be weighed.',
      source: 'Clinic policy 8, section “Frailty”, item 2',
    });
    expect(explain(clinic(), { locale: ru }).findings.find((finding) => finding.rule === 'frail')?.sentence).toBe(
      'Правило «frail» выполнено: предостережение по используемому набору правил, которое следует оценить.',
    );
  });

  test('a shipped id with another kind is explained generically, by its label', () => {
    const finding = explain(clinic()).findings.find((entry) => entry.rule === 'pregnancy');
    expect(finding?.sentence).toBe('Rule “pregnancy” applies: a caution under the rule set used, to be weighed.');
  });

  test('an unknown heading of the protocol is shown as written', () => {
    const finding = explain(clinic(), { locale: ru }).findings.find((entry) => entry.rule === 'local-heading');
    expect(finding).toMatchObject({
      outcome: 'unknown',
      sentence: 'Правило «local-heading» нельзя проверить по имеющимся сведениям.',
      source: 'Остеохондроз и иглоукалывание, раздел «Local practice»',
    });
  });

  test('an age rule with other bounds is the rule set’s own, adapted from the protocol, in its sentence and its source', () => {
    const [finding] = explain(clinic(), { ruleSet: clinicAges() }).findings;
    expect(finding?.sentence).toBe(
      'The patient is under 18 or over 80 completed years of age: a contraindication under the rule set’s own age limits (the protocol’s are under 3 or over 75).',
    );
    expect(finding?.source).toBe(
      'the rule set’s own age limits, adapted from Osteochondrosis and acupuncture, section “Contraindications”, item 1, whose limits are under 3 or over 75 completed years',
    );
    const [russian] = explain(clinic(), { ruleSet: clinicAges(), locale: ru }).findings;
    expect(russian?.sentence).toBe(
      'Возраст пациента — менее 18 или более 80 полных лет: это противопоказание по собственным возрастным ограничениям набора правил (в протоколе — менее 3 или более 75 полных лет).',
    );
    expect(russian?.source).toBe(
      'собственные возрастные ограничения набора правил, изменённые по сравнению с источником: Остеохондроз и иглоукалывание, раздел «Противопоказания», пункт 1, где ограничения — менее 3 или более 75 полных лет',
    );
  });

  test('an age rule with other bounds never reads as the protocol’s: not in its unknown or absent sentence either', () => {
    const unknown = explain(screen({}, { ruleSet: clinicAges() }), { ruleSet: clinicAges() }).findings[0];
    expect(unknown?.sentence).toBe(
      'Age is not recorded, or not valid, so the rule set’s own age limits (under 18 or over 80 completed years) cannot be checked.',
    );
    const absent = explain(screen({ ageYears: 40 }, { ruleSet: clinicAges() }), {
      ruleSet: clinicAges(),
      absent: true,
    });
    expect(absent.findings[0]?.sentence).toBe('Age is within the rule set’s own limits (18 to 80 completed years).');
  });

  test('without its rule set, an age rule with other bounds gets the generic sentence, and its source says whose it is', () => {
    const [finding] = explain(clinic()).findings;
    expect(finding?.sentence).toBe('Rule “age limits” applies: a contraindication under the rule set used.');
    expect(finding?.source).toBe(
      'the rule set’s own age limits, adapted from Osteochondrosis and acupuncture, section “Contraindications”, item 1, whose limits are under 3 or over 75 completed years',
    );
    expect(finding?.citation.note).toMatch(/under 18 or over 80/);
  });

  test('a protocol rule cited with a note is the rule set’s own, adapted from the protocol', () => {
    const [, oncology] = protocolRuleSet.rules as Rule[];
    const noted = { ...(oncology as Rule), source: { ...(oncology as Rule).source, note: 'reviewed 2026' } };
    const ruleSet = defineRuleSet({ id: 'noted', version: '1', rules: [noted] });
    const [finding] = explain(screen({ oncologicalDisease: true }, { ruleSet })).findings;
    expect(finding?.sentence).toBe('Rule “oncological disease” applies: a contraindication under the rule set used.');
    expect(finding?.source).toBe(
      'the rule set’s own rule, adapted from Osteochondrosis and acupuncture, section “Contraindications”, item 2',
    );
    expect(explain(screen({ oncologicalDisease: true }, { ruleSet }), { locale: ru }).findings[0]?.source).toBe(
      'собственное правило набора правил, изменённое по сравнению с источником: Остеохондроз и иглоукалывание, раздел «Противопоказания», пункт 2',
    );
  });

  test('a shipped id with its kind but another source is explained generically, never as the shipped rule', () => {
    const ruleSet = defineRuleSet({
      id: 'clinic',
      version: '1',
      rules: [
        { id: 'epilepsy', kind: 'relative', when: { type: 'any', facts: ['epilepsy'] }, source: { title: 'Clinic' } },
      ],
    });
    const [finding] = explain(screen({ epilepsy: true }, { ruleSet })).findings;
    expect(finding?.sentence).toBe('Rule “epilepsy” applies: a caution under the rule set used, to be weighed.');
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

  test('a rule set other than the screening’s is refused, whether its id or its version differs', () => {
    const refusal = (id: string, version: string): RangeError =>
      new RangeError(`explain: options.ruleSet is ${id} ${version}, but the screening was made with clinic-adults 3`);
    expect(() => explain(clinic(), { ruleSet: protocolRuleSet })).toThrow(refusal('acuspine-protocol', '1.0.0'));
    const otherId = defineRuleSet({ ...clinicAges(), id: 'clinic-children' });
    expect(() => explain(clinic(), { ruleSet: otherId })).toThrow(refusal('clinic-children', '3'));
    const otherVersion = defineRuleSet({ ...clinicAges(), version: '4' });
    expect(() => explain(clinic(), { ruleSet: otherVersion })).toThrow(refusal('clinic-adults', '4'));
  });
});

describe('explain: questions', () => {
  test('ask for each missing fact in the order of missing', () => {
    const explanation = explain(incomplete());
    expect(explanation.questions.map((question) => question.fact)).toEqual(incomplete().missing);
    expect(explanation.questions[0]).toEqual({
      fact: 'oncologicalDisease',
      label: 'oncological disease',
      question: 'Does the patient currently have an oncological (malignant) disease?',
      invalid: false,
    });
  });

  test('a value that could not be read is named as such', () => {
    const screening = screen({ ...healthy, ageYears: -1, pregnant: 'no' } as unknown as PatientFacts);
    const [age, pregnant] = explain(screening, { locale: ru }).questions;
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

  test('puts the problem of a value that could not be read after its question', () => {
    const facts = { ...healthy, ageYears: -1, pregnant: 'no', psychotropicInfluence: undefined };
    const text = explain(screen(facts as unknown as PatientFacts)).text.split('\n');
    expect(text.slice(text.indexOf('Questions to ask:'))).toEqual([
      'Questions to ask:',
      '- How old is the patient, in completed years? The value recorded for “age (completed years)” is not an age from 0 to 149 years, so it counts as not recorded: record it again.',
      '- Is the patient currently pregnant? The value recorded for “pregnancy” is not a yes or a no, so it counts as not recorded: record it again.',
      '- Is the patient under the acute effect of a psychotropic substance at this visit (a prescription alone does not count)?',
      'Rule set acuspine-protocol, version 1.0.0.',
    ]);
  });

  test('has no questions heading when nothing is missing', () => {
    expect(explain(contraindicated()).text).not.toContain('Questions to ask:');
  });
});

describe('explain: locales and catalogs', () => {
  test("English is the default, the same as the Locale en or the tag 'en'", () => {
    expect(explain(incomplete()).locale).toBe('en');
    expect(explain(incomplete(), {}).text).toBe(explain(incomplete(), { locale: 'en' }).text);
    expect(explain(incomplete(), { locale: en }).text).toBe(explain(incomplete()).text);
    expect(explain(incomplete(), { locale: en }).locale).toBe('en');
    expect(en.messages).toBe(messagesEn);
  });

  test('the Locale ru, imported from acuspine/locales/ru, explains in Russian with no fallback', () => {
    const explanation = explain(contraindicated(), { locale: ru });
    expect(explanation.locale).toBe('ru');
    expect(explanation.label).toBe('Противопоказано');
    expect(explanation.fallbacks).toEqual([]);
    expectNoRawCodes(explanation);
  });

  test("the tag 'ru' is a RangeError that says what to import, with messages too", () => {
    const refusal = new RangeError(
      `explain: the locale "ru" is an import, not a string: import { ru } from 'acuspine/locales/ru' and pass { locale: ru }`,
    );
    expect(() => explain(incomplete(), { locale: 'ru' })).toThrow(refusal);
    // With messages, the codes they lack would fall back to English, not Russian: refused too.
    expect(() => explain(incomplete(), { locale: 'ru', messages: { 'text.questions': 'Вопросы:' } })).toThrow(refusal);
  });

  test("an app's own Locale is used, and a code its catalog lacks or cannot fill falls back to English and is reported", () => {
    const messages = {
      'status.contraindicated.label': 'Kontraindiziert',
      'status.contraindicated.headline': 'Nicht behandeln: {reason}',
      'text.rule-set': 7,
    } as unknown as MessageCatalog;
    const explanation = explain(contraindicated(), { locale: { code: 'de', messages } });
    expect(explanation.locale).toBe('de');
    expect(explanation.label).toBe('Kontraindiziert');
    expect(explanation.headline).toBe(messagesEn['status.contraindicated.headline']);
    expect(explanation.ruleSet).toBe('Rule set acuspine-protocol, version 1.0.0.');
    expect(explanation.fallbacks).toEqual(expect.arrayContaining(['status.contraindicated.headline', 'text.rule-set']));
    expect(explanation.fallbacks).not.toContain('status.contraindicated.label');
    expectNoRawCodes(explanation);
  });

  test("messages come first, then the Locale's catalog, then English, and each fallback is reported once", () => {
    const locale = {
      code: 'de',
      messages: { 'status.contraindicated.headline': 'Nicht behandeln.' } as MessageCatalog,
    };
    const explanation = explain(contraindicated(), {
      locale,
      messages: { 'status.contraindicated.label': 'Kontraindiziert' },
    });
    expect(explanation.label).toBe('Kontraindiziert');
    expect(explanation.headline).toBe('Nicht behandeln.');
    expect(explanation.ruleSet).toBe('Rule set acuspine-protocol, version 1.0.0.');
    expect(explanation.fallbacks).toContain('status.contraindicated.headline');
    expect(explanation.fallbacks).toContain('text.rule-set');
    expect(explanation.fallbacks).not.toContain('status.contraindicated.label');
    expect(new Set(explanation.fallbacks).size).toBe(explanation.fallbacks.length);
  });

  test('a Locale read from a prototype of its own is read; one on Object.prototype is not', () => {
    expect(explain(contraindicated(), { locale: Object.create(ru) }).label).toBe('Противопоказано');
    withPrototypeValue('code', 'ru', () =>
      withPrototypeValue('messages', ru.messages, () => {
        expect(() => explain(contraindicated(), { locale: {} as never })).toThrow(new TypeError(LOCALE_ERROR));
      }),
    );
  });

  test('a supplied catalog is used, and every code it lacks falls back to English and is reported', () => {
    const messages: Partial<MessageCatalog> = {
      'status.contraindicated.label': 'Kontraindiziert',
      'rule.pregnancy.present': 'Schwangerschaft vermerkt: eine Kontraindikation im Protokoll.',
    };
    const explanation = explain(contraindicated(), { locale: 'de', messages });
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
    const explanation = explain(contraindicated(), {
      locale: ru,
      messages: { 'status.contraindicated.label': 'Иглорефлексотерапия противопоказана' },
    });
    expect(explanation.label).toBe('Иглорефлексотерапия противопоказана');
    expect(explanation.headline).toBe(ru.messages['status.contraindicated.headline']);
    expect(explanation.fallbacks).toContain('status.contraindicated.headline');
  });

  test('a supplied message with a placeholder the code does not fill falls back, never printing the placeholder', () => {
    const explanation = explain(contraindicated(), {
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
    const explanation = explain(contraindicated(), { locale: 'de', messages });
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

describe('explain: the shipped rules', () => {
  test('each shipped rule has its own sentence when present, the red flags first, most urgent first', () => {
    const screening = screen(allPresent, { ruleSet: everyShippedRule });
    const referral = (rule: string, urgency: 'as an emergency' | 'urgently' | 'routinely') => [
      rule,
      messagesEn[`rule.${rule}.present` as MessageCode].replace('{urgency}', urgency),
    ];
    expect(explain(screening).findings.map((finding) => [finding.rule, finding.sentence])).toEqual([
      [
        'cauda-equina-syndrome',
        'Cauda equina syndrome, new bladder or bowel dysfunction, or saddle anaesthesia is recorded: a red flag from published guidance (not from the protocol); assess or refer as an emergency before any needling.',
      ],
      referral('neurological-deficit', 'as an emergency'),
      referral('cervical-arterial-dysfunction', 'as an emergency'),
      referral('history-of-cancer', 'urgently'),
      referral('possible-fracture', 'urgently'),
      referral('possible-spinal-infection', 'urgently'),
      referral('cervical-myelopathy', 'urgently'),
      referral('possible-malignancy', 'routinely'),
      [
        'inflammatory-back-disease',
        'Back pain of an inflammatory pattern is recorded: a red flag for spondyloarthritis from national guidelines (not from the protocol); assess or refer routinely before any needling.',
      ],
      ['age', 'The patient is under 3 or over 75 completed years of age: a contraindication in the protocol.'],
      ['oncology', messagesEn['rule.oncology.present']],
      ['pregnancy', messagesEn['rule.pregnancy.present']],
      ['coagulation', messagesEn['rule.coagulation.present']],
      ['acute-infection', messagesEn['rule.acute-infection.present']],
      ['acute-mental-state', messagesEn['rule.acute-mental-state.present']],
      ['anticoagulant-therapy', messagesEn['rule.anticoagulant-therapy.present']],
      ['electroacupuncture-with-implanted-device', messagesEn['rule.electroacupuncture-with-implanted-device.present']],
      ['skin-lesion-at-site', messagesEn['rule.skin-lesion-at-site.present']],
      ['needle-phobia', messagesEn['rule.needle-phobia.present']],
      ['epilepsy', messagesEn['rule.epilepsy.present']],
      ['pregnancy-point-restrictions', messagesEn['rule.pregnancy-point-restrictions.present']],
    ]);
  });

  test('each shipped rule has its own sentence when unknown, in Russian too', () => {
    const screening = screen({}, { ruleSet: everyShippedRule });
    const sentences = explain(screening, { locale: ru }).findings.map((finding) => finding.sentence);
    expect(sentences).toEqual(
      everyShippedRule.rules.map((rule) =>
        rule.id === 'age'
          ? 'Возраст не указан или указан некорректно, поэтому возрастные ограничения (менее 3 или более 75 полных лет) проверить нельзя.'
          : ru.messages[`rule.${rule.id}.unknown` as MessageCode],
      ),
    );
  });
});

describe('explain: the bounds of an age rule', () => {
  const ageOutside = (source: Rule['source']): Rule => ({
    id: 'age',
    kind: 'absolute',
    when: { type: 'age-outside', under: 18, over: 80 },
    source,
  });
  const clinicPolicy: Rule = {
    id: 'no-consent',
    kind: 'absolute',
    when: { type: 'any', facts: ['needlePhobia'] },
    source: { title: 'Clinic policy 7' },
  };
  const GENERIC = 'Rule “age limits” applies: a contraindication under the rule set used.';
  const sentenceOf = (screening: Screening, ruleSet?: RuleSet): string | undefined =>
    explain(screening, { ruleSet }).findings.find((finding) => finding.rule === 'age')?.sentence;

  test('are read from the given rule set, wherever its age rule stands', () => {
    const ruleSet = defineRuleSet({
      id: 'late-age',
      version: '1',
      rules: [clinicPolicy, ageRule({ under: 18, over: 80 })],
    });
    const screening = screen({ ageYears: 16, needlePhobia: false }, { ruleSet });
    expect(sentenceOf(screening, ruleSet)).toBe(
      'The patient is under 18 or over 80 completed years of age: a contraindication under the rule set’s own age limits (the protocol’s are under 3 or over 75).',
    );
  });

  test('a relative age rule, or an absolute one read from no condition, gets the generic sentence', () => {
    const soft = { ...ageRule({ under: 18, over: 80 }), kind: 'relative' as const };
    const ruleSet = defineRuleSet({ id: 'soft', version: '1', rules: [soft] });
    expect(sentenceOf(screen({ ageYears: 16 }, { ruleSet }), ruleSet)).toBe(
      'Rule “age limits” applies: a caution under the rule set used, to be weighed.',
    );
  });

  test('a given rule set of the same id and version but with no age rule gives the generic sentence', () => {
    const made = defineRuleSet({ id: 'clinic', version: '1', rules: [ageRule({ under: 18, over: 80 })] });
    const given = defineRuleSet({ id: 'clinic', version: '1', rules: [clinicPolicy] });
    expect(sentenceOf(screen({ ageYears: 16 }, { ruleSet: made }), given)).toBe(GENERIC);
  });

  test('without a rule set, only the protocol’s own age rule gets the protocol’s bounds', () => {
    const sentenceFor = (source: Rule['source']): string | undefined => {
      const ruleSet = defineRuleSet({ id: 'cited', version: '1', rules: [ageOutside(source)] });
      return sentenceOf(screen({ ageYears: 16 }, { ruleSet }));
    };
    const protocolOnly = defineRuleSet({ id: 'cited', version: '1', rules: [ageRule()] });
    expect(sentenceOf(screen({ ageYears: 2 }, { ruleSet: protocolOnly }))).toBe(
      'The patient is under 3 or over 75 completed years of age: a contraindication in the protocol.',
    );
    expect(sentenceFor({ title: 'Clinic policy 1', section: 'Contraindications', item: 1 })).toBe(GENERIC);
    expect(sentenceFor({ title: PROTOCOL_TITLE, section: 'Age', item: 1 })).toBe(GENERIC);
    expect(sentenceFor({ title: PROTOCOL_TITLE, section: 'Contraindications', item: 2, note: 'an age here' })).toBe(
      GENERIC,
    );
    expect(sentenceFor({ title: PROTOCOL_TITLE, section: 'Contraindications', item: 1, note: 'clinic bounds' })).toBe(
      GENERIC,
    );
  });
});

describe('explain: citations', () => {
  // The source is put into the screening afterwards: a screening stored and read back may carry a
  // citation that defineRuleSet would refuse (an empty section), and explain must still read it.
  const citedAs = (source: Rule['source']): string | undefined => {
    const ruleSet = defineRuleSet({
      id: 'cited',
      version: '1',
      rules: [{ id: 'clinic', kind: 'relative', when: { type: 'any', facts: ['epilepsy'] }, source: { title: 'T' } }],
    });
    const screening = screen({ epilepsy: true }, { ruleSet });
    const withSource = { ...screening, findings: screening.findings.map((finding) => ({ ...finding, source })) };
    return explain(withSource, { locale: ru }).findings[0]?.source;
  };

  test('a source with no section, or an empty one, is cited by its title and item alone', () => {
    expect(citedAs({ title: 'Clinic policy 8', item: 2 })).toBe('Clinic policy 8, пункт 2');
    expect(citedAs({ title: 'Clinic policy 8', section: '', item: 2 })).toBe('Clinic policy 8, пункт 2');
    expect(citedAs({ title: 'Clinic policy 8', section: 'Frailty' })).toBe('Clinic policy 8, раздел «Frailty»');
  });

  test('each heading of the protocol is translated', () => {
    expect(citedAs({ title: PROTOCOL_TITLE, section: 'The essence of acupuncture' })).toBe(
      'Остеохондроз и иглоукалывание, раздел «Суть метода иглоукалывания»',
    );
    expect(citedAs({ title: PROTOCOL_TITLE, section: 'Acupuncture for cervical osteochondrosis of the spine' })).toBe(
      'Остеохондроз и иглоукалывание, раздел «Иглоукалывание при шейном остеохондрозе позвоночника»',
    );
    expect(
      citedAs({ title: PROTOCOL_TITLE, section: 'Acupuncture for osteochondrosis of the thoracic region spine' }),
    ).toBe('Остеохондроз и иглоукалывание, раздел «Иглоукалывание при остеохондрозе грудного отдела позвоночника»');
    expect(citedAs({ title: PROTOCOL_TITLE, section: 'Acupuncture for lumbosacral osteochondrosis' })).toBe(
      'Остеохондроз и иглоукалывание, раздел «Иглоукалывание при пояснично-крестцовом остеохондрозе»',
    );
  });

  test('a heading of the protocol is translated only in a citation of the protocol', () => {
    expect(citedAs({ title: 'Clinic policy 8', section: 'Contraindications' })).toBe(
      'Clinic policy 8, раздел «Contraindications»',
    );
  });
});

describe('explain: programmer errors', () => {
  const NOT_A_SCREENING = /^explain: expected a screening as returned by screen\(\) \(/;
  const finding = (change: Record<string, unknown>) => ({ ...incomplete().findings[0], ...change });

  test.each([
    ['null', () => null],
    ['a number', () => 42],
    ['an empty object', () => ({})],
    ['a function with the fields of a screening', () => Object.assign(() => undefined, incomplete())],
    ['an unknown status', () => ({ ...incomplete(), status: 'fine' })],
    ['a status that is not a string', () => ({ ...incomplete(), status: 3 })],
    ['findings that are not a list', () => ({ ...incomplete(), findings: 'none' })],
    ['missing that is not a list', () => ({ ...incomplete(), missing: 'ageYears' })],
    ['no invalid list', () => ({ ...incomplete(), invalid: undefined })],
    ['a null rule set', () => ({ ...incomplete(), ruleSet: null })],
    ['a rule set that is not an object', () => ({ ...incomplete(), ruleSet: 'acuspine-protocol' })],
    ['a null finding', () => ({ ...incomplete(), findings: [null] })],
    ['a null finding after a valid one', () => ({ ...incomplete(), findings: [finding({}), null] })],
    [
      'a function with the fields of a finding',
      () => ({ ...incomplete(), findings: [Object.assign(() => 0, finding({}))] }),
    ],
    ['a finding whose rule is not a string', () => ({ ...incomplete(), findings: [finding({ rule: 7 })] })],
    ['a finding with an unknown outcome', () => ({ ...incomplete(), findings: [finding({ outcome: 'maybe' })] })],
    ['a finding with an unknown kind', () => ({ ...incomplete(), findings: [finding({ kind: 'soft' })] })],
    ['a finding with a null source', () => ({ ...incomplete(), findings: [finding({ source: null })] })],
    ['a finding whose source is a string', () => ({ ...incomplete(), findings: [finding({ source: 'protocol' })] })],
  ])('%s is not a screening: a TypeError', (_name, value) => {
    const screening = value() as unknown as Screening;
    expect(() => explain(screening)).toThrow(TypeError);
    expect(() => explain(screening)).toThrow(NOT_A_SCREENING);
  });

  test('says why a value is not a screening, and where', () => {
    expect(() => explain({ ...incomplete(), status: 'eligible' } as Screening)).toThrow(
      new TypeError(
        'explain: expected a screening as returned by screen() (at status: expected the status that the findings give, incomplete, got the string "eligible")',
      ),
    );
    expect(() => explain(null as never)).toThrow(
      new TypeError(
        'explain: expected a screening as returned by screen() (expected a screening from screen(), got null)',
      ),
    );
  });

  test('a screening whose status does not follow from its findings is a TypeError: every finding present and eligible', () => {
    const everyFinding = screen(allPresent, { ruleSet: everyShippedRule });
    const forged = { ...everyFinding, status: 'eligible', contraindications: [], cautions: [] } as unknown as Screening;
    expect(() => explain(forged)).toThrow(TypeError);
  });

  test('a getter that throws is a TypeError, never its own error', () => {
    const throwing = Object.defineProperty({ ...incomplete() }, 'missing', {
      get() {
        throw new RangeError('boom');
      },
    });
    expect(() => explain(throwing)).toThrow(
      new TypeError(
        'explain: expected a screening as returned by screen() (at missing: the value of "missing" could not be read)',
      ),
    );
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => explain(proxy as Screening)).toThrow(NOT_A_SCREENING);
  });

  test('a screening with each outcome and each kind is accepted', () => {
    for (const outcome of ['present', 'absent', 'unknown'] as const) {
      for (const kind of ['absolute', 'relative'] as const) {
        const ruleSet = defineRuleSet({
          id: 'one',
          version: '1',
          rules: [{ id: 'clinic', kind, when: { type: 'any', facts: ['epilepsy'] }, source: { title: 'T' } }],
        });
        const facts = { epilepsy: outcome === 'present' ? true : outcome === 'absent' ? false : undefined };
        const screening = screen(facts, { ruleSet });
        expect(explain(screening, { absent: true }).findings.map((entry) => [entry.outcome, entry.kind])).toEqual([
          [outcome, kind],
        ]);
      }
    }
  });

  test('a missing entry that is neither a fact nor a name a rule set may give one is a TypeError that names it', () => {
    for (const name of ['Mood', 'low mood', '__proto__']) {
      expect(() => explain({ ...incomplete(), missing: [name] } as unknown as Screening)).toThrow(
        new TypeError(`explain: ${name} in missing is not a patient fact, nor a name a rule set may give one`),
      );
    }
  });

  test.each([
    ['options that are not an object', 'en' as unknown, 'explain: options must be an object'],
    ['null options', null, 'explain: options must be an object'],
    ['a locale that is a number', { locale: 7 }, LOCALE_ERROR],
    ['a null locale', { locale: null }, LOCALE_ERROR],
    ['an empty locale', { locale: '' }, LOCALE_ERROR],
    ['an empty locale with messages', { locale: '', messages: {} }, LOCALE_ERROR],
    ['a Locale without a code', { locale: { messages: messagesEn } }, LOCALE_ERROR],
    ['a Locale with an empty code', { locale: { code: '', messages: messagesEn } }, LOCALE_ERROR],
    ['a Locale without messages', { locale: { code: 'de' } }, LOCALE_ERROR],
    ['a Locale with null messages', { locale: { code: 'de', messages: null } }, LOCALE_ERROR],
    ['a Locale with messages as an array', { locale: { code: 'de', messages: [] } }, LOCALE_ERROR],
    ['messages that are not an object', { messages: 'x' }, MESSAGES_ERROR],
    ['messages as an array', { messages: [] }, MESSAGES_ERROR],
    ['null messages', { messages: null }, MESSAGES_ERROR],
  ])('%s is a TypeError', (_name, options, message) => {
    expect(() => explain(incomplete(), options as Parameters<typeof explain>[1])).toThrow(new TypeError(message));
  });

  test('a locale tag with no messages is a RangeError that names the tag and the ways to give words', () => {
    expect(() => explain(incomplete(), { locale: 'de' })).toThrow(
      new RangeError(
        `explain: no messages for locale "de": pass options.messages for a locale of your own, or a Locale as options.locale (en from 'acuspine', ru from 'acuspine/locales/ru')`,
      ),
    );
  });
});

describe('explain: a rule set that leaves out the protocol', () => {
  const electroOnly = () =>
    defineRuleSet({
      id: 'clinic-electro',
      version: '1',
      rules: [
        {
          id: 'implanted-device',
          kind: 'absolute',
          when: { type: 'all', facts: ['pacemaker', 'electroacupuncturePlanned'] },
          source: { title: 'Clinic policy on electroacupuncture' },
        },
      ],
    });

  test('an eligible screening says which protocol contraindications were not checked, after the headline', () => {
    const screening = screen(
      { ageYears: 1, pregnant: true, oncologicalDisease: true, pacemaker: true, electroacupuncturePlanned: false },
      { ruleSet: electroOnly() },
    );
    const explanation = explain(screening);
    expect(explanation.status).toBe('eligible');
    const sentence =
      'The rule set used does not check these contraindications of the protocol: age limits, oncological disease, pregnancy, blood clotting disorder, acute period of an infectious disease, acute mental illness or psychotropic substances. This result says nothing about them: check them before treatment.';
    expect(explanation.uncheckedProtocol).toBe(sentence);
    expect(explanation.text.split('\n').slice(0, 3)).toEqual([
      'No contraindication found',
      messagesEn['status.eligible.headline'],
      sentence,
    ]);
    expect(explain(screening, { locale: ru }).uncheckedProtocol).toBe(
      'Используемый набор правил не проверяет следующие противопоказания протокола: возрастные ограничения, онкологическое заболевание, беременность, нарушение свёртываемости крови, острый период инфекционного заболевания, острое психическое состояние или действие психотропных веществ. Этот результат ничего о них не говорит: проверьте их до начала лечения.',
    );
  });

  test('names only the protocol rules left out, and nothing for a set that checks them all', () => {
    const noAge = defineRuleSet({ id: 'no-age', version: '1', rules: protocolRuleSet.rules.slice(1) });
    expect(explain(screen(healthy, { ruleSet: noAge })).uncheckedProtocol).toBe(
      'The rule set used does not check these contraindications of the protocol: age limits. This result says nothing about them: check them before treatment.',
    );
    const explanation = explain(screen(healthy));
    expect(explanation.uncheckedProtocol).toBeUndefined();
    expect(explanation.text).not.toContain('does not check');
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

describe('explain: a refer screening', () => {
  const withRedFlags = () =>
    extendProtocol({ id: 'protocol-and-red-flags', version: '1', rules: [...redFlagRuleSet.rules] });
  // A contraindication, an emergency, an urgent and a routine red flag, found present together.
  const referred = (): Screening =>
    screen(
      { ageYears: 60, pregnant: true, nightPain: true, severeTrauma: true, saddleAnaesthesia: true },
      { ruleSet: withRedFlags() },
    );
  const FINUCANE =
    'Finucane LM, Downie A, Mercer C, et al. International Framework for Red Flags for Potential Serious Spinal Pathologies. J Orthop Sports Phys Ther 2020;50(7):350-372';
  const DOWNIE =
    'Downie A, Williams CM, Henschke N, et al. Red flags to screen for malignancy and fracture in patients with low back pain: systematic review. BMJ 2013;347:f7095';

  test('in English: assess or refer before any needling, the referrals first, most urgent first, each with its urgency', () => {
    const explanation = explain(referred());
    expect(explanation.status).toBe('refer');
    expect(explanation.label).toBe('Assess or refer first');
    expect(explanation.headline).toBe(
      'A red flag was found by these rules: assess the patient, or refer them as urgently as each red flag says, before any needling. A red flag is not a diagnosis; the clinician decides.',
    );
    expect(
      explanation.findings.slice(0, 4).map(({ rule, outcome, kind, urgency }) => [rule, outcome, kind, urgency]),
    ).toEqual([
      ['cauda-equina-syndrome', 'present', 'referral', 'emergency'],
      ['possible-fracture', 'present', 'referral', 'urgent'],
      ['possible-malignancy', 'present', 'referral', 'routine'],
      ['oncology', 'unknown', 'absolute', undefined],
    ]);
    expect(explanation.findings[3]).not.toHaveProperty('urgency');
    expect(explanation.text.split('\n').slice(2, 5)).toEqual([
      `- Cauda equina syndrome, new bladder or bowel dysfunction, or saddle anaesthesia is recorded: a red flag from published guidance (not from the protocol); assess or refer as an emergency before any needling. Source: ${FINUCANE}.`,
      `- Prolonged corticosteroid use, severe trauma, a contusion or abrasion, or osteoporosis with a minor trauma is recorded: a red flag for fracture from a systematic review (not from the protocol); assess or refer urgently before any needling. Source: ${DOWNIE}.`,
      `- Unexplained weight loss or night pain is recorded: a weak red flag for malignancy from a systematic review (not from the protocol), to be weighed with the history; assess or refer routinely before any needling. Source: ${DOWNIE}.`,
    ]);
    // The contraindication found too keeps its place among the rest, in rule-set order.
    expect(explanation.findings.map((finding) => finding.rule).indexOf('pregnancy')).toBe(4);
    expect(explanation.findings[0]?.citation).toEqual(redFlagRuleSet.rules[0]?.source);
  });

  test('in Russian: the same order, the urgency as a Russian clinician writes it, the source untranslated', () => {
    const explanation = explain(referred(), { locale: ru });
    expect(explanation.label).toBe('Сначала обследование или направление');
    expect(explanation.headline).toBe(
      'По этим правилам выявлен «красный флаг»: до любого введения игл обследуйте пациента или направьте его к специалисту с той срочностью, которую указывает каждый флаг. «Красный флаг» — не диагноз; решение принимает врач.',
    );
    expect(explanation.findings.slice(0, 3).map((finding) => finding.sentence)).toEqual([
      'Отмечены синдром конского хвоста, впервые возникшее нарушение функции тазовых органов или седловидная анестезия: красный флаг из опубликованных рекомендаций (не из протокола); до введения игл пациента нужно обследовать или направить к специалисту в экстренном порядке.',
      'Отмечены длительный приём глюкокортикоидов, тяжёлая травма, ушиб или ссадина либо остеопороз с незначительной травмой: красный флаг перелома по данным систематического обзора (не из протокола); до введения игл пациента нужно обследовать или направить к специалисту в срочном порядке.',
      'Отмечены необъяснимое снижение массы тела или ночная боль: слабый красный флаг злокачественного новообразования по данным систематического обзора (не из протокола), который оценивают вместе с анамнезом; до введения игл пациента нужно обследовать или направить к специалисту в плановом порядке.',
    ]);
    expect(explanation.findings[0]?.source).toBe(FINUCANE);
    expect(explanation.fallbacks).toEqual([]);
  });

  test('with absent findings asked for, the referrals still come first and the rest keep rule-set order', () => {
    const screening = screen(
      { ...allAbsent, clumsyHands: true, caudaEquinaSyndrome: true },
      { ruleSet: everyShippedRule },
    );
    const rules = explain(screening, { absent: true }).findings.map((finding) => finding.rule);
    expect(rules.slice(0, 2)).toEqual(['cauda-equina-syndrome', 'cervical-myelopathy']);
    expect(rules.slice(2)).toEqual(
      everyShippedRule.rules
        .map((rule) => rule.id)
        .filter((id) => id !== 'cauda-equina-syndrome' && id !== 'cervical-myelopathy'),
    );
  });

  test('a clinic’s own referral rule gets the generic sentence, with its urgency', () => {
    const clinic = defineRuleSet({
      id: 'clinic-referrals',
      version: '1',
      rules: [
        {
          id: 'recent-fall',
          kind: 'referral',
          urgency: 'urgent',
          evidence: 'clinic policy',
          when: { type: 'any', facts: ['severeTrauma'] },
          source: { title: 'Clinic policy 9' },
        },
      ],
    });
    const screening = screen({ severeTrauma: true }, { ruleSet: clinic });
    expect(explain(screening).findings[0]?.sentence).toBe(
      'Rule “recent-fall” applies: a red flag under the rule set used; assess or refer urgently before any needling.',
    );
    expect(explain(screening, { locale: ru }).findings[0]?.sentence).toBe(
      'Правило «recent-fall» выполнено: «красный флаг» по используемому набору правил; до введения игл пациента нужно обследовать или направить к специалисту в срочном порядке.',
    );
  });

  test('a shipped red flag with another urgency is the rule set’s own: the generic sentence states its urgency', () => {
    const [cauda] = redFlagRuleSet.rules;
    const relaxed = defineRuleSet({
      id: 'relaxed',
      version: '1',
      rules: [{ ...(cauda as ReferralRule), urgency: 'routine' }],
    });
    const [finding] = explain(screen({ saddleAnaesthesia: true }, { ruleSet: relaxed })).findings;
    expect(finding?.sentence).toBe(
      'Rule “cauda equina syndrome” applies: a red flag under the rule set used; assess or refer routinely before any needling.',
    );
    expect(finding?.urgency).toBe('routine');
  });
});

describe('explain: a rule set’s own facts', () => {
  const clinic = (metalAllergy: CustomFact['label'] = { en: 'allergy to metals' }) =>
    defineRuleSet({
      id: 'clinic-own-facts',
      version: '2',
      facts: {
        recentSpinalSurgery: {
          label: { en: 'spinal surgery in the last 6 months', ru: 'операция на позвоночнике за последние 6 месяцев' },
        },
        metalAllergy: { label: metalAllergy },
      },
      rules: [
        {
          id: 'after-surgery',
          kind: 'absolute',
          when: { type: 'any', facts: ['recentSpinalSurgery'] },
          source: { title: 'Clinic policy 4' },
        },
        {
          id: 'metal',
          kind: 'relative',
          when: { type: 'any', facts: ['metalAllergy', 'epilepsy'] },
          source: { title: 'Clinic policy 5' },
        },
      ],
    });

  test('are named by their labels in the locale, and asked about by them', () => {
    const ruleSet = clinic();
    const explanation = explain(screen({ epilepsy: false }, { ruleSet }), { ruleSet });
    expect(explanation.questions).toEqual([
      {
        fact: 'recentSpinalSurgery',
        label: 'spinal surgery in the last 6 months',
        question: 'Record yes or no: “spinal surgery in the last 6 months”.',
        invalid: false,
      },
      {
        fact: 'metalAllergy',
        label: 'allergy to metals',
        question: 'Record yes or no: “allergy to metals”.',
        invalid: false,
      },
    ]);
    expect(explanation.text).toContain('\n- Record yes or no: “allergy to metals”.\n');
    expect(explanation.unlabelledFacts).toEqual([]);
    expect(explanation.fallbacks).toEqual([]);
  });

  test('a locale the rule set gives no label falls back to the fact’s name, and says so in unlabelledFacts', () => {
    const ruleSet = clinic();
    const explanation = explain(screen({ epilepsy: false }, { ruleSet }), { ruleSet, locale: ru });
    expect(explanation.questions.map(({ label, question }) => [label, question])).toEqual([
      [
        'операция на позвоночнике за последние 6 месяцев',
        'Отметьте, да или нет: «операция на позвоночнике за последние 6 месяцев».',
      ],
      ['metalAllergy', 'Отметьте, да или нет: «metalAllergy».'],
    ]);
    expect(explanation.unlabelledFacts).toEqual(['metalAllergy']);
    expect(explanation.fallbacks).toEqual([]);
    expect(Object.isFrozen(explanation.unlabelledFacts)).toBe(true);
  });

  test('an app’s own locale reads the labels of its tag', () => {
    const ruleSet = clinic({ en: 'allergy to metals', de: 'Metallallergie' });
    const explanation = explain(screen({ epilepsy: false, recentSpinalSurgery: false }, { ruleSet }), {
      ruleSet,
      locale: 'de',
      messages: { 'fact.custom.question': 'Ja oder nein: „{fact}“.' },
    });
    expect(explanation.questions.map((question) => question.question)).toEqual(['Ja oder nein: „Metallallergie“.']);
    expect(explanation.unlabelledFacts).toEqual([]);
  });

  test('without the rule set, each is named by its name, and listed once in unlabelledFacts', () => {
    const ruleSet = clinic();
    const explanation = explain(screen({ recentSpinalSurgery: 'yes', metalAllergy: null } as never, { ruleSet }));
    expect(explanation.questions.map(({ fact, label, invalid }) => [fact, label, invalid])).toEqual([
      ['recentSpinalSurgery', 'recentSpinalSurgery', true],
      ['metalAllergy', 'metalAllergy', false],
      ['epilepsy', 'epilepsy or another seizure disorder', false],
    ]);
    expect(explanation.questions[0]?.problem).toBe(
      'The value recorded for “recentSpinalSurgery” is not a yes or a no, so it counts as not recorded: record it again.',
    );
    expect(explanation.unlabelledFacts).toEqual(['recentSpinalSurgery', 'metalAllergy']);
  });

  test('an invalid value names the fact by its label in the problem', () => {
    const ruleSet = clinic();
    const [question] = explain(screen({ recentSpinalSurgery: 1, epilepsy: false } as never, { ruleSet }), {
      ruleSet,
      locale: ru,
    }).questions;
    expect(question?.problem).toBe(
      'Значение в поле «операция на позвоночнике за последние 6 месяцев» не является ответом «да» или «нет» и считается неуказанным: внесите его заново.',
    );
  });

  test('a label is read from the rule set’s own properties only, and an empty one is no label', () => {
    const made = defineRuleSet({
      id: 'clinic-proto',
      version: '1',
      facts: { clinicFact: { label: { en: 'clinic fact label' } } },
      rules: [{ id: 'c', kind: 'absolute', when: { type: 'any', facts: ['clinicFact'] }, source: { title: 'T' } }],
    });
    const screening = screen({}, { ruleSet: made });
    // A locale tag that Object.prototype holds finds no label there.
    const asToString = explain(screening, { ruleSet: made, locale: 'toString', messages: {} });
    expect(asToString.questions[0]?.label).toBe('clinicFact');
    // A rule set of the same id and version with no facts, or an empty label, labels nothing.
    const bare = { id: made.id, version: made.version, rules: made.rules } as RuleSet<string, 'clinicFact'>;
    expect(explain(screening, { ruleSet: bare }).questions[0]?.label).toBe('clinicFact');
    const blank = { ...made, facts: { clinicFact: { label: { en: '' } } } };
    expect(explain(screening, { ruleSet: blank }).unlabelledFacts).toEqual(['clinicFact']);
    expect(explain(screening, { ruleSet: made }).questions[0]?.label).toBe('clinic fact label');
  });
});
