import { describe, expect, it } from 'vitest';
import {
  type CohortEntry,
  type CohortSummary,
  defineRuleSet,
  factNames,
  mergeSummaries,
  parsePatientFacts,
  protocolRuleSet,
  redFlagRuleSet,
  type Screening,
  screen,
  screenCohort,
  screeningStatuses,
  summarizeCohort,
  summaryTable,
  wilsonInterval,
} from '../../src/index.js';
import { seededRandom } from '../bench/synthetic-patients.js';
import { noProtocolFinding } from '../fixtures/patients.js';
import { clinicRuleSet, inputCount, threeSets } from './rule-sets.js';

const settled = noProtocolFinding;
const clinicFacts = { metalAllergy: false, recentSpinalSurgery: false } as const;

/** The clinic's set written as a plain object, not made by defineRuleSet. */
function plainClinicRuleSet() {
  const { id, version, rules, facts } = clinicRuleSet;
  return { id, version, rules, facts: { ...(facts as NonNullable<typeof facts>) } };
}

async function collect<T>(entries: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const entry of entries) out.push(entry);
  return out;
}

describe('screenCohort with a rule set that has facts of its own', () => {
  it('accepts the set’s own facts and screens them as screen does', () => {
    const records = [
      { ...settled, ...clinicFacts },
      { ...settled, ...clinicFacts, metalAllergy: true },
      { ...settled, recentSpinalSurgery: true },
      { ...settled, metalAllergy: null, recentSpinalSurgery: undefined },
    ];
    const entries = [...screenCohort(records, { ruleSet: clinicRuleSet })];
    expect(entries.map((entry) => entry.ok && entry.screening.status)).toEqual([
      'eligible',
      'caution',
      'refer',
      'incomplete',
    ]);
    entries.forEach((entry, i) => {
      expect(entry.ok && entry.screening).toEqual(screen(records[i] ?? {}, { ruleSet: clinicRuleSet }));
      expect(entry.ok && entry.facts).toEqual(
        (parsePatientFacts(records[i], { ruleSet: clinicRuleSet }) as { value: unknown }).value,
      );
    });
    expect(entries[3]?.ok && entries[3].screening.missing).toEqual(['metalAllergy', 'recentSpinalSurgery']);
  });

  it('makes a record with a value of its own fact that is not a boolean invalid, as for a shipped fact', () => {
    const own = { ...settled, metalAllergy: 'no' };
    const shipped = { ...settled, pregnant: 'no' };
    const [ownEntry, shippedEntry] = [...screenCohort([own, shipped], { ruleSet: clinicRuleSet })];
    expect(ownEntry?.ok).toBe(false);
    expect(ownEntry?.ok === false && ownEntry.issues).toEqual(
      (parsePatientFacts(own, { ruleSet: clinicRuleSet }) as { issues: unknown }).issues,
    );
    expect(ownEntry?.ok === false && ownEntry.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid-type', ['metalAllergy']],
    ]);
    expect(shippedEntry?.ok === false && shippedEntry.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid-type', ['pregnant']],
    ]);
  });

  it('still refuses a key that is neither a shipped fact nor the set’s own, and the set’s facts without the set', () => {
    const [typo] = [...screenCohort([{ ...settled, metalAlergy: true }], { ruleSet: clinicRuleSet })];
    expect(typo?.ok === false && typo.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown-key', ['metalAlergy']],
    ]);
    const [withoutTheSet] = [...screenCohort([{ ...settled, metalAllergy: true }])];
    expect(withoutTheSet?.ok === false && withoutTheSet.issues.map((issue) => issue.code)).toEqual(['unknown-key']);
  });

  it('reads the set’s own facts from what toFacts returns, and from an AsyncIterable', async () => {
    const rows = [{ allergy: 'y' }, { allergy: 'n' }, { allergy: '?' }];
    const toFacts = (row: { allergy: string }) => ({
      ...settled,
      recentSpinalSurgery: false,
      metalAllergy: row.allergy === 'y' ? true : row.allergy === 'n' ? false : row.allergy,
    });
    const statuses = (entries: readonly CohortEntry<string, unknown, string>[]) =>
      entries.map((entry) => (entry.ok ? entry.screening.status : entry.issues[0]?.path.join('.')));
    const sync = [...screenCohort(rows, { ruleSet: clinicRuleSet, toFacts })];
    expect(statuses(sync)).toEqual(['caution', 'eligible', 'metalAllergy']);
    async function* produce() {
      yield* rows;
    }
    expect(await collect(screenCohort(produce(), { ruleSet: clinicRuleSet, toFacts }))).toEqual(sync);
  });

  it('accepts the own facts of a rule set written as a plain object, as screen does', () => {
    const plain = plainClinicRuleSet();
    const [entry] = [...screenCohort([{ ...settled, ...clinicFacts, recentSpinalSurgery: true }], { ruleSet: plain })];
    expect(entry?.ok && entry.screening.referrals).toEqual([{ rule: 'recent-spinal-surgery', urgency: 'routine' }]);
  });
});

describe('summarizeCohort with facts of a rule set’s own and referral rules', () => {
  const records: unknown[] = [
    { ...settled, ...clinicFacts },
    { ...settled, ...clinicFacts, metalAllergy: true },
    { ...settled, metalAllergy: false, recentSpinalSurgery: true },
    { ...settled, metalAllergy: true },
    { ageYears: 80, recentSpinalSurgery: true },
    { ...settled, metalAllergy: 'yes' },
  ];

  it('counts refer, the referral and clinic rules with their kinds, and the set’s own missing facts', () => {
    const summary = summarizeCohort(screenCohort(records, { ruleSet: clinicRuleSet }), { ruleSet: clinicRuleSet });
    expect(summary.total).toBe(6);
    expect(summary.invalid).toBe(1);
    expect(summary.byStatus).toEqual({ eligible: 1, caution: 1, incomplete: 1, contraindicated: 0, refer: 2 });
    expect(summary.byRule['metal-allergy']).toEqual({ kind: 'relative', present: 2, absent: 2, unknown: 1 });
    expect(summary.byRule['recent-spinal-surgery']).toEqual({ kind: 'referral', present: 2, absent: 2, unknown: 1 });
    expect(summary.byRule.age).toEqual({ kind: 'absolute', present: 1, absent: 4, unknown: 0 });
    // Shipped facts first, then the set's own in declaration order (not the rules' order).
    expect(Object.keys(summary.missing)).toEqual([
      'ageYears',
      'oncologicalDisease',
      'pregnant',
      'coagulationDisorder',
      'acuteInfection',
      'acuteMentalIllness',
      'psychotropicInfluence',
      'recentSpinalSurgery',
      'metalAllergy',
    ]);
    expect(summary.missing.recentSpinalSurgery).toBe(1);
    expect(summary.missing.metalAllergy).toBe(1);
    expect(summary.missing.oncologicalDisease).toBe(1);
    expect(summary.proportions.byStatus.refer).toEqual({ count: 2, n: 5, p: 0.4, ...wilsonInterval(2, 5) });
    expect(summary.proportions.missing.metalAllergy).toEqual({ count: 1, n: 5, p: 0.2, ...wilsonInterval(1, 5) });
  });

  it('without the ruleSet option lists the set’s own facts met, after the shipped ones, in code-unit order', () => {
    const summary = summarizeCohort(screenCohort([{ ...settled }], { ruleSet: clinicRuleSet }));
    expect(Object.keys(summary.missing)).toEqual(['metalAllergy', 'recentSpinalSurgery']);
  });

  it('with the ruleSet option lists the set’s own facts at zero, in declaration order, even with nothing screened', () => {
    const empty = summarizeCohort(screenCohort([], { ruleSet: clinicRuleSet }), { ruleSet: clinicRuleSet });
    expect(Object.keys(empty.missing).slice(-2)).toEqual(['recentSpinalSurgery', 'metalAllergy']);
    expect(empty.missing.metalAllergy).toBe(0);
    expect(empty.byStatus.refer).toBe(0);
    expect(empty.byRule['recent-spinal-surgery']).toEqual({ kind: 'referral', present: 0, absent: 0, unknown: 0 });
    // A plain-object copy of the set gives the same summary.
    const plain = plainClinicRuleSet();
    expect(summarizeCohort([], { ruleSet: plain })).toEqual(empty);
  });

  it('merges the summaries of parts into the summary of the whole, facts, rules and refer included', () => {
    const options = {
      ruleSet: clinicRuleSet,
      groupBy: (entry: CohortEntry<string, unknown, string>) => (entry.ok ? entry.screening.status : 'invalid'),
    };
    const summarize = (part: readonly unknown[]) =>
      summarizeCohort(screenCohort(part, { ruleSet: clinicRuleSet }), options);
    const whole = summarize(records);
    const parts = [records.slice(0, 2), records.slice(2, 3), records.slice(3)].map(summarize);
    expect(mergeSummaries(...parts)).toEqual(whole);
    expect(mergeSummaries(...[...parts].reverse())).toEqual(whole);
    expect(mergeSummaries(...parts.map((part) => JSON.parse(JSON.stringify(part))))).toEqual(whole);
    expect(Object.keys(mergeSummaries(...parts).missing).slice(-2)).toEqual(['recentSpinalSurgery', 'metalAllergy']);
    expect(Object.keys(whole.groups ?? {})).toEqual(['caution', 'eligible', 'incomplete', 'invalid', 'refer']);
  });

  it('gives the table rows of refer, of the referral rule and of the set’s own facts', () => {
    const summary = summarizeCohort(screenCohort(records, { ruleSet: clinicRuleSet }), { ruleSet: clinicRuleSet });
    const rows = summaryTable(summary);
    expect(rows.filter((row) => row.measure === 'status').map((row) => row.category)).toEqual([...screeningStatuses]);
    expect(rows.find((row) => row.category === 'refer')).toMatchObject({ count: 2, n: 5, proportion: 0.4 });
    expect(rows.filter((row) => row.measure === 'rule:recent-spinal-surgery').map((row) => row.count)).toEqual([
      2, 2, 1,
    ]);
    expect(
      rows
        .filter((row) => row.measure === 'missing')
        .map((row) => row.category)
        .slice(-2),
    ).toEqual(['recentSpinalSurgery', 'metalAllergy']);
  });
});

describe('a rule id with two kinds', () => {
  const relativeAge = defineRuleSet({
    id: 'age-as-caution',
    version: '1',
    rules: [
      {
        id: 'age',
        kind: 'relative',
        when: { type: 'age-outside', under: 18, over: 70 },
        source: { title: 'Clinic policy 3' },
      },
    ],
  });

  it('cannot be counted as one rule: summarizeCohort says which and why', () => {
    const entries = [
      ...screenCohort([{ ageYears: 40 }]),
      ...screenCohort([{ ageYears: 40 }], { ruleSet: relativeAge }),
    ] as CohortEntry[];
    expect(() => summarizeCohort(entries)).toThrow(
      new TypeError(
        'summarizeCohort: the rule "age" is counted as absolute and as relative: summarize the screenings of rule sets that give one rule id two kinds apart',
      ),
    );
    expect(() =>
      summarizeCohort(screenCohort([{ ageYears: 40 }], { ruleSet: relativeAge }), { ruleSet: protocolRuleSet }),
    ).toThrow(/the rule "age" is counted as absolute and as relative/);
  });

  it('cannot be merged: mergeSummaries names the part', () => {
    const absolute = summarizeCohort(screenCohort([{ ageYears: 40 }]));
    const relative = summarizeCohort(screenCohort([{ ageYears: 40 }], { ruleSet: relativeAge }));
    expect(() => mergeSummaries<string>(absolute, relative)).toThrow(
      new TypeError(
        'mergeSummaries: summaries[1].byRule["age"].kind is relative, but another part counts the rule as absolute',
      ),
    );
  });

  it('a rule without a kind, or with an unknown one, is refused', () => {
    const summary = summarizeCohort(screenCohort([{ ageYears: 40 }]));
    const withAge = (age: object) => ({ ...summary, byRule: { ...summary.byRule, age } }) as unknown as CohortSummary;
    expect(() => mergeSummaries(withAge({ present: 0, absent: 1, unknown: 0 }))).toThrow(
      new TypeError(
        "mergeSummaries: summaries[0].byRule[\"age\"].kind must be 'absolute', 'relative' or 'referral', got undefined",
      ),
    );
    expect(() => mergeSummaries(withAge({ kind: 'optional', present: 0, absent: 1, unknown: 0 }))).toThrow(
      /got optional$/,
    );
    const [entry] = [...screenCohort([settled])];
    if (entry === undefined || !entry.ok) throw new Error('expected a screened entry');
    const findings = entry.screening.findings.map((finding) => ({ ...finding, kind: 'optional' }));
    const forged = [{ ...entry, screening: { ...entry.screening, findings } }] as unknown as CohortEntry[];
    expect(() => summarizeCohort(forged)).toThrow(
      new TypeError("summarizeCohort: an entry's finding has an unknown kind"),
    );
  });

  it('each kind is accepted by mergeSummaries', () => {
    const summary = summarizeCohort(screenCohort([{ ageYears: 40 }]));
    for (const kind of ['absolute', 'relative', 'referral'] as const) {
      const merged = mergeSummaries({ ...summary, byRule: { age: { kind, present: 0, absent: 1, unknown: 0 } } });
      expect(merged.byRule.age?.kind).toBe(kind);
    }
  });
});

describe('a cohort over protocol, cautions and red flags (more than 26 inputs)', () => {
  /** Seeded records over every shipped fact: mostly valid, some missing, a few of the wrong type. */
  function records(count: number, seed: number): Record<string, unknown>[] {
    const random = seededRandom(seed);
    return Array.from({ length: count }, () => {
      const record: Record<string, unknown> = {};
      for (const fact of factNames) {
        const draw = random();
        if (draw < 0.02) continue;
        if (draw < 0.03) record[fact] = null;
        else if (draw < 0.033) record[fact] = 'yes';
        else if (fact === 'ageYears') record[fact] = Math.floor(random() * 95);
        else record[fact] = random() < 0.03;
      }
      return record;
    });
  }

  it('reads more inputs than one packed word holds', () => {
    expect(inputCount(threeSets)).toBeGreaterThan(26);
  });

  it('gives each record the screening that screen gives it, and counts what screen finds', () => {
    const cohort = records(3000, 20261201);
    const entries = [...screenCohort(cohort, { ruleSet: threeSets })];
    const byStatus = Object.fromEntries(screeningStatuses.map((status) => [status, 0]));
    const present = new Map<string, number>();
    const missing = new Map<string, number>();
    let invalid = 0;
    entries.forEach((entry, i) => {
      const record = cohort[i] as object;
      if (!entry.ok) {
        invalid++;
        expect(parsePatientFacts(record).ok).toBe(false);
        return;
      }
      const expected: Screening = screen(record, { ruleSet: threeSets });
      expect(entry.screening).toEqual(expected);
      byStatus[expected.status] = (byStatus[expected.status] ?? 0) + 1;
      for (const finding of expected.findings) {
        if (finding.outcome === 'present') present.set(finding.rule, (present.get(finding.rule) ?? 0) + 1);
      }
      for (const fact of expected.missing) missing.set(fact, (missing.get(fact) ?? 0) + 1);
    });
    const summary = summarizeCohort(entries, { ruleSet: threeSets });
    expect(summary.invalid).toBe(invalid);
    expect(summary.byStatus).toEqual(byStatus);
    // Every status is met in a cohort this size.
    for (const status of screeningStatuses) expect(summary.byStatus[status]).toBeGreaterThan(0);
    for (const rule of threeSets.rules) {
      expect(summary.byRule[rule.id]?.present).toBe(present.get(rule.id) ?? 0);
      expect(summary.byRule[rule.id]?.kind).toBe(rule.kind);
    }
    for (const [fact, count] of Object.entries(summary.missing)) expect(count).toBe(missing.get(fact) ?? 0);
    const referralRules = Object.entries(summary.byRule).filter(([, counts]) => counts?.kind === 'referral');
    expect(referralRules.map(([id]) => id)).toEqual(redFlagRuleSet.rules.map((rule) => rule.id));
  });

  it('merges parts of it into the summary of the whole', () => {
    const cohort = records(1200, 7);
    const summarize = (part: readonly unknown[]) =>
      summarizeCohort(screenCohort(part, { ruleSet: threeSets }), { ruleSet: threeSets });
    expect(mergeSummaries(summarize(cohort.slice(0, 500)), summarize(cohort.slice(500)))).toEqual(summarize(cohort));
  });
});
