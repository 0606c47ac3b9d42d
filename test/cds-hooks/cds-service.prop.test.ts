import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { cdsService } from '../../src/cds-hooks/index.js';
import { validateResponse } from './card-validator.js';

const service = cdsService({ source: { label: 'acuspine' } });
const ON = '2026-11-24';

describe('cdsService handle', () => {
  test.prop([fc.anything()])('never throws on any request', (request) => {
    const result = service.handle(request, { on: ON });
    if (result.ok) expect(validateResponse(result.value)).toEqual([]);
  });

  test.prop([fc.json()])('never throws on any JSON', (text) => {
    expect(typeof service.handle(JSON.parse(text), { on: ON }).ok).toBe('boolean');
  });

  test.prop([
    fc.dictionary(fc.constantFrom('patient', 'conditions', 'observations', 'medications', 'other'), fc.anything()),
  ])('never throws on any prefetch, and never gives an info card unless every key is there', (prefetch) => {
    const request = { hook: 'patient-view', hookInstance: 'x', context: { patientId: 'p1' }, prefetch };
    const result = service.handle(request, { on: ON });
    if (!result.ok) return;
    expect(validateResponse(result.value)).toEqual([]);
    expect(result.value.cards.some((card) => card.indicator === 'info')).toBe(false);
  });
});

describe('cdsService handle: order hooks', () => {
  const CPT = 'http://www.ama-assn.org/go/cpt';
  const registry = cdsService({ source: { label: 'acuspine' }, closedWorld: true });
  const searchset = (...resources: object[]) => ({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: resources.map((resource) => ({ resource })),
  });
  const condition = (code: string) => ({
    resourceType: 'Condition',
    subject: { reference: 'Patient/p1' },
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
    },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code }] },
  });
  // An order: CPT acupuncture or not, another code system, with or without an id.
  const anOrder = fc.record({
    id: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: undefined }),
    system: fc.constantFrom(CPT, 'urn:oid:2.16.840.1.113883.6.12', 'https://clinic.example/orders'),
    code: fc.constantFrom('97810', '97811', '97813', '97814', '97140', '97110'),
    type: fc.constantFrom('ServiceRequest', 'ServiceRequest', 'MedicationRequest'),
  });
  const aRecord = fc.record({
    birthDate: fc.constantFrom('1940-01-01', '1990-01-01', undefined),
    conditions: fc.subarray(['C50.9', 'O09.90', 'D68.9', 'J06.9', 'F20.9']),
    devices: fc.boolean(),
  });

  test.prop([
    fc
      .array(anOrder, { maxLength: 4 })
      // Draft ids are unique within a request; drafts without an id may be several.
      .map((orders) =>
        orders.filter((order, i) => order.id === undefined || orders.findIndex((o) => o.id === order.id) === i),
      ),
    aRecord,
    fc.boolean(),
  ])(
    'order-sign answers exactly what patient-view says minus its all-clear, and suggests deleting exactly the acupuncture orders with an id',
    (orders, record, closed) => {
      const answering = closed ? registry : service;
      const prefetch = {
        patient: {
          resourceType: 'Patient',
          id: 'p1',
          ...(record.birthDate === undefined ? {} : { birthDate: record.birthDate }),
        },
        conditions: searchset(...record.conditions.map(condition)),
        observations: searchset(),
        medications: searchset(),
        ...(record.devices ? { devices: searchset() } : {}),
      };
      const entry = orders.map((order) => ({
        resource: {
          resourceType: order.type,
          ...(order.id === undefined ? {} : { id: order.id }),
          subject: { reference: 'Patient/p1' },
          code: { coding: [{ system: order.system, code: order.code }] },
        },
      }));
      const base = { hookInstance: 'h', prefetch, context: { userId: 'Practitioner/1', patientId: 'p1' } };
      const view = answering.handle({ ...base, hook: 'patient-view' }, { on: ON });
      const sign = answering.handle(
        { ...base, hook: 'order-sign', context: { ...base.context, draftOrders: { resourceType: 'Bundle', entry } } },
        { on: ON },
      );
      if (!view.ok || !sign.ok) throw new Error('both requests are well formed');
      expect(validateResponse(sign.value)).toEqual([]);
      const acupuncture = orders.filter(
        (order) =>
          order.type === 'ServiceRequest' &&
          order.system !== 'https://clinic.example/orders' &&
          order.code.startsWith('9781'),
      );
      if (acupuncture.length === 0) {
        expect(sign.value.cards).toEqual([]);
        return;
      }
      const shown = view.value.cards.filter((card) => card.indicator !== 'info');
      expect(sign.value.cards.map((card) => [card.indicator, card.summary])).toEqual(
        shown.map((card) => [card.indicator, card.summary]),
      );
      const ids = acupuncture.flatMap((order) => (order.id === undefined ? [] : [`ServiceRequest/${order.id}`]));
      for (const card of sign.value.cards) {
        expect(card.uuid).toBeDefined();
        const deleted =
          card.suggestions?.flatMap((suggestion) => suggestion.actions?.map((action) => action.resourceId) ?? []) ?? [];
        expect(deleted).toEqual(card.indicator === 'critical' ? ids : []);
      }
    },
  );
});
