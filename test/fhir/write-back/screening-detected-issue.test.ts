import { beforeAll, describe, expect, test } from 'vitest';
import { screeningDetectedIssue } from '../../../src/fhir/index.js';
import { defineRuleSet, explain, protocolRuleSet, redFlagRuleSet, screen } from '../../../src/index.js';
import { ru } from '../../../src/locales/ru/index.js';
import { healthyFacts, withCaution } from '../../course/fixtures.js';
import { validateR4 } from '../r4-schema.js';

const base = {
  id: 'issue-1',
  patient: 'Patient/p1',
  order: 'ServiceRequest/order-1',
  identifiedDateTime: '2026-12-02T10:15:00Z',
} as const;

function written(...args: Parameters<typeof screeningDetectedIssue>) {
  const result = screeningDetectedIssue(...args);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(validateR4(result.value)).toEqual([]);
  return result.value;
}

const ruleSystem = 'https://acuspine.github.io/codes/rule-set/acuspine-protocol/rule';

// Compiling the R4 schema takes seconds on a busy machine: once, before the tests' own time starts.
beforeAll(() => {
  validateR4({ resourceType: 'Basic' });
}, 60_000);
describe('screeningDetectedIssue', () => {
  test('a contraindication: high severity, the order implicated, one evidence per present rule', () => {
    const screening = screen({ ...healthyFacts, pregnant: true, coagulationDisorder: true });
    const found = written(screening, { ...base, screening: 'GuidanceResponse/g1' });
    expect(found).toMatchObject({
      resourceType: 'DetectedIssue',
      id: 'issue-1',
      status: 'final',
      code: { text: 'Contraindication to acupuncture' },
      severity: 'high',
      patient: { reference: 'Patient/p1' },
      identifiedDateTime: '2026-12-02T10:15:00Z',
      implicated: [{ reference: 'ServiceRequest/order-1' }],
      evidence: [
        {
          code: [{ coding: [{ system: ruleSystem, code: 'pregnancy' }] }],
          detail: [{ reference: 'GuidanceResponse/g1' }],
        },
        {
          code: [{ coding: [{ system: ruleSystem, code: 'coagulation' }] }],
          detail: [{ reference: 'GuidanceResponse/g1' }],
        },
      ],
      detail: explain(screening).headline,
    });
    expect(found.extension[0]?.extension?.[0]?.valueString).toBe('acuspine-protocol');
  });

  test('a red flag: high, every present finding as evidence, preliminary when asked, in Russian', () => {
    const both = defineRuleSet({
      id: 'both',
      version: '1',
      rules: [...protocolRuleSet.rules, ...redFlagRuleSet.rules],
    });
    const screening = screen({ pregnant: true, saddleAnaesthesia: true }, { ruleSet: both });
    const found = written(screening, { ...base, status: 'preliminary', locale: ru });
    expect(found.status).toBe('preliminary');
    expect(found.severity).toBe('high');
    expect(found.code.text).toBe('Red flag: assess or refer before acupuncture');
    expect(found.evidence.map((evidence) => evidence.code[0]?.coding?.[0]?.code)).toEqual([
      'pregnancy',
      'cauda-equina-syndrome',
    ]);
    expect(found.evidence[0]).not.toHaveProperty('detail');
    expect(found.detail).toBe(explain(screening, { locale: ru }).headline);
  });

  test('a caution: moderate', () => {
    const found = written(withCaution, base);
    expect(found.severity).toBe('moderate');
    expect(found.code.text).toBe('Caution for acupuncture');
    expect(found.evidence.map((evidence) => evidence.code[0]?.coding?.[0]?.code)).toEqual(['anticoagulant-therapy']);
  });

  test('eligible and incomplete screenings found nothing to write', () => {
    for (const screening of [screen(healthyFacts), screen({})]) {
      const result = screeningDetectedIssue(screening, base);
      expect(result.ok ? [] : result.issues.map((found) => [found.code, found.path])).toEqual([
        ['nothing-detected', []],
      ]);
      if (!result.ok) expect(result.issues[0]?.message).toContain(`the screening is ${screening.status}`);
    }
  });

  test('bad options and non-screenings are issues', () => {
    const result = screeningDetectedIssue(screen({ pregnant: true }), {
      ...base,
      order: 'MedicationRequest/m1',
      status: 'amended',
    } as never);
    expect(result.ok ? [] : result.issues.map((found) => found.path.join('.'))).toEqual(['order', 'status']);
    const notScreening = screeningDetectedIssue(42, base);
    expect(notScreening.ok ? [] : notScreening.issues.map((found) => found.code)).toEqual(['invalid-screening']);
  });
});
