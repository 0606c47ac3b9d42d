import { describe, expectTypeOf, test } from 'vitest';
import {
  ageOn,
  type Issue,
  type PatientFacts,
  parsePatientFacts,
  patientFactsSchema,
  type Result,
  type StandardSchemaV1,
} from '../../src/index.js';

describe('parsePatientFacts', () => {
  test('takes unknown and returns a Result of PatientFacts', () => {
    expectTypeOf(parsePatientFacts).parameter(0).toBeUnknown();
    expectTypeOf(parsePatientFacts(JSON.parse('{}'))).toEqualTypeOf<Result<PatientFacts>>();
  });

  test('narrows on ok to the value or the issues', () => {
    const result = parsePatientFacts(JSON.parse('{}'));
    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<PatientFacts>();
      // @ts-expect-error: a success has no issues
      result.issues;
    } else {
      expectTypeOf(result.issues).toEqualTypeOf<readonly Issue[]>();
      // @ts-expect-error: a failure has no value
      result.value;
    }
  });

  test('gives each issue a code, a path and a message', () => {
    expectTypeOf<Issue['code']>().toEqualTypeOf<string>();
    expectTypeOf<Issue['path']>().toEqualTypeOf<readonly (string | number)[]>();
    expectTypeOf<Issue['message']>().toEqualTypeOf<string>();
  });
});

describe('PatientFacts', () => {
  test('rejects unknown keys in object literals', () => {
    // @ts-expect-error: 'pregnancy' is not a patient fact
    const typo: PatientFacts = { pregnancy: true };
    expectTypeOf(typo).toEqualTypeOf<PatientFacts>();
  });

  test('accepts null and undefined as not recorded, and rejects values of the wrong type', () => {
    const notRecorded: PatientFacts = { ageYears: null, pregnant: undefined, epilepsy: null };
    expectTypeOf(notRecorded.ageYears).toEqualTypeOf<number | null | undefined>();
    expectTypeOf(notRecorded.pregnant).toEqualTypeOf<boolean | null | undefined>();
    // @ts-expect-error: a boolean fact is a boolean
    const wrong: PatientFacts = { pregnant: 'no' };
    expectTypeOf(wrong).toEqualTypeOf<PatientFacts>();
  });

  test('is read-only', () => {
    const facts: PatientFacts = { pregnant: false };
    // @ts-expect-error: facts cannot be changed
    facts.pregnant = true;
  });
});

describe('patientFactsSchema', () => {
  test('is a Standard Schema v1 from unknown to PatientFacts', () => {
    expectTypeOf(patientFactsSchema).toEqualTypeOf<StandardSchemaV1<unknown, PatientFacts>>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof patientFactsSchema>>().toEqualTypeOf<PatientFacts>();
    expectTypeOf<StandardSchemaV1.InferInput<typeof patientFactsSchema>>().toBeUnknown();
    expectTypeOf(patientFactsSchema['~standard'].version).toEqualTypeOf<1>();
  });
});

describe('ageOn', () => {
  test('takes two ISO date strings and returns a number', () => {
    expectTypeOf(ageOn).toEqualTypeOf<(birthDate: string, on: string) => number>();
  });
});
