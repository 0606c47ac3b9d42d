// The public types of acuspine/sql: a mapping names only facts the set can read, and a clinic's
// own facts once the set declares them.
import { describe, expectTypeOf, it } from 'vitest';
import { defineRuleSet } from '../../src/index.js';
import { type SqlDialect, type SqlQuery, screeningSql } from '../../src/sql/index.js';

describe('screeningSql types', () => {
  it('returns a Result of a query', () => {
    const query = screeningSql({ dialect: 'postgres', from: 'patients' });
    if (query.ok) expectTypeOf(query.value).toEqualTypeOf<SqlQuery>();
    expectTypeOf<SqlDialect>().toEqualTypeOf<
      'duckdb' | 'postgres' | 'sqlite' | 'spark' | 'bigquery' | 'trino' | 'tsql'
    >();
  });

  it('refuses a misspelt fact in the mapping, and takes a set’s own fact', () => {
    // @ts-expect-error 'pregnancy' is not a fact
    screeningSql({ dialect: 'duckdb', from: 'patients', facts: { pregnancy: { column: 'p' } } });
    const clinic = defineRuleSet({
      id: 'clinic',
      version: '1',
      facts: { metalAllergy: { label: { en: 'Metal allergy' } } },
      rules: [
        {
          id: 'metal',
          kind: 'relative',
          when: { type: 'any', facts: ['metalAllergy'] },
          source: { title: 'Clinic policy' },
        },
      ],
    });
    screeningSql({
      dialect: 'duckdb',
      from: 'patients',
      ruleSet: clinic,
      facts: { metalAllergy: { column: 'metal' } },
    });
    // @ts-expect-error an age from a birth date needs an index date
    screeningSql({ dialect: 'duckdb', from: 'patients', facts: { ageYears: { birthDate: 'born' } } });
  });
});
