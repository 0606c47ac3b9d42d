import { describe, expect, it } from 'vitest';
import { validateR4 } from './r4-schema.js';

// The helper is what other tests lean on to say "valid FHIR R4": it must be able to fail.
// The first call compiles the schema, seconds on a busy machine.
describe('validateR4', { timeout: 60_000 }, () => {
  it('passes a minimal valid Questionnaire', () => {
    expect(validateR4({ resourceType: 'Questionnaire', status: 'active' })).toEqual([]);
  });

  it('names each bad field by its path', () => {
    expect(
      validateR4({ resourceType: 'Questionnaire', status: 'bogus', item: [{ linkId: 'a', type: 'wat' }] }),
    ).toEqual([
      '/status must be equal to one of the allowed values',
      '/item/0/type must be equal to one of the allowed values',
    ]);
  });

  it('refuses a property R4 does not define', () => {
    expect(validateR4({ resourceType: 'QuestionnaireResponse', status: 'completed', answers: [] })).toEqual([
      '/ must NOT have additional properties',
    ]);
  });

  it('refuses what is not a resource of R4', () => {
    expect(validateR4({ resourceType: 'Foo' })).toEqual(['resourceType "Foo" is not a resource type of FHIR R4']);
    expect(validateR4({ resourceType: 'toString' })).toEqual([
      'resourceType "toString" is not a resource type of FHIR R4',
    ]);
    expect(validateR4(null)).toEqual(['resourceType undefined is not a resource type of FHIR R4']);
  });
});
