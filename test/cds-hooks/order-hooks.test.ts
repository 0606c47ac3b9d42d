// order-select and order-sign: which draft orders are acupuncture, what the cards say about them
// (a critical card suggests removing them, an incomplete one asks for the facts, an all-clear says
// nothing), and the requests refused. Every answer is checked against the CDS Hooks 2.0 shapes.
import { describe, expect, it } from 'vitest';
import {
  acupunctureOrderCodes,
  type Card,
  CPT_SYSTEM,
  cdsService,
  defaultOverrideReasons,
  OVERRIDE_REASON_SYSTEM,
} from '../../src/cds-hooks/index.js';
import { extendProtocol, redFlagRuleSet } from '../../src/index.js';
import { ON, patient, SNOMED } from '../fhir/fixtures/builders.js';
import { validateResponse } from './card-validator.js';
import { found, fullPrefetch } from './fixtures.js';

const source = { label: 'acuspine' };
const service = cdsService({ source });
const OLD = '1940-01-01';
const YOUNG = '1990-01-01';

/** A draft ServiceRequest for p1 with these codings. */
function order(id: string | undefined, ...codings: readonly { system?: string; code?: string }[]) {
  return {
    resourceType: 'ServiceRequest',
    ...(id === undefined ? {} : { id }),
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    code: { coding: codings },
  };
}
const acupuncture = (id = 'acu-1', code = '97810') => order(id, { system: CPT_SYSTEM, code });
const manualTherapy = (id = 'mt-1') => order(id, { system: CPT_SYSTEM, code: '97140' });
const drafts = (...resources: readonly object[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});

function request(hook: 'order-sign' | 'order-select', orders: readonly object[], extra: Record<string, unknown> = {}) {
  const { context, ...rest } = extra;
  return {
    hook,
    hookInstance: 'd1f7c1a8-0000-4000-8000-000000000001',
    context: { userId: 'Practitioner/1', patientId: 'p1', draftOrders: drafts(...orders), ...(context as object) },
    prefetch: fullPrefetch(OLD),
    ...rest,
  };
}

/** The cards of an answered request, each checked against the CDS Hooks 2.0 shapes. */
function cardsOf(body: unknown, answering = service): readonly Card[] {
  const result = answering.handle(body, { on: ON });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  expect(validateResponse(JSON.parse(JSON.stringify(result.value)))).toEqual([]);
  return result.value.cards;
}

function issuesOf(body: unknown) {
  const result = service.handle(body, { on: ON });
  if (result.ok) throw new Error('expected the request to be refused');
  return result.issues.map(({ code, path }) => ({ code, path }));
}

describe('order-sign: a contraindicated patient', () => {
  it('gets one critical card that suggests removing the acupuncture order and offers the override reasons', () => {
    const [card, ...rest] = cardsOf(request('order-sign', [acupuncture()]));
    expect(rest).toEqual([]);
    expect(card?.indicator).toBe('critical');
    expect(card?.summary).toBe('Acupuncture contraindicated: age. Refer for another method of treatment.');
    expect(card?.selectionBehavior).toBe('at-most-one');
    expect(card?.suggestions).toEqual([
      {
        label: 'Remove the acupuncture order',
        uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        isRecommended: true,
        actions: [
          {
            type: 'delete',
            description: 'Remove the draft order ServiceRequest/acu-1',
            resourceId: 'ServiceRequest/acu-1',
          },
        ],
      },
    ]);
    expect(card?.overrideReasons).toEqual(defaultOverrideReasons);
    expect(card?.uuid).not.toBe(card?.suggestions?.[0]?.uuid);
    // Pinned: the same request gets the same uuids in every version, for the audit log.
    expect([card?.uuid, card?.suggestions?.[0]?.uuid]).toEqual([
      'f0d2cdbb-6635-8146-858c-3bc604ad7293',
      '3fa53881-c0a9-8ffb-8da0-ddebd2fd1d5f',
    ]);
    expect(Object.isFrozen(card?.suggestions?.[0]?.actions)).toBe(true);
  });

  it('answers about each CPT acupuncture code, and CPT written as its OID', () => {
    expect(acupunctureOrderCodes.map((known) => known.code)).toEqual(['97810', '97811', '97813', '97814']);
    for (const { code } of acupunctureOrderCodes) {
      expect(cardsOf(request('order-sign', [acupuncture('acu-1', code)])).map((c) => c.indicator)).toEqual([
        'critical',
      ]);
    }
    const oid = order('acu-1', { system: 'urn:oid:2.16.840.1.113883.6.12', code: '97813' });
    expect(cardsOf(request('order-sign', [oid])).map((c) => c.indicator)).toEqual(['critical']);
  });

  it('removes every acupuncture order in one suggestion, and leaves the other orders alone', () => {
    const [card] = cardsOf(request('order-sign', [acupuncture('a'), manualTherapy('m'), acupuncture('b', '97811')]));
    expect(card?.suggestions?.[0]?.label).toBe('Remove the acupuncture orders');
    expect(card?.suggestions?.[0]?.actions?.map((action) => action.resourceId)).toEqual([
      'ServiceRequest/a',
      'ServiceRequest/b',
    ]);
  });

  it('still warns, without a suggestion, about an acupuncture draft that has no id to delete', () => {
    const [card] = cardsOf(request('order-sign', [order(undefined, { system: CPT_SYSTEM, code: '97810' })]));
    expect(card?.indicator).toBe('critical');
    expect(card?.suggestions).toBeUndefined();
    expect(card?.selectionBehavior).toBeUndefined();
    expect(card?.overrideReasons).toEqual(defaultOverrideReasons);
  });

  it('suggests removing the order on a red flag, with the referral card first', () => {
    const ruleSet = extendProtocol({ id: 'with-red-flags', version: '1', rules: [...redFlagRuleSet.rules] });
    const withFlags = cdsService({ source, ruleSet });
    const cauda = {
      resourceType: 'Condition',
      id: 'c1',
      subject: { reference: 'Patient/p1' },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      verificationStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
      },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'G83.4' }] },
    };
    const body = request('order-sign', [acupuncture()], {
      prefetch: { ...fullPrefetch(OLD), conditions: found(cauda) },
    });
    const cards = cardsOf(body, withFlags);
    expect(cards[0]?.summary).toMatch(/^Red flag: emergency referral before needling/);
    expect(cards.filter((c) => c.indicator === 'critical').every((c) => c.suggestions?.length === 1)).toBe(true);
  });
});

describe('order hooks: what gets no card', () => {
  it('an order that is not acupuncture, even for a contraindicated patient', () => {
    expect(cardsOf(request('order-sign', [manualTherapy()]))).toEqual([]);
    expect(cardsOf(request('order-sign', []))).toEqual([]);
  });

  it('an acupuncture code of another code system, or a CPT code on a request that is not a ServiceRequest', () => {
    const local = order('x', { system: 'https://clinic.example/orders', code: '97810' });
    const noSystem = order('y', { code: '97810' });
    const noCode = order('n', { system: CPT_SYSTEM });
    const medication = { ...acupuncture('z'), resourceType: 'MedicationRequest' };
    expect(cardsOf(request('order-sign', [local, noSystem, noCode, medication]))).toEqual([]);
  });

  it('an acupuncture order for a patient with nothing against it: the all-clear is not shown', () => {
    const registry = cdsService({ source, closedWorld: true });
    const body = request('order-sign', [acupuncture()], { prefetch: fullPrefetch(YOUNG) });
    expect(cardsOf(body, registry)).toEqual([]);
    // patient-view still says it, for the record.
    const view = { ...body, hook: 'patient-view' };
    expect(cardsOf(view, registry).map((card) => card.indicator)).toEqual(['info']);
  });

  it('an order without a code, or with a code of no codings', () => {
    const uncoded = { ...acupuncture('u'), code: undefined };
    const empty = { ...acupuncture('e'), code: { text: 'acupuncture' } };
    expect(cardsOf(request('order-sign', [uncoded, empty]))).toEqual([]);
  });
});

describe('order hooks: a clinic’s own codes', () => {
  it('answer about an order coded with one of orderCodes, such as a SNOMED CT code the clinic has checked', () => {
    const clinic = cdsService({ source, orderCodes: [{ system: SNOMED, code: '1234567' }] });
    const snomed = order('s', { system: SNOMED, code: '1234567' });
    expect(cardsOf(request('order-sign', [snomed]), clinic).map((c) => c.indicator)).toEqual(['critical']);
    expect(cardsOf(request('order-sign', [snomed]))).toEqual([]);
    // CPT stays known beside them.
    expect(cardsOf(request('order-sign', [acupuncture()]), clinic).map((c) => c.indicator)).toEqual(['critical']);
  });

  it('refuse orderCodes that are not a list of { system, code }', () => {
    const message = 'cdsService: options.orderCodes must be a list of { system, code } of non-empty strings';
    for (const orderCodes of [{}, [{ system: SNOMED }], [{ code: '1' }], [{ system: '', code: '1' }], [null], 'x']) {
      expect(() => cdsService({ source, orderCodes: orderCodes as never })).toThrow(new TypeError(message));
    }
  });
});

describe('order hooks: an incomplete screening', () => {
  const young = (hook: 'order-sign' | 'order-select' = 'order-sign') =>
    request(hook, [acupuncture()], {
      prefetch: fullPrefetch(YOUNG),
      ...(hook === 'order-select' ? { context: { selections: ['ServiceRequest/acu-1'] } } : {}),
    });

  it('gets a warning card naming the facts to record, with a uuid and no suggestion', () => {
    const [card, ...rest] = cardsOf(young());
    expect(rest).toEqual([]);
    expect(card?.indicator).toBe('warning');
    expect(card?.summary).toMatch(/^Acupuncture screening incomplete\. Record: /);
    expect(card?.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(card?.suggestions).toBeUndefined();
    expect(card?.overrideReasons).toBeUndefined();
    expect(card?.links).toBeUndefined();
  });

  it('links the clinic’s form when recordFactsLink is given, on every hook', () => {
    const link = { label: 'Record the screening facts', url: 'https://clinic.example/forms/acupuncture' };
    const clinic = cdsService({ source, recordFactsLink: link });
    for (const body of [young('order-sign'), young('order-select'), { ...young(), hook: 'patient-view' }]) {
      expect(cardsOf(body, clinic)[0]?.links).toEqual([{ ...link, type: 'absolute' }]);
    }
  });

  it('links the form from the card of a prefetch missing too', () => {
    const clinic = cdsService({ source, recordFactsLink: { label: 'Form', url: 'https://clinic.example/f' } });
    const { devices: _left, ...prefetch } = fullPrefetch(YOUNG);
    const [card] = cardsOf(request('order-sign', [acupuncture()], { prefetch }), clinic);
    expect(card?.summary).toMatch(/prefetch missing for devices/);
    expect(card?.links).toEqual([{ label: 'Form', url: 'https://clinic.example/f', type: 'absolute' }]);
    expect(card?.uuid).toBeDefined();
  });

  it('refuses a recordFactsLink without a label or an absolute http(s) URL', () => {
    const message = 'cdsService: options.recordFactsLink must have a label and an absolute http(s) url';
    for (const recordFactsLink of [
      { label: 'x' },
      { url: 'https://a.example' },
      { label: 'x', url: '/form' },
      { label: ' ', url: 'https://a.example' },
      'https://a.example',
    ]) {
      expect(() => cdsService({ source, recordFactsLink: recordFactsLink as never })).toThrow(new TypeError(message));
    }
  });
});

describe('order-select: only the selected orders', () => {
  const both = [acupuncture('acu-1'), manualTherapy('mt-1')];
  const select = (...selections: unknown[]) => request('order-select', both, { context: { selections } });

  it('answers about a selected acupuncture order, and not about one already on the list', () => {
    expect(cardsOf(select('ServiceRequest/acu-1')).map((c) => c.indicator)).toEqual(['critical']);
    expect(cardsOf(select('ServiceRequest/mt-1'))).toEqual([]);
  });

  it('refuses selections that are missing, not references, or name no draft order', () => {
    const selectionsIssue = { code: 'invalid-type', path: ['context', 'selections'] };
    expect(issuesOf(request('order-select', both))).toEqual([selectionsIssue]);
    expect(issuesOf(select(7))).toEqual([selectionsIssue]);
    expect(issuesOf(select('ServiceRequest/acu-1', 7))).toEqual([selectionsIssue]);
    expect(issuesOf(select('ServiceRequest/gone', 'ServiceRequest/acu-1'))).toEqual([
      { code: 'unknown-selection', path: ['context', 'selections', 0] },
    ]);
  });
});

describe('order hooks: the card uuids', () => {
  it('are the same for the same request, and differ between hook instances and between cards', () => {
    const body = request('order-sign', [acupuncture()], { prefetch: { ...fullPrefetch(OLD), devices: undefined } });
    const first = cardsOf(body);
    const again = cardsOf(structuredClone(body));
    const other = cardsOf({ ...body, hookInstance: 'another' });
    expect(first.map((c) => c.uuid)).toEqual(again.map((c) => c.uuid));
    expect(first).toHaveLength(2);
    const ids = [...first, ...other].flatMap((c) => [c.uuid, ...(c.suggestions ?? []).map((s) => s.uuid)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are not given on patient-view, whose cards propose no action', () => {
    const view = { ...request('order-sign', []), hook: 'patient-view' };
    expect(cardsOf(view).every((card) => card.uuid === undefined)).toBe(true);
  });
});

describe('order hooks: override reasons', () => {
  it('are the defaults, in acuspine’s code system, each with a display', () => {
    expect(defaultOverrideReasons.map((reason) => [reason.system, reason.code])).toEqual([
      [OVERRIDE_REASON_SYSTEM, 'record-incorrect'],
      [OVERRIDE_REASON_SYSTEM, 'already-assessed'],
      [OVERRIDE_REASON_SYSTEM, 'clinical-judgement'],
    ]);
    expect(defaultOverrideReasons.every((reason) => (reason.display ?? '').length > 0)).toBe(true);
  });

  it('are the clinic’s own when given, and each needs a code and a display', () => {
    const reasons = [
      { system: 'https://clinic.example/reasons', code: 'consent', display: 'Patient consents after counselling' },
      { code: 'other', display: 'Other' },
    ];
    const clinic = cdsService({ source, overrideReasons: reasons });
    expect(cardsOf(request('order-sign', [acupuncture()]), clinic)[0]?.overrideReasons).toEqual(reasons);
    const message = 'cdsService: options.overrideReasons must be a list of codings, each with a code and a display';
    for (const overrideReasons of [
      [],
      [{ code: 'x' }],
      [{ display: 'x' }],
      [{ code: 'x', display: 'y', system: '' }],
      [7],
      {},
    ]) {
      expect(() => cdsService({ source, overrideReasons: overrideReasons as never })).toThrow(new TypeError(message));
    }
  });
});

describe('order hooks: requests refused', () => {
  it('without draftOrders as a Bundle of resources', () => {
    const without = request('order-sign', []);
    const { draftOrders: _left, ...context } = without.context;
    expect(issuesOf({ ...without, context })).toEqual([{ code: 'invalid-type', path: ['context', 'draftOrders'] }]);
    expect(issuesOf({ ...without, context: { ...context, draftOrders: { resourceType: 'Parameters' } } })).toEqual([
      { code: 'invalid-type', path: ['context', 'draftOrders'] },
    ]);
    expect(
      issuesOf({ ...without, context: { ...context, draftOrders: { resourceType: 'Bundle', entry: {} } } }),
    ).toEqual([{ code: 'invalid-type', path: ['context', 'draftOrders', 'entry'] }]);
    expect(
      cardsOf({ ...without, context: { ...context, draftOrders: { resourceType: 'Bundle', type: 'collection' } } }),
    ).toEqual([]);
    const rawEntries = { resourceType: 'Bundle', entry: ['text', null] };
    expect(issuesOf({ ...without, context: { ...context, draftOrders: rawEntries } })).toEqual([
      { code: 'invalid-type', path: ['context', 'draftOrders', 'entry', 0, 'resource'] },
      { code: 'invalid-type', path: ['context', 'draftOrders', 'entry', 1, 'resource'] },
    ]);
    expect(issuesOf(request('order-sign', [{ id: 'x' }, 'text' as never]))).toEqual([
      { code: 'invalid-type', path: ['context', 'draftOrders', 'entry', 0, 'resource'] },
      { code: 'invalid-type', path: ['context', 'draftOrders', 'entry', 1, 'resource'] },
    ]);
  });

  it('with an order for another patient: whose orders these are is not guessed', () => {
    const foreign = { ...acupuncture(), subject: { reference: 'Patient/p2' } };
    expect(issuesOf(request('order-sign', [foreign]))).toEqual([
      { code: 'patient-mismatch', path: ['context', 'draftOrders', 'entry', 0, 'resource', 'subject'] },
    ]);
    for (const subject of ['Patient/p1', { identifier: { value: 'p1' } }, { reference: 7 }]) {
      expect(issuesOf(request('order-sign', [{ ...acupuncture(), subject }]))[0]?.code).toBe('patient-mismatch');
    }
    const { subject: _none, ...unattributed } = acupuncture();
    expect(cardsOf(request('order-sign', [unattributed])).map((c) => c.indicator)).toEqual(['critical']);
    const absolute = { ...acupuncture(), subject: { reference: 'https://ehr.example/fhir/Patient/p1' } };
    expect(cardsOf(request('order-sign', [absolute])).map((c) => c.indicator)).toEqual(['critical']);
    const lookalike = { ...acupuncture(), subject: { reference: 'https://ehr.example/fhir/Patient/xp1' } };
    expect(issuesOf(request('order-sign', [lookalike]))[0]?.code).toBe('patient-mismatch');
  });

  it('with an order whose id or code cannot be read', () => {
    const at = ['context', 'draftOrders', 'entry', 0, 'resource'];
    expect(issuesOf(request('order-sign', [{ ...acupuncture(), id: 7 }]))).toEqual([
      { code: 'invalid-type', path: [...at, 'id'] },
    ]);
    expect(issuesOf(request('order-sign', [{ ...acupuncture(), code: { coding: 'x' } }]))).toEqual([
      { code: 'invalid-type', path: [...at, 'code'] },
    ]);
    expect(issuesOf(request('order-sign', [{ ...acupuncture(), code: [] }]))).toEqual([
      { code: 'invalid-type', path: [...at, 'code'] },
    ]);
    const codings = [{ system: CPT_SYSTEM, code: 97810 }, 'x', { system: 7, code: '97810' }] as never[];
    expect(issuesOf(request('order-sign', [order('o', ...codings)]))).toEqual([
      { code: 'invalid-type', path: [...at, 'code', 'coding', 0] },
      { code: 'invalid-type', path: [...at, 'code', 'coding', 1] },
      { code: 'invalid-type', path: [...at, 'code', 'coding', 2] },
    ]);
  });

  it('without the context’s patient: only that is said, not that every order is someone else’s', () => {
    const body = request('order-sign', [acupuncture()]);
    expect(issuesOf({ ...body, context: { ...body.context, patientId: undefined } })).toEqual([
      { code: 'invalid-type', path: ['context', 'patientId'] },
    ]);
  });

  it('with every issue worded for the developer who reads the log', () => {
    const drafted = [
      { ...acupuncture('a'), id: 7 },
      { ...acupuncture('b'), subject: { reference: 'Patient/p2' } },
      { ...acupuncture('c'), code: { coding: 'x' } },
      order('d', 'x' as never),
      'x' as never,
    ];
    const result = service.handle(
      request('order-select', drafted, { context: { selections: ['ServiceRequest/none'] } }),
      { on: ON },
    );
    expect(result.ok ? [] : result.issues.map((found) => `${found.path.join('.')}: ${found.message}`)).toEqual([
      'context.draftOrders.entry.0.resource.id: expected a string',
      'context.draftOrders.entry.1.resource.subject: the order is not for the patient in context',
      'context.draftOrders.entry.2.resource.code: expected a CodeableConcept',
      'context.draftOrders.entry.3.resource.code.coding.0: expected a Coding',
      'context.draftOrders.entry.4.resource: expected a FHIR resource',
      'context.selections.0: no draft order has this reference',
    ]);
    const body = request('order-sign', []);
    const messages = (draftOrders: unknown, selections?: unknown) => {
      const hook = selections === undefined ? 'order-sign' : 'order-select';
      const answer = service.handle(
        { ...body, hook, context: { ...body.context, draftOrders, selections } },
        { on: ON },
      );
      return answer.ok ? [] : answer.issues.map((found) => found.message);
    };
    expect(messages({ resourceType: 'Parameters' })).toEqual(['expected a Bundle of draft orders']);
    expect(messages({ resourceType: 'Bundle', entry: {} })).toEqual(['expected a list of entries']);
    expect(messages({ resourceType: 'Bundle' }, 'x')).toEqual(['expected a list of references to draft orders']);
  });

  it('with a prefetched record of another patient, before looking at the orders', () => {
    const body = request('order-sign', [acupuncture()], {
      prefetch: { ...fullPrefetch(OLD), patient: patient(OLD, 'p2') },
    });
    expect(issuesOf(body)).toEqual([{ code: 'patient-mismatch', path: ['prefetch', 'patient', 'id'] }]);
  });
});
