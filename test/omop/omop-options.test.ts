// What omopFactsSql refuses, and where; what it writes for each dialect and rule set; a clinic's own
// codes; and an index table naming a person the CDM does not hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSystems } from '../../src/fhir/index.js';
import { defineRuleSet, protocolRuleSet, redFlagRuleSet } from '../../src/index.js';
import { omopFactsSql, screeningSql, sqlDialects } from '../../src/sql/index.js';
import { bundle, condition, ICD10, patient } from '../fhir/fixtures/builders.js';
import { type CdmTables, loadCdm } from './cdm.js';
import { type Engine, openDuckDb } from './engines.js';
import { cdmFromFhir } from './from-fhir.js';

const pathsOf = (result: { ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[] }[] }) =>
  result.ok ? [] : (result.issues ?? []).map(({ code, path }) => ({ code, path }));

const clinicList = {
  id: 'clinic-oncology',
  title: 'Local oncology codes',
  kind: 'counts',
  fact: 'oncologicalDisease',
  systems: ['https://clinic.example/codes'],
  codes: ['ONC-1'],
  source: { title: 'Clinic code book, 2026 edition' },
} as const;

describe('omopFactsSql refuses, with the path of each problem', () => {
  const base = { dialect: 'duckdb', indexDate: '2026-11-24' } as const;
  it.each([
    ['options that are not an object', null, [{ code: 'invalid-type', path: [] }]],
    ['an unknown dialect', { ...base, dialect: 'mysql' }, [{ code: 'invalid-dialect', path: ['dialect'] }]],
    ['an unknown option', { ...base, closedworld: 'never' }, [{ code: 'unknown-key', path: ['closedworld'] }]],
    [
      'a schema with a quote',
      { ...base, cdmSchema: 'cdm"; --' },
      [{ code: 'invalid-identifier', path: ['cdmSchema'] }],
    ],
    ['a schema of three parts', { ...base, cdmSchema: 'a.b.c' }, [{ code: 'invalid-identifier', path: ['cdmSchema'] }]],
    ['a schema that is a number', { ...base, cdmSchema: 5 }, [{ code: 'invalid-identifier', path: ['cdmSchema'] }]],
    [
      'a schema with one bad part',
      { ...base, cdmSchema: 'omop.cdm x' },
      [{ code: 'invalid-identifier', path: ['cdmSchema'] }],
    ],
    [
      'an index table of four parts',
      { ...base, indexDate: { from: 'a.b.c.d' } },
      [{ code: 'invalid-identifier', path: ['indexDate', 'from'] }],
    ],
    [
      'an index table with one bad part',
      { ...base, indexDate: { from: 'results.x y' } },
      [{ code: 'invalid-identifier', path: ['indexDate', 'from'] }],
    ],
    [
      'an index relation that is no text',
      { ...base, indexDate: { from: { sql: 5 } } },
      [{ code: 'invalid-type', path: ['indexDate', 'from'] }],
    ],
    [
      'an empty index relation',
      { ...base, indexDate: { from: { sql: ' ' } } },
      [{ code: 'invalid-type', path: ['indexDate', 'from'] }],
    ],
    [
      'common table expressions that are no text',
      { ...base, indexDate: { from: { sql: 'c', with: 5 } } },
      [{ code: 'invalid-type', path: ['indexDate', 'from', 'with'] }],
    ],
    [
      'an acute window of more than a century',
      { ...base, acuteWindowDays: 36_501 },
      [{ code: 'invalid-type', path: ['acuteWindowDays'] }],
    ],
    ['vocabularies that are null', { ...base, vocabularies: null }, [{ code: 'invalid-type', path: ['vocabularies'] }]],
    [
      'vocabularies that are text',
      { ...base, vocabularies: 'CLINIC' },
      [{ code: 'invalid-type', path: ['vocabularies'] }],
    ],
    [
      'a vocabulary_id that is a number',
      { ...base, vocabularies: { 'https://clinic.example/codes': 7 } },
      [{ code: 'invalid-type', path: ['vocabularies', 'https://clinic.example/codes'] }],
    ],
    ['no index date', { dialect: 'duckdb' }, [{ code: 'invalid-type', path: ['indexDate'] }]],
    [
      'an index date that is no date',
      { ...base, indexDate: '2026-02-30' },
      [{ code: 'invalid-date', path: ['indexDate'] }],
    ],
    [
      'an index table with a semicolon',
      { ...base, indexDate: { from: { sql: 'x; DROP TABLE y' } } },
      [{ code: 'invalid-type', path: ['indexDate', 'from'] }],
    ],
    [
      'an index table name with a space',
      { ...base, indexDate: { from: 'results cohort' } },
      [{ code: 'invalid-identifier', path: ['indexDate', 'from'] }],
    ],
    [
      'an index table with a bad column',
      { ...base, indexDate: { from: 'results.cohort', personId: 'subject id' } },
      [{ code: 'invalid-identifier', path: ['indexDate', 'personId'] }],
    ],
    [
      'an index table whose common table expressions hold a semicolon',
      { ...base, indexDate: { from: { sql: 'c', with: 'c AS (SELECT 1); DROP TABLE x' } } },
      [{ code: 'invalid-type', path: ['indexDate', 'from', 'with'] }],
    ],
    [
      'an index table that is a number',
      { ...base, indexDate: { from: 5 } },
      [{ code: 'invalid-type', path: ['indexDate', 'from'] }],
    ],
    ['a closed world of true', { ...base, closedWorld: true }, [{ code: 'invalid-type', path: ['closedWorld'] }]],
    [
      'a negative acute window',
      { ...base, acuteWindowDays: -1 },
      [{ code: 'invalid-type', path: ['acuteWindowDays'] }],
    ],
    [
      'an acute window of half a day',
      { ...base, acuteWindowDays: 1.5 },
      [{ code: 'invalid-type', path: ['acuteWindowDays'] }],
    ],
    [
      'extra codes that are no list',
      { ...base, extraCodes: clinicList },
      [{ code: 'invalid-type', path: ['extraCodes'] }],
    ],
    [
      'a list without its source',
      {
        ...base,
        extraCodes: [{ ...clinicList, source: undefined }],
        vocabularies: { 'https://clinic.example/codes': 'CLINIC' },
      },
      [{ code: 'invalid-option', path: ['extraCodes', 0, 'source'] }],
    ],
    [
      'a list in a code system with no vocabulary_id',
      { ...base, extraCodes: [clinicList] },
      [{ code: 'unknown-vocabulary', path: ['extraCodes', 0, 'systems', 0] }],
    ],
    [
      'a code with a control character',
      {
        ...base,
        extraCodes: [{ ...clinicList, codes: ['ONC\n1'] }],
        vocabularies: { 'https://clinic.example/codes': 'CLINIC' },
      },
      [{ code: 'unwritable-text', path: ['extraCodes', 0] }],
    ],
    ['vocabularies that are a list', { ...base, vocabularies: [] }, [{ code: 'invalid-type', path: ['vocabularies'] }]],
    [
      'a shipped system given another vocabulary',
      { ...base, vocabularies: { [codeSystems.snomed]: 'SNOMEDCT' } },
      [{ code: 'invalid-type', path: ['vocabularies', codeSystems.snomed] }],
    ],
    [
      'a vocabulary_id with a quote',
      { ...base, vocabularies: { 'https://clinic.example/codes': "CL'INIC" } },
      [{ code: 'invalid-type', path: ['vocabularies', 'https://clinic.example/codes'] }],
    ],
    [
      'a rule set that is not one',
      { ...base, ruleSet: { rules: 5 } },
      [{ code: 'invalid-rule-set', path: ['ruleSet'] }],
    ],
  ])('%s', (_name, options, expected) => {
    expect(pathsOf(omopFactsSql(options as never))).toEqual(expected);
  });
});

describe('omopFactsSql writes', () => {
  it.each(sqlDialects)('one read-only query for %s, with the columns it names', (dialect) => {
    const query = omopFactsSql({ dialect, cdmSchema: 'cdm', indexDate: '2026-11-24' });
    expect(query.ok).toBe(true);
    if (!query.ok) return;
    expect(query.value.sql.startsWith('WITH ')).toBe(true);
    expect(query.value.sql).not.toContain(';');
    expect(query.value.sql).not.toMatch(/\b(INSERT|UPDATE|DELETE|CREATE|DROP|INTO)\b/);
    expect(query.value.columns.slice(0, 3)).toEqual(['person_id', 'index_date', 'ageYears']);
    expect(query.value.keep).toEqual(['person_id', 'index_date']);
    // screeningSql takes what it gives, for every dialect.
    const { from, facts, keep } = query.value;
    expect(screeningSql({ dialect, from, facts, keep: [...keep] }).ok).toBe(true);
  });

  it('facts for exactly the facts a rule set reads, and NULL columns for those a CDM does not hold', () => {
    const protocol = omopFactsSql({ dialect: 'duckdb', indexDate: '2026-11-24', ruleSet: protocolRuleSet });
    const redFlags = omopFactsSql({ dialect: 'duckdb', indexDate: '2026-11-24', ruleSet: redFlagRuleSet });
    if (!protocol.ok || !redFlags.ok) throw new Error('options');
    expect(Object.keys(protocol.value.facts).sort()).toEqual(
      [
        'acuteInfection',
        'acuteMentalIllness',
        'ageYears',
        'coagulationDisorder',
        'oncologicalDisease',
        'pregnant',
        'psychotropicInfluence',
      ].sort(),
    );
    expect(protocol.value.unmapped).toEqual([]);
    expect(redFlags.value.facts).toMatchObject({
      caudaEquinaSyndrome: { column: 'caudaEquinaSyndrome' },
      historyOfCancer: { column: 'historyOfCancer' },
      prolongedCorticosteroidUse: { column: 'prolongedCorticosteroidUse' },
      immunosuppression: { column: 'immunosuppression' },
    });
    // The signs at the visit are in no record: NULL, never false.
    expect(redFlags.value.unmapped.length).toBeGreaterThan(5);
    expect(redFlags.value.unmapped).not.toContain('historyOfCancer');
    expect(redFlags.value.columns).toEqual(expect.arrayContaining([...redFlags.value.unmapped]));
  });

  it('a clinic’s codes as the FHIR path reads them: prefixes only in ICD-10, ICD-10-CM and ATC; no empty code', () => {
    const list = {
      id: 'clinic',
      title: 'Clinic codes',
      kind: 'counts',
      fact: 'oncologicalDisease',
      source: { title: 'Clinic code book' },
    } as const;
    const query = omopFactsSql({
      dialect: 'duckdb',
      indexDate: '2026-11-24',
      extraCodes: [
        { ...list, systems: ['https://clinic.example/codes'], prefixes: ['ONCX'] },
        { ...list, systems: [codeSystems.icd10cm], prefixes: ['C7A'], codes: ['.'] },
      ],
      vocabularies: { 'https://clinic.example/codes': 'CLINIC' },
    });
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    expect(query.value.sql).not.toContain('ONCX');
    expect(query.value.sql).toContain("SUBSTR(UPPER(REPLACE(c.concept_code, '.', '')), 1, 3) = 'C7A'");
    // The code '.' is empty once its dot is gone: it is on no list, as in the FHIR path.
    expect(query.value.sql).not.toMatch(/IN \([^)]*''|= ''/);
  });

  it('the defaults and the limits it accepts: a two-part schema, the columns of a cohort table, acute windows of 0 and 36,500 days', () => {
    const query = omopFactsSql({ dialect: 'postgres', cdmSchema: 'omop.cdm', indexDate: { from: 'results.cohort' } });
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    expect(query.value.sql).toContain('LEFT JOIN "omop"."cdm"."person" AS p');
    expect(query.value.sql).toContain('acuspine_omop_given."subject_id" AS person_id');
    expect(query.value.sql).toContain('acuspine_omop_given."cohort_start_date" AS index_date');
    expect(query.value.sql).toContain('FROM "results"."cohort" AS acuspine_omop_given');
    for (const acuteWindowDays of [0, 36_500]) {
      expect(omopFactsSql({ dialect: 'duckdb', indexDate: '2026-11-24', acuteWindowDays }).ok).toBe(true);
    }
    // A shipped system may be named with its own vocabulary.
    expect(
      omopFactsSql({ dialect: 'duckdb', indexDate: '2026-11-24', vocabularies: { [codeSystems.snomed]: 'SNOMED' } }).ok,
    ).toBe(true);
  });

  it('T-SQL and SQLite booleans as the engines store them', () => {
    const tsql = omopFactsSql({ dialect: 'tsql', indexDate: '2026-11-24', closedWorld: 'within-observation-period' });
    const sqlite = omopFactsSql({ dialect: 'sqlite', indexDate: '2026-11-24' });
    if (!tsql.ok || !sqlite.ok) throw new Error('options');
    expect(tsql.value.sql).toContain('CAST(1 AS BIT)');
    expect(tsql.value.sql).toContain('CAST(0 AS BIT)');
    expect(tsql.value.sql).not.toMatch(/\bTRUE\b|\bFALSE\b/);
    expect(sqlite.value.sql).not.toMatch(/\bTRUE\b|\bFALSE\b/);
  });
});

describe('omopFactsSql on DuckDB: a clinic’s codes, rule sets, index tables', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openDuckDb();
    const tables = cdmFromFhir([
      bundle([patient('1970-05-01', 'p1'), condition('c1', ICD10, 'D68.0', { onset: '2020-01-01' })]),
    ]);
    // A condition coded in the clinic's own vocabulary, as a CDM holds local codes (ids above 2 billion).
    const clinic: CdmTables = {
      ...tables,
      concept: [
        ...tables.concept,
        {
          ...tables.concept[0],
          concept_id: 2_100_000_000,
          vocabulary_id: 'CLINIC',
          concept_code: 'ONC-1',
          concept_name: 'Local oncology',
          standard_concept: null,
        },
      ] as CdmTables['concept'],
      condition_occurrence: [
        ...tables.condition_occurrence,
        {
          ...(tables.condition_occurrence[0] as CdmTables['condition_occurrence'][number]),
          condition_occurrence_id: 2,
          condition_concept_id: 0,
          condition_source_concept_id: 2_100_000_000,
        },
      ],
      observation_period: [
        {
          observation_period_id: 1,
          person_id: 1,
          observation_period_start_date: '2019-01-01',
          observation_period_end_date: '2026-12-31',
          period_type_concept_id: 32817,
        },
      ],
    };
    await loadCdm(engine.run, 'duckdb', 'cdm', clinic);
    await engine.run('CREATE TABLE main.visits (patient BIGINT, visit_day DATE)');
    await engine.run(
      "INSERT INTO main.visits VALUES (1, DATE '2026-11-24'), (1, DATE '2019-06-01'), (77, DATE '2026-11-24')",
    );
  });
  afterAll(async () => {
    await engine.close();
  });

  const factsOf = async (options: Record<string, unknown>) => {
    const query = omopFactsSql({ dialect: 'duckdb', cdmSchema: 'cdm', indexDate: '2026-11-24', ...options } as never);
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    return engine.query(query.value.sql);
  };

  it('a code of a vocabulary no list names leaves the facts of a condition unrecorded, even in a closed world', async () => {
    const [row] = await factsOf({ closedWorld: 'within-observation-period' });
    expect(row).toMatchObject({
      coagulationDisorder: true,
      oncologicalDisease: null,
      acuteInfection: null,
      pregnant: null,
    });
  });

  it('the clinic’s list, with its vocabulary, sets the fact; the other facts are read as the closed world says', async () => {
    const [row] = await factsOf({
      closedWorld: 'within-observation-period',
      extraCodes: [clinicList],
      vocabularies: { 'https://clinic.example/codes': 'CLINIC' },
    });
    expect(row).toMatchObject({
      coagulationDisorder: true,
      oncologicalDisease: true,
      acuteInfection: false,
      pregnant: false,
    });
  });

  it('an index table: one row per person and date; a person the CDM does not hold has no age and no record', async () => {
    const rows = await factsOf({ indexDate: { from: 'main.visits', personId: 'patient', indexDate: 'visit_day' } });
    const byKey = Object.fromEntries(
      rows.map((row) => [`${row.person_id}|${(row.index_date as Date).toISOString().slice(0, 10)}`, row]),
    );
    expect(Object.keys(byKey).sort()).toEqual(['1|2019-06-01', '1|2026-11-24', '77|2026-11-24']);
    expect(byKey['1|2026-11-24']).toMatchObject({ ageYears: 56, coagulationDisorder: true });
    expect(byKey['1|2019-06-01']).toMatchObject({ ageYears: 49, coagulationDisorder: null });
    expect(byKey['77|2026-11-24']).toMatchObject({ ageYears: null, coagulationDisorder: null });
  });

  it('a rule set of its own facts screens in one query, those facts unrecorded', async () => {
    const ruleSet = defineRuleSet({
      id: 'clinic-set',
      version: '1',
      facts: { recentSurgery: { label: { en: 'Recent surgery' } } },
      rules: [
        ...protocolRuleSet.rules,
        {
          id: 'surgery',
          kind: 'absolute',
          when: { type: 'any', facts: ['recentSurgery'] },
          source: { title: 'Clinic policy' },
        },
      ],
    } as never);
    const facts = omopFactsSql({ dialect: 'duckdb', cdmSchema: 'cdm', indexDate: '2026-11-24', ruleSet });
    if (!facts.ok) throw new Error(JSON.stringify(facts.issues));
    expect(facts.value.unmapped).toEqual(['recentSurgery']);
    const query = screeningSql({
      dialect: 'duckdb',
      ruleSet,
      from: facts.value.from,
      facts: facts.value.facts,
      keep: ['person_id'],
    });
    if (!query.ok) throw new Error(JSON.stringify(query.issues));
    const [row] = await engine.query(query.value.sql);
    // A coagulation defect decides; the clinic's fact, unrecorded, is still named as missing.
    expect(row?.status).toBe('contraindicated');
    expect(String(row?.missing).split(',')).toContain('recentSurgery');
    expect(row?.surgery).toBe('unknown');
  });
});
