// The CDS service and the record behind its cards: a prefetch the EHR could not fill, another
// patient's data, a resource that cannot be read, age bounds, devices, and results nobody can
// change. Each case once gave an all-clear, or silence, where the record says otherwise.
import { describe, expect, it } from 'vitest';
import { cdsService } from '../../src/cds-hooks/index.js';
import { ageRule, defineRuleSet, protocolRuleSet } from '../../src/index.js';
import { condition, ON, patient, SNOMED } from '../fhir/fixtures/builders.js';
import { validateResponse } from './card-validator.js';
import { found, fullPrefetch } from './fixtures.js';

const source = { label: 'Clinic acupuncture screening' };
const searchset = (...entries: unknown[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: entries });
const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'timeout' }] };

function cardsOf(
  prefetch: Record<string, unknown>,
  options: Parameters<typeof cdsService>[0] = { source },
  context = {},
) {
  const result = cdsService(options).handle(
    {
      hook: 'patient-view',
      hookInstance: 'h1',
      context: { userId: 'Practitioner/1', patientId: 'p1', ...context },
      prefetch,
    },
    { on: ON },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(validateResponse(result.value)).toEqual([]);
  return result.value.cards;
}

describe('a prefetch the EHR could not fill', () => {
  const registry = { source, closedWorld: true };

  it('without it, a closed world gives the all-clear', () => {
    expect(cardsOf(fullPrefetch(), registry).map((card) => card.indicator)).toEqual(['info']);
  });

  it('an OperationOutcome in place of a prefetch is missing data: a warning, never the info card', () => {
    const cards = cardsOf({ ...fullPrefetch(), conditions: outcome }, registry);
    expect(cards.map((card) => card.indicator)).toEqual(['warning', 'warning']);
    expect(cards[0]?.summary).toBe('Acupuncture screening: prefetch failed for conditions. No all-clear can be given.');
    expect(cards[0]?.detail).toContain(
      'The EHR could not fetch them, or fetched them only in part:\n- `conditions`: the Conditions (oncology, pregnancy, clotting, infection, mental state)',
    );
  });

  it('an OperationOutcome among the search results is a search that came back in part', () => {
    const partial = searchset({ resource: outcome, search: { mode: 'outcome' } });
    const cards = cardsOf({ ...fullPrefetch(), medications: partial }, registry);
    expect(cards[0]?.summary).toBe(
      'Acupuncture screening: prefetch failed for medications. No all-clear can be given.',
    );
    expect(cards.map((card) => card.indicator)).not.toContain('info');
    const informs = searchset({
      resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] },
      search: { mode: 'outcome' },
    });
    expect(cardsOf({ ...fullPrefetch(), medications: informs }, registry).map((card) => card.indicator)).toEqual([
      'info',
    ]);
  });

  it('an OperationOutcome that gives no issue is a failure too, beside entries that are not objects', () => {
    const partial = searchset('x', { resource: { resourceType: 'OperationOutcome' } });
    expect(cardsOf({ ...fullPrefetch(), observations: partial }, registry)[0]?.summary).toBe(
      'Acupuncture screening: prefetch failed for observations. No all-clear can be given.',
    );
  });

  it('a missing key and a failed one are named apart', () => {
    const cards = cardsOf({ ...fullPrefetch(), devices: null, conditions: outcome }, registry);
    expect(cards[0]?.summary).toBe(
      'Acupuncture screening: prefetch missing or failed for devices, conditions. No all-clear can be given.',
    );
  });
});

describe("another patient's data", () => {
  it('the context’s patient decides, even when the prefetched Patient has no id', () => {
    const { id: _id, ...anonymous } = patient('1970-01-01');
    const theirs = condition('c1', SNOMED, '254837009', { subject: 'Patient/someone-else', onset: '2020-01-01' });
    const cards = cardsOf(
      { ...fullPrefetch(), patient: anonymous, conditions: found(theirs) },
      { source, closedWorld: true },
    );
    expect(cards.map((card) => card.indicator)).toEqual(['info']);
    const ours = { ...theirs, subject: { reference: 'Patient/p1' } };
    expect(
      cardsOf({ ...fullPrefetch(), patient: anonymous, conditions: found(ours) }).map((card) => card.indicator),
    ).toEqual(['critical']);
  });
});

describe('a resource that cannot be read', () => {
  it('in an unrelated Condition, is a note, and the cards still come', () => {
    const unrelated = { ...condition('c1', SNOMED, '38341003'), onsetDateTime: '2020-02-30' };
    const old = patient('1940-01-01');
    const cards = cardsOf({ ...fullPrefetch(), patient: old, conditions: found(unrelated) });
    expect(cards[0]?.indicator).toBe('critical');
  });
});

describe('notes on the incomplete card', () => {
  it('notes of one kind about one fact from resources without ids share a line that counts them', () => {
    const { id: _first, ...one } = condition('c1', SNOMED, '162573006', { onset: '2026-01-01' });
    const { id: _second, ...two } = condition('c2', SNOMED, '162573006', { onset: '2026-01-02' });
    const [card] = cardsOf({ ...fullPrefetch(), conditions: found(one, two) });
    expect(card?.detail).toContain('the clinician decides (and 1 more like it)\n');
  });
});

describe('age bounds of the rule set', () => {
  it('every age rule is checked for a partial birth date', () => {
    const clinic = defineRuleSet({
      id: 'clinic',
      version: '1',
      rules: [...protocolRuleSet.rules, { ...ageRule({ under: 18, over: 65 }), id: 'clinic-age', kind: 'relative' }],
    });
    const cards = cardsOf({ ...fullPrefetch('1960') }, { source, ruleSet: clinic, closedWorld: true });
    expect(cards.map((card) => card.summary)).toEqual(['Acupuncture screening incomplete. Record: age.']);
  });
});

describe('devices', () => {
  it('are prefetched, and an implanted pacemaker is read on the day of the call', () => {
    const service = cdsService({ source });
    expect(service.definitions[0]?.prefetch.devices).toBe('Device?patient={{context.patientId}}');
    const pacemaker = {
      resourceType: 'Device',
      id: 'd1',
      status: 'active',
      type: { coding: [{ system: SNOMED, code: '706004007' }] },
      patient: { reference: 'Patient/p1' },
    };
    const cautions = defineRuleSet({
      id: 'clinic',
      version: '1',
      rules: [
        ...protocolRuleSet.rules,
        {
          id: 'electro-device',
          kind: 'relative',
          when: { type: 'any', facts: ['pacemaker'] },
          source: { title: 'Clinic rule' },
        },
      ],
    });
    const cards = cardsOf(
      { ...fullPrefetch(), devices: found(pacemaker) },
      { source, ruleSet: cautions, closedWorld: true },
    );
    expect(cards.map((card) => card.summary)).toEqual([
      'Acupuncture caution: electro-device. Weigh it before needling.',
    ]);
  });
});

describe('what the service returns cannot be changed', () => {
  it('each service has its own discovery entries, frozen', () => {
    const one = cdsService({ source });
    const two = cdsService({ source, id: 'other' });
    expect(one.definitions[0]?.prefetch).not.toBe(two.definitions[0]?.prefetch);
    expect(Object.isFrozen(one.definitions[0]?.prefetch)).toBe(true);
    expect(() => {
      (one.definitions[0]?.prefetch as Record<string, string>).patient = 'Patient/x';
    }).toThrow(TypeError);
    expect(two.definitions[0]?.prefetch.patient).toBe('Patient/{{context.patientId}}');
  });

  it('the result, its cards and their sources are frozen', () => {
    const result = cdsService({ source }).handle(
      { hook: 'patient-view', hookInstance: 'h', context: { patientId: 'p1' }, prefetch: fullPrefetch('1940-01-01') },
      { on: ON },
    );
    if (!result.ok) throw new Error('unexpected issues');
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.value)).toBe(true);
    expect(Object.isFrozen(result.value.cards)).toBe(true);
    for (const card of result.value.cards) {
      expect(Object.isFrozen(card)).toBe(true);
      expect(Object.isFrozen(card.source)).toBe(true);
    }
  });
});

describe('the lines of the prefetch card', () => {
  const registry = { source, closedWorld: true };
  const head = ['**Part of the record could not be read**, so no all-clear is given:', ''];
  const tail = 'Facts from these resources stay unrecorded; record them in the EHR or ask the patient.';

  it('only the prefetches that failed, when none is missing', () => {
    expect(cardsOf({ ...fullPrefetch(), conditions: outcome }, registry)[0]?.detail).toBe(
      [
        ...head,
        'The EHR could not fetch them, or fetched them only in part:',
        '- `conditions`: the Conditions (oncology, pregnancy, clotting, infection, mental state)',
        '',
        tail,
      ].join('\n'),
    );
  });

  it('only the prefetches that are missing, when none failed', () => {
    expect(cardsOf({ ...fullPrefetch(), devices: null }, registry)[0]?.detail).toBe(
      [
        ...head,
        'Not sent by the EHR:',
        '- `devices`: the Devices (implanted pacemaker or other electrical device)',
        '',
        tail,
      ].join('\n'),
    );
  });

  it('both, apart, the missing first', () => {
    expect(cardsOf({ ...fullPrefetch(), devices: null, medications: outcome }, registry)[0]?.detail).toBe(
      [
        ...head,
        'Not sent by the EHR:',
        '- `devices`: the Devices (implanted pacemaker or other electrical device)',
        '',
        'The EHR could not fetch them, or fetched them only in part:',
        '- `medications`: the MedicationRequests (anticoagulants)',
        '',
        tail,
      ].join('\n'),
    );
  });
});

describe('an OperationOutcome among the search results', () => {
  const registry = { source, closedWorld: true };
  const summaries = (medications: unknown) =>
    cardsOf({ ...fullPrefetch(), medications }, registry).map((card) => card.summary);
  const failed = ['Acupuncture screening: prefetch failed for medications. No all-clear can be given.'];
  const withOutcome = (issue: unknown) =>
    searchset({ resource: { resourceType: 'OperationOutcome', issue }, search: { mode: 'outcome' } });

  it('with an empty list of issues is a failure', () => {
    expect(summaries(withOutcome([]))[0]).toBe(failed[0]);
  });

  it('with one issue that warns among issues that inform is a failure', () => {
    expect(summaries(withOutcome([{ severity: 'information' }, { severity: 'warning' }]))[0]).toBe(failed[0]);
    expect(summaries(withOutcome([{ severity: 'warning' }, { severity: 'information' }]))[0]).toBe(failed[0]);
  });

  it('counts only in a Bundle: a resource with a field named entry is no search', () => {
    const odd = {
      ...patient('1970-01-01'),
      entry: [{ resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'error' }] } }],
    };
    expect(cardsOf({ ...fullPrefetch(), patient: odd }, registry).map((card) => card.indicator)).toEqual(['info']);
  });
});

describe('issues of the record the mapping refuses', () => {
  it('are given at the path of the prefetch key that holds them', () => {
    const other = { ...patient('1970-01-01', 'p2') };
    const result = cdsService({ source }).handle(
      {
        hook: 'patient-view',
        hookInstance: 'h',
        context: { patientId: 'p1' },
        prefetch: { ...fullPrefetch(), conditions: found(other) },
      },
      { on: ON },
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'multiple-patients',
          path: ['prefetch', 'conditions', 'entry', 0, 'resource'],
          message: 'the input holds more than one patient; map one patient at a time',
        },
      ],
    });
  });

  it('an id in the context that is not a FHIR id is the context’s invalid type', () => {
    const { id: _id, ...anonymous } = patient('1970-01-01');
    const result = cdsService({ source }).handle(
      {
        hook: 'patient-view',
        hookInstance: 'h',
        context: { patientId: 'p 1' },
        prefetch: { ...fullPrefetch(), patient: anonymous },
      },
      { on: ON },
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'invalid-type',
          path: ['context', 'patientId'],
          message: 'expected a FHIR logical id (1-64 letters, digits, - and .), got the string "p 1"',
        },
      ],
    });
  });
});

describe('the record notes on the incomplete card', () => {
  const fromRecord = (detail: string | undefined) => {
    const lines = (detail ?? '').split('\n');
    return lines.slice(lines.indexOf('From the record:') + 1, -2);
  };

  it('those that say why a fact is unrecorded come first, then those that say what was passed over', () => {
    const later = condition('c1', SNOMED, '254837009', { onset: '2026-12-01' });
    const unclear = condition('c2', SNOMED, '254837009', { onset: '2026' });
    const [card] = cardsOf({ ...fullPrefetch(), conditions: found(later, unclear) });
    expect(fromRecord(card?.detail)).toEqual([
      `- oncological disease: Condition coded as oncological disease leaves it unrecorded: its dates do not tell whether it was present on ${ON}, and its clinicalStatus (active) describes the record when it was written, not ${ON} (Condition/c2)`,
      `- oncological disease: Condition coded as oncological disease begins 2026-12-01, after ${ON}: it says nothing about ${ON} (Condition/c1)`,
    ]);
  });

  it('notes of one kind about one fact share a line that names the others that have ids', () => {
    const suspected = (id: string) => condition(id, SNOMED, '162573006', { onset: '2026-01-01' });
    const { id: _id, ...anonymous } = suspected('c2');
    const [card] = cardsOf({ ...fullPrefetch(), conditions: found(suspected('c1'), anonymous, suspected('c3')) });
    const [line] = fromRecord(card?.detail);
    expect(line?.endsWith(' the clinician decides (Condition/c1) (and 2 more like it: Condition/c3)')).toBe(true);
  });
});

describe('age bounds of a rule set without the protocol’s age rule', () => {
  it('a partial birth date is read against its own age rule only', () => {
    const clinic = defineRuleSet({
      id: 'clinic',
      version: '1',
      rules: [
        ageRule({ under: 18, over: 65 }),
        ...protocolRuleSet.rules.filter((rule) => rule.when.type !== 'age-outside'),
      ],
    });
    // Born in 1950: 75 or 76, over 65 either way, though across the protocol's 75.
    const cards = cardsOf(fullPrefetch('1950'), { source, ruleSet: clinic, closedWorld: true });
    expect(cards.map((card) => card.indicator)).toEqual(['critical']);
  });
});
