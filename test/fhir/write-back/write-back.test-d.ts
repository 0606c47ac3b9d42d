// What acuspine writes must be accepted wherever @types/fhir's fhir4 resources are expected: an
// app hands it straight to its FHIR client.
import type * as R4 from 'fhir/r4.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { Result } from '../../../src/_internal/result.js';
import {
  type CourseCarePlanOptions,
  type CourseServiceRequestOptions,
  courseCarePlan,
  courseServiceRequest,
  type FhirWrittenCarePlan,
  type FhirWrittenDetectedIssue,
  type FhirWrittenGuidanceResponse,
  type FhirWrittenServiceRequest,
  type ScreeningDetectedIssueOptions,
  type ScreeningGuidanceResponseOptions,
  screeningDetectedIssue,
  screeningGuidanceResponse,
} from '../../../src/fhir/index.js';

describe('write-back types', () => {
  it('each written resource is a fhir4 resource of its type', () => {
    expectTypeOf<FhirWrittenServiceRequest>().toExtend<R4.ServiceRequest>();
    expectTypeOf<FhirWrittenCarePlan>().toExtend<R4.CarePlan>();
    expectTypeOf<FhirWrittenGuidanceResponse>().toExtend<R4.GuidanceResponse>();
    expectTypeOf<FhirWrittenDetectedIssue>().toExtend<R4.DetectedIssue>();
    expectTypeOf<FhirWrittenServiceRequest>().toExtend<R4.FhirResource>();
  });

  it('the functions return Results of them', () => {
    expectTypeOf(courseServiceRequest).returns.toEqualTypeOf<Result<FhirWrittenServiceRequest>>();
    expectTypeOf(courseCarePlan).returns.toEqualTypeOf<Result<FhirWrittenCarePlan>>();
    expectTypeOf(screeningGuidanceResponse).returns.toEqualTypeOf<Result<FhirWrittenGuidanceResponse>>();
    expectTypeOf(screeningDetectedIssue).returns.toEqualTypeOf<Result<FhirWrittenDetectedIssue>>();
  });

  it('the ids, the patient and the dates are required; the status is a closed set', () => {
    expectTypeOf<{ id: string; patient: string }>().not.toExtend<CourseServiceRequestOptions>();
    expectTypeOf<{ id: 'c'; patient: 'Patient/p'; authoredOn: '2026-12-02' }>().toExtend<CourseServiceRequestOptions>();
    expectTypeOf<{
      id: 'c';
      patient: 'Patient/p';
      authoredOn: '2026';
      status: 'completed';
    }>().not.toExtend<CourseServiceRequestOptions>();
    expectTypeOf<{ id: 'p'; patient: 'Patient/p'; created: '2026' }>().not.toExtend<CourseCarePlanOptions>();
    expectTypeOf<{ id: 'g'; patient: 'Patient/p' }>().not.toExtend<ScreeningGuidanceResponseOptions>();
    expectTypeOf<{
      id: 'd';
      patient: 'Patient/p';
      identifiedDateTime: '2026';
    }>().not.toExtend<ScreeningDetectedIssueOptions>();
  });
});
