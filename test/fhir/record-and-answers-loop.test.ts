// The loop through time and foreign data: the record read on reference dates before, during and
// after what it records, joined with a clinician's questionnaire answers. A stale or foreign
// answer must never turn into an all-clear.
import { describe, expect, test } from 'vitest';
import {
  type FhirQuestionnaire,
  factsFromFhir,
  factsFromQuestionnaireResponse,
  mergeRecordAndAnswers,
  missingFactsQuestionnaire,
} from '../../src/fhir/index.js';
import { screen } from '../../src/index.js';
import { bundle, NOT_PREGNANT, PREGNANT, patient, pregnancyStatus } from './fixtures/builders.js';

/** The clinician's answers to every item: "no", and "not pregnant". */
function answerAllNo(questionnaire: FhirQuestionnaire, subject = 'Patient/p1') {
  return {
    resourceType: 'QuestionnaireResponse',
    id: 'qr1',
    questionnaire: questionnaire.url,
    status: 'completed',
    subject: { reference: subject },
    authored: '2026-12-02T09:00:00Z',
    item: (questionnaire.item ?? []).map((item) => ({
      linkId: item.linkId,
      answer: [
        item.type === 'choice'
          ? { valueCoding: { system: 'http://loinc.org', code: NOT_PREGNANT } }
          : item.type === 'integer'
            ? { valueInteger: 40 }
            : { valueBoolean: false },
      ],
    })),
  };
}

// The record: born 1986, a "pregnant" status observed on 2026-06-01 (current for 294 days).
const record = bundle([patient('1986-04-02'), pregnancyStatus('o1', PREGNANT, '2026-06-01')]);

function loop(on: string) {
  const read = factsFromFhir(record, { on, patientId: 'p1' });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const first = screen(read.value.facts);
  const questionnaire = missingFactsQuestionnaire(first, { id: 'q1' });
  if (!questionnaire.ok) throw new Error(JSON.stringify(questionnaire.issues));
  // The clinician also answers pregnancy, whether or not the questionnaire asked it: a form may.
  const items = questionnaire.value.item ?? [];
  const asked: FhirQuestionnaire = items.some((item) => item.linkId === 'pregnant')
    ? questionnaire.value
    : (() => {
        const withPregnancy = missingFactsQuestionnaire([...first.missing, 'pregnant'], { id: 'q1' });
        if (!withPregnancy.ok) throw new Error('refused');
        return withPregnancy.value;
      })();
  const answers = factsFromQuestionnaireResponse(answerAllNo(asked), { questionnaire: asked, patientId: 'p1' });
  if (!answers.ok) throw new Error(JSON.stringify(answers.issues));
  const merged = mergeRecordAndAnswers(read.value, answers.value, { patientId: 'p1' });
  return { first, merged, screening: screen(merged.facts) };
}

describe('the record and the answers through time', () => {
  test('before the observation: the record says nothing of pregnancy, the answers decide', () => {
    const { first, merged, screening } = loop('2026-05-01');
    expect(first.missing).toContain('pregnant');
    expect(merged.conflicts).toEqual([]);
    expect(merged.sources.pregnant?.map((source) => source.from)).toEqual(['answer']);
    expect(screening.status).toBe('eligible');
  });

  test('while the observation is current: "not pregnant" in the answers is a conflict, never an all-clear', () => {
    const { first, merged, screening } = loop('2026-12-02');
    expect(first.status).toBe('contraindicated');
    expect(merged.conflicts.map((conflict) => conflict.fact)).toEqual(['pregnant']);
    expect(screening.status).toBe('incomplete');
    expect(screening.missing).toEqual(['pregnant']);
  });

  test('after the observation has gone stale: the answers decide again', () => {
    // 2026-06-01 + 294 days = 2027-03-22: a "pregnant" status older than that is not used.
    const { merged, screening } = loop('2027-04-01');
    expect(merged.conflicts).toEqual([]);
    expect(screening.status).toBe('eligible');
  });
});

describe('foreign answers', () => {
  test('another patient’s response is refused by the reader, and set aside by the merge', () => {
    const questionnaire = missingFactsQuestionnaire(screen({}), { id: 'q1' });
    if (!questionnaire.ok) throw new Error('refused');
    const foreign = answerAllNo(questionnaire.value, 'Patient/p2');
    const read = factsFromQuestionnaireResponse(foreign, { questionnaire: questionnaire.value, patientId: 'p1' });
    expect(read.ok).toBe(false);
    // Read without the patient's id (so the reader cannot check), the merge still can.
    const unchecked = factsFromQuestionnaireResponse(foreign, { questionnaire: questionnaire.value });
    if (!unchecked.ok) throw new Error(JSON.stringify(unchecked.issues));
    const record = factsFromFhir(bundle([patient('1986-04-02')]), { on: '2026-12-02', patientId: 'p1' });
    if (!record.ok) throw new Error('refused');
    const merged = mergeRecordAndAnswers(record.value, unchecked.value, { patientId: 'p1' });
    expect(merged.facts).toEqual({ ageYears: 40 });
    expect(merged.notes.map((note) => note.code)).toEqual(['other-patient']);
    expect(screen(merged.facts).status).toBe('incomplete');
  });
});
