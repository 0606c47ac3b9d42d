import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FhirCodeList } from '../../src/fhir/code-list.js';
import { codeSystems } from '../../src/fhir/code-systems.js';
import { fhirCodeLists } from '../../src/fhir/fhir-code-lists.js';

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

  it('cover the SNOMED CT and RxNorm codes that Synthea writes for these meanings', () => {
    expect(inList('snomed-malignancies').codes).toContain('254837009');
    expect(inList('snomed-pregnancy').codes).toContain('72892002');
    for (const code of ['195662009', '444814009', '43878008', '840539006', '10509002']) {
      expect(inList('snomed-acute-infections').codes).toContain(code);
    }
    expect(inList('rxnorm-anticoagulants').codes).toContain('855332');
    expect(inList('snomed-neck-pain').codes).toContain('1121000119107');
    expect(inList('snomed-low-back-pain').codes).toContain('278860009');
    expect(inList('snomed-implanted-electrical-devices').codes).toContain('706004007');
  });
});

// The docs table, from its heading to the end of docs/fhir-mapping.md: for each list id, the
// kind its header line names and the rows of its table (code as shown, meaning).
function docsTables(): Map<string, { kind: string | undefined; rows: Map<string, string> }> {
  const text = readFileSync(new URL('../../docs/fhir-mapping.md', import.meta.url), 'utf8');
  const start = text.indexOf('## Code lists, code by code');
  expect(start).toBeGreaterThan(0);
  const tables = new Map<string, { kind: string | undefined; rows: Map<string, string> }>();
  let current: { kind: string | undefined; rows: Map<string, string> } | undefined;
  for (const line of text.slice(start).split('\n')) {
    const heading = /^### .* \(`([^`]+)`\)$/.exec(line);
    if (heading) {
      current = { kind: undefined, rows: new Map() };
      expect(tables.has(heading[1] as string), `section ${heading[1]} twice`).toBe(false);
      tables.set(heading[1] as string, current);
      continue;
    }
    if (current === undefined) continue;
    const kind = /· \*\*(\w+)\*\* →/.exec(line);
    if (kind) current.kind = kind[1];
    const row = /^\| (.+?) \| (.*) \|$/.exec(line);
    if (row && row[1] !== 'code' && !(row[1] as string).startsWith('---')) {
      expect(current.rows.has(row[1] as string), `${row[1]} twice`).toBe(false);
      current.rows.set(row[1] as string, (row[2] as string).trim());
    }
  }
  return tables;
}

/** How the docs show each code, prefix and range of a list. */
const shown = (list: FhirCodeList) => [
  ...(list.codes ?? []),
  ...(list.prefixes ?? []).map((prefix) => `${prefix}…`),
  ...(list.ranges ?? []).map(({ from, to }) => (from === to ? from : `${from}–${to}`)),
];

describe('the code table in docs/fhir-mapping.md', () => {
  it('has a section for every list, and none for a list that does not exist', () => {
    const tables = docsTables();
    expect([...tables.keys()].sort()).toEqual(fhirCodeLists.map((list) => list.id).sort());
  });

  it('names each list’s kind, and gives every code, prefix and range of the list with a meaning', () => {
    const tables = docsTables();
    for (const list of fhirCodeLists) {
      const table = tables.get(list.id);
      expect(table?.kind, list.id).toBe(list.kind);
      for (const code of shown(list)) {
        expect(table?.rows.get(code), `${list.id}: ${code}`).toMatch(/\S/);
      }
    }
  });

  it('lists no code that its list does not hold', () => {
    const tables = docsTables();
    for (const list of fhirCodeLists) {
      expect([...(tables.get(list.id)?.rows.keys() ?? [])].sort(), list.id).toEqual(shown(list).sort());
    }
  });
});
