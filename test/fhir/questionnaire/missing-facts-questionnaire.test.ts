import { describe, expect, it } from 'vitest';
import {
  type FhirQuestionnaire,
  type FhirQuestionnaireItem,
  missingFactsQuestionnaire,
} from '../../../src/fhir/index.js';
import {
  defineRuleSet,
  en,
  extendProtocol,
  factNames,
  messagesEn,
  protocolRuleSet,
  redFlagRuleSet,
  screen,
} from '../../../src/index.js';
import { ru } from '../../../src/locales/ru/index.js';
import { validateR4 } from '../r4-schema.js';

const FACT_SYSTEM = 'https://acuspine.github.io/codes/patient-fact';

const clinic = defineRuleSet({
  id: 'clinic',
  version: '2',
  facts: {
    recentSpinalSurgery: {
      label: { en: 'spinal surgery in the last 6 months', ru: 'операция на позвоночнике за последние полгода' },
    },
    metalAllergy: { label: { en: 'allergy to metals' } },
  },
  rules: [
    {
      id: 'after-surgery',
      kind: 'absolute',
      when: { type: 'any', facts: ['recentSpinalSurgery'] },
      source: { title: 'Clinic policy' },
    },
    {
      id: 'metal',
      kind: 'relative',
      when: { type: 'any', facts: ['metalAllergy'] },
      source: { title: 'Clinic policy' },
    },
  ],
});

function made(result: ReturnType<typeof missingFactsQuestionnaire>): FhirQuestionnaire {
  if (!result.ok) throw new Error(`expected a questionnaire, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

function items(questionnaire: FhirQuestionnaire): readonly FhirQuestionnaireItem[] {
  return questionnaire.item ?? [];
}

function issuesOf(result: ReturnType<typeof missingFactsQuestionnaire>) {
  if (result.ok) throw new Error('expected issues');
  return result.issues.map(({ code, path }) => ({ code, path }));
}

describe('missingFactsQuestionnaire from a screening', () => {
  const screening = screen({ ageYears: 52, oncologicalDisease: false });

  it('asks the missing facts, one item each, in the order of missing', () => {
    const questionnaire = made(missingFactsQuestionnaire(screening, { id: 'q1' }));
    expect(items(questionnaire).map((item) => item.linkId)).toEqual(screening.missing);
    expect(screening.missing).toEqual([
      'pregnant',
      'coagulationDisorder',
      'acuteInfection',
      'acuteMentalIllness',
      'psychotropicInfluence',
    ]);
  });

  it('is an active SDC questionnaire about a patient, with the rule set of the screening', () => {
    const questionnaire = made(missingFactsQuestionnaire(screening, { id: 'q1' }));
    expect(questionnaire).toMatchObject({
      resourceType: 'Questionnaire',
      id: 'q1',
      meta: { profile: ['http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire'] },
      language: 'en',
      url: 'https://acuspine.github.io/fhir/Questionnaire/q1',
      title: messagesEn['questionnaire.title'],
      status: 'active',
      subjectType: ['Patient'],
      extension: [
        {
          url: 'https://acuspine.github.io/fhir/StructureDefinition/rule-set',
          extension: [
            { url: 'id', valueString: protocolRuleSet.id },
            { url: 'version', valueString: protocolRuleSet.version },
          ],
        },
      ],
    });
  });

  it('words each question as explain asks it, and requires none', () => {
    const questionnaire = made(missingFactsQuestionnaire(screening, { id: 'q1' }));
    for (const item of items(questionnaire)) {
      expect(item.text).toBe(messagesEn[`fact.${item.linkId}.question` as keyof typeof messagesEn]);
      expect(item.required).toBe(false);
    }
  });

  it('asks the age as an integer from 0 to 149 completed years', () => {
    const [age] = items(made(missingFactsQuestionnaire(screen({}), { id: 'q1' })));
    expect(age).toEqual({
      linkId: 'ageYears',
      code: [{ system: FACT_SYSTEM, code: 'ageYears' }],
      text: 'How old is the patient, in completed years?',
      type: 'integer',
      required: false,
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 149 },
      ],
    });
  });

  it('asks pregnancy as LOINC 82810-3 with its answers, marked for extraction as an Observation', () => {
    const pregnant = items(made(missingFactsQuestionnaire(['pregnant'], { id: 'q1' })))[0];
    expect(pregnant).toEqual({
      linkId: 'pregnant',
      code: [
        { system: 'http://loinc.org', code: '82810-3', display: 'Pregnancy status' },
        { system: FACT_SYSTEM, code: 'pregnant' },
      ],
      text: 'Is the patient currently pregnant?',
      type: 'choice',
      required: false,
      extension: [
        {
          url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract',
          valueBoolean: true,
        },
        {
          url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
          valueCodeableConcept: {
            coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'radio-button' }],
          },
        },
      ],
      answerOption: [
        { valueCoding: { system: 'http://loinc.org', code: 'LA15173-0', display: 'Pregnant' } },
        { valueCoding: { system: 'http://loinc.org', code: 'LA26683-5', display: 'Not pregnant' } },
        { valueCoding: { system: 'http://loinc.org', code: 'LA4489-6', display: 'Unknown' } },
      ],
    });
  });

  it('asks every other fact as yes or no, coded in the facts code system', () => {
    const [epilepsy] = items(made(missingFactsQuestionnaire(['epilepsy'], { id: 'q1' })));
    expect(epilepsy).toEqual({
      linkId: 'epilepsy',
      code: [{ system: FACT_SYSTEM, code: 'epilepsy' }],
      text: 'Does the patient have epilepsy or another seizure disorder?',
      type: 'boolean',
      required: false,
    });
  });

  it('asks an invalid fact again: a screening lists it in missing', () => {
    const invalid = screen({ ageYears: 52, oncologicalDisease: 'yes' as never });
    expect(invalid.invalid).toEqual(['oncologicalDisease']);
    const questionnaire = made(missingFactsQuestionnaire(invalid, { id: 'q1' }));
    expect(items(questionnaire)[0]?.linkId).toBe('oncologicalDisease');
  });

  it('asks what a screening of any status lists, red flags included', () => {
    const refer = screen({ saddleAnaesthesia: true }, { ruleSet: redFlagRuleSet });
    expect(refer.status).toBe('refer');
    const questionnaire = made(missingFactsQuestionnaire(refer, { id: 'q1' }));
    expect(items(questionnaire).map((item) => item.linkId)).toEqual(refer.missing);
    expect(refer.missing.length).toBeGreaterThan(0);
  });

  it('has no item when the screening lacks nothing, and is still valid FHIR', { timeout: 60_000 }, () => {
    const complete = screen({
      ageYears: 40,
      oncologicalDisease: false,
      pregnant: false,
      coagulationDisorder: false,
      acuteInfection: false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
    });
    const questionnaire = made(missingFactsQuestionnaire(complete, { id: 'q1' }));
    expect(questionnaire).not.toHaveProperty('item');
    expect(validateR4(questionnaire)).toEqual([]);
  });

  it('asks a rule set’s own facts by their labels, coded in the rule set’s code system', () => {
    const questionnaire = made(
      missingFactsQuestionnaire(screen({}, { ruleSet: clinic }), { id: 'q1', ruleSet: clinic }),
    );
    expect(items(questionnaire)).toEqual([
      {
        linkId: 'recentSpinalSurgery',
        code: [{ system: 'https://acuspine.github.io/codes/rule-set/clinic/fact', code: 'recentSpinalSurgery' }],
        text: 'Record yes or no: “spinal surgery in the last 6 months”.',
        type: 'boolean',
        required: false,
      },
      {
        linkId: 'metalAllergy',
        code: [{ system: 'https://acuspine.github.io/codes/rule-set/clinic/fact', code: 'metalAllergy' }],
        text: 'Record yes or no: “allergy to metals”.',
        type: 'boolean',
        required: false,
      },
    ]);
    expect(questionnaire.extension?.[0]?.extension?.[0]?.valueString).toBe('clinic');
  });

  it('refuses a rule set other than the one that made the screening', () => {
    const other = defineRuleSet({ ...clinic, version: '3' });
    expect(issuesOf(missingFactsQuestionnaire(screen({}, { ruleSet: clinic }), { id: 'q1', ruleSet: other }))).toEqual([
      { code: 'rule-set-mismatch', path: ['options', 'ruleSet'] },
    ]);
  });

  it('needs the rule set for its own facts', () => {
    expect(issuesOf(missingFactsQuestionnaire(screen({}, { ruleSet: clinic }), { id: 'q1' }))).toEqual([
      { code: 'undeclared-fact', path: ['missing', 0] },
      { code: 'undeclared-fact', path: ['missing', 1] },
    ]);
  });

  it('refuses a value that is not a screening as screen returns it', () => {
    const forged = { ...screening, status: 'eligible' };
    expect(issuesOf(missingFactsQuestionnaire(forged as never, { id: 'q1' }))).toEqual([
      { code: 'invalid-screening', path: ['status'] },
    ]);
    expect(issuesOf(missingFactsQuestionnaire('pregnant' as never, { id: 'q1' }))).toEqual([
      { code: 'invalid-type', path: [] },
    ]);
    expect(issuesOf(missingFactsQuestionnaire(null as never, { id: 'q1' }))).toEqual([
      { code: 'invalid-type', path: [] },
    ]);
  });
});

describe('missingFactsQuestionnaire from a list of facts', () => {
  it('asks the facts in the order given, with no rule-set extension', () => {
    const questionnaire = made(missingFactsQuestionnaire(['nightPain', 'ageYears', 'epilepsy'], { id: 'q1' }));
    expect(items(questionnaire).map((item) => [item.linkId, item.type])).toEqual([
      ['nightPain', 'boolean'],
      ['ageYears', 'integer'],
      ['epilepsy', 'boolean'],
    ]);
    expect(questionnaire).not.toHaveProperty('extension');
  });

  it('asks every fact acuspine ships, each with its own question', () => {
    const questionnaire = made(missingFactsQuestionnaire(factNames, { id: 'q1' }));
    expect(items(questionnaire).map((item) => item.linkId)).toEqual(factNames);
    expect(new Set(items(questionnaire).map((item) => item.text)).size).toBe(factNames.length);
  });

  it('has no item for an empty list', () => {
    expect(made(missingFactsQuestionnaire([], { id: 'q1' }))).not.toHaveProperty('item');
  });

  it('refuses what is not a fact, with its place in the list', () => {
    const facts = ['pregnant', 'pregnancy', 3, 'Epilepsy', 'toString', 'epilepsy', 'pregnant'];
    expect(issuesOf(missingFactsQuestionnaire(facts as never, { id: 'q1' }))).toEqual([
      { code: 'undeclared-fact', path: [1] },
      { code: 'invalid-type', path: [2] },
      { code: 'unknown-fact', path: [3] },
      { code: 'unknown-fact', path: [4] },
      { code: 'duplicate-fact', path: [6] },
    ]);
  });

  it('refuses a fact that the rule set given does not declare', () => {
    expect(
      issuesOf(missingFactsQuestionnaire(['recentSpinalSurgery', 'otherFact'] as never, { id: 'q1', ruleSet: clinic })),
    ).toEqual([{ code: 'undeclared-fact', path: [1] }]);
  });
});

describe('missingFactsQuestionnaire in a locale', () => {
  it('writes Russian questions, answers, title and language with ru', () => {
    const questionnaire = made(missingFactsQuestionnaire(['ageYears', 'pregnant'], { id: 'q1', locale: ru }));
    expect(questionnaire.language).toBe('ru');
    expect(questionnaire.title).toBe(ru.messages['questionnaire.title']);
    expect(items(questionnaire).map((item) => item.text)).toEqual([
      ru.messages['fact.ageYears.question'],
      ru.messages['fact.pregnant.question'],
    ]);
    expect(items(questionnaire)[1]?.answerOption?.map((option) => option.valueCoding.display)).toEqual([
      'Беременна',
      'Не беременна',
      'Неизвестно',
    ]);
  });

  it('takes en as the default', () => {
    expect(made(missingFactsQuestionnaire(['epilepsy'], { id: 'q1', locale: en }))).toEqual(
      made(missingFactsQuestionnaire(['epilepsy'], { id: 'q1' })),
    );
  });

  it('names a rule set’s own fact by its label in the locale, else its English label, else its name', () => {
    const handMade = {
      id: 'clinic',
      version: '2',
      rules: [],
      facts: {
        recentSpinalSurgery: {
          label: { en: 'spinal surgery in the last 6 months', ru: 'операция на позвоночнике за последние полгода' },
        },
        metalAllergy: { label: { en: 'allergy to metals' } },
        noLabels: 'not a definition',
        blankLabel: { label: { en: ' ', ru: '' } },
        labelNotObject: { label: 'x' },
      },
    };
    const questionnaire = made(
      missingFactsQuestionnaire(
        ['recentSpinalSurgery', 'metalAllergy', 'noLabels', 'blankLabel', 'labelNotObject'] as never,
        { id: 'q1', locale: ru, ruleSet: handMade as never },
      ),
    );
    expect(items(questionnaire).map((item) => item.text)).toEqual([
      'Отметьте, да или нет: «операция на позвоночнике за последние полгода».',
      'Отметьте, да или нет: «allergy to metals».',
      'Отметьте, да или нет: «noLabels».',
      'Отметьте, да или нет: «blankLabel».',
      'Отметьте, да или нет: «labelNotObject».',
    ]);
  });

  it('takes a message that a Locale lacks from English', () => {
    const partial = { code: 'de', messages: { 'questionnaire.title': 'Fehlende Angaben' } };
    const questionnaire = made(missingFactsQuestionnaire(['epilepsy'], { id: 'q1', locale: partial as never }));
    expect(questionnaire.language).toBe('de');
    expect(questionnaire.title).toBe('Fehlende Angaben');
    expect(items(questionnaire)[0]?.text).toBe(messagesEn['fact.epilepsy.question']);
  });
});

describe('missingFactsQuestionnaire options', () => {
  it('takes a URL of the caller’s', () => {
    const url = 'https://clinic.example/fhir/Questionnaire/missing-facts';
    expect(made(missingFactsQuestionnaire(['epilepsy'], { id: 'q.1-a', url })).url).toBe(url);
    expect(made(missingFactsQuestionnaire(['epilepsy'], { id: 'q1', url: 'urn:uuid:1234' })).url).toBe('urn:uuid:1234');
  });

  it('refuses options that are not an object', () => {
    for (const options of [undefined, null, [], 'q1']) {
      expect(issuesOf(missingFactsQuestionnaire(['epilepsy'], options as never))).toEqual([
        { code: 'invalid-option', path: ['options'] },
      ]);
    }
  });

  it('refuses each bad option by its path', () => {
    const options = { id: 'a b', url: 'relative/path', locale: 'ru', ruleSet: { id: 'x' }, colour: 'red' };
    expect(issuesOf(missingFactsQuestionnaire(['epilepsy'], options as never))).toEqual([
      { code: 'invalid-option', path: ['options', 'colour'] },
      { code: 'invalid-option', path: ['options', 'id'] },
      { code: 'invalid-option', path: ['options', 'url'] },
      { code: 'invalid-option', path: ['options', 'locale'] },
      { code: 'invalid-option', path: ['options', 'ruleSet'] },
    ]);
  });

  it('needs an id that is a FHIR id', () => {
    for (const id of [undefined, '', 'x'.repeat(65), 'a_b', 42]) {
      expect(issuesOf(missingFactsQuestionnaire(['epilepsy'], { id } as never))).toEqual([
        { code: 'invalid-option', path: ['options', 'id'] },
      ]);
    }
    expect(made(missingFactsQuestionnaire(['epilepsy'], { id: 'x'.repeat(64) })).id).toHaveLength(64);
  });

  it('needs a URL that a response can name: absolute, without a space, | or #', () => {
    for (const url of ['https://x.example/Q|1', 'https://x.example/Q#a', 'https://x.example/ Q', '', 7]) {
      expect(issuesOf(missingFactsQuestionnaire(['epilepsy'], { id: 'q1', url } as never))).toEqual([
        { code: 'invalid-option', path: ['options', 'url'] },
      ]);
    }
  });

  it('needs a Locale, not its tag', () => {
    const notLocales = [
      'ru',
      'en',
      null,
      { code: 'ru' },
      { code: 'r u', messages: {} },
      { code: 3, messages: {} },
      { code: 'ru', messages: [] },
      { code: 'ru', messages: null },
    ];
    for (const locale of notLocales) {
      expect(issuesOf(missingFactsQuestionnaire(['epilepsy'], { id: 'q1', locale } as never))).toEqual([
        { code: 'invalid-option', path: ['options', 'locale'] },
      ]);
    }
  });

  it('needs a rule set with an id, a version and facts named as a rule set may name them', () => {
    const notRuleSets = [
      null,
      'clinic',
      { id: 'clinic' },
      { id: '', version: '1' },
      { id: 'clinic', version: '' },
      { id: 'clinic', version: '1', facts: [] },
      { id: 'clinic', version: '1', facts: { 'bad name': { label: { en: 'x' } } } },
    ];
    for (const ruleSet of notRuleSets) {
      expect(issuesOf(missingFactsQuestionnaire(['epilepsy'], { id: 'q1', ruleSet } as never))).toEqual([
        { code: 'invalid-option', path: ['options', 'ruleSet'] },
      ]);
    }
    const noFacts = { id: 'clinic', version: '1', rules: [] };
    expect(made(missingFactsQuestionnaire(['epilepsy'], { id: 'q1', ruleSet: noFacts as never })).item).toHaveLength(1);
  });

  it('reads options of the object itself, never of a polluted Object.prototype', () => {
    const polluted = Object.prototype as unknown as Record<string, unknown>;
    polluted['url'] = 'https://attacker.example/Q';
    try {
      expect(made(missingFactsQuestionnaire(['epilepsy'], { id: 'q1' })).url).toBe(
        'https://acuspine.github.io/fhir/Questionnaire/q1',
      );
    } finally {
      delete polluted['url'];
    }
  });
});

describe('missingFactsQuestionnaire never throws', () => {
  const throwing = (key: string, error: unknown = new Error('no')) =>
    Object.defineProperty({ id: 'q1' }, key, {
      enumerable: true,
      get() {
        throw error;
      },
    });

  it('on an option whose getter throws', () => {
    expect(issuesOf(missingFactsQuestionnaire(['epilepsy'], throwing('locale') as never))).toEqual([
      { code: 'unreadable', path: [] },
    ]);
  });

  it('on a rule set whose facts cannot be read, whatever the getter throws', () => {
    for (const error of [new Error('no'), new TypeError('no')]) {
      const ruleSet = Object.defineProperty({ id: 'clinic', version: '1' }, 'facts', {
        get() {
          throw error;
        },
      });
      expect(issuesOf(missingFactsQuestionnaire(['epilepsy'], { id: 'q1', ruleSet } as never))).toEqual([
        { code: 'unreadable', path: [] },
      ]);
    }
  });

  it('on a revoked proxy in place of the facts', () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(issuesOf(missingFactsQuestionnaire(proxy as never, { id: 'q1' }))).toEqual([
      { code: 'unreadable', path: [] },
    ]);
  });
});

describe('the questionnaire', () => {
  it('is a fresh object on every call, which the caller may add to', () => {
    const first = made(missingFactsQuestionnaire(screen({}), { id: 'q1' }));
    const second = made(missingFactsQuestionnaire(screen({}), { id: 'q1' }));
    expect(first).toEqual(second);
    first.meta.profile.push('https://clinic.example/StructureDefinition/q');
    (items(first)[1] as FhirQuestionnaireItem).code.push({ system: 'https://clinic.example/codes', code: 'x' });
    first.extension?.[0]?.extension?.pop();
    expect(second.meta.profile).toHaveLength(1);
    expect(items(second)[1]?.code).toHaveLength(1);
    expect(second.extension?.[0]?.extension).toHaveLength(2);
    expect(Object.isFrozen(items(first)[0]?.code[0])).toBe(false);
  });

  it('is valid by the FHIR R4 JSON Schema, in English and in Russian, with a rule set’s own facts', {
    timeout: 60_000,
  }, () => {
    const wide = extendProtocol({
      id: 'wide',
      version: '1',
      facts: clinic.facts,
      rules: [
        ...clinic.rules,
        {
          id: 'flags',
          kind: 'relative',
          when: { type: 'any', facts: ['epilepsy', 'nightPain'] },
          source: { title: 'T' },
        },
      ],
    });
    const screening = screen({}, { ruleSet: wide });
    for (const locale of [en, ru]) {
      const questionnaire = made(missingFactsQuestionnaire(screening, { id: 'q1', locale, ruleSet: wide }));
      expect(items(questionnaire)).toHaveLength(screening.missing.length);
      expect(validateR4(questionnaire)).toEqual([]);
    }
  });
});
