import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { factsFromFhir } from '../../src/fhir/index.js';
import { ICD10, ICD10CM, medicationRequest, ON, patient, RXNORM, SNOMED } from './fixtures/builders.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

// Conditions built from real codes and every status, present or absent.
const conditionArbitrary = fc
  .record(
    {
      clinical: fc.constantFrom('active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved', 'bogus'),
      verification: fc.constantFrom(
        'confirmed',
        'unconfirmed',
        'provisional',
        'differential',
        'refuted',
        'entered-in-error',
      ),
      coding: fc.constantFrom(
        [SNOMED, '254837009'],
        [SNOMED, '72892002'],
        [SNOMED, '444814009'],
        [SNOMED, '36971009'],
        [SNOMED, '278860009'],
        [ICD10, 'C50.9'],
        [ICD10, 'F10.0'],
        [ICD10CM, 'F10.129'],
        [ICD10, 'A15.0'],
        [ICD10, 'M42.12'],
      ),
      abatement: fc.constantFrom('2020-01-01', '2026-11-24T10:00:00Z'),
      onset: fc.constantFrom('2019', '2026-06', '2026-11-24'),
    },
    { requiredKeys: ['coding'] },
  )
  .map(({ clinical, verification, coding, abatement, onset }) => ({
    resourceType: 'Condition',
    id: `c-${coding[1]}`,
    ...(clinical === undefined ? {} : { clinicalStatus: { coding: [{ system: CLINICAL, code: clinical }] } }),
    ...(verification === undefined
      ? {}
      : { verificationStatus: { coding: [{ system: VERIFICATION, code: verification }] } }),
    code: { coding: [{ system: coding[0], code: coding[1] }] },
    ...(abatement === undefined ? {} : { abatementDateTime: abatement }),
    ...(onset === undefined ? {} : { onsetDateTime: onset }),
  }));

const medicationArbitrary = fc
  .tuple(
    fc.constantFrom('855332', '11289', '856987', '309362'),
    fc.constantFrom('active', 'stopped', 'on-hold', 'completed'),
  )
  .map(([code, status]) => medicationRequest(`m-${code}-${status}`, RXNORM, code, status));

describe('factsFromFhir never throws', () => {
  test.prop([fc.anything(), fc.anything()])('on any value and any options', (input, options) => {
    const result = factsFromFhir(input, options as never);
    expect(typeof result.ok).toBe('boolean');
  });

  test.prop([fc.json()])('on any JSON text parsed, as a Bundle entry list or alone', (text) => {
    const value: unknown = JSON.parse(text);
    expect(typeof factsFromFhir(value, { on: ON }).ok).toBe('boolean');
    expect(typeof factsFromFhir({ resourceType: 'Bundle', entry: [{ resource: value }] }, { on: ON }).ok).toBe(
      'boolean',
    );
  });

  test.prop([fc.array(fc.anything(), { maxLength: 5 })])('on Bundles whose entries are anything', (entries) => {
    const result = factsFromFhir({ resourceType: 'Bundle', type: 'searchset', entry: entries }, { on: ON });
    expect(typeof result.ok).toBe('boolean');
  });
});

describe('factsFromFhir invariants', () => {
  test.prop([fc.array(conditionArbitrary, { maxLength: 8 }), fc.array(medicationArbitrary, { maxLength: 4 })])(
    'in an open world, without pregnancy status observations, no fact is ever false',
    (conditions, medications) => {
      const result = factsFromFhir([patient('1970-01-01'), ...conditions, ...medications], { on: ON });
      expect(result.ok).toBe(true);
      if (result.ok) expect(Object.values(result.value.facts)).not.toContain(false);
    },
  );

  test.prop([
    fc.array(conditionArbitrary, { maxLength: 8 }),
    fc.array(medicationArbitrary, { maxLength: 4 }),
    fc.boolean(),
  ])('every fact set to true has the resources that decided it', (conditions, medications, closedWorld) => {
    const result = factsFromFhir([patient('1970-01-01'), ...conditions, ...medications], { on: ON, closedWorld });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    for (const [fact, value] of Object.entries(result.value.facts)) {
      if (value === true)
        expect(result.value.evidence[fact as keyof typeof result.value.evidence]?.length).toBeGreaterThan(0);
    }
  });

  test.prop([fc.array(conditionArbitrary, { maxLength: 8 })])(
    'a closed world only turns unrecorded facts into false: it never changes a recorded one',
    (conditions) => {
      const open = factsFromFhir([patient('1970-01-01'), ...conditions], { on: ON });
      const closed = factsFromFhir([patient('1970-01-01'), ...conditions], { on: ON, closedWorld: true });
      if (!open.ok || !closed.ok) throw new Error('unexpected issues');
      for (const [fact, value] of Object.entries(open.value.facts)) {
        expect(closed.value.facts[fact as keyof typeof closed.value.facts]).toBe(value);
      }
    },
  );
});
