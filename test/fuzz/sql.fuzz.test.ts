// Fuzzing of acuspine/sql: whatever the options hold, the query writers answer with issues or with
// one statement that DuckDB parses. Rule-set ids, versions, rule ids, codes and names come from
// the caller, so they are where an injection would enter: none may end the statement or start
// another. DuckDB's json_serialize_sql parses a query without running it, and reports any text
// that is not one SELECT as an error.
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { cautionRuleSet, defineRuleSet, type RuleSet } from '../../src/index.js';
import { cohortSummarySql, screeningSql, sqlDialects, summaryFromSqlRows } from '../../src/sql/index.js';
import { anyValue, callUntrusted, fuzzParameters } from './harness.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** Whether DuckDB parses `sql` as exactly one SELECT statement. */
async function parsesAsOneSelect(sql: string): Promise<boolean> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS tree', [sql]);
  const tree = JSON.parse(String(reader.getRowObjectsJS()[0]?.tree)) as { error: boolean; statements?: unknown[] };
  return !tree.error && tree.statements?.length === 1;
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom("'; DROP TABLE patients; --", '"; DROP TABLE x; --', '`', ']', '\\', "\\'", 'a\u0000b', '$$', "E'x'"),
);

/** Mostly a valid name, so that the texts above reach the query; sometimes anything. */
const name = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/) },
  { weight: 1, arbitrary: text },
);

describe('acuspine/sql on untrusted options', () => {
  test.prop([anyValue, fc.constantFrom(...sqlDialects)], fuzzParameters)(
    'screeningSql and cohortSummarySql answer any options with a query or issues, never a throw',
    (options, dialect) => {
      for (const given of [options, { ...(typeof options === 'object' && options !== null ? options : {}), dialect }]) {
        const screening = callUntrusted(given, (input) => screeningSql(input as never));
        const summary = callUntrusted(given, (input) => cohortSummarySql(input as never));
        for (const result of [screening, summary]) expect(typeof result.ok).toBe('boolean');
      }
    },
  );

  test.prop([anyValue, anyValue], fuzzParameters)(
    'summaryFromSqlRows answers any rows with a summary or issues',
    (rows, groupBy) => {
      const result = callUntrusted(rows, (input) =>
        summaryFromSqlRows((Array.isArray(input) ? input : [input]) as never, { groupBy }),
      );
      expect(typeof result.ok).toBe('boolean');
    },
  );

  test.prop(
    [
      fc.record({ id: text, version: text, ruleId: text, code: text, column: name, table: name, group: name }),
      fc.boolean(),
    ],
    { ...fuzzParameters, numRuns: Math.min(fuzzParameters.numRuns, 2000) },
  )(
    'writes one statement that DuckDB parses, or refuses, whatever the names and texts hold',
    async (texts, summarize) => {
      let ruleSet: RuleSet<string, string>;
      try {
        ruleSet = defineRuleSet({
          id: texts.id,
          version: texts.version,
          rules: [{ ...(cautionRuleSet.rules[0] as object), id: texts.ruleId }] as never,
        }) as unknown as RuleSet<string, string>;
      } catch {
        return; // defineRuleSet refused it: nothing reaches SQL.
      }
      const facts = {
        anticoagulantTherapy: { column: texts.column, as: 'codes' as const, yes: [texts.code], no: ['N'] },
      };
      const options = { dialect: 'duckdb' as const, from: texts.table, ruleSet, facts };
      const result = summarize
        ? cohortSummarySql({ ...options, groupBy: texts.group })
        : screeningSql({ ...options, keep: [texts.group] });
      if (!result.ok) return;
      expect(await parsesAsOneSelect(result.value.sql)).toBe(true);
    },
  );
});
