import { describe, expect, it } from 'vitest';
import { isHierarchicalSystem, normalizeCode } from '../../src/fhir/code-systems.js';
import { codeSystems } from '../../src/fhir/index.js';

describe('code systems', () => {
  it('compares ICD-10, ICD-10-CM and ATC codes trimmed, without dots and in upper case', () => {
    expect(normalizeCode(codeSystems.icd10, ' m54.16 ')).toBe('M5416');
    expect(normalizeCode(codeSystems.icd10cm, 'c50.911')).toBe('C50911');
    expect(normalizeCode(codeSystems.atc, 'b01aa03\n')).toBe('B01AA03');
  });

  it('compares codes of other systems trimmed only', () => {
    expect(normalizeCode(codeSystems.snomed, ' 254837009\t')).toBe('254837009');
    expect(normalizeCode(codeSystems.loinc, ' la15173-0 ')).toBe('la15173-0');
  });

  it('reads prefixes only in the hierarchical systems', () => {
    expect([codeSystems.icd10, codeSystems.icd10cm, codeSystems.atc].map(isHierarchicalSystem)).toEqual([
      true,
      true,
      true,
    ]);
    expect([codeSystems.snomed, codeSystems.loinc, codeSystems.rxnorm].map(isHierarchicalSystem)).toEqual([
      false,
      false,
      false,
    ]);
  });
});
