// The exact SQL of every dialect, in files a reviewer reads (test/sql/golden/): for the engines
// that no test here runs (Spark, BigQuery, Trino, SQL Server), this is the check that the text
// stays what was reviewed, beside the conformance query that their users run. A change to the
// writers shows here as a diff of these files; `npx vitest run --project unit test/sql/golden.test.ts -u`
// rewrites them after a change was reviewed.
import { describe, expect, it } from 'vitest';
import { cautionRuleSet, extendProtocol, redFlagRuleSet } from '../../src/index.js';
import { cohortSummarySql, conformanceSql, omopFactsSql, screeningSql, sqlDialects } from '../../src/sql/index.js';

const ruleSet = extendProtocol({
  id: "clinic's set",
  version: '2026.12',
  facts: { metalAllergy: { label: { en: 'Allergy to metals' } } },
  rules: [
    ...cautionRuleSet.rules,
    ...redFlagRuleSet.rules.slice(0, 2),
    {
      id: 'metal-allergy',
      kind: 'relative',
      when: { type: 'any', facts: ['metalAllergy'] },
      source: { title: 'Clinic policy' },
    },
  ],
});
const options = {
  from: 'research.cohort',
  ruleSet,
  facts: {
    ageYears: { birthDate: 'birth_date', indexDate: '2026-12-01' },
    pregnant: { column: 'pregnancy_code', as: 'codes', yes: ['Y', "it's yes"], no: ['N'] },
    oncologicalDisease: { column: 'onco', as: 'zero-one' },
  },
} as const;

const RUN_HERE: readonly string[] = ['duckdb', 'sqlite', 'postgres'];

describe('the SQL of each dialect', () => {
  it.each(sqlDialects.map((dialect) => [dialect]))('%s', async (dialect) => {
    const screening = screeningSql({ dialect, ...options, keep: ['patient_id'] });
    const summary = cohortSummarySql({ dialect, ...options, groupBy: 'site' });
    const conformance = conformanceSql(dialect);
    if (!screening.ok || !summary.ok || !conformance.ok) throw new Error('expected queries');
    await expect(`${screening.value.sql}\n`).toMatchFileSnapshot(`./golden/${dialect}.screening.sql`);
    await expect(`${summary.value.sql}\n`).toMatchFileSnapshot(`./golden/${dialect}.summary.sql`);
    // The conformance query of the engines run here is checked by running it; of the others, by its text.
    if (!RUN_HERE.includes(dialect)) {
      await expect(`${conformance.value.sql}\n`).toMatchFileSnapshot(`./golden/${dialect}.conformance.sql`);
    }
  });

  // The facts of an OMOP CDM, with every option that changes the text: an index table with its
  // own common table expression, a closed world, a shorter acute window, a clinic's vocabulary, and
  // a rule set with a fact no CDM holds. Its answers are checked on DuckDB and PostgreSQL in test/omop.
  it.each(sqlDialects.map((dialect) => [dialect]))('%s: omopFactsSql', async (dialect) => {
    const facts = omopFactsSql({
      dialect,
      cdmSchema: 'cdm',
      indexDate: {
        from: { sql: 'visits', with: 'visits AS (SELECT person_id, visit_start_date FROM cdm.visit_occurrence)' },
        personId: 'person_id',
        indexDate: 'visit_start_date',
      },
      closedWorld: 'within-observation-period',
      acuteWindowDays: 14,
      extraCodes: [
        {
          id: 'clinic-oncology',
          title: 'Local oncology codes',
          kind: 'counts',
          fact: 'oncologicalDisease',
          systems: ['https://clinic.example/codes'],
          codes: ["ONC'1"],
          source: { title: 'Clinic code book' },
        },
      ],
      vocabularies: { 'https://clinic.example/codes': 'CLINIC' },
      ruleSet,
    });
    if (!facts.ok) throw new Error(JSON.stringify(facts.issues));
    await expect(`${facts.value.sql}\n`).toMatchFileSnapshot(`./golden/${dialect}.omop-facts.sql`);
  });
});
