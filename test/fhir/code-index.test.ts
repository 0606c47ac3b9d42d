import { describe, expect, it } from 'vitest';
import { buildCodeIndex } from '../../src/fhir/code-index.js';
import type { FhirCodeList } from '../../src/fhir/index.js';
import { codeSystems } from '../../src/fhir/index.js';

const LOCAL = 'https://clinic.example/codes';

function codeList(id: string, fields: Partial<FhirCodeList>): FhirCodeList {
  return {
    id,
    title: id,
    kind: 'counts',
    fact: 'oncologicalDisease',
    systems: [codeSystems.icd10],
    source: { title: 'Test lists' },
    ...fields,
  };
}

describe('the code index', () => {
  it('matches exact codes of every list that names them, in list order', () => {
    const first = codeList('first', { codes: ['C50.1'] });
    const second = codeList('second', { codes: ['C50.1', 'C61'] });
    const index = buildCodeIndex([first, second]);
    expect(index.match(codeSystems.icd10, 'C50.1')).toEqual([first, second]);
    expect(index.match(codeSystems.icd10, 'C61')).toEqual([second]);
  });

  it('lists a list once when two of its codes are the same code once normalised', () => {
    const list = codeList('twice', { codes: ['M54.5', 'm545'] });
    expect(buildCodeIndex([list]).match(codeSystems.icd10, 'M545')).toEqual([list]);
  });

  it('reads ICD-10 codes without dots and in any case, and other systems trimmed only', () => {
    const icd = codeList('icd', { codes: ['C50.1'] });
    const local = codeList('local', { systems: [LOCAL], codes: ['onc-1'] });
    const index = buildCodeIndex([icd, local]);
    expect(index.match(codeSystems.icd10, ' c501 ')).toEqual([icd]);
    expect(index.match(LOCAL, ' onc-1 ')).toEqual([local]);
    expect(index.match(LOCAL, 'ONC-1')).toEqual([]);
    expect(index.match(LOCAL, 'onc1')).toEqual([]);
  });

  it('matches prefixes and category ranges only in hierarchical systems', () => {
    const prefix = codeList('prefix', { systems: [codeSystems.icd10, LOCAL], prefixes: ['M54'] });
    const range = codeList('range', { systems: [codeSystems.icd10cm, LOCAL], ranges: [{ from: 'c00', to: 'c97' }] });
    const index = buildCodeIndex([prefix, range]);
    expect(index.match(codeSystems.icd10, 'M54.16')).toEqual([prefix]);
    expect(index.match(codeSystems.icd10, 'M55')).toEqual([]);
    expect(index.match(codeSystems.icd10cm, 'c97.9')).toEqual([range]);
    expect(index.match(codeSystems.icd10cm, 'D00')).toEqual([]);
    expect(index.match(LOCAL, 'M54.16')).toEqual([]);
    expect(index.match(LOCAL, 'C50')).toEqual([]);
  });

  it('lists a list once when it matches by code and by prefix', () => {
    const list = codeList('both', { codes: ['M54.5'], prefixes: ['M54'], ranges: [{ from: 'M50', to: 'M54' }] });
    expect(buildCodeIndex([list]).match(codeSystems.icd10, 'M54.5')).toEqual([list]);
  });

  it('matches by code only what a list names: a list without codes or without prefixes adds none', () => {
    const prefixesOnly = codeList('prefixes-only', { prefixes: ['M54'] });
    const codesOnly = codeList('codes-only', { systems: [codeSystems.atc], codes: ['B01AA03'] });
    const index = buildCodeIndex([prefixesOnly, codesOnly]);
    // Texts that no list names, a placeholder Stryker would put in an empty array among them.
    for (const text of ['', 'x', 'Stryker was here']) {
      expect(index.match(codeSystems.icd10, text)).toEqual([]);
      expect(index.match(codeSystems.atc, text)).toEqual([]);
    }
  });

  it('matches no list for a blank code, even a list whose codes and prefixes are blank once trimmed', () => {
    const blank = codeList('blank', { systems: [LOCAL, codeSystems.icd10], codes: [' '], prefixes: [' '] });
    const index = buildCodeIndex([blank]);
    expect(index.match(LOCAL, '')).toEqual([]);
    expect(index.match(LOCAL, '  ')).toEqual([]);
    expect(index.match(codeSystems.icd10, ' . ')).toEqual([]);
  });

  it('answers no match with a frozen empty list, also for an unknown system', () => {
    const index = buildCodeIndex([codeList('one', { codes: ['C61'] })]);
    for (const found of [index.match(codeSystems.icd10, 'C62'), index.match(codeSystems.snomed, 'C61')]) {
      expect(found).toEqual([]);
      expect(Object.isFrozen(found)).toBe(true);
    }
  });
});
