import { describe, expect, it } from 'vitest';
import {
  type AnsweredFacts,
  factsFromQuestionnaireResponse,
  missingFactsQuestionnaire,
} from '../../../src/fhir/index.js';
import { defineRuleSet, screen } from '../../../src/index.js';

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';

const clinic = defineRuleSet({
  id: 'clinic',
  version: '2',
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

type Json = Record<string, unknown>;

function response(items: readonly unknown[] | undefined, fields: Json = {}): Json {
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    ...(items === undefined ? {} : { item: items }),
    ...fields,
  };
}

const yes = (linkId: string) => ({ linkId, answer: [{ valueBoolean: true }] });
const no = (linkId: string) => ({ linkId, answer: [{ valueBoolean: false }] });
const age = (value: unknown) => ({ linkId: 'ageYears', answer: [{ valueInteger: value }] });
const pregnancy = (system: string, code: string) => ({
  linkId: 'pregnant',
  answer: [{ valueCoding: { system, code } }],
});

function read(...args: Parameters<typeof factsFromQuestionnaireResponse>): AnsweredFacts<string> {
  const result = factsFromQuestionnaireResponse(...args);
  if (!result.ok) throw new Error(`expected facts, got ${JSON.stringify(result.issues)}`);
  return result.value as AnsweredFacts<string>;
}

function issuesOf(...args: Parameters<typeof factsFromQuestionnaireResponse>) {
  const result = factsFromQuestionnaireResponse(...args);
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.value)}`);
  return result.issues.map(({ code, path }) => ({ code, path }));
}

describe('factsFromQuestionnaireResponse reads answers as facts', () => {
  it('yes and no to yes-or-no facts, the age, and pregnancy', () => {
    const answered = read(
      response([
        age(52),
        pregnancy(LOINC, 'LA26683-5'),
        yes('epilepsy'),
        no('nightPain'),
        { linkId: 'oncologicalDisease', text: 'left empty' },
      ]),
    );
    expect(answered.facts).toEqual({ ageYears: 52, pregnant: false, epilepsy: true, nightPain: false });
    expect(answered.notes).toEqual([]);
    expect(answered.response).toEqual({ status: 'completed' });
  });

  it('leaves a question left empty unrecorded: no answer, or an empty list of answers', () => {
    const answered = read(response([{ linkId: 'epilepsy' }, { linkId: 'pacemaker', answer: [] }]));
    expect(answered.facts).toEqual({});
    expect(answered.answers).toEqual({});
  });

  it('reads a response with no items as no facts', () => {
    expect(read(response(undefined)).facts).toEqual({});
  });

  it('reads each LOINC and SNOMED CT pregnancy status', () => {
    expect(read(response([pregnancy(LOINC, 'LA15173-0')])).facts).toEqual({ pregnant: true });
    expect(read(response([pregnancy(LOINC, 'LA26683-5')])).facts).toEqual({ pregnant: false });
    expect(read(response([pregnancy(SNOMED, '77386006')])).facts).toEqual({ pregnant: true });
    expect(read(response([pregnancy(SNOMED, '60001007')])).facts).toEqual({ pregnant: false });
  });

  it('leaves pregnancy answered "unknown" unrecorded, with a note', () => {
    const answered = read(response([pregnancy(LOINC, 'LA4489-6')]));
    expect(answered.facts).toEqual({});
    expect(answered.notes).toEqual([
      {
        code: 'answered-unknown',
        message: expect.stringContaining('unknown'),
        fact: 'pregnant',
        path: ['item', 0, 'answer', 0],
      },
    ]);
  });

  it('reads the ages 0 and 149, and refuses 150, -1, a fraction and a string', () => {
    expect(read(response([age(0)])).facts).toEqual({ ageYears: 0 });
    expect(read(response([age(149)])).facts).toEqual({ ageYears: 149 });
    const path = ['item', 0, 'answer', 0, 'valueInteger'];
    expect(issuesOf(response([age(150)]))).toEqual([{ code: 'out-of-range', path }]);
    expect(issuesOf(response([age(-1)]))).toEqual([{ code: 'out-of-range', path }]);
    expect(issuesOf(response([age(52.5)]))).toEqual([{ code: 'not-an-integer', path }]);
    expect(issuesOf(response([age('52')]))).toEqual([{ code: 'invalid-type', path }]);
  });

  it('reads through groups, and questions nested under an answer', () => {
    const answered = read(
      response([
        { linkId: 'protocol', item: [yes('epilepsy'), { linkId: 'inner', item: [age(40)] }] },
        { linkId: 'pacemaker', answer: [{ valueBoolean: true, item: [no('electroacupuncturePlanned')] }] },
      ]),
    );
    expect(answered.facts).toEqual({ epilepsy: true, ageYears: 40, pacemaker: true, electroacupuncturePlanned: false });
    expect(answered.answers.ageYears?.path).toEqual(['item', 0, 'item', 1, 'item', 0, 'answer', 0]);
    expect(answered.answers.electroacupuncturePlanned?.path).toEqual(['item', 1, 'answer', 0, 'item', 0, 'answer', 0]);
  });

  it('records what answered each fact, with the response’s provenance', () => {
    const answered = read(
      response([no('epilepsy')], {
        id: 'qr1',
        questionnaire: 'https://acuspine.github.io/fhir/Questionnaire/q1',
        authored: '2026-11-24T10:15:00Z',
        author: { reference: 'Practitioner/dr1' },
        subject: { reference: 'Patient/p1' },
      }),
    );
    expect(answered.answers).toEqual({
      epilepsy: {
        linkId: 'epilepsy',
        path: ['item', 0, 'answer', 0],
        value: false,
        authored: '2026-11-24T10:15:00Z',
        author: 'Practitioner/dr1',
        responseId: 'qr1',
      },
    });
    expect(answered.response).toEqual({
      id: 'qr1',
      questionnaire: 'https://acuspine.github.io/fhir/Questionnaire/q1',
      status: 'completed',
      subject: 'Patient/p1',
      authored: '2026-11-24T10:15:00Z',
      author: 'Practitioner/dr1',
    });
  });

  it('takes an author given by display only as no author', () => {
    expect(read(response([], { author: { display: 'Dr Who' } })).response).toEqual({ status: 'completed' });
  });

  it('reads a rule set’s own facts that the rule set given declares', () => {
    const answered = read(response([yes('recentSpinalSurgery')]), { ruleSet: clinic });
    expect(answered.facts).toEqual({ recentSpinalSurgery: true });
    expect(issuesOf(response([yes('recentSpinalSurgery')]))).toEqual([
      { code: 'unknown-item', path: ['item', 0, 'linkId'] },
    ]);
  });

  it('is frozen', () => {
    const answered = read(response([no('epilepsy'), pregnancy(LOINC, 'LA4489-6')]));
    expect(Object.isFrozen(answered)).toBe(true);
    expect(Object.isFrozen(answered.facts)).toBe(true);
    expect(Object.isFrozen(answered.answers)).toBe(true);
    expect(Object.isFrozen(answered.answers.epilepsy)).toBe(true);
    expect(Object.isFrozen(answered.answers.epilepsy?.path)).toBe(true);
    expect(Object.isFrozen(answered.response)).toBe(true);
    expect(Object.isFrozen(answered.notes)).toBe(true);
    expect(Object.isFrozen(answered.notes[0])).toBe(true);
    expect(Object.isFrozen(answered.notes[0]?.path)).toBe(true);
  });
});

describe('the status of the response', () => {
  it('reads completed and amended responses', () => {
    for (const status of ['completed', 'amended']) {
      const answered = read(response([no('epilepsy')], { status }));
      expect(answered.response.status).toBe(status);
      expect(answered.notes).toEqual([]);
    }
  });

  it('reads one in progress, with a note that the rest stays unrecorded', () => {
    const answered = read(response([no('epilepsy')], { status: 'in-progress' }));
    expect(answered.facts).toEqual({ epilepsy: false });
    expect(answered.notes.map((note) => note.code)).toEqual(['in-progress']);
  });

  it('refuses one entered in error or stopped', () => {
    for (const status of ['entered-in-error', 'stopped']) {
      expect(issuesOf(response([no('epilepsy')], { status }))).toEqual([{ code: 'status-refused', path: ['status'] }]);
    }
  });

  it('refuses one with no status, or one FHIR does not define', () => {
    expect(issuesOf(response([], { status: undefined }))).toEqual([{ code: 'missing', path: ['status'] }]);
    expect(issuesOf(response([], { status: 'final' }))).toEqual([{ code: 'invalid-status', path: ['status'] }]);
    expect(issuesOf(response([], { status: 1 }))).toEqual([{ code: 'invalid-status', path: ['status'] }]);
  });
});

describe('whose answers they are', () => {
  it('reads a response about the patient given', () => {
    for (const reference of ['Patient/p1', 'https://ehr.example/fhir/Patient/p1', 'Patient/p1/_history/3']) {
      const answered = read(response([no('epilepsy')], { subject: { reference } }), { patientId: 'p1' });
      expect(answered.facts).toEqual({ epilepsy: false });
      expect(answered.notes).toEqual([]);
    }
  });

  it('refuses a response about another patient, or about what is not a patient', () => {
    for (const reference of ['Patient/p2', 'https://ehr.example/fhir/Patient/p2', 'Group/p1']) {
      expect(issuesOf(response([no('epilepsy')], { subject: { reference } }), { patientId: 'p1' })).toEqual([
        { code: 'patient-mismatch', path: ['subject', 'reference'] },
      ]);
    }
  });

  it('reads one whose subject cannot be checked, with a note', () => {
    const subjects = [undefined, { display: 'Jane' }, { reference: 'urn:uuid:1f2e' }, { reference: '#p' }];
    for (const subject of subjects) {
      const answered = read(response([no('epilepsy')], subject === undefined ? {} : { subject }), {
        patientId: 'p1',
      });
      expect(answered.facts).toEqual({ epilepsy: false });
      expect(answered.notes).toEqual([
        { code: 'subject-unchecked', message: expect.stringContaining('p1'), path: ['subject'] },
      ]);
    }
  });

  it('without a patient given, records the subject unchecked', () => {
    const answered = read(response([no('epilepsy')], { subject: { reference: 'Patient/p2' } }));
    expect(answered.response.subject).toBe('Patient/p2');
    expect(answered.notes).toEqual([]);
  });

  it('refuses a subject or author that is not a Reference', () => {
    expect(issuesOf(response([], { subject: 'Patient/p1' }), { patientId: 'p1' })).toEqual([
      { code: 'invalid-type', path: ['subject'] },
    ]);
    expect(issuesOf(response([], { subject: { reference: 1 } }))).toEqual([
      { code: 'invalid-type', path: ['subject', 'reference'] },
    ]);
    expect(issuesOf(response([], { author: 'dr1' }))).toEqual([{ code: 'invalid-type', path: ['author'] }]);
  });
});

describe('which questionnaire it answers', () => {
  const questionnaireOf = (facts: readonly string[], ruleSet?: typeof clinic) => {
    const made = missingFactsQuestionnaire(facts as never, { id: 'q1', ...(ruleSet === undefined ? {} : { ruleSet }) });
    if (!made.ok) throw new Error('no questionnaire');
    return made.value;
  };
  const url = 'https://acuspine.github.io/fhir/Questionnaire/q1';

  it('reads a response to the questionnaire given, with or without a version', () => {
    const questionnaire = questionnaireOf(['epilepsy']);
    for (const named of [url, `${url}|1.0`, undefined]) {
      const fields = named === undefined ? {} : { questionnaire: named };
      expect(read(response([no('epilepsy')], fields), { questionnaire }).facts).toEqual({ epilepsy: false });
    }
  });

  it('refuses a response to another questionnaire', () => {
    expect(
      issuesOf(response([no('epilepsy')], { questionnaire: `${url}-other` }), {
        questionnaire: questionnaireOf(['epilepsy']),
      }),
    ).toEqual([{ code: 'questionnaire-mismatch', path: ['questionnaire'] }]);
  });

  it('compares nothing when the questionnaire given has no URL', () => {
    const answered = read(response([no('epilepsy')], { questionnaire: 'https://x.example/Q' }), {
      questionnaire: { item: [{ linkId: 'epilepsy' }] },
    });
    expect(answered.facts).toEqual({ epilepsy: false });
  });

  it('refuses an answer to an item the questionnaire does not have', () => {
    expect(
      issuesOf(response([no('epilepsy'), no('nightPain')]), { questionnaire: questionnaireOf(['epilepsy']) }),
    ).toEqual([{ code: 'unknown-item', path: ['item', 1, 'linkId'] }]);
    expect(issuesOf(response([no('epilepsy')]), { questionnaire: { url } })).toEqual([
      { code: 'unknown-item', path: ['item', 0, 'linkId'] },
    ]);
  });

  it('reads the rule set’s own facts that the questionnaire codes as such, with no rule set given', () => {
    const questionnaire = questionnaireOf(['recentSpinalSurgery', 'epilepsy'], clinic);
    const answered = read(response([yes('recentSpinalSurgery'), no('epilepsy')]), { questionnaire });
    expect(answered.facts).toEqual({ recentSpinalSurgery: true, epilepsy: false });
  });

  it('passes over, with a note, an answer to an item of the questionnaire that is no fact', () => {
    const questionnaire = {
      url,
      item: [
        {
          linkId: 'page1',
          item: [
            { linkId: 'comment', code: [{ system: 'https://clinic.example/codes', code: 'comment' }] },
            { linkId: 'has spaces' },
            {
              linkId: 'otherFact',
              code: [{ system: 'https://acuspine.github.io/codes/rule-set/clinic/fact', code: 'another' }],
            },
            { linkId: 'uncoded', code: 'not a list' },
            { linkId: 'badCoding', code: ['x', { system: 1, code: 'badCoding' }] },
            {
              linkId: 'elsewhere',
              code: [{ system: 'https://acuspine.github.io/codes/rule-set/clinic/elsewhere', code: 'elsewhere' }],
            },
          ],
        },
        { linkId: 'epilepsy' },
      ],
    };
    const answered = read(
      response([
        { linkId: 'comment', answer: [{ valueString: 'calm' }] },
        { linkId: 'has spaces', answer: [{ valueString: 'a' }, { valueString: 'b' }] },
        { linkId: 'otherFact', answer: [{ valueBoolean: true }] },
        { linkId: 'uncoded', answer: [{ valueBoolean: true }] },
        { linkId: 'badCoding', answer: [{ valueBoolean: true }] },
        { linkId: 'elsewhere', answer: [{ valueBoolean: true }] },
        { linkId: 'comment' },
        { linkId: 'comment', answer: [{ valueString: 'noted once' }] },
        no('epilepsy'),
      ]),
      { questionnaire: questionnaire as never },
    );
    expect(answered.facts).toEqual({ epilepsy: false });
    expect(answered.notes.map((note) => [note.code, note.path])).toEqual([
      ['not-a-fact', ['item', 0]],
      ['not-a-fact', ['item', 1]],
      ['not-a-fact', ['item', 2]],
      ['not-a-fact', ['item', 3]],
      ['not-a-fact', ['item', 4]],
      ['not-a-fact', ['item', 5]],
    ]);
  });

  it('takes a rule set and a questionnaire together', () => {
    const questionnaire = { item: [{ linkId: 'recentSpinalSurgery' }] };
    expect(read(response([no('recentSpinalSurgery')]), { questionnaire, ruleSet: clinic }).facts).toEqual({
      recentSpinalSurgery: false,
    });
  });
});

describe('answers that are not read', () => {
  it('an item that is no fact', () => {
    expect(issuesOf(response([yes('pregnancy'), { linkId: 'note' }]))).toEqual([
      { code: 'unknown-item', path: ['item', 0, 'linkId'] },
      { code: 'unknown-item', path: ['item', 1, 'linkId'] },
    ]);
  });

  it('an item without a linkId, or with one that is not a string', () => {
    expect(issuesOf(response([{ answer: [{ valueBoolean: true }] }, { linkId: 7 }]))).toEqual([
      { code: 'missing', path: ['item', 0, 'linkId'] },
      { code: 'invalid-type', path: ['item', 1, 'linkId'] },
    ]);
  });

  it('more than one answer to a fact', () => {
    expect(
      issuesOf(response([{ linkId: 'epilepsy', answer: [{ valueBoolean: true }, { valueBoolean: false }] }])),
    ).toEqual([{ code: 'multiple-answers', path: ['item', 0, 'answer'] }]);
  });

  it('a fact answered twice, even the same way, or answered "unknown" and then otherwise', () => {
    expect(issuesOf(response([no('epilepsy'), { linkId: 'g', item: [no('epilepsy')] }]))).toEqual([
      { code: 'duplicate-answer', path: ['item', 1, 'item', 0, 'linkId'] },
    ]);
    expect(issuesOf(response([pregnancy(LOINC, 'LA4489-6'), pregnancy(LOINC, 'LA15173-0')]))).toEqual([
      { code: 'duplicate-answer', path: ['item', 1, 'linkId'] },
    ]);
  });

  it('a fact asked twice and answered once is read', () => {
    expect(read(response([{ linkId: 'epilepsy' }, no('epilepsy')])).facts).toEqual({ epilepsy: false });
  });

  it('a value of another kind than the fact takes', () => {
    expect(issuesOf(response([{ linkId: 'epilepsy', answer: [{ valueString: 'no' }] }]))).toEqual([
      { code: 'invalid-answer', path: ['item', 0, 'answer', 0, 'valueString'] },
    ]);
    expect(issuesOf(response([{ linkId: 'ageYears', answer: [{ valueDecimal: 52 }] }]))).toEqual([
      { code: 'invalid-answer', path: ['item', 0, 'answer', 0, 'valueDecimal'] },
    ]);
    expect(issuesOf(response([{ linkId: 'pregnant', answer: [{ valueBoolean: true }] }]))).toEqual([
      { code: 'invalid-answer', path: ['item', 0, 'answer', 0, 'valueBoolean'] },
    ]);
    expect(issuesOf(response([{ linkId: 'epilepsy', answer: [{ valueBoolean: true, valueString: 'yes' }] }]))).toEqual([
      { code: 'invalid-answer', path: ['item', 0, 'answer', 0, 'valueString'] },
    ]);
  });

  it('an answer with no value, or a value of the wrong type', () => {
    expect(issuesOf(response([{ linkId: 'epilepsy', answer: [{}] }]))).toEqual([
      { code: 'invalid-type', path: ['item', 0, 'answer', 0, 'valueBoolean'] },
    ]);
    expect(issuesOf(response([{ linkId: 'epilepsy', answer: [{ valueBoolean: 'false' }] }]))).toEqual([
      { code: 'invalid-type', path: ['item', 0, 'answer', 0, 'valueBoolean'] },
    ]);
    expect(issuesOf(response([{ linkId: 'epilepsy', answer: [null] }]))).toEqual([
      { code: 'invalid-type', path: ['item', 0, 'answer', 0] },
    ]);
  });

  it('a pregnancy coding that is not a pregnancy status, or not a Coding', () => {
    expect(issuesOf(response([pregnancy(LOINC, 'LA33-6')]))).toEqual([
      { code: 'unknown-code', path: ['item', 0, 'answer', 0, 'valueCoding'] },
    ]);
    expect(issuesOf(response([pregnancy('http://example.org', 'LA15173-0')]))).toEqual([
      { code: 'unknown-code', path: ['item', 0, 'answer', 0, 'valueCoding'] },
    ]);
    for (const valueCoding of ['LA15173-0', { code: 'LA15173-0' }, { system: LOINC }, { system: LOINC, code: 1 }]) {
      expect(issuesOf(response([{ linkId: 'pregnant', answer: [{ valueCoding }] }]))).toEqual([
        { code: 'invalid-type', path: ['item', 0, 'answer', 0, 'valueCoding'] },
      ]);
    }
  });

  it('items, answers and groups that are not lists of objects', () => {
    expect(issuesOf(response(undefined, { item: {} }))).toEqual([{ code: 'invalid-type', path: ['item'] }]);
    expect(issuesOf(response(['epilepsy']))).toEqual([{ code: 'invalid-type', path: ['item', 0] }]);
    expect(issuesOf(response([{ linkId: 'epilepsy', answer: { valueBoolean: true } }]))).toEqual([
      { code: 'invalid-type', path: ['item', 0, 'answer'] },
    ]);
    expect(issuesOf(response([{ linkId: 'g', item: 'x' }]))).toEqual([
      { code: 'invalid-type', path: ['item', 0, 'item'] },
    ]);
  });

  it('groups nested too deep', () => {
    let items: unknown[] = [no('epilepsy')];
    for (let depth = 0; depth < 10; depth += 1) items = [{ linkId: `g${depth}`, item: items }];
    const path = ['item', ...Array.from({ length: 10 }, () => [0, 'item']).flat()];
    expect(issuesOf(response(items))).toEqual([{ code: 'too-deep', path }]);
    expect(read(response((items[0] as { item: unknown[] }).item)).facts).toEqual({ epilepsy: false });
  });

  it('an id, questionnaire or authored that is not a string, and an authored that is not a dateTime', () => {
    expect(issuesOf(response([], { id: 1, questionnaire: {}, authored: 20261124 }))).toEqual([
      { code: 'invalid-type', path: ['id'] },
      { code: 'invalid-type', path: ['questionnaire'] },
      { code: 'invalid-type', path: ['authored'] },
    ]);
    expect(issuesOf(response([], { authored: '2026-02-30' }))).toEqual([{ code: 'invalid-date', path: ['authored'] }]);
    expect(read(response([], { authored: '2026-11' })).response.authored).toBe('2026-11');
  });

  it('lists every issue of a response, up to 100', () => {
    const many = Array.from({ length: 150 }, (_, index) => ({ linkId: `bad ${index}` }));
    const result = factsFromQuestionnaireResponse(response(many));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(101);
    expect(result.issues[100]).toMatchObject({
      code: 'too-many-issues',
      message: '50 more issues were found and not listed',
    });
  });
});

describe('what is not a QuestionnaireResponse', () => {
  it('is refused', () => {
    for (const value of [null, 'x', [], 1]) {
      expect(issuesOf(value)).toEqual([{ code: 'not-an-object', path: [] }]);
    }
    expect(issuesOf({ resourceType: 'Questionnaire', status: 'active' })).toEqual([
      { code: 'wrong-resource-type', path: ['resourceType'] },
    ]);
    expect(issuesOf({ status: 'completed' })).toEqual([{ code: 'wrong-resource-type', path: ['resourceType'] }]);
  });

  it('is read from its own fields, never from a polluted Object.prototype', () => {
    const polluted = Object.prototype as unknown as Record<string, unknown>;
    polluted['item'] = [yes('pregnant')];
    try {
      expect(read(response(undefined)).facts).toEqual({});
    } finally {
      delete polluted['item'];
    }
  });
});

describe('options', () => {
  it('refuse what is not an options object, and unknown options', () => {
    for (const options of [null, 'p1', []]) {
      expect(issuesOf(response([]), options as never)).toEqual([{ code: 'invalid-option', path: ['options'] }]);
    }
    expect(issuesOf(response([]), { patient: 'p1' } as never)).toEqual([
      { code: 'invalid-option', path: ['options', 'patient'] },
    ]);
  });

  it('refuse a patientId that is not a FHIR id', () => {
    for (const patientId of ['', 'a b', 'x'.repeat(65), 1]) {
      expect(issuesOf(response([]), { patientId } as never)).toEqual([
        { code: 'invalid-option', path: ['options', 'patientId'] },
      ]);
    }
  });

  it('refuse a rule set whose facts are not named as a rule set may name them', () => {
    expect(issuesOf(response([]), { ruleSet: { facts: { 'a b': {} } } } as never)).toEqual([
      { code: 'invalid-option', path: ['options', 'ruleSet'] },
    ]);
    expect(issuesOf(response([]), { ruleSet: 'clinic' } as never)).toEqual([
      { code: 'invalid-option', path: ['options', 'ruleSet'] },
    ]);
  });

  it('refuse a questionnaire that is not one', () => {
    const cases: [unknown, (string | number)[]][] = [
      ['q1', ['options', 'questionnaire']],
      [{ url: 1 }, ['options', 'questionnaire', 'url']],
      [{ item: {} }, ['options', 'questionnaire', 'item']],
      [{ item: [{ text: 'no linkId' }] }, ['options', 'questionnaire', 'item', 0]],
      [{ item: ['epilepsy'] }, ['options', 'questionnaire', 'item', 0]],
      [{ item: [{ linkId: 'g', item: [{ linkId: 1 }] }] }, ['options', 'questionnaire', 'item', 0, 'item', 0]],
    ];
    for (const [questionnaire, path] of cases) {
      expect(issuesOf(response([]), { questionnaire } as never)).toEqual([{ code: 'invalid-option', path }]);
    }
    let items: unknown[] = [{ linkId: 'epilepsy' }];
    for (let depth = 0; depth < 10; depth += 1) items = [{ linkId: `g${depth}`, item: items }];
    expect(issuesOf(response([]), { questionnaire: { item: items } } as never)).toHaveLength(1);
  });

  it('are reported together with a response that is not an object', () => {
    expect(issuesOf(null, { patientId: '' })).toEqual([
      { code: 'invalid-option', path: ['options', 'patientId'] },
      { code: 'not-an-object', path: [] },
    ]);
  });
});

describe('factsFromQuestionnaireResponse never throws', () => {
  const throwing = (record: object, key: string, error: unknown = new Error('no')) =>
    Object.defineProperty(record, key, {
      enumerable: true,
      get() {
        throw error;
      },
    });

  it('on a getter that throws, naming where', () => {
    expect(issuesOf(throwing(response([]), 'status'))).toEqual([{ code: 'unreadable', path: [] }]);
    expect(issuesOf(response([throwing({ linkId: 'epilepsy' }, 'answer')]))).toEqual([
      { code: 'unreadable', path: ['item', 0, 'answer'] },
    ]);
    expect(issuesOf(response([{ linkId: 'epilepsy', answer: [throwing({}, 'valueBoolean')] }]))).toEqual([
      { code: 'unreadable', path: ['item', 0, 'answer', 0, 'valueBoolean'] },
    ]);
  });

  it('on revoked proxies, as the response, a list or an answer', () => {
    const revoked = (target: object) => {
      const { proxy, revoke } = Proxy.revocable(target, {});
      revoke();
      return proxy;
    };
    expect(issuesOf(revoked({}))).toEqual([{ code: 'unreadable', path: [] }]);
    expect(issuesOf(response(revoked([]) as unknown[]))).toEqual([{ code: 'unreadable', path: ['item'] }]);
    expect(issuesOf(response([{ linkId: 'epilepsy', answer: [revoked({})] }]))).toEqual([
      { code: 'unreadable', path: ['item', 0, 'answer', 0] },
    ]);
    const keysThrow = new Proxy(
      { valueBoolean: true },
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    expect(issuesOf(response([{ linkId: 'epilepsy', answer: [keysThrow] }]))).toEqual([
      { code: 'unreadable', path: ['item', 0, 'answer', 0] },
    ]);
  });

  it('on options that cannot be read, keeping the issues found before', () => {
    expect(issuesOf(response([]), throwing({}, 'patientId') as never)).toEqual([{ code: 'unreadable', path: [] }]);
    for (const error of [new Error('no'), new TypeError('no')]) {
      const ruleSet = throwing({}, 'facts', error);
      expect(issuesOf(response([]), { ruleSet, colour: 1 } as never)).toEqual([
        { code: 'invalid-option', path: ['options', 'colour'] },
        { code: 'unreadable', path: ['options', 'ruleSet'] },
      ]);
    }
  });
});

describe('with a screening', () => {
  it('the facts read screen as the answers say', () => {
    const answered = read(
      response([
        age(40),
        no('oncologicalDisease'),
        pregnancy(LOINC, 'LA15173-0'),
        no('coagulationDisorder'),
        no('acuteInfection'),
        no('acuteMentalIllness'),
        no('psychotropicInfluence'),
      ]),
    );
    expect(screen(answered.facts).status).toBe('contraindicated');
  });
});
