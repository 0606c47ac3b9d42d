// The loop in the EHR, end to end: read the record, screen (incomplete, as an EHR record
// almost always is), ask the missing facts with a FHIR questionnaire, read the clinician's
// answers back, join them with the record (each fact keeps its source), screen again, plan the
// course, and write the screening and the course back as FHIR resources. Checks what it prints:
// exits with code 1 and a message when a step is not what it should be.
import assert from 'node:assert/strict';
import { buildCourse, screen } from 'acuspine';
import {
  courseCarePlan,
  courseServiceRequest,
  factsFromFhir,
  factsFromQuestionnaireResponse,
  mergeRecordAndAnswers,
  missingFactsQuestionnaire,
  screeningGuidanceResponse,
} from 'acuspine/fhir';

/** A small record as an EHR exports it: the patient, and lumbosacral osteochondrosis (ICD-10 M42.17). */
const record = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'Patient', id: 'p1', birthDate: '1974-03-09' } },
    {
      resource: {
        resourceType: 'Condition',
        id: 'ddd-1',
        subject: { reference: 'Patient/p1' },
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
        },
        verificationStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
        },
        code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'M42.17' }] },
        onsetDateTime: '2025-10-01',
      },
    },
  ],
};
const visit = '2026-12-02';

function unwrap<T>(
  result:
    | { ok: true; value: T }
    | { ok: false; issues: readonly { path: readonly (string | number)[]; message: string }[] },
): T {
  if (result.ok) return result.value;
  throw new Error(result.issues.map((found) => `${found.path.join('.')}: ${found.message}`).join('; '));
}

try {
  // 1. The record alone: the age and the region, and nothing about the contraindications.
  const fromRecord = unwrap(factsFromFhir(record, { on: visit, patientId: 'p1' }));
  const first = screen(fromRecord.facts);
  assert.equal(first.status, 'incomplete');
  console.log(`From the record: ${first.status}; to ask: ${first.missing.join(', ')}`);

  // 2. A questionnaire that asks exactly those facts (LOINC 82810-3 for pregnancy).
  const questionnaire = unwrap(missingFactsQuestionnaire(first, { id: 'missing-facts-p1' }));
  assert.deepEqual(
    questionnaire.item?.map((item) => item.linkId),
    first.missing,
  );

  // 3. The clinician's answers, as a form renderer returns them: every question answered "no",
  //    pregnancy "not pregnant" (LOINC LA26683-5).
  const response = {
    resourceType: 'QuestionnaireResponse',
    id: 'qr-p1',
    questionnaire: questionnaire.url,
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    authored: '2026-12-02T09:40:00+03:00',
    author: { reference: 'Practitioner/dr-1' },
    item: (questionnaire.item ?? []).map((item) => ({
      linkId: item.linkId,
      answer: [
        item.type === 'choice'
          ? { valueCoding: { system: 'http://loinc.org', code: 'LA26683-5' } }
          : { valueBoolean: false },
      ],
    })),
  };
  const answered = unwrap(factsFromQuestionnaireResponse(response, { questionnaire, patientId: 'p1' }));

  // 4. The record and the answers together: no conflict, every fact with its source.
  const merged = mergeRecordAndAnswers(fromRecord, answered, { patientId: 'p1' });
  assert.deepEqual(merged.conflicts, []);
  const screening = screen(merged.facts);
  assert.equal(screening.status, 'eligible');
  const ageSource = merged.sources.ageYears?.[0];
  const pregnancySource = merged.sources.pregnant?.[0];
  assert.equal(ageSource?.from, 'record');
  assert.equal(pregnancySource?.from, 'answer');
  console.log(
    `With the answers: ${screening.status}; the age from the record (${ageSource?.from === 'record' ? ageSource.resources.map((ref) => `${ref.resourceType}/${ref.id}`).join(', ') : ''}), pregnancy from ${pregnancySource?.from === 'answer' ? `QuestionnaireResponse/${pregnancySource.answer.responseId} by ${pregnancySource.answer.author}` : ''}`,
  );

  // 5. The course, for the region the record names, written back for the EHR to sign.
  const region = fromRecord.regions[0]?.region;
  assert.equal(region, 'lumbosacral');
  const course = unwrap(buildCourse({ region, screening, start: '2026-12-07' }));
  const guidance = unwrap(
    screeningGuidanceResponse(screening, { id: 'screening-p1', patient: 'Patient/p1', occurrenceDateTime: visit }),
  );
  const request = unwrap(
    courseServiceRequest(course, {
      id: 'course-p1',
      patient: 'Patient/p1',
      authoredOn: visit,
      reasonReference: ['Condition/ddd-1'],
      screening: 'GuidanceResponse/screening-p1',
    }),
  );
  const plan = unwrap(
    courseCarePlan(course, {
      id: 'plan-p1',
      patient: 'Patient/p1',
      created: visit,
      serviceRequest: 'ServiceRequest/course-p1',
      screening: 'GuidanceResponse/screening-p1',
    }),
  );
  assert.equal(guidance.status, 'success');
  assert.deepEqual(request.occurrenceTiming.repeat.boundsPeriod, { start: '2026-12-07', end: '2027-01-07' });
  assert.equal(request.occurrenceTiming.repeat.count, 10);
  assert.deepEqual(plan.activity, [{ reference: { reference: 'ServiceRequest/course-p1' } }]);
  console.log(
    `Written back: GuidanceResponse/${guidance.id} (${guidance.status}), ServiceRequest/${request.id} (${request.occurrenceTiming.repeat.count} sessions, ${request.occurrenceTiming.repeat.boundsPeriod.start} to ${request.occurrenceTiming.repeat.boundsPeriod.end}), CarePlan/${plan.id}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
