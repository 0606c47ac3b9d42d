import { describe, expect, it } from 'vitest';
import { pregnancyStatusValue } from '../../../src/fhir/codes/pregnancy-status.js';
import { codeSystems } from '../../../src/fhir/index.js';

describe('pregnancy status values', () => {
  it('reads the LOINC answers and the SNOMED CT findings', () => {
    expect(pregnancyStatusValue(codeSystems.loinc, 'LA15173-0')).toBe(true);
    expect(pregnancyStatusValue(codeSystems.loinc, 'LA26683-5')).toBe(false);
    expect(pregnancyStatusValue(codeSystems.loinc, 'LA4489-6')).toBeUndefined();
    expect(pregnancyStatusValue(codeSystems.snomed, '77386006')).toBe(true);
    expect(pregnancyStatusValue(codeSystems.snomed, '60001007')).toBe(false);
  });

  it('reads a code with spaces around it', () => {
    expect(pregnancyStatusValue(codeSystems.loinc, ' LA15173-0 ')).toBe(true);
    expect(pregnancyStatusValue(codeSystems.snomed, '60001007\n')).toBe(false);
  });

  it('is null for a code that is not a known answer, or a known code in another system', () => {
    expect(pregnancyStatusValue(codeSystems.loinc, 'LA00000-0')).toBeNull();
    expect(pregnancyStatusValue(codeSystems.snomed, 'LA15173-0')).toBeNull();
    expect(pregnancyStatusValue(codeSystems.loinc, 'la15173-0')).toBeNull();
  });
});
