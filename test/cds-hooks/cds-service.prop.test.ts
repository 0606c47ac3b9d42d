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
