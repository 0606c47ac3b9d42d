// conformanceSql: a query that checks an engine against `screen`. It carries test vectors as
// literal rows, screens them with the SQL that screeningSql writes for the dialect, and returns
// the rows whose answers differ from the answers `screen` gave when the query was written. No
// rows: the engine computes what `screen` computes, on every rule kind, every storage of a fact
// and the edges of the age. This is how a user checks an engine that the tests here cannot run.
import { fail, ok, type Result } from '../_internal/result.js';
import { ageOn } from '../facts/age-on.js';
import type { PatientFacts } from '../facts/patient-facts.js';
import { ageRule } from '../screening/age-rule.js';
import { defineRuleSet } from '../screening/define-rule-set.js';
import { screen } from '../screening/screen.js';
import { compile, invalidCondition, listedFacts, missingCondition, statusExpression } from './compile.js';
import { type Dialect, dialects, type SqlDialect, sqlDialects } from './dialects.js';
import type { SqlQuery } from './sql-options.js';

type State = 'missing' | 'false' | 'true' | 'invalid';

/** A test vector: each fact's state, and the age as birth and index dates or as years. */
interface Vector {
  readonly birth?: string | null;
  readonly index?: string;
  readonly years?: number | null;
  readonly boolean: readonly [State, State, State, State, State];
  readonly codes: State;
  readonly zeroOne: State;
}

/** Facts in boolean columns, in the columns' order. */
const BOOLEAN_FACTS = ['pregnant', 'epilepsy', 'pacemaker', 'electroacupuncturePlanned', 'nightPain'] as const;
const STATES: readonly State[] = ['missing', 'false', 'true'];

/** The rule set the vectors are screened with: every kind of rule and condition. */
function conformanceRuleSet() {
  const source = { title: 'acuspine conformance vectors' };
  return defineRuleSet({
    id: 'acuspine-conformance',
    version: '1',
    rules: [
      ageRule(),
      { id: 'any-of-two', kind: 'absolute', when: { type: 'any', facts: ['pregnant', 'epilepsy'] }, source },
      {
        id: 'all-of-two',
        kind: 'relative',
        when: { type: 'all', facts: ['pacemaker', 'electroacupuncturePlanned'] },
        source,
      },
      {
        id: 'referral',
        kind: 'referral',
        urgency: 'urgent',
        evidence: 'test vectors',
        when: { type: 'any', facts: ['nightPain'] },
        source,
      },
      { id: 'coded', kind: 'absolute', when: { type: 'any', facts: ['acuteInfection'] }, source },
      { id: 'zero-one', kind: 'relative', when: { type: 'any', facts: ['needlePhobia'] }, source },
    ],
  });
}

/** Every pair of states of each rule's facts, the storages' invalid values, and the age's edges. */
function vectors(): Vector[] {
  const list: Vector[] = [];
  const adult = { birth: '1980-06-15', index: '2026-12-01' };
  for (let n = 0; n < 3 ** 5; n += 4) {
    const digit = (place: number) => STATES[Math.floor(n / 3 ** place) % 3] as State;
    list.push({
      ...adult,
      boolean: [digit(0), digit(1), digit(2), digit(3), digit(4)],
      codes: STATES[n % 3] as State,
      zeroOne: STATES[(n + 1) % 3] as State,
    });
  }
  const settled = {
    boolean: ['false', 'false', 'false', 'false', 'false'] as const,
    codes: 'false',
    zeroOne: 'false',
  } as const;
  for (const [codes, zeroOne] of [
    ['invalid', 'false'],
    ['false', 'invalid'],
    ['invalid', 'invalid'],
    ['true', 'invalid'],
  ] as const) {
    list.push({ ...adult, ...settled, codes, zeroOne });
  }
  for (const [birth, index] of [
    ['2023-12-02', '2026-12-01'], // 2: under 3
    ['2023-12-01', '2026-12-01'], // 3 on the day
    ['1951-12-01', '2026-12-01'], // 75 on the day
    ['1950-12-02', '2026-12-01'], // 75, a day short of 76
    ['1950-12-01', '2026-12-01'], // 76 on the day
    ['2000-02-29', '2025-02-28'], // 24: a 29 February birthday is not reached on 28 February
    ['2000-02-29', '2025-03-01'], // 25 on 1 March
    ['2000-02-29', '2024-02-29'], // 24 on the day in a leap year
    ['1872-01-01', '2026-12-01'], // 154: invalid
    ['2027-01-01', '2026-12-01'], // born after the index date: invalid
    [null, '2026-12-01'], // not recorded
  ] as const) {
    list.push({ birth, index, ...settled });
  }
  return list;
}

/** The age as a number of years, at the edges of the protocol's bounds and of validity. */
function yearVectors(): Vector[] {
  const settled = {
    boolean: ['false', 'false', 'false', 'false', 'false'] as const,
    codes: 'false',
    zeroOne: 'false',
  } as const;
  return [0, 2.999, 3, 40.5, 75.999, 76, 149.99, 150, -1, -0.5, null].map((years) => ({ years, ...settled }));
}

const BOOLEAN_VALUE: Record<State, boolean | undefined> = {
  missing: undefined,
  false: false,
  true: true,
  invalid: undefined,
};

/** The record `screen` reads for a vector. */
function recordOf(vector: Vector): PatientFacts {
  const record: Record<string, unknown> = {};
  BOOLEAN_FACTS.forEach((fact, i) => {
    const value = BOOLEAN_VALUE[vector.boolean[i] as State];
    if (value !== undefined) record[fact] = value;
  });
  const coded = { missing: undefined, false: false, true: true, invalid: 'an unlisted code' }[vector.codes];
  if (coded !== undefined) record.acuteInfection = coded;
  const zeroOne = { missing: undefined, false: false, true: true, invalid: 2 }[vector.zeroOne];
  if (zeroOne !== undefined) record.needlePhobia = zeroOne;
  const { birth, index, years } = vector;
  if (years !== undefined && years !== null) record.ageYears = years;
  if (typeof birth === 'string' && typeof index === 'string') {
    // A birth date after the index date has no age: the SQL reads it as invalid, as here.
    record.ageYears = birth > index ? -1 : ageOn(birth, index);
  }
  return record as PatientFacts;
}

/** A vector's literals, every value cast to its column's type, in the order of columnsOf. */
function rowOf(dialect: Dialect, vector: Vector, id: number, expected: readonly string[]): string[] {
  const { types } = dialect;
  const cast = (value: string, type: string) => `CAST(${value} AS ${type})`;
  const bool = (state: State) =>
    cast(
      state === 'missing'
        ? 'NULL'
        : types.boolean === 'BOOLEAN' || types.boolean === 'BOOL'
          ? state.toUpperCase()
          : state === 'true'
            ? '1'
            : '0',
      types.boolean,
    );
  const date = (value: string | null) =>
    value === null ? cast('NULL', types.date) : cast(dialect.date(value), types.date);
  return [
    String(id),
    ...expected.map((value) => cast(dialect.text(value), types.text)),
    ...(vector.years === undefined
      ? [date(vector.birth ?? null), date(vector.index as string)]
      : [cast(vector.years === null ? 'NULL' : String(vector.years), types.double)]),
    ...BOOLEAN_FACTS.map((_, i) => bool(vector.boolean[i] as State)),
    cast({ missing: 'NULL', false: "'N'", true: "'Y'", invalid: "'?'" }[vector.codes], types.text),
    cast({ missing: 'NULL', false: '0', true: '1', invalid: '2' }[vector.zeroOne], types.integer),
  ];
}

const EXPECTED = ['expected_status', 'expected_outcomes', 'expected_missing', 'expected_invalid'] as const;
/** The columns of the vectors' relation, with the age as dates or as years. */
const columnsOf = (age: readonly string[]): readonly string[] => [
  'vector_id',
  ...EXPECTED,
  ...age,
  ...BOOLEAN_FACTS,
  'infection_code',
  'phobia_flag',
];

/**
 * The vectors as one relation: a VALUES list where the dialect names its columns (one operator,
 * which engines plan fast), else one SELECT per vector joined by UNION ALL (SQLite, BigQuery).
 */
function relationOf(dialect: SqlDialect, rows: readonly string[][], age: readonly string[]): string {
  const q = dialects[dialect].quote;
  const columns = columnsOf(age);
  if (dialect === 'sqlite' || dialect === 'bigquery') {
    const selects = rows.map(
      (cells) => `SELECT ${cells.map((cell, i) => `${cell} AS ${q(columns[i] as string)}`).join(', ')}`,
    );
    return `(${selects.join('\nUNION ALL ')})`;
  }
  const values = rows.map((cells) => `(${cells.join(', ')})`).join(',\n');
  return `(SELECT * FROM (VALUES ${values}) AS acuspine_vectors(${columns.map((name) => q(name)).join(', ')}))`;
}

/**
 * Writes a query that screens test vectors in the engine of `dialect` and returns the vectors on
 * which the engine's answer (status, every rule's outcome, the facts missing and invalid) differs
 * from the answer of `screen`, worked out when the query is written. An engine that returns no row
 * computes, on these vectors, what `screen` computes. The vectors cover every rule kind (absolute,
 * relative, referral), every condition (any, all, age), every storage of a fact (boolean, codes,
 * 0/1) with its invalid values, and the edges of the age, 29 February included.
 *
 * Columns: `vector_id`, then for each of `status`, `outcomes`, `missing`, `invalid` the expected
 * value and the engine's (`expected_status`, `status`, ...), outcomes joined by commas in rule order.
 *
 * @returns the query, or an issue for a dialect that is not one.
 */
export function conformanceSql(dialect: SqlDialect): Result<SqlQuery> {
  if (!sqlDialects.includes(dialect)) {
    return fail([{ code: 'invalid-dialect', path: [], message: `dialect must be one of ${sqlDialects.join(', ')}` }]);
  }
  const spelled = dialects[dialect];
  const ruleSet = conformanceRuleSet();
  const q = spelled.quote;
  const expected = (vector: Vector) => {
    const screening = screen(recordOf(vector), { ruleSet });
    return [
      screening.status,
      screening.findings.map((finding) => finding.outcome).join(','),
      screening.missing.join(','),
      screening.invalid.join(','),
    ];
  };
  // Two chains of the same screening: the age from birth and index dates, and the age in years.
  const byDates = vectors();
  const byYears = yearVectors();
  const chains = [
    {
      prefix: 'acuspine_dates_',
      age: ['birth_date', 'index_date'],
      rows: byDates.map((vector, id) => rowOf(spelled, vector, id, expected(vector))),
      ageYears: { birthDate: 'birth_date', indexDate: { column: 'index_date' } },
    },
    {
      prefix: 'acuspine_years_',
      age: ['age_years'],
      rows: byYears.map((vector, id) => rowOf(spelled, vector, byDates.length + id, expected(vector))),
      ageYears: { column: 'age_years' },
    },
  ].map(
    ({ prefix, age, rows, ageYears }) =>
      compile(
        {
          dialect,
          from: { sql: relationOf(dialect, rows, age) },
          ruleSet,
          keep: ['vector_id', ...EXPECTED],
          facts: {
            ageYears,
            acuteInfection: { column: 'infection_code', as: 'codes', yes: ['Y'], no: ['N'] },
            needlePhobia: { column: 'phobia_flag', as: 'zero-one' },
          },
        },
        [],
        false,
        prefix,
      ) as NonNullable<ReturnType<typeof compile>>,
  );
  const answersOf = (compiled: NonNullable<ReturnType<typeof compile>>) => {
    const outcomes = spelled.rest(
      spelled.concat(
        compiled.rules.map(
          (rule) => `CASE ${rule.column} WHEN 1 THEN ',present' WHEN 0 THEN ',absent' ELSE ',unknown' END`,
        ),
      ),
    );
    const answers = [
      ['status', statusExpression(compiled.rules)],
      ['outcomes', outcomes],
      ['missing', listedFacts(compiled, missingCondition)],
      ['invalid', listedFacts(compiled, invalidCondition)],
    ] as const;
    return `SELECT ${['vector_id', ...EXPECTED].map((name) => q(name)).join(', ')}, ${answers.map(([name, expression]) => `${expression} AS ${q(name)}`).join(', ')} FROM ${compiled.relation}`;
  };
  const names = ['status', 'outcomes', 'missing', 'invalid'];
  const columns = ['vector_id', ...names.flatMap((name) => [`expected_${name}`, name])];
  const sql = [
    `WITH ${chains.map((chain) => chain.ctes).join(',\n')},`,
    `acuspine_answers AS (${chains.map(answersOf).join('\nUNION ALL\n')})`,
    `SELECT ${columns.map((name) => q(name)).join(', ')}`,
    'FROM acuspine_answers',
    `WHERE ${names.map((name) => `${q(name)} <> ${q(`expected_${name}`)}`).join(' OR ')}`,
    `ORDER BY ${q('vector_id')}`,
  ].join('\n');
  return ok(Object.freeze({ sql, columns: Object.freeze(columns) }));
}
