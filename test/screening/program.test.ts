import { describe, expect, it } from 'vitest';
import { cautionRuleSet, defineRuleSet, type PatientFacts, protocolRuleSet, screen } from '../../src/index.js';
import { programOf } from '../../src/screening/define-rule-set.js';
import { lookUp, packedInto, partTable, slotOf, store } from '../../src/screening/program.js';

// The interpreter behind `screen` keeps the screenings it made, one per distinct state of the
// facts a rule set reads. A server that screens millions of varied records must not keep them all.

const combined = () =>
  defineRuleSet({
    id: 'protocol-and-cautions',
    version: '1',
    rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
  });

/** The record whose facts take the states of the base-4 digits of `n`: missing, false, true, invalid. */
function recordNumber(n: number): PatientFacts {
  const facts = [
    'oncologicalDisease',
    'pregnant',
    'coagulationDisorder',
    'acuteInfection',
    'pacemaker',
    'epilepsy',
    'needlePhobia',
  ];
  const record: Record<string, unknown> = { ageYears: 40 };
  facts.forEach((fact, i) => {
    record[fact] = [undefined, false, true, 'invalid'][Math.floor(n / 4 ** i) % 4];
  });
  return record as PatientFacts;
}

describe('the screening cache', () => {
  it('stops growing at 8192 distinct fact states, and screenings past it are still right', () => {
    const ruleSet = combined();
    for (let n = 0; n < 9000; n++) screen(recordNumber(n), { ruleSet });
    expect(programOf(ruleSet).cache.size).toBe(8192);

    const fresh = combined();
    for (const n of [8191, 8192, 8999]) {
      expect(screen(recordNumber(n), { ruleSet })).toEqual(screen(recordNumber(n), { ruleSet: fresh }));
    }
  });
});

/** A set of `count` rules, each over a fact of its own. */
function setOfOwnFacts(count: number) {
  const names = Array.from({ length: count }, (_, i) => `clinicFact${i}`);
  return defineRuleSet({
    id: `own-${count}`,
    version: '1',
    facts: Object.fromEntries(names.map((name) => [name, { label: { en: name } }])),
    rules: names.map((name) => ({
      id: name,
      kind: 'absolute' as const,
      when: { type: 'any' as const, facts: [name] },
      source: { title: 'A test' },
    })),
  });
}

describe('one key or many', () => {
  it('keeps screenings by key for a set of 26 inputs, and works them out afresh past 26', () => {
    const narrow = setOfOwnFacts(26);
    screen({} as PatientFacts, { ruleSet: narrow as never });
    expect(programOf(narrow as never).cache.size).toBe(1);
    const wide = setOfOwnFacts(27);
    screen({} as PatientFacts, { ruleSet: wide as never });
    expect(programOf(wide as never).cache.size).toBe(0);
  });
});

// The tables of parts that wide screenings share: a part found under other words than its own
// would give a record another record's findings, so a lookup must be exact.
describe('the tables of shared parts', () => {
  it('packs two-bit codes 14 to a word, the first code highest, and trims a longer buffer', () => {
    const codes = Array.from({ length: 30 }, (_, i) => i % 4);
    const words = packedInto(codes, 30, [7, 7, 7, 7, 7]);
    expect(words).toHaveLength(3);
    const word = (from: number, to: number) => codes.slice(from, to).reduce((sum, code) => sum * 4 + code, 0);
    expect(words).toEqual([word(0, 14), word(14, 28), word(28, 30)]);
    expect(packedInto([3], 1, [])).toEqual([3]);
    expect(packedInto(codes, 14, [])).toEqual([word(0, 14)]);
  });

  it('hashes words to a whole slot of the table', () => {
    const slots = new Set<number>();
    for (let n = 0; n < 1000; n++) {
      const slot = slotOf([n, n * 7, 3]);
      expect(Number.isInteger(slot) && slot >= 0 && slot < 16_384).toBe(true);
      slots.add(slot);
    }
    expect(slots.size).toBeGreaterThan(900);
  });

  it('finds a part under its words, in the first and the last slot, and under no other words', () => {
    // 33 codes: three words, the last of them holding five codes.
    const table = partTable(33);
    const part = { name: 'stored' };
    for (const slot of [0, 5, 16_383]) {
      expect(lookUp(table, [1, 2, 3], slot)).toBeUndefined();
      expect(store(table, [1, 2, 3], slot, part)).toBe(part);
      expect(lookUp(table, [1, 2, 3], slot)).toBe(part);
      for (const other of [
        [0, 2, 3],
        [1, 0, 3],
        [1, 2, 0],
      ])
        expect(lookUp(table, other, slot)).toBeUndefined();
    }
    // A slot holds one part: the last stored.
    const other = { name: 'other' };
    store(table, [4, 5, 6], 5, other);
    expect(lookUp(table, [4, 5, 6], 5)).toBe(other);
    expect(lookUp(table, [1, 2, 3], 5)).toBeUndefined();
    // Storing in a slot leaves the next slot's words as they were.
    const next = { name: 'next' };
    store(table, [7, 8, 9], 8, next);
    store(table, [7, 8, 9], 7, part);
    expect(lookUp(table, [7, 8, 9], 8)).toBe(next);
    // Its neighbours keep theirs.
    expect(lookUp(table, [1, 2, 3], 0)).toBe(part);
    expect(lookUp(table, [1, 2, 3], 16_383)).toBe(part);
  });

  it('finds a part stored under words of zeros, and nothing in an empty slot', () => {
    const table = partTable(14);
    expect(lookUp(table, [0], 9)).toBeUndefined();
    const part = { name: 'zeros' };
    store(table, [0], 9, part);
    expect(lookUp(table, [0], 9)).toBe(part);
  });
});
