import { describe, expect, it } from 'vitest';
import { codeSystems, type FhirCodeList, fhirCodeLists } from '../../src/fhir/index.js';

const inList = (id: string) => fhirCodeLists.find((list) => list.id === id) as FhirCodeList;

describe('shipped code lists', () => {
  it('are frozen all the way down', () => {
    expect(Object.isFrozen(fhirCodeLists)).toBe(true);
    for (const list of fhirCodeLists) {
      expect(Object.isFrozen(list)).toBe(true);
      expect(Object.isFrozen(list.systems)).toBe(true);
      expect(Object.isFrozen(list.source)).toBe(true);
      if (list.codes) expect(Object.isFrozen(list.codes)).toBe(true);
      if (list.ranges) expect(list.ranges.every((range) => Object.isFrozen(range))).toBe(true);
    }
  });

  it('have unique ids, a cited source, and a fact or a region that fits their kind', () => {
    expect(new Set(fhirCodeLists.map((list) => list.id)).size).toBe(fhirCodeLists.length);
    for (const list of fhirCodeLists) {
      expect(list.source.title.length).toBeGreaterThan(10);
      expect(list.systems.every((system) => Object.values(codeSystems).includes(system as never))).toBe(true);
      if (list.kind === 'region') expect(list.region).toBeDefined();
      else expect(list.fact).toBeDefined();
    }
  });

  it('write codes without spaces and ICD-10 ranges as ordered three-character categories', () => {
    for (const list of fhirCodeLists) {
      for (const code of [...(list.codes ?? []), ...(list.prefixes ?? [])]) expect(code).toMatch(/^[0-9A-Z-]+$/);
      for (const { from, to } of list.ranges ?? []) {
        expect(from).toMatch(/^[A-Z][0-9][0-9A-Z]$/);
        expect(to).toMatch(/^[A-Z][0-9][0-9A-Z]$/);
        expect(from <= to).toBe(true);
      }
    }
  });

  it('name no code twice for the same fact with different meanings', () => {
    const seen = new Map<string, string>();
    for (const list of fhirCodeLists) {
      for (const code of list.codes ?? []) {
        const key = `${list.systems.join()}|${code}|${list.fact ?? list.region}`;
        expect(seen.get(key), `${code} in ${list.id} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, list.id);
      }
    }
  });

  it('cover the SNOMED CT and RxNorm codes the issue names', () => {
    expect(inList('snomed-malignancies').codes).toContain('254837009');
    expect(inList('snomed-pregnancy').codes).toContain('72892002');
    for (const code of ['195662009', '444814009', '43878008', '840539006', '10509002']) {
      expect(inList('snomed-acute-infections').codes).toContain(code);
    }
    expect(inList('rxnorm-anticoagulants').codes).toContain('855332');
    expect(inList('snomed-neck-pain').codes).toContain('1121000119107');
    expect(inList('snomed-low-back-pain').codes).toContain('278860009');
  });
});
