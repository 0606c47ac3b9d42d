import type { StandardSchemaV1 } from '../_internal/standard-schema.js';
import { parsePatientFacts } from './parse-patient-facts.js';
import type { PatientFacts } from './patient-facts.js';

/**
 * {@link parsePatientFacts} as a Standard Schema v1 object, for apps that validate with zod,
 * valibot, ArkType or any Standard Schema consumer (form libraries, tRPC, Hono). Synchronous.
 *
 * @example
 * const result = patientFactsSchema['~standard'].validate({ ageYears: 'forty' });
 * // => { issues: [{ message: 'expected a number of years, got the string "forty"', path: ['ageYears'] }] }
 */
export const patientFactsSchema: StandardSchemaV1<unknown, PatientFacts> = /* @__PURE__ */ Object.freeze({
  '~standard': /* @__PURE__ */ Object.freeze({
    version: 1 as const,
    vendor: 'acuspine',
    validate(value: unknown): StandardSchemaV1.Result<PatientFacts> {
      const result = parsePatientFacts(value);
      if (result.ok) return { value: result.value };
      return { issues: result.issues.map(({ message, path }) => ({ message, path })) };
    },
  }),
});
