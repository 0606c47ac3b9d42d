// Fuzzing of 'acuspine/fhir': factsFromFhir reads whatever an EHR or an attacker sends.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { factsFromFhir } from '../../src/fhir/index.js';
import { protocolFactNames, screen } from '../../src/index.js';
import { fhirInput } from './fhir-shaped.js';
import { callUntrusted, fuzzParameters } from './harness.js';

const ON = '2026-11-24';

describe('fuzz: factsFromFhir', () => {
  test.prop([fhirInput, fc.boolean()], fuzzParameters)(
    'never throws, mutates or pollutes, and its facts screen eligible only when a resource backs every protocol fact',
    (input, closedWorld) => {
      const result = callUntrusted(input, (value) => factsFromFhir(value, { on: ON, closedWorld }));
      if (!result.ok) {
        expect(result.issues.length).toBeGreaterThan(0);
        return;
      }
      const { facts, evidence } = result.value;
      if (screen(facts).status !== 'eligible') return;
      // Closed world may set a coded fact to false without a resource; the age never comes from nowhere.
      const needEvidence = closedWorld ? (['ageYears'] as const) : protocolFactNames;
      for (const fact of needEvidence) expect(evidence[fact as keyof typeof evidence]?.length ?? 0).toBeGreaterThan(0);
    },
  );
});
