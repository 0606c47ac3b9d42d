// The property tests that every engine the SQL is really run on must pass: every row of
// screeningSql equals `screen` on the same record, and every summary from cohortSummarySql equals
// `summarizeCohort`. Each engine's test file gives its Engine and calls describeEquivalence.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  ageOn,
  ageRule,
  defineRuleSet,
  type PatientFacts,
  type RuleSet,
  screen,
  screenCohort,
  summarizeCohort,
} from '../../src/index.js';
import {
  cohortSummarySql,
  conformanceSql,
  type SqlDialect,
  type SqlFactSource,
  screeningSql,
  summaryFromSqlRows,
} from '../../src/sql/index.js';
import {
  cellValue,
  factPool,
  factsRead,
  jsValue,
  mappingOf,
  type PoolFact,
  records,
  ruleSets,
  type Storage,
  storages,
} from './generated.js';

export type ColumnType = 'boolean' | 'integer' | 'double' | 'text' | 'date';

/** An SQL engine, really running. */
export interface Engine {
  readonly dialect: SqlDialect;
  /** Whether a double column keeps NaN (SQLite stores NULL). */
  readonly allowNaN: boolean;
  /** Whether booleans are numbers (SQLite, SQL Server). */
  readonly numericBooleans: boolean;
  /** Replaces the table `name` with one of these columns and rows. */
  load(name: string, columns: readonly { name: string; type: ColumnType }[], rows: readonly unknown[][]): Promise<void>;
  /** Runs a query and returns its rows as objects keyed by column name. */
  query(sql: string): Promise<Record<string, unknown>[]>;
}

const columnType = (storage: Storage, engine: Engine): ColumnType =>
  storage === 'codes' ? 'text' : storage === 'zero-one' || engine.numericBooleans ? 'integer' : 'boolean';

type Generated = { ageYears: number | null; group: string } & Record<PoolFact, string>;

/** The records as a table for the engine, and as records for `screen`. */
async function loadCohort(
  engine: Engine,
  ruleSet: RuleSet<string, string>,
  storage: Record<PoolFact, Storage>,
  rows: readonly Generated[],
) {
  const read = factsRead(ruleSet);
  await engine.load(
    'cohort',
    [
      { name: 'id', type: 'integer' },
      { name: 'site', type: 'text' },
      { name: 'ageYears', type: 'double' },
      ...factPool.map((fact) => ({ name: fact, type: columnType(storage[fact], engine) })),
    ],
    rows.map((row, index) => [
      index,
      row.group,
      row.ageYears,
      ...factPool.map((fact) => cellValue(row[fact] as never, storage[fact], engine.numericBooleans)),
    ]),
  );
  const mapping: Record<string, SqlFactSource> = {};
  for (const fact of read) if (fact !== 'ageYears') mapping[fact] = mappingOf(fact, storage[fact as PoolFact]);
  const jsRecords = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const fact of read) {
      const value = fact === 'ageYears' ? (row.ageYears ?? undefined) : jsValue(row[fact as PoolFact] as never);
      if (value !== undefined) record[fact] = value;
    }
    return record;
  });
  return { mapping, jsRecords };
}

/** Every row of the query against `screen` on its record. */
function expectRowsToMatch(
  rows: readonly Record<string, unknown>[],
  jsRecords: readonly Record<string, unknown>[],
  ruleSet: RuleSet<string, string>,
) {
  expect(rows).toHaveLength(jsRecords.length);
  rows.forEach((row, index) => {
    const screening = screen(jsRecords[Number(row.id)] as PatientFacts, { ruleSet: ruleSet as never });
    const context = { record: jsRecords[Number(row.id)], row };
    expect({ ...context, status: row.status }).toEqual({ ...context, status: screening.status });
    for (const finding of screening.findings)
      expect({ ...context, [finding.rule]: row[finding.rule] }).toEqual({
        ...context,
        [finding.rule]: finding.outcome,
      });
    expect({ ...context, missing: row.missing }).toEqual({ ...context, missing: screening.missing.join(',') });
    expect({ ...context, invalid: row.invalid }).toEqual({ ...context, invalid: screening.invalid.join(',') });
    expect([row.rule_set_id, row.rule_set_version]).toEqual([ruleSet.id, ruleSet.version]);
    void index;
  });
}

export function describeEquivalence(name: string, engine: () => Engine): void {
  describe(`${name}: compiled rule sets`, () => {
    test('pass the conformance query: no vector answered otherwise than screen answers it', async () => {
      const e = engine();
      const query = conformanceSql(e.dialect);
      if (!query.ok) throw new Error(JSON.stringify(query.issues));
      expect(await e.query(query.value.sql)).toEqual([]);
      // Every vector, with what the engine answered: every status comes up, so no row is no proof
      // only because nothing was compared.
      const everyVector = await e.query(query.value.sql.replace(/\nWHERE .*\n/, '\n'));
      expect(everyVector.length).toBeGreaterThan(70);
      expect(new Set(everyVector.map((row) => row.status))).toEqual(
        new Set(['eligible', 'caution', 'incomplete', 'contraindicated', 'refer']),
      );
      expect(everyVector.some((row) => String(row.invalid).includes('ageYears'))).toBe(true);
      expect(everyVector.some((row) => String(row.invalid).includes('acuteInfection'))).toBe(true);
      expect(everyVector.some((row) => String(row.invalid).includes('needlePhobia'))).toBe(true);
    });

    const cohort = (e: Engine) =>
      storages.chain((storage) => fc.tuple(fc.constant(storage), fc.array(records(storage, e), { maxLength: 25 })));

    test.prop([ruleSets, fc.constant(null).chain(() => cohort(engine()))], { numRuns: 40 })(
      'give every row the screening that screen gives its record',
      async (ruleSet, [storage, rows]) => {
        const e = engine();
        const { mapping, jsRecords } = await loadCohort(e, ruleSet, storage, rows);
        const query = screeningSql({ dialect: e.dialect, from: 'cohort', ruleSet, facts: mapping, keep: ['id'] });
        if (!query.ok) throw new Error(JSON.stringify(query.issues));
        const result = await e.query(`${query.value.sql}\nORDER BY ${e.dialect === 'tsql' ? '[id]' : '"id"'}`);
        expect(Object.keys(result[0] ?? Object.fromEntries(query.value.columns.map((c) => [c, 0])))).toEqual(
          query.value.columns,
        );
        expectRowsToMatch(result, jsRecords, ruleSet);
      },
    );

    test.prop([ruleSets, fc.constant(null).chain(() => cohort(engine())), fc.boolean()], { numRuns: 40 })(
      'give the summary that summarizeCohort gives, grouped or not',
      async (ruleSet, [storage, rows], grouped) => {
        const e = engine();
        const { mapping, jsRecords } = await loadCohort(e, ruleSet, storage, rows);
        const options = {
          dialect: e.dialect,
          from: 'cohort',
          ruleSet,
          facts: mapping,
          ...(grouped ? { groupBy: 'site' } : {}),
        };
        const query = cohortSummarySql(options);
        if (!query.ok) throw new Error(JSON.stringify(query.issues));
        const summary = summaryFromSqlRows(await e.query(query.value.sql), options);
        const expected = summarizeCohort(screenCohort(jsRecords, { ruleSet: ruleSet as never }), {
          ruleSet: ruleSet as never,
          ...(grouped ? { groupBy: (entry) => (rows[entry.index] as Generated).group } : {}),
        });
        expect(summary).toEqual({ ok: true, value: expected });
      },
    );

    test.prop(
      [
        fc.array(
          fc.record({
            birth: fc.date({ min: new Date('1870-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
            index: fc.oneof(
              fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
              fc.constantFrom(
                new Date('2025-02-28'),
                new Date('2025-03-01'),
                new Date('2024-02-29'),
                new Date('2028-02-28'),
              ),
            ),
          }),
          { maxLength: 30 },
        ),
      ],
      { numRuns: 30 },
    )('count completed years from a birth date to an index date as ageOn does, 29 February included', async (pairs) => {
      const e = engine();
      const iso = (date: Date) => date.toISOString().slice(0, 10);
      const leapBirths = pairs.map(({ birth, index }, i) => ({
        birth: i % 3 === 0 ? `${2000 + 4 * (i % 6)}-02-29` : iso(birth),
        index: iso(index),
      }));
      await e.load(
        'births',
        [
          { name: 'id', type: 'integer' },
          { name: 'birth_date', type: 'date' },
          { name: 'visit_date', type: 'date' },
        ],
        leapBirths.map(({ birth, index }, i) => [i, birth, index]),
      );
      const ageOnly = defineRuleSet({ id: 'age only', version: '1', rules: [ageRule()] });
      const query = screeningSql({
        dialect: e.dialect,
        from: 'births',
        ruleSet: ageOnly,
        facts: { ageYears: { birthDate: 'birth_date', indexDate: { column: 'visit_date' } } },
        keep: ['id'],
      });
      if (!query.ok) throw new Error(JSON.stringify(query.issues));
      const result = await e.query(`${query.value.sql}\nORDER BY "id"`);
      result.forEach((row) => {
        const { birth, index } = leapBirths[Number(row.id)] as { birth: string; index: string };
        let ageYears: number;
        try {
          ageYears = ageOn(birth, index);
        } catch {
          ageYears = -1;
        }
        const screening = screen({ ageYears }, { ruleSet: ageOnly });
        expect({ birth, index, age: row.age, invalid: row.invalid }).toEqual({
          birth,
          index,
          age: screening.findings.find((f) => f.rule === 'age')?.outcome,
          invalid: screening.invalid.join(','),
        });
      });
    });
  });
}
