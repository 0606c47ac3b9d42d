import { describe, expectTypeOf, test } from 'vitest';
import {
  ageBand,
  type CautionRuleId,
  type CohortEntry,
  type CohortStatistics,
  type CohortSummary,
  cautionRuleSet,
  type FactName,
  type Issue,
  mergeSummaries,
  type PatientFacts,
  type PatientFactsWith,
  type Proportion,
  type ProtocolRuleId,
  type RuleCounts,
  type RuleKind,
  type RuleSet,
  type Screening,
  type SummaryRow,
  screenCohort,
  summarizeCohort,
  summaryTable,
  type WilsonInterval,
  wilsonInterval,
} from '../../src/index.js';
import { clinicRuleSet } from './rule-sets.js';

type ClinicRuleId = ProtocolRuleId | 'metal-allergy' | 'recent-spinal-surgery';
type ClinicFact = 'recentSpinalSurgery' | 'metalAllergy';

interface CsvRow {
  readonly age: string;
  readonly pregnant: string;
}

declare const rows: readonly CsvRow[];
declare const asyncRows: AsyncIterable<CsvRow>;
declare const either: Iterable<CsvRow> | AsyncIterable<CsvRow>;

describe('screenCohort', () => {
  test('returns an Iterable for an Iterable and an AsyncIterable for an AsyncIterable', () => {
    expectTypeOf(screenCohort(rows)).toEqualTypeOf<Iterable<CohortEntry<ProtocolRuleId, CsvRow>>>();
    expectTypeOf(screenCohort(asyncRows)).toEqualTypeOf<AsyncIterable<CohortEntry<ProtocolRuleId, CsvRow>>>();
    expectTypeOf(screenCohort(either)).toEqualTypeOf<
      Iterable<CohortEntry<ProtocolRuleId, CsvRow>> | AsyncIterable<CohortEntry<ProtocolRuleId, CsvRow>>
    >();
  });

  test('takes the rule ids from the ruleSet option', () => {
    expectTypeOf(screenCohort(rows, { ruleSet: cautionRuleSet })).toEqualTypeOf<
      Iterable<CohortEntry<CautionRuleId, CsvRow>>
    >();
  });

  test('gives toFacts the row type and the index', () => {
    screenCohort(rows, {
      toFacts: (row, index) => {
        expectTypeOf(row).toEqualTypeOf<CsvRow>();
        expectTypeOf(index).toEqualTypeOf<number>();
        return { pregnant: row.pregnant === 'yes' };
      },
    });
  });

  test('gives entries that narrow on ok', () => {
    for (const entry of screenCohort(rows)) {
      expectTypeOf(entry.index).toEqualTypeOf<number>();
      expectTypeOf(entry.record).toEqualTypeOf<CsvRow>();
      if (entry.ok) {
        expectTypeOf(entry.facts).toEqualTypeOf<PatientFacts>();
        expectTypeOf(entry.screening).toEqualTypeOf<Screening<ProtocolRuleId>>();
      } else {
        expectTypeOf(entry.issues).toEqualTypeOf<readonly Issue[]>();
        // @ts-expect-error an invalid entry has no screening
        entry.screening;
      }
    }
  });
});

describe('summarizeCohort', () => {
  test('returns a summary for an Iterable and a Promise of one for an AsyncIterable', () => {
    expectTypeOf(summarizeCohort(screenCohort(rows))).toEqualTypeOf<CohortSummary<ProtocolRuleId>>();
    expectTypeOf(summarizeCohort(screenCohort(asyncRows))).toEqualTypeOf<Promise<CohortSummary<ProtocolRuleId>>>();
    expectTypeOf(summarizeCohort(screenCohort(rows, { ruleSet: cautionRuleSet }))).toEqualTypeOf<
      CohortSummary<CautionRuleId>
    >();
  });

  test('gives groupBy the typed entry and wants a string back', () => {
    summarizeCohort(screenCohort(rows), {
      groupBy: (entry) => {
        expectTypeOf(entry).toEqualTypeOf<CohortEntry<ProtocolRuleId, CsvRow>>();
        return entry.record.age;
      },
    });
    // @ts-expect-error groupBy must return a string
    summarizeCohort(screenCohort(rows), { groupBy: () => 1 });
  });

  test('has counts keyed by the rule ids, and groups of the same statistics', () => {
    const summary = summarizeCohort(screenCohort(rows));
    expectTypeOf(summary.byRule.pregnancy).toEqualTypeOf<RuleCounts | undefined>();
    expectTypeOf(summary.byStatus.eligible).toEqualTypeOf<number>();
    expectTypeOf(summary.groups).toEqualTypeOf<
      Readonly<Record<string, CohortStatistics<ProtocolRuleId>>> | undefined
    >();
  });
});

describe('a rule set with facts of its own', () => {
  test('its fact names flow from the rule set into the entries', () => {
    expectTypeOf(clinicRuleSet).toEqualTypeOf<RuleSet<ClinicRuleId, ClinicFact>>();
    const entries = screenCohort(rows, { ruleSet: clinicRuleSet });
    expectTypeOf(entries).toEqualTypeOf<Iterable<CohortEntry<ClinicRuleId, CsvRow, ClinicFact>>>();
    for (const entry of entries) {
      if (!entry.ok) continue;
      expectTypeOf(entry.facts).toEqualTypeOf<PatientFactsWith<ClinicFact>>();
      expectTypeOf(entry.facts.metalAllergy).toEqualTypeOf<boolean | null | undefined>();
      expectTypeOf(entry.screening).toEqualTypeOf<Screening<ClinicRuleId, ClinicFact>>();
      expectTypeOf(entry.screening.missing).toEqualTypeOf<readonly (FactName | ClinicFact)[]>();
      // @ts-expect-error a misspelt fact of the set's own
      entry.facts.metalAlergy;
    }
  });

  test('and on into the summary, its merge and its table', () => {
    const summary = summarizeCohort(screenCohort(rows, { ruleSet: clinicRuleSet }), {
      ruleSet: clinicRuleSet,
      groupBy: (entry) => {
        expectTypeOf(entry).toEqualTypeOf<CohortEntry<ClinicRuleId, CsvRow, ClinicFact>>();
        return entry.record.age;
      },
    });
    expectTypeOf(summary).toEqualTypeOf<CohortSummary<ClinicRuleId, ClinicFact>>();
    expectTypeOf(summary.missing.metalAllergy).toEqualTypeOf<number | undefined>();
    expectTypeOf(summary.proportions.missing.recentSpinalSurgery).toEqualTypeOf<Proportion | undefined>();
    expectTypeOf(summary.byRule['recent-spinal-surgery']).toEqualTypeOf<RuleCounts | undefined>();
    // @ts-expect-error a misspelt fact of the set's own
    summary.missing.metalAlergy;
    expectTypeOf(mergeSummaries(summary, summary)).toEqualTypeOf<CohortSummary<ClinicRuleId, ClinicFact>>();
    expectTypeOf(summaryTable(summary)).toEqualTypeOf<readonly SummaryRow[]>();
    expectTypeOf(summarizeCohort(screenCohort(asyncRows, { ruleSet: clinicRuleSet }))).toEqualTypeOf<
      Promise<CohortSummary<ClinicRuleId, ClinicFact>>
    >();
  });

  test('the set’s own facts are no facts of the protocol’s summary', () => {
    const summary = summarizeCohort(screenCohort(rows));
    // @ts-expect-error the protocol declares no metalAllergy
    summary.missing.metalAllergy;
  });

  test('every summary counts refer and gives each rule its kind', () => {
    const summary = summarizeCohort(screenCohort(rows));
    expectTypeOf(summary.byStatus.refer).toEqualTypeOf<number>();
    expectTypeOf(summary.byRule.age).toEqualTypeOf<RuleCounts | undefined>();
    expectTypeOf<RuleCounts['kind']>().toEqualTypeOf<RuleKind>();
  });
});

describe('mergeSummaries, summaryTable, wilsonInterval, ageBand', () => {
  test('keep the rule ids and return plain values', () => {
    const summary = summarizeCohort(screenCohort(rows, { ruleSet: cautionRuleSet }));
    expectTypeOf(mergeSummaries(summary, summary)).toEqualTypeOf<CohortSummary<CautionRuleId>>();
    expectTypeOf(summaryTable(summary)).toEqualTypeOf<readonly SummaryRow[]>();
    expectTypeOf(wilsonInterval(1, 2)).toEqualTypeOf<WilsonInterval>();
    expectTypeOf(ageBand(40, [0, 18])).toEqualTypeOf<string>();
  });
});
