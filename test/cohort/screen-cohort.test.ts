import { describe, expect, it } from 'vitest';
import {
  type CohortEntry,
  cautionRuleSet,
  parsePatientFacts,
  protocolRuleSet,
  screen,
  screenCohort,
} from '../../src/index.js';
import { unfrozenPaths } from '../fixtures/deep-frozen.js';
import { noProtocolFinding } from '../fixtures/patients.js';

const settled = noProtocolFinding;

async function collect<T>(entries: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const entry of entries) out.push(entry);
  return out;
}

describe('screenCohort', () => {
  it('yields one entry per record, in order, each with its position', () => {
    const records: unknown[] = [settled, { ...settled, ageYears: 80 }, { ageYears: 30 }];
    const entries = [...screenCohort(records)];
    expect(entries.map((entry) => [entry.index, entry.ok])).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
    expect(entries.map((entry) => entry.ok && entry.screening.status)).toEqual([
      'eligible',
      'contraindicated',
      'incomplete',
    ]);
  });

  it('gives each valid record the screening that screen gives it, and carries the raw record', () => {
    const record = { ...settled, pregnant: true };
    const [entry] = [...screenCohort([record])];
    expect(entry?.ok).toBe(true);
    if (!entry?.ok) return;
    expect(entry.screening).toEqual(screen(record));
    expect(entry.record).toBe(record);
    expect(entry.facts).toEqual(record);
  });

  it('reports an invalid record with its position, the raw record and the issues of parsePatientFacts', () => {
    const bad = { ageYears: 'forty', pregnancy: true };
    const entries = [...screenCohort<unknown>([settled, bad, null, [settled], 7])];
    expect(entries).toHaveLength(5);
    const second = entries[1] as CohortEntry;
    expect(second).toEqual({
      index: 1,
      ok: false,
      record: bad,
      issues: (parsePatientFacts(bad) as { issues: unknown }).issues,
    });
    expect(second.ok || second.issues.map((issue) => issue.code)).toEqual(['invalid-type', 'unknown-key']);
    expect(entries.slice(2).map((entry) => (entry.ok ? 'ok' : `${entry.index}:${entry.issues[0]?.code}`))).toEqual([
      '2:not-an-object',
      '3:not-an-object',
      '4:not-an-object',
    ]);
  });

  it('never reads a wrong type as absent: the string "no" makes the record invalid', () => {
    const [entry] = [...screenCohort([{ ...settled, pregnant: 'no' }])];
    expect(entry?.ok).toBe(false);
    expect(entry?.ok === false && entry.issues[0]?.path).toEqual(['pregnant']);
  });

  it('accepts null and undefined as facts not recorded', () => {
    const record = { ageYears: 40, pregnant: null, epilepsy: undefined };
    const [entry] = [...screenCohort([record])];
    expect(entry?.ok && entry.screening).toEqual(screen({ ageYears: 40 }));
  });

  it('uses the record itself as facts when it is a plain object of valid facts, and a copy otherwise', () => {
    class FactsRecord {
      readonly ageYears = 40;
    }
    const plain = { ageYears: 40 };
    const instance = new FactsRecord();
    const [first, second] = [...screenCohort<object>([plain, instance])];
    expect(first?.ok && first.facts).toBe(plain);
    expect(second?.ok && second.facts).not.toBe(instance);
    expect(second?.ok && second.facts).toEqual({ ageYears: 40 });
    expect(second?.ok && second.screening).toBe(first?.ok && first.screening);
  });

  it('is lazy: it reads a record only when the next entry is asked for', () => {
    let pulled = 0;
    function* records() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield { ageYears: i % 100 };
      }
    }
    const iterator = screenCohort(records())[Symbol.iterator]();
    expect(pulled).toBe(0);
    iterator.next();
    iterator.next();
    expect(pulled).toBe(2);
  });

  it('iterates the input again each time it is iterated', () => {
    const entries = screenCohort([settled, { ageYears: 'x' }]);
    expect([...entries]).toEqual([...entries]);
    expect([...entries]).toHaveLength(2);
  });

  it('maps CSV rows of strings with toFacts, which receives each row and its index', () => {
    const rows = [
      { id: 'a', age: '52', pregnant: 'no', oncology: 'yes' },
      { id: 'b', age: '', pregnant: '', oncology: 'no' },
      { id: 'c', age: '40', pregnant: 'maybe', oncology: 'no' },
    ];
    const yesNo = (cell: string) => (cell === 'yes' ? true : cell === 'no' ? false : cell === '' ? undefined : cell);
    const seen: [string, number][] = [];
    const entries = [
      ...screenCohort(rows, {
        toFacts: (row, index) => {
          seen.push([row.id, index]);
          return {
            ageYears: row.age === '' ? undefined : Number(row.age),
            pregnant: yesNo(row.pregnant),
            oncologicalDisease: yesNo(row.oncology),
          };
        },
      }),
    ];
    expect(seen).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    const [first, second, third] = entries;
    expect(first?.ok && first.screening.contraindications).toEqual(['oncology']);
    expect(first?.ok && first.facts).toEqual({ ageYears: 52, pregnant: false, oncologicalDisease: true });
    expect(second?.ok && second.screening.missing).toContain('ageYears');
    // The mapping left "maybe" as a string: the library does not guess, the record is invalid.
    expect(third).toMatchObject({ index: 2, ok: false, record: rows[2] });
    expect(third?.ok === false && third.issues.map((issue) => issue.path)).toEqual([['pregnant']]);
  });

  it('screens with the ruleSet option', () => {
    const [entry] = [...screenCohort([{ anticoagulantTherapy: true }], { ruleSet: cautionRuleSet })];
    expect(entry?.ok && entry.screening.ruleSet).toEqual({ id: cautionRuleSet.id, version: cautionRuleSet.version });
    expect(entry?.ok && entry.screening.cautions).toEqual(['anticoagulant-therapy']);
  });

  it('returns an AsyncIterable for an AsyncIterable, with the same entries as for the records in an array', async () => {
    const records: unknown[] = [settled, { ageYears: 'x' }, { ...settled, acuteInfection: true }];
    async function* slowly() {
      for (const record of records) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield record;
      }
    }
    const entries = screenCohort(slowly());
    expect(Symbol.asyncIterator in entries).toBe(true);
    expect(await collect(entries)).toEqual([...screenCohort(records)]);
  });

  it('throws a TypeError at the call for input that is not iterable, a bad rule set or a bad toFacts', () => {
    expect(() => screenCohort(42 as unknown as Iterable<unknown>)).toThrow(TypeError);
    expect(() => screenCohort(null as unknown as Iterable<unknown>)).toThrow(TypeError);
    expect(() => screenCohort([], { ruleSet: { ...protocolRuleSet, rules: [] } })).toThrow(TypeError);
    expect(() => screenCohort([], { toFacts: 'yes' as unknown as () => unknown })).toThrow(TypeError);
  });

  it('lets an exception from toFacts end the iteration', () => {
    const entries = screenCohort([1, 2], {
      toFacts: (row) => {
        if (row === 2) throw new Error('bad row');
        return {};
      },
    });
    expect(() => [...entries]).toThrow('bad row');
  });
});

describe('screenCohort: misuse', () => {
  it.each([null, undefined, 5, { length: 1 }])(
    'records of %o throw the TypeError that names what is expected',
    (records) => {
      expect(() => screenCohort(records as unknown as unknown[])).toThrow(
        new TypeError('screenCohort: records must be an Iterable or an AsyncIterable'),
      );
    },
  );

  it('a toFacts that is not a function throws the TypeError that says so', () => {
    expect(() => screenCohort([], { toFacts: 'facts' as unknown as () => unknown })).toThrow(
      new TypeError('screenCohort: options.toFacts must be a function (row, index) => facts'),
    );
  });
});

describe('screenCohort: frozen entries', () => {
  const records: unknown[] = [
    { ...settled, pregnant: true },
    { ageYears: 52, pregnant: null },
    JSON.parse('{"ageYears": 40, "pregnant": "no", "pregnancy": true}'),
    Object.assign(Object.create(null) as object, settled),
    null,
  ];

  it('freezes every entry, valid or not, down to its issues and a copy of its facts', () => {
    const entries = [...screenCohort(records)];
    for (const entry of entries) {
      expect(Object.isFrozen(entry)).toBe(true);
      // The raw record is the caller's, and so are facts that needed no copy: left as they are.
      expect(unfrozenPaths(entry, [entry.record])).toEqual([]);
    }
    expect(entries.map((entry) => entry.ok)).toEqual([true, true, false, true, false]);
    expect(Object.isFrozen(records[0])).toBe(false);
  });

  it('freezes the copy that parsing made of what toFacts returned, and leaves a plain object that needed none', () => {
    class Row {
      constructor(readonly ageYears: number) {}
    }
    const plain = { ageYears: 52, pregnant: null };
    const [copied, kept] = [...screenCohort([new Row(52), plain], { toFacts: (row) => row })];
    expect(copied?.ok && copied.facts).toEqual({ ageYears: 52 });
    expect(unfrozenPaths(copied, [copied?.record])).toEqual([]);
    expect(kept?.ok && kept.facts).toBe(plain);
    expect(Object.isFrozen(kept)).toBe(true);
    expect(Object.isFrozen(plain)).toBe(false);
  });

  it('freezes the entries of an AsyncIterable too', async () => {
    async function* rows() {
      yield* records;
    }
    const entries = await collect(screenCohort(rows()));
    for (const entry of entries) expect(unfrozenPaths(entry, [entry.record])).toEqual([]);
    expect(entries).toHaveLength(records.length);
  });
});

describe('screenCohort reads the facts that screen reads', () => {
  it('refuses a record whose own non-enumerable fact holds a wrong value, as parsePatientFacts does', () => {
    const record = { ...settled };
    Object.defineProperty(record, 'pregnant', { value: 'yes', enumerable: false });
    const [entry] = [...screenCohort([record])];
    expect(entry?.ok).toBe(false);
    expect(!entry?.ok && entry?.issues.map((found) => found.code)).toEqual(['invalid-type']);
  });

  it("reads a class instance's getters, as screen does", () => {
    class Patient {
      readonly ageYears = 40;
      get pregnant() {
        return true;
      }
    }
    const [entry] = [...screenCohort([new Patient()])];
    expect(entry?.ok && entry.screening.contraindications).toEqual(['pregnancy']);
    expect(entry?.ok && entry.facts).toEqual({ ageYears: 40, pregnant: true });
  });
});
