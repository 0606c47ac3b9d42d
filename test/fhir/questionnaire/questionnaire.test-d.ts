// The questionnaire is written for FHIR clients typed with @types/fhir, and its answers come back
// from them: a written Questionnaire is a fhir4.Questionnaire as it is, and any
// fhir4.QuestionnaireResponse (or Questionnaire) is what the reader takes.
import type * as R4 from 'fhir/r4.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { Result } from '../../../src/_internal/result.js';
import {
  type AnsweredFacts,
  type AskedQuestionnaire,
  type FactAnswer,
  type FactsFromResponseOptions,
  type FhirQuestionnaire,
  type FhirQuestionnaireResponse,
  factsFromQuestionnaireResponse,
  type MissingFactsQuestionnaireOptions,
  missingFactsQuestionnaire,
} from '../../../src/fhir/index.js';
import { defineRuleSet, type FactName, type PatientFacts, type Screening, screen } from '../../../src/index.js';

const clinic = defineRuleSet({
  id: 'clinic',
  version: '1',
  facts: { recentSpinalSurgery: { label: { en: 'spinal surgery in the last 6 months' } } },
  rules: [
    {
      id: 'after-surgery',
      kind: 'absolute',
      when: { type: 'any', facts: ['recentSpinalSurgery'] },
      source: { title: 'Clinic policy' },
    },
  ],
});

describe('missingFactsQuestionnaire', () => {
  it('writes a fhir4.Questionnaire', () => {
    expectTypeOf<FhirQuestionnaire>().toExtend<R4.Questionnaire>();
    const result = missingFactsQuestionnaire(screen({}), { id: 'q1' });
    expectTypeOf(result).toEqualTypeOf<Result<FhirQuestionnaire>>();
    if (result.ok) {
      const questionnaire: R4.Questionnaire = result.value;
      expectTypeOf(questionnaire.item).toEqualTypeOf<R4.QuestionnaireItem[] | undefined>();
    }
  });

  it('takes a screening or a list of fact names, and an id', () => {
    expectTypeOf(missingFactsQuestionnaire).toBeCallableWith(['ageYears', 'pregnant'], { id: 'q1' });
    expectTypeOf(missingFactsQuestionnaire).toBeCallableWith(screen({}), { id: 'q1', url: 'urn:uuid:1' });
    // @ts-expect-error: not a fact name
    missingFactsQuestionnaire(['pregnancy'], { id: 'q1' });
    // @ts-expect-error: the id is required
    missingFactsQuestionnaire(['pregnant'], {});
    expectTypeOf<MissingFactsQuestionnaireOptions['id']>().toEqualTypeOf<string>();
  });

  it('takes a rule set’s own facts with the rule set', () => {
    const screening = screen({}, { ruleSet: clinic });
    expectTypeOf(screening).toEqualTypeOf<Screening<'after-surgery', 'recentSpinalSurgery'>>();
    expectTypeOf(missingFactsQuestionnaire).toBeCallableWith(screening, { id: 'q1', ruleSet: clinic });
    missingFactsQuestionnaire<'recentSpinalSurgery'>(['recentSpinalSurgery', 'epilepsy'], {
      id: 'q1',
      ruleSet: clinic,
    });
  });
});

describe('factsFromQuestionnaireResponse', () => {
  it('takes any value, and what @types/fhir types as a response or a questionnaire', () => {
    expectTypeOf(factsFromQuestionnaireResponse).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf<R4.QuestionnaireResponse>().toExtend<FhirQuestionnaireResponse>();
    expectTypeOf<R4.Questionnaire>().toExtend<AskedQuestionnaire>();
    expectTypeOf<FhirQuestionnaire>().toExtend<AskedQuestionnaire>();
    expectTypeOf(factsFromQuestionnaireResponse).toBeCallableWith({}, { questionnaire: {} as R4.Questionnaire });
  });

  it('returns the facts to screen, typed with a rule set’s own', () => {
    expectTypeOf(factsFromQuestionnaireResponse({})).toEqualTypeOf<Result<AnsweredFacts>>();
    expectTypeOf<AnsweredFacts['facts']>().toEqualTypeOf<PatientFacts>();
    const options: FactsFromResponseOptions<'recentSpinalSurgery'> = { ruleSet: clinic, patientId: 'p1' };
    const result = factsFromQuestionnaireResponse({}, options);
    if (result.ok) {
      expectTypeOf(result.value.facts.recentSpinalSurgery).toEqualTypeOf<boolean | null | undefined>();
      expectTypeOf(result.value.answers.recentSpinalSurgery).toEqualTypeOf<FactAnswer | undefined>();
      expectTypeOf(result.value.answers.ageYears).toEqualTypeOf<FactAnswer | undefined>();
      screen(result.value.facts, { ruleSet: clinic });
    }
    expectTypeOf<keyof AnsweredFacts['answers']>().toEqualTypeOf<FactName>();
  });
});
