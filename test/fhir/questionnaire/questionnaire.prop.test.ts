// The round trip a clinic relies on: the facts a questionnaire asks, answered in any way a
// clinician can answer them in a renderer, come back as exactly the facts answered; nothing left
// empty, and no "unknown", is ever read as a value. And every questionnaire is valid FHIR R4.
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import {
  type FhirQuestionnaire,
  type FhirQuestionnaireItem,
  factsFromQuestionnaireResponse,
  missingFactsQuestionnaire,
} from '../../../src/fhir/index.js';
import {
  cautionRuleSet,
  defineRuleSet,
  en,
  factNames,
  protocolRuleSet,
  redFlagRuleSet,
  screen,
} from '../../../src/index.js';
import { ru } from '../../../src/locales/ru/index.js';
import { validateR4 } from '../r4-schema.js';

const ownFacts = ['recentSpinalSurgery', 'metalAllergy'] as const;
type OwnFact = (typeof ownFacts)[number];

/** Every rule acuspine ships, and two of a clinic's own, so that every fact counts in a screening. */
const everyFact = defineRuleSet({
  id: 'every-fact',
  version: '1',
  facts: {
    recentSpinalSurgery: { label: { en: 'spinal surgery in the last 6 months', ru: 'операция на позвоночнике' } },
    metalAllergy: { label: { en: 'allergy to metals' } },
  },
  rules: [
    ...protocolRuleSet.rules,
    ...cautionRuleSet.rules,
    ...redFlagRuleSet.rules,
    { id: 'own', kind: 'absolute', when: { type: 'any', facts: ['recentSpinalSurgery'] }, source: { title: 'Clinic' } },
    { id: 'metal', kind: 'relative', when: { type: 'any', facts: ['metalAllergy'] }, source: { title: 'Clinic' } },
  ],
});

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';

/** What a clinician can do with one question. */
type Answer =
  | { readonly kind: 'empty'; readonly listed: boolean }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'coding'; readonly system: string; readonly code: string; readonly value: boolean | undefined };

const empty = fc.record({ kind: fc.constant('empty' as const), listed: fc.boolean() });
const answerOf = (fact: string): fc.Arbitrary<Answer> => {
  if (fact === 'ageYears') {
    return fc.oneof(
      empty,
      fc.record({ kind: fc.constant('integer' as const), value: fc.integer({ min: 0, max: 149 }) }),
    );
  }
  if (fact === 'pregnant') {
    return fc.oneof(
      empty,
      fc.constantFrom<Answer>(
        { kind: 'coding', system: LOINC, code: 'LA15173-0', value: true },
        { kind: 'coding', system: LOINC, code: 'LA26683-5', value: false },
        { kind: 'coding', system: LOINC, code: 'LA4489-6', value: undefined },
        { kind: 'coding', system: SNOMED, code: '77386006', value: true },
        { kind: 'coding', system: SNOMED, code: '60001007', value: false },
      ),
    );
  }
  return fc.oneof(empty, fc.record({ kind: fc.constant('boolean' as const), value: fc.boolean() }));
};

/** Some facts, in any order, each with an answer. */
const askedAndAnswered = fc
  .shuffledSubarray([...factNames, ...ownFacts] as string[])
  .chain((facts) => fc.tuple(fc.constant(facts), fc.tuple(...facts.map(answerOf))));

/**
 * The response a renderer gives: LHC-Forms leaves out the questions left empty, others list them
 * without an answer; a choice answer is the offered coding with its display (or, from another
 * form, a SNOMED CT coding).
 */
function responseTo(questionnaire: FhirQuestionnaire, answers: readonly Answer[]) {
  const items = (questionnaire.item ?? []).flatMap((item: FhirQuestionnaireItem, index) => {
    const answer = answers[index] as Answer;
    if (answer.kind === 'empty') return answer.listed ? [{ linkId: item.linkId, text: item.text }] : [];
    if (answer.kind === 'boolean')
      return [{ linkId: item.linkId, text: item.text, answer: [{ valueBoolean: answer.value }] }];
    if (answer.kind === 'integer')
      return [{ linkId: item.linkId, text: item.text, answer: [{ valueInteger: answer.value }] }];
    const offered = item.answerOption?.find((option) => option.valueCoding.code === answer.code)?.valueCoding;
    const valueCoding = offered ?? { system: answer.system, code: answer.code };
    return [{ linkId: item.linkId, text: item.text, answer: [{ valueCoding }] }];
  });
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: questionnaire.url,
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    authored: '2026-11-24T10:15:00Z',
    ...(items.length === 0 ? {} : { item: items }),
  };
}

/** The facts the answers record: every answer but an empty one and "unknown". */
function recorded(facts: readonly string[], answers: readonly Answer[]): Record<string, boolean | number> {
  const expected: Record<string, boolean | number> = {};
  facts.forEach((fact, index) => {
    const answer = answers[index] as Answer;
    if (answer.kind !== 'empty' && answer.value !== undefined) expected[fact] = answer.value;
  });
  return expected;
}

describe('facts → questionnaire → answers → facts', () => {
  beforeAll(() => {
    // Compiles the R4 schema once, before the properties time their runs.
    validateR4({ resourceType: 'Questionnaire', status: 'active' });
  }, 120_000);

  test.prop([askedAndAnswered, fc.constantFrom(en, ru)])(
    'gives back exactly the facts answered, and screens as they do',
    ([facts, answers], locale) => {
      const made = missingFactsQuestionnaire<OwnFact>(facts as readonly OwnFact[], {
        id: 'q1',
        locale,
        ruleSet: everyFact,
      });
      if (!made.ok) throw new Error(JSON.stringify(made.issues));
      const questionnaire = made.value;
      expect((questionnaire.item ?? []).map((item) => item.linkId)).toEqual(facts);

      const response = responseTo(questionnaire, answers);
      const read = factsFromQuestionnaireResponse(response, { questionnaire, patientId: 'p1' });
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const expected = recorded(facts, answers);
      expect(read.value.facts).toEqual(expected);
      expect(Object.keys(read.value.answers).sort()).toEqual(Object.keys(expected).sort());
      expect(screen(read.value.facts, { ruleSet: everyFact })).toEqual(screen(expected, { ruleSet: everyFact }));
    },
  );

  test.prop([askedAndAnswered, fc.constantFrom(en, ru)])(
    'the questionnaire and the response are valid FHIR R4',
    ([facts, answers], locale) => {
      const made = missingFactsQuestionnaire<OwnFact>(facts as readonly OwnFact[], {
        id: 'q1',
        locale,
        ruleSet: everyFact,
      });
      if (!made.ok) throw new Error(JSON.stringify(made.issues));
      expect(validateR4(made.value)).toEqual([]);
      expect(validateR4(responseTo(made.value, answers))).toEqual([]);
    },
  );

  test.prop([fc.dictionary(fc.constantFrom(...factNames), fc.boolean())])(
    'a screening’s questionnaire asks exactly what it lacks',
    (facts) => {
      const screening = screen(facts, { ruleSet: everyFact });
      const made = missingFactsQuestionnaire(screening, { id: 'q1', ruleSet: everyFact });
      if (!made.ok) throw new Error(JSON.stringify(made.issues));
      expect((made.value.item ?? []).map((item) => item.linkId)).toEqual(screening.missing);
    },
  );
});

describe('factsFromQuestionnaireResponse never throws', () => {
  test.prop([fc.anything(), fc.anything()])('on any value and any options', (response, options) => {
    const result = factsFromQuestionnaireResponse(response, options as never);
    expect(typeof result.ok).toBe('boolean');
  });

  test.prop([
    fc.record({
      resourceType: fc.constant('QuestionnaireResponse'),
      status: fc.constantFrom('completed', 'in-progress', 'stopped', 'x'),
      item: fc.array(
        fc.record(
          {
            linkId: fc.oneof(fc.constantFrom(...factNames), fc.string()),
            answer: fc.array(
              fc.dictionary(fc.constantFrom('valueBoolean', 'valueInteger', 'valueCoding'), fc.anything()),
            ),
            item: fc.anything(),
          },
          { requiredKeys: ['linkId'] },
        ),
      ),
    }),
  ])('on responses close to valid ones, and a fact is recorded only with a value of its kind', (response) => {
    const result = factsFromQuestionnaireResponse(response);
    if (!result.ok) return;
    for (const [fact, value] of Object.entries(result.value.facts)) {
      expect(typeof value).toBe(fact === 'ageYears' ? 'number' : 'boolean');
    }
  });
});

describe('missingFactsQuestionnaire never throws', () => {
  test.prop([fc.anything(), fc.anything()])('on any value and any options', (from, options) => {
    const result = missingFactsQuestionnaire(from as never, options as never);
    expect(typeof result.ok).toBe('boolean');
  });
});
