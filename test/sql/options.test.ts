// What the query writers refuse, and where; what each dialect spells its own way; and how rows
// come back into a summary. The engines' answers are checked by the property tests beside this.
import { describe, expect, it } from 'vitest';
import { ageRule, cautionRuleSet, defineRuleSet, protocolRuleSet, summarizeCohort } from '../../src/index.js';
import {
  cohortSummarySql,
  conformanceSql,
  type SqlDialect,
  screeningSql,
  sqlDialects,
  summaryFromSqlRows,
} from '../../src/sql/index.js';

const pathsOf = (result: { ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[] }[] }) =>
  result.ok ? [] : (result.issues ?? []).map(({ code, path }) => ({ code, path }));

describe('screeningSql refuses, with the path of each problem', () => {
  it.each([
    ['options that are not an object', null, [{ code: 'invalid-type', path: [] }]],
    ['an unknown dialect', { dialect: 'mysql', from: 't' }, [{ code: 'invalid-dialect', path: ['dialect'] }]],
    ['an unknown option', { dialect: 'duckdb', from: 't', fact: {} }, [{ code: 'unknown-key', path: ['fact'] }]],
    [
      'a table name with a quote',
      { dialect: 'duckdb', from: 't"; DROP TABLE x; --' },
      [{ code: 'invalid-identifier', path: ['from'] }],
    ],
    [
      'a table name of four parts',
      { dialect: 'duckdb', from: 'a.b.c.d' },
      [{ code: 'invalid-identifier', path: ['from'] }],
    ],
    [
      'a relation with a semicolon',
      { dialect: 'duckdb', from: { sql: 'x; DROP TABLE y' } },
      [{ code: 'invalid-type', path: ['from'] }],
    ],
    ['an empty relation', { dialect: 'duckdb', from: { sql: ' ' } }, [{ code: 'invalid-type', path: ['from'] }]],
    [
      'common table expressions with a semicolon',
      { dialect: 'duckdb', from: { sql: 'c', with: 'c AS (SELECT 1); DROP TABLE x' } },
      [{ code: 'invalid-type', path: ['from', 'with'] }],
    ],
    [
      'common table expressions that are no text',
      { dialect: 'duckdb', from: { sql: 'c', with: 5 } },
      [{ code: 'invalid-type', path: ['from', 'with'] }],
    ],
    ['a from that is a number', { dialect: 'duckdb', from: 5 }, [{ code: 'invalid-type', path: ['from'] }]],
    [
      'keep that is not a list',
      { dialect: 'duckdb', from: 't', keep: 'id' },
      [{ code: 'invalid-type', path: ['keep'] }],
    ],
    [
      'a kept column with a space',
      { dialect: 'duckdb', from: 't', keep: ['id', 'patient id'] },
      [{ code: 'invalid-identifier', path: ['keep', 1] }],
    ],
    [
      'a kept column named as the query’s own',
      { dialect: 'duckdb', from: 't', keep: ['Acuspine_x'] },
      [{ code: 'invalid-identifier', path: ['keep', 0] }],
    ],
    [
      'a column kept twice',
      { dialect: 'duckdb', from: 't', keep: ['id', 'ID'] },
      [{ code: 'duplicate-column', path: ['keep', 1] }],
    ],
    ['facts that are a list', { dialect: 'duckdb', from: 't', facts: [] }, [{ code: 'invalid-type', path: ['facts'] }]],
    [
      'a fact the set does not read',
      { dialect: 'duckdb', from: 't', facts: { nightPain: { column: 'n' } } },
      [{ code: 'unread-fact', path: ['facts', 'nightPain'] }],
    ],
    [
      'a fact mapped to a number',
      { dialect: 'duckdb', from: 't', facts: { pregnant: 1 } },
      [{ code: 'invalid-type', path: ['facts', 'pregnant'] }],
    ],
    [
      'a column name with a dot',
      { dialect: 'duckdb', from: 't', facts: { pregnant: { column: 'a.b' } } },
      [{ code: 'invalid-identifier', path: ['facts', 'pregnant', 'column'] }],
    ],
    [
      'an unknown storage',
      { dialect: 'duckdb', from: 't', facts: { pregnant: { column: 'p', as: 'yes-no' } } },
      [{ code: 'invalid-type', path: ['facts', 'pregnant', 'as'] }],
    ],
    [
      'codes without a no list',
      { dialect: 'duckdb', from: 't', facts: { pregnant: { column: 'p', as: 'codes', yes: ['Y'] } } },
      [{ code: 'invalid-type', path: ['facts', 'pregnant', 'no'] }],
    ],
    [
      'an empty code, and a code with a line break',
      { dialect: 'duckdb', from: 't', facts: { pregnant: { column: 'p', as: 'codes', yes: [''], no: ['N\n'] } } },
      [
        { code: 'invalid-type', path: ['facts', 'pregnant', 'yes', 0] },
        { code: 'invalid-type', path: ['facts', 'pregnant', 'no', 0] },
      ],
    ],
    [
      'a code meaning both yes and no',
      {
        dialect: 'duckdb',
        from: 't',
        facts: { pregnant: { column: 'p', as: 'codes', yes: ['Y', 'U'], no: ['N', 'U'] } },
      },
      [{ code: 'ambiguous-code', path: ['facts', 'pregnant'] }],
    ],
    [
      'an age that is text',
      { dialect: 'duckdb', from: 't', facts: { ageYears: 'age' } },
      [{ code: 'invalid-type', path: ['facts', 'ageYears'] }],
    ],
    [
      'an age in months',
      { dialect: 'duckdb', from: 't', facts: { ageYears: { column: 'age', as: 'months' } } },
      [{ code: 'invalid-type', path: ['facts', 'ageYears', 'as'] }],
    ],
    [
      'an index date that is not a date',
      { dialect: 'duckdb', from: 't', facts: { ageYears: { birthDate: 'b', indexDate: '2025-02-29' } } },
      [{ code: 'invalid-date', path: ['facts', 'ageYears', 'indexDate'] }],
    ],
    [
      'an index date that is a number',
      { dialect: 'duckdb', from: 't', facts: { ageYears: { birthDate: 'b', indexDate: 20250101 } } },
      [{ code: 'invalid-type', path: ['facts', 'ageYears', 'indexDate'] }],
    ],
    [
      'an index date column with a space, and a birth date column that is not a name',
      { dialect: 'duckdb', from: 't', facts: { ageYears: { birthDate: 5, indexDate: { column: 'visit date' } } } },
      [
        { code: 'invalid-identifier', path: ['facts', 'ageYears', 'birthDate'] },
        { code: 'invalid-identifier', path: ['facts', 'ageYears', 'indexDate', 'column'] },
      ],
    ],
    [
      'a rule set that is not one',
      { dialect: 'duckdb', from: 't', ruleSet: { id: 'x' } },
      [{ code: 'invalid-rule-set', path: ['ruleSet'] }],
    ],
  ])('%s', (_label, options, expected) => {
    expect(pathsOf(screeningSql(options as never))).toEqual(expected);
  });

  it('refuses a rule id that cannot name a column, and a rule set id with a control character', () => {
    const rule = (id: string) => ({ ...(cautionRuleSet.rules[0] as object), id });
    const set = defineRuleSet({
      id: 'set\u0007',
      version: '1',
      rules: [rule('it"s'), rule('a'.repeat(64)), rule('ok')] as never,
    });
    expect(pathsOf(screeningSql({ dialect: 'duckdb', from: 't', ruleSet: set as never }))).toEqual([
      { code: 'unwritable-text', path: ['ruleSet'] },
      { code: 'unwritable-rule-id', path: ['ruleSet', 'rules', 0, 'id'] },
      { code: 'unwritable-rule-id', path: ['ruleSet', 'rules', 1, 'id'] },
    ]);
    const wide = defineRuleSet({ id: 'x', version: '1', rules: [rule('ё'.repeat(31)), rule('ё'.repeat(32))] as never });
    expect(pathsOf(screeningSql({ dialect: 'duckdb', from: 't', ruleSet: wide as never }))).toEqual([
      { code: 'unwritable-rule-id', path: ['ruleSet', 'rules', 1, 'id'] },
    ]);
  });

  it('counts a rule id’s bytes as UTF-8 does, at most 63', () => {
    const rule = (id: string) => ({ ...(cautionRuleSet.rules[0] as object), id });
    const set = defineRuleSet({ id: 'x', version: '1', rules: [rule('€'.repeat(21)), rule('😀'.repeat(16))] as never });
    expect(pathsOf(screeningSql({ dialect: 'duckdb', from: 't', ruleSet: set as never }))).toEqual([
      { code: 'unwritable-rule-id', path: ['ruleSet', 'rules', 1, 'id'] },
    ]);
  });

  it('reads an age condition once per distinct bounds, and an age in years as a number column', () => {
    const set = defineRuleSet({
      id: 'ages',
      version: '1',
      rules: [
        ageRule(),
        { ...ageRule(), id: 'age-again' },
        { ...ageRule({ under: 18, over: 65 }), id: 'adult' },
      ] as never,
    });
    const query = screeningSql({
      dialect: 'duckdb',
      from: 't',
      ruleSet: set as never,
      facts: { ageYears: { column: 'age', as: 'years' } },
    });
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    expect(query.value.sql).toContain('acuspine_age_1');
    expect(query.value.sql).not.toContain('acuspine_age_2');
    expect(query.value.sql).toContain('acuspine_source."age"');
    const plain = screeningSql({ dialect: 'duckdb', from: 't', facts: { ageYears: { column: 'age' } } });
    expect(plain.ok && plain.value.sql).toContain('acuspine_source."age"');
  });

  it('refuses a kept column that would share its name with an output column', () => {
    expect(pathsOf(screeningSql({ dialect: 'duckdb', from: 't', keep: ['Status'] }))).toEqual([
      { code: 'duplicate-column', path: ['keep'] },
    ]);
  });
});

describe('what each dialect writes its own way', () => {
  const everyMapping = {
    from: 'cohorts.patients',
    keep: ['id'],
    facts: {
      ageYears: { birthDate: 'birth_date', indexDate: '2026-12-01' },
      pregnant: { column: 'pregnancy', as: 'codes', yes: ["it's yes", 'Y\\'], no: ['N'] },
      oncologicalDisease: { column: 'onco', as: 'zero-one' },
    },
  } as const;
  const expected: Record<SqlDialect, readonly string[]> = {
    duckdb: ['"cohorts"."patients"', "DATE '2026-12-01'", "'it''s yes'", 'FLOOR(', 'EXTRACT(YEAR FROM', ' || '],
    postgres: [
      '"cohorts"."patients"',
      "DATE '2026-12-01'",
      "E'it\\'s yes'",
      "E'Y\\\\'",
      'FLOOR(',
      'EXTRACT(MONTH FROM',
    ],
    sqlite: [
      '"cohorts"."patients"',
      "'2026-12-01'",
      "'it''s yes'",
      'CAST(acuspine_f_',
      "strftime('%d'",
      ' = 1 THEN 2 WHEN ',
    ],
    spark: ['`cohorts`.`patients`', "DATE '2026-12-01'", "'it\\u0027s yes'", "'Y\\u005c'", 'FLOOR('],
    bigquery: ['`cohorts`.`patients`', "DATE '2026-12-01'", "'it\\u0027s yes'", 'EXTRACT(DAY FROM'],
    trino: ['"cohorts"."patients"', "DATE '2026-12-01'", "'it''s yes'"],
    tsql: ['[cohorts].[patients]', "CAST('2026-12-01' AS DATE)", "N'it''s yes'", 'DATEPART(YEAR,', ' + ', 'SUBSTRING('],
  };

  it.each(sqlDialects.map((dialect) => [dialect]))('%s', (dialect) => {
    const query = screeningSql({ dialect, ...everyMapping });
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    for (const text of expected[dialect]) expect(query.value.sql).toContain(text);
    expect(query.value.sql.split(';')).toHaveLength(1);
    expect(query.value.columns).toEqual([
      'id',
      'status',
      ...protocolRuleSet.rules.map((rule) => rule.id),
      'missing',
      'invalid',
      'rule_set_id',
      'rule_set_version',
    ]);
    const summary = cohortSummarySql({
      dialect,
      from: everyMapping.from,
      facts: everyMapping.facts,
      groupBy: { sql: 'region' },
    });
    if (!summary.ok) throw new Error(JSON.stringify(summary.issues));
    expect(summary.value.columns[0]).toBe('group');
    expect(summary.value.sql).toContain('GROUP BY acuspine_group');
  });
});

describe('cohortSummarySql', () => {
  it('refuses keep, and a grouping that is neither a column nor an expression', () => {
    expect(pathsOf(cohortSummarySql({ dialect: 'duckdb', from: 't', keep: ['id'] } as never))).toEqual([
      { code: 'unknown-key', path: ['keep'] },
    ]);
    for (const groupBy of ['site name', { sql: 'a; b' }, 5]) {
      expect(pathsOf(cohortSummarySql({ dialect: 'duckdb', from: 't', groupBy } as never))).toEqual([
        { code: 'invalid-type', path: ['groupBy'] },
      ]);
    }
  });

  it('names its columns by position, so that no engine shortens a long rule id', () => {
    const query = cohortSummarySql({ dialect: 'postgres', from: 't' });
    if (!query.ok) throw new Error('expected a query');
    expect(query.value.columns.slice(0, 8)).toEqual([
      'total',
      'invalid',
      'status_eligible',
      'status_caution',
      'status_incomplete',
      'status_contraindicated',
      'status_refer',
      'rule_0_present',
    ]);
  });
});

describe('summaryFromSqlRows', () => {
  const zeros = (query: readonly string[]) => Object.fromEntries(query.map((column) => [column, 0]));
  const columns = (() => {
    const query = cohortSummarySql({ dialect: 'duckdb', from: 't' });
    if (!query.ok) throw new Error('expected a query');
    return query.value.columns;
  })();

  it('reads counts as numbers, bigints and strings of digits, and gives what summarizeCohort gives', () => {
    const row = { ...zeros(columns), total: 3n, invalid: '1', status_eligible: 2 };
    const summary = summaryFromSqlRows([row]);
    expect(summary.ok).toBe(true);
    const expected = summarizeCohort([], { ruleSet: protocolRuleSet });
    if (!summary.ok) return;
    expect(summary.value.total).toBe(3);
    expect(summary.value.invalid).toBe(1);
    expect(summary.value.byStatus.eligible).toBe(2);
    expect(Object.keys(summary.value.byRule)).toEqual(Object.keys(expected.byRule));
    expect(Object.keys(summary.value.missing)).toEqual(Object.keys(expected.missing));
  });

  it('refuses what is not a count, naming the row and the column', () => {
    const rows = [
      {
        ...zeros(columns),
        total: -1,
        invalid: 1.5,
        status_refer: '1e3',
        rule_0_present: 2n ** 60n,
        fact_0_missing: null,
      },
    ];
    expect(pathsOf(summaryFromSqlRows(rows))).toEqual([
      { code: 'invalid-count', path: [0, 'total'] },
      { code: 'invalid-count', path: [0, 'invalid'] },
      { code: 'invalid-count', path: [0, 'status_refer'] },
      { code: 'invalid-count', path: [0, 'rule_0_present'] },
      { code: 'invalid-count', path: [0, 'fact_0_missing'] },
    ]);
  });

  it('refuses a total that is not its parts, rows that are not one, and a rule set that is not one', () => {
    expect(pathsOf(summaryFromSqlRows([{ ...zeros(columns), total: 2 }]))).toEqual([
      { code: 'inconsistent-counts', path: [0] },
    ]);
    expect(pathsOf(summaryFromSqlRows([]))).toEqual([{ code: 'invalid-type', path: [] }]);
    expect(pathsOf(summaryFromSqlRows('rows' as never))).toEqual([{ code: 'invalid-type', path: [] }]);
    expect(pathsOf(summaryFromSqlRows([null]))).toEqual([{ code: 'invalid-type', path: [0] }]);
    expect(pathsOf(summaryFromSqlRows([zeros(columns)], { ruleSet: { id: 'x' } as never }))).toEqual([
      { code: 'invalid-rule-set', path: ['ruleSet'] },
    ]);
  });

  it('refuses a group key that is not text, and a group that comes twice; sorts groups as summarizeCohort does', () => {
    const row = (group: unknown) => ({ ...zeros(columns), group });
    expect(pathsOf(summaryFromSqlRows([row(null)], { groupBy: 'site' }))).toEqual([
      { code: 'invalid-group', path: [0, 'group'] },
    ]);
    expect(pathsOf(summaryFromSqlRows([row('a'), row('a')], { groupBy: 'site' }))).toEqual([
      { code: 'duplicate-group', path: [1, 'group'] },
    ]);
    const grouped = summaryFromSqlRows([row('east-10'), row('east-2')], { groupBy: 'site' });
    expect(grouped.ok && Object.keys(grouped.value.groups ?? {})).toEqual(['east-2', 'east-10']);
    const empty = summaryFromSqlRows([], { groupBy: 'site' });
    expect(empty).toEqual({ ok: true, value: summarizeCohort([], { ruleSet: protocolRuleSet, groupBy: () => 'x' }) });
  });
});

describe('conformanceSql', () => {
  it.each(sqlDialects.map((dialect) => [dialect]))('writes the check for %s, one statement', (dialect) => {
    const query = conformanceSql(dialect);
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    expect(query.value.columns).toEqual([
      'vector_id',
      'expected_status',
      'status',
      'expected_outcomes',
      'outcomes',
      'expected_missing',
      'missing',
      'expected_invalid',
      'invalid',
    ]);
    expect(query.value.sql).toContain(dialect === 'sqlite' || dialect === 'bigquery' ? 'UNION ALL' : 'VALUES');
    expect(query.value.sql.split(';')).toHaveLength(1);
  });

  it('refuses a dialect that is not one', () => {
    expect(pathsOf(conformanceSql('mysql' as never))).toEqual([{ code: 'invalid-dialect', path: [] }]);
  });
});

describe('a relation with its common table expressions', () => {
  it('writes them first in the query’s own WITH, for the screening and the summary', () => {
    const from = { sql: 'visits', with: 'visits AS (SELECT * FROM raw_visits WHERE site = 1)' };
    const screening = screeningSql({ dialect: 'tsql', from });
    const summary = cohortSummarySql({ dialect: 'tsql', from });
    if (!screening.ok || !summary.ok) throw new Error('options');
    for (const sql of [screening.value.sql, summary.value.sql]) {
      expect(sql.startsWith(`WITH ${from.with},\nacuspine_facts AS (`)).toBe(true);
      expect(sql).toContain('FROM visits AS acuspine_source');
      expect(sql.match(/\bWITH\b/g)).toHaveLength(1);
    }
  });
});
