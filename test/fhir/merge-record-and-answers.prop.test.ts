import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { type AnsweredFacts, type FactAnswer, type FhirFacts, mergeRecordAndAnswers } from '../../src/fhir/index.js';
import { factNames, type PatientFacts, protocolFactNames, screen } from '../../src/index.js';

const someFacts = fc.record(
  Object.fromEntries(
    factNames.map((name) => [
      name,
      name === 'ageYears'
        ? fc.option(fc.constantFrom(2, 40, 80), { nil: undefined })
        : fc.option(fc.boolean(), { nil: undefined }),
    ]),
  ),
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, boolean | number | undefined>>;

function answered(facts: Record<string, boolean | number | undefined>): AnsweredFacts {
  const answers: Record<string, FactAnswer> = {};
  for (const [fact, value] of Object.entries(facts))
    if (value !== undefined) answers[fact] = { linkId: fact, path: [], value };
  return { facts: facts as PatientFacts, answers, response: { status: 'completed' }, notes: [] };
}

describe('mergeRecordAndAnswers properties', () => {
  test.prop([someFacts, fc.array(someFacts, { maxLength: 3 })])(
    'a fact is merged only where every source agrees; every disagreement is a conflict and stays unrecorded',
    (recordFacts, answerSets) => {
      const record: FhirFacts = { facts: recordFacts as PatientFacts, evidence: {}, notes: [], regions: [] };
      const merged = mergeRecordAndAnswers(record, answerSets.map(answered));
      const values = new Map<string, Set<unknown>>();
      for (const facts of [recordFacts, ...answerSets]) {
        for (const [fact, value] of Object.entries(facts)) {
          if (value === undefined) continue;
          values.set(fact, (values.get(fact) ?? new Set()).add(value));
        }
      }
      const conflicted = new Set(merged.conflicts.map((conflict) => conflict.fact as string));
      for (const [fact, seen] of values) {
        if (seen.size === 1) {
          expect((merged.facts as Record<string, unknown>)[fact]).toBe([...seen][0]);
          expect(conflicted.has(fact)).toBe(false);
        } else {
          expect(merged.facts).not.toHaveProperty(fact);
          expect(conflicted.has(fact)).toBe(true);
        }
      }
      expect(Object.keys(merged.facts).length + conflicted.size).toBe(values.size);
      // A protocol fact in conflict is never read as settled: the screening cannot be an all-clear.
      const screening = screen(merged.facts);
      if ([...conflicted].some((fact) => (protocolFactNames as readonly string[]).includes(fact))) {
        expect(screening.status).not.toBe('eligible');
      }
    },
  );
});
