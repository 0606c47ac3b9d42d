// Looks codings up in code lists: exact codes through a map, prefixes and ICD-10 category
// ranges by a short scan of the lists for that system.
import type { FhirCodeList } from './code-list.js';
import { isHierarchicalSystem, normalizeCode } from './code-systems.js';

interface SystemIndex {
  readonly exact: Map<string, FhirCodeList[]>;
  readonly prefixes: { readonly prefix: string; readonly list: FhirCodeList }[];
  readonly ranges: { readonly from: string; readonly to: string; readonly list: FhirCodeList }[];
}

/** Code lists indexed by system, for lookups of one coding at a time. */
export interface CodeIndex {
  /** The lists that a coding matches, in list order; empty when none. */
  match(system: string, code: string): readonly FhirCodeList[];
}

const NONE: readonly FhirCodeList[] = Object.freeze([]);

export function buildCodeIndex(lists: readonly FhirCodeList[]): CodeIndex {
  const bySystem = new Map<string, SystemIndex>();
  for (const list of lists) {
    for (const system of list.systems) {
      let index = bySystem.get(system);
      if (index === undefined) {
        // Stryker disable next-line ArrayDeclaration: equivalent, a stray string entry has no prefix (an upper-case key never starts with "undefined") and no from/to (no category compares with undefined), so it never matches
        index = { exact: new Map(), prefixes: [], ranges: [] };
        bySystem.set(system, index);
      }
      for (const code of list.codes ?? []) {
        const key = normalizeCode(system, code);
        const found = index.exact.get(key);
        if (found === undefined) index.exact.set(key, [list]);
        else if (!found.includes(list)) found.push(list);
      }
      for (const prefix of list.prefixes ?? []) index.prefixes.push({ prefix: normalizeCode(system, prefix), list });
      for (const range of list.ranges ?? []) {
        index.ranges.push({ from: range.from.toUpperCase(), to: range.to.toUpperCase(), list });
      }
    }
  }
  return {
    match(system, code) {
      const index = bySystem.get(system);
      if (index === undefined) return NONE;
      const key = normalizeCode(system, code);
      if (key === '') return NONE;
      const found: FhirCodeList[] = [...(index.exact.get(key) ?? [])];
      if (isHierarchicalSystem(system)) {
        for (const { prefix, list } of index.prefixes) {
          if (key.startsWith(prefix) && !found.includes(list)) found.push(list);
        }
        const category = key.slice(0, 3);
        if (category.length === 3) {
          for (const { from, to, list } of index.ranges) {
            if (category >= from && category <= to && !found.includes(list)) found.push(list);
          }
        }
      }
      return found.length === 0 ? NONE : found;
    },
  };
}
