// The hand-written FHIR types must accept real FHIR R4 resources: a user who holds
// @types/fhir's fhir4 values passes them straight in.
import type * as R4 from 'fhir/r4.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { Result } from '../../src/_internal/result.js';
import type {
  FhirBundle,
  FhirCodeableConcept,
  FhirCoding,
  FhirCondition,
  FhirFacts,
  FhirInput,
  FhirMedication,
  FhirMedicationRequest,
  FhirMedicationStatement,
  FhirObservation,
  FhirOptions,
  FhirPatient,
} from '../../src/fhir/index.js';
import { factsFromFhir } from '../../src/fhir/index.js';
import type { PatientFacts } from '../../src/index.js';

describe('FHIR R4 resources from @types/fhir', () => {
  it('are assignable to the input types', () => {
    expectTypeOf<R4.Coding>().toExtend<FhirCoding>();
    expectTypeOf<R4.CodeableConcept>().toExtend<FhirCodeableConcept>();
    expectTypeOf<R4.Patient>().toExtend<FhirPatient>();
    expectTypeOf<R4.Condition>().toExtend<FhirCondition>();
    expectTypeOf<R4.Observation>().toExtend<FhirObservation>();
    expectTypeOf<R4.Medication>().toExtend<FhirMedication>();
    expectTypeOf<R4.MedicationRequest>().toExtend<FhirMedicationRequest>();
    expectTypeOf<R4.MedicationStatement>().toExtend<FhirMedicationStatement>();
    expectTypeOf<R4.Bundle>().toExtend<FhirBundle>();
    expectTypeOf<R4.Bundle>().toExtend<FhirInput>();
    expectTypeOf<R4.FhirResource[]>().toExtend<FhirInput>();
  });

  it('other resource types are not mistaken for the ones read', () => {
    expectTypeOf<R4.Encounter>().not.toExtend<FhirCondition>();
    expectTypeOf<R4.Patient>().not.toExtend<FhirBundle>();
  });
});

describe('factsFromFhir', () => {
  it('takes any value and options with a required reference date, and returns a Result', () => {
    expectTypeOf(factsFromFhir).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(factsFromFhir).parameter(1).toEqualTypeOf<FhirOptions>();
    expectTypeOf<FhirOptions['on']>().toEqualTypeOf<string>();
    expectTypeOf(factsFromFhir).returns.toEqualTypeOf<Result<FhirFacts>>();
    expectTypeOf<FhirFacts['facts']>().toEqualTypeOf<PatientFacts>();
  });
});
