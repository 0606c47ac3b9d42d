import { describe, expect, it } from 'vitest';
import {
  ageBand,
  type CohortEntry,
  cautionRuleSet,
  defineRuleSet,
  protocolRuleSet,
  type Screening,
  screenCohort,
  summarizeCohort,
  wilsonInterval,
} from '../../src/index.js';
import { seededRandom, syntheticPatient } from '../bench/synthetic-patients.js';
import { noProtocolFinding } from '../fixtures/patients.js';

const settled = noProtocolFinding;

/** Six records: 2 eligible, 2 contraindicated (age; pregnancy and infection), 1 incomplete, 1 invalid. */
const cohort: unknown[] = [
  settled,
  { ...settled, ageYears: 52 },
  { ...settled, ageYears: 80 },
  { ...settled, pregnant: true, acuteInfection: true },
  { ageYears: 30, oncologicalDisease: false },
  { ...settled, pregnant: 'no' },
];

describe('summarizeCohort', () => {
  it('counts totals, statuses, rules, missing facts and invalid records exactly', () => {
    const summary = summarizeCohort(screenCohort(cohort));
    expect(summary.total).toBe(6);
    expect(summary.screened).toBe(5);
    expect(summary.invalid).toBe(1);
    expect(summary.byStatus).toEqual({ eligible: 2, caution: 0, incomplete: 1, contraindicated: 2, refer: 0 });
    expect(summary.byRule).toEqual({
      age: { kind: 'absolute', present: 1, absent: 4, unknown: 0 },
      oncology: { kind: 'absolute', present: 0, absent: 5, unknown: 0 },
      pregnancy: { kind: 'absolute', present: 1, absent: 3, unknown: 1 },
      coagulation: { kind: 'absolute', present: 0, absent: 4, unknown: 1 },
      'acute-infection': { kind: 'absolute', present: 1, absent: 3, unknown: 1 },
      'acute-mental-state': { kind: 'absolute', present: 0, absent: 4, unknown: 1 },
    });
    expect(summary.missing).toEqual({
      pregnant: 1,
      coagulationDisorder: 1,
      acuteInfection: 1,
      acuteMentalIllness: 1,
      psychotropicInfluence: 1,
    });
    expect(summary.ruleSets).toEqual([{ id: 'acuspine-protocol', version: protocolRuleSet.version }]);
    expect(summary.groups).toBeUndefined();
  });

  it('gives proportions of the screened records, and of all records for screened and invalid', () => {
    const { proportions } = summarizeCohort(screenCohort(cohort));
    expect(proportions.invalid).toEqual({ count: 1, n: 6, p: 1 / 6, ...wilsonInterval(1, 6) });
    expect(proportions.screened).toEqual({ count: 5, n: 6, p: 5 / 6, ...wilsonInterval(5, 6) });
    expect(proportions.byStatus.eligible).toEqual({ count: 2, n: 5, p: 0.4, ...wilsonInterval(2, 5) });
    expect(proportions.byStatus.caution).toEqual({ count: 0, n: 5, p: 0, ...wilsonInterval(0, 5) });
    expect(proportions.byRule.pregnancy?.unknown).toEqual({ count: 1, n: 5, p: 0.2, ...wilsonInterval(1, 5) });
    expect(proportions.missing.pregnant).toEqual({ count: 1, n: 5, p: 0.2, ...wilsonInterval(1, 5) });
    expect(Object.keys(proportions.byRule)).toEqual(Object.keys(summarizeCohort(screenCohort(cohort)).byRule));
  });

  it('gives null proportions and the interval [0, 1] when nothing was screened', () => {
    const summary = summarizeCohort(screenCohort([{ pregnancy: true }]));
    expect(summary.screened).toBe(0);
    expect(summary.proportions.byStatus.eligible).toEqual({ count: 0, n: 0, p: null, low: 0, high: 1 });
    expect(summary.proportions.invalid).toEqual({ count: 1, n: 1, p: 1, ...wilsonInterval(1, 1) });
  });

  it('always lists all five statuses, and with the ruleSet option every rule and fact at zero', () => {
    const empty = summarizeCohort(screenCohort([]), { ruleSet: protocolRuleSet });
    expect(empty.total).toBe(0);
    expect(empty.byStatus).toEqual({ eligible: 0, caution: 0, incomplete: 0, contraindicated: 0, refer: 0 });
    expect(Object.keys(empty.byRule)).toEqual(protocolRuleSet.rules.map((rule) => rule.id));
    expect(Object.values(empty.byRule)).toEqual(Array(6).fill({ kind: 'absolute', present: 0, absent: 0, unknown: 0 }));
    expect(empty.missing).toEqual({
      ageYears: 0,
      oncologicalDisease: 0,
      pregnant: 0,
      coagulationDisorder: 0,
      acuteInfection: 0,
      acuteMentalIllness: 0,
      psychotropicInfluence: 0,
    });
    expect(empty.ruleSets).toEqual([{ id: protocolRuleSet.id, version: protocolRuleSet.version }]);
  });

  it('without the ruleSet option takes the rules from the screenings, and lists only facts found missing', () => {
    const empty = summarizeCohort(screenCohort([]));
    expect(empty.byRule).toEqual({});
    expect(empty.missing).toEqual({});
    expect(empty.ruleSets).toEqual([]);
    const one = summarizeCohort(screenCohort([settled]));
    expect(Object.keys(one.byRule)).toEqual(protocolRuleSet.rules.map((rule) => rule.id));
    expect(one.missing).toEqual({});
  });

  it('counts caution statuses and the rules of a combined rule set', () => {
    const combined = defineRuleSet({
      id: 'protocol-and-cautions',
      version: '1',
      rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
    });
    const summary = summarizeCohort(
      screenCohort(
        [
          {
            ...settled,
            anticoagulantTherapy: true,
            pacemaker: false,
            electroacupuncturePlanned: false,
            skinLesionAtSite: false,
            needlePhobia: false,
            epilepsy: false,
          },
        ],
        { ruleSet: combined },
      ),
      { ruleSet: combined },
    );
    expect(summary.byStatus.caution).toBe(1);
    expect(summary.byRule['anticoagulant-therapy']).toEqual({ kind: 'relative', present: 1, absent: 0, unknown: 0 });
    expect(Object.keys(summary.byRule)).toHaveLength(12);
  });

  it('gives the same statistics per group, groups adding up to the whole', () => {
    const rows = cohort.map((facts, i) => ({ region: i % 2 === 0 ? 'cervical' : 'lumbosacral', facts }));
    const summary = summarizeCohort(screenCohort(rows, { toFacts: (row) => row.facts }), {
      groupBy: (entry) => entry.record.region,
    });
    const groups = summary.groups ?? {};
    expect(Object.keys(groups)).toEqual(['cervical', 'lumbosacral']);
    const cervical = summarizeCohort(screenCohort(cohort.filter((_, i) => i % 2 === 0)));
    expect(groups.cervical).toEqual(cervical);
    expect((groups.cervical?.total ?? 0) + (groups.lumbosacral?.total ?? 0)).toBe(summary.total);
    expect((groups.cervical?.invalid ?? 0) + (groups.lumbosacral?.invalid ?? 0)).toBe(summary.invalid);
  });

  it('groups by age band, invalid records included, keys in natural order', () => {
    const bands = [0, 5, 18, 65, 76];
    const records = [{ ageYears: 70 }, { ageYears: 3 }, { ageYears: 30 }, {}, { ageYears: 12 }, { ageYears: -1 }];
    const summary = summarizeCohort(screenCohort(records), {
      groupBy: (entry) => (entry.ok ? ageBand(entry.facts.ageYears, bands) : 'invalid'),
    });
    expect(Object.keys(summary.groups ?? {})).toEqual(['0-4', '5-17', '18-64', '65-75', 'invalid', 'unknown']);
    expect(summary.groups?.invalid?.invalid).toBe(1);
  });

  it('keeps a group named __proto__ as an ordinary group', () => {
    const summary = summarizeCohort(screenCohort([settled]), { groupBy: () => '__proto__' });
    expect(Object.keys(summary.groups ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(summary.groups)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(summary.groups, '__proto__')?.value.total).toBe(1);
  });

  it('throws a TypeError when groupBy returns something other than a string', () => {
    const groupBy = () => 7 as unknown as string;
    expect(() => summarizeCohort(screenCohort([settled]), { groupBy })).toThrow(TypeError);
    expect(() => summarizeCohort(screenCohort([settled]), { groupBy: 'region' as unknown as () => string })).toThrow(
      TypeError,
    );
  });

  it('throws a TypeError for input that is not iterable and for an invalid rule set', () => {
    expect(() => summarizeCohort(5 as unknown as Iterable<CohortEntry>)).toThrow(TypeError);
    expect(() => summarizeCohort([], { ruleSet: { ...protocolRuleSet, id: '' } })).toThrow(TypeError);
  });

  it('returns a frozen plain summary for an Iterable and a Promise of the same for an AsyncIterable', async () => {
    const sync = summarizeCohort(screenCohort(cohort));
    expect(Object.isFrozen(sync)).toBe(true);
    expect(Object.isFrozen(sync.proportions.byStatus.eligible)).toBe(true);
    async function* slowly() {
      for (const record of cohort) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield record;
      }
    }
    const pending = summarizeCohort(screenCohort(slowly()));
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual(sync);
  });

  it('gives the same summary for async input with back-pressure as for sync input, groups included', async () => {
    const random = seededRandom(7);
    const records = Array.from({ length: 3000 }, (_, i) => ({
      clinic: `clinic-${i % 7}`,
      facts: syntheticPatient(random),
    }));
    let inFlight = 0;
    let maxInFlight = 0;
    async function* produce() {
      for (const record of records) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        // Yield to the event loop on every record, as a file or network source would.
        await new Promise<void>((resolve) => setImmediate(resolve));
        yield record;
      }
    }
    const options = { groupBy: (entry: CohortEntry<string, (typeof records)[number]>) => entry.record.clinic };
    const entries = screenCohort(produce(), { toFacts: (row) => row.facts });
    const consumed = (async function* () {
      for await (const entry of entries) {
        inFlight--;
        yield entry;
      }
    })();
    const fromAsync = await summarizeCohort(consumed, options);
    const fromSync = summarizeCohort(screenCohort(records, { toFacts: (row) => row.facts }), options);
    expect(fromAsync).toEqual(fromSync);
    // The producer never ran ahead of the consumer: one record at a time.
    expect(maxInFlight).toBe(1);
  });

  it('counts the same whether screenings are shared objects or all distinct (beyond its slot limit)', () => {
    const random = seededRandom(11);
    const records = Array.from({ length: 10_000 }, () => syntheticPatient(random));
    const shared = [...screenCohort(records)];
    const distinct = shared.map((entry) =>
      entry.ok
        ? {
            ...entry,
            screening: structuredClone(entry.screening) as Screening<(typeof entry.screening.findings)[number]['rule']>,
          }
        : entry,
    );
    const groupBy = (entry: CohortEntry) => String(entry.index % 3);
    expect(summarizeCohort(distinct, { groupBy })).toEqual(summarizeCohort(shared, { groupBy }));
  });

  it('names null in the TypeError when groupBy returns null', () => {
    expect(() => summarizeCohort(screenCohort([settled]), { groupBy: () => null as unknown as string })).toThrow(
      /groupBy must return a string, got null for entry 0/,
    );
  });

  it('counts a group that first appears after many distinct screenings', () => {
    const facts = [
      'oncologicalDisease',
      'pregnant',
      'coagulationDisorder',
      'acuteInfection',
      'acuteMentalIllness',
    ] as const;
    const varied = Array.from({ length: 200 }, (_, n) => ({
      ageYears: 20 + (n % 50),
      ...Object.fromEntries(facts.map((fact, i) => [fact, [undefined, false, true][Math.floor(n / 3 ** i) % 3]])),
    }));
    // The first screening of 'late' takes slot 128, then 190: its counts must grow past both.
    for (const first of [128, 190]) {
      const groupBy = (entry: CohortEntry) => (entry.index < first ? 'early' : 'late');
      const summary = summarizeCohort(screenCohort(varied), { groupBy });
      const late = summarizeCohort(screenCohort(varied.slice(first)));
      expect(summary.groups?.['late']).toEqual(late);
    }
  });

  it('throws a TypeError for an entry whose screening has an unknown status or outcome', () => {
    const [entry] = [...screenCohort([settled])];
    if (entry === undefined || !entry.ok) throw new Error('expected a screened entry');
    const withScreening = (screening: object) => [{ ...entry, screening }] as unknown as CohortEntry[];
    expect(() => summarizeCohort(withScreening({ ...entry.screening, status: 'approved' }))).toThrow(/unknown status/);
    const findings = entry.screening.findings.map((finding) => ({ ...finding, outcome: 'maybe' }));
    expect(() => summarizeCohort(withScreening({ ...entry.screening, findings }))).toThrow(/unknown outcome/);
  });

  it('counts a missing fact named by a screening from elsewhere, after the known facts', () => {
    const [entry] = [...screenCohort([{ ageYears: 40 }])];
    if (entry === undefined || !entry.ok) throw new Error('expected a screened entry');
    const screening = { ...entry.screening, missing: [...entry.screening.missing, 'smoker'] };
    const summary = summarizeCohort([{ ...entry, screening }] as unknown as CohortEntry[]);
    expect(Object.keys(summary.missing).at(-1)).toBe('smoker');
    expect(summary.missing['smoker' as keyof typeof summary.missing]).toBe(1);
  });
});

describe('summarizeCohort: misuse and bookkeeping', () => {
  it.each([null, undefined, 5])('entries of %o throw the TypeError that names what is expected', (entries) => {
    expect(() => summarizeCohort(entries as unknown as CohortEntry[])).toThrow(
      new TypeError('summarizeCohort: entries must be an Iterable or an AsyncIterable'),
    );
  });

  it('a groupBy that is not a function, or that returns no string, throws the TypeError that says so', () => {
    expect(() => summarizeCohort([], { groupBy: 'region' as unknown as () => string })).toThrow(
      new TypeError('summarizeCohort: options.groupBy must be a function (entry) => string'),
    );
    expect(() => summarizeCohort(screenCohort([settled]), { groupBy: () => 7 as unknown as string })).toThrow(
      new TypeError('summarizeCohort: groupBy must return a string, got number for entry 0'),
    );
  });

  it('a group lists only the rules, facts and rule sets of its own screenings', () => {
    const protocolEntries = [...screenCohort([{ ageYears: 40 }])];
    const cautionEntries = [...screenCohort([{ needlePhobia: true }], { ruleSet: cautionRuleSet })].map((entry) => ({
      ...entry,
      index: 1,
    }));
    const summary = summarizeCohort([...protocolEntries, ...cautionEntries] as CohortEntry[], {
      groupBy: (entry) => (entry.index === 0 ? 'protocol' : 'cautions'),
    });
    const protocol = summary.groups?.['protocol'];
    const cautions = summary.groups?.['cautions'];
    expect(Object.keys(protocol?.byRule ?? {})).toEqual(protocolRuleSet.rules.map((rule) => rule.id));
    expect(Object.keys(cautions?.byRule ?? {})).toEqual(cautionRuleSet.rules.map((rule) => rule.id));
    expect(protocol?.ruleSets).toEqual([{ id: 'acuspine-protocol', version: '1.0.0' }]);
    expect(cautions?.ruleSets).toEqual([{ id: 'acuspine-cautions', version: '1.0.0' }]);
    expect(Object.keys(protocol?.missing ?? {})).not.toContain('epilepsy');
    expect(Object.keys(cautions?.missing ?? {})).toContain('epilepsy');
  });
});
