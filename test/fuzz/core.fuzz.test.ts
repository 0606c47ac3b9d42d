// Fuzzing of the core entry points that take untrusted data. `npm run fuzz` runs each property
// 10,000 times; `npm test` runs them at FUZZ_RUNS' default.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  buildCourse,
  cautionRuleSet,
  defineRuleSet,
  extendProtocol,
  type PatientFacts,
  parsePatientFacts,
  parseRegion,
  protocolRuleSet,
  redFlagFactNames,
  redFlagRuleSet,
  regionFromIcd10,
  type Screening,
  screen,
  screenCohort,
  spinalRegions,
  summarizeCohort,
} from '../../src/index.js';
import {
  anyValue,
  CLINIC_FACT,
  callUntrusted,
  callUntrustedAsync,
  fuzzParameters,
  hasEveryProtocolFact,
  parsedJson,
  untrustedFacts,
} from './harness.js';

const protocolAndCautions = defineRuleSet({
  id: 'protocol-and-cautions',
  version: '1',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
});

/** The protocol, the cautions, the red flags and a clinic's own referral: 34 inputs. */
const everything = extendProtocol({
  id: 'everything',
  version: '1',
  facts: { [CLINIC_FACT]: { label: { en: 'Spinal surgery in the last 6 months' } } },
  rules: [
    ...cautionRuleSet.rules,
    ...redFlagRuleSet.rules,
    {
      id: 'recent-spinal-surgery',
      kind: 'referral',
      urgency: 'routine',
      evidence: 'clinic policy',
      when: { type: 'any', facts: [CLINIC_FACT] },
      source: { title: 'Clinic policy' },
    },
  ],
});

/** A screening from untrusted facts, with whether those facts held every protocol fact. */
const screenedFacts = untrustedFacts.map((facts) => ({
  screening: screen(facts as PatientFacts) as Screening,
  complete: hasEveryProtocolFact(facts),
}));

describe('fuzz: parsePatientFacts', () => {
  test.prop([untrustedFacts], fuzzParameters)(
    'never throws, mutates or pollutes; a parsed record without every protocol fact never screens eligible',
    (input) => {
      const result = callUntrusted(input, parsePatientFacts);
      if (!result.ok) {
        expect(result.issues.length).toBeGreaterThan(0);
        return;
      }
      if (!hasEveryProtocolFact(result.value)) expect(screen(result.value).status).not.toBe('eligible');
    },
  );
});

describe('fuzz: screen', () => {
  test.prop([untrustedFacts], fuzzParameters)(
    'never throws, mutates or pollutes, and is never eligible without every protocol fact, alone or with the cautions',
    (input) => {
      const screening = callUntrusted(input, (facts) => screen(facts as PatientFacts));
      const combined = callUntrusted(input, (facts) => screen(facts as PatientFacts, { ruleSet: protocolAndCautions }));
      if (!hasEveryProtocolFact(input)) {
        expect(screening.status).not.toBe('eligible');
        expect(combined.status).not.toBe('eligible');
        expect(combined.status).not.toBe('caution');
      }
    },
  );
});

describe('fuzz: screen with every shipped rule and a clinic’s own fact', () => {
  test.prop([untrustedFacts], fuzzParameters)(
    'never throws, mutates or pollutes; refers when a red flag or the clinic’s fact is true; never eligible without every protocol fact',
    (input) => {
      const screening = callUntrusted(input, (facts) => screen(facts as PatientFacts, { ruleSet: everything }));
      if (!hasEveryProtocolFact(input)) expect(['eligible', 'caution']).not.toContain(screening.status);
      const flagged = (() => {
        try {
          const record = input as Record<string, unknown>;
          return [...redFlagFactNames, CLINIC_FACT].some(
            (fact) => Object.hasOwn(record, fact) && record[fact] === true,
          );
        } catch {
          return false;
        }
      })();
      if (typeof input === 'object' && input !== null && !Array.isArray(input) && flagged) {
        expect(screening.status).toBe('refer');
      }
      if (screening.status === 'refer') expect(screening.referrals.length).toBeGreaterThan(0);
    },
  );
});

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Course requests: mostly well-formed fields holding right, wrong or hostile values, some keys absent. */
const courseRequest = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        region: fc.oneof(fc.constantFrom(...spinalRegions), anyValue),
        screening: fc.oneof(
          { weight: 4, arbitrary: screenedFacts.map(({ screening }) => screening) },
          { weight: 1, arbitrary: anyValue },
          { weight: 1, arbitrary: fc.record({ status: fc.constantFrom('eligible', 'caution'), missing: anyValue }) },
        ),
        start: fc.oneof(isoDate, anyValue),
        sessions: fc.oneof(fc.integer({ min: -5, max: 130 }), anyValue),
        minutes: fc.oneof(fc.integer({ min: -5, max: 150 }), anyValue),
        weekdays: fc.oneof(fc.array(fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'Mon')), anyValue),
        contralateral: fc.oneof(fc.boolean(), anyValue),
        override: fc.oneof(fc.record({ reason: fc.string(), by: fc.string() }, { requiredKeys: [] }), anyValue),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: anyValue },
  { weight: 1, arbitrary: parsedJson },
);

describe('fuzz: buildCourse', () => {
  test.prop([courseRequest], fuzzParameters)(
    'never throws, mutates or pollutes, and plans a course only from an eligible or caution screening',
    (request) => {
      const result = callUntrusted(request, (input) => buildCourse(input as Parameters<typeof buildCourse>[0]));
      if (!result.ok) {
        expect(result.issues.length).toBeGreaterThan(0);
        return;
      }
      const status = (request as { screening: { status: unknown } }).screening.status;
      expect(['eligible', 'caution']).toContain(status);
    },
  );

  test.prop([screenedFacts, fc.constantFrom(...spinalRegions), isoDate], fuzzParameters)(
    'refuses a course for the screening of facts that lack a protocol fact',
    ({ screening, complete }, region, start) => {
      const result = callUntrusted({ region, screening, start }, (input) =>
        buildCourse(input as Parameters<typeof buildCourse>[0]),
      );
      if (!complete) expect(result.ok).toBe(false);
    },
  );
});

const regionWords = fc.constantFrom(
  ...spinalRegions,
  'Lower back',
  'NECK',
  'upper_back',
  'lumbo-sacral',
  ' thoracic ',
  'knee',
  '',
  'x'.repeat(100),
);

describe('fuzz: parseRegion', () => {
  test.prop(
    [fc.oneof(regionWords, fc.string(), fc.string({ unit: 'grapheme' }), anyValue, parsedJson)],
    fuzzParameters,
  )('never throws, mutates or pollutes, and gives a spinal region or at least one issue', (input) => {
    const result = callUntrusted(input, parseRegion);
    if (result.ok) expect(spinalRegions).toContain(result.value);
    else expect(result.issues.length).toBeGreaterThan(0);
  });
});

const icd10Like = fc
  .tuple(
    fc.constantFrom('M', 'm', 'C', ' M'),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom('', '.', '..'),
    fc.string({ unit: fc.constantFrom('0', '1', '5', '9', 'A', 'X', ' '), maxLength: 5 }),
  )
  .map(([letter, category, dot, rest]) => `${letter}${String(category).padStart(2, '0')}${dot}${rest}`);

describe('fuzz: regionFromIcd10', () => {
  test.prop([fc.oneof(icd10Like, fc.string(), anyValue)], fuzzParameters)(
    'never throws, mutates or pollutes, and gives a spinal region or undefined',
    (input) => {
      const region = callUntrusted(input, regionFromIcd10);
      if (region !== undefined) expect(spinalRegions).toContain(region);
    },
  );
});

const cohort = fc.array(untrustedFacts, { maxLength: 12 });

describe('fuzz: screenCohort and summarizeCohort', () => {
  test.prop([cohort], fuzzParameters)(
    'never throw, mutate or pollute, keep every record, and never count a record without every protocol fact as eligible',
    (records) => {
      const entries = callUntrusted(records, (input) => [...screenCohort(input as unknown[])]);
      expect(entries.map((entry) => entry.index)).toEqual(records.map((_, index) => index));
      for (const entry of entries) {
        if (entry.ok && !hasEveryProtocolFact(records[entry.index])) {
          expect(entry.screening.status).not.toBe('eligible');
        }
      }
      const summary = callUntrusted(records, (input) => summarizeCohort(screenCohort(input as unknown[])));
      expect(summary.total).toBe(records.length);
      expect(summary.byStatus.eligible).toBeLessThanOrEqual(records.filter(hasEveryProtocolFact).length);
    },
  );

  test.prop([cohort], fuzzParameters)('the async forms agree with the sync ones on any records', async (records) => {
    async function* stream(): AsyncGenerator<unknown> {
      yield* records;
    }
    const summary = await callUntrustedAsync(records, () => summarizeCohort(screenCohort(stream())));
    expect(summary).toEqual(summarizeCohort(screenCohort(records)));
  });
});
