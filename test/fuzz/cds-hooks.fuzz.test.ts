// Fuzzing of 'acuspine/cds-hooks': screeningCards reads a screening that may have crossed a
// network, and the CDS service handler answers whatever a CDS client (or an attacker) posts.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { cdsService, screeningCards } from '../../src/cds-hooks/index.js';
import { type PatientFacts, type Screening, screen } from '../../src/index.js';
import { fhirInput } from './fhir-shaped.js';
import {
  anyValue,
  callUntrusted,
  fuzzParameters,
  hasEveryProtocolFact,
  parsedJson,
  untrustedFacts,
} from './harness.js';

const source = { label: 'Fuzz clinic' };
const ON = '2026-11-24';

/** Screenings as they come back over the wire: real ones, real ones altered, and anything. */
const screeningLike = fc.oneof(
  {
    weight: 3,
    arbitrary: untrustedFacts.map((facts) => ({ facts, screening: screen(facts as PatientFacts) as unknown })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        untrustedFacts,
        fc.constantFrom('status', 'findings', 'missing', 'ruleSet', 'contraindications'),
        fc.oneof(fc.constantFrom('eligible', [], null), anyValue),
      )
      .map(([facts, key, value]) => ({
        facts,
        screening: { ...screen(facts as PatientFacts), [key]: value } as unknown,
      })),
  },
  { weight: 1, arbitrary: fc.oneof(anyValue, parsedJson).map((screening) => ({ facts: undefined, screening })) },
);

const statusOf = (value: unknown): unknown => {
  try {
    return typeof value === 'object' && value !== null ? (value as { status?: unknown }).status : undefined;
  } catch {
    return undefined;
  }
};

describe('fuzz: screeningCards', () => {
  test.prop([screeningLike], fuzzParameters)(
    'never throws, mutates or pollutes, and gives an info card only for an eligible screening of facts with every protocol fact',
    ({ facts, screening }) => {
      const cards = callUntrusted(screening, (value) => screeningCards(value as Screening, { source }));
      expect(cards.length).toBeGreaterThan(0);
      if (cards.some((card) => card.indicator === 'info')) {
        expect(statusOf(screening)).toBe('eligible');
        if (facts !== undefined) expect(hasEveryProtocolFact(facts)).toBe(true);
      }
    },
  );
});

const service = cdsService({ source });

/** CDS Hooks requests: well-formed ones with fuzzed prefetch, broken ones, and anything. */
const cdsRequest = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        hook: fc.oneof(fc.constantFrom('patient-view', 'appointment-book'), anyValue),
        hookInstance: fc.oneof(fc.constant('d1577c69-dfbe-44ad-ba6d-3e05e953b2ea'), anyValue),
        context: fc.oneof(
          fc.record({ userId: fc.constant('Practitioner/1'), patientId: fc.constantFrom('p1', 'p2') }),
          anyValue,
        ),
        prefetch: fc.oneof(
          {
            weight: 4,
            arbitrary: fc.record(
              {
                patient: fhirInput,
                conditions: fhirInput,
                observations: fhirInput,
                medications: fhirInput,
                devices: fhirInput,
              },
              { requiredKeys: [] },
            ),
          },
          { weight: 1, arbitrary: anyValue },
        ),
      },
      { requiredKeys: ['hook'] },
    ),
  },
  { weight: 1, arbitrary: anyValue },
  { weight: 1, arbitrary: parsedJson },
);

/** True when a Patient birth date appears anywhere in the value: without one, the age (a protocol fact) is unknown. */
function mentionsBirthDate(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > 8) return false;
  if (Object.hasOwn(value, 'birthDate')) return true;
  return Object.values(value).some((inner) => mentionsBirthDate(inner, depth + 1));
}

describe('fuzz: the CDS service handler', () => {
  test.prop([cdsRequest], fuzzParameters)(
    'never throws, mutates or pollutes, and answers with an info card only when the prefetch holds a birth date',
    (request) => {
      const result = callUntrusted(request, (value) => service.handle(value, { on: ON }));
      if (!result.ok) {
        expect(result.issues.length).toBeGreaterThan(0);
        return;
      }
      if (result.value.cards.some((card) => card.indicator === 'info')) expect(mentionsBirthDate(request)).toBe(true);
    },
  );
});
