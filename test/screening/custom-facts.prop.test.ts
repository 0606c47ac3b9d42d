import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  type BooleanFactName,
  cautionFactNames,
  cautionRuleSet,
  defineRuleSet,
  extendProtocol,
  factNames,
  type PatientFacts,
  protocolFactNames,
  type RuleSet,
  redFlagFactNames,
  redFlagRuleSet,
  screen,
} from '../../src/index.js';

// A clinic's own fact is read exactly as a shipped one: the same rule over either gives the same
// outcomes, statuses and questions. And, over every shipped rule together (33 inputs): a present
// referral always decides the status, and no mix of unrecorded and invalid facts reads as eligible.

const booleanFacts = factNames.filter((name): name is BooleanFactName => name !== 'ageYears');
const anyValue = fc.oneof(
  { weight: 4, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.anything() },
);

const rule = fc.record({
  kind: fc.constantFrom('absolute' as const, 'relative' as const, 'referral' as const),
  type: fc.constantFrom('any' as const, 'all' as const),
  facts: fc.uniqueArray(fc.constantFrom(...booleanFacts), { minLength: 1, maxLength: 4 }),
});

/** The same rules twice: over shipped facts, and with `renamed` read under the clinic's own name. */
function pairOfSets(
  rules: readonly (typeof rule extends fc.Arbitrary<infer R> ? R : never)[],
  renamed: BooleanFactName,
) {
  const make = (rename: (fact: BooleanFactName) => string) =>
    defineRuleSet({
      id: 'pair',
      version: '1',
      facts: { clinicFact: { label: { en: 'A fact of the clinic' } } },
      rules: rules.map((r, i) => ({
        id: `rule-${i}`,
        kind: r.kind,
        ...(r.kind === 'referral' ? { urgency: 'urgent' as const, evidence: 'generated' } : {}),
        when: { type: r.type, facts: r.facts.map(rename) as BooleanFactName[] },
        source: { title: 'Generated' },
      })) as never,
    }) as unknown as RuleSet;
  return [make((fact) => fact), make((fact) => (fact === renamed ? 'clinicFact' : fact))] as const;
}

describe('a rule set’s own facts', () => {
  test.prop([
    fc.array(rule, { minLength: 1, maxLength: 6 }),
    fc.dictionary(fc.constantFrom(...booleanFacts), anyValue),
    fc.constantFrom(...booleanFacts),
  ])(
    'give the outcomes, status and questions that the same rule over a shipped fact gives',
    (rules, record, renamed) => {
      const [shipped, own] = pairOfSets(rules, renamed);
      const moved: Record<string, unknown> = { ...record };
      delete moved[renamed];
      if (Object.hasOwn(record, renamed)) moved.clinicFact = record[renamed];
      const viaShipped = screen(record as PatientFacts, { ruleSet: shipped });
      const viaOwn = screen(moved as PatientFacts, { ruleSet: own });
      const rename = (fact: string) => (fact === renamed ? 'clinicFact' : fact);
      expect(viaOwn.status).toBe(viaShipped.status);
      expect(viaOwn.findings.map((f) => f.outcome)).toEqual(viaShipped.findings.map((f) => f.outcome));
      expect(viaOwn.referrals).toEqual(viaShipped.referrals);
      expect(viaOwn.missing).toEqual(viaShipped.missing.map(rename));
      expect(viaOwn.invalid).toEqual(viaShipped.invalid.map(rename));
    },
  );
});

const everyShippedRule = extendProtocol({
  id: 'every-shipped-rule',
  version: '1',
  rules: [...cautionRuleSet.rules, ...redFlagRuleSet.rules],
});
const shippedBooleans = [...protocolFactNames.slice(1), ...cautionFactNames, ...redFlagFactNames];
const fullRecord = fc.record(
  {
    ageYears: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom(null, undefined, 'forty')),
    ...Object.fromEntries(shippedBooleans.map((fact) => [fact, anyValue])),
  },
  { requiredKeys: [] },
);

describe('every shipped rule together', () => {
  test.prop([fullRecord, fc.constantFrom(...redFlagFactNames)])(
    'refers whenever a red-flag fact is true, whatever the other facts say',
    (record, flag) => {
      const screening = screen({ ...record, [flag]: true } as PatientFacts, { ruleSet: everyShippedRule });
      expect(screening.status).toBe('refer');
      expect(screening.referrals.length).toBeGreaterThan(0);
    },
  );

  test.prop([fullRecord])('is never eligible or a caution while a rule is unknown', (record) => {
    const screening = screen(record as PatientFacts, { ruleSet: everyShippedRule });
    if (screening.findings.some((finding) => finding.outcome === 'unknown')) {
      expect(['refer', 'contraindicated', 'incomplete']).toContain(screening.status);
      expect(screening.missing.length).toBeGreaterThan(0);
    }
  });

  test.prop([fullRecord, fc.subarray([...factNames], { minLength: 1 }), fc.constantFrom(null, undefined, 'unknown')])(
    'turns no eligible screening into another eligible one by losing facts: a lost fact that a rule needs asks for it',
    (record, lost, value) => {
      const before = screen(record as PatientFacts, { ruleSet: everyShippedRule });
      const after = screen({ ...record, ...Object.fromEntries(lost.map((fact) => [fact, value])) } as PatientFacts, {
        ruleSet: everyShippedRule,
      });
      if (after.status === 'eligible') {
        expect(after.findings.every((finding) => finding.outcome === 'absent')).toBe(true);
        expect(before.findings.every((finding) => finding.outcome === 'absent')).toBe(true);
      }
    },
  );
});
